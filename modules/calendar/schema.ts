import { z } from '@hono/zod-openapi';
import { HOLIDAY_KINDS } from './calendar.ts';

/** The shapes of the calendar API. */

/** Working days one question may add: more than a year of them is a mistake, not a deadline. */
export const MAX_WORKING_DAYS = 366;
/** Working hours one question may add (about a year of working days of 9 hours). */
export const MAX_WORKING_HOURS = 2_400;

const date = z.iso.date().openapi({ example: '2026-03-20', description: "A WIB calendar date 'YYYY-MM-DD'" });
const instant = z.iso
  .datetime({ offset: true })
  .describe('An ISO 8601 instant with Z or an offset; in a query string, write + as %2B');
const name = z.string().trim().min(1).max(200);
/** A number in a query string: digits only (so '' is not read as 0, nor 1e9 as a billion). */
const numberParam = (pattern: RegExp, message: string, max: number) =>
  z
    .string()
    .regex(pattern, message)
    .transform(Number)
    .pipe(z.number().max(max))
    .openapi({ type: 'number', minimum: 0, maximum: max });
const kind = z
  .enum(HOLIDAY_KINDS)
  .describe('national (hari libur nasional) or cuti-bersama (collective leave)');

export const HolidayFields = z.strictObject({
  name: name.describe('In Bahasa Indonesia').openapi({ example: 'Cuti Bersama Idul Fitri 1447 Hijriah' }),
  nameEn: name.describe('In English').openapi({ example: 'Collective leave: Eid al-Fitr' }),
  kind,
});
export type HolidayFields = z.infer<typeof HolidayFields>;

export const NewHoliday = z.strictObject({ date, ...HolidayFields.shape }).openapi('NewHoliday');
export type NewHoliday = z.infer<typeof NewHoliday>;

export const HolidayChange = HolidayFields.openapi('HolidayChange');

export const HolidayDto = z
  .object({
    date: z.string(),
    name: z.string(),
    nameEn: z.string(),
    kind,
    updatedAt: z.iso.datetime(),
    updatedBy: z.string(),
  })
  .openapi('Holiday');

export const HolidayList = z.object({ holidays: z.array(HolidayDto) }).openapi('HolidayList');

export const DateParam = z.object({
  date: date.openapi({ param: { name: 'date', in: 'path' } }),
});

export const HolidayQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2200).optional().describe('Only this year; all when absent'),
});

export const WorkingDaysQuery = z.object({
  from: instant.openapi({ example: '2026-03-17T10:00:00+07:00' }),
  days: numberParam(/^\d+$/, 'Expected a whole number of days', MAX_WORKING_DAYS).openapi({
    type: 'integer',
    example: 10,
  }),
});

export const WorkingDaysAnswer = z
  .object({
    from: z.iso.datetime(),
    days: z.number().int(),
    dueAt: z.iso.datetime().describe('23:59:59.999 WIB of the last counted working day'),
    dueDate: z.string().describe("That day, as a WIB date 'YYYY-MM-DD'"),
  })
  .openapi('WorkingDaysDue');

export const WorkingHoursQuery = z.object({
  from: instant.openapi({ example: '2026-03-17T16:00:00+07:00' }),
  hours: numberParam(
    /^\d+(\.\d+)?$/,
    'Expected a number of hours, like 24 or 1.5',
    MAX_WORKING_HOURS,
  ).openapi({
    example: 24,
  }),
});

export const WorkingHoursAnswer = z
  .object({ from: z.iso.datetime(), hours: z.number(), dueAt: z.iso.datetime() })
  .openapi('WorkingHoursDue');

export const ContactWindowQuery = z.object({
  at: instant.openapi({ example: '2026-03-21T19:00:00+07:00' }),
});

export const ContactWindowAnswer = z
  .object({
    at: z.iso.datetime(),
    open: z.boolean(),
    nextOpening: z.iso.datetime().describe('`at` itself when the window is open'),
  })
  .openapi('ContactWindow');
