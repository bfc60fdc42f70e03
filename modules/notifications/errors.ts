import { ModuleError } from '../server/errors.ts';

const statuses = {
  TEMPLATE_NOT_FOUND: 404,
  TEMPLATE_VERSION_NOT_FOUND: 404,
  /** A template with this key already exists for this channel: save a new version instead. */
  TEMPLATE_EXISTS: 409,
  /** Bad handlebars syntax, a part the channel needs missing or one it cannot carry (400 naming the field). */
  TEMPLATE_INVALID: 400,
  /** The template is filled in with the data given and fails (a helper missing, a wrong argument). */
  TEMPLATE_RENDER_FAILED: 400,
  MESSAGE_NOT_FOUND: 404,
  /** Only a dead letter (or a permanently failed message) can be sent again. */
  NOT_RETRYABLE: 409,
  /** Offers go out through campaigns, with consent and the contact window checked at send time. */
  MARKETING_NOT_ALLOWED: 422,
  /** A provider callback whose signature does not verify (or webhooks are not configured). */
  SIGNATURE_INVALID: 401,
  /** A tracking link that this platform did not hand out. */
  TRACKING_NOT_FOUND: 404,
} as const;

export type NotificationsErrorCode = keyof typeof statuses;

export class NotificationsError extends ModuleError<NotificationsErrorCode> {
  readonly statuses = statuses;
}

export const templateNotFound = (key: string, channel: string) =>
  new NotificationsError('TEMPLATE_NOT_FOUND', `There is no template ${key} for ${channel}`);
