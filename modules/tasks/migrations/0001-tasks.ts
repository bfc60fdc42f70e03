import { DataTypes, type QueryInterface } from 'sequelize';

const key = { type: DataTypes.STRING(20), allowNull: false };
const when = { type: DataTypes.BIGINT, allowNull: true };

/**
 * The task list (DESIGN seam 2). A task is a job-based user task: its key is the job key, so a
 * re-activated job updates its row and never adds one. Candidates and the business variables
 * a list can be filtered on have their own indexed tables; the variables themselves are kept
 * sealed (they may carry personal data) and dropped once the task is over.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  // Variables can be large: LONGTEXT on MySQL (TEXT stops at 64 KB); SQLite's TEXT has no limit.
  const long = qi.sequelize.getDialect() === 'mysql' ? DataTypes.TEXT('long') : DataTypes.TEXT;
  await qi.createTable('tasks', {
    job_key: { ...key, primaryKey: true },
    state: { type: DataTypes.STRING(12), allowNull: false },
    process_instance_key: key,
    process_definition_key: key,
    bpmn_process_id: { type: DataTypes.STRING(255), allowNull: false },
    process_name: { type: DataTypes.STRING(255), allowNull: true },
    process_version: { type: DataTypes.INTEGER, allowNull: false },
    element_id: { type: DataTypes.STRING(255), allowNull: false },
    element_instance_key: key,
    name: { type: DataTypes.STRING(255), allowNull: false },
    assignee: { type: DataTypes.STRING(100), allowNull: true },
    candidate_groups: { type: DataTypes.TEXT, allowNull: false },
    candidate_users: { type: DataTypes.TEXT, allowNull: false },
    due_at: when,
    follow_up_at: when,
    priority: { type: DataTypes.INTEGER, allowNull: false },
    form_key: { type: DataTypes.STRING(255), allowNull: true },
    form_id: { type: DataTypes.STRING(255), allowNull: true },
    custom_headers: { type: DataTypes.TEXT, allowNull: false },
    variables_sealed: { type: long, allowNull: true },
    /** What the person submitted, kept while the job's completion is in flight (crash recovery). */
    completion_sealed: { type: long, allowNull: true },
    tenant_id: { type: DataTypes.STRING(64), allowNull: false },
    created_at: { type: DataTypes.BIGINT, allowNull: false },
    updated_at: { type: DataTypes.BIGINT, allowNull: false },
    claimed_at: when,
    completing_at: when,
    completed_at: when,
    completed_by: { type: DataTypes.STRING(100), allowNull: true },
    canceled_at: when,
  });
  await qi.addIndex('tasks', ['state', 'assignee'], { name: 'tasks_state_assignee' });
  await qi.addIndex('tasks', ['state', 'due_at'], { name: 'tasks_state_due' });
  await qi.addIndex('tasks', ['state', 'priority'], { name: 'tasks_state_priority' });
  await qi.addIndex('tasks', ['process_instance_key'], { name: 'tasks_instance' });
  await qi.addIndex('tasks', ['element_instance_key'], { name: 'tasks_element_instance' });

  await qi.createTable('task_candidates', {
    task_key: { ...key, primaryKey: true },
    kind: { type: DataTypes.STRING(5), primaryKey: true, allowNull: false },
    name: { type: DataTypes.STRING(100), primaryKey: true, allowNull: false },
  });
  await qi.addIndex('task_candidates', ['kind', 'name', 'task_key'], { name: 'task_candidates_by_name' });

  await qi.createTable('task_variable_values', {
    task_key: { ...key, primaryKey: true },
    name: { type: DataTypes.STRING(100), primaryKey: true, allowNull: false },
    value: { type: DataTypes.STRING(191), allowNull: false },
  });
  await qi.addIndex('task_variable_values', ['name', 'value', 'task_key'], {
    name: 'task_variable_values_lookup',
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of ['task_variable_values', 'task_candidates', 'tasks']) await qi.dropTable(table);
}
