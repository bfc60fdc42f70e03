import type { QueryInterface } from 'sequelize';
import { insertSeedTemplates, removeSeedTemplates } from '../../notifications/seed-migration.ts';
import { CAMPAIGN_TEMPLATES } from '../seed-templates.ts';

/** The campaigns' offer templates (seed-templates.ts) as version 1 in notifications' tables. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await insertSeedTemplates(qi, CAMPAIGN_TEMPLATES);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await removeSeedTemplates(qi, CAMPAIGN_TEMPLATES);
}
