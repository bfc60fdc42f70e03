import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCron } from './cron.ts';

// Cron runs in the engine's zone, the process's TZ: here Jakarta (WIB, +07:00, no daylight saving).
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Jakarta';
});
afterAll(() => {
  process.env.TZ = zone;
});

/** `text` as +07:00 local time, e.g. 2027-01-04T08:00:00 (a Monday). */
const wib = (text: string) => Date.parse(`${text}+07:00`);
const show = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19);

/** The next `count` matches after `from`. */
function upcoming(expression: string, from: string, count = 1): (string | undefined)[] {
  const cron = parseCron(expression);
  const out: (string | undefined)[] = [];
  let t: number | undefined = wib(from);
  for (let i = 0; i < count && t !== undefined; i++) {
    t = cron.next(t);
    out.push(show(t));
  }
  return out;
}

describe('parseCron follows Spring 5.3 CronExpression', () => {
  it.each([
    ['0 0 * * * *', '2027-01-04T08:20:00', ['2027-01-04T09:00:00', '2027-01-04T10:00:00']],
    ['*/10 * * * * *', '2027-01-04T08:00:00', ['2027-01-04T08:00:10', '2027-01-04T08:00:20']],
    ['0 0 8-10 * * *', '2027-01-04T09:30:00', ['2027-01-04T10:00:00', '2027-01-05T08:00:00']],
    ['0 0 6,19 * * *', '2027-01-04T07:00:00', ['2027-01-04T19:00:00', '2027-01-05T06:00:00']],
    ['0 0/30 8-10 * * *', '2027-01-04T10:15:00', ['2027-01-04T10:30:00', '2027-01-05T08:00:00']],
    ['0 0 9-17 * * MON-FRI', '2027-01-08T17:30:00', ['2027-01-11T09:00:00', '2027-01-11T10:00:00']],
    ['0 0 0 25 12 ?', '2027-01-04T00:00:00', ['2027-12-25T00:00:00']],
    ['0 0 0 L * *', '2027-02-01T00:00:00', ['2027-02-28T00:00:00', '2027-03-31T00:00:00']],
    ['0 0 0 L-3 * *', '2027-01-01T00:00:00', ['2027-01-28T00:00:00', '2027-02-25T00:00:00']],
    // 1 May 2027 is a Saturday: the first weekday is Monday the 3rd.
    ['0 0 0 1W * *', '2027-04-02T00:00:00', ['2027-05-03T00:00:00', '2027-06-01T00:00:00']],
    // 31 July 2027 is a Saturday, 31 October a Sunday.
    ['0 0 0 LW * *', '2027-07-01T00:00:00', ['2027-07-30T00:00:00', '2027-08-31T00:00:00']],
    ['0 0 0 15W * *', '2027-05-01T00:00:00', ['2027-05-14T00:00:00', '2027-06-15T00:00:00']],
    ['0 0 0 * * 5L', '2027-01-01T00:00:00', ['2027-01-29T00:00:00', '2027-02-26T00:00:00']],
    ['0 0 0 * * THUL', '2027-01-01T00:00:00', ['2027-01-28T00:00:00']],
    ['0 0 0 ? * 5#2', '2027-01-01T00:00:00', ['2027-01-08T00:00:00', '2027-02-12T00:00:00']],
    ['0 0 0 ? * MON#1', '2027-01-05T00:00:00', ['2027-02-01T00:00:00']],
    // Day of month and day of week must both match: Friday the 13th.
    ['0 0 0 13 * FRI', '2027-01-01T00:00:00', ['2027-08-13T00:00:00']],
    ['0 0 12 * JAN,MAR-APR SUN', '2027-01-30T00:00:00', ['2027-01-31T12:00:00', '2027-03-07T12:00:00']],
    ['0 0 12 * * 0', '2027-01-04T00:00:00', ['2027-01-10T12:00:00']],
    ['0 0 12 * * 7', '2027-01-04T00:00:00', ['2027-01-10T12:00:00']],
    ['0 0 12 * * SUN-TUE', '2027-01-05T13:00:00', ['2027-01-10T12:00:00', '2027-01-11T12:00:00']],
    ['0 0 0 29 2 *', '2027-01-01T00:00:00', ['2028-02-29T00:00:00']],
    ['@daily', '2027-01-04T08:00:00', ['2027-01-05T00:00:00']],
    ['@hourly', '2027-01-04T08:00:00', ['2027-01-04T09:00:00']],
    ['@weekly', '2027-01-04T08:00:00', ['2027-01-10T00:00:00']],
  ])('%s after %s', (expression, from, expected) => {
    expect(upcoming(expression, from, expected.length)).toEqual(expected);
  });

  it('given a matching instant, the next match is strictly later', () => {
    expect(upcoming('0 0 8 * * MON-FRI', '2027-01-04T08:00:00', 2)).toEqual([
      '2027-01-05T08:00:00',
      '2027-01-06T08:00:00',
    ]);
    expect(show(parseCron('0 0 8 * * *').next(wib('2027-01-04T07:59:59') + 500))).toBe('2027-01-04T08:00:00');
  });

  it('given a date that never comes, finds none', () => {
    expect(parseCron('0 0 0 30 2 *').next(wib('2027-01-01T00:00:00'))).toBeUndefined();
  });

  it.each([
    ['0 9 * * MON-FRI', 'has 6 fields'],
    ['0 0 24 * * *', '24 is out of range 0-23 in the hour field'],
    ['0 60 * * * *', 'out of range 0-59 in the minute field'],
    ['0 0 0 32 * *', 'out of range 1-31'],
    ['0 0 0 * 13 *', 'out of range 1-12'],
    ['0 0 0 * * 8', 'out of range 0-7'],
    ['0 0 0 * * FRI-MON', 'runs backwards'],
    ['0 */0 * * * *', 'must be 1 or more'],
    ['0 0 0 L-0 * *', 'must be 1 or more'],
    ['0 0 0 ? * 1#0', 'must be 1 or more'],
    ['0 0 0 * * L', 'not a valid day of week'],
    ['0 0 0 W * *', 'not a valid day of month'],
    ['0 0 0 ? * MON,', "'' is not a number"],
    ['x 0 0 * * *', "'x' is not a number in the second field"],
    ['0 0 0 ?,1 * *', "'?' is not a number"],
  ])('rejects %j saying %s', (expression, message) => {
    expect(() => parseCron(expression)).toThrow(message);
  });
});

describe('parseCron across daylight saving (Europe/Berlin)', () => {
  beforeAll(() => {
    process.env.TZ = 'Europe/Berlin';
  });
  afterAll(() => {
    process.env.TZ = 'Asia/Jakarta';
  });

  it('keeps local wall time across the change and skips a time that does not exist that day', () => {
    const cron = parseCron('0 30 2 * * *');
    // 2027-03-28 02:00 CET jumps to 03:00 CEST: there is no 02:30 that day.
    const next = cron.next(Date.parse('2027-03-27T03:00:00+01:00'));
    expect(new Date(next as number).toISOString()).toBe('2027-03-29T00:30:00.000Z');
    const daily = parseCron('0 0 9 * * *');
    expect(new Date(daily.next(Date.parse('2027-03-27T10:00:00+01:00')) as number).toISOString()).toBe(
      '2027-03-28T07:00:00.000Z',
    );
  });
});
