import { GatewayError } from '../../gateway/errors.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { processInstanceEnded } from '../runtime/start-by-event.ts';

/** CancelProcessInstance: every element terminates, jobs are cancelled, incidents resolved (§13). */
export async function cancelInstance(rt: Runtime, key: string): Promise<void> {
  const instance = await rt.instances.process(key);
  if (instance?.state !== 'ACTIVE') {
    throw GatewayError.rejected(
      'CANCEL',
      'NOT_FOUND',
      `Expected to cancel a process instance with key '${key}', but no such process was found`,
    );
  }
  const parent = await rt.links.parentOf(key);
  if (parent) {
    throw GatewayError.rejected(
      'CANCEL',
      'INVALID_STATE',
      `Expected to cancel a process instance with key '${key}', but it is created by a parent process instance. Cancel the root process instance '${parent.rootProcessInstanceKey}' instead.`,
    );
  }
  await terminateProcessInstance(rt, key);
}

/**
 * Ends a process instance: every element terminates (instances started by its call activities
 * too), jobs are cancelled, timers removed, incidents resolved.
 */
export async function terminateProcessInstance(rt: Runtime, key: string): Promise<void> {
  for (const element of await rt.instances.liveElements(key)) {
    if (element.elementType === 'callActivity') await rt.terminateCalledInstance(element.key);
    await rt.instances.endElement(element.key, 'TERMINATED', rt.now);
  }
  await rt.tx.run('DELETE FROM engine_jobs WHERE process_instance_key = ?', [key]);
  await rt.tx.run('DELETE FROM engine_timers WHERE process_instance_key = ?', [key]);
  await rt.tx.run(
    "UPDATE engine_incidents SET state = 'RESOLVED' WHERE process_instance_key = ? AND state = 'ACTIVE'",
    [key],
  );
  await rt.tx.run('DELETE FROM engine_join_tokens WHERE scope_key = ?', [key]);
  await rt.instances.endProcess(key, 'TERMINATED', rt.now);
  // Its message and signal subscriptions close; a message start it held frees its correlation key.
  await processInstanceEnded(rt, key);
}
