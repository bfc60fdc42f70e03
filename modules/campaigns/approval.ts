import type { TaskService, Worker } from '../tasks/index.ts';
import { CampaignsError, campaignNotFound } from './errors.ts';
import { type CampaignService, submissionRef } from './service.ts';

/** The approval task's element id in processes/campaigns-campaign-approval.bpmn. */
export const APPROVAL_TASK = 'approve-campaign';

/**
 * The checker's decision from the campaign screen: four eyes checked here (403 FOUR_EYES: the
 * maker never decides, whatever roles they hold), then the approval task is claimed and
 * completed through the task list, which checks four eyes and the form again; the model's
 * record-decision worker checks once more and changes the campaign.
 */
export async function decide(
  service: CampaignService,
  tasks: TaskService,
  id: string,
  decision: { decision: 'approve' | 'reject'; comment?: string | null | undefined },
  worker: Worker,
) {
  const row = await service.table.load(id);
  if (!row) throw campaignNotFound(id);
  if (row.maker === worker.username)
    throw new CampaignsError(
      'FOUR_EYES',
      `Four eyes: ${worker.username} submitted campaign ${id} and may not ${decision.decision} it`,
    );
  if (row.status !== 'PENDING_APPROVAL')
    throw new CampaignsError('INVALID_STATUS', `Campaign ${id} is ${row.status}: there is nothing to decide`);
  if (row.approval !== 'compliance')
    throw new CampaignsError(
      'APPROVAL_NOT_READY',
      `Campaign ${id}'s audience is still being counted: try again shortly`,
    );
  const instance = await service.deps.context.engineOutbox.instanceOf(submissionRef(id, row.submission));
  const task = instance
    ? (await tasks.openTasksOf(instance)).find((t) => t.elementId === APPROVAL_TASK)
    : undefined;
  if (!task)
    throw new CampaignsError(
      'APPROVAL_NOT_READY',
      `Campaign ${id}'s approval task is not in the task list yet: try again shortly`,
    );
  if (task.assignee !== worker.username) await tasks.claim(task.key, worker);
  const comment = decision.comment?.trim();
  await tasks.complete(task.key, { decision: decision.decision, ...(comment ? { comment } : {}) }, worker);
  return service.get(id);
}
