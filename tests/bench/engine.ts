// `npm run bench:engine -- [--instances 1000] [--database sqlite|mariadb] …`: the embedded
// engine on the reference process through the official SDK, against two references:
// raw (the database driver alone, same statements and transactions) and peer (bpmn-engine).
// A benchmark, never a timed test; the last line of output is one JSON object.
import { createPlatform } from '../harness/create-platform.ts';
import { parseOptions } from './options.ts';
import { runPeer } from './peer.ts';
import { checkReplayAgainstEngine } from './raw-check.ts';
import { type RawResult, runRawMysql, runRawSqlite } from './raw-run.ts';
import { runThroughSdk, type SdkRunResult } from './sdk-run.ts';
import { print, round } from './stats.ts';

const options = parseOptions(process.argv.slice(2));
const { instances, warmup, workers, concurrency, database } = options;
print(
  `engine benchmark: ${instances} instances (+${warmup} warm-up), ${database}, ${workers} worker(s) per job type, ${concurrency} in flight`,
);

let engine: SdkRunResult | undefined;
if (options.phases.has('engine')) {
  const platform = await createPlatform({ database });
  try {
    engine = await runThroughSdk(platform.zeebe, options);
  } finally {
    await platform.close();
  }
  print(
    `engine (SDK, gRPC, ${database}): ${round(engine.instancesPerSecond)} instances/s in ${round(engine.seconds, 2)} s; ` +
      `latency p50 ${round(engine.p50Ms)} ms, p99 ${round(engine.p99Ms)} ms; ` +
      `${round(engine.jobsPerActivation, 2)} jobs per ActivateJobs answer`,
  );
  if (process.execArgv.some((arg) => arg.startsWith('--cpu-prof')))
    print(`cpu profile window: --window ${engine.windowUs.join('..')} (for tests/bench/cpuprofile-top.ts)`);
}

let raw: RawResult | undefined;
let replayMatches: boolean | undefined;
if (options.phases.has('raw')) {
  const check = await checkReplayAgainstEngine();
  replayMatches = check.matches;
  print(
    check.matches
      ? `raw replay checked: the engine ran the same ${check.engineStatements} statements for one instance`
      : `WARNING: the raw replay no longer matches the engine (${check.engineStatements} statements vs ${check.replayStatements}); update tests/bench/raw-commands.ts\n${check.difference}`,
  );
  // Group as many instances per ActivateJobs command as the engine's workers received.
  const plan = {
    activationBatch: Math.max(1, Math.round(engine?.jobsPerActivation ?? 1)),
    commandsPerTransaction: options.rawGroup,
  };
  raw = database === 'sqlite' ? runRawSqlite(instances, plan) : await runRawMysql(instances, plan);
  print(
    `raw (${database === 'sqlite' ? 'better-sqlite3' : 'mysql2'} alone): ${round(raw.perSecond)} instances/s; ` +
      `${round(raw.statementsPerInstance, 1)} statements in ${round(raw.transactionsPerInstance, 2)} transactions per instance, ` +
      `${plan.activationBatch} job(s) per activation`,
  );
}

let peer: Awaited<ReturnType<typeof runPeer>> | undefined;
if (options.phases.has('peer')) {
  peer = await runPeer(instances, warmup, concurrency);
  print(`peer (bpmn-engine, in memory): ${round(peer.perSecond)} instances/s`);
}

const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? null : round(a / b, 3);
print(
  JSON.stringify({
    instancesPerSecond: engine ? round(engine.instancesPerSecond) : null,
    p50Ms: engine ? round(engine.p50Ms) : null,
    p99Ms: engine ? round(engine.p99Ms) : null,
    rawRatio: ratio(engine?.instancesPerSecond, raw?.perSecond),
    peerRatio: ratio(engine?.instancesPerSecond, peer?.perSecond),
    instances,
    database,
    rawPerSecond: raw ? round(raw.perSecond) : null,
    peerPerSecond: peer ? round(peer.perSecond) : null,
    workers,
    concurrency,
    jobsPerActivation: engine ? round(engine.jobsPerActivation, 2) : null,
    rawStatementsPerInstance: raw ? round(raw.statementsPerInstance, 1) : null,
    rawTransactionsPerInstance: raw ? round(raw.transactionsPerInstance, 2) : null,
    rawReplayMatchesEngine: replayMatches ?? null,
  }),
);
// Everything is closed and the databases are gone; only the SDK's client-side long-poll timers
// remain armed (it clears them on a stream's 'end', which a cancelled poll never emits).
process.exit(0);
