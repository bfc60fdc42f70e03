import { evaluate, FeelError } from '../../feel/index.ts';
import type { CodeDefinition } from '../../model/types.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { ElementInstance } from '../runtime/state.ts';
import { throwEvent, uncaughtErrorMessage } from '../runtime/throw.ts';
import type { ElementBehavior } from './behavior.ts';
import { jobTask } from './job-task.ts';
import { throwSignal } from './signal-throw.ts';

/**
 * End events. None: the token ends and the scope completes when none is left. Terminate: every
 * other token of the scope ends first, so the scope completes at once (§9). Error: thrown to
 * the nearest catch; uncaught, an incident waits on the end event (§7). Escalation: thrown;
 * unless an interrupting catch ended this scope, the token ends here. Message: runs as a job,
 * like a send task. Signal: broadcast with the event's input-mapped locals first (§8).
 */
export const endEvent: ElementBehavior = {
  async activate(rt, process, element, instance) {
    // Message end events run as jobs, like send tasks; a signal end event broadcasts first.
    if (element.eventKind === 'message') return jobTask.activate(rt, process, element, instance);
    if (element.eventKind === 'signal' && !(await throwSignal(rt, element, instance))) return;
    if (element.eventKind === 'terminate') {
      await rt.terminateChildren(instance.flowScopeKey, instance.key);
      return rt.complete(process, instance, []);
    }
    if (element.eventKind === 'error' || element.eventKind === 'escalation') {
      const kind = element.eventKind;
      const code = await throwCode(rt, instance, element[kind] as CodeDefinition);
      if (code === undefined) return;
      const outcome = await throwEvent(rt, process, instance, { kind, code, variables: {} }, false);
      if (kind === 'error') {
        if (!outcome.caught)
          await rt.raiseIncident(
            instance,
            'UNHANDLED_ERROR_EVENT',
            uncaughtErrorMessage(code, undefined, outcome.available),
          );
        return;
      }
      if (outcome.interrupted) return;
    }
    return rt.complete(process, instance, []);
  },
};

/** A throw event's code: static, or a FEEL expression that must give a string. Undefined: incident raised. */
export async function throwCode(
  rt: Runtime,
  instance: ElementInstance,
  definition: CodeDefinition,
): Promise<string | undefined> {
  const code = definition.code;
  if (code === undefined) return '';
  if (code.kind === 'static') return code.value;
  try {
    const value = evaluate(code.source, await rt.variables.visible(await rt.scopeChain(instance)), rt.now);
    if (typeof value !== 'string')
      throw new FeelError(
        `Expected result of the expression '${code.source}' to be 'STRING', but was '${value === null ? 'NULL' : typeof value}'.`,
      );
    return value;
  } catch (error) {
    if (!(error instanceof FeelError)) throw error;
    await rt.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', error.message);
    return undefined;
  }
}
