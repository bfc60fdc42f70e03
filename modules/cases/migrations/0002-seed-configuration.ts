import type { QueryInterface } from 'sequelize';
import { insertSeedTemplates, removeSeedTemplates } from '../../notifications/seed-migration.ts';
import { CASE_TEMPLATES } from '../seed-templates.ts';
import { SEED_CATEGORIES, SEED_POLICIES, SEED_QUEUES } from '../vocabulary.ts';

/**
 * The configuration production needs, not only demo mode: categories, the central queues
 * (members are set by an admin; demo mode adds the demo users), SLA policies, and the notice
 * template of an extension. A migration runs once, so an admin's later changes stay.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  // Migrations run before the platform clock exists.
  const now = Date.now();
  const stamp = { updated_at: now, updated_by: 'system' };
  await qi.bulkInsert(
    'case_categories',
    SEED_CATEGORIES.map((c) => ({ code: c.code, name: c.name, name_en: c.nameEn, active: true, ...stamp })),
  );
  await qi.bulkInsert(
    'case_queues',
    SEED_QUEUES.map((q) => ({
      code: q.code,
      name: q.name,
      name_en: q.nameEn,
      candidate_group: q.candidateGroup,
      strategy: q.strategy,
      branch_code: q.branchCode,
      supervisor: null,
      last_assigned: null,
      active: true,
      ...stamp,
    })),
  );
  await qi.bulkInsert(
    'case_sla_policies',
    SEED_POLICIES.map((p) => ({ code: p.code, name: p.name, amount: p.amount, unit: p.unit, ...stamp })),
  );
  await insertSeedTemplates(qi, CASE_TEMPLATES);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await removeSeedTemplates(qi, CASE_TEMPLATES);
  await qi.bulkDelete('case_sla_policies', {});
  await qi.bulkDelete('case_queues', {});
  await qi.bulkDelete('case_categories', {});
}
