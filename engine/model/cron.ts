/**
 * Cron expressions as Zeebe's timer cycles take them: Spring 5.3's CronExpression, six fields
 * with seconds first (`0 0 9-17 * * MON-FRI`), evaluated in the engine's time zone (the
 * process's TZ). Day of month and day of week must both match, as in Spring (not Unix cron's
 * "either"). Quartz's `L`, `W` and `#` work where Spring allows them.
 */
export interface CronExpression {
  readonly source: string;
  /** The first whole second strictly after `after` (epoch ms) that matches; undefined if none comes. */
  next(after: number): number | undefined;
}

export class CronError extends Error {}

const MACROS: Readonly<Record<string, string>> = {
  '@YEARLY': '0 0 0 1 1 *',
  '@ANNUALLY': '0 0 0 1 1 *',
  '@MONTHLY': '0 0 0 1 * *',
  '@WEEKLY': '0 0 0 * * 0',
  '@DAILY': '0 0 0 * * *',
  '@MIDNIGHT': '0 0 0 * * *',
  '@HOURLY': '0 0 * * * *',
};

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
/** Spring numbers names MON=1 … SUN=7, like java.time; digits 0 and 7 are both Sunday. */
const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

interface Range {
  name: string;
  min: number;
  max: number;
}
const SECOND: Range = { name: 'second', min: 0, max: 59 };
const MINUTE: Range = { name: 'minute', min: 0, max: 59 };
const HOUR: Range = { name: 'hour', min: 0, max: 23 };
const DAY_OF_MONTH: Range = { name: 'day of month', min: 1, max: 31 };
const MONTH: Range = { name: 'month', min: 1, max: 12 };
const DAY_OF_WEEK: Range = { name: 'day of week', min: 1, max: 7 };

/** A day test: the local calendar day of `date` (1-based day, ISO day of week 1 = Monday). */
type DayTest = (day: CalendarDay) => boolean;

interface CalendarDay {
  year: number;
  /** 0-based, as Date has it. */
  month: number;
  day: number;
  weekday: number;
  lastDay: number;
}

/** Parses a Spring cron expression (or a macro such as `@daily`); throws CronError saying what is wrong. */
export function parseCron(text: string): CronExpression {
  const source = text.trim();
  const fields = (MACROS[source.toUpperCase()] ?? source).split(/\s+/);
  if (fields.length !== 6) {
    throw new CronError(
      `a cron expression has 6 fields (second minute hour day-of-month month day-of-week), but '${source}' has ${fields.length}`,
    );
  }
  const [seconds, minutes, hours, daysOfMonth, months, daysOfWeek] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const parts = {
    seconds: bits(seconds, SECOND),
    minutes: bits(minutes, MINUTE),
    hours: bits(hours, HOUR),
    months: bits(names(months, MONTHS), MONTH),
    dayOfMonth: dayOfMonthTest(daysOfMonth),
    dayOfWeek: dayOfWeekTest(names(daysOfWeek, DAYS)),
  };
  return { source, next: (after) => nextMatch(parts, after) };
}

/** Spring replaces names anywhere in the field by their numbers, after upper-casing it. */
function names(field: string, list: readonly string[]): string {
  let value = field.toUpperCase();
  list.forEach((name, i) => {
    value = value.replaceAll(name, String(i + 1));
  });
  return value;
}

function int(text: string, range: Range, field: string): number {
  if (!/^\d+$/.test(text))
    throw new CronError(`'${text}' is not a number in the ${range.name} field '${field}'`);
  return Number(text);
}

function checked(value: number, range: Range, field: string): number {
  // Day of week also takes 0 for Sunday.
  const min = range === DAY_OF_WEEK ? 0 : range.min;
  if (value < min || value > range.max) {
    throw new CronError(`${value} is out of range ${min}-${range.max} in the ${range.name} field '${field}'`);
  }
  return value;
}

/** A plain field: `*`, values, ranges `a-b`, steps `*\/n`, `a/n`, `a-b/n`, lists of these. */
function bits(field: string, range: Range): boolean[] {
  const set: boolean[] = [];
  const value = (range === DAY_OF_MONTH || range === DAY_OF_WEEK) && field === '?' ? '*' : field;
  for (const part of value.split(',')) {
    const [rangeText = '', step, extra] = part.split('/');
    if (extra !== undefined)
      throw new CronError(`'${part}' has more than one '/' in the ${range.name} field`);
    let [from, to] = span(rangeText, range, field);
    // `a/n` runs from a to the end of the field's range.
    if (step !== undefined && !rangeText.includes('-')) to = range.max;
    const delta = step === undefined ? 1 : int(step, range, field);
    if (delta <= 0) throw new CronError(`the step in '${part}' must be 1 or more`);
    for (let i = from; i <= to; i += delta) set[i] = true;
  }
  if (range === DAY_OF_WEEK && set[0]) {
    set[7] = true;
    set[0] = false;
  }
  return set;
}

function span(text: string, range: Range, field: string): [number, number] {
  if (text === '*') return [range.min, range.max];
  const hyphen = text.indexOf('-');
  if (hyphen === -1) {
    const value = checked(int(text, range, field), range, field);
    return [value, value];
  }
  let from = checked(int(text.slice(0, hyphen), range, field), range, field);
  const to = checked(int(text.slice(hyphen + 1), range, field), range, field);
  // Sunday as the start of a range is 0 (SUN-SAT), not 7.
  if (range === DAY_OF_WEEK && from === 7) from = 0;
  if (from > to)
    throw new CronError(`the range '${text}' in the ${range.name} field '${field}' runs backwards`);
  return [from, to];
}

function dayOfMonthTest(field: string): DayTest {
  if (!/[LW]/.test(field)) return bitsTest(bits(field, DAY_OF_MONTH), (d) => d.day);
  const tests = field.split(',').map((part): DayTest => {
    if (!/[LW]/.test(part)) return bitsTest(bits(part, DAY_OF_MONTH), (d) => d.day);
    if (part === 'L') return (d) => d.day === d.lastDay;
    if (part === 'LW') return (d) => d.day === lastWeekday(d);
    const offset = /^L-(\d+)$/.exec(part);
    if (offset) {
      const n = Number(offset[1]);
      if (n <= 0) throw new CronError(`the offset in '${part}' must be 1 or more`);
      return (d) => d.day === d.lastDay - n;
    }
    const weekday = /^(\d+)W$/.exec(part);
    if (weekday) {
      const n = checked(Number(weekday[1]), DAY_OF_MONTH, field);
      return (d) => isNearestWeekday(d, n);
    }
    throw new CronError(`'${part}' is not a valid day of month (L, L-n, LW or nW) in '${field}'`);
  });
  return (d) => tests.some((test) => test(d));
}

function dayOfWeekTest(field: string): DayTest {
  if (!/[L#]/.test(field)) return bitsTest(bits(field, DAY_OF_WEEK), (d) => d.weekday);
  const tests = field.split(',').map((part): DayTest => {
    if (!/[L#]/.test(part)) return bitsTest(bits(part, DAY_OF_WEEK), (d) => d.weekday);
    const last = /^(\d+)L$/.exec(part);
    if (last) {
      const weekday = isoWeekday(Number(last[1]), field);
      return (d) => d.weekday === weekday && d.day + 7 > d.lastDay;
    }
    const nth = /^(\d+)#(\d+)$/.exec(part);
    if (nth) {
      const weekday = isoWeekday(Number(nth[1]), field);
      const ordinal = Number(nth[2]);
      if (ordinal <= 0) throw new CronError(`the ordinal in '${part}' must be 1 or more`);
      return (d) => d.weekday === weekday && Math.ceil(d.day / 7) === ordinal;
    }
    throw new CronError(`'${part}' is not a valid day of week (dL or d#n) in '${field}'`);
  });
  return (d) => tests.some((test) => test(d));
}

function isoWeekday(value: number, field: string): number {
  return checked(value, DAY_OF_WEEK, field) === 0 ? 7 : value;
}

function bitsTest(set: boolean[], pick: (d: CalendarDay) => number): DayTest {
  return (d) => set[pick(d)] === true;
}

function lastWeekday(d: CalendarDay): number {
  const weekday = new Date(d.year, d.month, d.lastDay).getDay();
  return d.lastDay - (weekday === 6 ? 1 : weekday === 0 ? 2 : 0);
}

/**
 * `nW`: a Saturday moves to the Friday before (to Monday the 3rd for the 1st), a Sunday to the
 * Monday after, which may be the 1st of the next month, as in Spring.
 */
function isNearestWeekday(d: CalendarDay, n: number): boolean {
  const target = (year: number, month: number): number | undefined => {
    const last = new Date(year, month + 1, 0).getDate();
    if (n > last) return undefined;
    const weekday = new Date(year, month, n).getDay();
    const shift = weekday === 6 ? (n === 1 ? 2 : -1) : weekday === 0 ? 1 : 0;
    return new Date(year, month, n + shift).getTime();
  };
  const today = new Date(d.year, d.month, d.day).getTime();
  return target(d.year, d.month) === today || target(d.year, d.month - 1) === today;
}

interface Parts {
  seconds: boolean[];
  minutes: boolean[];
  hours: boolean[];
  months: boolean[];
  dayOfMonth: DayTest;
  dayOfWeek: DayTest;
}

/** Enough steps to find Feb 29 on a given weekday, decades away; past it there is no match. */
const MAX_STEPS = 100_000;

function nextMatch(parts: Parts, after: number): number | undefined {
  let t = Math.floor(after / 1000) * 1000 + 1000;
  for (let step = 0; step < MAX_STEPS; step++) {
    const date = new Date(t);
    const [year, month, day, hour, minute, second] = [
      date.getFullYear(),
      date.getMonth(),
      date.getDate(),
      date.getHours(),
      date.getMinutes(),
      date.getSeconds(),
    ];
    let candidate: number | undefined;
    if (!parts.months[month + 1]) {
      candidate = new Date(year, month + 1, 1).getTime();
    } else if (!dayMatches(parts, year, month, day, date.getDay())) {
      candidate = new Date(year, month, day + 1).getTime();
    } else if (!parts.hours[hour]) {
      const h = nextSet(parts.hours, hour, 23);
      candidate =
        h === undefined ? new Date(year, month, day + 1).getTime() : new Date(year, month, day, h).getTime();
    } else if (!parts.minutes[minute]) {
      const m = nextSet(parts.minutes, minute, 59);
      candidate = new Date(year, month, day, m === undefined ? hour + 1 : hour, m ?? 0).getTime();
    } else if (!parts.seconds[second]) {
      const s = nextSet(parts.seconds, second, 59);
      candidate = new Date(year, month, day, hour, s === undefined ? minute + 1 : minute, s ?? 0).getTime();
    } else {
      return t;
    }
    // Local times in a daylight-saving gap or overlap must still move forward.
    t = candidate > t ? candidate : t + 1000;
  }
  return undefined;
}

function dayMatches(parts: Parts, year: number, month: number, day: number, jsWeekday: number): boolean {
  const d: CalendarDay = {
    year,
    month,
    day,
    weekday: jsWeekday === 0 ? 7 : jsWeekday,
    lastDay: new Date(year, month + 1, 0).getDate(),
  };
  return parts.dayOfMonth(d) && parts.dayOfWeek(d);
}

function nextSet(set: boolean[], from: number, max: number): number | undefined {
  for (let i = from + 1; i <= max; i++) if (set[i]) return i;
  return undefined;
}
