import { z } from 'zod';
import { defineWorker } from '../../../engine/index.ts';
import type { WorkerContext } from '../../server/workers.ts';
import { pickAssignee } from '../assignment.ts';
import type { CaseService } from '../service.ts';
import { caseOf, SYSTEM } from './common.ts';

export const AssignVariables = z.object({
  caseId: z.string().min(1),
  queue: z.string().min(1).max(40),
});

/**
 * `crm.cases.assign`: gives the case to a member of its queue by the queue's strategy (the
 * least loaded — fewest open cases —, or round robin) and completes with `assignee`. A queue
 * without an active member falls to its supervisor; without either, an incident says so.
 * A case already assigned (a supervisor was quicker) keeps its assignee.
 */
export function assignWorker(service: CaseService) {
  return defineWorker<typeof AssignVariables, WorkerContext>({
    type: 'crm.cases.assign',
    variables: AssignVariables,
    timeoutMs: 30_000,
    handle: async (job, { transaction }) => {
      const c = await caseOf(service, job.variables.caseId, transaction);
      if (c.assignee) return { assignee: c.assignee };
      const queue = await service.configuration.queue(job.variables.queue, transaction);
      if (!queue) throw new Error(`there is no case queue ${job.variables.queue}`);
      const picked = await pickAssignee(service.sql, queue, transaction);
      const assignee = picked ?? queue.supervisor;
      if (!assignee)
        throw new Error(
          `queue ${queue.code} has no active member and no supervisor: add members (PUT /api/cases/queues/${queue.code}/members), then retry the incident`,
        );
      await service.table.update(c.id, { assignee, status: 'ASSIGNED' }, transaction, { status: ['NEW'] });
      await service.record(
        c,
        'assigned',
        SYSTEM,
        { to: assignee, queue: queue.code, strategy: picked ? queue.strategy : 'supervisor' },
        transaction,
      );
      return { assignee };
    },
  });
}
