import { type QueryInterface, QueryTypes } from 'sequelize';
import { CAMPAIGN_TEMPLATES } from '../seed-templates.ts';

/**
 * The campaigns' offer templates (seed-templates.ts) as version 1 in notifications' tables, the
 * way notifications seeds its own; a template someone created first under the same key and
 * channel is left as it is. A migration runs once, so later edits stay across restarts.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const now = Date.now();
  for (const t of CAMPAIGN_TEMPLATES) {
    const exists = await qi.sequelize.query(
      'SELECT 1 AS one FROM notification_templates WHERE template_key = :key AND channel = :channel',
      { replacements: { key: t.key, channel: t.channel }, type: QueryTypes.SELECT },
    );
    if (exists.length > 0) continue;
    await qi.bulkInsert('notification_templates', [
      {
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
      },
    ]);
    await qi.bulkInsert('notification_template_versions', [
      {
        template_key: t.key,
        channel: t.channel,
        version: 1,
        purpose: t.purpose,
        description: t.description,
        content: JSON.stringify(t.content),
        sample_data: JSON.stringify(t.sampleData),
        created_at: now,
        created_by: 'system',
      },
    ]);
  }
}

/** Removes the seeded templates nobody has saved a new version of. */
export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const t of CAMPAIGN_TEMPLATES) {
    const untouched = await qi.sequelize.query(
      `SELECT 1 AS one FROM notification_templates WHERE template_key = :key AND channel = :channel
       AND current_version = 1 AND updated_by = 'system' AND created_by = 'system'`,
      { replacements: { key: t.key, channel: t.channel }, type: QueryTypes.SELECT },
    );
    if (untouched.length === 0) continue;
    const where = { template_key: t.key, channel: t.channel };
    await qi.bulkDelete('notification_templates', where);
    await qi.bulkDelete('notification_template_versions', where);
  }
}
