/** ISO 8601 durations and zoned date-times as Zeebe's timers read them (ZEEBE-SEMANTICS §5). */

export interface Duration {
  negative: boolean;
  years: number;
  months: number;
  days: number;
  /** Hours, minutes and seconds, in milliseconds. */
  ms: number;
}

const DURATION =
  /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** Parses an ISO 8601 duration (`P1Y2M3W4DT5H6M7.5S`); undefined when it is not one. */
export function parseDuration(text: string): Duration | undefined {
  const match = DURATION.exec(text.trim());
  if (!match || text.trim() === 'P' || text.trim().endsWith('T')) return undefined;
  const [, minus, y, mo, w, d, h, mi, s] = match;
  const n = (v: string | undefined) => (v === undefined ? 0 : Number(v.replace(',', '.')));
  return {
    negative: minus === '-',
    years: n(y),
    months: n(mo),
    days: n(w) * 7 + n(d),
    ms: Math.round(n(h) * 3_600_000 + n(mi) * 60_000 + n(s) * 1000),
  };
}

/**
 * `from` plus a duration as java.time adds a Period then a Duration: months (and years) first,
 * clamped to the month's last day (31 January + P1M is 28 February), then days, both on the
 * local calendar (the engine's zone), then hours, minutes and seconds as elapsed time.
 */
export function addDuration(from: number, duration: Duration): number {
  const sign = duration.negative ? -1 : 1;
  const date = new Date(from);
  const months = sign * (duration.years * 12 + duration.months);
  if (months !== 0) {
    const day = date.getDate();
    date.setDate(1);
    date.setMonth(date.getMonth() + months);
    const last = new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate();
    date.setDate(Math.min(day, last));
  }
  if (duration.days !== 0) date.setDate(date.getDate() + sign * duration.days);
  return date.getTime() + sign * duration.ms;
}

/** A date-time with a zone or offset, as ZonedDateTime parses it; a `[Region]` may follow the offset. */
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})(\[[^\]]+\])?$/;

/** The instant of a zoned date-time (epoch ms); undefined when it has no zone or is no date-time. */
export function parseZonedDateTime(text: string): number | undefined {
  if (!ZONED_DATE_TIME.test(text)) return undefined;
  // The offset fixes the instant; a region in brackets after it adds nothing.
  const at = Date.parse(text.replace(/\[[^\]]+\]$/, ''));
  return Number.isNaN(at) ? undefined : at;
}
