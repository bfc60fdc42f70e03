import { TIME_ZONE } from '../format.ts';

/** A day in Jakarta: `12 Feb 2025` (id and en alike); a `YYYY-MM-DD` date is that day as it is. */
export function formatDay(value: string | null | undefined, language: string): string {
  if (!value) return '—';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00+07:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', {
    timeZone: TIME_ZONE,
    dateStyle: 'medium',
  }).format(date);
}
