import { WIB_OFFSET_MS } from '../calendar/calendar.ts';

const DAY_MS = 86_400_000;

/** The longest period a report answers: 24 month buckets keep the CASE expression short. */
export const MAX_MONTHS = 24;

/**
 * A report's period: WIB calendar dates from and to (both inclusive) as instants
 * [start, end), and its WIB calendar months, each clipped to the period.
 */
export interface Period {
  from: string;
  to: string;
  start: number;
  end: number;
  months: Month[];
}

export interface Month {
  /** 'YYYY-MM' (WIB). */
  month: string;
  start: number;
  end: number;
}

/** Midnight WIB of a 'YYYY-MM-DD' date, as epoch ms. */
export function wibMidnight(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) - WIB_OFFSET_MS;
}

/** The WIB calendar date of an instant. */
export function wibDate(instant: number): string {
  return new Date(instant + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

const monthStart = (year: number, monthIndex: number) => Date.UTC(year, monthIndex, 1) - WIB_OFFSET_MS;

/** Months between two WIB dates, counting both ends (2026-01-31 → 2026-02-01 is 2). */
export function monthSpan(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** The period of two WIB dates (validated by the schema: from ≤ to, at most MAX_MONTHS months). */
export function periodOf(from: string, to: string): Period {
  const start = wibMidnight(from);
  const end = wibMidnight(to) + DAY_MS;
  const [year, month] = from.split('-').map(Number) as [number, number];
  const months: Month[] = [];
  for (let i = 0; ; i++) {
    const bucketStart = monthStart(year, month - 1 + i);
    if (bucketStart >= end) break;
    const bucketEnd = monthStart(year, month + i);
    months.push({
      month: wibDate(bucketStart).slice(0, 7),
      start: Math.max(start, bucketStart),
      end: Math.min(end, bucketEnd),
    });
  }
  return { from, to, start, end, months };
}

/**
 * The default period ending today (WIB): this month so far, or the last `months` months
 * (this one included) from the first of the earliest.
 */
export function defaultDates(now: number, months: number): { from: string; to: string } {
  const today = wibDate(now);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const first = wibDate(monthStart(y, m - months));
  return { from: first, to: today };
}

/**
 * The month bucket of an instant column as a CASE expression with the boundaries as literal
 * numbers (computed here, so SQLite and MariaDB need no date functions or time-zone tables).
 * Rows outside the period are filtered by the caller's range on the same column.
 */
export function monthBucket(column: string, period: Period): string {
  const whens = period.months
    .slice(0, -1)
    .map((m, i) => `WHEN ${column} < ${Math.trunc(m.end)} THEN ${i}`)
    .join(' ');
  return whens ? `CASE ${whens} ELSE ${period.months.length - 1} END` : '0';
}
