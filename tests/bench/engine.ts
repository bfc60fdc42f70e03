// `npm run bench:engine -- [--instances 1000] [--database sqlite|mariadb] …`: the embedded
// engine on the reference process through the official SDK, against two references:
// raw (the database driver alone, same statements and transactions) and peer (bpmn-engine).
// A benchmark, never a timed test; the last line of output is one JSON object.
import { createPlatform } from '../harness/create-platform.ts';
import { finished, spawnTs } from '../harness/processes.ts';
import { referenceEngineUnavailable, startReferenceEngine } from '../harness/zeebe-engine.ts';
import { parseOptions } from './options.ts';
import { runPeer } from './peer.ts';
import { checkReplayAgainstEngine } from './raw-check.ts';
import { type RawResult, runRawMysql, runRawSqlite } from './raw-run.ts';
import { runThroughSdk, type SdkRunResult } from './sdk-run.ts';
import { print, round } from './stats.ts';

const options = parseOptions(process.argv.slice(2));
const { instances, warmup, workers, concurrency, database, driver } = options;
print(
  `engine benchmark: ${instances} instances (+${warmup} warm-up), ${database}, ${workers} worker(s) per job type, ${concurrency} in flight, ` +
    `SDK client ${driver === 'process' ? 'in its own process' : "in the platform's process"}`,
);

/** The SDK side in a child process against the platform's gateway; also measures the
 *  platform's own CPU time over the driver's measured span. */
async function runInChildProcess(address: string): Promise<{ driver: SdkRunResult; platformCpuMs: number }> {
  // Profiling the benchmark profiles the driver too (its profile is the one with the higher pid).
  const profiling = process.execArgv.filter((arg) => arg.startsWith('--cpu-prof'));
  const child = spawnTs('tests/bench/sdk-driver.ts', [address, JSON.stringify(options)], {}, profiling);
  let cpuAtStart: NodeJS.CpuUsage | undefined;
  let platformCpuMs = Number.NaN;
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (text.includes('measuring: start')) cpuAtStart = process.cpuUsage();
    if (text.includes('measuring: end') && cpuAtStart) {
      const used = process.cpuUsage(cpuAtStart);
      platformCpuMs = (used.user + used.system) / 1000;
    }
  });
  const { code, stdout, stderr } = await finished(child);
  const last = stdout.trim().split('\n').at(-1);
  if (code !== 0 || !last) throw new Error(`the SDK driver exited with ${code}:\n${stdout}${stderr}`);
  const result = JSON.parse(last) as Omit<SdkRunResult, 'windowUs'> & { windowUs: [string, string] };
  return {
    driver: { ...result, windowUs: [BigInt(result.windowUs[0]), BigInt(result.windowUs[1])] },
    platformCpuMs,
  };
}

const embedded = options.engine !== 'zeebe';
let engine: SdkRunResult | undefined;
/** CPU ms per instance: the platform's process, and the SDK driver's when it has its own. */
let cpu: { platform: number; driver: number | null } | undefined;
if (options.phases.has('engine') && embedded) {
  const platform = await createPlatform({ database });
  try {
    if (driver === 'process') {
      const run = await runInChildProcess(platform.platform.zeebeAddress);
      engine = run.driver;
      cpu = { platform: run.platformCpuMs / instances, driver: run.driver.cpuMsPerInstance };
    } else {
      engine = await runThroughSdk(platform.zeebe, options);
      cpu = { platform: engine.cpuMsPerInstance, driver: null };
    }
  } finally {
    await platform.close();
  }
  print(
    `engine (SDK, gRPC, ${database}): ${round(engine.instancesPerSecond)} instances/s in ${round(engine.seconds, 2)} s; ` +
      `latency p50 ${round(engine.p50Ms)} ms, p99 ${round(engine.p99Ms)} ms; ` +
      `${round(engine.jobsPerActivation, 2)} jobs per ActivateJobs answer`,
  );
  if (cpu)
    print(
      `CPU per instance: platform ${round(cpu.platform, 3)} ms` +
        (cpu.driver === null ? ' (SDK client included)' : `, SDK driver ${round(cpu.driver, 3)} ms`),
    );
  if (process.execArgv.some((arg) => arg.startsWith('--cpu-prof')))
    print(`cpu profile window: --window ${engine.windowUs.join('..')} (for tests/bench/cpuprofile-top.ts)`);
}

/** Zeebe's own engine (in memory, tests/zeebe) on the same process, driver and load. */
let zeebe: SdkRunResult | undefined;
if (options.phases.has('engine') && options.engine !== 'embedded') {
  const unavailable = referenceEngineUnavailable();
  if (unavailable) throw new Error(`--engine ${options.engine}: ${unavailable}`);
  const reference = await startReferenceEngine();
  try {
    zeebe = (await runInChildProcess(reference.address)).driver;
  } finally {
    await reference.stop();
  }
  print(
    `zeebe (SDK, gRPC, in memory): ${round(zeebe.instancesPerSecond)} instances/s in ${round(zeebe.seconds, 2)} s; ` +
      `latency p50 ${round(zeebe.p50Ms)} ms, p99 ${round(zeebe.p99Ms)} ms; SDK driver ${round(zeebe.cpuMsPerInstance, 3)} ms CPU per instance`,
  );
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
    embeddedPerSecond: engine ? round(engine.instancesPerSecond) : null,
    zeebePerSecond: zeebe ? round(zeebe.instancesPerSecond) : null,
    ratio: ratio(engine?.instancesPerSecond, zeebe?.instancesPerSecond),
    peerRatio: ratio(engine?.instancesPerSecond, peer?.perSecond),
    instances,
    database,
    rawPerSecond: raw ? round(raw.perSecond) : null,
    peerPerSecond: peer ? round(peer.perSecond) : null,
    workers,
    concurrency,
    driver,
    jobsPerActivation: engine ? round(engine.jobsPerActivation, 2) : null,
    platformCpuMsPerInstance: cpu ? round(cpu.platform, 3) : null,
    driverCpuMsPerInstance: cpu?.driver != null ? round(cpu.driver, 3) : null,
    rawStatementsPerInstance: raw ? round(raw.statementsPerInstance, 1) : null,
    rawTransactionsPerInstance: raw ? round(raw.transactionsPerInstance, 2) : null,
    rawReplayMatchesEngine: replayMatches ?? null,
  }),
);
// Everything is closed and the databases are gone; only the SDK's client-side long-poll timers
// remain armed (it clears them on a stream's 'end', which a cancelled poll never emits).
process.exit(0);
