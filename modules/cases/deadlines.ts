import type { WorkingCalendar } from '../calendar/index.ts';
import type { ComplaintForm, SlaUnit } from './vocabulary.ts';

const HOUR_MS = 3_600_000;

/** POJK 22/2023, as banks publish it (DOMAIN.md). */
export const POJK = {
  /** Working days to answer a written complaint, from the day its documents are complete. */
  writtenDays: 10,
  /** Working days to answer a verbal complaint, from the day it was made. */
  verbalDays: 5,
  /** Working days the customer has to complete a written complaint's documents. */
  documentsDays: 10,
  /** The one extension, at most this many working days, with prior notice to the customer. */
  maxExtensionDays: 10,
} as const;

/** When the SLA of a policy runs out, counted from `from` on the business calendar. */
export function slaDueAt(
  policy: { amount: number; unit: SlaUnit },
  from: number,
  calendar: WorkingCalendar,
): number {
  if (policy.unit === 'hours') return from + Math.round(policy.amount * HOUR_MS);
  if (policy.unit === 'working-hours') return calendar.addWorkingHours(from, policy.amount);
  return calendar.addWorkingDays(from, Math.ceil(policy.amount));
}

export interface ComplaintDeadlines {
  /** The answer is due by then (null: a written complaint still waiting for its documents). */
  regulatoryDueAt: number | null;
  /** The customer completes the documents by then (written complaints logged incomplete). */
  documentsDueAt: number | null;
  documentsCompleteAt: number | null;
}

/**
 * The POJK deadlines of a complaint logged at `at`: verbal, 5 working days; written, 10
 * working days from the day the documents are complete — if they are not yet, the answer's
 * deadline waits and the customer has 10 working days to complete them.
 */
export function complaintDeadlines(
  form: ComplaintForm,
  at: number,
  documentsComplete: boolean,
  calendar: WorkingCalendar,
): ComplaintDeadlines {
  if (form === 'verbal')
    return {
      regulatoryDueAt: calendar.addWorkingDays(at, POJK.verbalDays),
      documentsDueAt: null,
      documentsCompleteAt: at,
    };
  if (documentsComplete)
    return {
      regulatoryDueAt: calendar.addWorkingDays(at, POJK.writtenDays),
      documentsDueAt: null,
      documentsCompleteAt: at,
    };
  return {
    regulatoryDueAt: null,
    documentsDueAt: calendar.addWorkingDays(at, POJK.documentsDays),
    documentsCompleteAt: null,
  };
}

/** The written complaint's deadline once its documents are complete at `at`. */
export function deadlineFromDocuments(at: number, calendar: WorkingCalendar): number {
  return calendar.addWorkingDays(at, POJK.writtenDays);
}

/** The deadline after the one extension of `days` working days (1–10) past the current one. */
export function extendedDeadline(current: number, days: number, calendar: WorkingCalendar): number {
  if (!Number.isInteger(days) || days < 1 || days > POJK.maxExtensionDays)
    throw new RangeError(`An extension is 1–${POJK.maxExtensionDays} working days, not ${days}`);
  return calendar.addWorkingDays(current, days);
}

/** An instant as a zoned ISO date-time a Zeebe date timer and due date accept. */
export function isoInstant(at: number): string {
  return new Date(at).toISOString().replace('.000Z', 'Z');
}

/**
 * Working days from now to a POJK deadline: 0 when it ends today, 3 when it ends on the third
 * working day after today, negative (working days past it) once it has passed.
 */
export function workingDaysLeft(now: number, due: number, calendar: WorkingCalendar): number {
  const LIMIT = 400;
  let n = 0;
  if (due >= now) {
    while (n < LIMIT && calendar.addWorkingDays(now, n) < due) n += 1;
    return n;
  }
  while (n < LIMIT && calendar.addWorkingDays(due, n) < now) n += 1;
  return -n;
}
