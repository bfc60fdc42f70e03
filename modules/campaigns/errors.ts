import { ModuleError } from '../server/errors.ts';

const statuses = {
  CAMPAIGN_NOT_FOUND: 404,
  SEGMENT_NOT_FOUND: 404,
  /** A segment with this name exists already. */
  SEGMENT_EXISTS: 409,
  /** The campaign's status does not allow this step (edit a draft or a rejected one; pause a sending one…). */
  INVALID_STATUS: 409,
  /** The maker never decides on their own campaign, whatever roles they hold. */
  FOUR_EYES: 403,
  /** The template is missing, archived, not for this channel, or not a marketing template. */
  TEMPLATE_INVALID: 422,
  /** The campaign's approval task is not (yet) in the task list: try again in a moment. */
  APPROVAL_NOT_READY: 409,
  /** A conversion of a customer who was never sent this campaign. */
  NOT_IN_AUDIENCE: 422,
  CUSTOMER_NOT_FOUND: 404,
} as const;

export type CampaignsErrorCode = keyof typeof statuses;

export class CampaignsError extends ModuleError<CampaignsErrorCode> {
  readonly statuses = statuses;
}

export const campaignNotFound = (id: string) =>
  new CampaignsError('CAMPAIGN_NOT_FOUND', `There is no campaign ${id}`);
export const segmentNotFound = (id: string) =>
  new CampaignsError('SEGMENT_NOT_FOUND', `There is no segment ${id}`);
