import { describe, expect, it } from 'vitest';
import { defaultDates, monthBucket, monthSpan, periodOf, wibDate, wibMidnight } from './period.ts';

describe('report periods in WIB', () => {
  it('a period runs from midnight WIB of its first day to midnight WIB after its last', () => {
    const p = periodOf('2026-01-15', '2026-03-02');
    expect(new Date(p.start).toISOString()).toBe('2026-01-14T17:00:00.000Z');
    expect(new Date(p.end).toISOString()).toBe('2026-03-02T17:00:00.000Z');
    expect(
      p.months.map((m) => [m.month, new Date(m.start).toISOString(), new Date(m.end).toISOString()]),
    ).toEqual([
      ['2026-01', '2026-01-14T17:00:00.000Z', '2026-01-31T17:00:00.000Z'],
      ['2026-02', '2026-01-31T17:00:00.000Z', '2026-02-28T17:00:00.000Z'],
      ['2026-03', '2026-02-28T17:00:00.000Z', '2026-03-02T17:00:00.000Z'],
    ]);
  });

  it('the month bucket is a CASE over the boundaries between months; one month is bucket 0', () => {
    const p = periodOf('2025-12-01', '2026-02-10');
    expect(monthBucket('k.created_at', p)).toBe(
      `CASE WHEN k.created_at < ${wibMidnight('2026-01-01')} THEN 0 WHEN k.created_at < ${wibMidnight('2026-02-01')} THEN 1 ELSE 2 END`,
    );
    expect(monthBucket('k.created_at', periodOf('2026-03-01', '2026-03-31'))).toBe('0');
  });

  it('defaults end today (WIB): this month, or the last six months from the first of the earliest', () => {
    // 2026-03-31T20:00Z is already 1 April in WIB.
    const now = Date.parse('2026-03-31T20:00:00Z');
    expect(wibDate(now)).toBe('2026-04-01');
    expect(defaultDates(now, 1)).toEqual({ from: '2026-04-01', to: '2026-04-01' });
    expect(defaultDates(now, 6)).toEqual({ from: '2025-11-01', to: '2026-04-01' });
    expect(monthSpan('2025-11-01', '2026-04-01')).toBe(6);
  });
});
