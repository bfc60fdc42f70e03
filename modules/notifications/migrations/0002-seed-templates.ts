import { type QueryInterface, QueryTypes } from 'sequelize';
import { SEED_TEMPLATES } from '../seed-templates.ts';

/**
 * The service templates production needs and a demo offer (seed-templates.ts), as version 1.
 * A migration runs once, so an admin's later versions or archiving stay across restarts.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  // When the rows were written: migrations run before the platform clock exists.
  const now = Date.now();
  await qi.bulkInsert(
    'notification_templates',
    SEED_TEMPLATES.map((t) => ({
      template_key: t.key,
      channel: t.channel,
      purpose: t.purpose,
      description: t.description,
      current_version: 1,
      archived_at: null,
      created_at: now,
      created_by: 'system',
      updated_at: now,
      updated_by: 'system',
    })),
  );
  await qi.bulkInsert(
    'notification_template_versions',
    SEED_TEMPLATES.map((t) => ({
      template_key: t.key,
      channel: t.channel,
      version: 1,
      purpose: t.purpose,
      description: t.description,
      content: JSON.stringify(t.content),
      sample_data: JSON.stringify(t.sampleData),
      created_at: now,
      created_by: 'system',
    })),
  );
}

/** Removes the seeded templates nobody has saved a new version of. */
export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const t of SEED_TEMPLATES) {
    const where = { template_key: t.key, channel: t.channel };
    const untouched = await qi.sequelize.query(
      `SELECT 1 AS one FROM notification_templates WHERE template_key = :key AND channel = :channel
       AND current_version = 1 AND updated_by = 'system'`,
      { replacements: { key: t.key, channel: t.channel }, type: QueryTypes.SELECT },
    );
    if (untouched.length === 0) continue;
    await qi.bulkDelete('notification_templates', where);
    await qi.bulkDelete('notification_template_versions', where);
  }
}
