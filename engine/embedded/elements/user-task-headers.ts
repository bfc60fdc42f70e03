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
    if (date !== undefined && date !== null && String(date) !== '')
      headers[`${PREFIX}${name}`] = String(date);
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
