import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const DATA_KEY = Buffer.alloc(32, 7).toString('base64');

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('given no variables, starts in demo mode on SQLite with the embedded engine', () => {
    const config = loadConfig({});
    expect(config.demo).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.demoPassword).toBe('demo');
    expect(config.database).toMatchObject({ dialect: 'sqlite', storage: 'data/crm.sqlite' });
    expect(config.engine).toMatchObject({
      mode: 'embedded',
      database: { dialect: 'sqlite', storage: 'data/engine.sqlite' },
      gatewayHost: '127.0.0.1',
      gatewayPort: 26500,
      zeebeAddress: '127.0.0.1:26500',
      clockControlled: false,
    });
    expect(config.tokenSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DEMO: '  ' }).port).toBe(3000);
  });

  it('given a MySQL URL, parses host, port, user, password and database', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://crm:s%40cret@db.internal:3307/crm' });
    expect(config.database).toMatchObject({
      dialect: 'mysql',
      host: 'db.internal',
      port: 3307,
      user: 'crm',
      password: 's@cret',
      database: 'crm',
    });
  });

  it.each([
    ['PORT', 'abc', 'expected a whole number from 0 to 65535'],
    ['PORT', '70000', 'expected a whole number from 0 to 65535'],
    ['DEMO', 'maybe', 'expected true or false'],
    ['ENGINE', 'camunda7', 'embedded'],
    ['LOG_LEVEL', 'loud', 'info'],
    ['DATABASE_URL', 'postgres://x@y/z', 'expected sqlite:<file> or mysql://'],
    ['DATABASE_URL', 'mysql://root@127.0.0.1:3306/', 'names no database'],
    ['ENGINE_DATABASE_URL', 'sqlite:', 'expected a file after sqlite:'],
    ['ZEEBE_ADDRESS', 'http://zeebe', 'expected host:port'],
    ['ZEEBE_REST_ADDRESS', 'ftp://zeebe', 'expected an http(s) URL'],
    ['ZEEBE_CLOCK_CONTROLLED', 'yes please', 'expected true or false'],
  ])('given %s=%s, refuses to start naming the variable', (variable, value, expected) => {
    const problems = problemsOf({ [variable]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.variable).toBe(variable);
    expect(problems[0]?.message).toContain(expected);
    expect(problems[0]?.message).toContain(`got '${value}'`);
  });

  it('reports every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'x', DEMO: 'y' });
    expect(problems.map((p) => p.variable).sort()).toEqual(['DEMO', 'PORT']);
  });

  it('given NODE_ENV=production, turns demo mode off and requires the admin password, token secret and data key', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual([
      { variable: 'ADMIN_PASSWORD', message: 'is required when DEMO=false' },
      { variable: 'TOKEN_SECRET', message: 'is required when DEMO=false' },
      { variable: 'DATA_KEY', message: 'is required when DEMO=false (openssl rand -base64 32)' },
    ]);
  });

  it('passes the SDK authentication variables through in Zeebe mode, requiring what the strategy needs', () => {
    const zeebe = { ENGINE: 'zeebe', ZEEBE_ADDRESS: 'zeebe:26500' };
    const problems = problemsOf({
      ...zeebe,
      CAMUNDA_AUTH_STRATEGY: 'OAUTH',
      ZEEBE_CLIENT_SECRET: 'hidden-secret',
    });
    expect(problems.map((p) => p.variable)).toEqual(['CAMUNDA_OAUTH_URL', 'ZEEBE_CLIENT_ID']);
    const config = loadConfig({
      ...zeebe,
      CAMUNDA_AUTH_STRATEGY: 'OAUTH',
      CAMUNDA_OAUTH_URL: 'https://login.example.com/oauth/token',
      ZEEBE_CLIENT_ID: 'platform',
      ZEEBE_CLIENT_SECRET: 'hidden-secret',
    });
    expect(config.engine.camundaAuth).toEqual({
      CAMUNDA_AUTH_STRATEGY: 'OAUTH',
      CAMUNDA_OAUTH_URL: 'https://login.example.com/oauth/token',
      ZEEBE_CLIENT_ID: 'platform',
      ZEEBE_CLIENT_SECRET: 'hidden-secret',
    });
    expect(problemsOf({ ...zeebe, CAMUNDA_AUTH_STRATEGY: 'KERBEROS' })[0]?.variable).toBe(
      'CAMUNDA_AUTH_STRATEGY',
    );
    expect(loadConfig({ CAMUNDA_AUTH_STRATEGY: 'OAUTH' }).engine.camundaAuth).toEqual({});
  });

  it('reads DATA_KEY as 32 bytes of base64, never echoing a wrong one', () => {
    expect(loadConfig({ DATA_KEY }).dataKey).toEqual(Buffer.alloc(32, 7));
    const problems = problemsOf({ DATA_KEY: 'too-short-secret' });
    expect(problems[0]?.variable).toBe('DATA_KEY');
    expect(JSON.stringify(problems)).not.toContain('too-short-secret');
    // Demo mode has a fixed key, so demo data stays readable across restarts.
    expect(loadConfig({}).dataKey).toEqual(loadConfig({}).dataKey);
  });

  it('given DEMO=false with good secrets, starts without demo mode', () => {
    const config = loadConfig({
      DEMO: 'false',
      ADMIN_PASSWORD: 'a-long-admin-password',
      TOKEN_SECRET: 'x'.repeat(40),
      DATA_KEY,
    });
    expect(config.demo).toBe(false);
    expect(config.adminPassword).toBe('a-long-admin-password');
    expect(config.tokenSecret).toBe('x'.repeat(40));
  });

  it('refuses a short admin password or token secret without ever echoing them', () => {
    const problems = problemsOf({ DEMO: 'false', ADMIN_PASSWORD: 'short', TOKEN_SECRET: 'tiny', DATA_KEY });
    expect(problems.map((p) => p.variable)).toEqual(['ADMIN_PASSWORD', 'TOKEN_SECRET']);
    expect(JSON.stringify(problems)).not.toMatch(/short|tiny/);
  });

  it('hides the password of a database URL in messages', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://root:hunter2@db/' });
    expect(problems[0]?.message).not.toContain('hunter2');
  });

  it('refuses clock control when DEMO=false', () => {
    const problems = problemsOf({
      DEMO: 'false',
      ADMIN_PASSWORD: 'a-long-admin-password',
      TOKEN_SECRET: 'x'.repeat(40),
      DATA_KEY,
      ZEEBE_CLOCK_CONTROLLED: 'true',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.variable).toBe('ZEEBE_CLOCK_CONTROLLED');
  });

  it('requires a gateway token when the embedded gateway listens beyond loopback', () => {
    const problems = problemsOf({ ZEEBE_GATEWAY_HOST: '0.0.0.0' });
    expect(problems[0]?.variable).toBe('ZEEBE_GATEWAY_TOKEN');
    expect(loadConfig({ ZEEBE_GATEWAY_HOST: '0.0.0.0', ZEEBE_GATEWAY_TOKEN: 't' }).engine.gatewayToken).toBe(
      't',
    );
    expect(loadConfig({ ZEEBE_GATEWAY_HOST: 'localhost' }).engine.gatewayHost).toBe('localhost');
  });

  it('refuses one SQLite file for both the CRM data and the engine', () => {
    const problems = problemsOf({
      DATABASE_URL: 'sqlite:data/x.sqlite',
      ENGINE_DATABASE_URL: 'sqlite:./data/x.sqlite',
    });
    expect(problems[0]?.variable).toBe('ENGINE_DATABASE_URL');
  });

  it('given ENGINE=zeebe, connects to ZEEBE_ADDRESS', () => {
    const config = loadConfig({
      ENGINE: 'zeebe',
      ZEEBE_ADDRESS: 'zeebe:26500',
      ZEEBE_REST_ADDRESS: 'http://zeebe:8080',
    });
    expect(config.engine).toMatchObject({
      mode: 'zeebe',
      zeebeAddress: 'zeebe:26500',
      zeebeRestAddress: 'http://zeebe:8080',
    });
  });

  it('given no notification variables, sends through a local mail catcher with demo defaults', () => {
    expect(loadConfig({ PORT: '3100' }).notifications).toEqual({
      smtpUrl: 'smtp://127.0.0.1:1025',
      from: 'Bank Demo Medan <notifikasi@bank.example>',
      smsWebhookUrl: undefined,
      whatsappWebhookUrl: undefined,
      webhookSecret: 'demo webhook secret: never for real providers',
      publicUrl: 'http://localhost:3100',
      maxAttempts: 5,
      retrySeconds: 60,
    });
    expect(loadConfig({ PUBLIC_URL: 'https://crm.bank.example/' }).notifications.publicUrl).toBe(
      'https://crm.bank.example',
    );
  });

  it.each([
    ['SMTP_URL', 'http://mail:25', 'expected smtp://host:port'],
    ['NOTIFY_FROM', 'bank', 'expected an e-mail address'],
    ['SMS_WEBHOOK_URL', 'sms-gateway', 'expected an http(s) URL'],
    ['WHATSAPP_WEBHOOK_URL', 'ftp://wa', 'expected an http(s) URL'],
    ['PUBLIC_URL', 'crm.bank.example', 'expected an http(s) URL'],
    ['NOTIFY_MAX_ATTEMPTS', '0', 'expected a whole number from 1 to 20'],
    ['NOTIFY_RETRY_SECONDS', 'soon', 'expected a whole number from 1 to 86400'],
  ])('given %s=%s, refuses to start naming the variable', (variable, value, expected) => {
    const problems = problemsOf({ [variable]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.variable).toBe(variable);
    expect(problems[0]?.message).toContain(expected);
  });

  it('given DEMO=false and a webhook URL, requires a long WEBHOOK_SECRET and never echoes it', () => {
    const production = {
      DEMO: 'false',
      ADMIN_PASSWORD: 'a-long-admin-password',
      TOKEN_SECRET: 'x'.repeat(40),
      DATA_KEY,
    };
    expect(loadConfig(production).notifications.webhookSecret).toBeUndefined();
    const missing = problemsOf({ ...production, SMS_WEBHOOK_URL: 'https://sms.example/send' });
    expect(missing).toEqual([
      { variable: 'WEBHOOK_SECRET', message: 'is required when DEMO=false and SMS_WEBHOOK_URL is set' },
    ]);
    const short = problemsOf({ WEBHOOK_SECRET: 'tiny-secret' });
    expect(short[0]?.variable).toBe('WEBHOOK_SECRET');
    expect(JSON.stringify(short)).not.toContain('tiny-secret');
  });
});
