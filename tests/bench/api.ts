// `npm run bench:api -- [--samples 1000] [--seed N] [--database mariadb|sqlite] [--user agent1]`:
// p50/p95 of Customer 360, customer search (name prefix, NIK, phone) and a timeline page
// through the HTTP API of the platform (in this process), beside the very SQL statements
// those requests ran (captured from sequelize, replayed on the bare driver), and EXPLAIN of
// every one of them: a full scan of a big table fails the run (exit 1, naming the statement).
// Against DATABASE_URL, seeded first:
//   mysql -uroot -h127.0.0.1 -e 'CREATE DATABASE bench_api'
//   DATABASE_URL=mysql://root@127.0.0.1:3306/bench_api npm run seed -- --customers 1000000
//   DATABASE_URL=mysql://root@127.0.0.1:3306/bench_api npm run bench:api
// or with --seed N on a fresh database (TEST_MYSQL_URL's server, or --database sqlite) seeded
// here and dropped after. Same DATA_KEY for both. --only customer360,searchByNik… runs some.
// A benchmark, never a timed test; the last line of output is one JSON object.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import mysql from 'mysql2';
import { deriveDataKeys } from '../../modules/audit/keys.ts';
import { FieldCipher } from '../../modules/customers/model.ts';
import { loadConfig } from '../../modules/server/config.ts';
import { parseDatabaseUrl } from '../../modules/server/database-url.ts';
import { observeSql } from '../../modules/server/sql.ts';
import { createPlatform, type TestPlatform } from '../harness/create-platform.ts';
import { ROOT } from '../harness/processes.ts';
import { createTestDatabases, type TestDatabases } from '../harness/test-database.ts';
import { type Get, loggedInGet } from './api-client.ts';
import { PROBES, type Probe, pickSamples, type Sample } from './api-probes.ts';
import { bufferPool, explain, openRaw, type Raw, replay, shape } from './api-sql.ts';
import { percentile, print, round } from './stats.ts';

const { values: args } = parseArgs({
  options: {
    samples: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    database: { type: 'string', default: 'mariadb' },
    user: { type: 'string', default: 'agent1' },
    /** Only these requests (comma-separated names: customer360,searchByName,…), e.g. to profile one. */
    only: { type: 'string' },
  },
});
const SAMPLES = Number(args.samples);
/** --seed N: a fresh database, seeded by the seed command (its progress bar shows here). */
async function seededDatabase(count: number): Promise<TestDatabases> {
  const kind = args.database === 'sqlite' ? 'sqlite' : 'mariadb';
  const databases = await createTestDatabases(kind);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'modules/customers/seed-command.ts', '--customers', String(count)],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: databases.databaseUrl }, stdio: 'inherit' },
  );
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) {
    await databases.drop();
    throw new Error(`the seed command exited with ${code}`);
  }
  return databases;
}

interface Recorded {
  sample: Sample;
  ms: number;
  /** Of which awaiting its statements (the driver and the database; sequelize where used). */
  sqlWaitMs: number;
  statements: string[];
  audit: ReturnType<Probe['audit']>;
}

/** What the request under measurement ran: its statements, and the time spent awaiting them. */
interface Capture {
  statements: string[] | null;
  sqlWaitMs: number;
}

/** Times one request through the API and keeps the statements it ran. */
async function measureApi(
  get: Get,
  capture: Capture,
  probe: Probe,
  sample: Sample,
  i: number,
): Promise<Recorded> {
  capture.statements = [];
  capture.sqlWaitMs = 0;
  const answer = await get(probe.path(sample, i));
  const statements = capture.statements;
  capture.statements = null;
  if (answer.status !== 200)
    throw new Error(
      `${probe.label}: ${probe.path(sample, i)} answered ${answer.status}: ${JSON.stringify(answer.body)}`,
    );
  return {
    sample,
    ms: answer.ms,
    sqlWaitMs: capture.sqlWaitMs,
    statements,
    audit: probe.audit(sample, answer.body),
  };
}

/**
 * Each sample through the API and its statements on the bare driver, one after the other,
 * the order alternating: both sides see the same moments of a shared machine, and neither
 * always has the warmer caches. The statements replayed are those of the warm-up request of
 * the same sample (the same reads; the audit append made anew).
 */
async function measure(
  get: Get,
  capture: Capture,
  probe: Probe,
  samples: Sample[],
  raw: Raw,
  chainKey: Buffer,
): Promise<{ recorded: Recorded[]; sqlMs: number[] }> {
  const warm: Recorded[] = [];
  for (const [i, sample] of samples.entries()) warm.push(await measureApi(get, capture, probe, sample, i));
  const recorded: Recorded[] = [];
  const sqlMs: number[] = [];
  for (const [i, sample] of samples.entries()) {
    const replayed = warm[i] as Recorded;
    if (i % 2 === 1) sqlMs.push(await replay(raw, chainKey, replayed));
    recorded.push(await measureApi(get, capture, probe, sample, i));
    if (i % 2 === 0) sqlMs.push(await replay(raw, chainKey, replayed));
  }
  return { recorded, sqlMs };
}

const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};

async function main(): Promise<number> {
  let fresh: TestDatabases | undefined;
  if (args.seed !== undefined) fresh = await seededDatabase(Number(args.seed));
  const databaseUrl = fresh?.databaseUrl ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    process.stderr.write(
      'Set DATABASE_URL to a seeded database (npm run seed -- --customers N), or pass --seed N\n',
    );
    return 64;
  }
  const target = parseDatabaseUrl(databaseUrl);
  if (typeof target === 'string') throw new Error(`DATABASE_URL ${target}`);
  const config = loadConfig(process.env);
  const keys = deriveDataKeys(config.dataKey);
  const engineDir = mkdtempSync(join(tmpdir(), 'bench-api-engine-'));
  let platform: TestPlatform | undefined;
  const raw = await openRaw(target);
  try {
    platform = await createPlatform({
      databases: {
        kind: target.dialect === 'mysql' ? 'mariadb' : 'sqlite',
        databaseUrl,
        engineDatabaseUrl: `sqlite:${join(engineDir, 'engine.sqlite')}`,
        drop: async () => {},
      },
      env: { LOG_LEVEL: 'silent', ...(process.env.DATA_KEY ? { DATA_KEY: process.env.DATA_KEY } : {}) },
    });
    const [{ n }] = (await raw.run('SELECT COUNT(*) AS n FROM customers')) as [{ n: unknown }];
    const customers = Number(n);
    const database = target.dialect === 'mysql' ? 'mariadb' : 'sqlite';
    const user = args.user as string;
    print(
      `api benchmark: ${customers.toLocaleString('en')} customers on ${database}, ${SAMPLES} samples per request, as ${user}`,
    );
    if (target.dialect === 'mysql') print(await bufferPool(raw));
    const samples = await pickSamples(raw, new FieldCipher(keys), keys.wrap, SAMPLES);
    const get = await loggedInGet(platform, user);
    const capture: Capture = { statements: null, sqlWaitMs: 0 };
    // The statements each request ran and the time it spent awaiting them: the fast path
    // (modules/server/sql.ts) reports each one unformatted, so capturing costs the request
    // nothing measurable; anything else goes through sequelize.query, timed and logged here.
    // The rest of a request's time is HTTP, routing, validation, crypto and serialisation.
    const sequelize = platform.platform.sequelize;
    observeSql(sequelize, (text, values, ms) => {
      if (!capture.statements) return;
      capture.statements.push(mysql.format(text, values as never));
      capture.sqlWaitMs += ms;
    });
    const orm = sequelize as unknown as { query(...a: unknown[]): Promise<unknown> };
    const query = orm.query.bind(orm);
    orm.query = async (...a: unknown[]) => {
      const started = performance.now();
      try {
        return await query(...a);
      } finally {
        if (capture.statements) capture.sqlWaitMs += performance.now() - started;
      }
    };
    // sequelize reads its logging option at every query: it hands us each statement as it runs.
    (sequelize as unknown as { options: { logging: unknown } }).options.logging = (message: string) => {
      capture.statements?.push(message.replace(/^Executing \([^)]*\): /, '').trim());
    };

    const results: Record<string, Record<string, number>> = {};
    const explained = new Map<
      string,
      { probe: string; sql: string; found: Awaited<ReturnType<typeof explain>> }
    >();
    const rows: string[] = [];
    const listings: string[] = [];
    const all: { api: number[]; sql: number[] } = { api: [], sql: [] };
    const only = args.only?.split(',');
    for (const probe of PROBES.filter((p) => !only || only.includes(p.name))) {
      const { recorded, sqlMs } = await measure(get, capture, probe, samples, raw, keys.chain);
      for (const r of recorded)
        for (const sql of r.statements)
          if (!explained.has(shape(sql)))
            explained.set(shape(sql), { probe: probe.label, sql, found: await explain(raw, sql) });
      const api = stats(recorded.map((r) => r.ms));
      const sql = stats(sqlMs);
      const sqlWaitP50 = stats(recorded.map((r) => r.sqlWaitMs)).p50;
      const statements = Math.round(
        recorded.reduce((sum, r) => sum + r.statements.length, 0) / recorded.length,
      );
      results[probe.name] = {
        apiP50: round(api.p50, 2),
        apiP95: round(api.p95, 2),
        sqlP50: round(sql.p50, 2),
        sqlP95: round(sql.p95, 2),
        ratioP95: round(api.p95 / sql.p95, 2),
        sqlWaitP50: round(sqlWaitP50, 2),
        statements,
      };
      if (probe.name.startsWith('search')) {
        all.api.push(...recorded.map((r) => r.ms));
        all.sql.push(...sqlMs);
      }
      rows.push(row(probe.label, results[probe.name] as Record<string, number>));
      listings.push(`  ${probe.label} (${probe.path(samples[0] as Sample, 0)}):`);
      for (const sql of recorded[0]?.statements ?? []) listings.push(`    ${shape(sql).slice(0, 150)}`);
    }
    const api = stats(all.api);
    const sql = stats(all.sql);
    results.search = {
      apiP50: round(api.p50, 2),
      apiP95: round(api.p95, 2),
      sqlP50: round(sql.p50, 2),
      sqlP95: round(sql.p95, 2),
      ratioP95: round(api.p95 / sql.p95, 2),
    };

    print('');
    print(
      `${'request'.padEnd(22)}${['API p50', 'API p95', 'SQL p50', 'SQL p95', 'p95 ratio', 'awaited', 'statements'].map((h) => h.padStart(11)).join('')}`,
    );
    for (const line of rows) print(line);
    print(row('search (all kinds)', results.search));
    print('(ms; SQL = the statements the request ran, incl. login check and audit append, on the bare');
    print(' driver; awaited = the part of the API time spent awaiting those statements, the rest being');
    print(' HTTP, routing, validation, crypto and JSON)');

    print('');
    print('The statements of one request of each kind, as sequelize ran them (literals as ?):');
    for (const line of listings) print(line);
    print('');
    print('EXPLAIN of every statement shape the requests ran (big tables):');
    const fullScans: string[] = [];
    for (const { probe, sql: statement, found } of explained.values()) {
      if (found.length === 0) continue;
      print(`  [${probe}] ${shape(statement).slice(0, 140)}`);
      for (const f of found) {
        print(`      ${f.fail ? 'FULL SCAN' : 'ok'}  ${f.table}: ${f.how}`);
        if (f.fail) fullScans.push(`${probe}: ${f.table} in ${shape(statement).slice(0, 200)}`);
      }
    }
    print('');
    for (const scan of fullScans) process.stderr.write(`full table scan: ${scan}\n`);
    print(
      JSON.stringify({
        customers,
        database,
        samples: samples.length,
        user,
        customer360: results.customer360,
        search: results.search,
        searchByName: results.searchByName,
        searchByNik: results.searchByNik,
        searchByPhone: results.searchByPhone,
        timeline: results.timeline,
        explain: { statements: explained.size, fullScans: fullScans.length },
      }),
    );
    return fullScans.length > 0 ? 1 : 0;
  } finally {
    await raw.close();
    await platform?.close();
    rmSync(engineDir, { recursive: true, force: true });
    await fresh?.drop();
  }
}

function row(label: string, r: Record<string, number>): string {
  const cell = (v: number | undefined) => (v === undefined ? '' : v.toFixed(2)).padStart(11);
  const ratio = `${r.ratioP95?.toFixed(2)}×`.padStart(11);
  const statements = (r.statements === undefined ? '' : String(r.statements)).padStart(11);
  return `${label.padEnd(22)}${cell(r.apiP50)}${cell(r.apiP95)}${cell(r.sqlP50)}${cell(r.sqlP95)}${ratio}${cell(r.sqlWaitP50)}${statements}`;
}

process.exitCode = await main();
