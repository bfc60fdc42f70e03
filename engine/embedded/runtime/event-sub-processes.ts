import { FeelError } from '../../feel/index.ts';
import type { ExecutableProcess, FlowElement } from '../../model/types.ts';
import { applyEventPayload } from './event-payload.ts';
import { subscribeEventSubProcessStart } from './event-trigger.ts';
import type { Runtime } from './runtime.ts';
import { closeSubscriptions } from './subscriptions.ts';
import { armTimerEvent } from './timer-cycles.ts';

/** A scope that event sub-processes belong to: a sub-process instance or the process instance. */
export interface Scope {
  key: string;
  processInstanceKey: string;
}

/**
 * Opens the event sub-processes of a scope that has just been activated (ZEEBE-SEMANTICS §9):
 * their timer start events are armed, owned by the scope, so they go when it ends. Error and
 * escalation starts need no subscription: a throw looks for them. Message and signal starts
 * subscribe (event-trigger.ts). Returns false when the scope must not go on: a timer or a
 * correlation key could not be evaluated (an incident was raised on the scope), or a buffered
 * message started an interrupting event sub-process at once.
 */
export async function openEventSubProcesses(
  rt: Runtime,
  process: ExecutableProcess,
  eventSubProcessIds: readonly string[] | undefined,
  scope: Scope,
): Promise<boolean> {
  for (const id of eventSubProcessIds ?? []) {
    const start = startOf(process, id);
    if (start.eventKind === 'message' || start.eventKind === 'signal') {
      if (!(await subscribeEventSubProcessStart(rt, process, start, scope))) return false;
      continue;
    }
    if (start.eventKind !== 'timer' || !start.timer) continue;
    try {
      const variables =
        start.timer.value.kind === 'expression'
          ? await rt.variables.visible(await scopeChainOf(rt, scope))
          : {};
      // A non-interrupting start may take a cycle: it repeats while the scope is active.
      await armTimerEvent(rt, scope, start.id, start.timer, variables);
    } catch (error) {
      if (!(error instanceof FeelError)) throw error;
      const elementId =
        scope.key === scope.processInstanceKey ? process.bpmnProcessId : await elementIdOf(rt, scope);
      await rt.raiseIncident(
        { ...scope, elementId },
        'EXTRACT_VALUE_ERROR',
        `Event sub-process start '${start.id}': ${error.message}`,
      );
      return false;
    }
  }
  return true;
}

/**
 * Starts an event sub-process in `scope`. An interrupting start first terminates every other
 * token of the scope (running non-interrupting event sub-processes included) and closes the
 * scope's other event sub-processes; a non-interrupting one runs beside them. The payload
 * (error variables, a message's) lands on the start event as `applyEventPayload` says.
 */
export async function triggerEventSubProcess(
  rt: Runtime,
  process: ExecutableProcess,
  start: FlowElement,
  scope: Scope,
  payload: { variables: Record<string, unknown>; propagate: boolean },
): Promise<void> {
  const eventSubProcess = process.elements[start.parentId as string] as FlowElement;
  if (start.interrupting !== false) {
    await rt.terminateChildren(scope.key);
    await closeEventSubProcessTimers(rt, process, scope);
  }
  const container = await rt.activate(process, eventSubProcess.id, scope.key, scope.processInstanceKey);
  await rt.activate(process, start.id, container.key, scope.processInstanceKey, (instance) =>
    applyEventPayload(rt, start, instance, payload.variables, payload.propagate),
  );
}

/** Removes the armed timer starts and the subscriptions of a scope's event sub-processes (not its boundary events'). */
async function closeEventSubProcessTimers(rt: Runtime, process: ExecutableProcess, scope: Scope) {
  const ids = eventSubProcessIdsOf(
    process,
    scope.key === scope.processInstanceKey ? undefined : await elementIdOf(rt, scope),
  );
  const starts = ids.map((id) => startOf(process, id).id);
  if (starts.length === 0) return;
  await rt.tx.run(
    `DELETE FROM engine_timers WHERE element_instance_key = ? AND element_id IN (${starts.map(() => '?').join(', ')})`,
    [scope.key, ...starts],
  );
  await closeSubscriptions(rt, scope.key, starts);
}

/** The event sub-processes directly inside an element (a sub-process), or the process when undefined. */
export function eventSubProcessIdsOf(
  process: ExecutableProcess,
  elementId: string | undefined,
): readonly string[] {
  if (elementId === undefined) return process.eventSubProcessIds;
  return process.elements[elementId]?.eventSubProcessIds ?? [];
}

export function startOf(process: ExecutableProcess, eventSubProcessId: string): FlowElement {
  const container = process.elements[eventSubProcessId];
  const start = container?.startEventId === undefined ? undefined : process.elements[container.startEventId];
  if (!start) throw new Error(`Event sub-process '${eventSubProcessId}' has no start event`);
  return start;
}

async function elementIdOf(rt: Runtime, scope: Scope): Promise<string> {
  const instance = await rt.instances.element(scope.key);
  if (!instance) throw new Error(`No element instance ${scope.key}`);
  return instance.elementId;
}

async function scopeChainOf(rt: Runtime, scope: Scope): Promise<string[]> {
  if (scope.key === scope.processInstanceKey) return [scope.key];
  const instance = await rt.instances.element(scope.key);
  return instance ? rt.scopeChain(instance) : [scope.key];
}
