import { z } from '@hono/zod-openapi';
import { CONSENT_CHANNELS, PRODUCT_KINDS, SEGMENTS } from '../customers/vocabulary.ts';
import { CHANNELS, LOCALES } from '../notifications/schema.ts';

/**
 * DRAFT → PENDING_APPROVAL → APPROVED | REJECTED (back to the maker, editable, resubmittable)
 * → SENDING ⇄ PAUSED → COMPLETED | CANCELLED.
 */
export const CAMPAIGN_STATUSES = [
  'DRAFT',
  'PENDING_APPROVAL',
  'APPROVED',
  'REJECTED',
  'SENDING',
  'PAUSED',
  'COMPLETED',
  'CANCELLED',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
/** Who approved: compliance (above the threshold) or nobody needed to (at or below it). */
export const APPROVALS = ['compliance', 'automatic'] as const;
export const DECISIONS = ['approve', 'reject'] as const;

const instant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(50);

export const SegmentRules = z
  .object({
    segments: list(z.enum(SEGMENTS)).optional().describe('Customer segment is one of these'),
    branchCodes: list(text(20)).optional().describe("The customer's branch is one of these"),
    cities: list(text(100)).optional().describe('The customer lives in one of these towns'),
    ageMin: z.number().int().min(17).max(120).optional(),
    ageMax: z.number().int().min(17).max(120).optional(),
    incomeMin: z.number().int().min(0).optional().describe('Monthly income (salary) at least, Rupiah'),
    incomeMax: z.number().int().min(0).optional().describe('Monthly income (salary) at most, Rupiah'),
    hasProducts: list(z.enum(PRODUCT_KINDS)).optional().describe('Holds an active product of each kind'),
    lacksProducts: list(z.enum(PRODUCT_KINDS))
      .optional()
      .describe('Holds no active product of any of these kinds (e.g. no credit card: card)'),
    consents: list(
      z
        .object({ channel: z.enum(CONSENT_CHANNELS), purpose: z.literal('marketing').default('marketing') })
        .strict(),
    )
      .optional()
      .describe('Has given marketing consent on each of these channels'),
  })
  .strict()
  .refine((r) => r.ageMin === undefined || r.ageMax === undefined || r.ageMin <= r.ageMax, {
    path: ['ageMax'],
    message: 'must not be below ageMin',
  })
  .refine((r) => r.incomeMin === undefined || r.incomeMax === undefined || r.incomeMin <= r.incomeMax, {
    path: ['incomeMax'],
    message: 'must not be below incomeMin',
  })
  .openapi('SegmentRules');
export type SegmentRules = z.infer<typeof SegmentRules>;

export const SegmentBody = z
  .object({ name: text(200), description: z.string().trim().max(1000).nullish(), rules: SegmentRules })
  .strict()
  .openapi('SegmentInput');
export type SegmentBody = z.infer<typeof SegmentBody>;

export const Segment = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    rules: SegmentRules,
    createdBy: z.string(),
    createdAt: instant,
    updatedBy: z.string(),
    updatedAt: instant,
  })
  .openapi('Segment');

export const PreviewBody = z
  .object({
    rules: SegmentRules,
    channel: z.enum(CHANNELS).optional().describe('Also count who may receive an offer on this channel'),
  })
  .strict()
  .openapi('SegmentPreviewRequest');

export const Preview = z
  .object({
    count: z.number().int().describe('Customers the rules select'),
    eligible: z
      .number()
      .int()
      .nullable()
      .describe('Of them, with marketing consent and an address on the channel (null without a channel)'),
  })
  .openapi('SegmentPreview');

export const Id = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const fields = {
  name: text(200),
  description: z.string().trim().max(2000).nullish(),
  channel: z.enum(CHANNELS),
  templateKey: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'lower-case words joined by dots or dashes: promo.kartu-kredit')
    .max(100)
    .describe('A marketing notification template for this channel'),
  segmentId: z.uuid(),
  scheduledAt: instant
    .nullish()
    .describe('Not sent before this instant (and only inside the contact window)'),
  productKind: z
    .enum(PRODUCT_KINDS)
    .nullish()
    .describe('The product offered: taking it after the touch converts'),
  data: z.record(z.string(), z.unknown()).nullish().describe('What the template is filled in with'),
  requireApproval: z
    .boolean()
    .default(false)
    .describe('Ask compliance even at or below the approval threshold'),
  batchSize: z.number().int().min(10).max(5000).default(500).describe('Customers queued per batch'),
};
export const CampaignBody = z.object(fields).strict().openapi('CampaignInput');
export type CampaignBody = z.infer<typeof CampaignBody>;

export const DecisionBody = z
  .object({ comment: z.string().trim().max(2000).nullish() })
  .strict()
  .openapi('CampaignApproval');
export const RejectBody = z
  .object({ comment: z.string().trim().min(1, 'a rejection needs a comment for the maker').max(2000) })
  .strict()
  .openapi('CampaignRejection');

export const ConversionBody = z
  .object({ customerId: z.uuid(), note: z.string().trim().max(500).nullish() })
  .strict()
  .openapi('CampaignConversionInput');

export const ListQuery = z.object({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const Funnel = z
  .object({
    audience: z.number().int().nullable().describe('Eligible when counted (consent on the channel)'),
    queued: z.number().int().describe('Messages queued so far'),
    held: z.number().int().describe('Waiting for the contact window to open'),
    sent: z.number().int(),
    delivered: z.number().int(),
    opened: z.number().int(),
    clicked: z.number().int(),
    converted: z.number().int(),
    suppressed: z.number().int().describe('Consent withdrawn (or customer erased) before sending'),
    failed: z.number().int(),
  })
  .openapi('CampaignFunnel');
export type Funnel = z.infer<typeof Funnel>;

export const Campaign = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    channel: z.enum(CHANNELS),
    templateKey: z.string(),
    segmentId: z.string(),
    segmentName: z.string().nullable(),
    rules: SegmentRules.nullable().describe('The rules as submitted (the segment may change later)'),
    scheduledAt: instant.nullable(),
    productKind: z.enum(PRODUCT_KINDS).nullable(),
    data: z.record(z.string(), z.unknown()),
    requireApproval: z.boolean(),
    batchSize: z.number().int(),
    status: z.enum(CAMPAIGN_STATUSES),
    submission: z.number().int().describe('How many times it was submitted'),
    maker: z.string().nullable().describe('Who submitted it'),
    checker: z.string().nullable().describe("Who decided ('system' when approved automatically)"),
    comment: z.string().nullable().describe("The checker's comment"),
    approval: z.enum(APPROVALS).nullable(),
    eligibleCount: z.number().int().nullable(),
    firstContactAt: instant
      .nullable()
      .describe('When the first offer may go out: the schedule, moved into the contact window'),
    createdBy: z.string(),
    createdAt: instant,
    updatedAt: instant,
    submittedAt: instant.nullable(),
    decidedAt: instant.nullable(),
    startedAt: instant.nullable(),
    completedAt: instant.nullable(),
    cancelledAt: instant.nullable(),
  })
  .openapi('Campaign');

export const CampaignDetail = Campaign.extend({ funnel: Funnel }).openapi('CampaignDetail');

export const ContentQuery = z.object({ locale: z.enum(LOCALES).default('id') });
export const Content = z
  .object({
    subject: z.string().optional(),
    html: z.string().optional(),
    text: z.string(),
  })
  .openapi('CampaignContent');
