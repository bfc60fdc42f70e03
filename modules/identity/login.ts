import { QueryTypes, type Sequelize, UniqueConstraintError } from 'sequelize';
import type { Accounts } from './accounts.ts';
import { verifyPassword } from './passwords.ts';
import type { Sessions } from './sessions.ts';

/** Failures in a row that lock an account, and for how long. */
export const LOCK_AFTER = 5;
export const LOCK_MS = 15 * 60 * 1000;
/** Login attempts one source address may make per minute (all replicas together). */
export const ATTEMPTS_PER_MINUTE = 20;
const WINDOW_MS = 60_000;

export type LoginOutcome =
  | { ok: true; token: string; expiresAt: number; username: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: number }
  | { ok: false; reason: 'rate-limited'; retryAfterMs: number };

/** A password check with lockout and a per-source rate limit, both kept in the database. */
export async function login(
  deps: { sequelize: Sequelize; accounts: Accounts; sessions: Sessions },
  attempt: { username: string; password: string; source: string; now: number },
): Promise<LoginOutcome> {
  const { accounts, sessions } = deps;
  const { username, password, source, now } = attempt;
  const window = Math.floor(now / WINDOW_MS) * WINDOW_MS;
  if ((await countAttempt(deps.sequelize, source, window)) > ATTEMPTS_PER_MINUTE)
    return { ok: false, reason: 'rate-limited', retryAfterMs: window + WINDOW_MS - now };
  const account = await accounts.find(username);
  // A disabled account answers as an unknown one (never locks), so accounts cannot be probed.
  if (!account || account.disabledAt !== null) {
    // Spend the same time as a real check, so timing does not tell which usernames exist.
    await verifyPassword(password, DUMMY_HASH);
    return { ok: false, reason: 'invalid' };
  }
  if (account.lockedUntil !== null && account.lockedUntil > now)
    return { ok: false, reason: 'locked', until: account.lockedUntil };
  if (!(await verifyPassword(password, account.passwordHash))) {
    const locks = account.failedLogins + 1 >= LOCK_AFTER;
    await accounts.recordFailure(username, locks ? now + LOCK_MS : null);
    return locks ? { ok: false, reason: 'locked', until: now + LOCK_MS } : { ok: false, reason: 'invalid' };
  }
  await accounts.recordSuccess(username);
  const session = await sessions.open(username, now);
  return { ok: true, ...session, username };
}

/** A hash of no password anyone has (same costs as real ones). */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Counts one attempt from `source` in this window and returns the count so far. */
async function countAttempt(sequelize: Sequelize, source: string, window: number): Promise<number> {
  const bump = () =>
    sequelize.query(
      'UPDATE identity_login_attempts SET attempts = attempts + 1 WHERE source = :source AND window_start = :window',
      { replacements: { source, window }, type: QueryTypes.UPDATE },
    );
  const [, changed] = await bump();
  if (changed === 0) {
    try {
      await sequelize.query(
        'INSERT INTO identity_login_attempts (source, window_start, attempts) VALUES (:source, :window, 1)',
        { replacements: { source, window } },
      );
    } catch (error) {
      // Another replica counted the first attempt of this window at the same moment.
      if (!(error instanceof UniqueConstraintError)) throw error;
      await bump();
    }
  }
  const [row] = await sequelize.query<{ attempts: number | string }>(
    'SELECT attempts FROM identity_login_attempts WHERE source = :source AND window_start = :window',
    { replacements: { source, window }, type: QueryTypes.SELECT },
  );
  return Number(row?.attempts ?? 0);
}
