import { QueryTypes, type Sequelize, type Transaction, UniqueConstraintError } from 'sequelize';
import type { HolidayKind } from './calendar.ts';

/** A holiday as the service hands it out. */
export interface Holiday {
  /** WIB date 'YYYY-MM-DD'. */
  date: string;
  /** In Bahasa Indonesia. */
  name: string;
  nameEn: string;
  kind: HolidayKind;
  updatedAt: number;
  updatedBy: string;
}

interface HolidayRow {
  date: string;
  name: string;
  name_en: string;
  kind: HolidayKind;
  updated_at: number | string;
  updated_by: string;
}

const toHoliday = (row: HolidayRow): Holiday => ({
  date: row.date,
  name: row.name,
  nameEn: row.name_en,
  kind: row.kind,
  updatedAt: Number(row.updated_at),
  updatedBy: row.updated_by,
});

/** The calendar_holidays table, in raw SQL that SQLite and MariaDB both run. */
export class HolidayTable {
  constructor(private readonly sequelize: Sequelize) {}

  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.sequelize.transaction(work);
  }

  /** Every holiday, or those of one year, by date. */
  async list(year?: number): Promise<Holiday[]> {
    const rows = await this.sequelize.query<HolidayRow>(
      year === undefined
        ? 'SELECT * FROM calendar_holidays ORDER BY date'
        : 'SELECT * FROM calendar_holidays WHERE date >= :from AND date < :to ORDER BY date',
      {
        replacements: year === undefined ? {} : { from: `${year}-01-01`, to: `${year + 1}-01-01` },
        type: QueryTypes.SELECT,
      },
    );
    return rows.map(toHoliday);
  }

  /** The date → kind pairs the arithmetic needs. */
  async kinds(): Promise<Map<string, HolidayKind>> {
    const rows = await this.sequelize.query<{ date: string; kind: HolidayKind }>(
      'SELECT date, kind FROM calendar_holidays',
      { type: QueryTypes.SELECT },
    );
    return new Map(rows.map((row) => [row.date, row.kind]));
  }

  /** One holiday; inside a transaction it is locked until the transaction ends (MariaDB). */
  async find(date: string, transaction?: Transaction): Promise<Holiday | undefined> {
    // SQLite has no FOR UPDATE; its IMMEDIATE transactions already hold the write lock.
    const lock = transaction && this.sequelize.getDialect() !== 'sqlite' ? ' FOR UPDATE' : '';
    const [row] = await this.sequelize.query<HolidayRow>(
      `SELECT * FROM calendar_holidays WHERE date = :date${lock}`,
      { replacements: { date }, type: QueryTypes.SELECT, transaction },
    );
    return row ? toHoliday(row) : undefined;
  }

  /** Inserts a holiday; false when one exists on that date. */
  async insert(holiday: Holiday, transaction: Transaction): Promise<boolean> {
    try {
      await this.sequelize.query(
        `INSERT INTO calendar_holidays (date, name, name_en, kind, updated_at, updated_by)
         VALUES (:date, :name, :nameEn, :kind, :updatedAt, :updatedBy)`,
        { replacements: { ...holiday }, transaction },
      );
      return true;
    } catch (error) {
      if (error instanceof UniqueConstraintError) return false;
      throw error;
    }
  }

  async update(holiday: Holiday, transaction: Transaction): Promise<void> {
    await this.sequelize.query(
      `UPDATE calendar_holidays SET name = :name, name_en = :nameEn, kind = :kind,
         updated_at = :updatedAt, updated_by = :updatedBy WHERE date = :date`,
      { replacements: { ...holiday }, transaction },
    );
  }

  async delete(date: string, transaction: Transaction): Promise<void> {
    await this.sequelize.query('DELETE FROM calendar_holidays WHERE date = :date', {
      replacements: { date },
      transaction,
    });
  }
}
