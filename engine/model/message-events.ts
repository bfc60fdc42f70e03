import type { EventPlace } from './events.ts';
import type { FlowNodeNode, ModdleNode } from './parse.ts';
import type { Problems } from './problems.ts';
import type { FlowElement, MessageDefinition, SignalDefinition } from './types.ts';
import { compileTaskDefinition } from './zeebe-extensions.ts';

/** A `bpmn:message` root element, with its `zeebe:subscription`. */
interface MessageNode extends ModdleNode {
  readonly name?: string;
}

interface SubscriptionNode extends ModdleNode {
  readonly correlationKey?: string;
}

/** What refers to a message or a signal: an event definition, or a receive task. */
export interface EventRefNode extends ModdleNode {
  readonly messageRef?: MessageNode;
  readonly signalRef?: ModdleNode & { readonly name?: string };
}

/** Where a message is used decides what it needs (Zeebe's MessageValidator). */
export type MessageUse = 'catch' | 'processStart';

/**
 * A message or signal event definition, by where the event sits. Signals always name their
 * signal. Message throw and end events run as jobs, like send tasks, so they need a
 * `zeebe:taskDefinition`; message catches and starts name the message they wait for.
 * Returns false when the event cannot run.
 */
export function compileMessageOrSignal(
  node: FlowNodeNode,
  definition: EventRefNode,
  element: FlowElement,
  place: EventPlace,
  problems: Problems,
): boolean {
  if (element.eventKind === 'signal') {
    const signal = compileSignal(definition, element.id, problems);
    if (signal) element.signal = signal;
    return signal !== undefined;
  }
  if (place === 'endEvent' || place === 'intermediateThrowEvent') {
    const kind = place === 'endEvent' ? 'message end event' : 'message throw event';
    const job = compileTaskDefinition(node, element.id, kind, problems);
    if (job) element.job = job;
    return job !== undefined;
  }
  const use = place === 'startEvent' ? 'processStart' : 'catch';
  const message = compileMessage(definition, element.id, use, problems);
  if (message) element.message = message;
  return message !== undefined;
}

/**
 * The message a catch event, receive task or start event waits for: a `messageRef` to a
 * `bpmn:message` with a name (static or FEEL). Catches also need one `zeebe:subscription`
 * whose correlation key is a FEEL expression (§15); a process start event takes any key.
 */
export function compileMessage(
  ref: EventRefNode,
  elementId: string,
  use: MessageUse,
  problems: Problems,
): MessageDefinition | undefined {
  const message = ref.messageRef;
  if (!message) {
    problems.add(elementId, 'a message event needs a messageRef to a <bpmn:message>');
    return undefined;
  }
  const what = `the message '${message.id ?? ''}'`;
  const rawName = message.name ?? '';
  if (rawName.trim() === '') {
    problems.add(elementId, `${what} needs a name`);
    return undefined;
  }
  const name = problems.value(elementId, `the name of ${what}`, rawName);
  if (use === 'processStart') return name && { name };
  const subscriptions = (message.extensionElements?.values ?? []).filter(
    (value): value is SubscriptionNode => value.$type === 'zeebe:Subscription',
  );
  if (subscriptions.length > 1) problems.add(elementId, `${what} has more than one <zeebe:subscription>`);
  const rawKey = subscriptions[0]?.correlationKey;
  if (rawKey === undefined) {
    problems.add(elementId, `${what} needs a <zeebe:subscription correlationKey> to be caught here`);
    return undefined;
  }
  const key = problems.value(elementId, `the correlation key of ${what}`, rawKey, { expressionOnly: true });
  if (!name || key?.kind !== 'expression') return undefined;
  return { name, correlationKey: key.source };
}

/** A signal event's `signalRef` to a `bpmn:signal` with a name, static or FEEL (§8). */
export function compileSignal(
  ref: EventRefNode,
  elementId: string,
  problems: Problems,
): SignalDefinition | undefined {
  const signal = ref.signalRef;
  if (!signal) {
    problems.add(elementId, 'a signal event needs a signalRef to a <bpmn:signal>');
    return undefined;
  }
  const rawName = signal.name ?? '';
  if (rawName.trim() === '') {
    problems.add(elementId, `the signal '${signal.id ?? ''}' needs a name`);
    return undefined;
  }
  const name = problems.value(elementId, `the name of the signal '${signal.id ?? ''}'`, rawName);
  return name && { name };
}

/**
 * Zeebe refuses two events waiting for the same message (or signal) name where one would
 * shadow the other: among a process's start events, the boundary events of one activity, and
 * the event sub-process starts of one scope. Names given as expressions are not compared.
 */
export function checkEventNames(elements: Map<string, FlowElement>, problems: Problems): void {
  const groups = new Map<string, { what: string; events: FlowElement[] }>();
  for (const element of elements.values()) {
    const kind = element.eventKind;
    if (kind !== 'message' && kind !== 'signal') continue;
    const name = element[kind]?.name;
    if (name?.kind !== 'static') continue;
    let place: string | undefined;
    if (element.type === 'boundaryEvent') place = `boundary ${element.attachedToId}`;
    else if (element.type === 'startEvent' && element.parentId === undefined) place = 'process';
    else if (element.type === 'startEvent')
      place = `scope ${elements.get(element.parentId as string)?.parentId ?? ''}`;
    if (place === undefined) continue;
    const key = JSON.stringify([place, kind, name.value]);
    const group = groups.get(key) ?? { what: `the ${kind} '${name.value}'`, events: [] };
    group.events.push(element);
    groups.set(key, group);
  }
  for (const { what, events } of groups.values()) {
    for (const element of events.slice(1))
      problems.add(
        element.id,
        `'${events[0]?.id}' and '${element.id}' both wait for ${what} in the same place; names must be unique there`,
      );
  }
}
