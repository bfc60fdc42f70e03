import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_TENANT } from '../embedded/commands/deploy.ts';
import {
  type ActivatedJob,
  activateJobs,
  completeJob,
  failJob,
  throwError,
  updateJobRetries,
  updateJobTimeout,
} from '../embedded/commands/jobs.ts';
import type { CommandProcessor } from '../embedded/processor.ts';
import { GatewayError } from './errors.ts';
import type { StreamHandler, UnaryHandler } from './grpc-server.ts';
import { int, parseVariables } from './values.ts';

const DEFAULT_LONG_POLL_MS = 10_000;
/** Timed-out jobs become activatable without an event; a waiting poll looks again this often. */
const RECHECK_MS = 1_000;

export function toActivatedJob(job: ActivatedJob) {
  return {
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.version,
    processDefinitionKey: job.definitionKey,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    customHeaders: job.customHeaders,
    worker: job.worker,
    retries: job.retries,
    deadline: String(job.deadline),
    variables: JSON.stringify(job.variables),
    tenantId: DEFAULT_TENANT,
  };
}

/**
 * ActivateJobs with long polling: with no job to hand out, the call waits until one of the
 * type appears or `requestTimeout` passes (0 = 10 s; negative = answer at once), then ends OK,
 * possibly with no jobs (ZEEBE-SEMANTICS §2).
 */
export function activateJobsHandler(processor: CommandProcessor): StreamHandler {
  return async (request, write, signal) => {
    const type = String(request.type ?? '');
    const timeout = int(request.timeout);
    const max = int(request.maxJobsToActivate);
    if (type.trim() === '')
      throw new GatewayError('INVALID_ARGUMENT', 'Expected to activate jobs, but the type was blank');
    if (timeout < 1)
      throw new GatewayError('INVALID_ARGUMENT', `Expected timeout to be at least 1 ms, but was ${timeout}`);
    if (max < 1)
      throw new GatewayError(
        'INVALID_ARGUMENT',
        `Expected maxJobsToActivate to be at least 1, but was ${max}`,
      );
    const requestTimeout = int(request.requestTimeout);
    const pollUntil = performance.now() + (requestTimeout === 0 ? DEFAULT_LONG_POLL_MS : requestTimeout);
    const command = {
      type,
      worker: String(request.worker ?? ''),
      timeout,
      max,
      fetchVariable: (request.fetchVariable as string[] | undefined) ?? [],
    };
    for (;;) {
      if (signal.aborted) return;
      const jobs = await processor.run((rt) => activateJobs(rt, command));
      if (jobs.length > 0) {
        write({ jobs: jobs.map(toActivatedJob) });
        return;
      }
      const remaining = pollUntil - performance.now();
      if (requestTimeout < 0 || remaining <= 0) return;
      await waitForJobs(processor, type, Math.min(remaining, RECHECK_MS), signal);
    }
  };
}

function waitForJobs(
  processor: CommandProcessor,
  type: string,
  ms: number,
  signal: AbortSignal,
): Promise<void> {
  const wake = new AbortController();
  const onJobs = () => wake.abort();
  processor.events.once(`jobs:${type}`, onJobs);
  processor.events.once('clock', onJobs);
  return sleep(ms, undefined, { signal: AbortSignal.any([wake.signal, signal]) })
    .catch(() => undefined)
    .finally(() => {
      processor.events.off(`jobs:${type}`, onJobs);
      processor.events.off('clock', onJobs);
    });
}

export function completeJobHandler(processor: CommandProcessor): UnaryHandler {
  return async (request) => {
    const variables = parseVariables(request.variables);
    await processor.run((rt) => completeJob(rt, String(request.jobKey), variables));
    return {};
  };
}

export function failJobHandler(processor: CommandProcessor): UnaryHandler {
  return async (request) => {
    const variables = parseVariables(request.variables);
    await processor.run((rt) =>
      failJob(rt, {
        key: String(request.jobKey),
        retries: int(request.retries),
        errorMessage: String(request.errorMessage ?? ''),
        backoffMs: int(request.retryBackOff),
        variables,
      }),
    );
    return {};
  };
}

export function throwErrorHandler(processor: CommandProcessor): UnaryHandler {
  return async (request) => {
    const variables = parseVariables(request.variables);
    await processor.run((rt) =>
      throwError(rt, {
        key: String(request.jobKey),
        errorCode: String(request.errorCode ?? ''),
        errorMessage: String(request.errorMessage ?? ''),
        variables,
      }),
    );
    return {};
  };
}

export function updateJobRetriesHandler(processor: CommandProcessor): UnaryHandler {
  return async (request) => {
    await processor.run((rt) => updateJobRetries(rt, String(request.jobKey), int(request.retries)));
    return {};
  };
}

export function updateJobTimeoutHandler(processor: CommandProcessor): UnaryHandler {
  return async (request) => {
    await processor.run((rt) => updateJobTimeout(rt, String(request.jobKey), int(request.timeout)));
    return {};
  };
}

const STREAM_BATCH = 32;

/**
 * StreamActivatedJobs (8.3+): a long-lived stream that pushes jobs of its type as they become
 * activatable (created, failed with retries, resolved, timed out on a clock move). Unlike
 * Zeebe, a job that was already waiting when the stream opened is pushed at the next such
 * event rather than left to polling; workers poll as well either way.
 */
export function streamActivatedJobsHandler(processor: CommandProcessor): StreamHandler {
  return async (request, write, signal) => {
    const type = String(request.type ?? '');
    const timeout = int(request.timeout);
    if (type.trim() === '')
      throw new GatewayError('INVALID_ARGUMENT', 'Expected to stream jobs, but the type was blank');
    if (timeout < 1)
      throw new GatewayError('INVALID_ARGUMENT', `Expected timeout to be at least 1 ms, but was ${timeout}`);
    const command = {
      type,
      worker: String(request.worker ?? ''),
      timeout,
      max: STREAM_BATCH,
      fetchVariable: (request.fetchVariable as string[] | undefined) ?? [],
    };
    let running: Promise<void> | undefined;
    let again = false;
    const push = () => {
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          for (;;) {
            if (signal.aborted) return;
            const jobs = await processor.run((rt) => activateJobs(rt, command));
            for (const job of jobs) write(toActivatedJob(job));
            if (jobs.length < STREAM_BATCH) break;
          }
        } while (again);
      })()
        .catch(() => undefined)
        .finally(() => {
          running = undefined;
        });
    };
    processor.events.on(`jobs:${type}`, push);
    processor.events.on('clock', push);
    try {
      await new Promise<void>((resolve) => {
        if (signal.aborted) resolve();
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    } finally {
      processor.events.off(`jobs:${type}`, push);
      processor.events.off('clock', push);
    }
  };
}
