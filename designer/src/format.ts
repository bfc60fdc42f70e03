import { ApiError } from './api.ts';

/** The bank works in Western Indonesian Time whatever the browser's zone. */
export const TIME_ZONE = 'Asia/Jakarta';

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'id-ID');

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** An ISO instant as Jakarta wall time: `12 Feb 2025, 14.03.22` (id) or `12 Feb 2025, 14:03:22` (en). */
export function formatDateTime(iso: string | undefined, language: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const key = locale(language);
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(key, { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'medium' });
    dateTimeFormats.set(key, format);
  }
  return `${format.format(date)} WIB`;
}

const UNITS: [Intl.NumberFormatOptions['unit'], number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** A duration in the largest unit that keeps it at 1 or more: `350 md`, `4,2 dtk`, `3 jam`. */
export function formatDuration(ms: number | null | undefined, language: string): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const [unit, size] = UNITS.find(([, size]) => ms >= size) ?? ['millisecond', 1];
  return new Intl.NumberFormat(locale(language), {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: size === 1 ? 0 : 1,
  }).format(ms / size);
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/**
 * A `YYYY-MM-DD` date (a date input's value) at the start of that day in Jakarta, as an
 * ISO instant; `endOfDay` gives the start of the next day, for a `$lt` bound.
 */
export function jakartaDayStart(day: string, endOfDay = false): string {
  const start = new Date(`${day}T00:00:00+07:00`);
  if (endOfDay) start.setUTCDate(start.getUTCDate() + 1);
  return start.toISOString();
}

/** What to show for a failure: the server's own detail (problem+json), with its code. */
export function errorText(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.message ? `${error.message} (${error.code})` : error.code;
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}

/**
 * A day typed as `dd/mm/yyyy` (as Indonesians and the British write it; `-` or `.` also
 * separate) → `YYYY-MM-DD`; '' for nothing typed; undefined for no such day.
 */
export function parseDay(typed: string): string | undefined {
  const text = typed.trim();
  if (text === '') return '';
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` → `dd/mm/yyyy`, the way parseDay reads it back. */
export function showDay(day: string): string {
  const [year, month, date] = day.split('-');
  return day ? `${date}/${month}/${year}` : '';
}
