import { randomBytes } from 'node:crypto';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { Clock } from '../../engine/index.ts';
import type { AuditTrail, DataKeys } from '../audit/index.ts';
import { seal } from '../audit/keys.ts';
import { type DemoCustomer, demoCustomers } from './demo-data.ts';
import { uuidv7Factory } from './ids.ts';
import { FieldCipher } from './model.ts';
import { cifNumber } from './service.ts';
import { nameWords } from './vocabulary.ts';

/**
 * Loads many customers fast: multi-row INSERTs, one transaction per batch, and rows exactly
 * as the service writes them — personal fields sealed with each customer's own key (kept
 * wrapped in audit_subject_keys, as SubjectKeys makes it), blind indexes, name words, products,
 * consents with their history, state and timeline entries, CIF numbers from customer_counters.
 * The load as a whole is one audit entry (`customers.bulk-load`), not one per customer.
 */
export type Dialect = 'mysql' | 'sqlite';

/** One batch's rows as SQL tuples; a customer's tuple lacks its CIF, given out at insert time. */
export interface PreparedBatch {
  count: number;
  customers: string[];
  subjectKeys: string[];
  nameWords: string[];
  products: string[];
  consents: string[];
  consentState: string[];
  interactions: string[];
}

export interface BulkLoadDeps {
  sequelize: Sequelize;
  dataKeys: DataKeys;
  audit: AuditTrail;
  clock: Clock;
}

export interface BulkLoadResult {
  count: number;
  firstCif: string | null;
  lastCif: string | null;
}

const nextId = uuidv7Factory();

/** A SQL string literal; MySQL also treats backslashes as escapes. */
export function literal(dialect: Dialect, value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  const quoted = value.replace(/'/g, "''");
  return `'${dialect === 'mysql' ? quoted.replace(/\\/g, '\\\\').replace(/\0/g, '\\0') : quoted}'`;
}

const COLUMNS = {
  customers: `cif, id, full_name, birth_date, gender, city, occupation, monthly_income, segment, branch_code,
    rm_username, kyc_status, risk_level, nik_sealed, nik_index, phone_sealed, phone_index, email_sealed,
    email_index, created_at, updated_at`,
  subjectKeys: 'subject_id, wrapped_key, created_at',
  nameWords: 'word, customer_id',
  products: `id, customer_id, kind, product_name, account_sealed, account_index, status, balance, opened_at,
    closed_at`,
  consents: 'customer_id, channel, purpose, granted, source, recorded_by, recorded_at',
  consentState: 'customer_id, channel, purpose, granted, updated_at',
  interactions: 'customer_id, at, channel, kind, summary, ref_type, ref_id, actor',
} as const;

const TABLES: Record<keyof typeof COLUMNS, string> = {
  customers: 'customers',
  subjectKeys: 'audit_subject_keys',
  nameWords: 'customer_name_words',
  products: 'customer_products',
  consents: 'customer_consents',
  consentState: 'customer_consent_state',
  interactions: 'customer_interactions',
};

/**
 * Seals, indexes and renders a batch (CPU only, no database: it may run in a worker thread).
 * Every sealed value is bound to its column and row as the service binds it.
 */
export function prepareBatch(dataKeys: DataKeys, dialect: Dialect, batch: DemoCustomer[]): PreparedBatch {
  const cipher = new FieldCipher(dataKeys);
  const q = (v: string | number | null) => literal(dialect, v);
  const out: PreparedBatch = {
    count: batch.length,
    customers: [],
    subjectKeys: [],
    nameWords: [],
    products: [],
    consents: [],
    consentState: [],
    interactions: [],
  };
  const keys = randomBytes(32 * batch.length);
  batch.forEach((c, n) => {
    const id = nextId();
    const key = keys.subarray(n * 32, n * 32 + 32);
    const sealed = (field: 'nik' | 'phone' | 'email', value: string | null) =>
      value ? `'${cipher.seal(key, field, id, value)}','${cipher.index(field, value)}'` : 'NULL,NULL';
    out.subjectKeys.push(`('${id}','${seal(dataKeys.wrap, key, `subject:${id}`)}',${c.createdAt})`);
    out.customers.push(
      `'${id}',${q(c.fullName)},${q(c.birthDate)},${q(c.gender)},${q(c.city)},${q(c.occupation)},${c.monthlyIncome},` +
        `${q(c.segment)},${q(c.branchCode)},${q(c.rmUsername)},${q(c.kycStatus)},${q(c.riskLevel)},` +
        `${sealed('nik', c.nik)},${sealed('phone', c.phone)},${sealed('email', c.email)},${c.createdAt},${c.createdAt})`,
    );
    for (const word of nameWords(c.fullName)) out.nameWords.push(`(${q(word)},'${id}')`);
    for (const p of c.products) {
      const productId = nextId();
      out.products.push(
        `('${productId}','${id}',${q(p.kind)},${q(p.productName)},'${cipher.seal(key, 'account', productId, p.accountNumber)}',` +
          `'${cipher.index('accountNumber', p.accountNumber)}',${q(p.status)},${p.balance ?? 'NULL'},${p.openedAt},${p.closedAt ?? 'NULL'})`,
      );
    }
    // As recordConsent: the record, the state in force, and a line on the timeline.
    const state = new Map<string, string>();
    for (const r of c.consents) {
      const granted = r.granted ? 1 : 0;
      out.consents.push(
        `('${id}',${q(r.channel)},${q(r.purpose)},${granted},${q(r.source)},${q(r.recordedBy)},${r.recordedAt})`,
      );
      state.set(
        `${r.channel}/${r.purpose}`,
        `('${id}',${q(r.channel)},${q(r.purpose)},${granted},${r.recordedAt})`,
      );
      const summary = `${r.granted ? 'Persetujuan diberikan' : 'Persetujuan dicabut'}: ${r.purpose} via ${r.channel} (${r.source})`;
      out.interactions.push(
        `('${id}',${r.recordedAt},'system','consent',${q(summary)},NULL,NULL,${q(r.recordedBy)})`,
      );
    }
    out.consentState.push(...state.values());
    for (const i of c.interactions)
      out.interactions.push(
        `('${id}',${i.at},${q(i.channel)},${q(i.kind)},${q(i.summary)},NULL,NULL,${q(i.actor)})`,
      );
  });
  return out;
}

/** Statements stay well under MySQL's max_allowed_packet (and SQLite's limits). */
const STATEMENT_BYTES = 1 << 20;
const STATEMENT_ROWS = 5000;

function* inserts(table: keyof typeof COLUMNS, rows: string[]): Generator<string> {
  const head = `INSERT INTO ${TABLES[table]} (${COLUMNS[table]}) VALUES `;
  for (let start = 0; start < rows.length; ) {
    let end = start;
    let bytes = 0;
    while (end < rows.length && bytes < STATEMENT_BYTES && end - start < STATEMENT_ROWS)
      bytes += (rows[end++] as string).length;
    yield head + rows.slice(start, end).join(',');
    start = end;
  }
}

export class BulkLoader {
  readonly dialect: Dialect;
  constructor(private readonly deps: BulkLoadDeps) {
    this.dialect = deps.sequelize.getDialect() === 'sqlite' ? 'sqlite' : 'mysql';
  }

  prepare(batch: DemoCustomer[]): PreparedBatch {
    return prepareBatch(this.deps.dataKeys, this.dialect, batch);
  }

  /**
   * Hands out `count` CIF numbers: the UPDATE locks the counter row until `transaction`
   * commits (or, without one, only for a transaction of its own, so parallel batches don't queue).
   */
  async reserveCifs(count: number, transaction?: Transaction): Promise<number> {
    const { sequelize } = this.deps;
    const reserve = async (t: Transaction) => {
      await sequelize.query("UPDATE customer_counters SET value = value + :count WHERE name = 'cif'", {
        replacements: { count },
        transaction: t,
      });
      const [row] = await sequelize.query<{ value: number | string }>(
        "SELECT value FROM customer_counters WHERE name = 'cif'",
        { type: QueryTypes.SELECT, transaction: t },
      );
      return Number(row?.value) - count + 1;
    };
    return transaction ? reserve(transaction) : sequelize.transaction(reserve);
  }

  /** Inserts a prepared batch, in `transaction` or in one of its own. */
  async insert(batch: PreparedBatch, transaction?: Transaction): Promise<BulkLoadResult> {
    if (batch.count === 0) return { count: 0, firstCif: null, lastCif: null };
    const first = await this.reserveCifs(batch.count, transaction);
    const customers = batch.customers.map((rest, n) => `('${cifNumber(first + n)}',${rest}`);
    const run = async (t: Transaction) => {
      const tables = { ...batch, customers };
      for (const table of Object.keys(COLUMNS) as (keyof typeof COLUMNS)[])
        for (const sql of inserts(table, tables[table]))
          await this.deps.sequelize.query(sql, { transaction: t });
    };
    await (transaction ? run(transaction) : this.deps.sequelize.transaction(run));
    return { count: batch.count, firstCif: cifNumber(first), lastCif: cifNumber(first + batch.count - 1) };
  }

  /** The one audit entry of a load. */
  async recordLoad(
    result: BulkLoadResult,
    details: Record<string, unknown>,
    transaction?: Transaction,
  ): Promise<void> {
    await this.deps.audit.record(
      {
        actor: 'system',
        source: null,
        action: 'customers.bulk-load',
        entityType: 'customer',
        entityId: '*',
        details: { ...result, ...details },
      },
      transaction,
    );
  }
}

/** Loads customers in batches (all in `transaction` when given) and writes the one audit entry. */
export async function bulkLoad(
  deps: BulkLoadDeps,
  customers: Iterable<DemoCustomer>,
  options: {
    batchSize?: number;
    transaction?: Transaction;
    details?: Record<string, unknown>;
    onProgress?: (loaded: number) => void;
  } = {},
): Promise<BulkLoadResult> {
  const loader = new BulkLoader(deps);
  const total: BulkLoadResult = { count: 0, firstCif: null, lastCif: null };
  const batchSize = options.batchSize ?? 1000;
  let batch: DemoCustomer[] = [];
  const flush = async () => {
    const done = await loader.insert(loader.prepare(batch), options.transaction);
    batch = [];
    total.count += done.count;
    total.firstCif ??= done.firstCif;
    total.lastCif = done.lastCif ?? total.lastCif;
    options.onProgress?.(total.count);
  };
  for (const customer of customers) {
    batch.push(customer);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  await loader.recordLoad(total, options.details ?? {}, options.transaction);
  return total;
}

/** How many customers demo mode starts with; rm1 (MDN-KC) gets a portfolio of about 40 of them. */
export const DEMO_CUSTOMERS = 300;

/**
 * Loads the demo customers into an empty customers table. Replicas starting at once are safe:
 * the check and the load are one transaction that first locks the CIF counter row (MariaDB)
 * or holds SQLite's write lock (IMMEDIATE), so the second replica finds the table filled.
 */
export async function loadDemoCustomers(deps: BulkLoadDeps): Promise<number> {
  const { sequelize, clock } = deps;
  const lock = sequelize.getDialect() === 'sqlite' ? '' : ' FOR UPDATE';
  return sequelize.transaction(async (transaction) => {
    await sequelize.query(`SELECT value FROM customer_counters WHERE name = 'cif'${lock}`, {
      type: QueryTypes.SELECT,
      transaction,
    });
    const [any] = await sequelize.query('SELECT id FROM customers LIMIT 1', {
      type: QueryTypes.SELECT,
      transaction,
    });
    if (any) return 0;
    const options = {
      seed: 2026,
      now: clock.now(),
      count: DEMO_CUSTOMERS,
      // 34 is the share that gives rm1 40 of these 300 (the draw is deterministic).
      portfolio: { username: 'rm1', size: 34 },
    };
    const result = await bulkLoad(deps, demoCustomers(0, DEMO_CUSTOMERS, options), {
      transaction,
      details: { demo: true, seed: options.seed },
    });
    return result.count;
  });
}
