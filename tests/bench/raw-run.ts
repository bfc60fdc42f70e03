import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import { FIRST_KEY_OF_PARTITION_1 } from '../../engine/embedded/store/keys.ts';
import { engineSchema } from '../../engine/embedded/store/schema.ts';
import { testMysqlServer } from '../harness/test-database.ts';
import { type Command, RawScript } from './raw-commands.ts';
import { PROCESS_ID, referenceBpmn } from './reference-process.ts';

export interface RawPlan {
  /** Jobs one ActivateJobs command activates (instances move through the script in groups this size). */
  activationBatch: number;
  /** Engine commands per transaction: 1 is one command per transaction; more is group commit. */
  commandsPerTransaction: number;
}

export interface RawResult {
  perSecond: number;
  seconds: number;
  statementsPerInstance: number;
  transactionsPerInstance: number;
}

const DEPLOYMENT_KEY = FIRST_KEY_OF_PARTITION_1.toString();
const DEFINITION_KEY = (FIRST_KEY_OF_PARTITION_1 + 1n).toString();
const DEFINITION_ROWS = [
  ['INSERT INTO engine_deployments (deployment_key, created_at) VALUES (?, ?)', [DEPLOYMENT_KEY, 0]],
  [
    `INSERT INTO engine_process_definitions (definition_key, bpmn_process_id, version, resource_name, checksum,
       deployment_key, resource, created_at) VALUES (?, ?, 1, ?, ?, ?, ?, 0)`,
    [
      DEFINITION_KEY,
      PROCESS_ID,
      `${PROCESS_ID}.bpmn`,
      createHash('sha256').update(referenceBpmn).digest('hex'),
      DEPLOYMENT_KEY,
      referenceBpmn,
    ],
  ],
] as const;

/**
 * The whole script as transactions of statements, built before timing so that only the driver
 * is measured.
 */
function script(dialect: 'sqlite' | 'mysql', instances: number, plan: RawPlan): Command[] {
  const raw = new RawScript(dialect, DEFINITION_KEY);
  const commands: Command[] = [];
  for (let first = 0; first < instances; first += plan.activationBatch)
    commands.push(...raw.group(first, Math.min(plan.activationBatch, instances - first)));
  const transactions: Command[] = [];
  for (let i = 0; i < commands.length; i += plan.commandsPerTransaction)
    transactions.push(commands.slice(i, i + plan.commandsPerTransaction).flat());
  return transactions;
}

function result(transactions: Command[], instances: number, seconds: number): RawResult {
  const statements = transactions.reduce((n, c) => n + c.length, 0);
  return {
    perSecond: instances / seconds,
    seconds,
    statementsPerInstance: statements / instances,
    transactionsPerInstance: transactions.length / instances,
  };
}

function checkCompleted(completed: number, jobsLeft: number, instances: number) {
  if (completed !== instances || jobsLeft !== 0)
    throw new Error(`raw replay: ${completed}/${instances} instances completed, ${jobsLeft} jobs left`);
}

/**
 * Reference A on SQLite: better-sqlite3 alone, with the engine's pragmas, schema and
 * statements, BEGIN IMMEDIATE … COMMIT around each transaction as the store does.
 */
export function runRawSqlite(instances: number, plan: RawPlan): RawResult {
  const dir = mkdtempSync(join(tmpdir(), 'bpm-bench-raw-'));
  const db = new Database(join(dir, 'engine.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 10000');
    db.defaultSafeIntegers(true);
    for (const ddl of engineSchema('sqlite')) db.exec(ddl);
    for (const [sql, params] of DEFINITION_ROWS) db.prepare(sql).run(...params);
    const prepared = new Map<string, Database.Statement>();
    const statement = (sql: string) => {
      let s = prepared.get(sql);
      if (!s) {
        s = db.prepare(sql);
        prepared.set(sql, s);
      }
      return s;
    };
    const commands = script('sqlite', instances, plan);
    const began = performance.now();
    for (const command of commands) {
      db.exec('BEGIN IMMEDIATE');
      for (const s of command) {
        if (s.read) statement(s.sql).all(...s.params);
        else statement(s.sql).run(...s.params);
      }
      db.exec('COMMIT');
    }
    const seconds = (performance.now() - began) / 1000;
    const count = (sql: string) => Number((db.prepare(sql).get() as { n: bigint }).n);
    checkCompleted(
      count("SELECT COUNT(*) AS n FROM engine_process_instances WHERE state = 'COMPLETED'"),
      count('SELECT COUNT(*) AS n FROM engine_jobs'),
      instances,
    );
    return result(commands, instances, seconds);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reference A on MariaDB: mysql2 alone, one connection, prepared statements, as the engine's store. */
export async function runRawMysql(instances: number, plan: RawPlan): Promise<RawResult> {
  const server = testMysqlServer();
  const database = `t_bench_raw_${randomBytes(6).toString('hex')}`;
  const connection = await mysql.createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username || 'root'),
    password: decodeURIComponent(server.password),
    supportBigNumbers: true,
    bigNumberStrings: true,
    timezone: 'Z',
  });
  try {
    await connection.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4`);
    await connection.query(`USE \`${database}\``);
    for (const ddl of engineSchema('mysql')) await connection.query(ddl);
    for (const [sql, params] of DEFINITION_ROWS) await connection.execute(sql, [...params]);
    const commands = script('mysql', instances, plan);
    const began = performance.now();
    for (const command of commands) {
      await connection.query('START TRANSACTION');
      for (const s of command) await connection.execute(s.sql, s.params);
      await connection.query('COMMIT');
    }
    const seconds = (performance.now() - began) / 1000;
    const count = async (sql: string) => {
      const [rows] = await connection.query<mysql.RowDataPacket[]>(sql);
      return Number(rows[0]?.n);
    };
    checkCompleted(
      await count("SELECT COUNT(*) AS n FROM engine_process_instances WHERE state = 'COMPLETED'"),
      await count('SELECT COUNT(*) AS n FROM engine_jobs'),
      instances,
    );
    return result(commands, instances, seconds);
  } finally {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``).catch(() => undefined);
    await connection.end();
  }
}
