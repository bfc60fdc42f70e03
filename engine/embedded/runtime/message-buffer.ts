import type { Runtime } from './runtime.ts';

/** A published message kept for its time to live (ZEEBE-SEMANTICS §6). */
export interface BufferedMessage {
  key: string;
  name: string;
  correlationKey: string;
  variables: Record<string, unknown>;
}

interface Row {
  message_key: unknown;
  name: string;
  correlation_key: string;
  variables: string;
}

const toMessage = (row: Row): BufferedMessage => ({
  key: String(row.message_key),
  name: row.name,
  correlationKey: row.correlation_key,
  variables: JSON.parse(row.variables),
});

/**
 * Removes messages whose time to live has run out by the engine clock, with the record of
 * where they went. Until then an expired message cannot correlate (every lookup checks the
 * deadline) but still counts as a duplicate.
 */
export async function removeExpiredMessages(rt: Runtime): Promise<void> {
  await rt.tx.run(
    `DELETE FROM engine_message_correlations
     WHERE message_key IN (SELECT message_key FROM engine_messages WHERE expires_at <= ?)`,
    [rt.now],
  );
  await rt.tx.run('DELETE FROM engine_messages WHERE expires_at <= ?', [rt.now]);
}

/** Whether a stored message has this name, correlation key and message id. */
export async function messageExists(
  rt: Runtime,
  name: string,
  correlationKey: string,
  messageId: string,
): Promise<boolean> {
  const rows = await rt.tx.all(
    'SELECT 1 AS found FROM engine_messages WHERE name = ? AND correlation_key = ? AND message_id = ?',
    [name, correlationKey, messageId],
  );
  return rows.length > 0;
}

export async function bufferMessage(
  rt: Runtime,
  message: BufferedMessage & { messageId: string; expiresAt: number },
): Promise<void> {
  await rt.tx.run(
    `INSERT INTO engine_messages (message_key, name, correlation_key, message_id, variables, expires_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      message.key,
      message.name,
      message.correlationKey,
      message.messageId,
      JSON.stringify(message.variables),
      message.expiresAt,
      rt.now,
    ],
  );
}

/** Records that a buffered message went to a process id: it never goes there again. */
export async function recordCorrelation(
  rt: Runtime,
  messageKey: string,
  bpmnProcessId: string,
): Promise<void> {
  await rt.tx.run('INSERT INTO engine_message_correlations (message_key, bpmn_process_id) VALUES (?, ?)', [
    messageKey,
    bpmnProcessId,
  ]);
}

export async function forgetCorrelation(
  rt: Runtime,
  messageKey: string,
  bpmnProcessId: string,
): Promise<void> {
  await rt.tx.run('DELETE FROM engine_message_correlations WHERE message_key = ? AND bpmn_process_id = ?', [
    messageKey,
    bpmnProcessId,
  ]);
}

/**
 * The oldest unexpired message with one of `names` and this correlation key that has not gone
 * to `bpmnProcessId` yet: what a new subscription (or a start event freed for this key) takes.
 */
export async function nextBufferedMessage(
  rt: Runtime,
  names: readonly string[],
  correlationKey: string,
  bpmnProcessId: string,
): Promise<BufferedMessage | undefined> {
  if (names.length === 0) return undefined;
  const [row] = await rt.tx.all<Row>(
    `SELECT m.message_key, m.name, m.correlation_key, m.variables FROM engine_messages m
     WHERE m.name IN (${names.map(() => '?').join(', ')}) AND m.correlation_key = ? AND m.expires_at > ?
       AND NOT EXISTS (SELECT 1 FROM engine_message_correlations c
                       WHERE c.message_key = m.message_key AND c.bpmn_process_id = ?)
     ORDER BY m.message_key LIMIT 1`,
    [...names, correlationKey, rt.now, bpmnProcessId],
  );
  return row && toMessage(row);
}
