import type { ModdleNode } from './parse.ts';
import type { Problems } from './problems.ts';
import type { JobDefinition, UserTaskDefinition, ValueOrExpression } from './types.ts';
import { compileHeaders, extension, hasExtension } from './zeebe-extensions.ts';

/** The job type of every job-based user task (Zeebe's `Protocol.USER_TASK_JOB_TYPE`). */
export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';

const CONVERT_ZEEBE_USER_TASK =
  'is a Camunda user task (<zeebe:userTask/>), which this platform does not run: its user tasks are ' +
  'job-based (DESIGN seam 2). Remove <zeebe:userTask/> from the extension elements to make it a ' +
  `job-based user task (job type ${USER_TASK_JOB_TYPE}); in Desktop Modeler, set the task's ` +
  "Implementation to 'Job worker'";

/**
 * A job-based user task: a job of type `io.camunda.zeebe:userTask` with 1 retry, whatever its
 * `zeebe:taskDefinition` says (as Zeebe does), carrying assignment, schedule and form.
 */
export function compileUserTask(
  node: ModdleNode,
  elementId: string,
  problems: Problems,
): { job: JobDefinition; userTask: UserTaskDefinition } {
  if (hasExtension(node, 'zeebe:UserTask')) problems.add(elementId, CONVERT_ZEEBE_USER_TASK);
  const job: JobDefinition = {
    type: { kind: 'static', value: USER_TASK_JOB_TYPE },
    retries: { kind: 'static', value: '1' },
    headers: compileHeaders(node, elementId, problems),
  };
  const userTask: UserTaskDefinition = {};
  const assignment = extension(node, elementId, 'zeebe:AssignmentDefinition', problems);
  const schedule = extension(node, elementId, 'zeebe:TaskSchedule', problems);
  const values: [ValueField, string, string | undefined, StaticRule?][] = [
    ['assignee', '<zeebe:assignmentDefinition assignee>', assignment?.assignee],
    ['candidateGroups', '<zeebe:assignmentDefinition candidateGroups>', assignment?.candidateGroups, CSV],
    ['candidateUsers', '<zeebe:assignmentDefinition candidateUsers>', assignment?.candidateUsers, CSV],
    ['dueDate', '<zeebe:taskSchedule dueDate>', schedule?.dueDate, DATE_TIME],
    ['followUpDate', '<zeebe:taskSchedule followUpDate>', schedule?.followUpDate, DATE_TIME],
  ];
  for (const [field, what, raw, rule] of values) {
    const value = optionalValue(elementId, what, raw, problems, rule);
    if (value) userTask[field] = value;
  }
  compileForm(node, elementId, userTask, problems);
  checkPriority(node, elementId, problems);
  return { job, userTask };
}

type ValueField = 'assignee' | 'candidateGroups' | 'candidateUsers' | 'dueDate' | 'followUpDate';

interface StaticRule {
  test(value: string): boolean;
  expected: string;
}

/** Zeebe's `parseListOfCsv`: every comma-separated entry must be non-blank. */
const CSV: StaticRule = {
  test: (value) => value.split(',').every((entry) => entry.trim() !== ''),
  expected: "a list of comma-separated values, e.g. 'a,b,c'",
};

/** What Java's `ZonedDateTime.parse` accepts: an ISO date-time with an offset, maybe a [region]. */
const ZONED_DATE_TIME =
  /^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}(:\d{2})?)(\[[^\]]+\])?$/;

const DATE_TIME: StaticRule = {
  test: (value) => {
    const match = ZONED_DATE_TIME.exec(value);
    if (!match) return false;
    const [month, day, hour, minute] = match.slice(1, 5).map(Number) as [number, number, number, number];
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59;
  },
  expected: "a date-time with a zone offset, e.g. '2023-03-02T15:35+02:00'",
};

/** Blank means absent, as in Zeebe's UserTaskTransformer. */
function optionalValue(
  elementId: string,
  what: string,
  raw: string | undefined,
  problems: Problems,
  rule?: StaticRule,
): ValueOrExpression | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = problems.value(elementId, what, raw);
  if (value?.kind === 'static' && rule && !rule.test(value.value)) {
    problems.add(elementId, `${what} '${raw}' must be ${rule.expected}`);
    return undefined;
  }
  return value;
}

function compileForm(
  node: ModdleNode,
  elementId: string,
  userTask: UserTaskDefinition,
  problems: Problems,
): void {
  const form = extension(node, elementId, 'zeebe:FormDefinition', problems);
  if (!form) return;
  const formKey = form.formKey?.trim() ? form.formKey : undefined;
  const formId = form.formId?.trim() ? form.formId : undefined;
  if ((formKey === undefined) === (formId === undefined)) {
    problems.add(elementId, '<zeebe:formDefinition> needs exactly one of formId and formKey');
    return;
  }
  // moddle reports a default bindingType of "latest": only an explicit attribute counts.
  const bindingType = Object.hasOwn(form, 'bindingType') ? form.bindingType : undefined;
  if (formKey !== undefined) {
    if (bindingType !== undefined)
      problems.add(elementId, '<zeebe:formDefinition formKey> cannot be combined with bindingType');
    else userTask.formKey = formKey;
    return;
  }
  if (bindingType !== undefined && bindingType !== 'latest') {
    problems.add(
      elementId,
      `<zeebe:formDefinition bindingType="${bindingType}"> is not supported yet (only "latest")`,
    );
  } else if (formId !== undefined && /^=./s.test(formId)) {
    problems.add(
      elementId,
      `a FEEL expression as <zeebe:formDefinition formId> ('${formId}') is not supported yet`,
    );
  } else {
    userTask.formId = formId;
  }
}

/** Zeebe validates `zeebe:priorityDefinition` on every user task but uses it only on Camunda user tasks. */
function checkPriority(node: ModdleNode, elementId: string, problems: Problems): void {
  const definition = extension(node, elementId, 'zeebe:PriorityDefinition', problems);
  if (!definition) return;
  const raw = definition.priority ?? '';
  if (raw.trim() === '') {
    problems.add(elementId, '<zeebe:priorityDefinition priority> must not be empty');
    return;
  }
  const value = problems.value(elementId, '<zeebe:priorityDefinition priority>', raw);
  if (value?.kind === 'static' && !(/^[+-]?\d+$/.test(raw) && Number(raw) >= 0 && Number(raw) <= 100)) {
    problems.add(
      elementId,
      `<zeebe:priorityDefinition priority> '${raw}' must be a number between 0 and 100`,
    );
  }
}
