import { evaluateDetailed, FeelError, typeMismatchMessage } from '../../feel/index.ts';
import { warningsSuffix } from '../../feel/warnings.ts';
import type { FlowElement, ValueOrExpression } from '../../model/types.ts';
import type { Runtime } from './runtime.ts';

/**
 * Rows of message and signal subscriptions (ZEEBE-SEMANTICS §6, §8). A subscription is owned
 * by an element instance (a catch event or receive task itself, the activity of a boundary
 * event, or the scope of an event sub-process start) and goes when its owner ends.
 */
export interface Subscription {
  kind: 'message' | 'signal';
  key: string;
  /** The owning element instance, or the process instance for its event sub-processes. */
  ownerKey: string;
  processInstanceKey: string;
  definitionKey: string;
  bpmnProcessId: string;
  /** The element the trigger activates: a catch event, receive task, boundary event or start event. */
  elementId: string;
}

export interface MessageSubscription extends Subscription {
  kind: 'message';
  messageName: string;
  correlationKey: string;
}

/** Who owns a subscription: an element instance (or the process instance) of a process instance. */
export interface Owner {
  key: string;
  processInstanceKey: string;
}

interface Row {
  subscription_key: unknown;
  element_instance_key: unknown;
  process_instance_key: unknown;
  definition_key: unknown;
  bpmn_process_id: string;
  element_id: string;
  message_name?: string;
  correlation_key?: string;
}

const TABLE = { message: 'engine_message_subscriptions', signal: 'engine_signal_subscriptions' } as const;

/** An event's message or signal name: static, or FEEL that must give a string. Throws FeelError. */
export function eventName(name: ValueOrExpression, variables: Record<string, unknown>, now: number): string {
  if (name.kind === 'static') return name.value;
  const result = evaluateDetailed(name.source, variables, now);
  if (typeof result.value !== 'string')
    throw new FeelError(typeMismatchMessage(name.source, 'STRING', result));
  return result.value;
}

/**
 * The correlation key, evaluated once as the subscription opens: a string, or a number as its
 * integer part (`12.7` → `"12"`, as Zeebe's `longValue()`); anything else fails. Throws FeelError.
 */
export function correlationKeyOf(source: string, variables: Record<string, unknown>, now: number): string {
  const result = evaluateDetailed(source, variables, now);
  if (typeof result.value === 'string') return result.value;
  if (typeof result.value === 'number' && Number.isFinite(result.value))
    return BigInt(Math.trunc(result.value)).toString();
  throw new FeelError(
    `Failed to extract the correlation key for '${source}': The value must be either a string or a number, but was '${result.type}'.` +
      warningsSuffix(result.warnings),
  );
}

/**
 * Opens the subscription of a message or signal element for `owner`, evaluating its name (and
 * correlation key) in `variables`. Throws FeelError; the caller raises the incident where
 * Zeebe does. Opening again for the same owner and element replaces the old row, so a step
 * retried after an incident does not subscribe twice.
 */
export async function openSubscription(
  rt: Runtime,
  owner: Owner,
  element: FlowElement,
  variables: Record<string, unknown>,
): Promise<Subscription> {
  const process = await rt.instances.process(owner.processInstanceKey);
  if (!process) throw new Error(`No process instance ${owner.processInstanceKey}`);
  const base = {
    key: await rt.tx.nextKey(),
    ownerKey: owner.key,
    processInstanceKey: owner.processInstanceKey,
    definitionKey: process.definitionKey,
    bpmnProcessId: process.bpmnProcessId,
    elementId: element.id,
  };
  const common = [base.key, base.ownerKey, base.processInstanceKey, base.definitionKey, base.bpmnProcessId];
  if (element.message) {
    const messageName = eventName(element.message.name, variables, rt.now);
    const source = element.message.correlationKey;
    if (source === undefined) throw new Error(`Message of '${element.id}' has no correlation key`);
    const correlationKey = correlationKeyOf(source, variables, rt.now);
    await closeSubscriptions(rt, owner.key, [element.id]);
    await rt.tx.run(
      `INSERT INTO engine_message_subscriptions (subscription_key, element_instance_key, process_instance_key,
         definition_key, bpmn_process_id, element_id, message_name, correlation_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [...common, element.id, messageName, correlationKey, rt.now],
    );
    return { kind: 'message', ...base, messageName, correlationKey } as MessageSubscription;
  }
  if (!element.signal) throw new Error(`Element '${element.id}' waits for neither a message nor a signal`);
  const signalName = eventName(element.signal.name, variables, rt.now);
  await closeSubscriptions(rt, owner.key, [element.id]);
  await rt.tx.run(
    `INSERT INTO engine_signal_subscriptions (subscription_key, element_instance_key, process_instance_key,
       definition_key, bpmn_process_id, element_id, signal_name, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [...common, element.id, signalName, rt.now],
  );
  return { kind: 'signal', ...base };
}

/** Removes the subscriptions `ownerKey` holds, only those of `elementIds` when given. */
export async function closeSubscriptions(rt: Runtime, ownerKey: string, elementIds?: readonly string[]) {
  if (elementIds?.length === 0) return;
  const only = elementIds ? ` AND element_id IN (${elementIds.map(() => '?').join(', ')})` : '';
  for (const table of Object.values(TABLE))
    await rt.tx.run(`DELETE FROM ${table} WHERE element_instance_key = ?${only}`, [
      ownerKey,
      ...(elementIds ?? []),
    ]);
}

/** Removes every subscription of a process instance that has ended. */
export async function closeInstanceSubscriptions(rt: Runtime, processInstanceKey: string) {
  for (const table of Object.values(TABLE))
    await rt.tx.run(`DELETE FROM ${table} WHERE process_instance_key = ?`, [processInstanceKey]);
}

/** Open message subscriptions for a name and correlation key, oldest first. */
export async function messageSubscriptions(
  rt: Runtime,
  name: string,
  correlationKey: string,
): Promise<MessageSubscription[]> {
  const rows = await rt.tx.all<Row>(
    `SELECT * FROM engine_message_subscriptions WHERE message_name = ? AND correlation_key = ?
     ORDER BY subscription_key`,
    [name, correlationKey],
  );
  return rows.map((row) => toSubscription('message', row) as MessageSubscription);
}

/** Open signal subscriptions for a name, oldest first. */
export async function signalSubscriptions(rt: Runtime, name: string): Promise<Subscription[]> {
  const rows = await rt.tx.all<Row>(
    'SELECT * FROM engine_signal_subscriptions WHERE signal_name = ? ORDER BY subscription_key',
    [name],
  );
  return rows.map((row) => toSubscription('signal', row));
}

/** Whether a subscription is still open (an earlier trigger in the same command may have closed it). */
export async function isOpen(rt: Runtime, subscription: Subscription): Promise<boolean> {
  const rows = await rt.tx.all(
    `SELECT 1 AS open FROM ${TABLE[subscription.kind]} WHERE subscription_key = ?`,
    [subscription.key],
  );
  return rows.length > 0;
}

function toSubscription(kind: 'message' | 'signal', row: Row): Subscription {
  return {
    kind,
    key: String(row.subscription_key),
    ownerKey: String(row.element_instance_key),
    processInstanceKey: String(row.process_instance_key),
    definitionKey: String(row.definition_key),
    bpmnProcessId: row.bpmn_process_id,
    elementId: row.element_id,
    ...(kind === 'message' ? { messageName: row.message_name, correlationKey: row.correlation_key } : {}),
  };
}
