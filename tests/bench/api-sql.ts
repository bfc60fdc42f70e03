// The bare-driver side of `npm run bench:api`: the SQL a request ran, replayed on mysql2 or
// sqlite3 (the audit append re-made so the chain stays valid), and EXPLAIN of each statement.
import mysql from 'mysql2/promise';
import sqlite3 from 'sqlite3';
import { linkHash } from '../../modules/audit/chain.ts';
import { seal } from '../../modules/audit/keys.ts';
import { type Dialect, literal } from '../../modules/customers/bulk-load.ts';
import type { DatabaseTarget } from '../../modules/server/database-url.ts';

/** What a replay needs of a measured request: its statements and what its audit entry records. */
export interface ReplayedRequest {
  statements: string[];
  audit: { action: string; entityId: string; subject: { id: string; key: Buffer } | null; details: unknown };
}

const BIG_TABLES = [
  'customers',
  'customer_products',
  'customer_name_words',
  'customer_interactions',
  'customer_consents',
  'customer_consent_state',
  'audit_entries',
  'audit_subject_keys',
];

/** The bare driver the SQL is replayed on: mysql2, or sqlite3 (the library sequelize uses here). */
export interface Raw {
  dialect: Dialect;
  run(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function openRaw(target: DatabaseTarget): Promise<Raw> {
  if (target.dialect === 'mysql') {
    const { host, port, user, password, database } = target;
    const conn = await mysql.createConnection({
      host,
      port,
      user,
      password,
      database,
      timezone: '+00:00',
      supportBigNumbers: true,
      bigNumberStrings: true,
    });
    return {
      dialect: 'mysql',
      run: async (sql) => (await conn.query(sql))[0] as Record<string, unknown>[],
      close: () => conn.end(),
    };
  }
  const db = new sqlite3.Database(target.storage);
  db.configure('busyTimeout', 10_000);
  return {
    dialect: 'sqlite',
    run: (sql) =>
      new Promise((resolve, reject) =>
        db.all(sql, (error, rows) => (error ? reject(error) : resolve(rows as Record<string, unknown>[]))),
      ),
    close: () => new Promise((resolve) => db.close(() => resolve())),
  };
}

/**
 * Replays a request's statements on the bare driver. The audit append is the service's own
 * statements with fresh values (the next sequence number, a valid link of the chain, details
 * sealed for the customer), so the chain stays intact; everything else runs verbatim.
 */
export async function replay(raw: Raw, chainKey: Buffer, r: ReplayedRequest): Promise<number> {
  const started = performance.now();
  let head: { seq: number; hash: string } | undefined;
  let entry: { sql: string; seq: number; hash: string } | undefined;
  for (const sql of r.statements) {
    if (/^INSERT INTO audit_entries/.test(sql)) {
      entry = auditInsert(raw.dialect, chainKey, head, r);
      await raw.run(entry.sql);
    } else if (/^UPDATE audit_head/.test(sql)) {
      await raw.run(`UPDATE audit_head SET seq = ${entry?.seq} , hash = '${entry?.hash}' WHERE id = 1`);
    } else {
      const rows = await raw.run(sql);
      if (/^SELECT seq, hash FROM audit_head/.test(sql))
        head = { seq: Number(rows[0]?.seq), hash: String(rows[0]?.hash) };
    }
  }
  return performance.now() - started;
}

function auditInsert(
  dialect: Dialect,
  chainKey: Buffer,
  head: { seq: number; hash: string } | undefined,
  r: ReplayedRequest,
): { sql: string; seq: number; hash: string } {
  if (!head) throw new Error('the audit insert came before the head was read');
  const seq = head.seq + 1;
  const json = JSON.stringify(r.audit.details);
  const fields = {
    seq,
    at: Date.now(),
    actor: 'bench-raw-sql',
    source: null,
    action: r.audit.action,
    entityType: 'customer',
    entityId: r.audit.entityId,
    subjectId: r.audit.subject?.id ?? null,
    details: r.audit.subject ? seal(r.audit.subject.key, json, `audit:${seq}`) : json,
  };
  const hash = linkHash(chainKey, head.hash, fields);
  const q = (v: string | number | null) => literal(dialect, v);
  return {
    seq,
    hash,
    sql: `INSERT INTO audit_entries (seq, at, actor, source, action, entity_type, entity_id, subject_id, details, prev_hash, hash)
       VALUES (${seq}, ${fields.at}, ${q(fields.actor)}, NULL, ${q(fields.action)}, 'customer', ${q(fields.entityId)}, ${q(fields.subjectId)}, ${q(fields.details)}, ${q(head.hash)}, ${q(hash)})`,
  };
}

/** Where a statement reads a big table without an index; `warn` for a full index scan. */
export async function explain(
  raw: Raw,
  sql: string,
): Promise<{ table: string; how: string; fail: boolean }[]> {
  if (!/^\s*(SELECT|UPDATE|DELETE)/i.test(sql)) return [];
  const aliases = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN|UPDATE)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    const table = (m[1] as string).toLowerCase();
    aliases.set(table, table);
    const alias = m[2]?.toLowerCase();
    if (alias && !/^(where|on|join|left|inner|order|limit|set|union|group)$/.test(alias))
      aliases.set(alias, table);
  }
  const found: { table: string; how: string; fail: boolean }[] = [];
  if (raw.dialect === 'mysql') {
    for (const row of await raw.run(`EXPLAIN ${sql}`)) {
      const table = aliases.get(String(row.table).toLowerCase()) ?? String(row.table);
      if (!BIG_TABLES.includes(table)) continue;
      const how = `${row.type}${row.key ? ` on ${row.key}` : ''}, ~${row.rows} rows${row.Extra ? ` (${row.Extra})` : ''}`;
      found.push({ table, how, fail: row.type === 'ALL' });
    }
  } else {
    for (const row of await raw.run(`EXPLAIN QUERY PLAN ${sql}`)) {
      const detail = String(row.detail);
      const m = /^(SCAN|SEARCH) (\w+)/.exec(detail);
      const table = m ? (aliases.get((m[2] as string).toLowerCase()) ?? m[2]) : undefined;
      if (!table || !BIG_TABLES.includes(table)) continue;
      found.push({ table, how: detail, fail: m?.[1] === 'SCAN' && !/USING (COVERING )?INDEX/.test(detail) });
    }
  }
  return found;
}

/** A statement's shape: its literals replaced, to EXPLAIN each kind of statement once. */
export const shape = (sql: string) =>
  sql
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/\b\d+\b/g, '?')
    .replace(/\s+/g, ' ')
    .replace(/IN \((?:\?, )*\?\)/g, 'IN (?…)');

/**
 * The server's InnoDB buffer pool beside the data it caches: a pool smaller than the tables
 * read makes pages come from disk (InnoDB reads with O_DIRECT, past the OS cache), and the
 * random stalls of those reads swamp what the API adds.
 */
export async function bufferPool(raw: Raw): Promise<string> {
  const [pool] = await raw.run('SELECT @@innodb_buffer_pool_size AS bytes');
  const [data] = await raw.run(
    'SELECT SUM(data_length + index_length) AS bytes FROM information_schema.tables WHERE table_schema = DATABASE()',
  );
  const gb = (v: unknown) => `${(Number(v) / 2 ** 30).toFixed(1)} GB`;
  const small = Number(pool?.bytes) < Number(data?.bytes);
  return `InnoDB buffer pool ${gb(pool?.bytes)} for ${gb(data?.bytes)} of data${
    small ? ' — smaller: pages are read from disk (SET GLOBAL innodb_buffer_pool_size = … to hold them)' : ''
  }`;
}
