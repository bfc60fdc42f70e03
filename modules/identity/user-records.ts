import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { UserDto } from './schema.ts';

/** How users are read for administration (never with their password hash). */

export interface UserRow {
  username: string;
  display_name: string;
  branch_code: string | null;
  locked_until: number | string | null;
  disabled_at: number | string | null;
  created_at: number | string;
}

export interface UserRecord {
  username: string;
  displayName: string;
  roles: string[];
  branchCode: string | null;
  lockedUntil: number | null;
  disabledAt: number | null;
  createdAt: number;
}

/** The columns of `identity_users u` an administrator sees. */
export const COLUMNS =
  'u.username, u.display_name, u.branch_code, u.locked_until, u.disabled_at, u.created_at';

const maybeNumber = (value: number | string | null) => (value === null ? null : Number(value));
export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The rows with their roles, read in one more query. */
export async function withRoles(
  sequelize: Sequelize,
  rows: UserRow[],
  transaction?: Transaction,
): Promise<UserRecord[]> {
  if (rows.length === 0) return [];
  const roles = await sequelize.query<{ username: string; role: string }>(
    'SELECT username, role FROM identity_user_roles WHERE username IN (:usernames) ORDER BY role',
    { replacements: { usernames: rows.map((row) => row.username) }, type: QueryTypes.SELECT, transaction },
  );
  return rows.map((row) => ({
    username: row.username,
    displayName: row.display_name,
    roles: roles.filter((r) => r.username === row.username).map((r) => r.role),
    branchCode: row.branch_code,
    lockedUntil: maybeNumber(row.locked_until),
    disabledAt: maybeNumber(row.disabled_at),
    createdAt: Number(row.created_at),
  }));
}

/** A lockout shows only while it lasts. */
export function toUserDto(record: UserRecord, now: number): UserDto {
  const locked = record.lockedUntil !== null && record.lockedUntil > now;
  return {
    username: record.username,
    displayName: record.displayName,
    roles: record.roles,
    branchCode: record.branchCode,
    disabled: record.disabledAt !== null,
    disabledAt: iso(record.disabledAt),
    lockedUntil: locked ? iso(record.lockedUntil) : null,
    createdAt: new Date(record.createdAt).toISOString(),
  };
}
