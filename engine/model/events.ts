import { compileMessageOrSignal, type EventRefNode } from './message-events.ts';
import type { FlowNodeNode, ModdleNode } from './parse.ts';
import type { Problems } from './problems.ts';
import { compileTimer, type TimerPlace } from './timer.ts';
import type { CodeDefinition, ElementType, EventKind, FlowElement } from './types.ts';

/** The moddle type of each event definition this engine knows. */
const KINDS: Readonly<Record<string, EventKind>> = {
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:TerminateEventDefinition': 'terminate',
};

/** Where an event sits decides which definitions it may carry. */
export type EventPlace = ElementType | 'eventSubProcessStart';

/**
 * The event definitions each kind of event runs with, none included where listed; timer.ts
 * says which timers each place takes.
 */
const ALLOWED: Readonly<Partial<Record<EventPlace, readonly (EventKind | 'none')[]>>> = {
  startEvent: ['none', 'timer', 'message', 'signal'],
  eventSubProcessStart: ['timer', 'message', 'signal', 'error', 'escalation'],
  endEvent: ['none', 'message', 'signal', 'error', 'escalation', 'terminate'],
  intermediateCatchEvent: ['timer', 'message', 'signal'],
  intermediateThrowEvent: ['none', 'message', 'signal', 'escalation'],
  boundaryEvent: ['timer', 'message', 'signal', 'error', 'escalation'],
};

interface CodeRefNode extends ModdleNode {
  readonly errorRef?: ModdleNode & { readonly errorCode?: string };
  readonly escalationRef?: ModdleNode & { readonly escalationCode?: string };
}

const PLACE_NAME: Readonly<Record<string, string>> = {
  eventSubProcessStart: 'the start event of an event sub-process',
  startEvent: 'a start event',
  endEvent: 'an end event',
  intermediateCatchEvent: 'an intermediate catch event',
  intermediateThrowEvent: 'an intermediate throw event',
  boundaryEvent: 'a boundary event',
};

/**
 * Reads an event's definition into `element` (its kind, timer, error or escalation code).
 * Reports definitions this place cannot carry, more than one definition, and codes Zeebe
 * requires. Returns false when the event cannot run.
 */
export function compileEventDefinition(
  node: FlowNodeNode,
  element: FlowElement,
  place: EventPlace,
  problems: Problems,
): boolean {
  const definitions = node.eventDefinitions ?? [];
  const allowed = ALLOWED[place] ?? [];
  if (definitions.length > 1) {
    problems.add(element.id, 'an event with more than one event definition is not supported');
    return false;
  }
  const [definition] = definitions;
  const kind = definition === undefined ? 'none' : KINDS[definition.$type];
  if (kind === undefined || !allowed.includes(kind)) {
    const what = definition === undefined ? 'no event definition' : `a ${definition.$type}`;
    const expected = allowed.length === 0 ? '' : ` (expected ${allowed.join(', ')})`;
    problems.add(element.id, `${PLACE_NAME[place]} with ${what} is not supported yet${expected}`);
    return false;
  }
  if (kind === 'none' || definition === undefined) return true;
  element.eventKind = kind;
  if (kind === 'timer') {
    const timer = compileTimer(node, element.id, problems, place as TimerPlace);
    if (!timer) return false;
    element.timer = timer;
  } else if (kind === 'error' || kind === 'escalation') {
    const code = compileCode(definition as CodeRefNode, element.id, kind, isThrow(place), problems);
    if (!code) return false;
    element[kind] = code;
  } else if (kind === 'message' || kind === 'signal') {
    return compileMessageOrSignal(node, definition as EventRefNode, element, place, problems);
  }
  return true;
}

function isThrow(place: EventPlace): boolean {
  return place === 'endEvent' || place === 'intermediateThrowEvent';
}

/**
 * A throw event needs a referenced error (escalation) with a code, static or `=expression`;
 * a catch event's code is static, and no reference or an empty code catches everything.
 */
function compileCode(
  definition: CodeRefNode,
  id: string,
  kind: 'error' | 'escalation',
  throwing: boolean,
  problems: Problems,
): CodeDefinition | undefined {
  const ref = kind === 'error' ? definition.errorRef : definition.escalationRef;
  const raw = kind === 'error' ? definition.errorRef?.errorCode : definition.escalationRef?.escalationCode;
  const code = raw?.trim() ?? '';
  if (throwing) {
    if (ref === undefined || code === '') {
      problems.add(
        id,
        `a throwing ${kind} event needs an ${kind}Ref to a <bpmn:${kind}> with a non-empty ${kind}Code`,
      );
      return undefined;
    }
    const value = problems.value(id, `the ${kind} code`, code);
    return value && { code: value };
  }
  if (code === '') return {};
  if (code.startsWith('=')) {
    problems.add(id, `the ${kind} code of a catch event must be static text, not an expression ('${code}')`);
    return undefined;
  }
  return { code: { kind: 'static', value: code } };
}
