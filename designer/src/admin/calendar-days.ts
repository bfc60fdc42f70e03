import type { Holiday } from './types.ts';

/** Today's date in Jakarta as `YYYY-MM-DD`, whatever the browser's zone. */
export function jakartaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(now);
}

/** The instant a working-day count starts from: the start of that Jakarta day. */
export function startOfJakartaDay(day: string): string {
  return `${day}T00:00:00+07:00`;
}

/** A `YYYY-MM-DD` date written out in the person's language, with its weekday: `Jumat, 20 Maret 2026`. */
export function formatDay(day: string, language: string): string {
  const date = new Date(`${day}T12:00:00+07:00`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', {
    timeZone: 'Asia/Jakarta',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
}

/** The holidays of one year by date, and how many of each kind. */
export function summarise(holidays: readonly Holiday[]): {
  sorted: Holiday[];
  national: number;
  cutiBersama: number;
} {
  const sorted = [...holidays].sort((a, b) => a.date.localeCompare(b.date));
  const national = sorted.filter((h) => h.kind === 'national').length;
  return { sorted, national, cutiBersama: sorted.length - national };
}

/** Whether a date falls on a Saturday or Sunday (a holiday there moves no deadline). */
export function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}
