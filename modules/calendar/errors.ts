import { ModuleError } from '../server/errors.ts';

const statuses = {
  HOLIDAY_EXISTS: 409,
  HOLIDAY_NOT_FOUND: 404,
} as const;

export type CalendarErrorCode = keyof typeof statuses;

export class CalendarError extends ModuleError<CalendarErrorCode> {
  readonly statuses = statuses;
}
