import { FeelError } from '../../feel/index.ts';
import type { ExecutableProcess, FlowElement } from '../../model/types.ts';
import { eventBasedGatewayTriggered } from '../elements/event-based-gateway.ts';
import { applyEventPayload } from './event-payload.ts';
import { type Scope, triggerEventSubProcess } from './event-sub-processes.ts';
import { nextBufferedMessage, recordCorrelation } from './message-buffer.ts';
import type { Runtime } from './runtime.ts';
import type { ElementInstance } from './state.ts';
import {
  closeSubscriptions,
  type MessageSubscription,
  openSubscription,
  type Subscription,
} from './subscriptions.ts';

/**
 * A message or signal reaches the element its subscription belongs to (ZEEBE-SEMANTICS §6,
 * §8). An event sub-process start starts its event sub-process in the scope; a boundary event
 * interrupts its activity or runs beside it; a catch event or receive task takes the payload
 * and completes. The payload propagates unless output mappings restrict it (§1). Returns
 * false when the owner has already ended, so nothing happened.
 */
export async function triggerSubscription(
  rt: Runtime,
  subscription: Subscription,
  variables: Record<string, unknown>,
): Promise<boolean> {
  const process = await rt.loadProcess(subscription.definitionKey);
  const element = process.elements[subscription.elementId] as FlowElement;
  if (element.type === 'startEvent') {
    const scope = { key: subscription.ownerKey, processInstanceKey: subscription.processInstanceKey };
    if (!(await scopeActive(rt, scope))) return false;
    await triggerEventSubProcess(rt, process, element, scope, { variables, propagate: true });
    return true;
  }
  const owner = await rt.instances.element(subscription.ownerKey);
  if (owner?.state !== 'ACTIVE') return false;
  if (element.type === 'boundaryEvent') {
    if (element.cancelActivity !== false) await rt.terminate(owner);
    await rt.activate(process, element.id, owner.flowScopeKey, owner.processInstanceKey, (event) =>
      applyEventPayload(rt, element, event, variables, true),
    );
    return true;
  }
  if (owner.elementType === 'eventBasedGateway') {
    await eventBasedGatewayTriggered(rt, process, owner, element, variables);
    return true;
  }
  await closeSubscriptions(rt, owner.key, [element.id]);
  if (await applyEventPayload(rt, element, owner, variables, true)) {
    await rt.complete(process, owner, element.outgoing);
  } else {
    // The output mappings failed: resolving the incident runs them again and completes it.
    await rt.instances.setElementState(owner.key, 'COMPLETING');
  }
  return true;
}

/** A new message subscription takes the oldest buffered message not yet sent to its process id. */
export async function correlateBufferedMessage(
  rt: Runtime,
  subscription: MessageSubscription,
): Promise<boolean> {
  const message = await nextBufferedMessage(
    rt,
    [subscription.messageName],
    subscription.correlationKey,
    subscription.bpmnProcessId,
  );
  if (!message) return false;
  await recordCorrelation(rt, message.key, subscription.bpmnProcessId);
  return triggerSubscription(rt, subscription, message.variables);
}

/**
 * Opens the message and signal subscriptions of an element that has started to wait (a catch
 * event, a receive task) or of an activity's boundary events, then lets buffered messages in.
 * `owner` raises the incident when a name or correlation key cannot be evaluated. Returns
 * whether `owner` is still waiting afterwards.
 */
export async function subscribe(
  rt: Runtime,
  owner: ElementInstance,
  elements: readonly FlowElement[],
  variables: Record<string, unknown>,
): Promise<boolean> {
  const opened: Subscription[] = [];
  for (const element of elements) {
    try {
      opened.push(await openSubscription(rt, owner, element, variables));
    } catch (error) {
      if (!(error instanceof FeelError)) throw error;
      await closeSubscriptions(
        rt,
        owner.key,
        opened.map((s) => s.elementId),
      );
      await rt.raiseIncident(owner, 'EXTRACT_VALUE_ERROR', error.message);
      return false;
    }
  }
  for (const subscription of opened) {
    if (!(await stillActive(rt, owner.key))) return false;
    if (subscription.kind === 'message')
      await correlateBufferedMessage(rt, subscription as MessageSubscription);
  }
  return stillActive(rt, owner.key);
}

/** The message and signal boundary events of an activity that has started to wait. */
export async function subscribeBoundaryEvents(
  rt: Runtime,
  process: ExecutableProcess,
  activity: FlowElement,
  instance: ElementInstance,
  variables: Record<string, unknown>,
): Promise<boolean> {
  const events = (activity.boundaryEventIds ?? [])
    .map((id) => process.elements[id] as FlowElement)
    .filter((event) => event.eventKind === 'message' || event.eventKind === 'signal');
  if (events.length === 0) return true;
  return subscribe(rt, instance, events, variables);
}

/**
 * Opens the subscription of a message or signal start of an event sub-process in `scope`
 * (its correlation key evaluated in the scope's variables). Returns false when the scope must
 * not go on: an incident was raised on it, or a buffered message started an interrupting one.
 */
export async function subscribeEventSubProcessStart(
  rt: Runtime,
  process: ExecutableProcess,
  start: FlowElement,
  scope: Scope,
): Promise<boolean> {
  const atProcess = scope.key === scope.processInstanceKey;
  const instance = atProcess ? undefined : await rt.instances.element(scope.key);
  const chain = instance ? await rt.scopeChain(instance) : [scope.key];
  let subscription: Subscription;
  try {
    subscription = await openSubscription(rt, scope, start, await rt.variables.visible(chain));
  } catch (error) {
    if (!(error instanceof FeelError)) throw error;
    const elementId = instance?.elementId ?? process.bpmnProcessId;
    await rt.raiseIncident({ ...scope, elementId }, 'EXTRACT_VALUE_ERROR', error.message);
    return false;
  }
  if (subscription.kind !== 'message') return true;
  const triggered = await correlateBufferedMessage(rt, subscription as MessageSubscription);
  return !(triggered && start.interrupting !== false);
}

async function stillActive(rt: Runtime, key: string): Promise<boolean> {
  return (await rt.instances.element(key))?.state === 'ACTIVE';
}

async function scopeActive(rt: Runtime, scope: Scope): Promise<boolean> {
  if (scope.key === scope.processInstanceKey)
    return (await rt.instances.process(scope.key))?.state === 'ACTIVE';
  return stillActive(rt, scope.key);
}
