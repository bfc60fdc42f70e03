import type { Transaction } from 'sequelize';
import type { Sql } from '../server/sql.ts';
import type { Queue } from './configuration.ts';
import { OPEN_STATUSES } from './vocabulary.ts';

/** Members who can take work: existing, enabled accounts, in the queue's order (by username). */
export async function activeMembers(sql: Sql, queue: Queue, transaction?: Transaction): Promise<string[]> {
  if (queue.members.length === 0) return [];
  const rows = await sql.rows<{ username: string }>(
    'SELECT username FROM identity_users WHERE username IN (:names) AND disabled_at IS NULL',
    { names: queue.members },
    transaction,
  );
  const active = new Set(rows.map((r) => r.username));
  return queue.members.filter((m) => active.has(m)).sort();
}

/** Open cases each member holds now. */
export async function openLoad(
  sql: Sql,
  members: string[],
  transaction?: Transaction,
): Promise<Map<string, number>> {
  const load = new Map(members.map((m) => [m, 0]));
  if (members.length === 0) return load;
  const rows = await sql.rows<{ assignee: string; n: unknown }>(
    `SELECT assignee, COUNT(*) AS n FROM cases WHERE assignee IN (:members) AND status IN (:open)
     GROUP BY assignee`,
    { members, open: [...OPEN_STATUSES] },
    transaction,
  );
  for (const row of rows) load.set(row.assignee, Number(row.n));
  return load;
}

/** The least loaded member; ties go to the first in username order (stable, explainable). */
export function leastLoaded(members: string[], load: Map<string, number>): string | undefined {
  let best: string | undefined;
  for (const member of members)
    if (best === undefined || (load.get(member) ?? 0) < (load.get(best) ?? 0)) best = member;
  return best;
}

/** The member after the one who got the last case, wrapping around. */
export function nextInTurn(members: string[], last: string | null): string | undefined {
  if (members.length === 0) return undefined;
  const sorted = [...members].sort();
  // -1 when nobody sorts after `last`: start over at the first.
  const index = last === null ? 0 : sorted.findIndex((m) => m > last);
  return sorted[index === -1 ? 0 : index];
}

/**
 * Picks the assignee of a case in `queue` by its strategy, in the caller's transaction;
 * round robin remembers its turn on the queue. Undefined when no member can take it.
 */
export async function pickAssignee(
  sql: Sql,
  queue: Queue,
  transaction: Transaction,
): Promise<string | undefined> {
  const members = await activeMembers(sql, queue, transaction);
  if (queue.strategy === 'round-robin') {
    const [row] = await sql.rows<{ last_assigned: string | null }>(
      'SELECT last_assigned FROM case_queues WHERE code = :code',
      { code: queue.code },
      transaction,
    );
    const next = nextInTurn(members, row?.last_assigned ?? null);
    if (next)
      await sql.run(
        'UPDATE case_queues SET last_assigned = :next WHERE code = :code',
        { next, code: queue.code },
        transaction,
      );
    return next;
  }
  return leastLoaded(members, await openLoad(sql, members, transaction));
}
