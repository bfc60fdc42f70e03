import { randomUUID } from 'node:crypto';
import type { Sequelize, Transaction } from 'sequelize';
import { literal } from '../customers/bulk-load.ts';

export type Value = string | number | boolean | null;

/**
 * Inserts rows as multi-row INSERTs with literal values (the seed's and the tests' way to load
 * history fast, as customers' bulk-load does): one round trip per `batch` rows.
 */
export async function insertRows(
  sequelize: Sequelize,
  table: string,
  rows: readonly Record<string, Value>[],
  options: { batch?: number; transaction?: Transaction } = {},
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const dialect = sequelize.getDialect() === 'sqlite' ? 'sqlite' : 'mysql';
  const columns = Object.keys(first);
  const batch = options.batch ?? 1000;
  for (let i = 0; i < rows.length; i += batch) {
    const values = rows
      .slice(i, i + batch)
      .map((row) => `(${columns.map((c) => literal(dialect, toLiteral(row[c] ?? null))).join(',')})`);
    await sequelize.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(',\n')}`, {
      transaction: options.transaction,
      logging: false,
    });
  }
}

const toLiteral = (v: Value): string | number | null => (typeof v === 'boolean' ? Number(v) : v);

// Case numbers unique across runs (a fresh tag per process) and within one (a counter).
const tag = randomUUID().slice(0, 8).toUpperCase();
let sequence = 0;

/** A case as imported history, every required column filled; `fields` override (snake_case). */
export function caseRow(fields: Record<string, Value> & { created_at: number }): Record<string, Value> {
  sequence += 1;
  return {
    id: randomUUID(),
    number: `R${tag}${sequence.toString(36).toUpperCase().padStart(7, '0')}`,
    customer_id: randomUUID(),
    branch_code: 'MDN-KC',
    category: 'OTHER',
    severity: 'MEDIUM',
    channel: 'call-centre',
    form: 'verbal',
    description: '-',
    status: 'NEW',
    queue_code: null,
    sla_policy: null,
    sla_due_at: null,
    sla_breached_at: null,
    assignee: null,
    escalation_level: 0,
    root_cause: null,
    resolved_at: null,
    resolved_by: null,
    closed_at: null,
    csat: null,
    csat_at: null,
    imported: true,
    created_by: 'system',
    last_update_at: fields.created_at,
    ...fields,
  };
}
