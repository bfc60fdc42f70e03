import type { CodeDefinition } from '../../model/types.ts';
import { throwEvent } from '../runtime/throw.ts';
import type { ElementBehavior } from './behavior.ts';
import { throwCode } from './end-event.ts';
import { jobTask } from './job-task.ts';
import { throwSignal } from './signal-throw.ts';

/**
 * An intermediate throw event. None: passes the token on. Escalation: thrown to the nearest
 * catch (§7); the token goes on unless an interrupting catch ended this scope. Uncaught
 * escalations are not incidents. Message: runs as a job, like a send task; its completion
 * passes the token on. Signal: broadcast with the event's input-mapped locals (§8).
 */
export const intermediateThrowEvent: ElementBehavior = {
  async activate(rt, process, element, instance) {
    if (element.eventKind === 'message') return jobTask.activate(rt, process, element, instance);
    if (element.eventKind === 'signal') {
      if (!(await throwSignal(rt, element, instance))) return;
      return rt.complete(process, instance, element.outgoing);
    }
    if (element.eventKind === 'escalation') {
      const code = await throwCode(rt, instance, element.escalation as CodeDefinition);
      if (code === undefined) return;
      const outcome = await throwEvent(
        rt,
        process,
        instance,
        { kind: 'escalation', code, variables: {} },
        false,
      );
      if (outcome.interrupted) return;
    }
    return rt.complete(process, instance, element.outgoing);
  },
};
