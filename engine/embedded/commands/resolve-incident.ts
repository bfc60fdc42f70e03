import { GatewayError } from '../../gateway/errors.ts';
import type { FlowElement } from '../../model/types.ts';
import { behaviorOf } from '../elements/index.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { completeTask } from './complete-task.ts';

/**
 * ResolveIncident (§3): a job incident makes its job activatable again (JOB_NO_RETRIES only
 * once retries were raised); any other incident is deleted and the failed step runs again,
 * which may raise a new incident with a new key.
 */
export async function resolveIncident(rt: Runtime, key: string): Promise<void> {
  const [incident] = await rt.tx.all<{ element_instance_key: unknown; job_key: unknown; error_type: string }>(
    "SELECT element_instance_key, job_key, error_type FROM engine_incidents WHERE incident_key = ? AND state = 'ACTIVE'",
    [key],
  );
  if (!incident) {
    throw GatewayError.rejected(
      'RESOLVE',
      'NOT_FOUND',
      `Expected to resolve incident with key '${key}', but no such incident was found`,
    );
  }
  const jobKey = incident.job_key === null ? undefined : String(incident.job_key);
  if (jobKey) {
    const job = await rt.jobs.get(jobKey);
    if (job && incident.error_type === 'JOB_NO_RETRIES' && job.retries <= 0) {
      throw GatewayError.rejected(
        'RESOLVE',
        'INVALID_STATE',
        `Expected to resolve incident with key '${key}', but job with key '${jobKey}' has no retries left; update its retries first`,
      );
    }
    await markResolved(rt, key);
    if (job) {
      await rt.jobs.update(job.key, { state: 'ACTIVATABLE', deadline: -1 });
      rt.effects.jobTypes.add(job.type);
    }
    return;
  }
  await markResolved(rt, key);
  const instance = await rt.instances.element(String(incident.element_instance_key));
  if (!instance || (instance.state !== 'ACTIVE' && instance.state !== 'COMPLETING')) return;
  const definitionKey = (await rt.instances.process(instance.processInstanceKey))?.definitionKey as string;
  const process = await rt.loadProcess(definitionKey);
  const element = process.elements[instance.elementId] as FlowElement;
  if (instance.state === 'COMPLETING') return completeTask(rt, process, element, instance, {});
  await behaviorOf(instance.elementType).activate(rt, process, element, instance);
}

async function markResolved(rt: Runtime, key: string): Promise<void> {
  await rt.tx.run("UPDATE engine_incidents SET state = 'RESOLVED' WHERE incident_key = ?", [key]);
}
