import { QueryTypes, type Sequelize } from 'sequelize';

/** Tables that grow with the bank: reading one of them whole is a failure. */
export const BIG_TABLES = [
  'cases',
  'customers',
  'customer_consents',
  'customer_products',
  'notification_messages',
  'campaign_conversions',
];

export interface PlanStep {
  table: string;
  how: string;
  /** A full scan of a big table (of its rows, or of a whole index). */
  fullScan: boolean;
}

/** The tables a statement names, by alias. */
function aliasesOf(sql: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    const table = (m[1] as string).toLowerCase();
    aliases.set(table, table);
    const alias = m[2]?.toLowerCase();
    if (alias && !/^(where|on|join|left|inner|order|limit|group|union)$/.test(alias))
      aliases.set(alias, table);
  }
  return aliases;
}

/**
 * How the database runs a SELECT on the big tables: MariaDB's EXPLAIN (type ALL is a table
 * scan, type index a scan of a whole index) or SQLite's EXPLAIN QUERY PLAN (SCAN without an
 * index; SCAN of a covering index reads it whole too).
 */
export async function explain(sequelize: Sequelize, sql: string): Promise<PlanStep[]> {
  if (!/^\s*SELECT/i.test(sql)) return [];
  const aliases = aliasesOf(sql);
  const steps: PlanStep[] = [];
  if (sequelize.getDialect() !== 'sqlite') {
    const rows = await sequelize.query<Record<string, unknown>>(`EXPLAIN ${sql}`, {
      type: QueryTypes.SELECT,
      logging: false,
    });
    for (const row of rows) {
      const table = aliases.get(String(row.table).toLowerCase()) ?? String(row.table);
      if (!BIG_TABLES.includes(table)) continue;
      const how = `${row.type}${row.key ? ` on ${row.key}` : ''}, ~${row.rows} rows${row.Extra ? ` (${row.Extra})` : ''}`;
      steps.push({ table, how, fullScan: row.type === 'ALL' || row.type === 'index' });
    }
    return steps;
  }
  const rows = await sequelize.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, {
    type: QueryTypes.SELECT,
    logging: false,
  });
  for (const { detail } of rows) {
    const m = /^(SCAN|SEARCH) (\w+)/.exec(detail);
    const table = m ? (aliases.get((m[2] as string).toLowerCase()) ?? (m[2] as string)) : undefined;
    if (!table || !BIG_TABLES.includes(table)) continue;
    steps.push({ table, how: detail, fullScan: m?.[1] === 'SCAN' });
  }
  return steps;
}

/**
 * Runs `work` and returns the SELECTs it sent to the database, literals inlined (sequelize's
 * logging hook sees every statement, those of the bare-driver layer too: sql.ts).
 */
export async function captureStatements(
  sequelize: Sequelize,
  work: () => Promise<unknown>,
): Promise<string[]> {
  const options = (sequelize as unknown as { options: { logging: unknown } }).options;
  const previous = options.logging;
  const statements: string[] = [];
  options.logging = (message: string) => {
    statements.push(message.replace(/^Executing \([^)]*\): /, '').trim());
  };
  try {
    await work();
  } finally {
    options.logging = previous;
  }
  return statements.filter((s) => /^SELECT/i.test(s));
}
