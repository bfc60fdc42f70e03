import type { CustomerScope } from '../identity/scope.ts';

/** Who is asking, as the customers service sees it. */
export interface Viewer {
  username: string;
  roles: readonly string[];
  scope: CustomerScope;
  /** The caller's address, for the audit trail. */
  source: string | null;
}

/** The SQL condition that keeps a query inside the viewer's scope (alias `c` = customers). */
export function scopeCondition(scope: CustomerScope): { sql: string; replacements: Record<string, string> } {
  if (scope.kind === 'portfolio')
    return { sql: 'c.rm_username = :scopeUser', replacements: { scopeUser: scope.username } };
  if (scope.kind === 'branch')
    return { sql: 'c.branch_code = :scopeBranch', replacements: { scopeBranch: scope.branchCode } };
  return { sql: '1 = 1', replacements: {} };
}

export function inScope(
  scope: CustomerScope,
  customer: { branchCode: string; rmUsername: string | null },
): boolean {
  if (scope.kind === 'portfolio') return customer.rmUsername === scope.username;
  if (scope.kind === 'branch') return customer.branchCode === scope.branchCode;
  return true;
}
