import { z } from 'zod';
import { defineWorker } from '../../../engine/index.ts';
import type { WorkerContext } from '../../server/workers.ts';
import type { CampaignRunner } from '../runner.ts';
import { DECISIONS } from '../schema.ts';

export const RecordDecisionVariables = z.object({
  campaignId: z.uuid(),
  submission: z.number().int().min(1),
  decision: z.enum(DECISIONS),
  comment: z.string().max(2000).nullish(),
  decidedBy: z.string().min(1).max(100),
  submittedBy: z.string().min(1).max(100),
});

/**
 * `crm.campaigns.record-decision`: records the checker's decision and completes with
 * `{ approved }`. Four eyes again: `decidedBy` (written by the task list) must differ from
 * `submittedBy` and the campaign's maker — otherwise BPMN error `FOUR_EYES`; a decider without
 * campaigns.approve, or a rejection without a comment, is BPMN error `DECISION_REFUSED`. The
 * model sends both back to the approval task.
 */
export function recordDecisionWorker(runner: CampaignRunner) {
  return defineWorker<typeof RecordDecisionVariables, WorkerContext>({
    type: 'crm.campaigns.record-decision',
    variables: RecordDecisionVariables,
    timeoutMs: 30_000,
    handle: (job, { transaction }) => runner.recordDecision({ ...job.variables, key: job.key }, transaction),
  });
}
