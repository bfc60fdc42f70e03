/**
 * The simple builder's model: what a process owner who does not draw BPMN puts together — a
 * sequence of steps, a condition splitting into two sequences that join again, start and end
 * implied. Plain data (it is stored as JSON inside the BPMN it compiles to), no React.
 */

export const CHANNELS = ['email', 'sms', 'whatsapp'] as const;
export const PURPOSES = ['service', 'marketing'] as const;
export const WAIT_UNITS = ['hours', 'days'] as const;

export type Channel = (typeof CHANNELS)[number];
export type Purpose = (typeof PURPOSES)[number];
export type WaitUnit = (typeof WAIT_UNITS)[number];

/** "Persetujuan oleh grup": a job-based user task for a candidate group. */
export interface ApprovalStep {
  kind: 'approval';
  id: string;
  /** The task's name, as the group sees it in the task list. */
  name: string;
  /** A role name (`supervisor`) or a branch code (`MDN-KC`), as the task list reads it. */
  candidateGroup: string;
  /** A linked form shipped in processes/ (`zeebe:formDefinition formId`). */
  formId?: string;
  /** The task's due date, this many hours after it is created. */
  dueInHours?: number;
}

/** "Beri tahu nasabah": `crm.notifications.send` for the process's `customerId`. */
export interface NotifyStep {
  kind: 'notify';
  id: string;
  name: string;
  templateKey: string;
  channel: Channel;
  purpose: Purpose;
}

/** "Tunggu": a timer for a fixed duration. */
export interface WaitStep {
  kind: 'wait';
  id: string;
  name: string;
  amount: number;
  unit: WaitUnit;
}

/** "Kondisi": a FEEL condition on the process variables; yes and no sequences join afterwards. */
export interface ConditionStep {
  kind: 'condition';
  id: string;
  /** The question, e.g. "Jumlah di atas 10 juta?". */
  name: string;
  /** FEEL without the leading `=`, e.g. `amount > 10000000`. */
  condition: string;
  yes: Step[];
  no: Step[];
}

/**
 * "Eskalasi setelah": attached to the approval step right before it — after `afterHours`
 * without the approval done, a non-interrupting timer starts `action` (the approval stays open).
 */
export interface EscalateStep {
  kind: 'escalate';
  id: string;
  /** The timer's name, e.g. "Setelah 4 jam". */
  name: string;
  afterHours: number;
  action: ApprovalStep | NotifyStep;
}

export type Step = ApprovalStep | NotifyStep | WaitStep | ConditionStep | EscalateStep;
export type StepKind = Step['kind'];
export const STEP_KINDS: StepKind[] = ['approval', 'notify', 'wait', 'condition', 'escalate'];

export interface Flow {
  /** The BPMN process id, also the model's name in the repository: `<module>-<name>`. */
  id: string;
  /** The process's name, in Bahasa Indonesia. */
  name: string;
  steps: Step[];
}

/** Every step of the flow, depth first in order (branches and escalation actions included). */
export function allSteps(steps: Step[]): Step[] {
  return steps.flatMap((step) => {
    if (step.kind === 'condition') return [step, ...allSteps(step.yes), ...allSteps(step.no)];
    if (step.kind === 'escalate') return [step, step.action];
    return [step];
  });
}

/** A step id not used yet in the flow: `s1`, `s2`, … */
export function nextStepId(flow: Flow, taken: string[] = []): string {
  const used = new Set([...allSteps(flow.steps).map((step) => step.id), ...taken]);
  let n = 1;
  while (used.has(`s${n}`)) n += 1;
  return `s${n}`;
}

/** A new step of `kind` with the words a bank would start from; the owner edits them. */
export function newStep(kind: StepKind, flow: Flow): Step {
  const id = nextStepId(flow);
  switch (kind) {
    case 'approval':
      return { kind, id, name: 'Persetujuan', candidateGroup: 'supervisor' };
    case 'notify':
      return {
        kind,
        id,
        name: 'Beri tahu nasabah',
        templateKey: 'case.resolved',
        channel: 'email',
        purpose: 'service',
      };
    case 'wait':
      return {
        kind,
        id,
        name: defaultName({ kind, id, name: '', amount: 1, unit: 'days' }) ?? '',
        amount: 1,
        unit: 'days',
      };
    case 'condition':
      return { kind, id, name: 'Kondisi terpenuhi?', condition: '', yes: [], no: [] };
    case 'escalate':
      return {
        kind,
        id,
        name: 'Setelah 4 jam',
        afterHours: 4,
        action: {
          kind: 'approval',
          id: nextStepId(flow, [id]),
          name: 'Tindak lanjut eskalasi',
          candidateGroup: 'supervisor',
        },
      };
  }
}

/** Where a new step goes: after the step `afterId`, or first in a sequence. */
export type Place = { after: string } | { first: 'main' } | { first: 'yes' | 'no'; condition: string };

/** The flow with `step` inserted at `place` (unchanged when the place is not found). */
export function insertStep(flow: Flow, place: Place, step: Step): Flow {
  return { ...flow, steps: insertIn(flow.steps, place, step) };
}

function insertIn(steps: Step[], place: Place, step: Step): Step[] {
  if ('first' in place && place.first === 'main') return [step, ...steps];
  const out: Step[] = [];
  for (const current of steps) {
    if (current.kind === 'condition') {
      const onThis = 'condition' in place && place.condition === current.id;
      out.push({
        ...current,
        yes: onThis && place.first === 'yes' ? [step, ...current.yes] : insertIn(current.yes, place, step),
        no: onThis && place.first === 'no' ? [step, ...current.no] : insertIn(current.no, place, step),
      });
    } else out.push(current);
    if ('after' in place && place.after === current.id) out.push(step);
  }
  return out;
}

/** The flow without the step `id` (a condition goes with its branches). */
export function deleteStep(flow: Flow, id: string): Flow {
  const without = (steps: Step[]): Step[] =>
    steps
      .filter((step) => step.id !== id)
      .map((step) =>
        step.kind === 'condition' ? { ...step, yes: without(step.yes), no: without(step.no) } : step,
      );
  return { ...flow, steps: without(flow.steps) };
}

/** The flow with the step `id` replaced by `step` (an escalation's action is replaced through its escalation). */
export function replaceStep(flow: Flow, id: string, step: Step): Flow {
  const replace = (steps: Step[]): Step[] =>
    steps.map((current) => {
      if (current.id === id) return step;
      if (current.kind === 'condition')
        return { ...current, yes: replace(current.yes), no: replace(current.no) };
      return current;
    });
  return { ...flow, steps: replace(flow.steps) };
}

export function findStep(flow: Flow, id: string): Step | undefined {
  return allSteps(flow.steps).find((step) => step.id === id);
}

/** `PT4H` / `P2D`: the ISO 8601 duration Zeebe's timers and FEEL's `duration()` read. */
export function isoDuration(amount: number, unit: WaitUnit): string {
  return unit === 'days' ? `P${amount}D` : `PT${amount}H`;
}

/** The name a wait or an escalation gets from its duration, while the owner has not renamed it. */
export function defaultName(step: Step): string | undefined {
  if (step.kind === 'wait') return `Tunggu ${step.amount} ${step.unit === 'days' ? 'hari' : 'jam'}`;
  if (step.kind === 'escalate') return `Setelah ${step.afterHours} jam`;
  return undefined;
}

/** `after` (an edit of `before`), renamed to follow its new duration when the name was the default one. */
export function keepDefaultName(before: Step | undefined, after: Step): Step {
  if (!before || before.name !== after.name || before.name !== defaultName(before)) return after;
  const name = defaultName(after);
  return name === undefined ? after : { ...after, name };
}

/** An empty flow to start from. */
export function emptyFlow(): Flow {
  return { id: '', name: '', steps: [] };
}
