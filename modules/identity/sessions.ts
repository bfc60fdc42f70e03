import { createHash, randomBytes } from 'node:crypto';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { sqlOf } from '../server/sql.ts';
import type { BranchKind } from './roles.ts';

export interface SessionPrincipal {
  username: string;
  displayName: string;
  roles: string[];
  branchCode: string | null;
  branchKind: BranchKind | null;
  disabled: boolean;
}

/** How long a token lives: one working day. */
export const SESSION_MS = 8 * 60 * 60 * 1000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Bearer tokens are random and opaque; the database keeps only their SHA-256, with expiry and
 * revocation, so a logout holds on every replica at once.
 */
export class Sessions {
  constructor(private readonly sequelize: Sequelize) {}

  async open(username: string, now: number): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + SESSION_MS;
    await this.sequelize.query(
      `INSERT INTO identity_sessions (token_hash, username, created_at, expires_at)
       VALUES (:hash, :username, :now, :expiresAt)`,
      { replacements: { hash: digest(token), username, now, expiresAt } },
    );
    return { token, expiresAt };
  }

  /** The user a token belongs to, if it is live (not expired, not revoked). */
  async resolve(token: string, now: number): Promise<{ username: string; expiresAt: number } | undefined> {
    const [row] = await this.sequelize.query<{ username: string; expires_at: number | string }>(
      `SELECT username, expires_at FROM identity_sessions
       WHERE token_hash = :hash AND revoked_at IS NULL AND expires_at > :now`,
      { replacements: { hash: digest(token), now }, type: QueryTypes.SELECT },
    );
    return row && { username: row.username, expiresAt: Number(row.expires_at) };
  }

  /**
   * The live token's user with roles and branch, in one statement on the fast path: every
   * request that needs a login runs it.
   */
  async principal(token: string, now: number): Promise<SessionPrincipal | undefined> {
    const [row] = await sqlOf(this.sequelize).rows<{
      username: string;
      display_name: string;
      branch_code: string | null;
      branch_kind: string | null;
      disabled_at: number | string | null;
      roles: string | null;
    }>(
      `SELECT u.username, u.display_name, u.branch_code, b.kind AS branch_kind, u.disabled_at,
         GROUP_CONCAT(r.role) AS roles
       FROM identity_sessions s JOIN identity_users u ON u.username = s.username
       LEFT JOIN identity_branches b ON b.code = u.branch_code
       LEFT JOIN identity_user_roles r ON r.username = u.username
       WHERE s.token_hash = :hash AND s.revoked_at IS NULL AND s.expires_at > :now
       GROUP BY u.username, u.display_name, u.branch_code, b.kind, u.disabled_at`,
      { hash: digest(token), now },
    );
    if (!row) return undefined;
    return {
      username: row.username,
      displayName: row.display_name,
      roles: row.roles ? row.roles.split(',').sort() : [],
      branchCode: row.branch_code,
      branchKind: row.branch_code === null ? null : (row.branch_kind as BranchKind | null),
      disabled: row.disabled_at !== null,
    };
  }

  async revoke(token: string, now: number): Promise<void> {
    await this.sequelize.query(
      'UPDATE identity_sessions SET revoked_at = :now WHERE token_hash = :hash AND revoked_at IS NULL',
      { replacements: { hash: digest(token), now } },
    );
  }

  /** Revokes every live token of a user (disabled, or given a new password by an admin). */
  async revokeAll(username: string, now: number, transaction?: Transaction): Promise<number> {
    const [, revoked] = await this.sequelize.query(
      `UPDATE identity_sessions SET revoked_at = :now
       WHERE username = :username AND revoked_at IS NULL`,
      { replacements: { username, now }, type: QueryTypes.UPDATE, transaction },
    );
    return revoked;
  }
}
