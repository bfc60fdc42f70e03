import { Op, type QueryInterface } from 'sequelize';
import { SEED_HOLIDAYS } from '../holidays-2026-2027.ts';

/**
 * Reference data every installation needs, production included: Indonesia's holidays of 2026
 * (decreed) and 2027 (expected), see holidays-2026-2027.ts. A migration runs once, so a
 * holiday the admin later edits or deletes stays that way across restarts.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  // When the rows were written: migrations run before the platform clock exists.
  const now = Date.now();
  await qi.bulkInsert(
    'calendar_holidays',
    SEED_HOLIDAYS.map((h) => ({
      date: h.date,
      name: h.name,
      name_en: h.nameEn,
      kind: h.kind,
      updated_at: now,
      updated_by: 'system',
    })),
  );
}

/** Removes the seeded days the admin has not changed since. */
export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.bulkDelete('calendar_holidays', {
    date: { [Op.in]: SEED_HOLIDAYS.map((h) => h.date) },
    updated_by: 'system',
  });
}
