import { CronError, type CronExpression, parseCron } from './cron.ts';
import { addDuration, type Duration, parseDuration, parseZonedDateTime } from './temporal.ts';

/**
 * A timer cycle (ZEEBE-SEMANTICS §5): an ISO 8601 repeating interval (`R3/PT1H`, `R/P1D`,
 * `R5/2027-01-04T08:00:00+07:00/PT1H`) or a Spring cron expression, which repeats for ever.
 */
export type Cycle =
  | {
      kind: 'interval';
      /** How many times it fires in all; -1 for ever (`R/…`). */
      repetitions: number;
      /** The first firing (epoch ms), when the cycle names one. */
      start?: number;
      interval: Duration;
    }
  | { kind: 'cron'; repetitions: -1; cron: CronExpression };

export const FOREVER = -1;

/**
 * Reads a cycle as Zeebe does: text starting with `R` is a repeating interval, anything else
 * a cron expression. Returns the reason in words when it is neither.
 */
export function parseCycle(text: string): Cycle | { error: string } {
  const value = text.trim();
  if (!value.startsWith('R')) {
    try {
      return { kind: 'cron', repetitions: FOREVER, cron: parseCron(value) };
    } catch (error) {
      if (!(error instanceof CronError)) throw error;
      return { error: error.message };
    }
  }
  // As Zeebe splits it: the count up to the first '/', the start (which may hold a '/' in a
  // [Region/City] zone) up to the last.
  const slash = value.indexOf('/');
  const count = value.slice(1, Math.max(slash, 1));
  const rest = value.slice(slash + 1);
  const last = rest.lastIndexOf('/');
  const startText = last > 0 ? rest.slice(0, last) : undefined;
  const durationText = rest.slice(last + 1);
  if (slash === -1 || !/^\d*$/.test(count) || durationText === '') {
    return { error: `'${value}' is not a repeating interval such as R3/PT1H, R/P1D or R2/<start>/PT1H` };
  }
  const repetitions = count === '' ? FOREVER : Number(count);
  if (repetitions === 0)
    return { error: `'${value}' never fires: a cycle repeats at least once (R1 or more)` };
  const interval = parseDuration(durationText);
  if (!interval) return { error: `'${durationText}' in '${value}' is not an ISO 8601 duration such as PT1H` };
  if (interval.negative || isZero(interval)) {
    return { error: `the interval '${durationText}' in '${value}' must be longer than zero` };
  }
  if (startText === undefined) return { kind: 'interval', repetitions, interval };
  const start = parseZonedDateTime(startText);
  if (start === undefined) {
    return {
      error: `the start '${startText}' in '${value}' is not an ISO 8601 date-time with a zone or offset, such as 2027-01-04T08:00:00+07:00`,
    };
  }
  return { kind: 'interval', repetitions, start, interval };
}

function isZero(d: Duration): boolean {
  return d.years === 0 && d.months === 0 && d.days === 0 && d.ms === 0;
}

/**
 * When a cycle first fires once armed at `now`: its start (at once when that has passed), one
 * interval from now, or the cron expression's next match. Undefined when it never fires.
 */
export function firstDue(cycle: Cycle, now: number): number | undefined {
  if (cycle.kind === 'cron') return cycle.cron.next(now);
  if (cycle.start !== undefined) return Math.max(cycle.start, now);
  return addDuration(now, cycle.interval);
}

/**
 * The next firing after one due at `previous` and fired at `now`: counted from the previous due
 * date, so repeats do not drift. Occurrences already missed (the platform was down, the clock
 * jumped) are not replayed: the cycle picks up again from now, as Zeebe re-anchors overdue ones.
 */
export function nextDue(cycle: Cycle, previous: number, now: number): number | undefined {
  if (cycle.kind === 'cron') {
    const next = cycle.cron.next(previous);
    return next !== undefined && next > now ? next : cycle.cron.next(now);
  }
  const next = addDuration(previous, cycle.interval);
  return next > now ? next : addDuration(now, cycle.interval);
}
