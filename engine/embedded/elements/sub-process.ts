import { completeTask } from '../commands/complete-task.ts';
import { openEventSubProcesses } from '../runtime/event-sub-processes.ts';
import { enterWithInputs } from '../runtime/mappings.ts';
import type { ElementBehavior } from './behavior.ts';
import { armBoundaryTimers } from './boundary-timers.ts';

/**
 * An embedded sub-process (ZEEBE-SEMANTICS §9): a scope of its own. Input mappings become its
 * locals, its boundary timers and event sub-processes are armed, then its none start event
 * runs. When its last token has gone it completes like a task: output mappings decide what
 * leaves it, and its locals stay behind. An event sub-process is activated by its trigger,
 * which then starts it at its start event (see runtime/event-sub-processes.ts).
 */
export const subProcess: ElementBehavior = {
  async activate(rt, process, element, instance) {
    if (element.triggeredByEvent) return;
    const entered = await enterWithInputs(rt, element, instance);
    if (!entered) return;
    if (
      element.boundaryEventIds &&
      !(await armBoundaryTimers(rt, process, element, instance, entered.visible))
    )
      return;
    if (!(await openEventSubProcesses(rt, process, element.eventSubProcessIds, instance))) return;
    await rt.activate(process, element.startEventId as string, instance.key, instance.processInstanceKey);
  },

  async completeScope(rt, process, element, instance) {
    if (element.outputMappings.length === 0) return rt.complete(process, instance, element.outgoing);
    await completeTask(rt, process, element, instance, {});
  },
};
