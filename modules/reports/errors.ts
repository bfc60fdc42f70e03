import { ModuleError } from '../server/errors.ts';

const statuses = {
  /** The period, once its defaults are filled in, runs backwards or spans too many months (400 naming the field). */
  PERIOD_INVALID: 400,
  /** A branch supervisor asked for another branch's figures (403 naming the field). */
  BRANCH_OUT_OF_SCOPE: 403,
} as const;

export type ReportsErrorCode = keyof typeof statuses;

export class ReportsError extends ModuleError<ReportsErrorCode> {
  readonly statuses = statuses;
}
