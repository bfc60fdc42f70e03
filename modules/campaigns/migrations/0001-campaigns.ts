import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.STRING(36), primaryKey: true, allowNull: false };
const instant = { type: DataTypes.BIGINT, allowNull: false };
const optionalInstant = { type: DataTypes.BIGINT, allowNull: true };
const user = { type: DataTypes.STRING(100), allowNull: false };
const optionalUser = { type: DataTypes.STRING(100), allowNull: true };

/**
 * Campaigns: saved segments (rules on profile, products and consent, as JSON), campaigns with
 * their maker-checker state and sending cursor, and conversions recorded by hand. What was
 * sent is notifications' (messages carry `ref = campaign:<id>`); the funnel is read from there.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('campaign_segments', {
    id,
    name: { type: DataTypes.STRING(200), allowNull: false, unique: true },
    description: { type: DataTypes.STRING(1000), allowNull: true },
    rules: { type: DataTypes.TEXT, allowNull: false },
    created_by: user,
    created_at: instant,
    updated_by: user,
    updated_at: instant,
  });

  await qi.createTable('campaigns', {
    id,
    name: { type: DataTypes.STRING(200), allowNull: false },
    description: { type: DataTypes.STRING(2000), allowNull: true },
    channel: { type: DataTypes.STRING(20), allowNull: false },
    template_key: { type: DataTypes.STRING(100), allowNull: false },
    segment_id: { type: DataTypes.STRING(36), allowNull: false },
    /** The segment's rules as submitted: an approved audience does not move with later edits. */
    rules: { type: DataTypes.TEXT, allowNull: true },
    scheduled_at: optionalInstant,
    product_kind: { type: DataTypes.STRING(20), allowNull: true },
    data: { type: DataTypes.TEXT, allowNull: false },
    /** Ask compliance even at or below the threshold (a sensitive product, a new template). */
    require_approval: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    /** Customers queued per batch: a smaller batch spreads the load on the providers. */
    batch_size: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 500 },
    status: { type: DataTypes.STRING(20), allowNull: false },
    submission: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    maker: optionalUser,
    checker: optionalUser,
    comment: { type: DataTypes.STRING(2000), allowNull: true },
    approval: { type: DataTypes.STRING(20), allowNull: true },
    eligible_count: { type: DataTypes.INTEGER, allowNull: true },
    first_contact_at: optionalInstant,
    /** The last customer id queued: batches walk the audience in id order from here. */
    audience_cursor: { type: DataTypes.STRING(36), allowNull: true },
    queued_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    created_by: user,
    created_at: instant,
    updated_by: user,
    updated_at: instant,
    submitted_at: optionalInstant,
    decided_at: optionalInstant,
    started_at: optionalInstant,
    paused_at: optionalInstant,
    completed_at: optionalInstant,
    cancelled_at: optionalInstant,
  });
  await qi.addIndex('campaigns', ['status', 'updated_at'], { name: 'campaigns_status' });
  await qi.addIndex('campaigns', ['updated_at'], { name: 'campaigns_updated' });
  await qi.addIndex('campaigns', ['segment_id'], { name: 'campaigns_segment' });

  await qi.createTable('campaign_conversions', {
    campaign_id: { ...id },
    customer_id: { ...id },
    note: { type: DataTypes.STRING(500), allowNull: true },
    recorded_by: user,
    recorded_at: instant,
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of ['campaign_conversions', 'campaigns', 'campaign_segments']) await qi.dropTable(table);
}
