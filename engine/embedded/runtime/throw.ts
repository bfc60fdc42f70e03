import type { ExecutableProcess, FlowElement } from '../../model/types.ts';
import { applyEventPayload } from './event-payload.ts';
import { eventSubProcessIdsOf, type Scope, startOf, triggerEventSubProcess } from './event-sub-processes.ts';
import type { Runtime } from './runtime.ts';
import type { ElementInstance } from './state.ts';

export type ThrownKind = 'error' | 'escalation';

export interface Thrown {
  kind: ThrownKind;
  code: string;
  /** The error message (ThrowError's errorMessage); none for escalations. */
  message?: string;
  variables: Record<string, unknown>;
}

/** Where a thrown error or escalation is caught, and in which process (a caller's, maybe). */
type Catch = { process: ExecutableProcess } & (
  | { at: 'boundary'; event: FlowElement; activity: ElementInstance }
  | { at: 'eventSubProcess'; start: FlowElement; scope: Scope }
);

export interface ThrowOutcome {
  caught: boolean;
  /** Whether the catch interrupted the scope the thrower is in (the thrower must not go on). */
  interrupted: boolean;
  /** Every code a catch event on the way up listens for, for the uncaught message. */
  available: string[];
}

/**
 * Throws an error or escalation from `from` (ZEEBE-SEMANTICS §7): a task (its own boundary
 * events first, `fromItself`) or a throw event (its scope first). Climbs scope by scope, and
 * from a called process into its call activity; in each scope, an event sub-process start or
 * boundary event with the exact code beats a catch-all.
 */
export async function throwEvent(
  rt: Runtime,
  process: ExecutableProcess,
  from: ElementInstance,
  thrown: Thrown,
  fromItself: boolean,
): Promise<ThrowOutcome> {
  const available: string[] = [];
  const found = await findCatch(rt, process, from, thrown, fromItself, available);
  if (!found) return { caught: false, interrupted: false, available };
  // Only the thrown variables: Zeebe 8.8 offers no errorCode or errorMessage variable to the
  // catch event's output mappings (checked against its engine in tests/conformance).
  const variables = thrown.variables;
  if (found.at === 'boundary') {
    const interrupting = found.event.cancelActivity !== false;
    if (interrupting) await rt.terminate(found.activity);
    await rt.activate(
      found.process,
      found.event.id,
      found.activity.flowScopeKey,
      found.activity.processInstanceKey,
      (event) => applyEventPayload(rt, found.event, event, variables, false),
    );
    return { caught: true, interrupted: interrupting, available };
  }
  const interrupting = found.start.interrupting !== false;
  await triggerEventSubProcess(rt, found.process, found.start, found.scope, { variables, propagate: false });
  return { caught: true, interrupted: interrupting, available };
}

async function findCatch(
  rt: Runtime,
  startProcess: ExecutableProcess,
  from: ElementInstance,
  thrown: Thrown,
  fromItself: boolean,
  available: string[],
): Promise<Catch | undefined> {
  let process = startProcess;
  // The instance whose boundary events are looked at next, and the scope whose event sub-processes are.
  let activity: ElementInstance | undefined = fromItself ? from : undefined;
  let scopeKey = from.flowScopeKey;
  let processInstanceKey = from.processInstanceKey;
  let cameFromEventSubProcess = false;
  for (;;) {
    // A multi-instance activity's boundary events are on its body; its inner instances have none.
    const innerOfBody =
      activity &&
      process.elements[activity.elementId]?.multiInstance &&
      activity.elementType !== 'multiInstanceBody';
    if (activity && !innerOfBody) {
      const boundaries = (process.elements[activity.elementId]?.boundaryEventIds ?? [])
        .map((id) => process.elements[id] as FlowElement)
        .filter((event) => event.eventKind === thrown.kind);
      const match = choose(boundaries, thrown, available);
      if (match) return { process, at: 'boundary', event: match, activity };
    }
    const atProcess = scopeKey === processInstanceKey;
    const scopeInstance = atProcess ? undefined : await rt.instances.element(scopeKey);
    if (!atProcess && !scopeInstance) return undefined;
    if (!cameFromEventSubProcess && scopeInstance?.elementType !== 'multiInstanceBody') {
      const starts = eventSubProcessIdsOf(process, scopeInstance?.elementId)
        .map((id) => startOf(process, id))
        .filter((start) => start.eventKind === thrown.kind);
      const match = choose(starts, thrown, available);
      if (match)
        return { process, at: 'eventSubProcess', start: match, scope: { key: scopeKey, processInstanceKey } };
    }
    if (scopeInstance) {
      // An event sub-process has no boundary events; what it throws goes to the scope around it.
      cameFromEventSubProcess = process.elements[scopeInstance.elementId]?.triggeredByEvent === true;
      activity = cameFromEventSubProcess ? undefined : scopeInstance;
      scopeKey = scopeInstance.flowScopeKey;
      continue;
    }
    // The top of a called process: on to the call activity that started it.
    const link = await rt.links.parentOf(processInstanceKey);
    const caller = link && (await rt.instances.element(link.parentElementInstanceKey));
    if (!caller) return undefined;
    const owner = await rt.instances.process(caller.processInstanceKey);
    process = await rt.loadProcess(owner?.definitionKey as string);
    activity = caller;
    scopeKey = caller.flowScopeKey;
    processInstanceKey = caller.processInstanceKey;
    cameFromEventSubProcess = false;
  }
}

/** The catch event with exactly the thrown code, else a catch-all; records the codes seen. */
function choose(events: FlowElement[], thrown: Thrown, available: string[]): FlowElement | undefined {
  let catchAll: FlowElement | undefined;
  for (const event of events) {
    const code = event[thrown.kind]?.code;
    if (code === undefined) {
      catchAll ??= event;
      continue;
    }
    const value = code.kind === 'static' ? code.value : code.source;
    available.push(value);
    if (value === thrown.code) return event;
  }
  return catchAll;
}

/** Zeebe's incident message for an error nothing caught. */
export function uncaughtErrorMessage(code: string, message: string | undefined, available: string[]): string {
  const about = message === undefined ? '' : ` with message '${message}'`;
  const codes =
    available.length === 0
      ? 'No error events are available in the scope.'
      : `Available error events are [${[...new Set(available)].join(', ')}]`;
  return `Expected to throw an error event with the code '${code}'${about}, but it was not caught. ${codes}`;
}
