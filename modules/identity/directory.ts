import { QueryTypes, type Sequelize } from 'sequelize';
import type { DirectoryEntryDto, DirectoryQueryInput } from './schema.ts';
import { COLUMNS, type UserRow, withRoles } from './user-records.ts';

/**
 * The staff directory: names, roles and branches of every user, so screens can show
 * "Putri Simanjuntak" instead of "agent1". Nothing else leaves here (no lockouts, no dates).
 */
export async function staffDirectory(
  sequelize: Sequelize,
  query: DirectoryQueryInput,
): Promise<{ items: DirectoryEntryDto[] }> {
  const conditions: string[] = [];
  const replacements: Record<string, unknown> = {};
  if (query.role) {
    conditions.push(
      'EXISTS (SELECT 1 FROM identity_user_roles r WHERE r.username = u.username AND r.role = :role)',
    );
    replacements.role = query.role;
  }
  if (query.branch) {
    conditions.push('u.branch_code = :branch');
    replacements.branch = query.branch;
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = await sequelize.query<UserRow>(
    `SELECT ${COLUMNS} FROM identity_users u ${where} ORDER BY u.display_name, u.username`,
    { replacements, type: QueryTypes.SELECT },
  );
  const records = await withRoles(sequelize, rows);
  return {
    items: records.map((record) => ({
      username: record.username,
      displayName: record.displayName,
      roles: record.roles,
      branch: record.branchCode,
      active: record.disabledAt === null,
    })),
  };
}
