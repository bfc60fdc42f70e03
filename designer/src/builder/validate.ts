import { z } from 'zod';
import { allSteps, CHANNELS, type Flow, PURPOSES, type Step, WAIT_UNITS } from './flow.ts';

/** What is wrong with one field; `code` is a key of the builder's `problems.*` words. */
export interface FlowProblem {
  /** The step the field belongs to; absent for the process's own fields (id, name). */
  stepId?: string;
  field: string;
  code: ProblemCode;
  /** What the words of `code` name, e.g. the lint rule. */
  detail?: string;
}

export type ProblemCode =
  | 'required'
  | 'processId'
  | 'group'
  | 'formUnknown'
  | 'positiveWhole'
  | 'tooLong'
  | 'emptyBranches'
  | 'escalateAfterApproval'
  | 'noSteps'
  | 'feel'
  | 'lint';

/** A process id that is also a repository model name: `<module>-<name>`, lower case. */
export const PROCESS_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;
/** One candidate group: a role name or a branch code, never a list. */
const GROUP = /^[A-Za-z0-9_.-]+$/;
const MAX_NAME = 200;
const MAX_TEMPLATE_KEY = 100;

export interface ValidateOptions {
  /** The form ids a user task may link; a form id outside it is a problem (unchecked when absent). */
  forms?: string[];
}

/** Every problem of the flow, by step and field: the builder shows them and will not save with any. */
export function validateFlow(flow: Flow, options: ValidateOptions = {}): FlowProblem[] {
  const problems: FlowProblem[] = [];
  if (!flow.id.trim()) problems.push({ field: 'id', code: 'required' });
  else if (!PROCESS_ID.test(flow.id) || flow.id.length > 100)
    problems.push({ field: 'id', code: 'processId' });
  if (!flow.name.trim()) problems.push({ field: 'name', code: 'required' });
  else if (flow.name.length > MAX_NAME) problems.push({ field: 'name', code: 'tooLong' });
  if (flow.steps.length === 0) problems.push({ field: 'steps', code: 'noSteps' });
  checkSequence(flow.steps, problems, options);
  return problems;
}

function checkSequence(steps: Step[], problems: FlowProblem[], options: ValidateOptions): void {
  steps.forEach((step, index) => {
    checkStep(step, problems, options);
    if (step.kind === 'escalate' && steps[index - 1]?.kind !== 'approval')
      problems.push({ stepId: step.id, field: 'kind', code: 'escalateAfterApproval' });
  });
}

function checkStep(step: Step, problems: FlowProblem[], options: ValidateOptions): void {
  const add = (field: string, code: ProblemCode) => problems.push({ stepId: step.id, field, code });
  if (!step.name.trim()) add('name', 'required');
  else if (step.name.length > MAX_NAME) add('name', 'tooLong');
  switch (step.kind) {
    case 'approval':
      if (!step.candidateGroup.trim()) add('candidateGroup', 'required');
      else if (!GROUP.test(step.candidateGroup)) add('candidateGroup', 'group');
      if (step.formId && options.forms && !options.forms.includes(step.formId)) add('formId', 'formUnknown');
      if (step.dueInHours !== undefined && !positiveWhole(step.dueInHours))
        add('dueInHours', 'positiveWhole');
      return;
    case 'notify':
      if (!step.templateKey.trim()) add('templateKey', 'required');
      else if (step.templateKey.length > MAX_TEMPLATE_KEY) add('templateKey', 'tooLong');
      return;
    case 'wait':
      if (!positiveWhole(step.amount)) add('amount', 'positiveWhole');
      return;
    case 'condition':
      if (!step.condition.trim()) add('condition', 'required');
      if (step.yes.length === 0 && step.no.length === 0) add('branches', 'emptyBranches');
      checkSequence(step.yes, problems, options);
      checkSequence(step.no, problems, options);
      return;
    case 'escalate':
      if (!positiveWhole(step.afterHours)) add('afterHours', 'positiveWhole');
      checkStep(step.action, problems, options);
      return;
  }
}

function positiveWhole(value: number): boolean {
  return Number.isInteger(value) && value > 0 && value <= 100_000;
}

// The shape of a stored flow, checked when a BPMN model is opened again in the builder.
const Text = z.string().max(10_000);
/** Step ids become parts of BPMN element ids. */
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const Approval = z.strictObject({
  kind: z.literal('approval'),
  id: Id,
  name: Text,
  candidateGroup: Text,
  formId: Text.optional(),
  dueInHours: z.number().optional(),
});
const Notify = z.strictObject({
  kind: z.literal('notify'),
  id: Id,
  name: Text,
  templateKey: Text,
  channel: z.enum(CHANNELS),
  purpose: z.enum(PURPOSES),
});
const Wait = z.strictObject({
  kind: z.literal('wait'),
  id: Id,
  name: Text,
  amount: z.number(),
  unit: z.enum(WAIT_UNITS),
});
const Escalate = z.strictObject({
  kind: z.literal('escalate'),
  id: Id,
  name: Text,
  afterHours: z.number(),
  action: z.discriminatedUnion('kind', [Approval, Notify]),
});
const StepShape: z.ZodType<Step> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    Approval,
    Notify,
    Wait,
    Escalate,
    z.strictObject({
      kind: z.literal('condition'),
      id: Id,
      name: Text,
      condition: Text,
      yes: z.array(StepShape),
      no: z.array(StepShape),
    }),
  ]),
);
const FlowShape = z.strictObject({ id: Text, name: Text, steps: z.array(StepShape) }).refine((flow) => {
  const ids = allSteps(flow.steps).map((step) => step.id);
  return new Set(ids).size === ids.length;
}, 'step ids must be unique');

/** The flow in `value` when it has a flow's shape (whatever its problems), else undefined. */
export function parseFlow(value: unknown): Flow | undefined {
  const parsed = FlowShape.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
