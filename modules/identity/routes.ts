import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Sequelize } from 'sequelize';
import type { Clock } from '../../engine/index.ts';
import { problem } from '../server/errors.ts';
import { ProblemSchema } from '../server/problem-schema.ts';
import { requestSource } from '../server/request-source.ts';
import type { Accounts } from './accounts.ts';
import { login } from './login.ts';
import { bearerToken, requires } from './middleware.ts';
import { BRANCH_KINDS } from './roles.ts';
import type { Sessions } from './sessions.ts';

const Credentials = z
  .object({
    username: z.string().trim().min(1).max(100).openapi({ example: 'agent1' }),
    password: z.string().min(1).max(1000).openapi({ example: 'demo' }),
  })
  .openapi('Credentials');

const Token = z
  .object({
    token: z.string().describe('Send as `Authorization: Bearer <token>`'),
    expiresAt: z.iso.datetime(),
    user: z.object({ username: z.string(), displayName: z.string(), roles: z.array(z.string()) }),
  })
  .openapi('Token');

const Me = z
  .object({
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    branchCode: z.string().nullable(),
    branchKind: z.enum(BRANCH_KINDS).nullable(),
  })
  .openapi('Me');

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['identity'],
  summary: 'Log in with username and password; returns a bearer token',
  request: { body: { content: { 'application/json': { schema: Credentials } }, required: true } },
  responses: {
    200: { description: 'Logged in', content: { 'application/json': { schema: Token } } },
    401: { description: 'Wrong username or password', content: problemContent },
    423: { description: 'The account is locked after repeated failures', content: problemContent },
    429: { description: 'Too many attempts from this address', content: problemContent },
  },
});

const logoutRoute = createRoute({
  ...requires(),
  method: 'post',
  path: '/api/auth/logout',
  tags: ['identity'],
  summary: 'Revoke the token of this request, on every replica',
  responses: {
    204: { description: 'Logged out' },
    401: { description: 'No live token', content: problemContent },
  },
});

const meRoute = createRoute({
  ...requires(),
  method: 'get',
  path: '/api/auth/me',
  tags: ['identity'],
  summary: 'Who the token belongs to',
  responses: {
    200: { description: 'The user', content: { 'application/json': { schema: Me } } },
    401: { description: 'No live token', content: problemContent },
  },
});

export function identityRoutes(
  app: OpenAPIHono,
  deps: { sequelize: Sequelize; accounts: Accounts; sessions: Sessions; clock: Clock },
) {
  const { clock, sessions } = deps;
  app.openapi(loginRoute, (async (c: Context) => {
    const { username, password } = (
      c.req as unknown as { valid(t: 'json'): z.infer<typeof Credentials> }
    ).valid('json');
    const outcome = await login(deps, { username, password, source: requestSource(c), now: clock.now() });
    if (outcome.ok) {
      const account = await deps.accounts.find(outcome.username);
      return c.json({
        token: outcome.token,
        expiresAt: new Date(outcome.expiresAt).toISOString(),
        user: {
          username: outcome.username,
          displayName: account?.displayName ?? '',
          roles: account?.roles ?? [],
        },
      });
    }
    if (outcome.reason === 'rate-limited') {
      c.header('Retry-After', String(Math.ceil(outcome.retryAfterMs / 1000)));
      return problem(c, {
        status: 429,
        code: 'TOO_MANY_ATTEMPTS',
        detail: 'Too many login attempts from this address; wait a minute and try again',
      });
    }
    if (outcome.reason === 'locked')
      return problem(c, {
        status: 423,
        code: 'ACCOUNT_LOCKED',
        detail: `The account is locked after repeated failed logins until ${new Date(outcome.until).toISOString()}`,
      });
    return problem(c, { status: 401, code: 'INVALID_CREDENTIALS', detail: 'Wrong username or password' });
  }) as never);

  app.openapi(logoutRoute, (async (c: Context) => {
    await sessions.revoke(bearerToken(c) as string, clock.now());
    return c.body(null, 204);
  }) as never);

  app.openapi(meRoute, ((c: Context) => c.json(c.get('principal'))) as never);
}
