import { z } from 'zod';
import { defineWorker } from '../../../engine/index.ts';
import type { WorkerContext } from '../../server/workers.ts';
import { isoInstant, slaDueAt } from '../deadlines.ts';
import type { CaseService } from '../service.ts';
import { NEAREST_BRANCH } from '../vocabulary.ts';
import { caseOf, SYSTEM } from './common.ts';

export const RouteVariables = z.object({
  caseId: z.string().min(1),
  /** The routing table's queue: a queue code, or NEAREST-BRANCH (the case's branch's queue). */
  queue: z.string().min(1).max(40),
  slaPolicy: z.string().min(1).max(40),
});

/**
 * `crm.cases.route`: applies the routing decision to the case — its queue (NEAREST-BRANCH
 * becomes the queue of the case's branch) and SLA policy — and computes the SLA due date on the
 * business calendar from when the case was logged. Completes with `queue`, `candidateGroup`,
 * `slaPolicy` and `slaDueAt` (ISO date-time, for the model's date timer and the task's due
 * date). An unknown queue or policy is a configuration fault: an incident naming it.
 */
export function routeWorker(service: CaseService) {
  return defineWorker<typeof RouteVariables, WorkerContext>({
    type: 'crm.cases.route',
    variables: RouteVariables,
    timeoutMs: 30_000,
    handle: async (job, { transaction }) => {
      const { caseId, slaPolicy } = job.variables;
      const c = await caseOf(service, caseId, transaction);
      const queue =
        job.variables.queue === NEAREST_BRANCH
          ? await service.configuration.branchQueue(c.branchCode, transaction)
          : await service.configuration.queue(job.variables.queue, transaction);
      if (!queue?.active)
        throw new Error(
          job.variables.queue === NEAREST_BRANCH
            ? `branch ${c.branchCode} has no active case queue: create one (POST /api/cases/queues), then retry the incident`
            : `there is no active case queue ${job.variables.queue}: create it or fix the routing table, then retry the incident`,
        );
      const policy = await service.configuration.policy(slaPolicy, transaction);
      if (!policy)
        throw new Error(
          `there is no SLA policy ${slaPolicy}: create it or fix the routing table, then retry the incident`,
        );
      const dueAt = slaDueAt(policy, c.createdAt, await service.deps.calendar.snapshot());
      await service.table.update(
        c.id,
        {
          queue: queue.code,
          slaPolicy: policy.code,
          slaDueAt: dueAt,
          processInstanceKey: job.processInstanceKey,
        },
        transaction,
      );
      await service.record(
        c,
        'routed',
        SYSTEM,
        { queue: queue.code, slaPolicy: policy.code, slaDueAt: isoInstant(dueAt) },
        transaction,
      );
      return {
        queue: queue.code,
        candidateGroup: queue.candidateGroup,
        slaPolicy: policy.code,
        slaDueAt: isoInstant(dueAt),
      };
    },
  });
}
