import { QueryTypes, type Sequelize, type Transaction, UniqueConstraintError } from 'sequelize';
import type { Clock } from '../../engine/index.ts';
import type { AuditLog } from '../audit/index.ts';
import { NotificationsError, templateNotFound } from './errors.ts';
import { checkTemplate, render } from './render.ts';
import type {
  Channel,
  Locale,
  LocaleContent,
  NewTemplate,
  Purpose,
  TemplateChanges,
  TemplateContent,
} from './schema.ts';

/** A template as it is at one version. */
export interface Template {
  key: string;
  channel: Channel;
  purpose: Purpose;
  description: string | null;
  version: number;
  content: TemplateContent;
  sampleData: Record<string, unknown>;
  archived: boolean;
  updatedAt: number;
  updatedBy: string;
}

interface Row {
  template_key: string;
  channel: Channel;
  purpose: Purpose;
  description: string | null;
  version: number | string;
  content: string;
  sample_data: string;
  archived_at: number | string | null;
  created_at: number | string;
  created_by: string;
}

/** Who acts, for the audit trail. */
export interface Actor {
  username: string;
  source: string | null;
}

const SELECT = `SELECT v.template_key, v.channel, v.purpose, v.description, v.version, v.content, v.sample_data,
  v.created_at, v.created_by, t.archived_at
  FROM notification_templates t JOIN notification_template_versions v
  ON v.template_key = t.template_key AND v.channel = t.channel`;

const toTemplate = (row: Row): Template => ({
  key: row.template_key,
  channel: row.channel,
  purpose: row.purpose,
  description: row.description,
  version: Number(row.version),
  content: JSON.parse(row.content),
  sampleData: JSON.parse(row.sample_data),
  archived: row.archived_at !== null,
  updatedAt: Number(row.created_at),
  updatedBy: row.created_by,
});

/**
 * Templates, stored and versioned: every save is a new version, messages record the version
 * they used, archiving keeps the history. Every change is audited in its own transaction.
 */
export class Templates {
  constructor(private readonly deps: { sequelize: Sequelize; clock: Clock; audit: AuditLog }) {}

  async list(filter: { channel?: Channel; purpose?: Purpose; archived?: boolean }): Promise<Template[]> {
    const rows = await this.deps.sequelize.query<Row>(
      `${SELECT} AND v.version = t.current_version
       WHERE (:channel IS NULL OR t.channel = :channel) AND (:purpose IS NULL OR t.purpose = :purpose)
       AND (:archived = 1 OR t.archived_at IS NULL) ORDER BY t.template_key, t.channel`,
      {
        replacements: {
          channel: filter.channel ?? null,
          purpose: filter.purpose ?? null,
          archived: filter.archived ? 1 : 0,
        },
        type: QueryTypes.SELECT,
      },
    );
    return rows.map(toTemplate);
  }

  /** The current version; an archived template only when asked for. */
  async current(
    key: string,
    channel: Channel,
    options: { transaction?: Transaction; archived?: boolean } = {},
  ): Promise<Template> {
    const [row] = await this.deps.sequelize.query<Row>(
      `${SELECT} AND v.version = t.current_version WHERE t.template_key = :key AND t.channel = :channel`,
      { replacements: { key, channel }, type: QueryTypes.SELECT, transaction: options.transaction },
    );
    if (!row || (row.archived_at !== null && !options.archived)) throw templateNotFound(key, channel);
    return toTemplate(row);
  }

  /** Every version, newest first. */
  async versions(key: string, channel: Channel): Promise<Template[]> {
    const rows = await this.deps.sequelize.query<Row>(
      `${SELECT} WHERE t.template_key = :key AND t.channel = :channel ORDER BY v.version DESC`,
      { replacements: { key, channel }, type: QueryTypes.SELECT },
    );
    if (rows.length === 0) throw templateNotFound(key, channel);
    return rows.map(toTemplate);
  }

  async version(key: string, channel: Channel, version: number): Promise<Template> {
    const found = (await this.versions(key, channel)).find((t) => t.version === version);
    if (!found)
      throw new NotificationsError(
        'TEMPLATE_VERSION_NOT_FOUND',
        `Template ${key} for ${channel} has no version ${version}`,
      );
    return found;
  }

  async create(input: NewTemplate, actor: Actor): Promise<Template> {
    check(input.channel, input);
    const { sequelize, clock } = this.deps;
    const now = clock.now();
    const created = sequelize.transaction(async (transaction) => {
      await sequelize.query(
        `INSERT INTO notification_templates (template_key, channel, purpose, description, current_version,
           created_at, created_by, updated_at, updated_by)
         VALUES (:key, :channel, :purpose, :description, 1, :now, :actor, :now, :actor)`,
        {
          replacements: { ...input, description: input.description ?? null, now, actor: actor.username },
          transaction,
        },
      );
      await this.#insertVersion(input.key, input.channel, 1, input, actor, now, transaction);
      await this.#audit('notification-template.create', input.key, input.channel, 1, actor, transaction);
      return this.current(input.key, input.channel, { transaction });
    });
    return created.catch((error) => {
      if (error instanceof UniqueConstraintError)
        throw new NotificationsError(
          'TEMPLATE_EXISTS',
          `Template ${input.key} for ${input.channel} exists: save a new version with PUT`,
          [{ field: 'body.key', message: 'already exists for this channel' }],
        );
      throw error;
    });
  }

  /** Saves a new version (and brings an archived template back). */
  async update(key: string, channel: Channel, changes: TemplateChanges, actor: Actor): Promise<Template> {
    check(channel, changes);
    const { sequelize, clock } = this.deps;
    return sequelize.transaction(async (transaction) => {
      const now = clock.now();
      // The increment locks the row: two saves at once get two versions, one after the other.
      const [, bumped] = await sequelize.query(
        `UPDATE notification_templates SET current_version = current_version + 1, purpose = :purpose,
           description = :description, archived_at = NULL, updated_at = :now, updated_by = :actor
         WHERE template_key = :key AND channel = :channel`,
        {
          replacements: {
            key,
            channel,
            purpose: changes.purpose,
            description: changes.description ?? null,
            now,
            actor: actor.username,
          },
          type: QueryTypes.UPDATE,
          transaction,
        },
      );
      if (bumped === 0) throw templateNotFound(key, channel);
      const [row] = await sequelize.query<{ current_version: number | string }>(
        'SELECT current_version FROM notification_templates WHERE template_key = :key AND channel = :channel',
        { replacements: { key, channel }, type: QueryTypes.SELECT, transaction },
      );
      const version = Number(row?.current_version);
      await this.#insertVersion(key, channel, version, changes, actor, now, transaction);
      await this.#audit('notification-template.update', key, channel, version, actor, transaction);
      return this.current(key, channel, { transaction });
    });
  }

  /** Archived templates send nothing new; their versions stay for the messages that used them. */
  async archive(key: string, channel: Channel, actor: Actor): Promise<void> {
    const { sequelize, clock } = this.deps;
    await sequelize.transaction(async (transaction) => {
      const template = await this.current(key, channel, { transaction });
      await sequelize.query(
        `UPDATE notification_templates SET archived_at = :now, updated_at = :now, updated_by = :actor
         WHERE template_key = :key AND channel = :channel`,
        { replacements: { key, channel, now: clock.now(), actor: actor.username }, transaction },
      );
      await this.#audit('notification-template.archive', key, channel, template.version, actor, transaction);
    });
  }

  /** A version of the template filled in with `data` (default: its sample data). */
  async preview(
    key: string,
    channel: Channel,
    request: { locale: Locale; version?: number; data?: Record<string, unknown> },
  ): Promise<LocaleContent> {
    const template =
      request.version === undefined
        ? await this.current(key, channel, { archived: true })
        : await this.version(key, channel, request.version);
    return render(template.content[request.locale], request.data ?? template.sampleData);
  }

  async #insertVersion(
    key: string,
    channel: Channel,
    version: number,
    changes: TemplateChanges,
    actor: Actor,
    now: number,
    transaction: Transaction,
  ): Promise<void> {
    await this.deps.sequelize.query(
      `INSERT INTO notification_template_versions (template_key, channel, version, purpose, description,
         content, sample_data, created_at, created_by)
       VALUES (:key, :channel, :version, :purpose, :description, :content, :sampleData, :now, :actor)`,
      {
        replacements: {
          key,
          channel,
          version,
          purpose: changes.purpose,
          description: changes.description ?? null,
          content: JSON.stringify(changes.content),
          sampleData: JSON.stringify(changes.sampleData ?? {}),
          now,
          actor: actor.username,
        },
        transaction,
      },
    );
  }

  #audit(
    action: string,
    key: string,
    channel: Channel,
    version: number,
    actor: Actor,
    transaction: Transaction,
  ) {
    return this.deps.audit.record(
      {
        actor: actor.username,
        source: actor.source,
        action,
        entityType: 'notification-template',
        entityId: `${key}/${channel}`,
        details: { version },
      },
      transaction,
    );
  }
}

function check(channel: Channel, changes: TemplateChanges): void {
  const errors = checkTemplate(channel, changes.content, changes.sampleData ?? {});
  if (errors.length > 0)
    throw new NotificationsError(
      'TEMPLATE_INVALID',
      `The template is not valid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      errors,
    );
}
