import type { Context } from 'hono';
import type { Principal } from '../identity/middleware.ts';
import { customerScopeOf } from '../identity/scope.ts';
import { requestSource } from '../server/request-source.ts';

/** Which applications a member of staff sees: their branch's, or all (contact centre, head office). */
export type ApplicationScope = { kind: 'all' } | { kind: 'branch'; branchCode: string } | { kind: 'none' };

export interface Staff {
  username: string;
  roles: readonly string[];
  scope: ApplicationScope;
  source: string | null;
}

/**
 * As customers' scope, except that a relationship manager works their branch's applications:
 * an applicant joins a portfolio only once the process assigns one.
 */
export function applicationScopeOf(principal: Principal): ApplicationScope {
  const scope = customerScopeOf(principal);
  if (scope.kind !== 'portfolio') return scope;
  return principal.branchCode ? { kind: 'branch', branchCode: principal.branchCode } : { kind: 'none' };
}

export function staffOf(c: Context): Staff {
  const principal = c.get('principal');
  return {
    username: principal.username,
    roles: principal.roles,
    scope: applicationScopeOf(principal),
    source: requestSource(c),
  };
}

export function inScope(scope: ApplicationScope, branchCode: string): boolean {
  return scope.kind === 'all' || (scope.kind === 'branch' && scope.branchCode === branchCode);
}

/** The platform itself (workers): sees every application. */
export const SYSTEM: Staff = { username: 'system', roles: [], scope: { kind: 'all' }, source: null };
