import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Administration: a branch has a kind (which decides its staff's customer scope) and can be
 * deactivated; a user can be disabled (kept, for the audit trail, but unable to log in).
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('identity_branches', 'kind', {
    type: DataTypes.STRING(20),
    allowNull: false,
    defaultValue: 'branch',
  });
  await qi.addColumn('identity_branches', 'active', {
    type: DataTypes.BOOLEAN,
    allowNull: false,
    defaultValue: true,
  });
  await qi.addColumn('identity_users', 'disabled_at', { type: DataTypes.BIGINT, allowNull: true });
  await qi.addIndex('identity_user_roles', ['role']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeIndex('identity_user_roles', ['role']);
  await qi.removeColumn('identity_users', 'disabled_at');
  await qi.removeColumn('identity_branches', 'active');
  await qi.removeColumn('identity_branches', 'kind');
}
