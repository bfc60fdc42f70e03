import { ModuleError } from '../server/errors.ts';

const statuses = {
  /** Unknown, or outside the caller's scope (portfolio, branch): the answer is the same. */
  CUSTOMER_NOT_FOUND: 404,
  /** The customer was erased (UU PDP): nothing about them can be read any more. */
  CUSTOMER_ERASED: 410,
  /** Another customer has this NIK. */
  NIK_TAKEN: 409,
  /** A branch, relationship manager or product named in the request does not exist (400 naming the field). */
  INVALID_REFERENCE: 400,
  PRODUCT_NOT_FOUND: 404,
  /** Erasure refused: the customer still holds active products the bank must keep records of. */
  CUSTOMER_ACTIVE: 409,
  /** The field asked to unmask holds no value. */
  NOTHING_TO_UNMASK: 404,
} as const;

export type CustomersErrorCode = keyof typeof statuses;

export class CustomersError extends ModuleError<CustomersErrorCode> {
  readonly statuses = statuses;
}

export const notFound = (id: string) =>
  new CustomersError('CUSTOMER_NOT_FOUND', `No customer ${id} within your scope`);
