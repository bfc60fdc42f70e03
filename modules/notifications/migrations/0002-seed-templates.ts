import type { QueryInterface } from 'sequelize';
import { insertSeedTemplates, removeSeedTemplates } from '../seed-migration.ts';
import { SEED_TEMPLATES } from '../seed-templates.ts';

/** The service templates production needs and a demo offer (seed-templates.ts), as version 1. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await insertSeedTemplates(qi, SEED_TEMPLATES);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await removeSeedTemplates(qi, SEED_TEMPLATES);
}
