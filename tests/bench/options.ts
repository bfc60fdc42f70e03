import { parseArgs } from 'node:util';

export type Phase = 'engine' | 'raw' | 'peer';

export interface BenchOptions {
  instances: number;
  /** Instances run before measuring (JIT, the compiled-process cache), not counted. */
  warmup: number;
  /** SDK job workers per job type. */
  workers: number;
  /** Instances in flight at once. */
  concurrency: number;
  /** The SDK worker's poll tick in ms (its default, 300, would dominate the latency). */
  pollInterval: number;
  database: 'sqlite' | 'mariadb';
  /** Engine commands per transaction in the raw replay (1: one command per transaction). */
  rawGroup: number;
  phases: Set<Phase>;
  /** Where the SDK client (starter and workers) runs: its own process (as Zeebe's benchmarks
   *  run their starters and workers) or the platform's process and thread (as embedded-mode
   *  module workers do). */
  driver: 'process' | 'in-process';
  /** Which engines run the reference process: the embedded one, Zeebe's own (in memory), or both. */
  engine: 'embedded' | 'zeebe' | 'both';
}

const USAGE = `usage: npm run bench:engine -- [--instances 1000] [--warmup 50] [--workers 2]
  [--concurrency 50] [--poll-interval 10] [--database sqlite|mariadb] [--raw-group 1]
  [--phases engine,raw,peer] [--driver process|in-process] [--engine embedded|zeebe|both]`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      instances: { type: 'string', default: '1000' },
      warmup: { type: 'string', default: '50' },
      workers: { type: 'string', default: '2' },
      concurrency: { type: 'string', default: '50' },
      'poll-interval': { type: 'string', default: '10' },
      database: { type: 'string', default: 'sqlite' },
      'raw-group': { type: 'string', default: '1' },
      phases: { type: 'string', default: 'engine,raw,peer' },
      driver: { type: 'string', default: 'process' },
      engine: { type: 'string', default: 'embedded' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new Error(USAGE);
  const count = (name: keyof typeof values, min: number) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name}: expected an integer ≥ ${min}\n${USAGE}`);
    return n;
  };
  if (values.database !== 'sqlite' && values.database !== 'mariadb')
    throw new Error(`--database: expected sqlite or mariadb, got '${values.database}'\n${USAGE}`);
  if (values.driver !== 'process' && values.driver !== 'in-process')
    throw new Error(`--driver: expected process or in-process, got '${values.driver}'\n${USAGE}`);
  if (values.engine !== 'embedded' && values.engine !== 'zeebe' && values.engine !== 'both')
    throw new Error(`--engine: expected embedded, zeebe or both, got '${values.engine}'\n${USAGE}`);
  const phases = new Set(values.phases.split(',').map((p) => p.trim()));
  for (const phase of phases)
    if (!['engine', 'raw', 'peer'].includes(phase)) throw new Error(`--phases: unknown '${phase}'\n${USAGE}`);
  return {
    instances: count('instances', 1),
    warmup: count('warmup', 0),
    workers: count('workers', 1),
    concurrency: count('concurrency', 1),
    pollInterval: count('poll-interval', 1),
    database: values.database,
    rawGroup: count('raw-group', 1),
    phases: phases as Set<Phase>,
    driver: values.driver,
    engine: values.engine,
  };
}
