import { scopeCondition } from '../customers/scope.ts';
import { type CustomerScope, customerScopeOf, type ScopedPrincipal } from '../identity/scope.ts';

/**
 * Which cases a member of staff sees: those of the customers they see (RM portfolio, branch
 * staff their branch, contact centre and head office all) — and back office staff, who serve
 * queues rather than customers, the cases of the queues they are members of (or hold).
 */
export interface CaseScope {
  customers: CustomerScope;
  /** Set for back office staff: only cases in the queues this user is a member of, or holds. */
  queueMember?: string;
}

/** Roles that see cases by their customers; back office alone sees them by queue. */
const BY_CUSTOMER = ['agent', 'supervisor', 'relationship-manager', 'compliance'];

export function caseScopeOf(principal: ScopedPrincipal): CaseScope {
  const customers = customerScopeOf(principal);
  const byCustomer = principal.roles.some((r) => BY_CUSTOMER.includes(r));
  if (!byCustomer && principal.roles.includes('backoffice'))
    return { customers, queueMember: principal.username };
  return { customers };
}

/** The SQL condition for a case scope (aliases: `k` cases, `c` customers). */
export function caseScopeCondition(scope: CaseScope): { sql: string; replacements: Record<string, string> } {
  const customers = scopeCondition(scope.customers);
  if (!scope.queueMember) return customers;
  return {
    sql: `(${customers.sql}) AND (k.assignee = :scopeMember OR EXISTS (SELECT 1 FROM case_queue_members m
      WHERE m.queue_code = k.queue_code AND m.username = :scopeMember))`,
    replacements: { ...customers.replacements, scopeMember: scope.queueMember },
  };
}

/** Who acts, for services: the username and scope, and the address for the audit trail. */
export interface CaseActor {
  username: string;
  roles: readonly string[];
  scope: CaseScope;
  source: string | null;
}

/** The platform itself (workers, the survey link): every case. */
export const SYSTEM_ACTOR: CaseActor = {
  username: 'system',
  roles: [],
  scope: { customers: { kind: 'all' } },
  source: null,
};
