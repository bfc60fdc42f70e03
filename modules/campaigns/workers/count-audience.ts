import { z } from 'zod';
import { defineWorker } from '../../../engine/index.ts';
import type { WorkerContext } from '../../server/workers.ts';
import type { CampaignRunner } from '../runner.ts';

export const CountAudienceVariables = z.object({
  campaignId: z.uuid(),
  submission: z.number().int().min(1),
});

/**
 * `crm.campaigns.count-audience`: counts who may receive the campaign (the submitted segment,
 * marketing consent on its channel, an address for it) and completes with `{ eligibleCount,
 * needsApproval, approvalThreshold }`. At or below CAMPAIGN_APPROVAL_THRESHOLD the campaign is
 * approved automatically (checker `system`). A campaign not pending approval in this submission
 * is an incident naming it.
 */
export function countAudienceWorker(runner: CampaignRunner) {
  return defineWorker<typeof CountAudienceVariables, WorkerContext>({
    type: 'crm.campaigns.count-audience',
    variables: CountAudienceVariables,
    timeoutMs: 120_000,
    handle: (job, { transaction }) => runner.countAudience({ ...job.variables, key: job.key }, transaction),
  });
}
