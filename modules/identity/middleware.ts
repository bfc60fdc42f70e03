import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../../engine/index.ts';
import { problem } from '../server/errors.ts';
import type { Accounts } from './accounts.ts';
import { allows, type Permission } from './roles.ts';
import type { Sessions } from './sessions.ts';

/** Who made the request, once authenticated. */
export interface Principal {
  username: string;
  displayName: string;
  roles: string[];
  branchCode: string | null;
}

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal;
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
    const session = token ? await deps.sessions.resolve(token, deps.clock.now()) : undefined;
    const account = session ? await deps.accounts.find(session.username) : undefined;
    if (!account) {
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
    c.set('principal', {
      username: account.username,
      displayName: account.displayName,
      roles: account.roles,
      branchCode: account.branchCode,
    });
    await next();
  };
}
