import { describe, expect, it } from 'vitest';
import { dayOfDate, type HolidayKind, isDate, jakartaDate, WorkingCalendar, weekdayOf } from './calendar.ts';
import { HOLIDAYS_2026, HOLIDAYS_2027, SEED_HOLIDAYS } from './holidays-2026-2027.ts';

/** An instant written as WIB wall-clock time: wib('2026-03-17 10:00'). */
const wib = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);
/** The end of a WIB day, as addWorkingDays answers. */
const endOf = (date: string) => wib(`${date} 23:59`) + 59_999;
const iso = (instant: number) => new Date(instant).toISOString();

const seeded = new Map<string, HolidayKind>(SEED_HOLIDAYS.map((h) => [h.date, h.kind]));
const calendar = new WorkingCalendar(seeded);

describe('the seeded holidays', () => {
  it('2026 has the 17 national holidays and 8 cuti bersama days of the SKB', () => {
    expect(HOLIDAYS_2026.filter((h) => h.kind === 'national')).toHaveLength(17);
    expect(HOLIDAYS_2026.filter((h) => h.kind === 'cuti-bersama')).toHaveLength(8);
  });

  it('every date is a real, unique date of its year, and every cuti bersama is a weekday', () => {
    expect(new Set(SEED_HOLIDAYS.map((h) => h.date)).size).toBe(SEED_HOLIDAYS.length);
    for (const h of SEED_HOLIDAYS) expect(isDate(h.date), h.date).toBe(true);
    for (const h of HOLIDAYS_2027) expect(h.date.startsWith('2027-')).toBe(true);
    for (const h of SEED_HOLIDAYS.filter((s) => s.kind === 'cuti-bersama'))
      expect([1, 2, 3, 4, 5], h.date).toContain(weekdayOf(dayOfDate(h.date)));
  });
});

describe('days in Asia/Jakarta', () => {
  it('given an instant after 17:00 UTC, its day is already the next one in WIB', () => {
    expect(jakartaDate(Date.parse('2026-03-17T16:59:59Z'))).toBe('2026-03-17');
    expect(jakartaDate(Date.parse('2026-03-17T17:00:00Z'))).toBe('2026-03-18');
  });

  it('a malformed or impossible date is refused', () => {
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('2026-3-1')).toBe(false);
    expect(() => dayOfDate('2026-04-31')).toThrow(RangeError);
  });
});

describe('working days: Monday–Friday, not a national holiday nor cuti bersama', () => {
  it('around Nyepi and Idul Fitri 2026', () => {
    expect(calendar.isWorkingDay('2026-03-16')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2026-03-18')).toBe(false); // cuti bersama Nyepi
    expect(calendar.isWorkingDay('2026-03-19')).toBe(false); // Nyepi
    expect(calendar.isWorkingDay('2026-03-21')).toBe(false); // Saturday, Idul Fitri
    expect(calendar.isWorkingDay('2026-03-24')).toBe(false); // cuti bersama Idul Fitri
    expect(calendar.isWorkingDay('2026-03-25')).toBe(true);
  });

  it('given an instant, its WIB day decides', () => {
    // 2026-03-24 17:30 UTC is Wednesday 25 March 00:30 WIB: a working day.
    expect(calendar.isWorkingDay(Date.parse('2026-03-24T17:30:00Z'))).toBe(true);
    expect(calendar.isWorkingDay(Date.parse('2026-03-24T16:30:00Z'))).toBe(false);
  });
});

describe('addWorkingDays: the end (23:59:59.999 WIB) of the n-th working day after the day of from', () => {
  it('across a weekend', () => {
    expect(calendar.addWorkingDays(wib('2026-03-06 14:00'), 1)).toBe(endOf('2026-03-09'));
    expect(calendar.addWorkingDays(wib('2026-03-06 14:00'), 5)).toBe(endOf('2026-03-13'));
    // Received on a Saturday: Monday is the first working day after it.
    expect(calendar.addWorkingDays(wib('2026-03-07 10:00'), 1)).toBe(endOf('2026-03-09'));
  });

  it('the due instant is 16:59:59.999 UTC', () => {
    expect(iso(calendar.addWorkingDays(wib('2026-03-06 14:00'), 1))).toBe('2026-03-09T16:59:59.999Z');
  });

  it('0 days is the end of the day of from itself', () => {
    expect(calendar.addWorkingDays(wib('2026-03-10 09:00'), 0)).toBe(endOf('2026-03-10'));
  });

  it('a written complaint of 17 March 2026 is due 10 working days later, past Nyepi, Idul Fitri and Good Friday', () => {
    // 18 cuti, 19 Nyepi, 20 cuti, 21–22 Idul Fitri, 23–24 cuti; 25 Mar … 2 Apr are 1–7;
    // 3 Apr Good Friday; 6, 7, 8 Apr are 8–10.
    expect(calendar.addWorkingDays(wib('2026-03-17 10:00'), 3)).toBe(endOf('2026-03-27'));
    expect(calendar.addWorkingDays(wib('2026-03-17 10:00'), 10)).toBe(endOf('2026-04-08'));
  });

  it('the day of from is the WIB day: 23:30 WIB and 00:30 WIB the next day differ', () => {
    expect(calendar.addWorkingDays(wib('2026-03-09 23:30'), 1)).toBe(endOf('2026-03-10'));
    expect(calendar.addWorkingDays(wib('2026-03-10 00:30'), 1)).toBe(endOf('2026-03-11'));
  });

  it('across the year end: Christmas, New Year and the (estimated) Isra Mikraj of 2027', () => {
    // 24 Dec cuti, 25 Dec Christmas; 28–31 Dec are 1–4; 1 Jan; 4 Jan is 5; 5 Jan Isra Mikraj.
    expect(calendar.addWorkingDays(wib('2026-12-23 16:00'), 4)).toBe(endOf('2026-12-31'));
    expect(calendar.addWorkingDays(wib('2026-12-23 16:00'), 5)).toBe(endOf('2027-01-04'));
    expect(calendar.addWorkingDays(wib('2026-12-23 16:00'), 6)).toBe(endOf('2027-01-06'));
  });

  it('a negative or fractional count is refused', () => {
    expect(() => calendar.addWorkingDays(wib('2026-03-10 09:00'), -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(wib('2026-03-10 09:00'), 1.5)).toThrow(RangeError);
  });
});

describe('addWorkingHours: 08:00–17:00 WIB on working days', () => {
  it('within one day', () => {
    expect(calendar.addWorkingHours(wib('2026-03-16 09:00'), 3)).toBe(wib('2026-03-16 12:00'));
    expect(calendar.addWorkingHours(wib('2026-03-16 09:00'), 0.5)).toBe(wib('2026-03-16 09:30'));
  });

  it('a due time on the closing stays at 17:00, not the next opening', () => {
    expect(calendar.addWorkingHours(wib('2026-03-16 08:00'), 9)).toBe(wib('2026-03-16 17:00'));
  });

  it('what does not fit today continues at the next opening', () => {
    expect(calendar.addWorkingHours(wib('2026-03-16 16:00'), 2)).toBe(wib('2026-03-17 09:00'));
    expect(calendar.addWorkingHours(wib('2026-03-13 16:00'), 2)).toBe(wib('2026-03-16 09:00'));
  });

  it('a start outside working hours begins at the next opening', () => {
    expect(calendar.addWorkingHours(wib('2026-03-16 06:00'), 0)).toBe(wib('2026-03-16 08:00'));
    expect(calendar.addWorkingHours(wib('2026-03-16 18:30'), 1)).toBe(wib('2026-03-17 09:00'));
    expect(calendar.addWorkingHours(wib('2026-03-14 10:00'), 1)).toBe(wib('2026-03-16 09:00'));
  });

  it('24 working hours from 17 March 2026 15:00 skip the Lebaran week', () => {
    // 2 h on the 17th, then 9 h on 25 and 26 March, 4 h on the 27th.
    expect(calendar.addWorkingHours(wib('2026-03-17 15:00'), 24)).toBe(wib('2026-03-27 12:00'));
  });
});

describe('workingHoursBetween', () => {
  it('counts only working hours, and is negative backwards', () => {
    expect(calendar.workingHoursBetween(wib('2026-03-16 08:00'), wib('2026-03-16 17:00'))).toBe(9);
    expect(calendar.workingHoursBetween(wib('2026-03-13 16:00'), wib('2026-03-16 10:00'))).toBe(3);
    expect(calendar.workingHoursBetween(wib('2026-03-16 10:00'), wib('2026-03-13 16:00'))).toBe(-3);
    expect(calendar.workingHoursBetween(wib('2026-03-14 09:00'), wib('2026-03-15 20:00'))).toBe(0);
  });

  it('agrees with addWorkingHours across the Lebaran week', () => {
    const from = wib('2026-03-17 15:00');
    expect(calendar.workingHoursBetween(from, calendar.addWorkingHours(from, 24))).toBe(24);
  });
});

describe('the contact window: Monday–Saturday 08:00–18:00 WIB, not on national holidays', () => {
  const { isOpen, nextOpening } = calendar.contactWindow;

  it('open on a Saturday until 18:00, then closed until Monday 08:00', () => {
    expect(isOpen(wib('2026-03-14 10:00'))).toBe(true);
    expect(isOpen(wib('2026-03-14 17:59'))).toBe(true);
    expect(isOpen(wib('2026-03-14 18:00'))).toBe(false);
    expect(nextOpening(wib('2026-03-14 19:30'))).toBe(wib('2026-03-16 08:00'));
  });

  it('closed on a Sunday', () => {
    expect(isOpen(wib('2026-03-15 10:00'))).toBe(false);
    expect(nextOpening(wib('2026-03-15 10:00'))).toBe(wib('2026-03-16 08:00'));
  });

  it('closed before 08:00, opening the same morning', () => {
    expect(isOpen(wib('2026-03-10 07:59'))).toBe(false);
    expect(nextOpening(wib('2026-03-10 07:59'))).toBe(wib('2026-03-10 08:00'));
    expect(nextOpening(wib('2026-03-10 08:00'))).toBe(wib('2026-03-10 08:00'));
  });

  it('closed on a national holiday; cuti bersama does not close it', () => {
    expect(isOpen(wib('2026-03-19 10:00'))).toBe(false); // Nyepi
    expect(nextOpening(wib('2026-03-19 10:00'))).toBe(wib('2026-03-20 08:00')); // cuti bersama
    expect(isOpen(wib('2026-03-20 10:00'))).toBe(true);
  });

  it('Idul Fitri on a Saturday closes it; it opens again on Monday', () => {
    expect(isOpen(wib('2026-03-21 10:00'))).toBe(false);
    expect(nextOpening(wib('2026-03-20 18:00'))).toBe(wib('2026-03-23 08:00'));
  });

  it('UTC-evening instants are judged in WIB', () => {
    // 2026-03-16 01:00 UTC is Monday 08:00 WIB.
    expect(isOpen(Date.parse('2026-03-16T01:00:00Z'))).toBe(true);
    expect(isOpen(Date.parse('2026-03-16T00:59:59Z'))).toBe(false);
  });
});

describe('a calendar without holidays', () => {
  const plain = new WorkingCalendar(new Map());
  it('counts every weekday', () => {
    expect(plain.isWorkingDay('2026-03-19')).toBe(true);
    expect(plain.addWorkingDays(wib('2026-03-17 10:00'), 3)).toBe(endOf('2026-03-20'));
  });
});
