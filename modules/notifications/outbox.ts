import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { Channel, Locale, MessageStatus, Purpose } from './schema.ts';

/** A row of notification_messages as the drivers return it (BIGINT may arrive as a string). */
export interface MessageRow {
  id: string;
  customer_id: string;
  channel: Channel;
  purpose: Purpose;
  template_key: string;
  template_version: number | string;
  locale: Locale;
  ref: string | null;
  status: MessageStatus;
  status_reason: string | null;
  content_sealed: string | null;
  recipient_sealed: string | null;
  attempts: number | string;
  next_attempt_at: number | string | null;
  lease_owner: string | null;
  lease_until: number | string | null;
  last_error: string | null;
  provider_id: string | null;
  job_key: string | null;
  created_at: number | string;
  created_by: string;
  sent_at: number | string | null;
  delivered_at: number | string | null;
  failed_at: number | string | null;
  open_count: number | string;
  first_opened_at: number | string | null;
  click_count: number | string;
  first_clicked_at: number | string | null;
}

/** How long a claimed message stays with its dispatcher (wall clock: it guards a send in flight). */
export const LEASE_MS = 60_000;

/** Error texts from providers may quote the address: kept without it. */
export function scrub(text: string, max = 1000): string {
  return text
    .replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '<address>')
    .replace(/\+?\d{8,}/g, '<number>')
    .slice(0, max);
}

/**
 * The outbox table: a message is a row from the moment it is queued. Dispatchers on every
 * replica claim due rows with a guarded UPDATE (a lease), so each attempt is made by one.
 */
export class Outbox {
  constructor(private readonly sequelize: Sequelize) {}

  async load(id: string, transaction?: Transaction): Promise<MessageRow | undefined> {
    const [row] = await this.sequelize.query<MessageRow>(
      'SELECT * FROM notification_messages WHERE id = :id',
      {
        replacements: { id },
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    return row;
  }

  /** Queued messages due by `now` (platform clock) whose lease, if any, ran out (`wall`). */
  async due(now: number, wall: number, limit: number): Promise<string[]> {
    const rows = await this.sequelize.query<{ id: string }>(
      `SELECT id FROM notification_messages WHERE status = 'queued' AND next_attempt_at <= :now
       AND (lease_until IS NULL OR lease_until < :wall) ORDER BY next_attempt_at, id LIMIT ${Number(limit)}`,
      { replacements: { now, wall }, type: QueryTypes.SELECT },
    );
    return rows.map((r) => r.id);
  }

  /** Takes the message for `owner`; false when another dispatcher took it first. */
  async claim(id: string, owner: string, now: number, wall: number): Promise<boolean> {
    // In a transaction of its own: on SQLite the platform queues transactions in process, while
    // a bare write would wait in the busy handler on the shared connection, stalling the
    // queries queued behind it — possibly those of the transaction that holds the lock.
    const [, claimed] = await this.sequelize.transaction((transaction) =>
      this.sequelize.query(
        `UPDATE notification_messages SET lease_owner = :owner, lease_until = :until
         WHERE id = :id AND status = 'queued' AND next_attempt_at <= :now
         AND (lease_until IS NULL OR lease_until < :wall)`,
        {
          replacements: { id, owner, now, wall, until: wall + LEASE_MS },
          type: QueryTypes.UPDATE,
          transaction,
        },
      ),
    );
    return claimed === 1;
  }

  /**
   * Ends the owner's attempt with these column changes and an event, releasing the lease;
   * false when the lease was lost meanwhile (nothing written).
   */
  async finish(
    id: string,
    owner: string,
    changes: Record<string, unknown>,
    event: { at: number; kind: string; detail?: string | null },
    alsoWrite?: (transaction: Transaction) => Promise<void>,
  ): Promise<boolean> {
    const sets = Object.keys(changes).map((column) => `${column} = :${column}`);
    return this.sequelize.transaction(async (transaction) => {
      const [, updated] = await this.sequelize.query(
        `UPDATE notification_messages SET ${[...sets, 'lease_owner = NULL', 'lease_until = NULL', 'updated_at = :at'].join(', ')}
         WHERE id = :id AND lease_owner = :owner`,
        { replacements: { ...changes, id, owner, at: event.at }, type: QueryTypes.UPDATE, transaction },
      );
      if (updated !== 1) return false;
      await this.event(id, event, transaction);
      await alsoWrite?.(transaction);
      return true;
    });
  }

  /**
   * Withdraws the messages of `ref` still waiting to go (a cancelled campaign): suppressed with
   * `reason`, each with its event. A dispatcher holding one at this moment keeps its lease: if it
   * was sending, its record of the send stands; if it was holding it for the contact window, the
   * message stays suppressed (the due query only takes queued ones).
   */
  async suppressQueued(ref: string, reason: string, at: number, transaction: Transaction): Promise<number> {
    const rows = await this.sequelize.query<{ id: string }>(
      `SELECT id FROM notification_messages WHERE ref = :ref AND status = 'queued'`,
      { replacements: { ref }, type: QueryTypes.SELECT, transaction },
    );
    for (const { id } of rows) {
      const [, changed] = await this.sequelize.query(
        `UPDATE notification_messages SET status = 'suppressed', status_reason = :reason, next_attempt_at = NULL,
           updated_at = :at WHERE id = :id AND status = 'queued'`,
        { replacements: { id, reason, at }, type: QueryTypes.UPDATE, transaction },
      );
      if (changed === 1) await this.event(id, { at, kind: 'suppressed', detail: reason }, transaction);
    }
    return rows.length;
  }

  /** A sent message whose delivery callback already arrived takes the status it reported. */
  async settle(id: string): Promise<void> {
    await this.sequelize.transaction((transaction) =>
      this.sequelize.query(
        `UPDATE notification_messages SET status = CASE WHEN failed_at IS NOT NULL THEN 'failed' ELSE 'delivered' END
         WHERE id = :id AND status = 'sent' AND (delivered_at IS NOT NULL OR failed_at IS NOT NULL)`,
        { replacements: { id }, transaction },
      ),
    );
  }

  async event(
    id: string,
    event: { at: number; kind: string; detail?: string | null },
    transaction?: Transaction,
  ): Promise<void> {
    await this.sequelize.query(
      'INSERT INTO notification_events (message_id, at, kind, detail) VALUES (:id, :at, :kind, :detail)',
      {
        replacements: {
          id,
          at: event.at,
          kind: event.kind,
          detail: event.detail ? event.detail.slice(0, 500) : null,
        },
        transaction,
      },
    );
  }
}
