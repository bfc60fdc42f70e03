import type { QueryInterface } from 'sequelize';
import { DEMO_WATCHLIST } from '../demo-watchlist.ts';

/**
 * A watch list to screen against from the first start: DEMONSTRATION DATA, fictional people
 * (demo-watchlist.ts), every row flagged `demo`. Compliance replaces it with the real lists
 * (DTTOT, DPPSPM, internal) through the watch-list routes; removing the demo rows is one call each.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const now = Date.now();
  await qi.bulkInsert(
    'onboarding_watchlist',
    DEMO_WATCHLIST.map((entry) => ({
      id: entry.id,
      full_name: entry.fullName,
      aliases: JSON.stringify(entry.aliases),
      birth_date: entry.birthDate,
      category: entry.category,
      list_source: entry.listSource,
      reference: entry.reference,
      notes: entry.notes,
      demo: true,
      created_at: now,
      created_by: 'system',
      updated_at: now,
      updated_by: 'system',
    })),
  );
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.bulkDelete('onboarding_watchlist', { demo: true });
}
