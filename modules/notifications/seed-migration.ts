import { type QueryInterface, QueryTypes } from 'sequelize';
import type { SeedTemplate } from './seed-templates.ts';

/**
 * Templates a module ships (notifications' own, the cases' notices, the campaigns' offers) as
 * version 1 by `system`, from a migration; one created first under the same key and channel is
 * left as it is. A migration runs once, so later versions and archiving stay across restarts.
 */
export async function insertSeedTemplates(qi: QueryInterface, templates: SeedTemplate[]): Promise<void> {
  // When the rows were written: migrations run before the platform clock exists.
  const now = Date.now();
  const existing = new Set(
    (
      await qi.sequelize.query<{ template_key: string; channel: string }>(
        'SELECT template_key, channel FROM notification_templates',
        { type: QueryTypes.SELECT },
      )
    ).map((row) => `${row.template_key} ${row.channel}`),
  );
  const missing = templates.filter((t) => !existing.has(`${t.key} ${t.channel}`));
  if (missing.length === 0) return;
  const described = (t: SeedTemplate) => ({
    template_key: t.key,
    channel: t.channel,
    purpose: t.purpose,
    description: t.description,
  });
  await qi.bulkInsert(
    'notification_templates',
    missing.map((t) => ({
      ...described(t),
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
    missing.map((t) => ({
      ...described(t),
      version: 1,
      content: JSON.stringify(t.content),
      sample_data: JSON.stringify(t.sampleData),
      created_at: now,
      created_by: 'system',
    })),
  );
}

/** Removes the seeded templates nobody has saved a new version of. */
export async function removeSeedTemplates(qi: QueryInterface, templates: SeedTemplate[]): Promise<void> {
  for (const t of templates) {
    const untouched = await qi.sequelize.query(
      `SELECT 1 AS one FROM notification_templates WHERE template_key = :key AND channel = :channel
       AND current_version = 1 AND updated_by = 'system' AND created_by = 'system'`,
      { replacements: { key: t.key, channel: t.channel }, type: QueryTypes.SELECT },
    );
    if (untouched.length === 0) continue;
    const where = { template_key: t.key, channel: t.channel };
    await qi.bulkDelete('notification_template_versions', where);
    await qi.bulkDelete('notification_templates', where);
  }
}
