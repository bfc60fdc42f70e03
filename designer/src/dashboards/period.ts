/**
 * The dashboards' period: WIB calendar dates `YYYY-MM-DD`, both inclusive, as the reports API
 * takes them. Empty means "each report's own default" (trends: six months, snapshots: this month).
 */
export interface PeriodChoice {
  from: string;
  to: string;
}

export const DEFAULT_PERIOD: PeriodChoice = { from: '', to: '' };

/** A period as a route segment (`2026-01-01..2026-03-31`, or `default`), so a view can be linked. */
export function periodSegment(period: PeriodChoice): string {
  return period.from && period.to ? `${period.from}..${period.to}` : 'default';
}

/** The period a route segment names; the reports' default for anything else. */
export function periodFromSegment(segment: string | undefined): PeriodChoice {
  const match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(segment ?? '');
  return match ? { from: match[1] as string, to: match[2] as string } : DEFAULT_PERIOD;
}

export const PRESETS = ['month', 'last30', 'quarter'] as const;
export type Preset = (typeof PRESETS)[number];

/** The API answers at most 24 months (modules/reports/period.ts MAX_MONTHS). */
export const MAX_MONTHS = 24;

const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** Today's date in Jakarta, whatever the browser's own zone. */
export function jakartaToday(now: number = Date.now()): string {
  return new Date(now + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

const shiftDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** A preset ending today: this month so far, the last 30 days, this quarter so far. */
export function presetPeriod(preset: Preset, today: string): PeriodChoice {
  const [year, month] = today.split('-').map(Number) as [number, number];
  if (preset === 'last30') return { from: shiftDays(today, -29), to: today };
  const first = preset === 'month' ? month : Math.floor((month - 1) / 3) * 3 + 1;
  return { from: `${year}-${String(first).padStart(2, '0')}-01`, to: today };
}

/** The preset a period equals today, if any (to mark its button as the current one). */
export function presetOf(period: PeriodChoice, today: string): Preset | undefined {
  return PRESETS.find((p) => {
    const candidate = presetPeriod(p, today);
    return candidate.from === period.from && candidate.to === period.to;
  });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type PeriodProblem = 'required' | 'invalid' | 'order' | 'span';

/** What is wrong with a period typed in, per field (checked before asking the server). */
export function periodProblems(period: PeriodChoice): { field: 'from' | 'to'; problem: PeriodProblem }[] {
  const problems: { field: 'from' | 'to'; problem: PeriodProblem }[] = [];
  for (const field of ['from', 'to'] as const) {
    const value = period[field];
    if (!value) problems.push({ field, problem: 'required' });
    else if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
      problems.push({ field, problem: 'invalid' });
  }
  if (problems.length > 0) return problems;
  if (period.from > period.to) return [{ field: 'to', problem: 'order' }];
  if (monthSpan(period.from, period.to) > MAX_MONTHS) return [{ field: 'to', problem: 'span' }];
  return [];
}

/** Months between two dates, counting both ends (2026-01-31 → 2026-02-01 is 2). */
export function monthSpan(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** What the tiles ask for: a period and, for the case reports, a branch ('' = every branch in scope). */
export type ReportFilter = PeriodChoice & { branch?: string };

/** The query string of a filter for /api/reports/<name>; empty for the reports' defaults. */
export function periodQuery(period: ReportFilter): string {
  const params = new URLSearchParams();
  if (period.from) params.set('from', period.from);
  if (period.to) params.set('to', period.to);
  if (period.branch) params.set('branch', period.branch);
  const query = params.toString();
  return query ? `?${query}` : '';
}

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'id-ID');

/** A report month `YYYY-MM` as a short label: `Jan 2026` (id uses `Mei`, `Agu`...). */
export function monthLabel(month: string, language: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale(language), {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** A WIB date `YYYY-MM-DD` as people read it: `1 Jan 2026`. */
export function dayLabel(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** A 0–1 rate as a percentage (`83,3%`), or a dash when there was nothing to divide by. */
export function formatRate(rate: number | null, language: string): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** A decimal (averages, hours) with at most `digits` fraction digits, in the language's style. */
export function formatDecimal(value: number | null, language: string, digits = 2): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: digits }).format(value);
}
