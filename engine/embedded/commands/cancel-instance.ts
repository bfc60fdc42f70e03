import { GatewayError } from '../../gateway/errors.ts';
import type { Runtime } from '../runtime/runtime.ts';

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
  for (const element of await rt.instances.liveElements(key)) {
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
}
