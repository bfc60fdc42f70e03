// `npm run seed -- --customers 1000000 [--append] [--seed 2026] [--batch 2000] [--workers 1]
// [--connections 2] [--portfolio 400]`: migrates DATABASE_URL, then bulk-loads that many
// generated customers (demo-data.ts) with a progress bar on stderr. Workers generate and seal
// batches while the main thread inserts them. Refuses a non-empty customers table unless
// --append. Exit codes: 0 done, 1 failed, 64 bad arguments or refused, 78 bad configuration.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { QueryTypes, type Sequelize } from 'sequelize';
import { ControlledClock } from '../../engine/index.ts';
import { deriveDataKeys } from '../audit/keys.ts';
import { SubjectKeys } from '../audit/subject-keys.ts';
import { AuditTrail } from '../audit/trail.ts';
import { Accounts } from '../identity/accounts.ts';
import { DEMO_BRANCHES } from '../identity/roles.ts';
import type { Config } from '../server/config.ts';
import { runDatabaseCommand, UsageError } from '../server/database-command.ts';
import {
  BulkLoader,
  type BulkLoadResult,
  type Dialect,
  type PreparedBatch,
  prepareBatch,
} from './bulk-load.ts';
import { type DemoDataOptions, demoCustomers, MAX_CUSTOMERS } from './demo-data.ts';

interface WorkerSetup {
  dataKey: Uint8Array;
  dialect: Dialect;
  generator: DemoDataOptions;
}
interface Task {
  start: number;
  count: number;
}

const USAGE = `usage: npm run seed -- --customers N [--append] [--seed 2026] [--batch 2000] [--workers 1]
  [--connections 2] [--portfolio 400]`;

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      customers: { type: 'string' },
      append: { type: 'boolean', default: false },
      seed: { type: 'string', default: '2026' },
      batch: { type: 'string', default: '2000' },
      workers: { type: 'string', default: String(Math.max(1, Math.min(4, availableParallelism() - 1))) },
      connections: { type: 'string', default: '2' },
      portfolio: { type: 'string', default: '400' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new UsageError(USAGE);
  const int = (name: keyof typeof values, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new UsageError(`--${name}: expected an integer from ${min} to ${max}\n${USAGE}`);
    return n;
  };
  if (values.customers === undefined) throw new UsageError(`--customers is required\n${USAGE}`);
  return {
    customers: int('customers', 1, MAX_CUSTOMERS),
    append: values.append,
    seed: int('seed', 0, 2 ** 31 - 1),
    batch: int('batch', 1, 50_000),
    workers: int('workers', 0, 16),
    connections: int('connections', 1, 16),
    portfolio: int('portfolio', 0),
  };
}

async function seed(
  opts: ReturnType<typeof options>,
  { sequelize, config }: { sequelize: Sequelize; config: Config },
): Promise<number> {
  // The branches the generated customers belong to (demo mode seeds them too; so does this).
  const accounts = new Accounts(sequelize);
  for (const branch of DEMO_BRANCHES) await accounts.createBranchIfMissing(branch);
  const [existing] = await sequelize.query('SELECT id FROM customers LIMIT 1', { type: QueryTypes.SELECT });
  if (existing && !opts.append) {
    process.stderr.write('The customers table is not empty: add --append to load more customers into it.\n');
    return 64;
  }
  // Generated customers continue after every CIF handed out so far, so NIKs and accounts stay unique.
  const [counter] = await sequelize.query<{ value: number | string }>(
    "SELECT value FROM customer_counters WHERE name = 'cif'",
    { type: QueryTypes.SELECT },
  );
  const first = Number(counter?.value ?? 0);
  const clock = new ControlledClock();
  const generator: DemoDataOptions = {
    seed: opts.seed,
    now: clock.now(),
    count: opts.customers,
    portfolio: { username: 'rm1', size: opts.portfolio },
  };
  process.stderr.write(
    `seeding ${opts.customers.toLocaleString('en')} customers into ${sequelize.getDialect()} ` +
      `(batches of ${opts.batch}, ${opts.workers} worker(s), ${opts.connections} connection(s))\n`,
  );
  const started = performance.now();
  const result = await load(sequelize, config.dataKey, clock, generator, first, opts);
  const seconds = (performance.now() - started) / 1000;
  if (sequelize.getDialect() !== 'sqlite')
    for (const table of ['customers', 'customer_name_words', 'customer_products', 'customer_consents'])
      await sequelize.query(`ANALYZE TABLE ${table}`);
  const rate = Math.round(result.count / seconds);
  process.stdout.write(
    `seeded ${result.count.toLocaleString('en')} customers (${result.firstCif}…${result.lastCif}) ` +
      `in ${seconds.toFixed(1)} s: ${rate.toLocaleString('en')} customers/s\n`,
  );
  return 0;
}

async function load(
  sequelize: Sequelize,
  dataKey: Buffer,
  clock: ControlledClock,
  generator: DemoDataOptions,
  first: number,
  opts: ReturnType<typeof options>,
): Promise<BulkLoadResult> {
  const dataKeys = deriveDataKeys(dataKey);
  const subjectKeys = new SubjectKeys(sequelize, dataKeys);
  const loader = new BulkLoader({
    sequelize,
    dataKeys,
    clock,
    audit: new AuditTrail(sequelize, dataKeys, subjectKeys, clock),
  });
  const tasks: Task[] = [];
  for (let start = first; start < first + opts.customers; start += opts.batch)
    tasks.push({ start, count: Math.min(opts.batch, first + opts.customers - start) });
  const prepared = preparer(loader, dataKey, generator, opts.workers);
  const progress = progressBar(opts.customers);
  const total: BulkLoadResult = { count: 0, firstCif: null, lastCif: null };
  let failure: unknown;
  try {
    // Batches are prepared ahead (in workers) and inserted over several connections at once.
    let next = 0;
    const ahead = Math.max(2, opts.workers * 2);
    const requested = new Map<number, Promise<PreparedBatch>>();
    const request = () => {
      while (requested.size < ahead + opts.connections && next < tasks.length) {
        const task = tasks[next++] as Task;
        requested.set(task.start, prepared.prepare(task));
      }
    };
    let cursor = 0;
    const lane = async () => {
      while (cursor < tasks.length) {
        const task = tasks[cursor++] as Task;
        request();
        const batch = await (requested.get(task.start) as Promise<PreparedBatch>);
        requested.delete(task.start);
        request();
        const done = await loader.insert(batch);
        total.count += done.count;
        if (!total.firstCif || (done.firstCif && done.firstCif < total.firstCif))
          total.firstCif = done.firstCif;
        if (!total.lastCif || (done.lastCif && done.lastCif > total.lastCif)) total.lastCif = done.lastCif;
        progress(total.count);
      }
    };
    request();
    await Promise.all(Array.from({ length: opts.connections }, lane));
  } catch (error) {
    failure = error;
  } finally {
    await prepared.close();
    progress(total.count, true);
  }
  if (total.count > 0)
    await loader.recordLoad(total, {
      seed: generator.seed,
      firstIndex: first,
      ...(failure ? { complete: false } : {}),
    });
  if (failure) throw failure;
  return total;
}

/** Prepares batches in worker threads, or in this thread with --workers 0. */
function preparer(loader: BulkLoader, dataKey: Buffer, generator: DemoDataOptions, workers: number) {
  if (workers === 0)
    return {
      prepare: async (task: Task) => loader.prepare([...demoCustomers(task.start, task.count, generator)]),
      close: async () => {},
    };
  const setup: WorkerSetup = { dataKey: new Uint8Array(dataKey), dialect: loader.dialect, generator };
  // Workers don't inherit tsx's loader: each registers it, then runs this file (its worker half).
  const bootstrap = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};
    register(); await import(${JSON.stringify(import.meta.url)});`;
  const script = new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
  const pool = Array.from({ length: workers }, () => new Worker(script, { workerData: setup }));
  const waiting = new Map<number, { resolve(b: PreparedBatch): void; reject(e: unknown): void }>();
  for (const worker of pool) {
    worker.on('message', ({ start, batch }: { start: number; batch: PreparedBatch }) => {
      waiting.get(start)?.resolve(batch);
      waiting.delete(start);
    });
    worker.on('error', (error) => {
      for (const w of waiting.values()) w.reject(error);
      waiting.clear();
    });
  }
  let turn = 0;
  return {
    prepare: (task: Task) =>
      new Promise<PreparedBatch>((resolve, reject) => {
        waiting.set(task.start, { resolve, reject });
        pool[turn++ % pool.length]?.postMessage(task);
      }),
    close: async () => {
      await Promise.all(pool.map((worker) => worker.terminate()));
    },
  };
}

/** A progress bar on stderr (rate and ETA); a line every few seconds when stderr is not a terminal. */
function progressBar(total: number) {
  const started = performance.now();
  let shown = 0;
  return (done: number, final = false) => {
    const now = performance.now();
    const tty = process.stderr.isTTY;
    if (!final && now - shown < (tty ? 200 : 5000)) return;
    shown = now;
    const seconds = (now - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const eta = rate > 0 ? (total - done) / rate : 0;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
    const line =
      `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${((done / total) * 100).toFixed(1)}% ` +
      `${done.toLocaleString('en')}/${total.toLocaleString('en')} ${Math.round(rate).toLocaleString('en')}/s ` +
      `elapsed ${clock(seconds)} ETA ${clock(eta)}`;
    process.stderr.write(tty ? `\r${line}${final ? '\n' : ''}` : `${line}\n`);
  };
}

if (!isMainThread) {
  // A worker: generates and seals the batches it is asked for.
  const setup = workerData as WorkerSetup;
  const keys = deriveDataKeys(Buffer.from(setup.dataKey));
  parentPort?.on('message', ({ start, count }: Task) => {
    const batch = prepareBatch(keys, setup.dialect, [...demoCustomers(start, count, setup.generator)]);
    parentPort?.postMessage({ start, batch });
  });
} else {
  process.exitCode = await runDatabaseCommand(process.argv.slice(2), options, seed);
}
