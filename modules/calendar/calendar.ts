/**
 * Working-day and working-hour arithmetic of the bank's business calendar, and the marketing
 * contact window. Pure: no database, no clock; it takes the holiday set.
 *
 * Time: instants are epoch milliseconds. Every calendar question (which day, which hour) is
 * asked in Asia/Jakarta (WIB), which is UTC+07:00 all year: Indonesia has no daylight saving,
 * so a fixed offset is exact and no time-zone library is needed. A "day number" counts WIB
 * calendar days since 1970-01-01; a date is written 'YYYY-MM-DD' (a WIB calendar date).
 */

export type HolidayKind = 'national' | 'cuti-bersama';
export const HOLIDAY_KINDS = ['national', 'cuti-bersama'] as const satisfies readonly HolidayKind[];

/** The holidays the arithmetic knows: WIB date 'YYYY-MM-DD' → kind. */
export type HolidaySet = ReadonlyMap<string, HolidayKind>;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Asia/Jakarta (WIB) is UTC+07:00, with no daylight saving. */
export const WIB_OFFSET_MS = 7 * HOUR_MS;

/** Working hours on working days: 08:00–17:00 WIB (start inclusive, end exclusive). */
export const WORKING_HOURS = { opens: 8, closes: 17 } as const;

/**
 * The marketing contact window (DOMAIN.md, offers by phone, SMS, e-mail or WhatsApp):
 * Monday–Saturday 08:00–18:00, not on national holidays.
 *
 * Decision: cuti bersama does NOT close the window. The rule names national holidays (hari
 * libur nasional); cuti bersama are collective leave days, legally taken from annual leave
 * and not public holidays. To be stricter, add 'cuti-bersama' to `closedOn`: it is the one
 * place that decides. "Local time" is WIB: the bank's customers are in North Sumatra; a
 * customer in WITA or WIT would need their own offset (not handled yet).
 */
export const CONTACT_WINDOW = {
  /** Weekdays as Date.getUTCDay numbers: 1 = Monday … 6 = Saturday. */
  weekdays: [1, 2, 3, 4, 5, 6] as readonly number[],
  opens: 8,
  closes: 18,
  closedOn: ['national'] as readonly HolidayKind[],
} as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The WIB day number of an instant. */
export function dayOf(instant: number): number {
  return Math.floor((instant + WIB_OFFSET_MS) / DAY_MS);
}

/** The instant 00:00 WIB of a day number begins. */
export function startOfDay(day: number): number {
  return day * DAY_MS - WIB_OFFSET_MS;
}

/** The WIB date 'YYYY-MM-DD' of a day number. */
export function dateOfDay(day: number): string {
  // A day number times DAY_MS is that date's UTC midnight: read as UTC, it is the date itself.
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The WIB date 'YYYY-MM-DD' of an instant. */
export function jakartaDate(instant: number): string {
  return dateOfDay(dayOf(instant));
}

/** The day number of a 'YYYY-MM-DD' date; RangeError when it is not a real date. */
export function dayOfDate(date: string): number {
  const match = DATE.exec(date);
  const day = match
    ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS
    : Number.NaN;
  if (!Number.isInteger(day) || dateOfDay(day) !== date) throw new RangeError(`Not a date: ${date}`);
  return day;
}

/** Whether a string is a real calendar date written 'YYYY-MM-DD'. */
export function isDate(value: string): boolean {
  try {
    dayOfDate(value);
    return true;
  } catch {
    return false;
  }
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The business calendar over one holiday set. */
export class WorkingCalendar {
  constructor(readonly holidays: HolidaySet) {}

  /**
   * Whether a day is a working day: Monday–Friday and not a holiday of either kind
   * (national or cuti bersama, as POJK 22/2023 counts complaint deadlines). Takes a WIB date
   * 'YYYY-MM-DD' or an instant (its WIB day).
   */
  isWorkingDay(dayOrInstant: string | number): boolean {
    const day = typeof dayOrInstant === 'string' ? dayOfDate(dayOrInstant) : dayOf(dayOrInstant);
    return this.#isWorkingDayNumber(day);
  }

  /**
   * The POJK complaint deadline: the end of the n-th working day after the day of `from`
   * (the day `from` falls on, in WIB, is never counted, working day or not). "End" is
   * 23:59:59.999 WIB of that day, the last millisecond before the next WIB midnight. n = 0
   * is the end of the day of `from` itself.
   */
  addWorkingDays(from: number, n: number): number {
    if (!Number.isSafeInteger(n) || n < 0)
      throw new RangeError(`Expected a whole number of days ≥ 0, got ${n}`);
    let day = dayOf(from);
    for (let counted = 0; counted < n; ) {
      day += 1;
      if (this.#isWorkingDayNumber(day)) counted += 1;
    }
    return startOfDay(day + 1) - 1;
  }

  /**
   * The instant `hours` working hours after `from`, counting only 08:00–17:00 WIB on working
   * days. A start outside working hours begins at the next opening; a due time that lands
   * exactly on a closing stays at 17:00 that day (not the next opening). Fractions of an hour
   * are allowed; 0 hours gives the next opening (or `from` itself within hours).
   */
  addWorkingHours(from: number, hours: number): number {
    if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Expected hours ≥ 0, got ${hours}`);
    let remaining = Math.round(hours * HOUR_MS);
    let at = this.#nextWorkingInstant(from);
    for (;;) {
      const closes = startOfDay(dayOf(at)) + WORKING_HOURS.closes * HOUR_MS;
      if (at + remaining <= closes) return at + remaining;
      remaining -= closes - at;
      at = this.#nextWorkingInstant(closes);
    }
  }

  /**
   * Working hours (08:00–17:00 WIB on working days) between two instants, as a fractional
   * number of hours; negative when `b` is before `a`.
   */
  workingHoursBetween(a: number, b: number): number {
    if (b < a) return -this.workingHoursBetween(b, a);
    let total = 0;
    for (let day = dayOf(a); day <= dayOf(b); day++) {
      if (!this.#isWorkingDayNumber(day)) continue;
      const opens = startOfDay(day) + WORKING_HOURS.opens * HOUR_MS;
      const closes = startOfDay(day) + WORKING_HOURS.closes * HOUR_MS;
      total += Math.max(0, Math.min(b, closes) - Math.max(a, opens));
    }
    return total / HOUR_MS;
  }

  /** The marketing contact window (see CONTACT_WINDOW for the rule and its decisions). */
  readonly contactWindow = {
    /** Whether an offer may be made at this instant. */
    isOpen: (instant: number): boolean => {
      const day = dayOf(instant);
      if (!this.#contactDay(day)) return false;
      const hour = (instant - startOfDay(day)) / HOUR_MS;
      return hour >= CONTACT_WINDOW.opens && hour < CONTACT_WINDOW.closes;
    },
    /** The first instant at or after `instant` when the window is open (`instant` itself when open). */
    nextOpening: (instant: number): number => {
      if (this.contactWindow.isOpen(instant)) return instant;
      let day = dayOf(instant);
      if (instant >= startOfDay(day) + CONTACT_WINDOW.opens * HOUR_MS) day += 1;
      while (!this.#contactDay(day)) day += 1;
      return startOfDay(day) + CONTACT_WINDOW.opens * HOUR_MS;
    },
  };

  #isWorkingDayNumber(day: number): boolean {
    const weekday = weekdayOf(day);
    return weekday >= 1 && weekday <= 5 && !this.holidays.has(dateOfDay(day));
  }

  #contactDay(day: number): boolean {
    const kind = this.holidays.get(dateOfDay(day));
    return (
      CONTACT_WINDOW.weekdays.includes(weekdayOf(day)) && !(kind && CONTACT_WINDOW.closedOn.includes(kind))
    );
  }

  /** `instant` when it is within working hours, else the next opening. */
  #nextWorkingInstant(instant: number): number {
    let day = dayOf(instant);
    if (this.#isWorkingDayNumber(day)) {
      const opens = startOfDay(day) + WORKING_HOURS.opens * HOUR_MS;
      const closes = startOfDay(day) + WORKING_HOURS.closes * HOUR_MS;
      if (instant < opens) return opens;
      if (instant < closes) return instant;
    }
    do day += 1;
    while (!this.#isWorkingDayNumber(day));
    return startOfDay(day) + WORKING_HOURS.opens * HOUR_MS;
  }
}
