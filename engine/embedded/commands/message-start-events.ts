import { FeelError } from '../../feel/index.ts';
import { GatewayError } from '../../gateway/errors.ts';
import type { ExecutableProcess } from '../../model/types.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { eventName } from '../runtime/subscriptions.ts';

/**
 * Message and signal start events wait on the latest version of a process only (ZEEBE-SEMANTICS
 * §6, §8, §12): a new version takes over the subscriptions of its BPMN process id, opening its
 * own and closing those of every earlier version. Their names are evaluated here, once, with
 * no variables; a name that cannot be evaluated rejects the deployment. Buffered messages
 * published before the deployment do not start instances.
 */
export async function openMessageAndSignalStartEvents(
  rt: Runtime,
  process: ExecutableProcess,
  definitionKey: string,
): Promise<void> {
  await rt.tx.run('DELETE FROM engine_start_subscriptions WHERE bpmn_process_id = ?', [
    process.bpmnProcessId,
  ]);
  for (const id of process.startEventIds) {
    const start = process.elements[id];
    const definition = start?.eventKind === 'message' ? start.message : start?.signal;
    if (!start || !definition || (start.eventKind !== 'message' && start.eventKind !== 'signal')) continue;
    let name: string;
    try {
      name = eventName(definition.name, {}, rt.now);
    } catch (error) {
      if (!(error instanceof FeelError)) throw error;
      throw await rejection(rt, definitionKey, id, error.message);
    }
    await rt.tx.run(
      `INSERT INTO engine_start_subscriptions (definition_key, element_id, bpmn_process_id, kind, event_name)
       VALUES (?, ?, ?, ?, ?)`,
      [definitionKey, id, process.bpmnProcessId, start.eventKind, name],
    );
  }
}

async function rejection(rt: Runtime, definitionKey: string, elementId: string, reason: string) {
  const [row] = await rt.tx.all<{ resource_name: string }>(
    'SELECT resource_name FROM engine_process_definitions WHERE definition_key = ?',
    [definitionKey],
  );
  return GatewayError.rejected(
    'CREATE',
    'INVALID_ARGUMENT',
    `Expected to deploy new resources, but encountered the following errors:\n'${row?.resource_name ?? ''}': Element '${elementId}': the name of a start event is evaluated at deployment, without variables: ${reason}`,
  );
}
