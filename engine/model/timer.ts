import type { FlowNodeNode, ModdleNode } from './parse.ts';
import type { Problems } from './problems.ts';
import type { TimerDefinition } from './types.ts';

interface TimerEventDefinitionNode extends ModdleNode {
  readonly timeDuration?: { readonly body?: string };
  readonly timeDate?: { readonly body?: string };
  readonly timeCycle?: { readonly body?: string };
}

const STATIC_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})(\[[^\]]+\])?$/;

/**
 * The timer of a catch or boundary event: a duration or a date, static or FEEL
 * (ZEEBE-SEMANTICS §5). Cycles (start events, non-interrupting boundaries) are not supported
 * yet, and a static date must carry a zone or offset.
 */
export function compileTimer(
  node: FlowNodeNode,
  id: string,
  problems: Problems,
): TimerDefinition | undefined {
  const definition = node.eventDefinitions?.[0] as TimerEventDefinitionNode;
  if (definition.timeCycle) {
    problems.add(id, 'this timer takes a duration or a date; timer cycles are not supported yet');
    return undefined;
  }
  const kind = definition.timeDuration ? 'duration' : definition.timeDate ? 'date' : undefined;
  const raw = (definition.timeDuration ?? definition.timeDate)?.body?.trim() ?? '';
  if (kind === undefined || raw === '') {
    problems.add(id, 'a timer catch event needs a <bpmn:timeDuration> or <bpmn:timeDate>');
    return undefined;
  }
  const value = problems.value(id, `the timer ${kind}`, raw);
  if (value === undefined) return undefined;
  if (value.kind === 'static') {
    const valid =
      kind === 'duration' ? parseDuration(value.value) !== undefined : STATIC_DATE.test(value.value);
    if (!valid) {
      problems.add(
        id,
        kind === 'duration'
          ? `the timer duration '${value.value}' is not an ISO 8601 duration such as PT2H or P1DT12H`
          : `the timer date '${value.value}' is not an ISO 8601 date-time with a zone or offset, such as 2027-01-05T09:00:00+07:00`,
      );
      return undefined;
    }
  }
  return { kind, value };
}

export interface Duration {
  negative: boolean;
  years: number;
  months: number;
  days: number;
  /** Hours, minutes and seconds, in milliseconds. */
  ms: number;
}

const DURATION =
  /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** Parses an ISO 8601 duration (`P1Y2M3W4DT5H6M7.5S`); undefined when it is not one. */
export function parseDuration(text: string): Duration | undefined {
  const match = DURATION.exec(text.trim());
  if (!match || text.trim() === 'P' || text.trim().endsWith('T')) return undefined;
  const [, minus, y, mo, w, d, h, mi, s] = match;
  const n = (v: string | undefined) => (v === undefined ? 0 : Number(v.replace(',', '.')));
  return {
    negative: minus === '-',
    years: n(y),
    months: n(mo),
    days: n(w) * 7 + n(d),
    ms: Math.round(n(h) * 3_600_000 + n(mi) * 60_000 + n(s) * 1000),
  };
}
