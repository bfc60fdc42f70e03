import { evaluate, FeelError } from '../../feel/index.ts';
import type { FlowElement, ValueOrExpression } from '../../model/types.ts';

const PREFIX = 'io.camunda.zeebe:';

/**
 * The reserved headers Zeebe sets on a job-based user task, only when non-empty:
 * candidate lists as JSON array text without spaces, dates as given (ZEEBE-SEMANTICS §2).
 */
export function userTaskHeaders(
  element: FlowElement,
  variables: Record<string, unknown>,
  now: number,
): Record<string, string> {
  const task = element.userTask;
  const headers: Record<string, string> = {};
  if (!task) return headers;
  const read = (v: ValueOrExpression | undefined) =>
    v === undefined ? undefined : v.kind === 'static' ? v.value : evaluate(v.source, variables, now);
  if (task.formKey) headers[`${PREFIX}formKey`] = task.formKey;
  const assignee = read(task.assignee);
  if (assignee !== undefined && assignee !== null && String(assignee) !== '')
    headers[`${PREFIX}assignee`] = String(assignee);
  for (const [name, v] of [
    ['candidateGroups', task.candidateGroups],
    ['candidateUsers', task.candidateUsers],
  ] as const) {
    const list = candidates(v, read(v), element.id, name);
    if (list && list.length > 0) headers[`${PREFIX}${name}`] = JSON.stringify(list);
  }
  for (const name of ['dueDate', 'followUpDate'] as const) {
    const date = read(task[name]);
    if (date === undefined || date === null || String(date) === '') continue;
    const java = javaZonedDateTime(String(date));
    if (java === undefined) {
      throw new FeelError(
        `Expected result of the expression for the ${name} of '${element.id}' to be a date-time with a zone or offset, but was '${String(date)}'`,
      );
    }
    headers[`${PREFIX}${name}`] = java;
  }
  return headers;
}

function candidates(
  v: ValueOrExpression | undefined,
  result: unknown,
  elementId: string,
  name: string,
): string[] | undefined {
  if (v === undefined || result === null || result === undefined) return undefined;
  if (v.kind === 'static') {
    return String(result)
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
  if (Array.isArray(result) && result.every((item) => typeof item === 'string')) return result;
  throw new FeelError(
    `Expected result of the expression for the ${name} of '${elementId}' to be a list of strings`,
  );
}

const ZONED =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})(\[[^\]]+\])?$/;

/**
 * An ISO zoned date-time as Java's ZonedDateTime prints it, which is how Zeebe re-emits due
 * and follow-up dates: zero seconds dropped, fractions in groups of three, `Z` for UTC.
 */
export function javaZonedDateTime(value: string): string | undefined {
  const match = ZONED.exec(value.trim());
  if (!match) return undefined;
  const [, date, hoursMinutes, seconds = '00', fraction = '', offset, region = ''] = match;
  const nanos = fraction.padEnd(9, '0');
  let time = hoursMinutes as string;
  if (seconds !== '00' || Number(nanos) !== 0) time += `:${seconds}`;
  if (Number(nanos) !== 0) {
    time += `.${nanos.endsWith('000000') ? nanos.slice(0, 3) : nanos.endsWith('000') ? nanos.slice(0, 6) : nanos}`;
  }
  const zone = offset === '+00:00' || offset === '-00:00' ? 'Z' : offset;
  return `${date}T${time}${zone}${region}`;
}
