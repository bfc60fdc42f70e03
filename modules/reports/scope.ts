import { customerScopeOf, type ScopedPrincipal } from '../identity/scope.ts';
import type { Sql } from '../server/sql.ts';
import type { ReportScope } from './schema.ts';

/** Roles whose work is the whole bank's: they see every figure. */
const BANK_WIDE = ['admin', 'compliance', 'marketing'];

/**
 * Whose figures a reader sees. Admin, compliance and marketing: all. A supervisor (the one
 * other role with reports.read) leads a team: in a branch office, that branch's cases and its
 * customers' consents; in the contact centre or head office, the cases of the queues they
 * supervise (case_queues.supervisor), and every customer's consents (they see all customers).
 * Campaigns are bank-wide, as campaigns.read already shows supervisors all of them.
 */
export async function reportScopeOf(principal: ScopedPrincipal, sql: Sql): Promise<ReportScope> {
  if (principal.roles.some((r) => BANK_WIDE.includes(r))) return { kind: 'all' };
  const customers = customerScopeOf(principal);
  if (customers.kind === 'branch') return { kind: 'branch', branchCode: customers.branchCode };
  const queues = await sql.rows<{ code: string }>(
    'SELECT code FROM case_queues WHERE supervisor = :username ORDER BY code',
    { username: principal.username },
  );
  return { kind: 'queues', queues: queues.map((q) => q.code) };
}

/** The condition on `cases` (alias k) for a scope; an empty queue list matches nothing. */
export function caseCondition(scope: ReportScope): { sql: string; params: Record<string, unknown> } {
  if (scope.kind === 'branch')
    return { sql: ' AND k.branch_code = :scopeBranch', params: { scopeBranch: scope.branchCode } };
  if (scope.kind === 'queues')
    return { sql: ' AND k.queue_code IN (:scopeQueues)', params: { scopeQueues: scope.queues ?? [] } };
  return { sql: '', params: {} };
}
