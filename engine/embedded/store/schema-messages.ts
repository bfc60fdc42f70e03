/**
 * Tables for messages and signals (ZEEBE-SEMANTICS §6, §8), appended to the engine schema.
 * Subscriptions belong to an element instance (`element_instance_key`: the catch event, the
 * activity of a boundary event, or the scope of an event sub-process) and go when it ends.
 */
export function messageTables(dialect: 'sqlite' | 'mysql'): string[] {
  const key = dialect === 'mysql' ? 'BIGINT' : 'INTEGER';
  const text = dialect === 'mysql' ? 'VARCHAR(255)' : 'TEXT';
  const blob = dialect === 'mysql' ? 'LONGTEXT' : 'TEXT';
  const table = dialect === 'mysql' ? 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin' : '';
  // MySQL 8 has no CREATE INDEX IF NOT EXISTS: there, indexes are declared inside the table.
  const indexes = (name: string, on: string, list: Record<string, string>) =>
    dialect === 'mysql'
      ? {
          inline: Object.entries(list)
            .map(([n, columns]) => `, INDEX ${name}_${n} (${columns})`)
            .join(''),
          after: [],
        }
      : {
          inline: '',
          after: Object.entries(list).map(
            ([n, columns]) => `CREATE INDEX IF NOT EXISTS ${name}_${n} ON ${on} (${columns})`,
          ),
        };
  const subscriptions = indexes('engine_msg_subs', 'engine_message_subscriptions', {
    name: 'message_name, correlation_key',
    owner: 'element_instance_key',
    instance: 'process_instance_key',
  });
  const signals = indexes('engine_signal_subs', 'engine_signal_subscriptions', {
    name: 'signal_name',
    owner: 'element_instance_key',
    instance: 'process_instance_key',
  });
  const starts = indexes('engine_start_subs', 'engine_start_subscriptions', {
    name: 'kind, event_name',
    process: 'bpmn_process_id',
  });
  const messages = indexes('engine_messages', 'engine_messages', {
    name: 'name, correlation_key',
    expiry: 'expires_at',
  });
  const locks = indexes('engine_msg_locks', 'engine_message_start_locks', {
    process: 'bpmn_process_id, correlation_key',
  });
  return [
    `CREATE TABLE IF NOT EXISTS engine_message_subscriptions (
      subscription_key ${key} PRIMARY KEY,
      element_instance_key ${key} NOT NULL,
      process_instance_key ${key} NOT NULL,
      definition_key ${key} NOT NULL,
      bpmn_process_id ${text} NOT NULL,
      element_id ${text} NOT NULL,
      message_name ${text} NOT NULL,
      correlation_key ${text} NOT NULL,
      created_at BIGINT NOT NULL
      ${subscriptions.inline}
    ) ${table}`,
    ...subscriptions.after,
    `CREATE TABLE IF NOT EXISTS engine_signal_subscriptions (
      subscription_key ${key} PRIMARY KEY,
      element_instance_key ${key} NOT NULL,
      process_instance_key ${key} NOT NULL,
      definition_key ${key} NOT NULL,
      bpmn_process_id ${text} NOT NULL,
      element_id ${text} NOT NULL,
      signal_name ${text} NOT NULL,
      created_at BIGINT NOT NULL
      ${signals.inline}
    ) ${table}`,
    ...signals.after,
    // Message and signal start events of the latest version of each process.
    `CREATE TABLE IF NOT EXISTS engine_start_subscriptions (
      definition_key ${key} NOT NULL,
      element_id ${text} NOT NULL,
      bpmn_process_id ${text} NOT NULL,
      kind ${text} NOT NULL,
      event_name ${text} NOT NULL,
      PRIMARY KEY (definition_key, element_id)
      ${starts.inline}
    ) ${table}`,
    ...starts.after,
    // Buffered messages (TTL > 0) until they expire by the engine clock.
    `CREATE TABLE IF NOT EXISTS engine_messages (
      message_key ${key} PRIMARY KEY,
      name ${text} NOT NULL,
      correlation_key ${text} NOT NULL,
      message_id ${text} NOT NULL,
      variables ${blob} NOT NULL,
      expires_at BIGINT NOT NULL,
      created_at BIGINT NOT NULL
      ${messages.inline}
    ) ${table}`,
    ...messages.after,
    // The process ids a buffered message has gone to: at most once each.
    `CREATE TABLE IF NOT EXISTS engine_message_correlations (
      message_key ${key} NOT NULL,
      bpmn_process_id ${text} NOT NULL,
      PRIMARY KEY (message_key, bpmn_process_id)
    ) ${table}`,
    // Active instances a message with a correlation key started: no second one for that key.
    `CREATE TABLE IF NOT EXISTS engine_message_start_locks (
      process_instance_key ${key} PRIMARY KEY,
      bpmn_process_id ${text} NOT NULL,
      correlation_key ${text} NOT NULL
      ${locks.inline}
    ) ${table}`,
    ...locks.after,
  ];
}
