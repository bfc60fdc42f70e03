import { type Case, type CaseRow, caseOf } from './model.ts';
import { type CaseActor, caseScopeCondition } from './scope.ts';
import type { CaseService } from './service.ts';
import { type CaseStatus, DUE_SOON_MS, OPEN_STATUSES, type Severity, type SlaState } from './vocabulary.ts';

export interface CaseQuery {
  status?: CaseStatus | undefined;
  queue?: string | undefined;
  assignee?: string | undefined;
  severity?: Severity | undefined;
  category?: string | undefined;
  customerId?: string | undefined;
  sla?: SlaState | undefined;
  escalated?: 'true' | 'false' | undefined;
  sort: string;
  limit: number;
  offset: number;
}

export const SORTS = {
  createdAt: 'k.created_at',
  slaDueAt: 'k.sla_due_at',
  regulatoryDueAt: 'k.regulatory_due_at',
  lastUpdateAt: 'k.last_update_at',
  escalationLevel: 'k.escalation_level',
} as const;

/** Cases in the actor's scope, filtered and sorted, one page with the total. */
export async function listCases(
  service: CaseService,
  query: CaseQuery,
  actor: CaseActor,
): Promise<{ items: Case[]; total: number }> {
  const scope = caseScopeCondition(actor.scope);
  const where = [scope.sql];
  const params: Record<string, unknown> = { ...scope.replacements };
  const equal = (value: string | undefined, column: string, name: string) => {
    if (value === undefined) return;
    where.push(`${column} = :${name}`);
    params[name] = value;
  };
  equal(query.status, 'k.status', 'status');
  equal(query.queue, 'k.queue_code', 'queue');
  equal(query.assignee, 'k.assignee', 'assignee');
  equal(query.severity, 'k.severity', 'severity');
  equal(query.category, 'k.category', 'category');
  equal(query.customerId, 'k.customer_id', 'customerId');
  if (query.escalated !== undefined)
    where.push(query.escalated === 'true' ? 'k.escalation_level > 0' : 'k.escalation_level = 0');
  if (query.sla !== undefined) {
    const now = service.deps.clock.now();
    where.push('k.status IN (:open)');
    params.open = [...OPEN_STATUSES];
    params.now = now;
    params.soon = now + DUE_SOON_MS;
    if (query.sla === 'overdue') where.push('k.sla_due_at IS NOT NULL AND k.sla_due_at < :now');
    if (query.sla === 'due-soon')
      where.push('k.sla_due_at IS NOT NULL AND k.sla_due_at >= :now AND k.sla_due_at < :soon');
    if (query.sla === 'on-track') where.push('(k.sla_due_at IS NULL OR k.sla_due_at >= :soon)');
  }
  const order = query.sort.split(',').flatMap((part) => {
    const desc = part.startsWith('-');
    const column = SORTS[(desc ? part.slice(1) : part) as keyof typeof SORTS];
    return column ? [`(${column} IS NULL)`, `${column} ${desc ? 'DESC' : 'ASC'}`] : [];
  });
  order.push('k.created_at DESC', 'k.id ASC');
  const from = `FROM cases k JOIN customers c ON c.id = k.customer_id WHERE ${where.join(' AND ')}`;
  const rows = await service.sql.rows<CaseRow>(
    `SELECT k.* ${from} ORDER BY ${order.join(', ')} LIMIT :limit OFFSET :offset`,
    { ...params, limit: query.limit, offset: query.offset },
  );
  const [count] = await service.sql.rows<{ n: unknown }>(`SELECT COUNT(*) AS n ${from}`, params);
  return { items: rows.map(caseOf), total: Number(count?.n ?? 0) };
}

/** Where an open case stands against its SLA (null once resolved, or without an SLA yet). */
export function slaStateOf(c: Case, now: number): SlaState | null {
  if (!OPEN_STATUSES.includes(c.status) || c.slaDueAt === null) return null;
  if (c.slaDueAt < now) return 'overdue';
  return c.slaDueAt < now + DUE_SOON_MS ? 'due-soon' : 'on-track';
}
