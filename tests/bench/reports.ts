// `npm run bench:reports -- [--samples 20] [--user compliance1]`: p50/p95 of every dashboard
// report through the HTTP API of the platform (in this process), for this month and for 12
// months, beside EXPLAIN of every statement the reports ran: a full scan of a big table fails
// the run (exit 1, naming the statement). Against DATABASE_URL, seeded first:
//   mysql -uroot -h127.0.0.1 -e 'CREATE DATABASE bench_api'
//   DATABASE_URL=mysql://root@127.0.0.1:3306/bench_api npm run seed -- --customers 1000000
//   DATABASE_URL=mysql://root@127.0.0.1:3306/bench_api npm run seed:reports -- --cases 200000
//   DATABASE_URL=mysql://root@127.0.0.1:3306/bench_api npm run bench:reports
// A benchmark, never a timed test; the last line of output is one JSON object.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { captureStatements, explain } from '../../modules/reports/explain.ts';
import { defaultDates } from '../../modules/reports/period.ts';
import { REPORTS, type ReportName, ReportService } from '../../modules/reports/service.ts';
import { parseDatabaseUrl } from '../../modules/server/database-url.ts';
import { createPlatform, type TestPlatform } from '../harness/create-platform.ts';
import { loggedInGet } from './api-client.ts';
import { percentile, print, round } from './stats.ts';

const { values: args } = parseArgs({
  options: {
    samples: { type: 'string', default: '20' },
    user: { type: 'string', default: 'compliance1' },
  },
});
const SAMPLES = Number(args.samples);

const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50), 2), p95: round(percentile(sorted, 95), 2) };
};

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    process.stderr.write('Set DATABASE_URL to a database seeded by npm run seed and npm run seed:reports\n');
    return 64;
  }
  const target = parseDatabaseUrl(databaseUrl);
  if (typeof target === 'string') throw new Error(`DATABASE_URL ${target}`);
  const engineDir = mkdtempSync(join(tmpdir(), 'bench-reports-engine-'));
  let platform: TestPlatform | undefined;
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
    const sequelize = platform.platform.sequelize;
    const count = async (table: string) =>
      Number(
        ((await sequelize.query(`SELECT COUNT(*) AS n FROM ${table}`, { plain: true })) as { n: unknown }).n,
      );
    const sizes = {
      customers: await count('customers'),
      cases: await count('cases'),
      consents: await count('customer_consents'),
      messages: await count('notification_messages'),
      campaigns: await count('campaigns'),
    };
    const database = target.dialect === 'mysql' ? 'mariadb' : 'sqlite';
    const user = args.user as string;
    print(
      `reports benchmark on ${database}: ${Object.entries(sizes)
        .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
        .join(', ')}; ${SAMPLES} samples per request, as ${user}`,
    );
    const get = await loggedInGet(platform, user);
    const year = defaultDates(platform.clock.now(), 12);
    const periods = { default: '', year: `?from=${year.from}&to=${year.to}` };
    const results: Record<string, Record<string, { p50: number; p95: number }>> = {};
    const fullScans: string[] = [];
    const plans: string[] = [];
    const principal = {
      username: user,
      roles: ((await platform.as(user).get<{ roles: string[] }>('/api/auth/me')).body.roles ??
        []) as string[],
      branchCode: null,
      branchKind: null,
    };
    const service = new ReportService({ sequelize, clock: platform.clock });
    print('');
    print(
      `${'report'.padEnd(24)}${['this month p50', 'p95', '12 months p50', 'p95'].map((h) => h.padStart(15)).join('')}`,
    );
    for (const name of Object.keys(REPORTS) as ReportName[]) {
      results[name] = {};
      for (const [label, query] of Object.entries(periods)) {
        const path = `/api/reports/${name}${query}`;
        const first = await get(path); // warm-up
        if (first.status !== 200)
          throw new Error(`${path} answered ${first.status}: ${JSON.stringify(first.body)}`);
        const ms: number[] = [];
        for (let i = 0; i < SAMPLES; i++) ms.push((await get(path)).ms);
        (results[name] as Record<string, { p50: number; p95: number }>)[label] = stats(ms);
      }
      const r = results[name] as Record<string, { p50: number; p95: number }>;
      const cell = (v: number | undefined) => (v === undefined ? '' : v.toFixed(2)).padStart(15);
      print(
        `${name.padEnd(24)}${cell(r.default?.p50)}${cell(r.default?.p95)}${cell(r.year?.p50)}${cell(r.year?.p95)}`,
      );
      const statements = await captureStatements(sequelize, () =>
        service.run(name, { from: year.from, to: year.to }, principal),
      );
      const shapes = new Set<string>();
      for (const sql of statements) {
        const shape = sql
          .replace(/'[^']*'/g, '?')
          .replace(/\b\d+\b/g, '?')
          .replace(/\s+/g, ' ');
        if (shapes.has(shape)) continue;
        shapes.add(shape);
        for (const step of await explain(sequelize, sql)) {
          plans.push(`  [${name}] ${step.fullScan ? 'FULL SCAN' : 'ok'}  ${step.table}: ${step.how}`);
          if (step.fullScan) fullScans.push(`${name}: ${step.table} in ${shape.slice(0, 200)}`);
        }
      }
    }
    print('(ms, through HTTP from a client thread; "this month" is each report\'s default period)');
    print('');
    print('EXPLAIN of every statement shape the reports ran for 12 months (big tables):');
    for (const line of plans) print(line);
    for (const scan of fullScans) process.stderr.write(`full table scan: ${scan}\n`);
    print(
      JSON.stringify({
        database,
        ...sizes,
        samples: SAMPLES,
        user,
        reports: results,
        explain: { fullScans: fullScans.length },
      }),
    );
    return fullScans.length > 0 ? 1 : 0;
  } finally {
    await platform?.close();
    rmSync(engineDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
