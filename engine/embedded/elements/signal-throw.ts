import { FeelError } from '../../feel/index.ts';
import type { FlowElement } from '../../model/types.ts';
import { deliverSignal } from '../commands/broadcast-signal.ts';
import { enterWithInputs } from '../runtime/mappings.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { ElementInstance } from '../runtime/state.ts';
import { eventName } from '../runtime/subscriptions.ts';

/**
 * A signal intermediate throw or end event broadcasts its signal (ZEEBE-SEMANTICS §8): the
 * payload is the event's input-mapped locals. The signal may interrupt a scope around the
 * thrower; returns whether the thrower is still there to go on (false also after an incident).
 */
export async function throwSignal(
  rt: Runtime,
  element: FlowElement,
  instance: ElementInstance,
): Promise<boolean> {
  if (!element.signal) throw new Error(`Element '${element.id}' has no signal`);
  const entered = await enterWithInputs(rt, element, instance);
  if (!entered) return false;
  const { visible, locals } = entered;
  let name: string;
  try {
    name = eventName(element.signal.name, { ...visible, ...locals }, rt.now);
  } catch (error) {
    if (!(error instanceof FeelError)) throw error;
    await rt.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', error.message);
    return false;
  }
  await deliverSignal(rt, name, locals);
  return (await rt.instances.element(instance.key))?.state === 'ACTIVE';
}
