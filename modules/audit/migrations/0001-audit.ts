import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * The audit trail: entries chained by keyed hashes, the chain's head (its last sequence
 * number and hash, so a removed tail is detected), and each data subject's own key.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('audit_entries', {
    seq: { type: DataTypes.BIGINT, primaryKey: true, allowNull: false },
    at: { type: DataTypes.BIGINT, allowNull: false },
    actor: { type: DataTypes.STRING(100), allowNull: false },
    source: { type: DataTypes.STRING(100), allowNull: true },
    action: { type: DataTypes.STRING(60), allowNull: false },
    entity_type: { type: DataTypes.STRING(40), allowNull: false },
    entity_id: { type: DataTypes.STRING(100), allowNull: false },
    subject_id: { type: DataTypes.STRING(64), allowNull: true },
    details: { type: DataTypes.TEXT, allowNull: true },
    prev_hash: { type: DataTypes.STRING(64), allowNull: false },
    hash: { type: DataTypes.STRING(64), allowNull: false },
  });
  await qi.addIndex('audit_entries', ['subject_id', 'seq']);
  await qi.addIndex('audit_entries', ['entity_type', 'entity_id', 'seq']);
  await qi.addIndex('audit_entries', ['actor', 'seq']);
  await qi.addIndex('audit_entries', ['at']);
  await qi.createTable('audit_head', {
    id: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
    seq: { type: DataTypes.BIGINT, allowNull: false },
    hash: { type: DataTypes.STRING(64), allowNull: false },
  });
  await qi.bulkInsert('audit_head', [{ id: 1, seq: 0, hash: '0'.repeat(64) }]);
  await qi.createTable('audit_subject_keys', {
    subject_id: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
    wrapped_key: { type: DataTypes.STRING(200), allowNull: true },
    created_at: { type: DataTypes.BIGINT, allowNull: false },
    destroyed_at: { type: DataTypes.BIGINT, allowNull: true },
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of ['audit_subject_keys', 'audit_head', 'audit_entries']) await qi.dropTable(table);
}
