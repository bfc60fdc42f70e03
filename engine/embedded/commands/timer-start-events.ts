import { FeelError } from '../../feel/index.ts';
import { GatewayError } from '../../gateway/errors.ts';
import type { ExecutableProcess, FlowElement } from '../../model/types.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { armTimerEvent, NO_OWNER, repeatCycle, type TimerRow } from '../runtime/timer-cycles.ts';

/**
 * Timer start events (ZEEBE-SEMANTICS §5, §12). Inside the deployment's transaction, the
 * version that has just become the latest cancels the start timers of the versions before
 * it and schedules its own, evaluated now without variables. Their rows belong to no
 * instance (NO_OWNER). A value that cannot be evaluated rejects the deployment, as Zeebe's
 * ProcessTimerStartEventExpressionValidator does.
 */
export async function openTimerStartEvents(
  rt: Runtime,
  process: ExecutableProcess,
  definitionKey: string,
): Promise<void> {
  await rt.tx.run(
    `DELETE FROM engine_timers WHERE element_instance_key = ? AND definition_key IN
       (SELECT definition_key FROM engine_process_definitions WHERE bpmn_process_id = ? AND definition_key <> ?)`,
    [NO_OWNER.key, process.bpmnProcessId, definitionKey],
  );
  for (const id of process.startEventIds) {
    const start = process.elements[id];
    if (start?.eventKind !== 'timer' || !start.timer) continue;
    try {
      await armTimerEvent(rt, NO_OWNER, start.id, start.timer, {}, definitionKey);
    } catch (error) {
      if (!(error instanceof FeelError)) throw error;
      throw await rejection(rt, definitionKey, start.id, error.message);
    }
  }
}

/** Whether a due timer row is a process's timer start event rather than an instance's timer. */
export function isStartTimer(row: TimerRow): boolean {
  return String(row.element_instance_key) === NO_OWNER.key;
}

/**
 * A timer start event fired: a new instance of its version starts there, without variables;
 * a cycle is armed again first (Rn makes at most n instances).
 */
export async function fireStartTimer(
  rt: Runtime,
  process: ExecutableProcess,
  start: FlowElement,
  row: TimerRow,
): Promise<void> {
  await repeatCycle(rt, start, row);
  const definitionKey = String(row.definition_key);
  const [definition] = await rt.tx.all<{ bpmn_process_id: string; version: unknown }>(
    'SELECT bpmn_process_id, version FROM engine_process_definitions WHERE definition_key = ?',
    [definitionKey],
  );
  if (!definition) return;
  await rt.startProcess(
    {
      key: await rt.tx.nextKey(),
      definitionKey,
      bpmnProcessId: definition.bpmn_process_id,
      version: Number(definition.version),
      state: 'ACTIVE',
    },
    process,
    {},
    start.id,
  );
}

async function rejection(rt: Runtime, definitionKey: string, elementId: string, reason: string) {
  const [row] = await rt.tx.all<{ resource_name: string }>(
    'SELECT resource_name FROM engine_process_definitions WHERE definition_key = ?',
    [definitionKey],
  );
  return GatewayError.rejected(
    'CREATE',
    'INVALID_ARGUMENT',
    `Expected to deploy new resources, but encountered the following errors:\n'${row?.resource_name ?? ''}': Element '${elementId}': Expected a valid timer expression for start event, but encountered the following error: ${reason}`,
  );
}
