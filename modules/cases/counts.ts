import { type CaseActor, caseScopeCondition } from './scope.ts';
import type { CaseService } from './service.ts';
import { DUE_SOON_MS, OPEN_STATUSES } from './vocabulary.ts';

/** Open cases of one queue (null: not routed yet) in the caller's scope, by what needs attention. */
export interface QueueCount {
  queue: string | null;
  open: number;
  overdue: number;
  dueSoon: number;
  escalated: number;
  unassigned: number;
  mine: number;
}

export interface CaseCounts {
  queues: QueueCount[];
  /** The same over every queue. */
  total: Omit<QueueCount, 'queue'>;
}

/** The console's queue list: one grouped query over the open cases the caller may see. */
export async function caseCounts(service: CaseService, actor: CaseActor): Promise<CaseCounts> {
  const scope = caseScopeCondition(actor.scope);
  const now = service.deps.clock.now();
  const rows = await service.sql.rows<Record<string, unknown>>(
    `SELECT k.queue_code AS queue, COUNT(*) AS open,
       SUM(CASE WHEN k.sla_due_at IS NOT NULL AND k.sla_due_at < :now THEN 1 ELSE 0 END) AS overdue,
       SUM(CASE WHEN k.sla_due_at >= :now AND k.sla_due_at < :soon THEN 1 ELSE 0 END) AS due_soon,
       SUM(CASE WHEN k.escalation_level > 0 THEN 1 ELSE 0 END) AS escalated,
       SUM(CASE WHEN k.assignee IS NULL THEN 1 ELSE 0 END) AS unassigned,
       SUM(CASE WHEN k.assignee = :me THEN 1 ELSE 0 END) AS mine
     FROM cases k JOIN customers c ON c.id = k.customer_id
     WHERE k.status IN (:open) AND ${scope.sql}
     GROUP BY k.queue_code ORDER BY k.queue_code`,
    {
      ...scope.replacements,
      now,
      soon: now + DUE_SOON_MS,
      me: actor.username,
      open: [...OPEN_STATUSES],
    },
  );
  const queues = rows.map((r) => ({
    queue: r.queue === null || r.queue === undefined ? null : String(r.queue),
    open: Number(r.open ?? 0),
    overdue: Number(r.overdue ?? 0),
    dueSoon: Number(r.due_soon ?? 0),
    escalated: Number(r.escalated ?? 0),
    unassigned: Number(r.unassigned ?? 0),
    mine: Number(r.mine ?? 0),
  }));
  const total = { open: 0, overdue: 0, dueSoon: 0, escalated: 0, unassigned: 0, mine: 0 };
  for (const q of queues)
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += q[key];
  return { queues, total };
}
