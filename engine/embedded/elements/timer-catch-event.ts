import { evaluate, FeelError } from '../../feel/index.ts';
import { addDuration, parseDuration } from '../../model/temporal.ts';
import type { TimerDefinition } from '../../model/types.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { ElementInstance } from '../runtime/state.ts';
import type { ElementBehavior } from './behavior.ts';

/**
 * An intermediate timer catch event: the token waits until the engine clock reaches the due
 * date, evaluated once on entry (ZEEBE-SEMANTICS §5). The timer is a row, so it survives a
 * restart; one due while the platform was down fires when it is back.
 */
export const timerCatchEvent: ElementBehavior = {
  async activate(rt, _process, element, instance) {
    const timer = element.timer;
    if (!timer) throw new Error(`Element '${element.id}' has no timer`);
    let due: number;
    try {
      const variables =
        timer.value.kind === 'expression' ? await rt.variables.visible(await rt.scopeChain(instance)) : {};
      due = dueDate(timer, variables, rt.now);
    } catch (error) {
      if (!(error instanceof FeelError)) throw error;
      return rt.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', error.message);
    }
    await armTimer(rt, instance, element.id, due);
  },
};

/**
 * Writes a timer row for `instance`, firing `elementId` (the catch event itself, or a boundary
 * event of the activity) when due; the scheduler looks again after the commit.
 */
export async function armTimer(
  rt: Runtime,
  instance: Pick<ElementInstance, 'key' | 'processInstanceKey'>,
  elementId: string,
  due: number,
) {
  const owner = await rt.instances.process(instance.processInstanceKey);
  await rt.tx.run(
    `INSERT INTO engine_timers (timer_key, element_instance_key, process_instance_key, definition_key, element_id, due_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [
      await rt.tx.nextKey(),
      instance.key,
      instance.processInstanceKey,
      owner?.definitionKey ?? '0',
      elementId,
      due,
    ],
  );
  rt.effects.timers = true;
}

/** When a timer is due, in epoch ms; calendar parts of a duration follow the local calendar (addDuration). */
export function dueDate(timer: TimerDefinition, variables: Record<string, unknown>, now: number): number {
  const raw =
    timer.value.kind === 'static' ? timer.value.value : evaluate(timer.value.source, variables, now);
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (timer.kind === 'duration') {
    const duration = parseDuration(text);
    if (!duration)
      throw new FeelError(
        `Expected result of the timer duration to be a duration such as PT2H, but was '${String(raw)}'`,
      );
    return addDuration(now, duration);
  }
  // A region in brackets follows the offset in Java's form; the offset alone fixes the instant.
  const withoutRegion = text.replace(/\[[^\]]+\]$/, '');
  const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(withoutRegion);
  const at = zoned ? Date.parse(withoutRegion) : Number.NaN;
  if (Number.isNaN(at)) {
    throw new FeelError(
      `Expected result of the timer date to be a date-time with a zone or offset, but was '${String(raw)}'`,
    );
  }
  return at;
}
