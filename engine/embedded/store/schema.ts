import { messageTables } from './schema-messages.ts';

/**
 * The embedded engine's tables, per dialect. Keys are 64-bit integers in Zeebe's format
 * (DESIGN seam 6); times are epoch milliseconds from the engine clock.
 */
export function engineSchema(dialect: 'sqlite' | 'mysql'): string[] {
  const key = dialect === 'mysql' ? 'BIGINT' : 'INTEGER';
  const text = dialect === 'mysql' ? 'VARCHAR(255)' : 'TEXT';
  const blob = dialect === 'mysql' ? 'LONGTEXT' : 'TEXT';
  // MySQL 8 has no CREATE INDEX IF NOT EXISTS: there, indexes are declared inside the table.
  const index = (name: string, columns: string) =>
    dialect === 'mysql' ? `, INDEX ${name} (${columns})` : '';
  const createIndex = (name: string, on: string, columns: string) =>
    dialect === 'sqlite' ? [`CREATE INDEX IF NOT EXISTS ${name} ON ${on} (${columns})`] : [];
  const table = dialect === 'mysql' ? 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin' : '';
  return [
    `CREATE TABLE IF NOT EXISTS engine_key_counter (
      partition_id INTEGER PRIMARY KEY,
      next_key ${key} NOT NULL
    ) ${table}`,
    `CREATE TABLE IF NOT EXISTS engine_lease (
      id INTEGER PRIMARY KEY,
      holder ${text} NOT NULL,
      host ${text} NOT NULL,
      pid INTEGER NOT NULL,
      expires_at BIGINT NOT NULL
    ) ${table}`,
    `CREATE TABLE IF NOT EXISTS engine_deployments (
      deployment_key ${key} PRIMARY KEY,
      created_at BIGINT NOT NULL
    ) ${table}`,
    `CREATE TABLE IF NOT EXISTS engine_process_definitions (
      definition_key ${key} PRIMARY KEY,
      bpmn_process_id ${text} NOT NULL,
      version INTEGER NOT NULL,
      resource_name ${text} NOT NULL,
      checksum CHAR(64) NOT NULL,
      deployment_key ${key} NOT NULL,
      resource ${blob} NOT NULL,
      created_at BIGINT NOT NULL,
      UNIQUE (bpmn_process_id, version)
    ) ${table}`,
    `CREATE TABLE IF NOT EXISTS engine_process_instances (
      instance_key ${key} PRIMARY KEY,
      definition_key ${key} NOT NULL,
      bpmn_process_id ${text} NOT NULL,
      version INTEGER NOT NULL,
      state ${text} NOT NULL,
      created_at BIGINT NOT NULL,
      ended_at BIGINT
    ) ${table}`,
    `CREATE TABLE IF NOT EXISTS engine_element_instances (
      element_instance_key ${key} PRIMARY KEY,
      process_instance_key ${key} NOT NULL,
      flow_scope_key ${key} NOT NULL,
      element_id ${text} NOT NULL,
      element_type ${text} NOT NULL,
      state ${text} NOT NULL,
      created_at BIGINT NOT NULL,
      ended_at BIGINT
      ${index('engine_element_instances_scope', 'flow_scope_key, state')}
    ) ${table}`,
    ...createIndex('engine_element_instances_scope', 'engine_element_instances', 'flow_scope_key, state'),
    `CREATE TABLE IF NOT EXISTS engine_variables (
      scope_key ${key} NOT NULL,
      name ${text} NOT NULL,
      value ${blob} NOT NULL,
      process_instance_key ${key} NOT NULL,
      variable_key ${key},
      PRIMARY KEY (scope_key, name)
      ${index('engine_variables_key', 'variable_key')}
    ) ${table}`,
    ...createIndex('engine_variables_key', 'engine_variables', 'variable_key'),
    `CREATE TABLE IF NOT EXISTS engine_jobs (
      job_key ${key} PRIMARY KEY,
      type ${text} NOT NULL,
      state ${text} NOT NULL,
      retries INTEGER NOT NULL,
      worker ${text} NOT NULL,
      deadline BIGINT NOT NULL,
      element_instance_key ${key} NOT NULL,
      process_instance_key ${key} NOT NULL,
      definition_key ${key} NOT NULL,
      bpmn_process_id ${text} NOT NULL,
      version INTEGER NOT NULL,
      element_id ${text} NOT NULL,
      custom_headers ${blob} NOT NULL,
      error_message ${blob},
      created_at BIGINT NOT NULL
      ${index('engine_jobs_activatable', 'type, state, job_key')}
    ) ${table}`,
    ...createIndex('engine_jobs_activatable', 'engine_jobs', 'type, state, job_key'),
    `CREATE TABLE IF NOT EXISTS engine_join_tokens (
      scope_key ${key} NOT NULL,
      gateway_id ${text} NOT NULL,
      flow_id ${text} NOT NULL,
      tokens INTEGER NOT NULL,
      PRIMARY KEY (scope_key, gateway_id, flow_id)
    ) ${table}`,
    // A process instance started by a call activity: where it was called from (§9).
    `CREATE TABLE IF NOT EXISTS engine_call_links (
      child_instance_key ${key} PRIMARY KEY,
      parent_process_instance_key ${key} NOT NULL,
      parent_element_instance_key ${key} NOT NULL,
      root_process_instance_key ${key} NOT NULL
      ${index('engine_call_links_parent', 'parent_element_instance_key')}
    ) ${table}`,
    ...createIndex('engine_call_links_parent', 'engine_call_links', 'parent_element_instance_key'),
    `CREATE TABLE IF NOT EXISTS engine_timers (
      timer_key ${key} PRIMARY KEY,
      element_instance_key ${key} NOT NULL,
      process_instance_key ${key} NOT NULL,
      definition_key ${key} NOT NULL,
      element_id ${text} NOT NULL,
      due_at BIGINT NOT NULL
      ${index('engine_timers_due', 'due_at')}
    ) ${table}`,
    ...createIndex('engine_timers_due', 'engine_timers', 'due_at'),
    // Timers without an owning instance (process timer start events) have element and process
    // instance key -1, as in Zeebe. A timer that repeats (a cycle) has a row here too: how many
    // firings are left (-1: for ever) and its due date, the base of the next one.
    `CREATE TABLE IF NOT EXISTS engine_timer_cycles (
      timer_key ${key} PRIMARY KEY,
      repetitions INTEGER NOT NULL,
      due_at BIGINT NOT NULL
      ${index('engine_timer_cycles_due', 'due_at')}
    ) ${table}`,
    ...createIndex('engine_timer_cycles_due', 'engine_timer_cycles', 'due_at'),
    `CREATE TABLE IF NOT EXISTS engine_incidents (
      incident_key ${key} PRIMARY KEY,
      process_instance_key ${key} NOT NULL,
      element_instance_key ${key} NOT NULL,
      job_key ${key},
      element_id ${text} NOT NULL,
      error_type ${text} NOT NULL,
      error_message ${blob} NOT NULL,
      state ${text} NOT NULL,
      created_at BIGINT NOT NULL
    ) ${table}`,
    // DMN: one row per version of a decision requirements graph (the resource), and one per
    // version of each decision in it. Names are free text, hence TEXT.
    `CREATE TABLE IF NOT EXISTS engine_decision_requirements (
      drg_key ${key} PRIMARY KEY,
      drg_id ${text} NOT NULL,
      name TEXT NOT NULL,
      version INTEGER NOT NULL,
      resource_name ${text} NOT NULL,
      checksum CHAR(64) NOT NULL,
      deployment_key ${key} NOT NULL,
      resource ${blob} NOT NULL,
      created_at BIGINT NOT NULL,
      UNIQUE (drg_id, version)
    ) ${table}`,
    `CREATE TABLE IF NOT EXISTS engine_decisions (
      decision_key ${key} PRIMARY KEY,
      decision_id ${text} NOT NULL,
      name TEXT NOT NULL,
      version INTEGER NOT NULL,
      drg_key ${key} NOT NULL,
      drg_id ${text} NOT NULL,
      deployment_key ${key} NOT NULL,
      created_at BIGINT NOT NULL,
      UNIQUE (decision_id, version)
      ${index('engine_decisions_drg', 'drg_key')}
    ) ${table}`,
    ...createIndex('engine_decisions_drg', 'engine_decisions', 'drg_key'),
    `CREATE TABLE IF NOT EXISTS engine_forms (
      form_key ${key} PRIMARY KEY,
      form_id ${text} NOT NULL,
      version INTEGER NOT NULL,
      resource_name ${text} NOT NULL,
      checksum CHAR(64) NOT NULL,
      deployment_key ${key} NOT NULL,
      resource ${blob} NOT NULL,
      created_at BIGINT NOT NULL,
      UNIQUE (form_id, version)
    ) ${table}`,
    ...messageTables(dialect),
  ];
}

/**
 * Columns added to tables after they were first created, for engine databases made by an
 * earlier version (CREATE TABLE IF NOT EXISTS leaves those tables as they were): when the
 * table exists (`table` runs) but the column does not (`probe` fails), `apply` adds it.
 */
export function engineSchemaUpgrades(
  dialect: 'sqlite' | 'mysql',
): { table: string; probe: string; apply: string[] }[] {
  const key = dialect === 'mysql' ? 'BIGINT' : 'INTEGER';
  return [
    {
      // Variables got their own key (Zeebe's variableKey) after the first release of the schema.
      table: 'SELECT 1 FROM engine_variables WHERE 1 = 0',
      probe: 'SELECT variable_key FROM engine_variables WHERE 1 = 0',
      apply: [
        `ALTER TABLE engine_variables ADD COLUMN variable_key ${key}`,
        'CREATE INDEX engine_variables_key ON engine_variables (variable_key)',
      ],
    },
  ];
}
