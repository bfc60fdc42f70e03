import type { ExecutableProcess, FlowElement } from '../../model/types.ts';
import { applyEventPayload } from './event-payload.ts';
import { nextBufferedMessage, recordCorrelation } from './message-buffer.ts';
import type { Runtime } from './runtime.ts';
import { closeInstanceSubscriptions } from './subscriptions.ts';

/** A message or signal start event of the latest version of a process. */
export interface StartSubscription {
  definitionKey: string;
  elementId: string;
  bpmnProcessId: string;
  kind: 'message' | 'signal';
  eventName: string;
}

interface Row {
  definition_key: unknown;
  element_id: string;
  bpmn_process_id: string;
  kind: 'message' | 'signal';
  event_name: string;
}

const toStart = (row: Row): StartSubscription => ({
  definitionKey: String(row.definition_key),
  elementId: row.element_id,
  bpmnProcessId: row.bpmn_process_id,
  kind: row.kind,
  eventName: row.event_name,
});

/** The start events waiting for a message or signal of this name. */
export async function startSubscriptions(
  rt: Runtime,
  kind: 'message' | 'signal',
  eventName: string,
): Promise<StartSubscription[]> {
  const rows = await rt.tx.all<Row>(
    `SELECT * FROM engine_start_subscriptions WHERE kind = ? AND event_name = ?
     ORDER BY bpmn_process_id, element_id`,
    [kind, eventName],
  );
  return rows.map(toStart);
}

/** Whether an active instance of this process id was started by a message with this correlation key. */
export async function startLocked(
  rt: Runtime,
  bpmnProcessId: string,
  correlationKey: string,
): Promise<boolean> {
  const rows = await rt.tx.all(
    'SELECT 1 AS locked FROM engine_message_start_locks WHERE bpmn_process_id = ? AND correlation_key = ?',
    [bpmnProcessId, correlationKey],
  );
  return rows.length > 0;
}

/**
 * Creates an instance at a message or signal start event; the payload lands as the start
 * event's result, at the root unless output mappings say otherwise (§6). With a correlation
 * key, no other instance of the process id starts for that key while this one is active.
 */
export async function startInstanceByEvent(
  rt: Runtime,
  start: StartSubscription,
  variables: Record<string, unknown>,
  correlationKey = '',
): Promise<string> {
  const process = await rt.loadProcess(start.definitionKey);
  const element = process.elements[start.elementId] as FlowElement;
  const [definition] = await rt.tx.all<{ version: unknown }>(
    'SELECT version FROM engine_process_definitions WHERE definition_key = ?',
    [start.definitionKey],
  );
  const key = await rt.tx.nextKey();
  if (correlationKey !== '') {
    await rt.tx.run(
      'INSERT INTO engine_message_start_locks (process_instance_key, bpmn_process_id, correlation_key) VALUES (?, ?, ?)',
      [key, start.bpmnProcessId, correlationKey],
    );
  }
  const instance = {
    key,
    definitionKey: start.definitionKey,
    bpmnProcessId: start.bpmnProcessId,
    version: Number(definition?.version ?? 0),
    state: 'ACTIVE' as const,
  };
  await rt.startProcess(instance, process, {}, start.elementId, (event) =>
    applyEventPayload(rt, element, event, variables, true),
  );
  return key;
}

const usesEvents = new WeakMap<ExecutableProcess, boolean>();

/** Whether a process has anything that waits for a message or a signal (compiled processes are immutable). */
function waitsForEvents(process: ExecutableProcess): boolean {
  let uses = usesEvents.get(process);
  if (uses === undefined) {
    uses = Object.values(process.elements).some(
      (e) => e.type === 'receiveTask' || e.eventKind === 'message' || e.eventKind === 'signal',
    );
    usesEvents.set(process, uses);
  }
  return uses;
}

/**
 * A process instance has ended (completed or terminated): its subscriptions close. If a
 * message with a correlation key started it, that key is free again, and the oldest buffered
 * message for it starts the next instance of the latest version (§6). Given the instance's
 * process, nothing is looked up for a process without messages or signals.
 */
export async function processInstanceEnded(
  rt: Runtime,
  processInstanceKey: string,
  process?: ExecutableProcess,
): Promise<void> {
  if (process && !waitsForEvents(process)) return;
  await closeInstanceSubscriptions(rt, processInstanceKey);
  const [lock] = await rt.tx.all<{ bpmn_process_id: string; correlation_key: string }>(
    'SELECT bpmn_process_id, correlation_key FROM engine_message_start_locks WHERE process_instance_key = ?',
    [processInstanceKey],
  );
  if (!lock) return;
  await rt.tx.run('DELETE FROM engine_message_start_locks WHERE process_instance_key = ?', [
    processInstanceKey,
  ]);
  const rows = await rt.tx.all<Row>(
    "SELECT * FROM engine_start_subscriptions WHERE bpmn_process_id = ? AND kind = 'message'",
    [lock.bpmn_process_id],
  );
  const starts = rows.map(toStart);
  const names = [...new Set(starts.map((s) => s.eventName))];
  const message = await nextBufferedMessage(rt, names, lock.correlation_key, lock.bpmn_process_id);
  const start = message && starts.find((s) => s.eventName === message.name);
  if (!message || !start) return;
  await recordCorrelation(rt, message.key, start.bpmnProcessId);
  await startInstanceByEvent(rt, start, message.variables, message.correlationKey);
}
