import { subscribe } from '../runtime/event-trigger.ts';
import { enterWithInputs } from '../runtime/mappings.ts';
import type { ElementBehavior } from './behavior.ts';
import { timerCatchEvent } from './timer-catch-event.ts';

/**
 * An intermediate catch event. Timer: see timer-catch-event.ts. Message and signal: input
 * mappings become locals, then the token waits on a subscription whose name and correlation
 * key are evaluated once, here (ZEEBE-SEMANTICS §6, §8); a buffered message may complete it
 * at once. The trigger (event-trigger.ts) lands the payload and passes the token on.
 */
export const intermediateCatchEvent: ElementBehavior = {
  async activate(rt, process, element, instance) {
    if (element.eventKind !== 'message' && element.eventKind !== 'signal')
      return timerCatchEvent.activate(rt, process, element, instance);
    const visible = (await enterWithInputs(rt, element, instance))?.visible;
    if (visible) await subscribe(rt, instance, [element], visible);
  },
};
