import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../../engine/index.ts';
import { problem } from '../server/errors.ts';
import type { Accounts } from './accounts.ts';
import { allows, type BranchKind, type Permission } from './roles.ts';
import type { Sessions } from './sessions.ts';

/** Who made the request, once authenticated. */
export interface Principal {
  username: string;
  displayName: string;
  roles: string[];
  branchCode: string | null;
  /** The kind of the user's branch (null without one): see customerScopeOf in scope.ts. */
  branchKind: BranchKind | null;
}

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal;
    /** Set once for every request by the server (app.ts): what `requires` checks tokens with. */
    login: LoginDeps;
  }
}

export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/**
 * Requires a live bearer token and, when given, a permission one of the user's roles grants
 * (DESIGN: each route declares its permission beside it). 401 without a valid token, 403
 * without the permission.
 */
export function requireLogin(
  deps: { sessions: Sessions; accounts: Accounts; clock: Clock },
  permission?: Permission,
): MiddlewareHandler {
  return async (c, next) => {
    const token = bearerToken(c);
    const account = token ? await deps.sessions.principal(token, deps.clock.now()) : undefined;
    // A disabled account's tokens stop working at once, on every replica.
    if (!account || account.disabled) {
      c.header('WWW-Authenticate', 'Bearer');
      return problem(c, {
        status: 401,
        code: 'UNAUTHENTICATED',
        detail: token
          ? 'The token is expired, revoked or unknown: log in again'
          : 'Log in first (POST /api/auth/login)',
      });
    }
    if (permission && !allows(account.roles, permission))
      return problem(c, {
        status: 403,
        code: 'FORBIDDEN',
        detail: `This needs the permission '${permission}', which none of your roles (${account.roles.join(', ')}) grants`,
      });
    const { disabled: _, ...principal } = account;
    c.set('principal', principal);
    await next();
  };
}

export type LoginDeps = Parameters<typeof requireLogin>[0];

/**
 * The part of a route's definition that says who may call it, so the permission sits beside
 * the route (DESIGN): `createRoute({ ...requires('customers.read'), method, path, … })`;
 * without a permission, any logged-in user. It runs before input validation, and the
 * OpenAPI description shows it as `x-permission`.
 */
export function requires(permission?: Permission) {
  const middleware: MiddlewareHandler = (c, next) => requireLogin(c.get('login'), permission)(c, next);
  return {
    middleware,
    security: [{ bearer: [] as string[] }],
    'x-permission': permission ?? 'login',
  };
}
