import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * The jobs module workers have handled (DESIGN seam 7): written in the same transaction as
 * the handler's effects, so a job delivered again (a crash before CompleteJob, a timeout)
 * is completed with the recorded result instead of being handled twice.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('worker_jobs', {
    job_key: { type: DataTypes.STRING(20), primaryKey: true, allowNull: false },
    type: { type: DataTypes.STRING(100), allowNull: false },
    result: { type: DataTypes.TEXT, allowNull: false },
    handled_at: { type: DataTypes.BIGINT, allowNull: false },
  });
  await qi.addIndex('worker_jobs', ['handled_at']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('worker_jobs');
}
