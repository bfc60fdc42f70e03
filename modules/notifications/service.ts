import { randomUUID } from 'node:crypto';
import { QueryTypes, type Transaction } from 'sequelize';
import { seal, unseal } from '../audit/keys.ts';
import { CustomersError } from '../customers/errors.ts';
import type { CustomerService } from '../customers/index.ts';
import type { Viewer } from '../customers/scope.ts';
import { NotificationsError } from './errors.ts';
import { Outbox } from './outbox.ts';
import { render, trackLinks } from './render.ts';
import type { Channel, Locale, LocaleContent, Purpose } from './schema.ts';
import type { Actor, Templates } from './templates.ts';
import type { TrackingTokens } from './tracking.ts';

export interface QueueRequest {
  customerId: string;
  templateKey: string;
  channel: Channel;
  /** Default: the template's; a marketing template stays marketing whatever is asked. */
  purpose?: Purpose | null;
  locale?: Locale | null;
  data?: Record<string, unknown> | null;
  ref?: string | null;
}

export interface QueueContext {
  /** The caller's transaction: the message exists if and only if the caller's work commits. */
  transaction: Transaction;
  actor: Actor;
  /** Whose scope the customer must be in (default: the platform's own, every customer). */
  viewer?: Viewer;
  jobKey?: string;
}

/** The platform itself, for workers and the dispatcher: sees every customer. */
export const SYSTEM: Viewer = { username: 'system', roles: [], scope: { kind: 'all' }, source: null };

/** How sealed content and recipients are bound to their message (see customers' FieldCipher). */
export const sealContext = (part: 'content' | 'recipient', id: string) => `notification-${part}:${id}`;

/**
 * Notifications: messages queued in their caller's transaction (the outbox), delivery
 * callbacks, opens and clicks, and dead letters sent again. The dispatcher sends.
 */
export class NotificationService {
  readonly outbox: Outbox;
  readonly #queued = new Set<() => void>();

  constructor(
    readonly customers: CustomerService,
    readonly templates: Templates,
    readonly tracking: TrackingTokens,
  ) {
    this.outbox = new Outbox(customers.sequelize);
  }

  get sequelize() {
    return this.customers.sequelize;
  }

  get deps() {
    return this.customers.deps;
  }

  /** Called after a transaction that queued a message commits (the dispatcher wakes up). */
  onQueued(listener: () => void): () => void {
    this.#queued.add(listener);
    return () => this.#queued.delete(listener);
  }

  /**
   * Queues one message: the template's current version filled in now (with `customer.name`),
   * sealed with the customer's own key. The address is read when it is sent. An erased
   * customer's message is recorded as suppressed; an unknown one is an error.
   */
  async queue(request: QueueRequest, context: QueueContext): Promise<{ id: string; status: string }> {
    const { transaction, actor } = context;
    const { clock, subjectKeys, audit } = this.deps;
    const template = await this.templates.current(request.templateKey, request.channel, { transaction });
    const purpose: Purpose =
      template.purpose === 'marketing' || request.purpose === 'marketing' ? 'marketing' : 'service';
    const locale = request.locale ?? 'id';
    const id = randomUUID();
    const now = clock.now();
    let status: 'queued' | 'suppressed' = 'queued';
    let contentSealed: string | null = null;
    try {
      const customer = await this.customers.load(request.customerId, context.viewer ?? SYSTEM, transaction);
      const content = render(template.content[locale], {
        ...(request.data ?? {}),
        customer: { name: customer.fullName },
      });
      const key = (await subjectKeys.keyFor(customer.id, now, transaction)) as Buffer;
      contentSealed = seal(key, JSON.stringify(content), sealContext('content', id));
    } catch (error) {
      if (!(error instanceof CustomersError && error.code === 'CUSTOMER_ERASED')) throw error;
      status = 'suppressed';
    }
    await this.sequelize.query(
      `INSERT INTO notification_messages (id, customer_id, channel, purpose, template_key, template_version,
         locale, ref, status, status_reason, content_sealed, attempts, next_attempt_at, job_key, created_at,
         created_by, updated_at, open_count, click_count)
       VALUES (:id, :customerId, :channel, :purpose, :templateKey, :version, :locale, :ref, :status, :reason,
         :contentSealed, 0, :next, :jobKey, :now, :actor, :now, 0, 0)`,
      {
        replacements: {
          id,
          customerId: request.customerId,
          channel: request.channel,
          purpose,
          templateKey: template.key,
          version: template.version,
          locale,
          ref: request.ref ?? null,
          status,
          reason: status === 'suppressed' ? 'customer-erased' : null,
          contentSealed,
          next: status === 'queued' ? now : null,
          jobKey: context.jobKey ?? null,
          now,
          actor: actor.username,
        },
        transaction,
      },
    );
    await this.outbox.event(
      id,
      { at: now, kind: status, detail: status === 'suppressed' ? 'customer-erased' : null },
      transaction,
    );
    await audit.record(
      {
        actor: actor.username,
        source: actor.source,
        action: 'notification.queue',
        entityType: 'notification',
        entityId: id,
        customerId: request.customerId,
        details: { templateKey: template.key, version: template.version, channel: request.channel, purpose },
      },
      transaction,
    );
    transaction.afterCommit(() => {
      for (const listener of this.#queued) listener();
    });
    return { id, status };
  }

  /** What was sent, in clear: null once the customer was erased (their key is gone). */
  async content(row: { id: string; customer_id: string; content_sealed: string | null }) {
    const key = await this.#key(row.customer_id);
    if (!key || !row.content_sealed) return null;
    return JSON.parse(
      unseal(key, row.content_sealed, sealContext('content', row.id)).toString('utf8'),
    ) as LocaleContent;
  }

  async recipient(row: { id: string; customer_id: string; recipient_sealed: string | null }) {
    const key = await this.#key(row.customer_id);
    if (!key || !row.recipient_sealed) return null;
    return unseal(key, row.recipient_sealed, sealContext('recipient', row.id)).toString('utf8');
  }

  async #key(customerId: string) {
    return (await this.deps.subjectKeys.load([customerId])).get(customerId) ?? null;
  }

  /** Sends a dead letter (or a message that failed for good) again, from its first attempt. */
  async retry(id: string, actor: Actor): Promise<void> {
    const { clock, audit } = this.deps;
    await this.sequelize.transaction(async (transaction) => {
      const row = await this.outbox.load(id, transaction);
      if (!row) throw new NotificationsError('MESSAGE_NOT_FOUND', `There is no notification ${id}`);
      const now = clock.now();
      const [, changed] = await this.sequelize.query(
        `UPDATE notification_messages SET status = 'queued', status_reason = NULL, attempts = 0,
           next_attempt_at = :now, failed_at = NULL, lease_owner = NULL, lease_until = NULL, updated_at = :now
         WHERE id = :id AND status IN ('dead', 'failed')`,
        { replacements: { id, now }, type: QueryTypes.UPDATE, transaction },
      );
      if (changed !== 1)
        throw new NotificationsError(
          'NOT_RETRYABLE',
          `Notification ${id} is ${row.status}: only dead or failed ones are sent again`,
        );
      await this.outbox.event(id, { at: now, kind: 'retried', detail: `by ${actor.username}` }, transaction);
      await audit.record(
        {
          actor: actor.username,
          source: actor.source,
          action: 'notification.retry',
          entityType: 'notification',
          entityId: id,
          customerId: row.customer_id,
        },
        transaction,
      );
      transaction.afterCommit(() => {
        for (const listener of this.#queued) listener();
      });
    });
  }

  /**
   * A provider's word on a message it took (the signature was checked by the route). Once is
   * enough: a repeated or late callback changes nothing. A callback that overtakes the answer
   * to our own request is kept, and the dispatcher's record of the send respects it.
   */
  async delivery(
    channel: Channel,
    report: { id: string; status: 'delivered' | 'failed'; providerId?: string; error?: string },
  ) {
    const now = this.deps.clock.now();
    const column = report.status === 'delivered' ? 'delivered_at' : 'failed_at';
    return this.sequelize.transaction(async (transaction) => {
      const row = await this.outbox.load(report.id, transaction);
      if (!row || row.channel !== channel)
        throw new NotificationsError('MESSAGE_NOT_FOUND', `There is no ${channel} notification ${report.id}`);
      const [, changed] = await this.sequelize.query(
        `UPDATE notification_messages SET ${column} = :now,
           status = CASE WHEN status = 'sent' THEN :status ELSE status END,
           provider_id = COALESCE(provider_id, :providerId),
           last_error = COALESCE(:error, last_error), updated_at = :now
         WHERE id = :id AND status IN ('queued', 'sent') AND delivered_at IS NULL AND failed_at IS NULL`,
        {
          replacements: {
            id: report.id,
            now,
            status: report.status,
            providerId: report.providerId ?? null,
            error: report.error ?? null,
          },
          type: QueryTypes.UPDATE,
          transaction,
        },
      );
      if (changed === 1)
        await this.outbox.event(
          report.id,
          { at: now, kind: report.status, detail: report.error ?? 'provider callback' },
          transaction,
        );
      const after = await this.outbox.load(report.id, transaction);
      return { id: report.id, status: after?.status ?? row.status };
    });
  }

  /** Counts an open (the tracking pixel was loaded): how many, and when the first was. */
  async opened(token: string): Promise<void> {
    const id = this.#tracked(token);
    const now = this.deps.clock.now();
    const [, changed] = await this.sequelize.query(
      `UPDATE notification_messages SET open_count = open_count + 1,
         first_opened_at = COALESCE(first_opened_at, :now) WHERE id = :id`,
      { replacements: { id, now }, type: QueryTypes.UPDATE },
    );
    if (changed !== 1) throw trackingNotFound();
  }

  /** Counts a click and answers where it leads: only ever a link of the message itself. */
  async clicked(token: string, link: number): Promise<string> {
    const id = this.#tracked(token);
    const row = await this.outbox.load(id);
    const content = row && (await this.content(row));
    const url = content?.html ? trackLinks(content.html).links[link] : undefined;
    if (!url) throw trackingNotFound();
    await this.sequelize.query(
      `UPDATE notification_messages SET click_count = click_count + 1,
         first_clicked_at = COALESCE(first_clicked_at, :now) WHERE id = :id`,
      { replacements: { id, now: this.deps.clock.now() }, type: QueryTypes.UPDATE },
    );
    return url;
  }

  #tracked(token: string): string {
    const id = this.tracking.messageOf(token);
    if (!id) throw trackingNotFound();
    return id;
  }
}

const trackingNotFound = () => new NotificationsError('TRACKING_NOT_FOUND', 'No such tracking link');
