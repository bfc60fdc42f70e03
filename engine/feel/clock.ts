import { FeelDate, FeelDateTime, toFeel } from 'feelin';

/**
 * `now()` and `today()` read the engine clock, never the system clock, so pinned time in tests
 * and Zeebe's clock API reach FEEL. Like Zeebe (the broker JVM's default zone), the zone is the
 * process's own.
 */

/** The process time zone, e.g. `Asia/Jakarta`; `UTC` when unset. */
export function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

/** The instant `epochMs` as a zoned FEEL date and time in `zone`. */
export function feelNow(epochMs: number, zone: string = systemZone()): FeelDateTime {
  // toFeel gives the instant in UTC; re-express it in the target zone without a Temporal import.
  const utc = toFeel(new Date(epochMs)) as FeelDateTime;
  const zoned = utc.unwrap().toZonedDateTime('UTC').withTimeZone(zone);
  return new FeelDateTime(zoned.toPlainDateTime(), zone);
}

/** The calendar date of `epochMs` in `zone`. */
export function feelToday(epochMs: number, zone: string = systemZone()): FeelDate {
  return new FeelDate(feelNow(epochMs, zone).unwrap().toPlainDate());
}
