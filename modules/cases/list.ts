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
  channel?: string | undefined;
  form?: string | undefined;
  /** Open cases only (NEW, ASSIGNED, IN_PROGRESS, WAITING_CUSTOMER), or only the others. */
  open?: 'true' | 'false' | undefined;
  /** Words in the number, the description, the customer's name or CIF. */
  q?: string | undefined;
  sla?: SlaState | undefined;
  escalated?: 'true' | 'false' | undefined;
  escalatedTo?: string | undefined;
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
): Promise<{ items: (Case & { customer: CaseCustomer })[]; total: number }> {
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
  equal(query.channel, 'k.channel', 'channel');
  equal(query.form, 'k.form', 'form');
  equal(query.escalatedTo, 'k.escalated_to', 'escalatedTo');
  if (query.open !== undefined) {
    where.push(`k.status ${query.open === 'true' ? 'IN' : 'NOT IN'} (:openStatuses)`);
    params.openStatuses = [...OPEN_STATUSES];
  }
  textFilter(query.q).forEach((word, i) => {
    // Every word must appear somewhere; LOWER on both sides: SQLite and MariaDB agree then.
    where.push(`(LOWER(k.number) LIKE :q${i} OR LOWER(k.description) LIKE :q${i}
      OR LOWER(c.full_name) LIKE :q${i} OR LOWER(c.cif) LIKE :q${i})`);
    params[`q${i}`] = `%${word}%`;
  });
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
    `SELECT k.*, c.full_name AS customer_name, c.cif AS customer_cif ${from} ORDER BY ${order.join(', ')} LIMIT :limit OFFSET :offset`,
    { ...params, limit: query.limit, offset: query.offset },
  );
  const [count] = await service.sql.rows<{ n: unknown }>(`SELECT COUNT(*) AS n ${from}`, params);
  return {
    items: rows.map((row) => ({ ...caseOf(row), customer: customerOf(row) })),
    total: Number(count?.n ?? 0),
  };
}

/** Who complained, as a case list shows it: the name and CIF (neither is a masked field). */
export interface CaseCustomer {
  id: string;
  fullName: string;
  cif: string;
}

const customerOf = (row: CaseRow): CaseCustomer => ({
  id: String(row.customer_id),
  fullName: String(row.customer_name),
  cif: String(row.customer_cif),
});

/** The customer of one case (the case page). */
export async function caseCustomer(service: CaseService, c: Case): Promise<CaseCustomer> {
  const [row] = await service.sql.rows<CaseRow>(
    'SELECT id AS customer_id, full_name AS customer_name, cif AS customer_cif FROM customers WHERE id = :id',
    { id: c.customerId },
  );
  return row ? customerOf(row) : { id: c.customerId, fullName: '', cif: '' };
}

/** At most 5 lower-case words; LIKE wildcards in them are dropped, not interpreted. */
export function textFilter(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .toLowerCase()
    .replace(/[%_\\]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length >= 1)
    .slice(0, 5);
}

/** Where an open case stands against its SLA (null once resolved, or without an SLA yet). */
export function slaStateOf(c: Case, now: number): SlaState | null {
  if (!OPEN_STATUSES.includes(c.status) || c.slaDueAt === null) return null;
  if (c.slaDueAt < now) return 'overdue';
  return c.slaDueAt < now + DUE_SOON_MS ? 'due-soon' : 'on-track';
}
