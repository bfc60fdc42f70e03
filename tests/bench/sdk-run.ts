import type { ZeebeGrpcClient } from '../../engine/index.ts';
import { completion, JOB_TYPES, PROCESS_ID, referenceBpmn, startVariables } from './reference-process.ts';
import { percentile, pool } from './stats.ts';

export interface SdkRunOptions {
  instances: number;
  warmup: number;
  workers: number;
  concurrency: number;
  pollInterval: number;
}

export interface SdkRunResult {
  instancesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  seconds: number;
  /** Jobs handed out per ActivateJobs response, on average (the engine's activation batch). */
  jobsPerActivation: number;
  /** The measured span on the monotonic clock in µs, as V8's CPU profiles time their samples. */
  windowUs: [bigint, bigint];
  /** CPU time this process spent in the measured span, per instance (user + system). */
  cpuMsPerInstance: number;
}

const REQUEST_TIMEOUT_MS = 300_000;

/**
 * Deploys the reference process, starts SDK job workers for its three job types, then runs
 * instances through CreateProcessInstanceWithResult with bounded concurrency: the answer
 * arrives when the instance has completed, so each call's duration is its latency.
 */
export async function runThroughSdk(
  zeebe: ZeebeGrpcClient,
  options: SdkRunOptions,
  /** Called as the measured span begins and ends (the driver process tells the platform's). */
  mark: (edge: 'start' | 'end') => void = () => {},
): Promise<SdkRunResult> {
  await zeebe.deployResources([{ name: `${PROCESS_ID}.bpmn`, process: Buffer.from(referenceBpmn) }]);
  let jobs = 0;
  let activations = 0;
  for (const type of JOB_TYPES) {
    for (let w = 0; w < options.workers; w++) {
      // Jobs of one ActivateJobs response reach the handler in one synchronous loop.
      let batchOpen = false;
      zeebe.createWorker({
        taskType: type,
        maxJobsToActivate: 32,
        timeout: 60_000,
        pollInterval: options.pollInterval,
        longPoll: 10_000,
        taskHandler: (job) => {
          jobs++;
          if (!batchOpen) {
            activations++;
            batchOpen = true;
            queueMicrotask(() => {
              batchOpen = false;
            });
          }
          return job.complete(completion(type, Number(job.variables.amount)));
        },
      });
    }
  }

  const startOne = async (i: number) => {
    const started = performance.now();
    const result = await zeebe.createProcessInstanceWithResult({
      bpmnProcessId: PROCESS_ID,
      variables: startVariables(i),
      requestTimeout: REQUEST_TIMEOUT_MS,
    });
    const expected = completion('bench.three', startVariables(i).amount).score;
    if (result.variables.score !== expected)
      throw new Error(`instance ${i}: expected score ${expected}, got ${JSON.stringify(result.variables)}`);
    return performance.now() - started;
  };

  await pool(options.warmup, options.concurrency, async (i) => void (await startOne(i)));
  jobs = 0;
  activations = 0;
  const latencies: number[] = [];
  mark('start');
  const cpuBefore = process.cpuUsage();
  const began = performance.now();
  const firstUs = process.hrtime.bigint() / 1000n;
  await pool(options.instances, options.concurrency, async (i) => {
    latencies.push(await startOne(options.warmup + i));
  });
  const seconds = (performance.now() - began) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  mark('end');
  const lastUs = process.hrtime.bigint() / 1000n;
  latencies.sort((a, b) => a - b);
  return {
    instancesPerSecond: options.instances / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    seconds,
    jobsPerActivation: activations === 0 ? 0 : jobs / activations,
    windowUs: [firstUs, lastUs],
    cpuMsPerInstance: (cpu.user + cpu.system) / 1000 / options.instances,
  };
}
