import { ModuleError } from '../server/errors.ts';

const statuses = {
  USER_NOT_FOUND: 404,
  USERNAME_TAKEN: 409,
  BRANCH_NOT_FOUND: 404,
  BRANCH_EXISTS: 409,
  /** A user's branch must exist and be active (400 naming `body.branchCode`). */
  UNKNOWN_BRANCH: 400,
  /** A password the rules refuse (400 naming `body.password`). */
  PASSWORD_REJECTED: 400,
  /** The change would leave no active user with the admin role. */
  LAST_ADMIN: 409,
  /** An admin may not disable their own account. */
  CANNOT_DISABLE_SELF: 409,
} as const;

export type IdentityErrorCode = keyof typeof statuses;

export class IdentityError extends ModuleError<IdentityErrorCode> {
  readonly statuses = statuses;
}
