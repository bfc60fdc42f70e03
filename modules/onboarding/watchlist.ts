import { randomUUID } from 'node:crypto';
import type { Sequelize, Transaction } from 'sequelize';
import type { Clock } from '../../engine/index.ts';
import type { AuditTrail } from '../audit/index.ts';
import { sqlOf } from '../server/sql.ts';
import { OnboardingError } from './errors.ts';
import { bool } from './model.ts';
import type { WatchlistEntryInput } from './schema.ts';
import type { Staff } from './scope.ts';
import type { ListedPerson } from './screening.ts';

interface Row {
  id: string;
  full_name: string;
  aliases: string;
  birth_date: string | null;
  category: string;
  list_source: string;
  reference: string | null;
  notes: string | null;
  demo: unknown;
  created_at: number | string;
  created_by: string;
  updated_at: number | string;
  updated_by: string;
}

export interface WatchlistEntry extends ListedPerson {
  reference: string | null;
  notes: string | null;
  demo: boolean;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  updatedBy: string;
}

const entryOf = (row: Row): WatchlistEntry => ({
  id: row.id,
  fullName: row.full_name,
  aliases: JSON.parse(row.aliases) as string[],
  birthDate: row.birth_date,
  category: row.category,
  listSource: row.list_source,
  reference: row.reference,
  notes: row.notes,
  demo: bool(row.demo),
  createdAt: Number(row.created_at),
  createdBy: row.created_by,
  updatedAt: Number(row.updated_at),
  updatedBy: row.updated_by,
});

const notFound = (id: string) =>
  new OnboardingError('WATCHLIST_ENTRY_NOT_FOUND', `There is no watch-list entry ${id}`);

/** The AML watch list compliance keeps: entries added, changed and removed (kept, marked), all audited. */
export class Watchlist {
  constructor(private readonly deps: { sequelize: Sequelize; clock: Clock; audit: AuditTrail }) {}

  private get sql() {
    return sqlOf(this.deps.sequelize);
  }

  /** The entries in force (removed ones are kept for the hits that named them, but not screened against). */
  async active(transaction?: Transaction): Promise<WatchlistEntry[]> {
    const rows = await this.sql.rows<Row>(
      'SELECT * FROM onboarding_watchlist WHERE removed_at IS NULL ORDER BY full_name, id',
      {},
      transaction,
    );
    return rows.map(entryOf);
  }

  async get(id: string): Promise<WatchlistEntry> {
    const [row] = await this.sql.rows<Row>(
      'SELECT * FROM onboarding_watchlist WHERE id = :id AND removed_at IS NULL',
      { id },
    );
    if (!row) throw notFound(id);
    return entryOf(row);
  }

  async add(input: WatchlistEntryInput, staff: Staff): Promise<WatchlistEntry> {
    const id = randomUUID();
    const now = this.deps.clock.now();
    await this.deps.sequelize.transaction(async (transaction) => {
      await this.sql.run(
        `INSERT INTO onboarding_watchlist (id, full_name, aliases, birth_date, category, list_source, reference,
           notes, demo, created_at, created_by, updated_at, updated_by)
         VALUES (:id, :fullName, :aliases, :birthDate, :category, :listSource, :reference, :notes, :demo, :now,
           :by, :now, :by)`,
        {
          id,
          fullName: input.fullName,
          aliases: JSON.stringify(input.aliases ?? []),
          birthDate: input.birthDate ?? null,
          category: input.category,
          listSource: input.listSource,
          reference: input.reference ?? null,
          notes: input.notes ?? null,
          demo: false,
          now,
          by: staff.username,
        },
        transaction,
      );
      await this.record(staff, 'onboarding.watchlist.add', id, { ...input }, transaction);
    });
    return this.get(id);
  }

  async change(id: string, changes: Partial<WatchlistEntryInput>, staff: Staff): Promise<WatchlistEntry> {
    const before = await this.get(id);
    const columns: Record<string, [string, unknown]> = {
      fullName: ['full_name', changes.fullName],
      aliases: ['aliases', changes.aliases && JSON.stringify(changes.aliases)],
      birthDate: ['birth_date', changes.birthDate],
      category: ['category', changes.category],
      listSource: ['list_source', changes.listSource],
      reference: ['reference', changes.reference],
      notes: ['notes', changes.notes],
    };
    const sets = Object.entries(columns).filter(([, [, value]]) => value !== undefined);
    if (sets.length === 0) return before;
    await this.deps.sequelize.transaction(async (transaction) => {
      await this.sql.run(
        `UPDATE onboarding_watchlist SET ${sets.map(([name, [column]]) => `${column} = :${name}`).join(', ')},
           updated_at = :now, updated_by = :by WHERE id = :id`,
        {
          ...Object.fromEntries(sets.map(([name, [, value]]) => [name, value])),
          id,
          now: this.deps.clock.now(),
          by: staff.username,
        },
        transaction,
      );
      const changed = Object.fromEntries(
        sets.map(([name]) => [
          name,
          { from: before[name as keyof WatchlistEntry], to: changes[name as keyof typeof changes] },
        ]),
      );
      await this.record(staff, 'onboarding.watchlist.change', id, changed, transaction);
    });
    return this.get(id);
  }

  async remove(id: string, staff: Staff): Promise<void> {
    const entry = await this.get(id);
    await this.deps.sequelize.transaction(async (transaction) => {
      await this.sql.run(
        'UPDATE onboarding_watchlist SET removed_at = :now, removed_by = :by WHERE id = :id AND removed_at IS NULL',
        { id, now: this.deps.clock.now(), by: staff.username },
        transaction,
      );
      await this.record(staff, 'onboarding.watchlist.remove', id, { fullName: entry.fullName }, transaction);
    });
  }

  /** A name screened by hand: the trail keeps that it happened and how many hits, not the name. */
  async recordScreening(staff: Staff, hits: number): Promise<void> {
    await this.deps.audit.record({
      actor: staff.username,
      source: staff.source,
      action: 'onboarding.watchlist.screen',
      entityType: 'watchlist-entry',
      entityId: '*',
      details: { hits },
    });
  }

  private record(
    staff: Staff,
    action: string,
    id: string,
    details: Record<string, unknown>,
    transaction: Transaction,
  ) {
    return this.deps.audit.record(
      {
        actor: staff.username,
        source: staff.source,
        action,
        entityType: 'watchlist-entry',
        entityId: id,
        details,
      },
      transaction,
    );
  }
}
