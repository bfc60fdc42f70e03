import type { JSONDoc } from '@camunda8/sdk/dist/zeebe/lib/interfaces-1.0.js';
import type { Logger } from 'pino';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { ZeebeGrpcClient } from '../../engine/index.ts';

/** What a module asks of the process engine from inside its own transaction. */
export type EngineCommand =
  | { kind: 'create-instance'; bpmnProcessId: string; variables: Record<string, unknown> }
  | {
      kind: 'publish-message';
      name: string;
      correlationKey: string;
      variables?: Record<string, unknown>;
      /** How long Zeebe keeps the message for a subscription still to open; 0 by default. */
      timeToLiveMs?: number;
    };

interface Row {
  id: number | string;
  ref: string;
  command: string;
  attempts: number;
}

const POLL_MS = 250;
/** A command in flight stays with its dispatcher this long (wall clock). */
const LEASE_MS = 30_000;
const MAX_BACKOFF_MS = 60_000;
const BATCH = 50;

/**
 * The transactional outbox towards the engine (DESIGN seam 7). `enqueue` writes a command in
 * the caller's transaction; the dispatcher (one per replica, rows claimed with a lease) sends
 * each over the platform's gRPC client in the order written, retrying with backoff while the
 * engine is unreachable, and keeps the answer (a process instance key) for `instanceOf`.
 *
 * Delivery is at least once: a crash between the engine's answer and the row's update sends
 * the command again. Messages carry the outbox id as their message id, so Zeebe drops the
 * repeat while the first is buffered; processes tolerate a repeated update message.
 */
export class EngineOutbox {
  private wakeUp: (() => void) | undefined;

  constructor(private readonly sequelize: Sequelize) {}

  async enqueue(ref: string, command: EngineCommand, transaction?: Transaction): Promise<void> {
    const now = Date.now();
    await this.sequelize.query(
      `INSERT INTO engine_outbox (kind, ref, command, state, attempts, next_attempt_at, created_at)
       VALUES (:kind, :ref, :command, 'pending', 0, :now, :now)`,
      {
        replacements: { kind: command.kind, ref, command: JSON.stringify(command), now },
        ...(transaction ? { transaction } : {}),
      },
    );
    if (transaction && typeof transaction.afterCommit === 'function')
      transaction.afterCommit(() => this.wakeUp?.());
    else this.wakeUp?.();
  }

  /** The key of the process instance started for `ref`, once the engine has answered. */
  async instanceOf(ref: string): Promise<string | undefined> {
    const rows = await this.sequelize.query<{ result: string | null }>(
      `SELECT result FROM engine_outbox WHERE ref = :ref AND kind = 'create-instance' AND state = 'sent'
       ORDER BY id DESC LIMIT 1`,
      { replacements: { ref }, type: QueryTypes.SELECT },
    );
    const result = rows[0]?.result;
    return result ? (JSON.parse(result) as { processInstanceKey?: string }).processInstanceKey : undefined;
  }

  /** Commands not yet sent (oldest first), with the last error: what an operator looks at. */
  async pending(): Promise<{ ref: string; kind: string; attempts: number; lastError: string | null }[]> {
    const rows = await this.sequelize.query<{
      ref: string;
      kind: string;
      attempts: number;
      last_error: string | null;
    }>(
      `SELECT ref, kind, attempts, last_error FROM engine_outbox WHERE state = 'pending' ORDER BY id LIMIT 100`,
      { type: QueryTypes.SELECT },
    );
    return rows.map((row) => ({
      ref: row.ref,
      kind: row.kind,
      attempts: Number(row.attempts),
      lastError: row.last_error,
    }));
  }

  /** Starts the dispatcher; the returned function stops it after the send in flight. */
  start(zeebe: ZeebeGrpcClient, logger: Logger): () => Promise<void> {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    const schedule = (ms: number) => {
      if (stopped) return;
      clearTimeout(timer);
      timer = setTimeout(tick, ms);
    };
    const tick = () => {
      running = running
        .then(() => this.dispatch(zeebe, logger))
        .catch((err) => logger.error({ err }, 'engine outbox: dispatch failed'))
        .finally(() => schedule(POLL_MS));
    };
    this.wakeUp = () => schedule(0);
    schedule(0);
    return async () => {
      stopped = true;
      this.wakeUp = undefined;
      clearTimeout(timer);
      await running;
    };
  }

  /**
   * One update in a transaction of its own: on SQLite the platform queues its transactions in
   * process (database.ts), whereas a bare write waits in SQLite's busy handler on the shared
   * connection — and stalls every query queued behind it there until the busy timeout, while
   * the transaction holding the lock waits for one of those queries.
   */
  private write(sql: string, replacements: Record<string, unknown>): Promise<[undefined, number]> {
    return this.sequelize.transaction((transaction) =>
      this.sequelize.query(sql, { replacements, type: QueryTypes.UPDATE, transaction }),
    ) as Promise<[undefined, number]>;
  }

  private async dispatch(zeebe: ZeebeGrpcClient, logger: Logger): Promise<void> {
    const wall = Date.now();
    const due = await this.sequelize.query<Row>(
      `SELECT id, ref, command, attempts FROM engine_outbox
       WHERE state = 'pending' AND next_attempt_at <= :wall AND (lease_until IS NULL OR lease_until < :wall)
       ORDER BY id LIMIT ${BATCH}`,
      { replacements: { wall }, type: QueryTypes.SELECT },
    );
    for (const row of due) {
      const [, claimed] = await this.write(
        `UPDATE engine_outbox SET lease_until = :until WHERE id = :id AND state = 'pending'
         AND (lease_until IS NULL OR lease_until < :wall)`,
        { id: row.id, until: wall + LEASE_MS, wall },
      );
      if (claimed !== 1) continue;
      try {
        const result = await send(zeebe, JSON.parse(row.command) as EngineCommand, String(row.id));
        await this.write(
          `UPDATE engine_outbox SET state = 'sent', result = :result, sent_at = :at, lease_until = NULL,
           attempts = attempts + 1, last_error = NULL WHERE id = :id`,
          { id: row.id, result: JSON.stringify(result), at: Date.now() },
        );
      } catch (error) {
        const attempts = Number(row.attempts) + 1;
        const message = error instanceof Error ? error.message : String(error);
        logger.warn(
          { ref: row.ref, attempts, err: message },
          'engine outbox: command not accepted, will retry',
        );
        await this.write(
          `UPDATE engine_outbox SET attempts = :attempts, next_attempt_at = :next, lease_until = NULL,
           last_error = :message WHERE id = :id`,
          {
            id: row.id,
            attempts,
            next: Date.now() + Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempts),
            message: message.slice(0, 2000),
          },
        );
        // Keep the order per process: later commands wait until this one has gone.
        return;
      }
    }
  }
}

async function send(
  zeebe: ZeebeGrpcClient,
  command: EngineCommand,
  id: string,
): Promise<Record<string, unknown>> {
  if (command.kind === 'create-instance') {
    const created = await zeebe.createProcessInstance({
      bpmnProcessId: command.bpmnProcessId,
      variables: command.variables as JSONDoc,
    });
    return { processInstanceKey: created.processInstanceKey };
  }
  const ttl = command.timeToLiveMs ?? 0;
  const published = await zeebe.publishMessage({
    name: command.name,
    correlationKey: command.correlationKey,
    variables: (command.variables ?? {}) as Record<string, never>,
    timeToLive: ttl,
    ...(ttl > 0 ? { messageId: `engine-outbox-${id}` } : {}),
  });
  return { messageKey: published.key };
}
