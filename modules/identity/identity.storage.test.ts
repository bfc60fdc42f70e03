import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { createTestDatabases, type TestDatabases } from '../../tests/harness/test-database.ts';
import { ATTEMPTS_PER_MINUTE, LOCK_AFTER, LOCK_MS } from './login.ts';
import { SESSION_MS } from './sessions.ts';

const T0 = Date.parse('2027-03-01T01:00:00Z');

interface TokenBody {
  token: string;
  expiresAt: string;
  user: { username: string; roles: string[] };
}

describe(`identity: login, tokens, lockout, rate limit (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let databases: TestDatabases;
  let p: TestPlatform;
  let replica: TestPlatform;
  beforeAll(async () => {
    databases = await createTestDatabases();
    p = await createPlatform({ databases });
    // A second server on the same databases, as a second replica behind a load balancer.
    replica = await createPlatform({ databases });
  });
  afterAll(async () => {
    await replica?.close();
    await p?.close();
    await databases?.drop();
  });
  /** Both replicas' clocks at `t`, as if they shared the wall clock. */
  const pin = (t: number) => {
    p.clock.pin(t);
    replica.clock.pin(t);
  };

  const login = (username: string, password: string, on = p) =>
    on.http.post<TokenBody & { code?: string; detail?: string }>('/api/auth/login', { username, password });

  it('a demo user logs in and the token says who they are, on every replica', async () => {
    pin(T0);
    const answer = await login('lead1', 'demo');
    expect(answer.status).toBe(200);
    expect(answer.body.user).toEqual({
      username: 'lead1',
      displayName: 'Yusuf Pane',
      roles: ['compliance', 'marketing'],
    });
    expect(answer.body.expiresAt).toBe(new Date(T0 + SESSION_MS).toISOString());
    const me = await replica.http.withToken(answer.body.token).get('/api/auth/me');
    expect(me.body).toEqual({
      username: 'lead1',
      displayName: 'Yusuf Pane',
      roles: ['compliance', 'marketing'],
      branchCode: null,
      branchKind: null,
    });
    const agent = await login('agent1', 'demo');
    expect((await p.http.withToken(agent.body.token).get('/api/auth/me')).body).toMatchObject({
      branchCode: 'MDN-CC',
      branchKind: 'contact-centre',
    });
  });

  it('logout on one replica revokes the token on all of them', async () => {
    const { body } = await login('agent2', 'demo');
    expect((await p.http.withToken(body.token).post('/api/auth/logout')).status).toBe(204);
    const after = await replica.http.withToken(body.token).get<{ code: string }>('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
  });

  it('a token expires after a working day by the platform clock', async () => {
    pin(T0);
    const { body } = await login('rm1', 'demo');
    pin(T0 + SESSION_MS + 1);
    expect((await p.http.withToken(body.token).get('/api/auth/me')).status).toBe(401);
    pin(T0);
  });

  it('a wrong password and an unknown user get the same answer', async () => {
    const wrong = await login('owner', 'not-the-password');
    const unknown = await login('nobody', 'demo');
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        detail: 'Wrong username or password',
      });
    }
  });

  it(`after ${LOCK_AFTER} failures in a row the account locks, even for the right password, until the lock ends`, async () => {
    pin(T0 + 10 * 60_000);
    for (let i = 1; i < LOCK_AFTER; i++) expect((await login('owner2', `wrong-${i}`)).status).toBe(401);
    const locked = await login('owner2', 'wrong-again');
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    // The lock is in the database: the other replica refuses too.
    expect((await login('owner2', 'demo', replica)).status).toBe(423);
    pin(T0 + 10 * 60_000 + LOCK_MS + 1);
    expect((await login('owner2', 'demo')).status).toBe(200);
  });

  it(`more than ${ATTEMPTS_PER_MINUTE} attempts a minute from one address are refused on every replica`, async () => {
    pin(T0 + 60 * 60_000);
    const answers = [];
    for (let i = 0; i < ATTEMPTS_PER_MINUTE; i++)
      answers.push((await login('compliance2', i % 2 ? 'demo' : 'x', i % 2 ? p : replica)).status);
    expect(answers).not.toContain(429);
    const refused = await login('compliance2', 'demo');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('TOO_MANY_ATTEMPTS');
    pin(T0 + 61 * 60_000);
    expect((await login('compliance2', 'demo')).status).toBe(200);
  });

  it('the /v2 read API needs a login with the processes.read permission', async () => {
    pin(T0 + 2 * 60 * 60_000);
    const search = (client: typeof p.http) =>
      client.post<{ code?: string }>('/v2/process-instances/search', {});
    const anonymous = await search(p.anonymous);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    const agent = await login('agent1', 'demo');
    const refused = await search(p.anonymous.withToken(agent.body.token));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    const owner = await login('owner', 'demo');
    expect((await search(p.anonymous.withToken(owner.body.token))).status).toBe(200);
  });

  it('bad input is a 400 naming the field', async () => {
    const answer = await p.http.post<{ errors: { field: string }[] }>('/api/auth/login', {
      username: 'agent1',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e) => e.field)).toContain('body.password');
  });
});

describe(`identity without demo mode (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform({
      env: {
        DEMO: 'false',
        ZEEBE_CLOCK_CONTROLLED: 'false',
        ADMIN_PASSWORD: 'Sangat-Rahasia-2027',
        TOKEN_SECRET: 'a-secret-of-at-least-thirty-two-characters',
        DATA_KEY: 'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=',
      },
    });
  });
  afterAll(() => p?.close());

  it('only admin exists, with ADMIN_PASSWORD', async () => {
    expect(
      (await p.http.post('/api/auth/login', { username: 'admin', password: 'Sangat-Rahasia-2027' })).status,
    ).toBe(200);
    expect((await p.http.post('/api/auth/login', { username: 'agent1', password: 'demo' })).status).toBe(401);
    expect((await p.http.post('/api/auth/login', { username: 'admin', password: 'demo' })).status).toBe(401);
  });
});
