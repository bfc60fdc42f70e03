import { ModuleError } from '../server/errors.ts';

const statuses = {
  /** Unknown, or outside the caller's branch: the answer is the same. */
  APPLICATION_NOT_FOUND: 404,
  /** The NIK belongs to a customer already, or to an application still in progress. */
  NIK_TAKEN: 409,
  /** A branch named in the request does not exist, or is outside the caller's scope (400 naming the field). */
  INVALID_REFERENCE: 400,
  /** The document is not on this application's checklist, or the step does not fit the status. */
  INVALID_STATE: 409,
  WATCHLIST_ENTRY_NOT_FOUND: 404,
  /** The applicant's key was destroyed (erasure): nothing personal can be read any more. */
  APPLICANT_ERASED: 410,
} as const;

export type OnboardingErrorCode = keyof typeof statuses;

export class OnboardingError extends ModuleError<OnboardingErrorCode> {
  readonly statuses = statuses;
}

export const applicationNotFound = (id: string) =>
  new OnboardingError('APPLICATION_NOT_FOUND', `No application ${id} within your scope`);
