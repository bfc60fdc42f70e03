import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Commands for the process engine written in a module's own transaction (DESIGN seam 7): a
 * case is created → its process starts; a comment is written → the process hears of it. The
 * outbox dispatcher sends them over gRPC once the transaction has committed.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('engine_outbox', {
    id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
    kind: { type: DataTypes.STRING(20), allowNull: false },
    /** What the command is about, e.g. `case:<id>`: modules find the result by it. */
    ref: { type: DataTypes.STRING(100), allowNull: false },
    command: { type: DataTypes.TEXT, allowNull: false },
    state: { type: DataTypes.STRING(10), allowNull: false },
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    next_attempt_at: { type: DataTypes.BIGINT, allowNull: false },
    lease_until: { type: DataTypes.BIGINT, allowNull: true },
    result: { type: DataTypes.TEXT, allowNull: true },
    last_error: { type: DataTypes.TEXT, allowNull: true },
    created_at: { type: DataTypes.BIGINT, allowNull: false },
    sent_at: { type: DataTypes.BIGINT, allowNull: true },
  });
  await qi.addIndex('engine_outbox', ['state', 'next_attempt_at']);
  await qi.addIndex('engine_outbox', ['ref']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('engine_outbox');
}
