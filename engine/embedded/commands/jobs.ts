import { GatewayError } from '../../gateway/errors.ts';
import type { FlowElement } from '../../model/types.ts';
import type { Job } from '../runtime/jobs.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { throwEvent, uncaughtErrorMessage } from '../runtime/throw.ts';
import { completeTask } from './complete-task.ts';

export interface ActivatedJob extends Job {
  variables: Record<string, unknown>;
}

/** Activates up to `max` jobs of a type for a worker, with all visible (or only the fetched) variables. */
export async function activateJobs(
  rt: Runtime,
  request: { type: string; worker: string; timeout: number; max: number; fetchVariable: string[] },
): Promise<ActivatedJob[]> {
  const jobs = await rt.jobs.activatable(request.type, rt.now, request.max);
  const activated: ActivatedJob[] = [];
  for (const job of jobs) {
    const deadline = rt.now + request.timeout;
    await rt.jobs.update(job.key, { state: 'ACTIVATED', worker: request.worker, deadline });
    const instance = await rt.instances.element(job.elementInstanceKey);
    const all = instance ? await rt.variables.visible(await rt.scopeChain(instance)) : {};
    const variables =
      request.fetchVariable.length === 0
        ? all
        : Object.fromEntries(
            request.fetchVariable.filter((name) => name in all).map((name) => [name, all[name]]),
          );
    activated.push({ ...job, state: 'ACTIVATED', worker: request.worker, deadline, variables });
  }
  return activated;
}

const VERBS: Record<string, string> = {
  COMPLETE: 'complete',
  FAIL: 'fail',
  THROW_ERROR: 'throw an error from',
  UPDATE_RETRIES: 'update retries of',
  UPDATE_TIMEOUT: 'update the timeout of',
};

async function existingJob(rt: Runtime, intent: string, key: string): Promise<Job> {
  const job = await rt.jobs.get(key);
  if (!job) {
    throw GatewayError.rejected(
      intent,
      'NOT_FOUND',
      `Expected to ${VERBS[intent]} job with key '${key}', but no such job was found`,
    );
  }
  return job;
}

/** Complete, fail and throw-error are accepted while the job is ACTIVATABLE or ACTIVATED (§2). */
async function workableJob(rt: Runtime, intent: string, key: string): Promise<Job> {
  const job = await existingJob(rt, intent, key);
  if (job.state === 'FAILED' || job.state === 'ERROR_THROWN') {
    const state = job.state === 'FAILED' ? 'failed' : 'in error state';
    throw GatewayError.rejected(
      intent,
      'INVALID_STATE',
      `Expected to ${VERBS[intent]} job with key '${key}', but it is ${state}`,
    );
  }
  return job;
}

export async function completeJob(
  rt: Runtime,
  key: string,
  variables: Record<string, unknown>,
): Promise<void> {
  const job = await workableJob(rt, 'COMPLETE', key);
  await rt.jobs.delete(job.key);
  const instance = await rt.instances.element(job.elementInstanceKey);
  if (instance?.state !== 'ACTIVE') return;
  const process = await rt.loadProcess(job.definitionKey);
  await completeTask(rt, process, process.elements[job.elementId] as FlowElement, instance, variables);
}

/**
 * FailJob: retries left make the job activatable again, at once or after the backoff (engine
 * clock); none raise a JOB_NO_RETRIES incident. Its variables are task-local.
 */
export async function failJob(
  rt: Runtime,
  request: {
    key: string;
    retries: number;
    errorMessage: string;
    backoffMs: number;
    variables: Record<string, unknown>;
  },
): Promise<void> {
  const job = await workableJob(rt, 'FAIL', request.key);
  const instance = await rt.instances.element(job.elementInstanceKey);
  if (instance && Object.keys(request.variables).length > 0) {
    await rt.variables.setLocal(instance.key, instance.processInstanceKey, request.variables);
  }
  const errorMessage = request.errorMessage;
  if (request.retries > 0 && request.backoffMs <= 0) {
    await rt.jobs.update(job.key, {
      state: 'ACTIVATABLE',
      retries: request.retries,
      errorMessage,
      deadline: -1,
    });
    rt.effects.jobTypes.add(job.type);
    return;
  }
  if (request.retries > 0) {
    await rt.jobs.update(job.key, {
      state: 'FAILED',
      retries: request.retries,
      errorMessage,
      deadline: rt.now + request.backoffMs,
    });
    return;
  }
  await rt.jobs.update(job.key, { state: 'FAILED', retries: request.retries, errorMessage, deadline: -1 });
  if (instance)
    await rt.raiseIncident(instance, 'JOB_NO_RETRIES', errorMessage || 'No more retries left.', job.key);
}

/** ThrowError: nothing catches errors yet, so the job is in error and the task gets an incident (§7). */
export async function throwError(
  rt: Runtime,
  request: { key: string; errorCode: string; errorMessage: string; variables?: Record<string, unknown> },
): Promise<void> {
  const job = await workableJob(rt, 'THROW_ERROR', request.key);
  const instance = await rt.instances.element(job.elementInstanceKey);
  if (!instance) return;
  const process = await rt.loadProcess(job.definitionKey);
  const thrown = {
    kind: 'error' as const,
    code: request.errorCode,
    message: request.errorMessage,
    variables: request.variables ?? {},
  };
  // Caught: the task is terminated, and its job with it (§7).
  const outcome = await throwEvent(rt, process, instance, thrown, true);
  if (outcome.caught) return;
  await rt.jobs.update(job.key, { state: 'ERROR_THROWN', errorMessage: request.errorMessage, deadline: -1 });
  await rt.raiseIncident(
    instance,
    'UNHANDLED_ERROR_EVENT',
    uncaughtErrorMessage(request.errorCode, request.errorMessage, outcome.available),
    job.key,
  );
}

/** UpdateJobRetries: any state; only the counter changes (a failed job waits for its incident). */
export async function updateJobRetries(rt: Runtime, key: string, retries: number): Promise<void> {
  if (retries < 1) {
    throw GatewayError.rejected(
      'UPDATE_RETRIES',
      'INVALID_ARGUMENT',
      `Expected retries to be greater than zero, but it was ${retries}`,
    );
  }
  const job = await existingJob(rt, 'UPDATE_RETRIES', key);
  await rt.jobs.update(job.key, { retries });
}

/** UpdateJobTimeout: only an ACTIVATED job; its deadline becomes now + timeout (it can shorten). */
export async function updateJobTimeout(rt: Runtime, key: string, timeoutMs: number): Promise<void> {
  const job = await existingJob(rt, 'UPDATE_TIMEOUT', key);
  if (job.state !== 'ACTIVATED') {
    throw GatewayError.rejected(
      'UPDATE_TIMEOUT',
      'INVALID_STATE',
      `Expected to update the timeout of job with key '${key}', but it is not active`,
    );
  }
  await rt.jobs.update(job.key, { deadline: rt.now + timeoutMs });
}
