import { createHash, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { type DatabaseTarget, parseDatabaseUrl } from './database-url.ts';

/**
 * The platform's configuration, read from the environment only and validated once at start.
 * Every variable has a default that works in demo mode; README.md lists them all.
 */
export interface Config {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  logLevel: LogLevel;
  demo: boolean;
  demoPassword: string;
  adminPassword: string | undefined;
  tokenSecret: string;
  /**
   * The 32-byte master key of personal data (DATA_KEY): it wraps each customer's own key,
   * keys the blind indexes and the audit chain. Losing it loses the personal data.
   */
  dataKey: Buffer;
  database: DatabaseTarget;
  engine: EngineConfig;
  notifications: NotificationsConfig;
  campaigns: CampaignsConfig;
  onboarding: OnboardingConfig;
}

/** The onboarding module (modules/onboarding). */
export interface OnboardingConfig {
  /**
   * The core-banking system's account API (CORE_BANKING_URL). Unset in demo mode (and tests):
   * the platform starts its core-banking simulator on a loopback port. Unset with DEMO=false:
   * no simulator; account opening fails into an incident naming the variable.
   */
  coreBankingUrl: string | undefined;
}

/** The campaigns module (modules/campaigns). */
export interface CampaignsConfig {
  /** More eligible recipients than this need compliance approval; at or below, approved automatically. */
  approvalThreshold: number;
}

/** The notifications module's channels and outbox (modules/notifications). */
export interface NotificationsConfig {
  /** SMTP relay for e-mail: smtp://host:port (STARTTLS when offered) or smtps://user:password@host:465. */
  smtpUrl: string;
  /** The From of every e-mail. */
  from: string;
  /** Where SMS and WhatsApp messages are POSTed (signed JSON); unset: logged only in demo mode. */
  smsWebhookUrl: string | undefined;
  whatsappWebhookUrl: string | undefined;
  /** HMAC key of outgoing webhook requests and of the providers' delivery callbacks. */
  webhookSecret: string | undefined;
  /** The platform's address as customers reach it: tracking pixels and links point here. */
  publicUrl: string;
  /** Attempts before a message becomes a dead letter. */
  maxAttempts: number;
  /** Wait before the first retry; it doubles with every further attempt. */
  retrySeconds: number;
}

export interface EngineConfig {
  mode: 'embedded' | 'zeebe';
  database: DatabaseTarget;
  gatewayHost: string;
  gatewayPort: number;
  gatewayToken: string | undefined;
  zeebeAddress: string;
  zeebeRestAddress: string | undefined;
  clockControlled: boolean;
  /**
   * Zeebe mode: the SDK's own authentication variables, as set (CAMUNDA_AUTH_STRATEGY,
   * CAMUNDA_OAUTH_URL, ZEEBE_CLIENT_ID…), passed to the gRPC client and used for /v2 forwarding.
   */
  camundaAuth: Record<string, string>;
}

export type LogLevel = z.infer<typeof logLevel>;

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `expected one of ${values.join(', ')}` });
}

const logLevel = oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0'], { error: 'expected true or false' }))
  .transform((v) => v === 'true' || v === '1');

const portNumber = z
  .string()
  .trim()
  .regex(/^\d+$/, 'expected a whole number from 0 to 65535')
  .transform(Number)
  .pipe(z.number().max(65535, 'expected a whole number from 0 to 65535'));

const databaseUrl = z.string().transform((value, ctx) => {
  const parsed = parseDatabaseUrl(value);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return parsed;
});

const hostPort = z
  .string()
  .trim()
  .regex(/^[^\s:/]+:\d{1,5}$/, 'expected host:port, for example localhost:26500');

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

function wholeNumber(min: number, max: number) {
  const message = `expected a whole number from ${min} to ${max}`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));
}

const env = z.object({
  NODE_ENV: oneOf(['development', 'test', 'production']).default('development'),
  PORT: portNumber.default(3000),
  LOG_LEVEL: logLevel.optional(),
  DEMO: bool.optional(),
  DEMO_PASSWORD: z.string().min(1, 'must not be empty').default('demo'),
  ADMIN_PASSWORD: z.string().optional(),
  TOKEN_SECRET: z.string().optional(),
  DATA_KEY: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9+/_-]{43}=?$/, 'expected 32 random bytes in base64 (openssl rand -base64 32)')
    .optional(),
  DATABASE_URL: databaseUrl.default(parseDatabaseUrl('sqlite:data/crm.sqlite') as DatabaseTarget),
  ENGINE: oneOf(['embedded', 'zeebe']).default('embedded'),
  ENGINE_DATABASE_URL: databaseUrl.default(parseDatabaseUrl('sqlite:data/engine.sqlite') as DatabaseTarget),
  ZEEBE_GATEWAY_HOST: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
  ZEEBE_GATEWAY_PORT: portNumber.default(26500),
  ZEEBE_GATEWAY_TOKEN: z.string().optional(),
  ZEEBE_ADDRESS: hostPort.optional(),
  ZEEBE_REST_ADDRESS: httpUrl.optional(),
  ZEEBE_CLOCK_CONTROLLED: bool.default(false),
  CAMUNDA_AUTH_STRATEGY: oneOf(['NONE', 'OAUTH', 'BEARER', 'BASIC']).optional(),
  CAMUNDA_OAUTH_URL: httpUrl.optional(),
  CAMUNDA_SECURE_CONNECTION: z.string().pipe(bool).optional(),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'expected smtp://host:port or smtps://user:password@host:465' })
    .default('smtp://127.0.0.1:1025'),
  NOTIFY_FROM: z
    .string()
    .trim()
    .regex(
      /^(?:[^<>@]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
      'expected an e-mail address, optionally with a name: Bank <notifikasi@bank.example>',
    )
    .default('Bank Demo Medan <notifikasi@bank.example>'),
  SMS_WEBHOOK_URL: httpUrl.optional(),
  WHATSAPP_WEBHOOK_URL: httpUrl.optional(),
  WEBHOOK_SECRET: z.string().optional(),
  PUBLIC_URL: httpUrl.optional(),
  NOTIFY_MAX_ATTEMPTS: wholeNumber(1, 20).default(5),
  NOTIFY_RETRY_SECONDS: wholeNumber(1, 86_400).default(60),
  CAMPAIGN_APPROVAL_THRESHOLD: wholeNumber(0, 100_000_000).default(10_000),
  CORE_BANKING_URL: httpUrl.optional(),
});

/** The SDK's authentication variables the platform passes through in Zeebe mode (README). */
export const CAMUNDA_AUTH_VARIABLES = [
  'CAMUNDA_AUTH_STRATEGY',
  'CAMUNDA_OAUTH_URL',
  'ZEEBE_CLIENT_ID',
  'ZEEBE_CLIENT_SECRET',
  'ZEEBE_TOKEN_AUDIENCE',
  'CAMUNDA_TOKEN_SCOPE',
  'CAMUNDA_OAUTH_TOKEN',
  'CAMUNDA_BASIC_AUTH_USERNAME',
  'CAMUNDA_BASIC_AUTH_PASSWORD',
  'CAMUNDA_SECURE_CONNECTION',
  'CAMUNDA_CUSTOM_ROOT_CERT_PATH',
] as const;

/** What each strategy cannot work without. */
const AUTH_NEEDS: Record<string, string[]> = {
  OAUTH: ['CAMUNDA_OAUTH_URL', 'ZEEBE_CLIENT_ID', 'ZEEBE_CLIENT_SECRET'],
  BEARER: ['CAMUNDA_OAUTH_TOKEN'],
  BASIC: ['CAMUNDA_BASIC_AUTH_USERNAME', 'CAMUNDA_BASIC_AUTH_PASSWORD'],
};

const MIN_SECRET_LENGTH = 32;
const MIN_ADMIN_PASSWORD_LENGTH = 12;

/** Reads and checks the configuration; throws a ConfigError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv | Record<string, string | undefined>): Config {
  // An empty string means "not set", as in most twelve-factor tools.
  const raw = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = env.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? '(environment)');
        const value = raw[variable];
        const got = value === undefined || SECRETS.has(variable) ? '' : `, got '${shown(value)}'`;
        return { variable, message: `${issue.message}${got}` };
      }),
    );
  }
  const e = parsed.data;
  const demo = e.DEMO ?? e.NODE_ENV !== 'production';
  const problems: { variable: string; message: string }[] = [];

  if (!demo) {
    if (!e.ADMIN_PASSWORD) {
      problems.push({ variable: 'ADMIN_PASSWORD', message: 'is required when DEMO=false' });
    } else if (e.ADMIN_PASSWORD.length < MIN_ADMIN_PASSWORD_LENGTH) {
      problems.push({
        variable: 'ADMIN_PASSWORD',
        message: `must be at least ${MIN_ADMIN_PASSWORD_LENGTH} characters when DEMO=false`,
      });
    }
    if (!e.TOKEN_SECRET) {
      problems.push({ variable: 'TOKEN_SECRET', message: 'is required when DEMO=false' });
    }
    if (!e.DATA_KEY) {
      problems.push({
        variable: 'DATA_KEY',
        message: 'is required when DEMO=false (openssl rand -base64 32)',
      });
    }
    if (e.ZEEBE_CLOCK_CONTROLLED) {
      problems.push({
        variable: 'ZEEBE_CLOCK_CONTROLLED',
        message: 'clock control is for tests and demos; it is refused when DEMO=false',
      });
    }
  }
  if (e.TOKEN_SECRET && e.TOKEN_SECRET.length < MIN_SECRET_LENGTH) {
    problems.push({
      variable: 'TOKEN_SECRET',
      message: `must be at least ${MIN_SECRET_LENGTH} characters`,
    });
  }
  if (e.ENGINE === 'embedded' && !isLoopback(e.ZEEBE_GATEWAY_HOST) && !e.ZEEBE_GATEWAY_TOKEN) {
    problems.push({
      variable: 'ZEEBE_GATEWAY_TOKEN',
      message: `is required when ZEEBE_GATEWAY_HOST (${e.ZEEBE_GATEWAY_HOST}) is not a loopback address`,
    });
  }
  if (
    e.ENGINE === 'embedded' &&
    e.DATABASE_URL.dialect === 'sqlite' &&
    e.ENGINE_DATABASE_URL.dialect === 'sqlite' &&
    e.DATABASE_URL.storage !== ':memory:' &&
    resolve(e.DATABASE_URL.storage) === resolve(e.ENGINE_DATABASE_URL.storage)
  ) {
    // Two SQLite libraries on one file in one process can corrupt it (DESIGN seam 5).
    problems.push({
      variable: 'ENGINE_DATABASE_URL',
      message: 'must name a different SQLite file from DATABASE_URL; the engine keeps its own file',
    });
  }
  const camundaAuth = Object.fromEntries(
    CAMUNDA_AUTH_VARIABLES.filter((name) => raw[name] !== undefined).map((name) => [
      name,
      String(raw[name]).trim(),
    ]),
  );
  if (e.ENGINE === 'zeebe' && e.CAMUNDA_AUTH_STRATEGY)
    for (const needed of AUTH_NEEDS[e.CAMUNDA_AUTH_STRATEGY] ?? [])
      if (!camundaAuth[needed])
        problems.push({
          variable: needed,
          message: `is required when CAMUNDA_AUTH_STRATEGY=${e.CAMUNDA_AUTH_STRATEGY}`,
        });
  const webhookSet = (['SMS_WEBHOOK_URL', 'WHATSAPP_WEBHOOK_URL'] as const).find((name) => e[name]);
  if (!demo && !e.WEBHOOK_SECRET && webhookSet)
    problems.push({
      variable: 'WEBHOOK_SECRET',
      message: `is required when DEMO=false and ${webhookSet} is set`,
    });
  if (e.WEBHOOK_SECRET && e.WEBHOOK_SECRET.length < MIN_SECRET_LENGTH) {
    problems.push({
      variable: 'WEBHOOK_SECRET',
      message: `must be at least ${MIN_SECRET_LENGTH} characters`,
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    demo,
    demoPassword: e.DEMO_PASSWORD,
    adminPassword: e.ADMIN_PASSWORD,
    tokenSecret: e.TOKEN_SECRET ?? randomBytes(32).toString('base64url'),
    // Demo data must stay readable across restarts, so demo mode has a fixed, public key.
    dataKey: e.DATA_KEY
      ? Buffer.from(e.DATA_KEY.replaceAll('-', '+').replaceAll('_', '/'), 'base64')
      : createHash('sha256').update('demo data key: never for real customers').digest(),
    database: e.DATABASE_URL,
    engine: {
      mode: e.ENGINE,
      database: e.ENGINE_DATABASE_URL,
      gatewayHost: e.ZEEBE_GATEWAY_HOST,
      gatewayPort: e.ZEEBE_GATEWAY_PORT,
      gatewayToken: e.ZEEBE_GATEWAY_TOKEN,
      zeebeAddress: e.ZEEBE_ADDRESS ?? `${e.ZEEBE_GATEWAY_HOST}:${e.ZEEBE_GATEWAY_PORT}`,
      zeebeRestAddress: e.ZEEBE_REST_ADDRESS,
      clockControlled: e.ZEEBE_CLOCK_CONTROLLED,
      camundaAuth: e.ENGINE === 'zeebe' ? camundaAuth : {},
    },
    notifications: {
      smtpUrl: e.SMTP_URL,
      from: e.NOTIFY_FROM,
      smsWebhookUrl: e.SMS_WEBHOOK_URL,
      whatsappWebhookUrl: e.WHATSAPP_WEBHOOK_URL,
      // Demo mode signs with a fixed, public secret so a demo provider can be set up once.
      webhookSecret: e.WEBHOOK_SECRET ?? (demo ? 'demo webhook secret: never for real providers' : undefined),
      publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
      maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
      retrySeconds: e.NOTIFY_RETRY_SECONDS,
    },
    campaigns: { approvalThreshold: e.CAMPAIGN_APPROVAL_THRESHOLD },
    onboarding: { coreBankingUrl: e.CORE_BANKING_URL?.replace(/\/+$/, '') },
  };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

/** Variables whose values never appear in a message or a log. */
const SECRETS = new Set([
  'ADMIN_PASSWORD',
  'TOKEN_SECRET',
  'DATA_KEY',
  'ZEEBE_GATEWAY_TOKEN',
  'DEMO_PASSWORD',
  'ZEEBE_CLIENT_SECRET',
  'CAMUNDA_OAUTH_TOKEN',
  'CAMUNDA_BASIC_AUTH_PASSWORD',
  'WEBHOOK_SECRET',
]);

/** A value as it may be shown: credentials in URLs hidden, long values cut. */
function shown(value: string): string {
  const safe = value.replace(/\/\/([^:@/]*):([^@/]*)@/, '//$1:***@');
  return safe.length > 60 ? `${safe.slice(0, 57)}...` : safe;
}
