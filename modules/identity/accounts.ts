import { QueryTypes, type Sequelize, UniqueConstraintError } from 'sequelize';
import type { BranchKind, SeedBranch, SeedUser } from './roles.ts';

export interface Account {
  username: string;
  displayName: string;
  branchCode: string | null;
  /** The kind of the user's branch; null without a branch. */
  branchKind: BranchKind | null;
  passwordHash: string;
  failedLogins: number;
  lockedUntil: number | null;
  /** When an admin disabled the account: it can no longer log in nor use its tokens. */
  disabledAt: number | null;
  roles: string[];
}

interface UserRow {
  username: string;
  display_name: string;
  branch_code: string | null;
  password_hash: string;
  failed_logins: number | string;
  locked_until: number | string | null;
  disabled_at: number | string | null;
  branch_kind: BranchKind | null;
}

/** Users, their roles and branches, in the CRM database. */
export class Accounts {
  constructor(private readonly sequelize: Sequelize) {}

  async find(username: string): Promise<Account | undefined> {
    const [row] = await this.sequelize.query<UserRow>(
      `SELECT u.*, b.kind AS branch_kind FROM identity_users u
       LEFT JOIN identity_branches b ON b.code = u.branch_code WHERE u.username = :username`,
      {
        replacements: { username },
        type: QueryTypes.SELECT,
      },
    );
    if (!row) return undefined;
    const roles = await this.sequelize.query<{ role: string }>(
      'SELECT role FROM identity_user_roles WHERE username = :username ORDER BY role',
      { replacements: { username }, type: QueryTypes.SELECT },
    );
    return {
      username: row.username,
      displayName: row.display_name,
      branchCode: row.branch_code,
      branchKind: row.branch_code === null ? null : row.branch_kind,
      passwordHash: row.password_hash,
      failedLogins: Number(row.failed_logins),
      lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
      disabledAt: row.disabled_at === null ? null : Number(row.disabled_at),
      roles: roles.map((r) => r.role),
    };
  }

  async count(): Promise<number> {
    const [row] = await this.sequelize.query<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM identity_users',
      {
        type: QueryTypes.SELECT,
      },
    );
    return Number(row?.n ?? 0);
  }

  /** A failed login; `lockUntil` set when this failure locks the account. */
  async recordFailure(username: string, lockUntil: number | null): Promise<void> {
    await this.sequelize.query(
      lockUntil === null
        ? 'UPDATE identity_users SET failed_logins = failed_logins + 1 WHERE username = :username'
        : 'UPDATE identity_users SET failed_logins = 0, locked_until = :lockUntil WHERE username = :username',
      { replacements: { username, lockUntil } },
    );
  }

  async recordSuccess(username: string): Promise<void> {
    await this.sequelize.query(
      'UPDATE identity_users SET failed_logins = 0, locked_until = NULL WHERE username = :username',
      { replacements: { username } },
    );
  }

  /** Creates a user unless one of that name exists (several replicas may seed at once). */
  async createIfMissing(user: SeedUser, passwordHash: string, now: number): Promise<void> {
    if (await this.find(user.username)) return;
    try {
      await this.sequelize.transaction(async (transaction) => {
        await this.sequelize.query(
          `INSERT INTO identity_users (username, display_name, branch_code, password_hash, failed_logins, created_at)
           VALUES (:username, :displayName, :branch, :passwordHash, 0, :now)`,
          {
            replacements: {
              username: user.username,
              displayName: user.displayName,
              branch: user.branch ?? null,
              passwordHash,
              now,
            },
            transaction,
          },
        );
        for (const role of user.roles)
          await this.sequelize.query(
            'INSERT INTO identity_user_roles (username, role) VALUES (:username, :role)',
            {
              replacements: { username: user.username, role },
              transaction,
            },
          );
      });
    } catch (error) {
      if (!(error instanceof UniqueConstraintError)) throw error;
    }
  }

  async createBranchIfMissing(branch: SeedBranch): Promise<void> {
    try {
      await this.sequelize.query(
        `INSERT INTO identity_branches (code, name, city, kind) SELECT :code, :name, :city, :kind
         WHERE NOT EXISTS (SELECT 1 FROM identity_branches WHERE code = :code)`,
        { replacements: { ...branch } },
      );
    } catch (error) {
      if (!(error instanceof UniqueConstraintError)) throw error;
    }
  }
}
