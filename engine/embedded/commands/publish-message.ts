import { GatewayError } from '../../gateway/errors.ts';
import { triggerSubscription } from '../runtime/event-trigger.ts';
import {
  bufferMessage,
  forgetCorrelation,
  messageExists,
  recordCorrelation,
  removeExpiredMessages,
} from '../runtime/message-buffer.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { startInstanceByEvent, startLocked, startSubscriptions } from '../runtime/start-by-event.ts';
import { isOpen, messageSubscriptions } from '../runtime/subscriptions.ts';

export interface PublishMessageRequest {
  name: string;
  correlationKey: string;
  /** Milliseconds the message stays buffered; 0 or less: not buffered. */
  timeToLive: number;
  messageId: string;
  variables: Record<string, unknown>;
}

/**
 * PublishMessage (ZEEBE-SEMANTICS §6). The message goes to the open subscriptions with its
 * name and correlation key, at most one per BPMN process id (the oldest), then to the message
 * start events of process ids not served yet: one new instance each, unless an active
 * instance of that process was started with the same non-empty correlation key. With a time
 * to live it stays buffered for subscriptions opened later. Returns the message key.
 */
export async function publishMessage(rt: Runtime, request: PublishMessageRequest): Promise<string> {
  const { name, correlationKey, messageId, variables } = request;
  await removeExpiredMessages(rt);
  if (messageId !== '' && (await messageExists(rt, name, correlationKey, messageId))) {
    throw GatewayError.rejected(
      'PUBLISH',
      'ALREADY_EXISTS',
      `Expected to publish a new message with id '${messageId}', but a message with that id was already published`,
    );
  }
  const key = await rt.tx.nextKey();
  const buffered = request.timeToLive > 0;
  if (buffered) {
    const expiresAt = rt.now + request.timeToLive;
    await bufferMessage(rt, { key, name, correlationKey, variables, messageId, expiresAt });
  }

  // Who gets the message is decided before anything runs, as Zeebe decides it on publishing.
  const served = new Set<string>();
  const subscriptions = (await messageSubscriptions(rt, name, correlationKey)).filter((s) => {
    if (served.has(s.bpmnProcessId)) return false;
    served.add(s.bpmnProcessId);
    return true;
  });
  const starts = [];
  for (const start of await startSubscriptions(rt, 'message', name)) {
    if (served.has(start.bpmnProcessId)) continue;
    if (correlationKey !== '' && (await startLocked(rt, start.bpmnProcessId, correlationKey))) continue;
    served.add(start.bpmnProcessId);
    starts.push(start);
  }
  if (buffered) for (const bpmnProcessId of served) await recordCorrelation(rt, key, bpmnProcessId);

  for (const subscription of subscriptions) {
    const triggered =
      (await isOpen(rt, subscription)) && (await triggerSubscription(rt, subscription, variables));
    if (!triggered && buffered) await forgetCorrelation(rt, key, subscription.bpmnProcessId);
  }
  for (const start of starts) await startInstanceByEvent(rt, start, variables, correlationKey);
  return key;
}
