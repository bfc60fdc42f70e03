import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Four eyes (four-eyes.ts): the user a task is kept from, read at activation from the task's
 * `fourEyesWith` header and variables, so every list leaves the task out for them in SQL.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('tasks', 'four_eyes_user', { type: DataTypes.STRING(100), allowNull: true });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeColumn('tasks', 'four_eyes_user');
}
