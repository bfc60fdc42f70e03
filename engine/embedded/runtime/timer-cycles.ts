import { evaluateDetailed, FeelError, typeMismatchMessage } from '../../feel/index.ts';
import { type Cycle, FOREVER, firstDue, nextDue, parseCycle } from '../../model/cycle.ts';
import type { FlowElement, TimerDefinition } from '../../model/types.ts';
import { armTimer, dueDate } from '../elements/timer-catch-event.ts';
import type { Runtime } from './runtime.ts';

/**
 * Who a timer row belongs to: an element instance (a catch event, the activity of a boundary
 * event, the scope of an event sub-process), or nobody for a process's timer start events,
 * whose rows carry -1 for both keys (Zeebe's NO_ELEMENT_INSTANCE).
 */
export interface TimerOwner {
  key: string;
  processInstanceKey: string;
}

export const NO_OWNER: TimerOwner = { key: '-1', processInstanceKey: '-1' };

/** A row of engine_timers as fire-timers.ts reads it. */
export interface TimerRow {
  timer_key: unknown;
  element_instance_key: unknown;
  process_instance_key: unknown;
  definition_key: unknown;
  element_id: string;
}

/**
 * A cycle's value: static text, or FEEL giving text or a duration (which counts as `R/<d>`,
 * as Zeebe takes FEEL temporals). Throws FeelError when it is neither a repeating interval
 * nor a cron expression.
 */
export function evaluateCycle(
  timer: TimerDefinition,
  variables: Record<string, unknown>,
  now: number,
): Cycle {
  let text: string;
  if (timer.value.kind === 'static') {
    text = timer.value.value;
  } else {
    const result = evaluateDetailed(timer.value.source, variables, now);
    if (result.type === 'DURATION' || result.type === 'PERIOD') text = `R/${String(result.value)}`;
    else if (result.type === 'STRING') text = String(result.value);
    else throw new FeelError(typeMismatchMessage(timer.value.source, 'STRING', result));
  }
  const cycle = parseCycle(text);
  if ('error' in cycle) {
    throw new FeelError(
      `Expected result of the timer cycle to be an ISO 8601 repeating interval or a cron expression, but was '${text}': ${cycle.error}`,
    );
  }
  return cycle;
}

/**
 * Arms a timer event's timer for `owner`: a duration or a date fires once; a cycle fires at
 * its first due date and repeats from there (repeatCycle). Throws FeelError when the timer's
 * value is wrong, for the caller to raise the incident it knows where to put.
 */
export async function armTimerEvent(
  rt: Runtime,
  owner: TimerOwner,
  elementId: string,
  timer: TimerDefinition,
  variables: Record<string, unknown>,
  definitionKey?: string,
): Promise<void> {
  if (timer.kind !== 'cycle') {
    if (definitionKey === undefined) return armTimer(rt, owner, elementId, dueDate(timer, variables, rt.now));
    return insertTimer(rt, owner, definitionKey, elementId, dueDate(timer, variables, rt.now), 1);
  }
  const cycle = evaluateCycle(timer, variables, rt.now);
  const due = firstDue(cycle, rt.now);
  // A cron expression that matches no date to come never fires.
  if (due === undefined) return;
  const key = definitionKey ?? (await rt.instances.process(owner.processInstanceKey))?.definitionKey ?? '0';
  await insertTimer(rt, owner, key, elementId, due, cycle.repetitions);
}

async function insertTimer(
  rt: Runtime,
  owner: TimerOwner,
  definitionKey: string,
  elementId: string,
  due: number,
  repetitions: number,
): Promise<void> {
  const timerKey = await rt.tx.nextKey();
  await rt.tx.run(
    `INSERT INTO engine_timers (timer_key, element_instance_key, process_instance_key, definition_key, element_id, due_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [timerKey, owner.key, owner.processInstanceKey, definitionKey, elementId, due],
  );
  if (repetitions !== 1) {
    await rt.tx.run('INSERT INTO engine_timer_cycles (timer_key, repetitions, due_at) VALUES (?, ?, ?)', [
      timerKey,
      repetitions,
      due,
    ]);
  }
  rt.effects.timers = true;
}

/**
 * A cycle's timer has just fired (its row is gone): unless its repetitions are used up or
 * its owner has ended, the next one is armed, counted from this one's due date (no drift)
 * with the expression evaluated again, as Zeebe's TimerTriggerProcessor does. Call it before
 * the firing's effects, which may end the owner and so disarm the next timer with it.
 */
export async function repeatCycle(rt: Runtime, element: FlowElement, row: TimerRow): Promise<void> {
  const timerKey = String(row.timer_key);
  const [cycle] = await rt.tx.all<{ repetitions: unknown; due_at: unknown }>(
    'SELECT repetitions, due_at FROM engine_timer_cycles WHERE timer_key = ?',
    [timerKey],
  );
  if (!cycle || !element.timer) return;
  await rt.tx.run('DELETE FROM engine_timer_cycles WHERE timer_key = ?', [timerKey]);
  const left = Number(cycle.repetitions);
  if (left !== FOREVER && left <= 1) return;
  const owner = {
    key: String(row.element_instance_key),
    processInstanceKey: String(row.process_instance_key),
  };
  const variables = await ownerVariables(rt, owner, element.timer.value.kind === 'expression');
  if (variables === undefined) return;
  let next: Cycle;
  try {
    next = evaluateCycle(element.timer, variables, rt.now);
  } catch (error) {
    // Zeebe cannot reschedule either (it bans the instance, camunda/camunda#4208): the cycle stops.
    if (error instanceof FeelError) return;
    throw error;
  }
  const due = nextDue(next, Number(cycle.due_at), rt.now);
  if (due === undefined) return;
  const repetitions = next.kind === 'cron' || left === FOREVER ? FOREVER : left - 1;
  await insertTimer(rt, owner, String(row.definition_key), element.id, due, repetitions);
}

/** What the owner's timer expression sees; undefined when the owner is no longer active. */
async function ownerVariables(
  rt: Runtime,
  owner: TimerOwner,
  needed: boolean,
): Promise<Record<string, unknown> | undefined> {
  // Timer start events are evaluated without variables.
  if (owner.key === NO_OWNER.key) return {};
  if (owner.key === owner.processInstanceKey) {
    if ((await rt.instances.process(owner.key))?.state !== 'ACTIVE') return undefined;
    return needed ? rt.variables.visible([owner.key]) : {};
  }
  const instance = await rt.instances.element(owner.key);
  if (instance?.state !== 'ACTIVE') return undefined;
  return needed ? rt.variables.visible(await rt.scopeChain(instance)) : {};
}

/**
 * Cycle rows whose timer went without firing (its activity or scope ended, a new version
 * replaced a start timer) are left behind; once past their due date they are removed here.
 */
export async function sweepCycles(rt: Runtime): Promise<void> {
  await rt.tx.run(
    `DELETE FROM engine_timer_cycles WHERE due_at <= ?
     AND NOT EXISTS (SELECT 1 FROM engine_timers WHERE engine_timers.timer_key = engine_timer_cycles.timer_key)`,
    [rt.now],
  );
}
