import { z } from 'zod';
import { defineWorker } from '../../../engine/index.ts';
import type { WorkerContext } from '../../server/workers.ts';
import type { CampaignRunner } from '../runner.ts';

export const SendBatchVariables = z.object({
  campaignId: z.uuid(),
  submission: z.number().int().min(1),
  batchSize: z.number().int().min(1).max(5000).nullish(),
});

/**
 * `crm.campaigns.send-batch`: queues the next batch (default 500) of the audience through
 * notifications as marketing messages (`ref = campaign:<id>`), and completes with `{ remaining,
 * queued, paused, finished }`. Paused: nothing queued, `paused = true` (the model waits for
 * `campaign-resumed`). Cancelled or done: `finished = true`. The last batch completes the campaign.
 */
export function sendBatchWorker(runner: CampaignRunner) {
  return defineWorker<typeof SendBatchVariables, WorkerContext>({
    type: 'crm.campaigns.send-batch',
    variables: SendBatchVariables,
    timeoutMs: 300_000,
    maxJobsToActivate: 4,
    handle: (job, { transaction }) =>
      runner.sendBatch(
        { ...job.variables, batchSize: job.variables.batchSize ?? undefined, key: job.key },
        transaction,
      ),
  });
}
