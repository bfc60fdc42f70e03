import { GatewayError } from '../../gateway/errors.ts';
import type { FlowElement } from '../../model/types.ts';
import type { Job } from '../runtime/jobs.ts';
import { applyMappings, MappingError } from '../runtime/mappings.ts';
import type { Runtime } from '../runtime/runtime.ts';

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
    await rt.jobs.activate(job.key, request.worker, deadline);
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

async function jobForCommand(rt: Runtime, intent: string, key: string): Promise<Job> {
  const job = await rt.jobs.get(key);
  if (!job) {
    throw GatewayError.rejected(
      intent,
      'NOT_FOUND',
      `Expected to ${verb(intent)} job with key '${key}', but no such job was found`,
    );
  }
  if (job.state === 'FAILED' || job.state === 'ERROR_THROWN') {
    const state = job.state === 'FAILED' ? 'failed' : 'in error state';
    throw GatewayError.rejected(
      intent,
      'INVALID_STATE',
      `Expected to ${verb(intent)} job with key '${key}', but it is ${state}`,
    );
  }
  return job;
}

function verb(intent: string): string {
  return (
    { COMPLETE: 'complete', FAIL: 'fail', THROW_ERROR: 'throw an error from' }[intent] ?? intent.toLowerCase()
  );
}

/** CompleteJob: accepted while ACTIVATABLE or ACTIVATED; results merge per the task's output mappings. */
export async function completeJob(
  rt: Runtime,
  key: string,
  variables: Record<string, unknown>,
): Promise<void> {
  const job = await jobForCommand(rt, 'COMPLETE', key);
  await rt.jobs.delete(job.key);
  const instance = await rt.instances.element(job.elementInstanceKey);
  if (instance?.state !== 'ACTIVE') return;
  const process = await rt.loadProcess(job.definitionKey);
  const element = process.elements[job.elementId] as FlowElement;
  const chain = await rt.scopeChain(instance);
  if (element.outputMappings.length === 0) {
    await rt.variables.merge(chain, instance.processInstanceKey, variables);
  } else {
    await rt.variables.setLocal(instance.key, instance.processInstanceKey, variables);
    try {
      const visible = await rt.variables.visible(chain);
      const results = applyMappings(element.outputMappings, visible, rt.now, 'output');
      await rt.variables.merge(chain.slice(1), instance.processInstanceKey, results);
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      return rt.raiseIncident(instance, 'IO_MAPPING_ERROR', error.message);
    }
  }
  await rt.complete(process, instance, element.outgoing);
}

/** FailJob: retries left make the job activatable again; none raise a JOB_NO_RETRIES incident. */
export async function failJob(
  rt: Runtime,
  request: { key: string; retries: number; errorMessage: string; variables: Record<string, unknown> },
): Promise<void> {
  const job = await jobForCommand(rt, 'FAIL', request.key);
  const instance = await rt.instances.element(job.elementInstanceKey);
  if (instance && Object.keys(request.variables).length > 0) {
    await rt.variables.setLocal(instance.key, instance.processInstanceKey, request.variables);
  }
  if (request.retries > 0) {
    await rt.jobs.update(job.key, {
      state: 'ACTIVATABLE',
      retries: request.retries,
      errorMessage: request.errorMessage,
      deadline: -1,
    });
    rt.effects.jobTypes.add(job.type);
    return;
  }
  await rt.jobs.update(job.key, {
    state: 'FAILED',
    retries: request.retries,
    errorMessage: request.errorMessage,
  });
  if (instance) {
    await rt.raiseIncident(
      instance,
      'JOB_NO_RETRIES',
      request.errorMessage || 'No more retries left.',
      job.key,
    );
  }
}
