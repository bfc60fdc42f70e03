import { triggerSubscription } from '../runtime/event-trigger.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { startInstanceByEvent, startSubscriptions } from '../runtime/start-by-event.ts';
import { isOpen, signalSubscriptions } from '../runtime/subscriptions.ts';

/** BroadcastSignal (ZEEBE-SEMANTICS §8): delivers the signal and returns its key. */
export async function broadcastSignal(
  rt: Runtime,
  name: string,
  variables: Record<string, unknown>,
): Promise<string> {
  const key = await rt.tx.nextKey();
  await deliverSignal(rt, name, variables);
  return key;
}

/**
 * A signal triggers every subscription with its name open at this moment (catch events,
 * boundary events, event sub-process starts) and starts one new instance of each latest
 * process version with a signal start event of that name. It is not buffered.
 */
export async function deliverSignal(rt: Runtime, name: string, variables: Record<string, unknown>) {
  const subscriptions = await signalSubscriptions(rt, name);
  const starts = await startSubscriptions(rt, 'signal', name);
  for (const subscription of subscriptions)
    if (await isOpen(rt, subscription)) await triggerSubscription(rt, subscription, variables);
  for (const start of starts) await startInstanceByEvent(rt, start, variables);
}
