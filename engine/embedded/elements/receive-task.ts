import { subscribe } from '../runtime/event-trigger.ts';
import { enterWithInputs } from '../runtime/mappings.ts';
import type { ElementBehavior } from './behavior.ts';
import { armBoundaryTimers } from './boundary-timers.ts';

/**
 * A receive task acts like an intermediate message catch event (ZEEBE-SEMANTICS §6) that can
 * carry boundary events: input mappings, then its message subscription (a buffered message
 * may complete it at once), then its boundary events while it waits.
 */
export const receiveTask: ElementBehavior = {
  async activate(rt, process, element, instance) {
    const visible = (await enterWithInputs(rt, element, instance))?.visible;
    if (!visible || !(await subscribe(rt, instance, [element], visible))) return;
    if (element.boundaryEventIds) await armBoundaryTimers(rt, process, element, instance, visible);
  },
};
