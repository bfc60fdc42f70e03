import { QueryTypes, type Sequelize, type Transaction, UniqueConstraintError } from 'sequelize';
import type { Clock } from '../../engine/index.ts';
import type { AuditLog } from '../audit/types.ts';
import { activeBranchExists, forUpdate } from './branches.ts';
import { staffDirectory } from './directory.ts';
import { IdentityError } from './errors.ts';
import { hashPassword, passwordRuleBroken } from './passwords.ts';
import type {
  DirectoryQueryInput,
  NewUserInput,
  UserChangesInput,
  UserDto,
  UserQueryInput,
} from './schema.ts';
import type { Sessions } from './sessions.ts';
import { COLUMNS, iso, toUserDto, type UserRecord, type UserRow, withRoles } from './user-records.ts';

/** Who asks for a change, as the audit trail records it. */
export interface Actor {
  actor: string;
  source: string | null;
}

type Changes = Record<string, { from: unknown; to: unknown }>;

/** Users and their roles, as an administrator manages them; every change is audited. */
export class UserAdministration {
  constructor(
    private readonly deps: { sequelize: Sequelize; sessions: Sessions; audit: AuditLog; clock: Clock },
  ) {}

  async list(
    query: UserQueryInput,
  ): Promise<{ items: UserDto[]; total: number; page: number; pageSize: number }> {
    const conditions: string[] = [];
    const replacements: Record<string, unknown> = {};
    if (query.role) {
      conditions.push(
        'EXISTS (SELECT 1 FROM identity_user_roles r WHERE r.username = u.username AND r.role = :role)',
      );
      replacements.role = query.role;
    }
    if (query.branchCode) {
      conditions.push('u.branch_code = :branchCode');
      replacements.branchCode = query.branchCode;
    }
    if (query.q) {
      // `!` escapes LIKE's wildcards the same way on SQLite and MariaDB.
      conditions.push("(LOWER(u.username) LIKE :q ESCAPE '!' OR LOWER(u.display_name) LIKE :q ESCAPE '!')");
      replacements.q = `%${query.q.toLowerCase().replace(/[!%_]/g, '!$&')}%`;
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const [count] = await this.deps.sequelize.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM identity_users u ${where}`,
      { replacements, type: QueryTypes.SELECT },
    );
    const rows = await this.deps.sequelize.query<UserRow>(
      `SELECT ${COLUMNS} FROM identity_users u ${where} ORDER BY u.username LIMIT :limit OFFSET :offset`,
      {
        replacements: { ...replacements, limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
        type: QueryTypes.SELECT,
      },
    );
    const records = await withRoles(this.deps.sequelize, rows);
    return {
      items: records.map((record) => toUserDto(record, this.deps.clock.now())),
      total: Number(count?.n ?? 0),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Who is who, for every logged-in user (directory.ts). */
  directory(query: DirectoryQueryInput) {
    return staffDirectory(this.deps.sequelize, query);
  }

  async get(username: string): Promise<UserDto> {
    return toUserDto(await this.load(username), this.deps.clock.now());
  }

  async create(input: NewUserInput, by: Actor): Promise<UserDto> {
    const { sequelize, audit, clock } = this.deps;
    this.checkPassword(input.username, input.password);
    const branchCode = input.branchCode ?? null;
    if (branchCode !== null) await this.checkBranch(branchCode);
    if (await this.find(input.username)) throw taken(input.username);
    const passwordHash = await hashPassword(input.password);
    const roles = [...input.roles].sort();
    try {
      await sequelize.transaction(async (transaction) => {
        await sequelize.query(
          `INSERT INTO identity_users (username, display_name, branch_code, password_hash, failed_logins, created_at)
           VALUES (:username, :displayName, :branchCode, :passwordHash, 0, :now)`,
          {
            replacements: {
              username: input.username,
              displayName: input.displayName,
              branchCode,
              passwordHash,
              now: clock.now(),
            },
            transaction,
          },
        );
        await this.writeRoles(input.username, roles, transaction);
        const details = {
          displayName: { from: null, to: input.displayName },
          roles: { from: null, to: roles },
          branchCode: { from: null, to: branchCode },
        };
        await audit.record(event(by, 'user.create', input.username, details), transaction);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw taken(input.username);
      throw error;
    }
    return this.get(input.username);
  }

  async update(username: string, changes: UserChangesInput, by: Actor): Promise<UserDto> {
    const { sequelize, sessions, audit, clock } = this.deps;
    if (changes.disabled === true && username === by.actor)
      throw new IdentityError('CANNOT_DISABLE_SELF', 'You cannot disable your own account');
    await sequelize.transaction(async (transaction) => {
      const admins = await this.lockActiveAdmins(transaction);
      const before = await this.load(username, transaction);
      const roles = changes.roles ? [...changes.roles].sort() : before.roles;
      const branchCode = changes.branchCode === undefined ? before.branchCode : changes.branchCode;
      const disabled = changes.disabled ?? before.disabledAt !== null;
      const wasAdmin = before.roles.includes('admin') && before.disabledAt === null;
      const staysAdmin = roles.includes('admin') && !disabled;
      if (wasAdmin && !staysAdmin && !admins.some((admin) => admin !== username))
        throw new IdentityError(
          'LAST_ADMIN',
          `${username} is the last active admin: give another user the admin role first`,
        );
      if (branchCode !== null && branchCode !== before.branchCode)
        await this.checkBranch(branchCode, transaction);

      const updated: Changes = {};
      const displayName = changes.displayName ?? before.displayName;
      if (displayName !== before.displayName)
        updated.displayName = { from: before.displayName, to: displayName };
      if (roles.join() !== before.roles.join()) updated.roles = { from: before.roles, to: roles };
      if (branchCode !== before.branchCode) updated.branchCode = { from: before.branchCode, to: branchCode };
      const toggled = disabled !== (before.disabledAt !== null);
      if (Object.keys(updated).length === 0 && !toggled) return;

      const now = clock.now();
      await sequelize.query(
        `UPDATE identity_users SET display_name = :displayName, branch_code = :branchCode, disabled_at = :disabledAt
         WHERE username = :username`,
        {
          replacements: {
            username,
            displayName,
            branchCode,
            disabledAt: disabled ? (before.disabledAt ?? now) : null,
          },
          transaction,
        },
      );
      if (updated.roles) {
        await sequelize.query('DELETE FROM identity_user_roles WHERE username = :username', {
          replacements: { username },
          transaction,
        });
        await this.writeRoles(username, roles, transaction);
      }
      if (Object.keys(updated).length > 0)
        await audit.record(event(by, 'user.update', username, updated), transaction);
      if (toggled) {
        const sessionsRevoked = disabled ? await sessions.revokeAll(username, now, transaction) : 0;
        const details = { disabled: { from: !disabled, to: disabled }, sessionsRevoked };
        await audit.record(
          event(by, disabled ? 'user.disable' : 'user.enable', username, details),
          transaction,
        );
      }
    });
    return this.get(username);
  }

  /** An admin sets a new password; every session of the user ends. */
  async setPassword(username: string, password: string, by: Actor): Promise<void> {
    const { sequelize, sessions, audit, clock } = this.deps;
    this.checkPassword(username, password);
    await this.load(username);
    const passwordHash = await hashPassword(password);
    await sequelize.transaction(async (transaction) => {
      await this.load(username, transaction);
      await sequelize.query(
        'UPDATE identity_users SET password_hash = :passwordHash WHERE username = :username',
        {
          replacements: { username, passwordHash },
          transaction,
        },
      );
      const sessionsRevoked = await sessions.revokeAll(username, clock.now(), transaction);
      // What changed is said without the password or its hash.
      await audit.record(event(by, 'user.reset-password', username, { sessionsRevoked }), transaction);
    });
  }

  /** Ends a lockout after failed logins (and forgets the failures). */
  async unlock(username: string, by: Actor): Promise<UserDto> {
    const { sequelize, audit } = this.deps;
    await sequelize.transaction(async (transaction) => {
      const before = await this.load(username, transaction);
      await sequelize.query(
        'UPDATE identity_users SET failed_logins = 0, locked_until = NULL WHERE username = :username',
        { replacements: { username }, transaction },
      );
      const details = { lockedUntil: { from: iso(before.lockedUntil), to: null } };
      await audit.record(event(by, 'user.unlock', username, details), transaction);
    });
    return this.get(username);
  }

  private checkPassword(username: string, password: string): void {
    const broken = passwordRuleBroken(username, password);
    if (broken)
      throw new IdentityError('PASSWORD_REJECTED', `body.password: ${broken}`, [
        { field: 'body.password', message: broken },
      ]);
  }

  private async checkBranch(code: string, transaction?: Transaction): Promise<void> {
    if (await activeBranchExists(this.deps.sequelize, code, transaction)) return;
    const message = `No active branch has the code '${code}'`;
    throw new IdentityError('UNKNOWN_BRANCH', `body.branchCode: ${message}`, [
      { field: 'body.branchCode', message },
    ]);
  }

  /** The active admins, locked (MariaDB) so two admins cannot remove each other at once. */
  private async lockActiveAdmins(transaction: Transaction): Promise<string[]> {
    const rows = await this.deps.sequelize.query<{ username: string }>(
      `SELECT u.username FROM identity_users u JOIN identity_user_roles r ON r.username = u.username
       WHERE r.role = 'admin' AND u.disabled_at IS NULL ORDER BY u.username${forUpdate(this.deps.sequelize)}`,
      { type: QueryTypes.SELECT, transaction },
    );
    return rows.map((row) => row.username);
  }

  private async find(username: string, transaction?: Transaction): Promise<UserRecord | undefined> {
    const lock = transaction ? forUpdate(this.deps.sequelize) : '';
    const rows = await this.deps.sequelize.query<UserRow>(
      `SELECT ${COLUMNS} FROM identity_users u WHERE u.username = :username${lock}`,
      { replacements: { username }, type: QueryTypes.SELECT, transaction },
    );
    const [record] = await withRoles(this.deps.sequelize, rows, transaction);
    return record;
  }

  private async load(username: string, transaction?: Transaction): Promise<UserRecord> {
    const record = await this.find(username, transaction);
    if (!record) throw new IdentityError('USER_NOT_FOUND', `No user is called '${username}'`);
    return record;
  }

  private async writeRoles(username: string, roles: string[], transaction: Transaction): Promise<void> {
    for (const role of roles)
      await this.deps.sequelize.query(
        'INSERT INTO identity_user_roles (username, role) VALUES (:username, :role)',
        {
          replacements: { username, role },
          transaction,
        },
      );
  }
}

const taken = (username: string) =>
  new IdentityError('USERNAME_TAKEN', `A user called '${username}' exists already`);

function event(by: Actor, action: string, username: string, details: Record<string, unknown>) {
  return { actor: by.actor, source: by.source, action, entityType: 'user', entityId: username, details };
}
