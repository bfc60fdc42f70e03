import { DataTypes, type QueryInterface } from 'sequelize';

/** Users, their roles and branches, sessions, and login attempts per source (rate limit). */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('identity_branches', {
    code: { type: DataTypes.STRING(20), primaryKey: true, allowNull: false },
    name: { type: DataTypes.STRING(200), allowNull: false },
    city: { type: DataTypes.STRING(100), allowNull: false },
  });
  await qi.createTable('identity_users', {
    username: { type: DataTypes.STRING(100), primaryKey: true, allowNull: false },
    display_name: { type: DataTypes.STRING(200), allowNull: false },
    branch_code: { type: DataTypes.STRING(20), allowNull: true },
    password_hash: { type: DataTypes.STRING(300), allowNull: false },
    failed_logins: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    locked_until: { type: DataTypes.BIGINT, allowNull: true },
    created_at: { type: DataTypes.BIGINT, allowNull: false },
  });
  await qi.createTable('identity_user_roles', {
    username: { type: DataTypes.STRING(100), primaryKey: true, allowNull: false },
    role: { type: DataTypes.STRING(50), primaryKey: true, allowNull: false },
  });
  await qi.createTable('identity_sessions', {
    token_hash: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
    username: { type: DataTypes.STRING(100), allowNull: false },
    created_at: { type: DataTypes.BIGINT, allowNull: false },
    expires_at: { type: DataTypes.BIGINT, allowNull: false },
    revoked_at: { type: DataTypes.BIGINT, allowNull: true },
  });
  await qi.addIndex('identity_sessions', ['username']);
  await qi.createTable('identity_login_attempts', {
    source: { type: DataTypes.STRING(100), primaryKey: true, allowNull: false },
    window_start: { type: DataTypes.BIGINT, primaryKey: true, allowNull: false },
    attempts: { type: DataTypes.INTEGER, allowNull: false },
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of [
    'identity_login_attempts',
    'identity_sessions',
    'identity_user_roles',
    'identity_users',
    'identity_branches',
  ])
    await qi.dropTable(table);
}
