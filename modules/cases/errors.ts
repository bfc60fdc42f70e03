import { ModuleError } from '../server/errors.ts';

const statuses = {
  /** Unknown, or outside the caller's scope: the answer is the same. */
  CASE_NOT_FOUND: 404,
  /** A category, queue, SLA policy or user named in the request does not exist (400 naming the field). */
  INVALID_REFERENCE: 400,
  /** The change does not fit the case's state (a closed case, a status it cannot move to). */
  INVALID_STATE: 409,
  /** The deadline of a complaint is extended once, by 1–10 working days (POJK 22/2023). */
  ALREADY_EXTENDED: 409,
  QUEUE_NOT_FOUND: 404,
  QUEUE_EXISTS: 409,
  POLICY_NOT_FOUND: 404,
  POLICY_EXISTS: 409,
  /** A survey link this platform did not hand out. */
  SURVEY_NOT_FOUND: 404,
  /** The case has no satisfaction survey yet (not resolved), or it was answered already. */
  SURVEY_CLOSED: 409,
} as const;

export type CasesErrorCode = keyof typeof statuses;

export class CasesError extends ModuleError<CasesErrorCode> {
  readonly statuses = statuses;
}

export const caseNotFound = (id: string) =>
  new CasesError('CASE_NOT_FOUND', `No case ${id} within your scope`);
