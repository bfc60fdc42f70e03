import { z } from 'zod';
import { defineWorker } from '../../../engine/index.ts';
import { writeInteraction } from '../../customers/index.ts';
import type { WorkerContext } from '../../server/workers.ts';
import type { CaseService } from '../service.ts';
import { OPEN_STATUSES, ROOT_CAUSE_CODES } from '../vocabulary.ts';
import { caseOf, SYSTEM } from './common.ts';

export const ResolveVariables = z.object({
  caseId: z.string().min(1),
  resolution: z.string().trim().min(1).max(4000),
  /** Checked again here (the form is not the only guard): one of the fixed list. */
  rootCause: z.enum(ROOT_CAUSE_CODES),
});

/**
 * `crm.cases.resolve`: records what the handler decided in the task — the resolution and
 * the root cause — and marks the case RESOLVED (closed once the customer rates it, or by
 * staff). Completes with `notificationData` for the resolution message: `caseNumber`,
 * `resolution` and `surveyUrl`, the signed link that records the customer's score.
 */
export function resolveWorker(service: CaseService) {
  return defineWorker<typeof ResolveVariables, WorkerContext>({
    type: 'crm.cases.resolve',
    variables: ResolveVariables,
    timeoutMs: 30_000,
    handle: async (job, { transaction }) => {
      const { resolution, rootCause } = job.variables;
      const c = await caseOf(service, job.variables.caseId, transaction);
      const notificationData = {
        caseNumber: c.number,
        resolution,
        surveyUrl: service.deps.surveys.url(c.id),
      };
      if (!OPEN_STATUSES.includes(c.status)) return { notificationData };
      const now = service.deps.clock.now();
      await service.table.update(
        c.id,
        {
          status: 'RESOLVED',
          resolution,
          rootCause,
          resolvedAt: now,
          resolvedBy: c.assignee,
          lastUpdateAt: now,
        },
        transaction,
      );
      await service.record(
        c,
        'resolution',
        { username: c.assignee ?? 'system' },
        { rootCause, resolution },
        transaction,
        now,
      );
      await writeInteraction(
        service.deps.sequelize,
        {
          customerId: c.customerId,
          at: now,
          channel: c.channel,
          kind: 'case-resolved',
          summary: `Pengaduan ${c.number} diselesaikan`,
          refType: 'case',
          refId: c.id,
          actor: c.assignee ?? SYSTEM.username,
        },
        transaction,
      );
      await service.deps.audit.record(
        {
          actor: c.assignee ?? 'system',
          source: `job ${job.key}`,
          action: 'case.resolve',
          entityType: 'case',
          entityId: c.id,
          customerId: c.customerId,
          details: { number: c.number, rootCause },
        },
        transaction,
      );
      return { notificationData };
    },
  });
}
