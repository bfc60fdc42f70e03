import type { BranchKind } from './roles.ts';

/** Which customers a member of staff may see (row-level scoping in the customers module). */
export type CustomerScope =
  | { kind: 'all' }
  | { kind: 'branch'; branchCode: string }
  | { kind: 'portfolio'; username: string };

export interface ScopedPrincipal {
  username: string;
  roles: readonly string[];
  branchCode: string | null;
  branchKind: BranchKind | null;
}

/**
 * Relationship managers see only their portfolio; staff of a `branch` see that branch's
 * customers; the contact centre, the head office and staff without a branch see all.
 */
export function customerScopeOf(principal: ScopedPrincipal): CustomerScope {
  if (principal.roles.includes('relationship-manager'))
    return { kind: 'portfolio', username: principal.username };
  const { branchCode, branchKind } = principal;
  // A branch code whose branch is unknown fails closed: that branch only, never everything.
  if (branchCode !== null && (branchKind === 'branch' || branchKind === null))
    return { kind: 'branch', branchCode };
  return { kind: 'all' };
}
