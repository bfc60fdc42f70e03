import type { Sequelize, Transaction } from 'sequelize';
import type { Clock } from '../../engine/index.ts';
import type { AuditLog } from '../audit/types.ts';
import { WorkingCalendar } from './calendar.ts';
import { CalendarError } from './errors.ts';
import { type Holiday, HolidayTable } from './model.ts';
import type { HolidayFields, NewHoliday } from './schema.ts';

export type { Holiday } from './model.ts';

/**
 * The bank's business calendar over the holiday table, for cases (SLA due dates) and
 * notifications (the contact window). Every call reads the holidays afresh: they are a few
 * dozen rows a year, and an admin's edit on one replica must count on every other at once,
 * which no in-memory cache guarantees. A caller that asks many questions in one go (a
 * campaign batch) takes one `snapshot()` and asks it.
 */
export class BusinessCalendar {
  readonly #table: HolidayTable;

  constructor(sequelize: Sequelize) {
    this.#table = new HolidayTable(sequelize);
  }

  /** The pure calendar over the holidays as they are now. */
  async snapshot(): Promise<WorkingCalendar> {
    return new WorkingCalendar(await this.#table.kinds());
  }

  /** Monday–Friday and not a holiday of either kind; a WIB date 'YYYY-MM-DD' or an instant. */
  async isWorkingDay(dayOrInstant: string | number): Promise<boolean> {
    return (await this.snapshot()).isWorkingDay(dayOrInstant);
  }

  /** The end (23:59:59.999 WIB) of the n-th working day after the day of `from`. */
  async addWorkingDays(from: number, n: number): Promise<number> {
    return (await this.snapshot()).addWorkingDays(from, n);
  }

  /** `hours` working hours (08:00–17:00 WIB, working days) after `from`. */
  async addWorkingHours(from: number, hours: number): Promise<number> {
    return (await this.snapshot()).addWorkingHours(from, hours);
  }

  /** Working hours between two instants; negative when `b` is before `a`. */
  async workingHoursBetween(a: number, b: number): Promise<number> {
    return (await this.snapshot()).workingHoursBetween(a, b);
  }

  /** The marketing contact window: Monday–Saturday 08:00–18:00 WIB, not on national holidays. */
  readonly contactWindow = {
    isOpen: async (instant: number): Promise<boolean> =>
      (await this.snapshot()).contactWindow.isOpen(instant),
    nextOpening: async (instant: number): Promise<number> =>
      (await this.snapshot()).contactWindow.nextOpening(instant),
  };
}

/** Who changes a holiday, for the audit trail. */
export interface Actor {
  username: string;
  source: string | null;
}

const FIELDS = ['name', 'nameEn', 'kind'] as const;

/** The admin's upkeep of the holiday table; every change is audited in its own transaction. */
export class Holidays {
  readonly #table: HolidayTable;

  constructor(
    sequelize: Sequelize,
    private readonly deps: { clock: Clock; audit: AuditLog },
  ) {
    this.#table = new HolidayTable(sequelize);
  }

  list(year?: number): Promise<Holiday[]> {
    return this.#table.list(year);
  }

  async create(input: NewHoliday, actor: Actor): Promise<Holiday> {
    const holiday = this.#stamp(input.date, input, actor);
    return this.#table.transaction(async (transaction) => {
      if (
        (await this.#table.find(input.date, transaction)) ||
        !(await this.#table.insert(holiday, transaction))
      )
        throw new CalendarError(
          'HOLIDAY_EXISTS',
          `There is already a holiday on ${input.date}: change it instead`,
        );
      await this.#audit('holiday.create', input.date, changes(undefined, holiday), actor, transaction);
      return holiday;
    });
  }

  /** Replaces a holiday's names and kind; unchanged input writes nothing. */
  async update(date: string, input: HolidayFields, actor: Actor): Promise<Holiday> {
    return this.#table.transaction(async (transaction) => {
      const before = await this.#table.find(date, transaction);
      if (!before) throw notFound(date);
      const details = changes(before, input);
      if (Object.keys(details).length === 0) return before;
      const after = this.#stamp(date, input, actor);
      await this.#table.update(after, transaction);
      await this.#audit('holiday.update', date, details, actor, transaction);
      return after;
    });
  }

  async remove(date: string, actor: Actor): Promise<void> {
    await this.#table.transaction(async (transaction) => {
      const before = await this.#table.find(date, transaction);
      if (!before) throw notFound(date);
      await this.#table.delete(date, transaction);
      await this.#audit('holiday.delete', date, changes(before, undefined), actor, transaction);
    });
  }

  #stamp(date: string, fields: HolidayFields, actor: Actor): Holiday {
    const { name, nameEn, kind } = fields;
    return { date, name, nameEn, kind, updatedAt: this.deps.clock.now(), updatedBy: actor.username };
  }

  #audit(
    action: 'holiday.create' | 'holiday.update' | 'holiday.delete',
    date: string,
    details: Record<string, unknown>,
    actor: Actor,
    transaction: Transaction,
  ): Promise<void> {
    return this.deps.audit.record(
      { actor: actor.username, source: actor.source, action, entityType: 'holiday', entityId: date, details },
      transaction,
    );
  }
}

function notFound(date: string): CalendarError {
  return new CalendarError('HOLIDAY_NOT_FOUND', `There is no holiday on ${date}`);
}

/** `{ field: { from, to } }` for every field that differs (null for a side that does not exist). */
function changes(before: HolidayFields | undefined, after: HolidayFields | undefined) {
  const details: Record<string, { from: string | null; to: string | null }> = {};
  for (const field of FIELDS) {
    const from = before?.[field] ?? null;
    const to = after?.[field] ?? null;
    if (from !== to) details[field] = { from, to };
  }
  return details;
}
