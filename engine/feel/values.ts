import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';

/**
 * Converts feelin results into the JSON values Zeebe stores, following Zeebe 8.8's
 * FeelToMessagePackTransformer: temporals become Java-formatted strings, and values without a
 * JSON form (functions, ranges) become null.
 */

/** Zeebe's names for a result's type (io.camunda.zeebe.el.ResultType), used in its messages. */
export type ResultType =
  | 'NULL'
  | 'BOOLEAN'
  | 'NUMBER'
  | 'STRING'
  | 'ARRAY'
  | 'OBJECT'
  | 'DURATION'
  | 'PERIOD'
  | 'DATE'
  | 'DATE_TIME'
  | 'UNKNOWN';

/** A FEEL context: feelin treats only plain objects as contexts. */
export function isContext(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function resultTypeOf(value: unknown): ResultType {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return Number.isFinite(value) ? 'NUMBER' : 'NULL';
  if (typeof value === 'string') return 'STRING';
  if (Array.isArray(value)) return 'ARRAY';
  if (value instanceof FeelDuration) return value.yearsMonths ? 'PERIOD' : 'DURATION';
  if (value instanceof FeelDate) return 'DATE';
  if (value instanceof FeelDateTime) return 'DATE_TIME';
  if (isContext(value)) return 'OBJECT';
  // Times, ranges and functions: Zeebe reports them as UNKNOWN.
  return 'UNKNOWN';
}

/** The JSON value Zeebe would store for a FEEL value. */
export function toZeebeValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      // -0 would leak through JSON as 0 anyway; NaN/Infinity have no JSON form.
      return Number.isFinite(value) ? value + 0 : null;
    default:
      break;
  }
  if (Array.isArray(value)) return value.map(toZeebeValue);
  if (value instanceof FeelDate) return value.iso;
  if (value instanceof FeelDateTime) return formatDateTime(value);
  if (value instanceof FeelTime) return formatTime(value);
  if (value instanceof FeelDuration) return value.iso;
  if (isContext(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) out[key] = toZeebeValue(entry);
    return out;
  }
  return null;
}

const OFFSET = /^[+-]\d{2}:\d{2}(:\d{2})?$/;

/**
 * Java's ISO_ZONED_DATE_TIME (zoned) or ISO_LOCAL_DATE_TIME (local): seconds always present,
 * fraction without trailing zeros, `Z` for a zero offset, `[Region/City]` after the offset for
 * a named zone. feelin normalises `@UTC` to `Z`, so that zone prints without brackets.
 */
function formatDateTime(value: FeelDateTime): string {
  const local = value.unwrap().toString();
  const zone = value.zone;
  if (zone === null) return local;
  if (zone === 'UTC' || zone === 'Z') return `${local}Z`;
  if (OFFSET.test(zone)) return local + javaOffset(zone);
  try {
    return `${local}${javaOffset(value.unwrap().toZonedDateTime(zone).offset)}[${zone}]`;
  } catch {
    return value.iso;
  }
}

function javaOffset(offset: string): string {
  return /^[+-]00:00(:00)?$/.test(offset) ? 'Z' : offset;
}

/**
 * A local time is Java's LocalTime.toString (zero seconds dropped, fraction in groups of three
 * digits); a zoned time is feel-scala's ZonedTime.format, which feelin's own form matches.
 */
function formatTime(value: FeelTime): string {
  if (value.zone !== null) return value.iso;
  const time = value.unwrap();
  const nanos = time.millisecond * 1e6 + time.microsecond * 1e3 + time.nanosecond;
  let text = `${pad(time.hour, 2)}:${pad(time.minute, 2)}`;
  if (time.second !== 0 || nanos !== 0) text += `:${pad(time.second, 2)}`;
  if (nanos !== 0) {
    if (nanos % 1e6 === 0) text += `.${pad(nanos / 1e6, 3)}`;
    else if (nanos % 1e3 === 0) text += `.${pad(nanos / 1e3, 6)}`;
    else text += `.${pad(nanos, 9)}`;
  }
  return text;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
