import { z } from 'zod';
import { defineWorker } from '../../../engine/index.ts';
import type { WorkerContext } from '../../server/workers.ts';
import { isoInstant } from '../deadlines.ts';
import type { CaseService } from '../service.ts';
import { ESCALATION_REASONS, OPEN_STATUSES } from '../vocabulary.ts';
import { caseOf, SYSTEM } from './common.ts';

export const EscalateVariables = z.object({
  caseId: z.string().min(1),
  reason: z.enum(ESCALATION_REASONS),
});

/**
 * `crm.cases.escalate`: the case goes one escalation level up, to the supervisor of its queue
 * (`escalatedTo`; GET /api/cases?escalated=true lists them), with an entry on its timeline.
 * NO_UPDATE: a HIGH case had no update for 2 hours; SLA_BREACH: its SLA ran out (recorded as
 * the breach). Completes with `escalationLevel`; a case resolved meanwhile is left as it is.
 */
export function escalateWorker(service: CaseService) {
  return defineWorker<typeof EscalateVariables, WorkerContext>({
    type: 'crm.cases.escalate',
    variables: EscalateVariables,
    timeoutMs: 30_000,
    handle: async (job, { transaction }) => {
      const { reason } = job.variables;
      const c = await caseOf(service, job.variables.caseId, transaction);
      if (!OPEN_STATUSES.includes(c.status)) return { escalationLevel: c.escalationLevel };
      const queue = c.queue ? await service.configuration.queue(c.queue, transaction) : undefined;
      const now = service.deps.clock.now();
      const level = c.escalationLevel + 1;
      const to = queue?.supervisor ?? null;
      await service.table.update(
        c.id,
        {
          escalationLevel: level,
          escalatedTo: to,
          ...(reason === 'SLA_BREACH' && c.slaBreachedAt === null ? { slaBreachedAt: now } : {}),
        },
        transaction,
      );
      if (reason === 'SLA_BREACH')
        await service.record(
          c,
          'sla-breach',
          SYSTEM,
          { slaDueAt: c.slaDueAt === null ? null : isoInstant(c.slaDueAt) },
          transaction,
          now,
        );
      await service.record(c, 'escalation', SYSTEM, { reason, level, to }, transaction, now);
      await service.deps.audit.record(
        {
          actor: 'system',
          source: `job ${job.key}`,
          action: 'case.escalate',
          entityType: 'case',
          entityId: c.id,
          customerId: c.customerId,
          details: { number: c.number, reason, level, to },
        },
        transaction,
      );
      return { escalationLevel: level };
    },
  });
}
