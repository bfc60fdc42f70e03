// `npm run seed:reports -- [--cases 200000] [--withdrawals 20000] [--campaigns 5] [--messages 20000]
// [--seed 2026]`: migrates DATABASE_URL, then adds a year of history for the dashboards to a
// database whose customers are seeded already (`npm run seed`): imported cases, consent
// withdrawals, campaigns with their funnels. Run it once per database: each run adds more.
// Exit codes: 0 done, 1 failed, 64 bad arguments or no customers, 78 bad configuration.
import { parseArgs } from 'node:util';
import type { Sequelize } from 'sequelize';
import { ControlledClock } from '../../engine/index.ts';
import type { Config } from '../server/config.ts';
import { runDatabaseCommand, UsageError } from '../server/database-command.ts';
import { analyze, loadCampaigns, loadCases, loadWithdrawals, sampleCustomers } from './history-load.ts';

const USAGE =
  'usage: npm run seed:reports -- [--cases 200000] [--withdrawals 20000] [--campaigns 5] [--messages 20000] [--seed 2026]';

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      cases: { type: 'string', default: '200000' },
      withdrawals: { type: 'string', default: '20000' },
      campaigns: { type: 'string', default: '5' },
      messages: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '2026' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new UsageError(USAGE);
  const int = (name: Exclude<keyof typeof values, 'help'>, max: number) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 0 || n > max)
      throw new UsageError(`--${name}: expected an integer from 0 to ${max}\n${USAGE}`);
    return n;
  };
  return {
    cases: int('cases', 10_000_000),
    withdrawals: int('withdrawals', 1_000_000),
    campaigns: int('campaigns', 100),
    messages: int('messages', 1_000_000),
    seed: int('seed', 2 ** 31 - 1),
  };
}

async function seed(
  opts: ReturnType<typeof options>,
  { sequelize }: { sequelize: Sequelize; config: Config },
): Promise<number> {
  const customers = await sampleCustomers(sequelize, Math.max(50_000, opts.messages));
  if (customers.length === 0) {
    process.stderr.write('There are no customers: run `npm run seed -- --customers N` first.\n');
    return 64;
  }
  const now = new ControlledClock().now();
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  let shown = 0;
  const cases = await loadCases(sequelize, opts.cases, {
    seed: opts.seed,
    now,
    customers,
    progress: (done) => {
      if (performance.now() - shown < 5000) return;
      shown = performance.now();
      process.stderr.write(
        `cases: ${done.toLocaleString('en')}/${opts.cases.toLocaleString('en')} (${seconds()} s)\n`,
      );
    },
  });
  const withdrawals = await loadWithdrawals(sequelize, opts.withdrawals, opts.seed, now);
  const campaigns = await loadCampaigns(sequelize, {
    count: opts.campaigns,
    messages: opts.messages,
    seed: opts.seed,
    now,
    customers,
  });
  await analyze(sequelize);
  process.stdout.write(
    `seeded ${cases.toLocaleString('en')} cases over 12 months, ${withdrawals.toLocaleString('en')} consent ` +
      `withdrawals, ${campaigns} campaigns of up to ${opts.messages.toLocaleString('en')} messages ` +
      `in ${seconds()} s\n`,
  );
  return 0;
}

process.exitCode = await runDatabaseCommand(process.argv.slice(2), options, seed);
