import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Transaction } from 'sequelize';
import type { Clock } from '../../engine/index.ts';
import { seal } from '../audit/keys.ts';
import type { BusinessCalendar } from '../calendar/index.ts';
import { CustomersError } from '../customers/errors.ts';
import { currentConsents, writeInteraction } from '../customers/index.ts';
import type { Customer } from '../customers/model.ts';
import type { NotificationsConfig } from '../server/config.ts';
import { type ChannelAdapter, type OutgoingMessage, PermanentFailure } from './channels/index.ts';
import { type MessageRow, scrub } from './outbox.ts';
import { trackLinks, withPixel } from './render.ts';
import type { Channel } from './schema.ts';
import { type NotificationService, SYSTEM, sealContext } from './service.ts';

/** The real-time poll; the platform clock moving also wakes the dispatcher at once. */
const POLL_MS = 250;
const BATCH = 20;
const PARALLEL = 4;

export interface DispatcherDeps {
  service: NotificationService;
  adapters: Record<Channel, ChannelAdapter>;
  calendar: BusinessCalendar;
  clock: Clock;
  logger: Logger;
  config: NotificationsConfig;
}

/**
 * Sends what the outbox holds when it is due (platform clock). Every replica runs one; a
 * message is claimed with a lease before it is sent, so one dispatcher sends it. Marketing
 * rules are checked here, at the moment of sending: consent on the channel (withdrawn since
 * queuing → suppressed) and the contact window (closed → held until it opens). A failed
 * attempt is retried with exponential backoff, and after the last it is a dead letter.
 */
export class Dispatcher {
  readonly #owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(private readonly deps: DispatcherDeps) {}

  start(): () => Promise<void> {
    const offClock = this.deps.clock.onChange(() => this.wake());
    const offQueued = this.deps.service.onQueued(() => this.wake());
    this.wake();
    return async () => {
      this.#stopped = true;
      offClock();
      offQueued();
      clearTimeout(this.#timer);
      await this.#running;
      await Promise.all(Object.values(this.deps.adapters).map((adapter) => adapter.close?.()));
    };
  }

  /** Looks for due messages now (again, once the pass in progress ends). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.#loop().finally(() => {
      this.#running = undefined;
      if (!this.#stopped) this.#timer = setTimeout(() => this.wake(), POLL_MS);
    });
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      try {
        while (!this.#stopped && (await this.#pass()) > 0);
      } catch (error) {
        this.deps.logger.error({ err: error }, 'notification dispatch failed');
      }
    } while (this.#again && !this.#stopped);
  }

  /** One batch of due messages; how many this dispatcher claimed. */
  async #pass(): Promise<number> {
    const { outbox } = this.deps.service;
    const ids = await outbox.due(this.deps.clock.now(), Date.now(), BATCH);
    const claimed: string[] = [];
    for (const id of ids)
      if (await outbox.claim(id, this.#owner, this.deps.clock.now(), Date.now())) claimed.push(id);
    for (let i = 0; i < claimed.length; i += PARALLEL)
      await Promise.all(claimed.slice(i, i + PARALLEL).map((id) => this.#attempt(id)));
    return claimed.length;
  }

  async #attempt(id: string): Promise<void> {
    try {
      await this.#send(id);
    } catch (error) {
      // A fault of our own (the database): the lease runs out and another pass tries again.
      this.deps.logger.error({ err: error, notificationId: id }, 'notification attempt failed');
    }
  }

  async #send(id: string): Promise<void> {
    const { service, clock, calendar } = this.deps;
    const row = await service.outbox.load(id);
    if (!row || row.lease_owner !== this.#owner) return;
    const now = clock.now();
    let customer: Customer;
    try {
      customer = await service.customers.load(row.customer_id, SYSTEM);
    } catch (error) {
      if (!(error instanceof CustomersError)) throw error;
      return this.#end(
        row,
        {
          status: 'suppressed',
          status_reason: error.code === 'CUSTOMER_ERASED' ? 'customer-erased' : 'customer-not-found',
          next_attempt_at: null,
        },
        'suppressed',
        error.code,
      );
    }
    if (row.purpose === 'marketing') {
      const consents = await currentConsents(service.customers, row.customer_id);
      const consent = consents.find((c) => c.channel === row.channel && c.purpose === 'marketing');
      if (!consent?.granted)
        return this.#end(
          row,
          {
            status: 'suppressed',
            status_reason: consent ? 'consent-withdrawn' : 'no-consent',
            next_attempt_at: null,
          },
          'suppressed',
          `no marketing consent on ${row.channel}`,
        );
      const window = (await calendar.snapshot()).contactWindow;
      if (!window.isOpen(now)) {
        const opening = window.nextOpening(now);
        return this.#end(
          row,
          { status_reason: 'contact-window', next_attempt_at: opening },
          'held',
          `contact window closed: held until ${new Date(opening).toISOString()}`,
        );
      }
    }
    const to = row.channel === 'email' ? customer.email : customer.phone;
    if (!to)
      return this.#end(
        row,
        { status: 'failed', status_reason: 'no-address', failed_at: now, next_attempt_at: null },
        'failed',
        `the customer has no ${row.channel === 'email' ? 'e-mail address' : 'phone number'}`,
      );
    const content = await service.content(row);
    if (!content)
      return this.#end(
        row,
        { status: 'suppressed', status_reason: 'customer-erased', next_attempt_at: null },
        'suppressed',
        'content unreadable',
      );
    const message: OutgoingMessage = { id: row.id, channel: row.channel, to, text: content.text };
    if (row.channel === 'email') {
      message.subject = content.subject;
      if (content.html) {
        const tracked = trackLinks(content.html, (_url, index) =>
          service.tracking.clickUrl(row.id, index),
        ).html;
        message.html = withPixel(tracked, service.tracking.pixelUrl(row.id));
      }
    }
    const attempts = Number(row.attempts) + 1;
    try {
      const result = await this.deps.adapters[row.channel].send(message);
      const key = (await service.deps.subjectKeys.load([row.customer_id])).get(row.customer_id);
      await this.#end(
        row,
        {
          status: result.delivered ? 'delivered' : 'sent',
          status_reason: null,
          attempts,
          sent_at: clock.now(),
          ...(result.delivered ? { delivered_at: clock.now() } : {}),
          provider_id: result.providerId,
          recipient_sealed: key ? seal(key, to, sealContext('recipient', row.id)) : null,
          next_attempt_at: null,
        },
        result.delivered ? 'delivered' : 'sent',
        scrub(result.detail, 500),
      );
      // A provider's callback may come before its answer to our request: what it said stands.
      if (!result.delivered) await service.outbox.settle(row.id);
    } catch (error) {
      const text = scrub(error instanceof Error ? error.message : String(error));
      const after = clock.now();
      if (error instanceof PermanentFailure)
        return this.#end(
          row,
          {
            status: 'failed',
            status_reason: 'refused',
            attempts,
            last_error: text,
            failed_at: after,
            next_attempt_at: null,
          },
          'failed',
          text,
        );
      if (attempts >= this.deps.config.maxAttempts)
        return this.#end(
          row,
          {
            status: 'dead',
            status_reason: `${attempts} attempts failed`,
            attempts,
            last_error: text,
            failed_at: after,
            next_attempt_at: null,
          },
          'dead',
          text,
        );
      const wait = this.deps.config.retrySeconds * 1000 * 2 ** (attempts - 1);
      await this.#end(
        row,
        { attempts, last_error: text, next_attempt_at: after + wait },
        'attempt-failed',
        `${text} (next attempt in ${wait / 1000} s)`,
      );
    }
  }

  async #end(row: MessageRow, changes: Record<string, unknown>, kind: string, detail: string): Promise<void> {
    const at = this.deps.clock.now();
    const sequelize = this.deps.service.customers.sequelize;
    // A message that went out is a touch on the customer's timeline (Customer 360).
    const onTimeline =
      kind === 'sent' || kind === 'delivered'
        ? async (transaction: Transaction) => {
            await writeInteraction(
              sequelize,
              {
                customerId: row.customer_id,
                at,
                channel: row.channel,
                kind: row.purpose === 'marketing' ? 'campaign' : 'message',
                summary: `${row.purpose === 'marketing' ? 'Penawaran' : 'Notifikasi'} "${row.template_key}" terkirim via ${row.channel}`,
                refType: 'notification',
                refId: row.id,
                actor: 'system',
              },
              transaction,
            );
          }
        : undefined;
    const done = await this.deps.service.outbox.finish(
      row.id,
      this.#owner,
      changes,
      { at, kind, detail },
      onTimeline,
    );
    if (!done) this.deps.logger.warn({ notificationId: row.id }, 'notification lease lost during an attempt');
  }
}
