import { DataTypes, type QueryInterface } from 'sequelize';

const key = { type: DataTypes.STRING(100), primaryKey: true, allowNull: false };
const channel = { type: DataTypes.STRING(20), primaryKey: true, allowNull: false };
const instant = { type: DataTypes.BIGINT, allowNull: false };
const optionalInstant = { type: DataTypes.BIGINT, allowNull: true };
const user = { type: DataTypes.STRING(100), allowNull: false };

/**
 * Notifications: templates with every saved version; the outbox of messages (each row is a
 * message from the moment it is queued in its caller's transaction until it is delivered,
 * suppressed or dead), leased by the dispatcher that sends it; and each message's events.
 * A message's content and recipient are sealed with the customer's own key, so erasing the
 * customer makes them unreadable with the rest of their data.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  // MEDIUMTEXT on MySQL (an HTML e-mail may pass TEXT's 64 KB); SQLite's TEXT has no size.
  const longText = qi.sequelize.getDialect() === 'sqlite' ? DataTypes.TEXT : DataTypes.TEXT('medium');
  await qi.createTable('notification_templates', {
    template_key: key,
    channel,
    purpose: { type: DataTypes.STRING(20), allowNull: false },
    description: { type: DataTypes.STRING(500), allowNull: true },
    current_version: { type: DataTypes.INTEGER, allowNull: false },
    archived_at: optionalInstant,
    created_at: instant,
    created_by: user,
    updated_at: instant,
    updated_by: user,
  });

  await qi.createTable('notification_template_versions', {
    template_key: key,
    channel,
    version: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
    purpose: { type: DataTypes.STRING(20), allowNull: false },
    description: { type: DataTypes.STRING(500), allowNull: true },
    content: { type: longText, allowNull: false },
    sample_data: { type: DataTypes.TEXT, allowNull: false },
    created_at: instant,
    created_by: user,
  });

  await qi.createTable('notification_messages', {
    id: { type: DataTypes.STRING(36), primaryKey: true, allowNull: false },
    customer_id: { type: DataTypes.STRING(36), allowNull: false },
    channel: { type: DataTypes.STRING(20), allowNull: false },
    purpose: { type: DataTypes.STRING(20), allowNull: false },
    template_key: { type: DataTypes.STRING(100), allowNull: false },
    template_version: { type: DataTypes.INTEGER, allowNull: false },
    locale: { type: DataTypes.STRING(5), allowNull: false },
    ref: { type: DataTypes.STRING(100), allowNull: true },
    status: { type: DataTypes.STRING(20), allowNull: false },
    status_reason: { type: DataTypes.STRING(200), allowNull: true },
    content_sealed: { type: longText, allowNull: true },
    recipient_sealed: { type: DataTypes.STRING(600), allowNull: true },
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    next_attempt_at: optionalInstant,
    // Who is sending it now, until when (wall clock): a replica that dies mid-send lets go.
    lease_owner: { type: DataTypes.STRING(64), allowNull: true },
    lease_until: optionalInstant,
    last_error: { type: DataTypes.STRING(1000), allowNull: true },
    provider_id: { type: DataTypes.STRING(200), allowNull: true },
    job_key: { type: DataTypes.STRING(24), allowNull: true },
    created_at: instant,
    created_by: user,
    updated_at: instant,
    sent_at: optionalInstant,
    delivered_at: optionalInstant,
    failed_at: optionalInstant,
    open_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    first_opened_at: optionalInstant,
    click_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    first_clicked_at: optionalInstant,
  });
  await qi.addIndex('notification_messages', ['status', 'next_attempt_at'], {
    name: 'notification_messages_due',
  });
  await qi.addIndex('notification_messages', ['template_key', 'channel', 'created_at'], {
    name: 'notification_messages_template',
  });
  await qi.addIndex('notification_messages', ['ref', 'created_at'], { name: 'notification_messages_ref' });
  await qi.addIndex('notification_messages', ['customer_id', 'created_at'], {
    name: 'notification_messages_customer',
  });
  await qi.addIndex('notification_messages', ['created_at'], { name: 'notification_messages_created' });

  await qi.createTable('notification_events', {
    id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true, allowNull: false },
    message_id: { type: DataTypes.STRING(36), allowNull: false },
    at: instant,
    kind: { type: DataTypes.STRING(20), allowNull: false },
    detail: { type: DataTypes.STRING(500), allowNull: true },
  });
  await qi.addIndex('notification_events', ['message_id', 'id'], { name: 'notification_events_message' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of [
    'notification_events',
    'notification_messages',
    'notification_template_versions',
    'notification_templates',
  ])
    await qi.dropTable(table);
}
