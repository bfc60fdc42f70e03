import { parseCycle } from './cycle.ts';
import type { FlowNodeNode, ModdleNode } from './parse.ts';
import type { Problems } from './problems.ts';
import { parseDuration, parseZonedDateTime } from './temporal.ts';
import type { TimerDefinition } from './types.ts';

export { type Duration, parseDuration } from './temporal.ts';

interface TimerEventDefinitionNode extends ModdleNode {
  readonly timeDuration?: { readonly body?: string };
  readonly timeDate?: { readonly body?: string };
  readonly timeCycle?: { readonly body?: string };
}

/** Where a timer event sits, which decides what it may take. */
export type TimerPlace = 'startEvent' | 'eventSubProcessStart' | 'intermediateCatchEvent' | 'boundaryEvent';

type TimerKind = TimerDefinition['kind'];

const TAG: Readonly<Record<TimerKind, string>> = {
  duration: '<bpmn:timeDuration>',
  date: '<bpmn:timeDate>',
  cycle: '<bpmn:timeCycle>',
};

/**
 * What each place takes (ZEEBE-SEMANTICS §5, Camunda's "Timer events"): process start events
 * a date or a cycle; non-interrupting boundary events and event sub-process starts anything;
 * interrupting ones and catch events a duration or a date.
 */
function placement(node: FlowNodeNode, place: TimerPlace): { what: string; kinds: TimerKind[] } {
  const any: TimerKind[] = ['duration', 'date', 'cycle'];
  const once: TimerKind[] = ['duration', 'date'];
  switch (place) {
    case 'startEvent':
      return { what: 'a timer start event', kinds: ['date', 'cycle'] };
    case 'eventSubProcessStart':
      return node.isInterrupting === false
        ? { what: 'a non-interrupting timer start event of an event sub-process', kinds: any }
        : { what: 'an interrupting timer start event of an event sub-process', kinds: once };
    case 'boundaryEvent':
      return node.cancelActivity === false
        ? { what: 'a non-interrupting timer boundary event', kinds: any }
        : { what: 'an interrupting timer boundary event', kinds: once };
    default:
      return { what: 'a timer catch event', kinds: once };
  }
}

function either(kinds: readonly TimerKind[]): string {
  const tags = kinds.map((kind) => TAG[kind]);
  return tags.length > 1 ? `${tags.slice(0, -1).join(', ')} or ${tags.at(-1)}` : (tags[0] ?? '');
}

/**
 * The timer of a timer event, by where it sits: a duration, a date or a cycle, static or FEEL
 * (ZEEBE-SEMANTICS §5). Static values are checked here: a date must carry a zone or offset,
 * a cycle must be an ISO 8601 repeating interval or a Spring cron expression.
 */
export function compileTimer(
  node: FlowNodeNode,
  id: string,
  problems: Problems,
  place: TimerPlace = 'intermediateCatchEvent',
): TimerDefinition | undefined {
  const definition = node.eventDefinitions?.[0] as TimerEventDefinitionNode;
  const { what, kinds } = placement(node, place);
  if (place === 'startEvent' && (node as { $parent?: ModdleNode }).$parent?.$type === 'bpmn:SubProcess') {
    problems.add(
      id,
      'a timer start event starts a process or an event sub-process; an embedded sub-process starts with a none start event',
    );
    return undefined;
  }
  const kind: TimerKind | undefined = definition.timeDuration
    ? 'duration'
    : definition.timeDate
      ? 'date'
      : definition.timeCycle
        ? 'cycle'
        : undefined;
  const raw = (definition.timeDuration ?? definition.timeDate ?? definition.timeCycle)?.body?.trim() ?? '';
  if (kind === undefined || raw === '') {
    problems.add(id, `${what} needs a ${either(kinds)}`);
    return undefined;
  }
  if (!kinds.includes(kind)) {
    const why =
      kind === 'cycle'
        ? ': only timer start events and non-interrupting boundary events and event sub-process starts repeat'
        : '';
    problems.add(id, `${what} takes a ${either(kinds)}, not a ${TAG[kind]}${why}`);
    return undefined;
  }
  const value = problems.value(id, `the timer ${kind}`, raw);
  if (value === undefined) return undefined;
  if (value.kind === 'static') {
    const problem = staticProblem(kind, value.value);
    if (problem !== undefined) {
      problems.add(id, problem);
      return undefined;
    }
  }
  return { kind, value };
}

function staticProblem(kind: TimerKind, text: string): string | undefined {
  if (kind === 'duration') {
    return parseDuration(text) === undefined
      ? `the timer duration '${text}' is not an ISO 8601 duration such as PT2H or P1DT12H`
      : undefined;
  }
  if (kind === 'date') {
    return parseZonedDateTime(text) === undefined
      ? `the timer date '${text}' is not an ISO 8601 date-time with a zone or offset, such as 2027-01-05T09:00:00+07:00`
      : undefined;
  }
  const cycle = parseCycle(text);
  return 'error' in cycle
    ? `the timer cycle '${text}' is neither an ISO 8601 repeating interval (R3/PT1H) nor a cron expression (0 0 8 * * MON-FRI): ${cycle.error}`
    : undefined;
}
