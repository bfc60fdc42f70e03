import { DataTypes, type QueryInterface } from 'sequelize';

const code = { type: DataTypes.STRING(40), primaryKey: true, allowNull: false };
const name = { type: DataTypes.STRING(200), allowNull: false };
const instant = { type: DataTypes.BIGINT, allowNull: false };
const optionalInstant = { type: DataTypes.BIGINT, allowNull: true };
const user = { type: DataTypes.STRING(100), allowNull: false };
const optionalUser = { type: DataTypes.STRING(100), allowNull: true };

/**
 * Cases: the configuration (categories, queues with their members, SLA policies), the cases
 * themselves with their deadlines (SLA and POJK 22/2023), and each case's timeline.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('case_categories', {
    code,
    name,
    name_en: name,
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    updated_at: instant,
    updated_by: user,
  });
  await qi.createTable('case_queues', {
    code,
    name,
    name_en: name,
    // A role (`backoffice`) or a branch code (`MDN-KC`): the candidate group of the queue's tasks.
    candidate_group: { type: DataTypes.STRING(50), allowNull: false },
    strategy: { type: DataTypes.STRING(20), allowNull: false },
    // A branch's own queue (where "the nearest branch" routes); null for central queues.
    branch_code: { type: DataTypes.STRING(20), allowNull: true },
    supervisor: optionalUser,
    // Round robin: who got the last case.
    last_assigned: optionalUser,
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    updated_at: instant,
    updated_by: user,
  });
  await qi.createTable('case_queue_members', {
    queue_code: code,
    username: { type: DataTypes.STRING(100), primaryKey: true, allowNull: false },
  });
  await qi.createTable('case_sla_policies', {
    code,
    name,
    amount: { type: DataTypes.DOUBLE, allowNull: false },
    unit: { type: DataTypes.STRING(20), allowNull: false },
    updated_at: instant,
    updated_by: user,
  });
  await qi.createTable('case_counters', {
    year: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
    value: { type: DataTypes.INTEGER, allowNull: false },
  });
  await qi.createTable('cases', {
    id: { type: DataTypes.STRING(36), primaryKey: true, allowNull: false },
    number: { type: DataTypes.STRING(20), allowNull: false, unique: true },
    customer_id: { type: DataTypes.STRING(36), allowNull: false },
    branch_code: { type: DataTypes.STRING(20), allowNull: false },
    category: { type: DataTypes.STRING(40), allowNull: false },
    severity: { type: DataTypes.STRING(10), allowNull: false },
    channel: { type: DataTypes.STRING(20), allowNull: false },
    form: { type: DataTypes.STRING(10), allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: false },
    status: { type: DataTypes.STRING(20), allowNull: false },
    queue_code: { type: DataTypes.STRING(40), allowNull: true },
    sla_policy: { type: DataTypes.STRING(40), allowNull: true },
    sla_due_at: optionalInstant,
    sla_breached_at: optionalInstant,
    regulatory_due_at: optionalInstant,
    documents_due_at: optionalInstant,
    documents_complete_at: optionalInstant,
    extended_at: optionalInstant,
    extension_days: { type: DataTypes.INTEGER, allowNull: true },
    extension_reason: { type: DataTypes.STRING(1000), allowNull: true },
    assignee: optionalUser,
    escalation_level: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    escalated_to: optionalUser,
    resolution: { type: DataTypes.TEXT, allowNull: true },
    root_cause: { type: DataTypes.STRING(40), allowNull: true },
    resolved_at: optionalInstant,
    resolved_by: optionalUser,
    closed_at: optionalInstant,
    csat: { type: DataTypes.INTEGER, allowNull: true },
    csat_at: optionalInstant,
    process_instance_key: { type: DataTypes.STRING(24), allowNull: true },
    // Loaded as history (demo), not run through the process.
    imported: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    created_at: instant,
    created_by: user,
    last_update_at: instant,
  });
  await qi.addIndex('cases', ['status', 'sla_due_at'], { name: 'cases_status_due' });
  await qi.addIndex('cases', ['queue_code', 'status'], { name: 'cases_queue' });
  await qi.addIndex('cases', ['assignee', 'status'], { name: 'cases_assignee' });
  await qi.addIndex('cases', ['customer_id', 'created_at'], { name: 'cases_customer' });
  await qi.addIndex('cases', ['created_at'], { name: 'cases_created' });
  await qi.createTable('case_events', {
    id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true, allowNull: false },
    case_id: { type: DataTypes.STRING(36), allowNull: false },
    at: instant,
    kind: { type: DataTypes.STRING(20), allowNull: false },
    actor: user,
    detail: { type: DataTypes.TEXT, allowNull: true },
  });
  await qi.addIndex('case_events', ['case_id', 'id'], { name: 'case_events_case' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of [
    'case_events',
    'cases',
    'case_counters',
    'case_sla_policies',
    'case_queue_members',
    'case_queues',
    'case_categories',
  ])
    await qi.dropTable(table);
}
