import type { Transaction } from 'sequelize';
import type { BusinessCalendar } from '../calendar/index.ts';
import { uuidv7Factory } from '../customers/ids.ts';
import type { NotificationService } from '../notifications/index.ts';
import { render } from '../notifications/render.ts';
import type { ModuleContext } from '../server/module.ts';
import { type Sql, sqlOf } from '../server/sql.ts';
import { CampaignsError, campaignNotFound, segmentNotFound } from './errors.ts';
import { funnelOf, messageRef } from './funnel.ts';
import { type CampaignRow, CampaignTable, presentCampaign } from './model.ts';
import type { CampaignBody, CampaignStatus } from './schema.ts';
import { type Actor, Segments } from './segments.ts';

export type { Actor } from './segments.ts';

/** The BPMN process id of the shipped approval model (processes/campaigns-campaign-approval.bpmn). */
export const APPROVAL_PROCESS = 'campaigns-campaign-approval';
/** How long a resume or cancel message waits for the model to listen (it may be between steps). */
const MESSAGE_TTL_MS = 3_600_000;

const nextId = uuidv7Factory();
/** The customer name a content preview is filled in with. */
const SAMPLE_NAME = 'Budi Santoso';
const PAST = { pause: 'paused', resume: 'resumed', cancel: 'cancelled' } as const;
/** The engine outbox ref of a campaign's n-th submission: its process instance. */
export const submissionRef = (id: string, submission: number | string) => `campaign:${id}:${submission}`;

export interface CampaignDeps {
  context: ModuleContext;
  notifications: NotificationService;
  calendar: BusinessCalendar;
}

/**
 * Campaigns as the maker works them: drafts edited until submitted; a submission starts the
 * approval process through the engine outbox in the same transaction; a rejected campaign is
 * edited and submitted again (a new instance); a sending one is paused, resumed or cancelled.
 */
export class CampaignService {
  readonly sql: Sql;
  readonly table: CampaignTable;
  readonly segments: Segments;

  constructor(readonly deps: CampaignDeps) {
    this.sql = sqlOf(deps.context.sequelize);
    this.table = new CampaignTable(this.sql, deps.context.sequelize.getDialect());
    this.segments = new Segments(deps.context);
  }

  get clock() {
    return this.deps.context.clock;
  }

  async list(query: { status?: CampaignStatus; limit: number; offset: number }) {
    const rows = await this.sql.rows<CampaignRow & { segment_name: string | null }>(
      `SELECT c.*, s.name AS segment_name FROM campaigns c LEFT JOIN campaign_segments s ON s.id = c.segment_id
       ${query.status ? 'WHERE c.status = :status' : ''}
       ORDER BY c.updated_at DESC, c.id DESC LIMIT ${Number(query.limit)} OFFSET ${Number(query.offset)}`,
      { status: query.status ?? null },
    );
    return rows.map((row) => presentCampaign(row, row.segment_name));
  }

  /** A campaign with its progress and funnel. */
  async get(id: string, transaction?: Transaction) {
    const row = await this.table.load(id, transaction);
    if (!row) throw campaignNotFound(id);
    const segment = await this.table.segment(row.segment_id, transaction);
    return {
      ...presentCampaign(row, segment?.name ?? null),
      funnel: await funnelOf(this.sql, row, transaction),
    };
  }

  /**
   * What a customer would receive: the campaign's template (its current version) filled in with
   * the campaign's data and a sample customer, so a checker without template rights reads it too.
   */
  async content(id: string, locale: 'id' | 'en') {
    const row = await this.table.load(id);
    if (!row) throw campaignNotFound(id);
    const data = { ...(JSON.parse(row.data) as Record<string, unknown>), customer: { name: SAMPLE_NAME } };
    return this.deps.notifications.templates.preview(row.template_key, row.channel, { locale, data });
  }

  async create(input: CampaignBody, actor: Actor) {
    const id = nextId();
    const now = this.clock.now();
    await this.deps.context.sequelize.transaction(async (transaction) => {
      await this.#checkInput(input, transaction);
      await this.sql.run(
        `INSERT INTO campaigns (id, name, description, channel, template_key, segment_id, scheduled_at, product_kind,
           data, require_approval, batch_size, status, submission, queued_count, created_by, created_at, updated_by,
           updated_at)
         VALUES (:id, :name, :description, :channel, :templateKey, :segmentId, :scheduledAt, :productKind, :data,
           :requireApproval, :batchSize, 'DRAFT', 0, 0, :actor, :now, :actor, :now)`,
        { id, ...this.#columns(input), actor: actor.username, now },
        transaction,
      );
      await this.#audit(
        'campaign.create',
        id,
        actor,
        { name: input.name, channel: input.channel },
        transaction,
      );
    });
    return this.get(id);
  }

  /** A draft, or a rejected campaign the maker reworks: the checker's comment stays until resubmitted. */
  async update(id: string, input: CampaignBody, actor: Actor) {
    await this.deps.context.sequelize.transaction(async (transaction) => {
      await this.#checkInput(input, transaction);
      const { scheduledAt, productKind, ...rest } = this.#columns(input);
      const changed = await this.table.change(
        id,
        ['DRAFT', 'REJECTED'],
        {
          name: rest.name,
          description: rest.description,
          channel: rest.channel,
          template_key: rest.templateKey,
          segment_id: rest.segmentId,
          scheduled_at: scheduledAt,
          product_kind: productKind,
          data: rest.data,
          require_approval: rest.requireApproval,
          batch_size: rest.batchSize,
          updated_by: actor.username,
          updated_at: this.clock.now(),
        },
        transaction,
      );
      if (!changed) throw await this.#wrongStatus(id, 'edited', transaction);
      await this.#audit('campaign.update', id, actor, { name: input.name }, transaction);
    });
    return this.get(id);
  }

  /**
   * Submits a draft or a rejected campaign: the segment's rules are frozen into it, the caller
   * becomes its maker, and the approval process starts after commit (engine outbox).
   */
  async submit(id: string, actor: Actor) {
    await this.deps.context.sequelize.transaction(async (transaction) => {
      const row = await this.table.load(id, transaction, true);
      if (!row) throw campaignNotFound(id);
      if (row.status !== 'DRAFT' && row.status !== 'REJECTED')
        throw await this.#wrongStatus(id, 'submitted', transaction);
      const segment = await this.table.segment(row.segment_id, transaction);
      if (!segment) throw segmentNotFound(row.segment_id);
      await this.#checkTemplate(row.template_key, row.channel, JSON.parse(row.data), transaction);
      const submission = Number(row.submission) + 1;
      const now = this.clock.now();
      await this.table.change(
        id,
        [row.status],
        {
          status: 'PENDING_APPROVAL',
          submission,
          rules: segment.rules,
          maker: actor.username,
          checker: null,
          comment: null,
          approval: null,
          eligible_count: null,
          first_contact_at: null,
          decided_at: null,
          submitted_at: now,
          updated_by: actor.username,
          updated_at: now,
        },
        transaction,
      );
      await this.deps.context.engineOutbox.enqueue(
        submissionRef(id, submission),
        {
          kind: 'create-instance',
          bpmnProcessId: APPROVAL_PROCESS,
          variables: {
            campaignId: id,
            campaignName: row.name,
            channel: row.channel,
            submission,
            submittedBy: actor.username,
            batchSize: Number(row.batch_size),
            scheduledAt: row.scheduled_at === null ? null : new Date(Number(row.scheduled_at)).toISOString(),
          },
        },
        transaction,
      );
      await this.#audit('campaign.submit', id, actor, { submission, segmentId: segment.id }, transaction);
    });
    return this.get(id);
  }

  /** Stops further batches; the model waits for `campaign-resumed` once its next batch sees it. */
  async pause(id: string, actor: Actor) {
    return this.#transition(id, ['APPROVED', 'SENDING'], 'pause', actor, async (_row, now) => ({
      status: 'PAUSED',
      paused_at: now,
    }));
  }

  async resume(id: string, actor: Actor) {
    return this.#transition(id, ['PAUSED'], 'resume', actor, async (row, _now, transaction) => {
      await this.deps.context.engineOutbox.enqueue(
        submissionRef(id, row.submission),
        {
          kind: 'publish-message',
          name: 'campaign-resumed',
          correlationKey: id,
          timeToLiveMs: MESSAGE_TTL_MS,
        },
        transaction,
      );
      return { status: row.started_at === null ? 'APPROVED' : 'SENDING', paused_at: null };
    });
  }

  /**
   * Cancels a campaign that is not waiting for its decision: a running one is interrupted
   * (`campaign-cancelled`) and its messages not yet sent are withdrawn from the outbox.
   */
  async cancel(id: string, actor: Actor) {
    return this.#transition(
      id,
      ['DRAFT', 'REJECTED', 'APPROVED', 'SENDING', 'PAUSED'],
      'cancel',
      actor,
      async (row, now, transaction) => {
        if (row.status !== 'DRAFT' && row.status !== 'REJECTED') {
          await this.deps.context.engineOutbox.enqueue(
            submissionRef(id, row.submission),
            {
              kind: 'publish-message',
              name: 'campaign-cancelled',
              correlationKey: id,
              timeToLiveMs: MESSAGE_TTL_MS,
            },
            transaction,
          );
          await this.deps.notifications.outbox.suppressQueued(
            messageRef(id),
            'campaign-cancelled',
            now,
            transaction,
          );
        }
        return { status: 'CANCELLED', cancelled_at: now };
      },
    );
  }

  /** A conversion seen outside the platform (a branch sale), of a customer the campaign reached. */
  async recordConversion(id: string, input: { customerId: string; note?: string | null }, actor: Actor) {
    await this.deps.context.sequelize.transaction(async (transaction) => {
      const row = await this.table.load(id, transaction);
      if (!row) throw campaignNotFound(id);
      const [reached] = await this.sql.rows<{ one: number }>(
        'SELECT 1 AS one FROM notification_messages WHERE ref = :ref AND customer_id = :customerId LIMIT 1',
        { ref: messageRef(id), customerId: input.customerId },
        transaction,
      );
      if (!reached)
        throw new CampaignsError(
          'NOT_IN_AUDIENCE',
          `Campaign ${id} was never sent to customer ${input.customerId}`,
          [{ field: 'body.customerId', message: 'not reached by this campaign' }],
        );
      const now = this.clock.now();
      const insert =
        this.deps.context.sequelize.getDialect() === 'sqlite' ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
      await this.sql.run(
        `${insert} INTO campaign_conversions (campaign_id, customer_id, note, recorded_by, recorded_at)
         VALUES (:id, :customerId, :note, :actor, :now)`,
        { id, customerId: input.customerId, note: input.note ?? null, actor: actor.username, now },
        transaction,
      );
      await this.deps.context.audit.record(
        {
          actor: actor.username,
          source: actor.source,
          action: 'campaign.conversion',
          entityType: 'campaign',
          entityId: id,
          customerId: input.customerId,
        },
        transaction,
      );
    });
    return this.get(id);
  }

  async #transition(
    id: string,
    from: CampaignStatus[],
    action: 'pause' | 'resume' | 'cancel',
    actor: Actor,
    work: (row: CampaignRow, now: number, transaction: Transaction) => Promise<Record<string, unknown>>,
  ) {
    await this.deps.context.sequelize.transaction(async (transaction) => {
      const row = await this.table.load(id, transaction, true);
      if (!row) throw campaignNotFound(id);
      if (!from.includes(row.status)) throw await this.#wrongStatus(id, PAST[action], transaction);
      const now = this.clock.now();
      const changes = await work(row, now, transaction);
      await this.table.change(
        id,
        [row.status],
        { ...changes, updated_by: actor.username, updated_at: now },
        transaction,
      );
      await this.#audit(
        `campaign.${action}`,
        id,
        actor,
        { from: row.status, to: changes.status },
        transaction,
      );
    });
    return this.get(id);
  }

  #columns(input: CampaignBody) {
    return {
      name: input.name,
      description: input.description ?? null,
      channel: input.channel,
      templateKey: input.templateKey,
      segmentId: input.segmentId,
      scheduledAt: input.scheduledAt ? Date.parse(input.scheduledAt) : null,
      productKind: input.productKind ?? null,
      data: JSON.stringify(input.data ?? {}),
      requireApproval: input.requireApproval ?? false,
      batchSize: input.batchSize ?? 500,
    };
  }

  async #checkInput(input: CampaignBody, transaction: Transaction) {
    if (!(await this.table.segment(input.segmentId, transaction)))
      throw new CampaignsError('SEGMENT_NOT_FOUND', `There is no segment ${input.segmentId}`, [
        { field: 'body.segmentId', message: 'no such segment' },
      ]);
    await this.#checkTemplate(input.templateKey, input.channel, input.data ?? {}, transaction);
  }

  /** A current marketing template of the channel that fills in with the campaign's data. */
  async #checkTemplate(
    key: string,
    channel: CampaignBody['channel'],
    data: Record<string, unknown>,
    transaction: Transaction,
  ) {
    const invalid = (message: string) =>
      new CampaignsError('TEMPLATE_INVALID', `Template ${key} (${channel}): ${message}`, [
        { field: 'body.templateKey', message },
      ]);
    const template = await this.deps.notifications.templates
      .current(key, channel, { transaction })
      .catch(() => {
        throw invalid('no such template for this channel (or archived)');
      });
    if (template.purpose !== 'marketing')
      throw invalid('not a marketing template: offers need consent and the contact window');
    for (const locale of ['id', 'en'] as const)
      try {
        render(template.content[locale], { ...data, customer: { name: 'Nasabah' } });
      } catch (error) {
        throw invalid(`does not fill in with the campaign's data: ${(error as Error).message}`);
      }
  }

  async #wrongStatus(id: string, verb: string, transaction: Transaction) {
    const row = await this.table.load(id, transaction);
    if (!row) return campaignNotFound(id);
    return new CampaignsError('INVALID_STATUS', `Campaign ${id} is ${row.status}: it cannot be ${verb} now`);
  }

  #audit(
    action: string,
    id: string,
    actor: Actor,
    details: Record<string, unknown>,
    transaction: Transaction,
  ) {
    return this.deps.context.audit.record(
      { actor: actor.username, source: actor.source, action, entityType: 'campaign', entityId: id, details },
      transaction,
    );
  }
}
