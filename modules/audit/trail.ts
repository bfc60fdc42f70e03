import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { Clock } from '../../engine/index.ts';
import { sqlOf } from '../server/sql.ts';
import { type ChainedFields, GENESIS_HASH, linkHash } from './chain.ts';
import { type DataKeys, seal, unseal } from './keys.ts';
import type { SubjectKeys } from './subject-keys.ts';
import type { AuditEvent, AuditLog } from './types.ts';

interface EntryRow {
  seq: number | string;
  at: number | string;
  actor: string;
  source: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  subject_id: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
}

/** An entry as readers get it: details decrypted, or `erased` once the subject's key is gone. */
export interface AuditEntry extends Omit<ChainedFields, 'details'> {
  details: Record<string, unknown> | null;
  erased: boolean;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  subjectId?: string;
  from?: number;
  to?: number;
  /** Entries before this sequence number (paging backwards from the newest). */
  before?: number;
  limit: number;
}

export type VerifyProblem = 'altered' | 'removed' | 'tail-removed';

export interface VerifyResult {
  valid: boolean;
  checked: number;
  head: { seq: number; hash: string };
  /** The first entry where the chain breaks, and how. */
  broken?: { seq: number; problem: VerifyProblem; detail: string };
}

const VERIFY_PAGE = 2000;

/** A stored row as the chain covers it (details as stored: JSON or sealed). */
function chained(row: EntryRow): ChainedFields {
  return {
    seq: Number(row.seq),
    at: Number(row.at),
    actor: row.actor,
    source: row.source,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    subjectId: row.subject_id,
    details: row.details,
  };
}

/**
 * The append-only audit trail. Appends are serialised on the chain's head row (locked on
 * MySQL/MariaDB; SQLite's write transactions are serial), inside the caller's transaction
 * when it gives one, so an entry lands with its change or not at all.
 */
export class AuditTrail implements AuditLog {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly keys: DataKeys,
    private readonly subjectKeys: SubjectKeys,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends an entry. `subjectKey` spares a lookup when the caller already holds the
   * customer's key (a request that just read the customer).
   */
  async record(event: AuditEvent, transaction?: Transaction, subjectKey?: Buffer): Promise<void> {
    if (transaction) return this.append(event, transaction, subjectKey);
    // Without a customer key to look up, every statement of the append is on the fast path,
    // and so can its transaction be (the views of Customer 360 and searches: every request).
    if (!event.customerId || !event.details || subjectKey)
      return sqlOf(this.sequelize).transaction((t) => this.append(event, t, subjectKey));
    await this.sequelize.transaction((t) => this.append(event, t, subjectKey));
  }

  private async append(event: AuditEvent, transaction: Transaction, subjectKey?: Buffer): Promise<void> {
    const at = this.clock.now();
    const sql = sqlOf(this.sequelize);
    const lock = this.sequelize.getDialect() === 'sqlite' ? '' : ' FOR UPDATE';
    const [head] = await sql.rows<{ seq: number | string; hash: string }>(
      `SELECT seq, hash FROM audit_head WHERE id = 1${lock}`,
      {},
      transaction,
    );
    if (!head) throw new Error('audit_head is missing: the audit migration did not run');
    const seq = Number(head.seq) + 1;
    const subjectId = event.customerId ?? null;
    const entry: ChainedFields = {
      seq,
      at,
      actor: event.actor,
      source: event.source,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      subjectId,
      details: await this.storedDetails(event, seq, at, transaction, subjectKey),
    };
    const hash = linkHash(this.keys.chain, head.hash, entry);
    await sql.run(
      `INSERT INTO audit_entries
         (seq, at, actor, source, action, entity_type, entity_id, subject_id, details, prev_hash, hash)
       VALUES (:seq, :at, :actor, :source, :action, :entityType, :entityId, :subjectId, :details, :prev, :hash)`,
      { ...entry, prev: head.hash, hash },
      transaction,
    );
    await sql.run('UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1', { seq, hash }, transaction);
  }

  /** Details about a customer are sealed with the customer's key; an erased one's are dropped. */
  private async storedDetails(
    event: AuditEvent,
    seq: number,
    at: number,
    transaction: Transaction,
    subjectKey?: Buffer,
  ): Promise<string | null> {
    if (!event.details) return null;
    const json = JSON.stringify(event.details);
    if (!event.customerId) return json;
    const key = subjectKey ?? (await this.subjectKeys.keyFor(event.customerId, at, transaction));
    return key ? seal(key, json, `audit:${seq}`) : null;
  }

  async search(filter: AuditFilter): Promise<AuditEntry[]> {
    const where: string[] = [];
    const replacements: Record<string, unknown> = { limit: filter.limit };
    const add = (sql: string, name: string, value: unknown) => {
      if (value === undefined) return;
      where.push(sql);
      replacements[name] = value;
    };
    add('actor = :actor', 'actor', filter.actor);
    add('action = :action', 'action', filter.action);
    add('entity_type = :entityType', 'entityType', filter.entityType);
    add('entity_id = :entityId', 'entityId', filter.entityId);
    add('subject_id = :subjectId', 'subjectId', filter.subjectId);
    add('at >= :from', 'from', filter.from);
    add('at < :to', 'to', filter.to);
    add('seq < :before', 'before', filter.before);
    const rows = await this.sequelize.query<EntryRow>(
      `SELECT * FROM audit_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY seq DESC LIMIT :limit`,
      { replacements, type: QueryTypes.SELECT },
    );
    return this.readable(rows);
  }

  private async readable(rows: EntryRow[]): Promise<AuditEntry[]> {
    const subjects = rows.map((r) => r.subject_id).filter((id): id is string => id !== null);
    const keys = await this.subjectKeys.load(subjects);
    return rows.map((row) => {
      const seq = Number(row.seq);
      let details: Record<string, unknown> | null = null;
      let erased = false;
      if (row.subject_id !== null) {
        const key = keys.get(row.subject_id);
        erased = key === null;
        if (key && row.details)
          details = JSON.parse(unseal(key, row.details, `audit:${seq}`).toString('utf8'));
      } else if (row.details) details = JSON.parse(row.details);
      return { ...chained(row), details, erased };
    });
  }

  /** Walks the whole chain: every link recomputed, no gap, and the head matching the last entry. */
  async verify(): Promise<VerifyResult> {
    const [headRow] = await this.sequelize.query<{ seq: number | string; hash: string }>(
      'SELECT seq, hash FROM audit_head WHERE id = 1',
      { type: QueryTypes.SELECT },
    );
    const head = { seq: Number(headRow?.seq ?? 0), hash: headRow?.hash ?? GENESIS_HASH };
    let previous = GENESIS_HASH;
    let expected = 1;
    let checked = 0;
    for (;;) {
      const rows = await this.sequelize.query<EntryRow>(
        'SELECT * FROM audit_entries WHERE seq >= :from ORDER BY seq LIMIT :limit',
        { replacements: { from: expected, limit: VERIFY_PAGE }, type: QueryTypes.SELECT },
      );
      for (const row of rows) {
        const seq = Number(row.seq);
        const broken = (problem: VerifyProblem, detail: string) => ({
          valid: false,
          checked,
          head,
          broken: { seq, problem, detail },
        });
        if (seq !== expected)
          return broken('removed', `entries ${expected}–${seq - 1} are missing before entry ${seq}`);
        if (row.prev_hash !== previous)
          return broken('removed', `entry ${seq} does not follow the entry before it`);
        const hash = linkHash(this.keys.chain, previous, chained(row));
        if (hash !== row.hash) return broken('altered', `entry ${seq} was changed after it was written`);
        previous = row.hash;
        expected = seq + 1;
        checked++;
      }
      if (rows.length < VERIFY_PAGE) break;
    }
    if (head.seq !== expected - 1 || head.hash !== previous)
      return {
        valid: false,
        checked,
        head,
        broken: {
          seq: expected,
          problem: 'tail-removed',
          detail: `the chain ends at entry ${expected - 1} but its head records entry ${head.seq}`,
        },
      };
    return { valid: true, checked, head };
  }
}
