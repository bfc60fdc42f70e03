import type { Transaction } from 'sequelize';
import { BpmnError } from '../../engine/index.ts';
import { Accounts } from '../identity/accounts.ts';
import { allows } from '../identity/roles.ts';
import { Audience, audienceQuery } from './audience.ts';
import { messageRef } from './funnel.ts';
import { type CampaignRow, truthy } from './model.ts';
import type { CampaignStatus, SegmentRules } from './schema.ts';
import type { CampaignService } from './service.ts';

/** Customers queued per batch; the model waits a short timer between batches. */
export const BATCH_SIZE = 500;

/**
 * What the approval model's service tasks do to a campaign (the workers are thin shells around
 * these): count the audience and approve automatically at or below the threshold, record the
 * checker's decision after checking four eyes again, queue the next batch of offers.
 */
export class CampaignRunner {
  readonly audience: Audience;
  readonly accounts: Accounts;

  constructor(readonly service: CampaignService) {
    this.audience = new Audience(service.deps.context.sequelize);
    this.accounts = new Accounts(service.deps.context.sequelize);
  }

  get #context() {
    return this.service.deps.context;
  }

  /** The campaign this job is about, locked, in the submission the instance was started for. */
  async #campaign(
    job: { campaignId: string; submission: number; type: string },
    expected: readonly CampaignStatus[],
    transaction: Transaction,
  ): Promise<CampaignRow> {
    const row = await this.service.table.load(job.campaignId, transaction, true);
    if (!row) throw new Error(`${job.type}: there is no campaign ${job.campaignId}`);
    if (Number(row.submission) !== job.submission)
      throw new Error(
        `${job.type}: campaign ${job.campaignId} is at submission ${row.submission}, this instance runs submission ${job.submission}: cancel this instance`,
      );
    if (!expected.includes(row.status))
      throw new Error(
        `${job.type}: campaign ${job.campaignId} is ${row.status}, expected ${expected.join(' or ')}`,
      );
    return row;
  }

  #query(row: CampaignRow) {
    return audienceQuery(JSON.parse(row.rules ?? '{}') as SegmentRules, {
      now: this.#context.clock.now(),
      channel: row.channel,
    });
  }

  async countAudience(
    job: { campaignId: string; submission: number; key: string },
    transaction: Transaction,
  ) {
    const row = await this.#campaign(
      { ...job, type: 'crm.campaigns.count-audience' },
      ['PENDING_APPROVAL'],
      transaction,
    );
    const now = this.#context.clock.now();
    const eligibleCount = await this.audience.count(this.#query(row), transaction);
    const threshold = this.#context.config.campaigns.approvalThreshold;
    const needsApproval = eligibleCount > threshold || truthy(row.require_approval);
    const calendar = await this.service.deps.calendar.snapshot();
    const firstContactAt = calendar.contactWindow.nextOpening(Math.max(now, Number(row.scheduled_at ?? now)));
    await this.service.table.change(
      row.id,
      ['PENDING_APPROVAL'],
      {
        eligible_count: eligibleCount,
        first_contact_at: firstContactAt,
        approval: needsApproval ? 'compliance' : 'automatic',
        ...(needsApproval
          ? {}
          : {
              status: 'APPROVED',
              checker: 'system',
              comment: `Disetujui otomatis: ${eligibleCount} penerima, tidak melebihi ambang ${threshold}`,
              decided_at: now,
            }),
        updated_at: now,
      },
      transaction,
    );
    await this.#audit(
      needsApproval ? 'campaign.count' : 'campaign.auto-approve',
      row.id,
      job.key,
      transaction,
      {
        eligibleCount,
        threshold,
      },
    );
    return { eligibleCount, needsApproval, approvalThreshold: threshold };
  }

  /**
   * The checker's decision, as the task completed it. Four eyes again (DESIGN seam 8): the
   * decider is neither the process's `submittedBy` nor the campaign's maker, and holds
   * campaigns.approve; a rejection carries a comment. Each refusal is a BPMN error the model
   * routes back to the approval task: FOUR_EYES, DECISION_REFUSED.
   */
  async recordDecision(
    job: {
      campaignId: string;
      submission: number;
      key: string;
      decision: 'approve' | 'reject';
      comment?: string | null | undefined;
      decidedBy: string;
      submittedBy: string;
    },
    transaction: Transaction,
  ) {
    if (job.decidedBy === job.submittedBy) throw fourEyes(job.decidedBy, job.campaignId);
    const row = await this.#campaign(
      { ...job, type: 'crm.campaigns.record-decision' },
      ['PENDING_APPROVAL'],
      transaction,
    );
    if (row.maker === job.decidedBy) throw fourEyes(job.decidedBy, job.campaignId);
    const decider = await this.accounts.find(job.decidedBy);
    if (!decider || decider.disabledAt !== null || !allows(decider.roles, 'campaigns.approve'))
      throw new BpmnError(
        'DECISION_REFUSED',
        `crm.campaigns.record-decision: ${job.decidedBy} may not approve campaigns (needs campaigns.approve)`,
      );
    const comment = job.comment?.trim() || null;
    if (job.decision === 'reject' && !comment)
      throw new BpmnError(
        'DECISION_REFUSED',
        'crm.campaigns.record-decision: a rejection needs a comment for the maker',
      );
    const now = this.#context.clock.now();
    const approved = job.decision === 'approve';
    await this.service.table.change(
      row.id,
      ['PENDING_APPROVAL'],
      {
        status: approved ? 'APPROVED' : 'REJECTED',
        checker: job.decidedBy,
        comment,
        decided_at: now,
        updated_at: now,
      },
      transaction,
    );
    await this.#context.audit.record(
      {
        actor: job.decidedBy,
        source: `job ${job.key}`,
        action: approved ? 'campaign.approve' : 'campaign.reject',
        entityType: 'campaign',
        entityId: row.id,
        details: { submission: job.submission, maker: row.maker, comment },
      },
      transaction,
    );
    return { approved };
  }

  /**
   * Queues the next batch through notifications (marketing: the dispatcher checks consent and
   * the contact window when it sends, and holds offers until the window opens). A paused
   * campaign queues nothing and the model waits for `campaign-resumed`; a cancelled one ends.
   */
  async sendBatch(
    job: { campaignId: string; submission: number; key: string; batchSize?: number | undefined },
    transaction: Transaction,
  ) {
    const row = await this.#campaign(
      { ...job, type: 'crm.campaigns.send-batch' },
      ['APPROVED', 'SENDING', 'PAUSED', 'CANCELLED', 'COMPLETED'],
      transaction,
    );
    const query = this.#query(row);
    if (row.status === 'CANCELLED' || row.status === 'COMPLETED')
      return { remaining: 0, queued: 0, paused: false, finished: true };
    if (row.status === 'PAUSED')
      return {
        remaining: await this.audience.remaining(query, row.audience_cursor, transaction),
        queued: 0,
        paused: true,
        finished: false,
      };
    const now = this.#context.clock.now();
    const ids = await this.audience.page(
      query,
      row.audience_cursor,
      job.batchSize ?? BATCH_SIZE,
      transaction,
    );
    const notifications = this.service.deps.notifications;
    const data = JSON.parse(row.data) as Record<string, unknown>;
    for (const customerId of ids)
      await notifications.queue(
        {
          customerId,
          templateKey: row.template_key,
          channel: row.channel,
          purpose: 'marketing',
          data,
          ref: messageRef(row.id),
        },
        { transaction, actor: { username: 'system', source: `campaign ${row.id}` }, jobKey: job.key },
      );
    const cursor = ids.at(-1) ?? row.audience_cursor;
    const remaining = ids.length === 0 ? 0 : await this.audience.remaining(query, cursor, transaction);
    const finished = remaining === 0;
    await this.service.table.change(
      row.id,
      [row.status],
      {
        status: finished ? 'COMPLETED' : 'SENDING',
        audience_cursor: cursor,
        queued_count: Number(row.queued_count) + ids.length,
        started_at: row.started_at ?? now,
        ...(finished ? { completed_at: now } : {}),
        updated_at: now,
      },
      transaction,
    );
    await this.#audit(finished ? 'campaign.complete' : 'campaign.batch', row.id, job.key, transaction, {
      queued: ids.length,
      remaining,
    });
    return { remaining, queued: ids.length, paused: false, finished };
  }

  #audit(
    action: string,
    id: string,
    jobKey: string,
    transaction: Transaction,
    details: Record<string, unknown>,
  ) {
    return this.#context.audit.record(
      { actor: 'system', source: `job ${jobKey}`, action, entityType: 'campaign', entityId: id, details },
      transaction,
    );
  }
}

const fourEyes = (user: string, campaignId: string) =>
  new BpmnError(
    'FOUR_EYES',
    `crm.campaigns.record-decision: four eyes — ${user} submitted campaign ${campaignId} and may not decide on it`,
  );
