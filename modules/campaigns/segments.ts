import { UniqueConstraintError } from 'sequelize';
import { uuidv7Factory } from '../customers/ids.ts';
import type { Channel } from '../notifications/schema.ts';
import type { ModuleContext } from '../server/module.ts';
import { type Sql, sqlOf } from '../server/sql.ts';
import { Audience, audienceQuery } from './audience.ts';
import { CampaignsError, segmentNotFound } from './errors.ts';
import { presentSegment, type SegmentRow } from './model.ts';
import type { SegmentBody, SegmentRules } from './schema.ts';

export interface Actor {
  username: string;
  source: string | null;
}

const nextId = uuidv7Factory();

/** Saved segments and the live count of any rules. */
export class Segments {
  readonly sql: Sql;
  readonly audience: Audience;

  constructor(readonly context: Pick<ModuleContext, 'sequelize' | 'clock' | 'audit'>) {
    this.sql = sqlOf(context.sequelize);
    this.audience = new Audience(context.sequelize);
  }

  async list() {
    const rows = await this.sql.rows<SegmentRow>('SELECT * FROM campaign_segments ORDER BY name LIMIT 500');
    return rows.map(presentSegment);
  }

  async get(id: string) {
    const [row] = await this.sql.rows<SegmentRow>('SELECT * FROM campaign_segments WHERE id = :id', { id });
    if (!row) throw segmentNotFound(id);
    return presentSegment(row);
  }

  /** How many customers the rules select and, with a channel, how many may receive an offer on it. */
  async preview(rules: SegmentRules, channel?: Channel) {
    const now = this.context.clock.now();
    const [count, eligible] = await Promise.all([
      this.audience.count(audienceQuery(rules, { now })),
      channel ? this.audience.count(audienceQuery(rules, { now, channel })) : Promise.resolve(null),
    ]);
    return { count, eligible };
  }

  async create(input: SegmentBody, actor: Actor) {
    const id = nextId();
    const now = this.context.clock.now();
    await this.#saving(input.name, () =>
      this.context.sequelize.transaction(async (transaction) => {
        await this.sql.run(
          `INSERT INTO campaign_segments (id, name, description, rules, created_by, created_at, updated_by, updated_at)
           VALUES (:id, :name, :description, :rules, :actor, :now, :actor, :now)`,
          {
            id,
            name: input.name,
            description: input.description ?? null,
            rules: JSON.stringify(input.rules),
            actor: actor.username,
            now,
          },
          transaction,
        );
        await this.#audit(
          'campaign-segment.create',
          id,
          actor,
          { name: input.name, rules: input.rules },
          transaction,
        );
      }),
    );
    return this.get(id);
  }

  async update(id: string, input: SegmentBody, actor: Actor) {
    const now = this.context.clock.now();
    await this.#saving(input.name, () =>
      this.context.sequelize.transaction(async (transaction) => {
        const { affected } = await this.sql.run(
          `UPDATE campaign_segments SET name = :name, description = :description, rules = :rules,
             updated_by = :actor, updated_at = :now WHERE id = :id`,
          {
            id,
            name: input.name,
            description: input.description ?? null,
            rules: JSON.stringify(input.rules),
            actor: actor.username,
            now,
          },
          transaction,
        );
        if (affected !== 1) throw segmentNotFound(id);
        await this.#audit(
          'campaign-segment.update',
          id,
          actor,
          { name: input.name, rules: input.rules },
          transaction,
        );
      }),
    );
    return this.get(id);
  }

  async #saving(name: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (
        error instanceof UniqueConstraintError ||
        /UNIQUE|Duplicate entry/i.test(String((error as Error)?.message))
      )
        throw new CampaignsError('SEGMENT_EXISTS', `A segment named '${name}' exists already`, [
          { field: 'body.name', message: 'already taken' },
        ]);
      throw error;
    }
  }

  #audit(action: string, id: string, actor: Actor, details: Record<string, unknown>, transaction: unknown) {
    return this.context.audit.record(
      {
        actor: actor.username,
        source: actor.source,
        action,
        entityType: 'campaign-segment',
        entityId: id,
        details,
      },
      transaction as never,
    );
  }
}
