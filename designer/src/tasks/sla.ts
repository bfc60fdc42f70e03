import { TIME_ZONE } from '../format.ts';

/** How a task stands against its due date: `soon` is within 2 hours or later today (Jakarta). */
export type SlaState = 'none' | 'overdue' | 'soon' | 'ok';

export const SOON_MS = 2 * 3_600_000;

const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, dateStyle: 'short' });

/** The Jakarta calendar day of an instant, `YYYY-MM-DD`. */
export const jakartaDay = (at: number): string => dayOf.format(new Date(at));

export function slaState(dueDate: string | null, now: number): SlaState {
  if (!dueDate) return 'none';
  const due = Date.parse(dueDate);
  if (Number.isNaN(due)) return 'none';
  if (due <= now) return 'overdue';
  if (due - now <= SOON_MS || jakartaDay(due) === jakartaDay(now)) return 'soon';
  return 'ok';
}

/** The end of the Jakarta day of `now` (the start of the next), as an ISO instant. */
export function endOfJakartaDay(now: number): string {
  const start = Date.parse(`${jakartaDay(now)}T00:00:00+07:00`);
  return new Date(start + 86_400_000).toISOString();
}

/** Priority 0–100 (Zeebe's scale, 50 when unset) as a word: 75 and above high, under 50 low. */
export function priorityLevel(priority: number): 'high' | 'medium' | 'low' {
  if (priority >= 75) return 'high';
  return priority >= 50 ? 'medium' : 'low';
}
