import { customerScopeOf, type ScopedPrincipal } from '../identity/scope.ts';
import type { Sql } from '../server/sql.ts';
import { ReportsError } from './errors.ts';
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

/**
 * A scope narrowed to one branch the reader asked for: bank-wide readers get that branch; a
 * queue-led supervisor their queues' cases in that branch; a branch supervisor only their own.
 */
export function narrowToBranch(scope: ReportScope, branch: string | undefined): ReportScope {
  if (!branch) return scope;
  if (scope.kind === 'branch' && scope.branchCode !== branch)
    throw new ReportsError('BRANCH_OUT_OF_SCOPE', `Your figures are those of branch ${scope.branchCode}`, [
      { field: 'query.branch', message: `must be your own branch (${scope.branchCode})` },
    ]);
  return scope.kind === 'queues' ? { ...scope, branchCode: branch } : { kind: 'branch', branchCode: branch };
}

/** The condition on `cases` (alias k) for a scope; an empty queue list matches nothing. */
export function caseCondition(scope: ReportScope): { sql: string; params: Record<string, unknown> } {
  if (scope.kind === 'branch')
    return { sql: ' AND k.branch_code = :scopeBranch', params: { scopeBranch: scope.branchCode } };
  if (scope.kind === 'queues') {
    const queues = {
      sql: ' AND k.queue_code IN (:scopeQueues)',
      params: { scopeQueues: scope.queues ?? [] },
    };
    if (!scope.branchCode) return queues;
    return {
      sql: `${queues.sql} AND k.branch_code = :scopeBranch`,
      params: { ...queues.params, scopeBranch: scope.branchCode },
    };
  }
  return { sql: '', params: {} };
}
