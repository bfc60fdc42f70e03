import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cycle, firstDue, nextDue, parseCycle } from './cycle.ts';

const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Jakarta';
});
afterAll(() => {
  process.env.TZ = zone;
});

const HOUR = 3_600_000;
const T0 = Date.parse('2027-01-04T09:00:00+07:00');

function cycle(text: string): Cycle {
  const parsed = parseCycle(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
}

describe('parseCycle', () => {
  it('reads repeating intervals, with or without a count and a start', () => {
    expect(cycle('R3/PT1H')).toMatchObject({ kind: 'interval', repetitions: 3, interval: { ms: HOUR } });
    expect(cycle('R/P1D')).toMatchObject({ kind: 'interval', repetitions: -1, interval: { days: 1 } });
    expect(cycle(' R2/2027-01-05T08:00:00+07:00/PT30M ')).toMatchObject({
      repetitions: 2,
      start: Date.parse('2027-01-05T01:00:00Z'),
      interval: { ms: 30 * 60_000 },
    });
    expect(cycle('R/2027-01-05T08:00+07:00[Asia/Jakarta]/P1W')).toMatchObject({
      start: Date.parse('2027-01-05T01:00Z'),
    });
  });

  it('reads anything else as a cron expression that repeats for ever', () => {
    expect(cycle('0 0 8 * * MON-FRI')).toMatchObject({ kind: 'cron', repetitions: -1 });
  });

  it.each([
    ['R3/1 hour', 'is not an ISO 8601 duration'],
    ['R3', 'is not a repeating interval'],
    ['R3/PT0S', 'must be longer than zero'],
    ['R/-PT1H', 'must be longer than zero'],
    ['R0/PT1H', 'a cycle repeats at least once'],
    ['R2/2027-01-05T08:00:00/PT1H', 'with a zone or offset'],
    ['Rx/PT1H', 'is not a repeating interval'],
    ['0 8 * * MON-FRI', 'has 6 fields'],
    ['PT1H', 'has 6 fields'],
  ])('refuses %j: %s', (text, message) => {
    expect(parseCycle(text)).toEqual({ error: expect.stringContaining(message) });
  });
});

describe('firstDue and nextDue', () => {
  it('an interval first fires one interval after arming, then from each previous due date', () => {
    const c = cycle('R3/PT1H');
    expect(firstDue(c, T0)).toBe(T0 + HOUR);
    // Fired a little late: the next is still one hour after the previous due date.
    expect(nextDue(c, T0 + HOUR, T0 + HOUR + 5_000)).toBe(T0 + 2 * HOUR);
  });

  it('an interval with a start fires first at the start, or at once when it has passed', () => {
    const c = cycle('R/2027-01-05T08:00:00+07:00/P1D');
    const start = Date.parse('2027-01-05T08:00:00+07:00');
    expect(firstDue(c, T0)).toBe(start);
    expect(firstDue(c, start + HOUR)).toBe(start + HOUR);
    expect(nextDue(c, start, start)).toBe(start + 24 * HOUR);
  });

  it('occurrences missed while down are not replayed: the cycle picks up from now', () => {
    const c = cycle('R/PT1H');
    expect(nextDue(c, T0, T0 + 5.5 * HOUR)).toBe(T0 + 6.5 * HOUR);
    const cron = cycle('0 0 8 * * MON-FRI');
    const friday = Date.parse('2027-01-08T08:00:00+07:00');
    // Fired on Monday at 10:00 for Friday's 08:00: next is Tuesday's 08:00, Monday's is gone.
    expect(nextDue(cron, friday, Date.parse('2027-01-11T10:00:00+07:00'))).toBe(
      Date.parse('2027-01-12T08:00:00+07:00'),
    );
    expect(nextDue(cron, friday, friday + 1_000)).toBe(Date.parse('2027-01-11T08:00:00+07:00'));
  });

  it('months follow the calendar as java.time does: the end of a shorter month, not past it', () => {
    const jan31 = Date.parse('2027-01-31T09:00:00+07:00');
    expect(firstDue(cycle('R/P1M'), jan31)).toBe(Date.parse('2027-02-28T09:00:00+07:00'));
    expect(firstDue(cycle('R/P1Y1M1DT1H'), jan31)).toBe(Date.parse('2028-03-01T10:00:00+07:00'));
  });
});
