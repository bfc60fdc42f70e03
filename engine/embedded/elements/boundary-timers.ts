import { FeelError } from '../../feel/index.ts';
import type { ExecutableProcess, FlowElement } from '../../model/types.ts';
import { subscribeBoundaryEvents } from '../runtime/event-trigger.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { ElementInstance } from '../runtime/state.ts';
import { armTimerEvent } from '../runtime/timer-cycles.ts';

/**
 * Arms the timers of the boundary events attached to an activity that has just started to
 * wait; they belong to the activity's instance and go when it completes or is terminated.
 * Returns false when the activity must not go on waiting: a timer or subscription could not be
 * evaluated (an incident was raised, nothing stays armed) or a buffered message interrupted it.
 */
export async function armBoundaryTimers(
  rt: Runtime,
  process: ExecutableProcess,
  activity: FlowElement,
  instance: ElementInstance,
  variables: Record<string, unknown>,
): Promise<boolean> {
  // The boundary events of a multi-instance activity belong to its body, not to each inner instance.
  if (activity.multiInstance && instance.elementType !== 'multiInstanceBody') return true;
  for (const id of activity.boundaryEventIds ?? []) {
    const boundary = process.elements[id];
    if (!boundary?.timer) continue;
    try {
      // A non-interrupting one may take a cycle: it repeats until used up or the activity ends.
      await armTimerEvent(rt, instance, id, boundary.timer, variables);
    } catch (error) {
      if (!(error instanceof FeelError)) throw error;
      // Nothing stays armed: resolving the incident arms every boundary event again.
      await rt.disarmBoundaryEvents(instance);
      await rt.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', `Boundary event '${id}': ${error.message}`);
      return false;
    }
  }
  // Message and signal boundary events subscribe here too: a buffered message may fire at once.
  if (await subscribeBoundaryEvents(rt, process, activity, instance, variables)) return true;
  // Still active means an incident was raised rather than an interrupting event taken.
  if ((await rt.instances.element(instance.key))?.state === 'ACTIVE') await rt.disarmBoundaryEvents(instance);
  return false;
}
