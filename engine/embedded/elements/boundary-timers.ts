import { FeelError } from '../../feel/index.ts';
import type { ExecutableProcess, FlowElement } from '../../model/types.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { ElementInstance } from '../runtime/state.ts';
import { armTimer, dueDate } from './timer-catch-event.ts';

/**
 * Arms the timers of the boundary events attached to an activity that has just started to
 * wait; they belong to the activity's instance and go when it completes or is terminated.
 * Returns false when a timer could not be evaluated (an incident was raised).
 */
export async function armBoundaryTimers(
  rt: Runtime,
  process: ExecutableProcess,
  activity: FlowElement,
  instance: ElementInstance,
  variables: Record<string, unknown>,
): Promise<boolean> {
  for (const id of activity.boundaryEventIds ?? []) {
    const boundary = process.elements[id];
    if (!boundary?.timer) continue;
    let due: number;
    try {
      due = dueDate(boundary.timer, variables, rt.now);
    } catch (error) {
      if (!(error instanceof FeelError)) throw error;
      await rt.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', `Boundary event '${id}': ${error.message}`);
      return false;
    }
    await armTimer(rt, instance, id, due);
  }
  return true;
}
