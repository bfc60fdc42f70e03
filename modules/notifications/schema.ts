import { z } from '@hono/zod-openapi';

/** The channels a message goes out on; each has its own consent (customers' CONSENT_CHANNELS). */
export const CHANNELS = ['email', 'sms', 'whatsapp'] as const;
export type Channel = (typeof CHANNELS)[number];
/** `marketing` messages are offers: consent and the contact window are checked when they are sent. */
export const PURPOSES = ['service', 'marketing'] as const;
export type Purpose = (typeof PURPOSES)[number];
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/**
 * queued (waiting in the outbox, or held until the contact window opens) → sent (a provider
 * took it; a callback will say more) → delivered | failed; suppressed (consent withdrawn,
 * customer erased) and dead (every attempt failed) are final.
 */
export const STATUSES = ['queued', 'sent', 'delivered', 'failed', 'suppressed', 'dead'] as const;
export type MessageStatus = (typeof STATUSES)[number];

const instant = z.iso.datetime({ offset: true });

export const TemplateKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'lower-case words joined by dots or dashes: case.resolved')
  .max(100)
  .openapi({ example: 'case.resolved' });

export const TemplateParams = z.object({
  templateKey: TemplateKey.openapi({ param: { name: 'templateKey', in: 'path' } }),
  channel: z.enum(CHANNELS).openapi({ param: { name: 'channel', in: 'path' } }),
});

export const LocaleContent = z
  .object({
    subject: z.string().min(1).max(300).optional().describe('E-mail only'),
    html: z.string().min(1).max(200_000).optional().describe('E-mail only'),
    text: z.string().min(1).max(20_000),
  })
  .strict()
  .openapi('TemplateLocaleContent');
export type LocaleContent = z.infer<typeof LocaleContent>;

export const TemplateContent = z
  .object({ id: LocaleContent.describe('Bahasa Indonesia'), en: LocaleContent.describe('English') })
  .strict()
  .openapi('TemplateContent');
export type TemplateContent = z.infer<typeof TemplateContent>;

const SampleData = z.record(z.string(), z.unknown()).describe('Data the preview fills the template with');

export const TemplateChanges = z
  .object({
    purpose: z.enum(PURPOSES),
    description: z.string().trim().max(500).nullable().optional(),
    content: TemplateContent,
    sampleData: SampleData.optional(),
  })
  .strict()
  .openapi('TemplateChanges');
export type TemplateChanges = z.infer<typeof TemplateChanges>;

export const NewTemplate = z
  .object({ key: TemplateKey, channel: z.enum(CHANNELS), ...TemplateChanges.shape })
  .strict()
  .openapi('NewTemplate');
export type NewTemplate = z.infer<typeof NewTemplate>;

export const Template = z
  .object({
    key: z.string(),
    channel: z.enum(CHANNELS),
    purpose: z.enum(PURPOSES),
    description: z.string().nullable(),
    version: z.number().int(),
    content: TemplateContent,
    sampleData: z.record(z.string(), z.unknown()),
    archived: z.boolean(),
    updatedAt: instant,
    updatedBy: z.string(),
  })
  .openapi('Template');

export const TemplateVersion = Template.omit({ archived: true }).openapi('TemplateVersion');

export const TemplateListQuery = z.object({
  channel: z.enum(CHANNELS).optional(),
  purpose: z.enum(PURPOSES).optional(),
  archived: z.enum(['true', 'false']).optional().describe('true: archived ones too'),
});

export const PreviewBody = z
  .object({
    locale: z.enum(LOCALES).default('id'),
    version: z.number().int().min(1).optional().describe('Default: the current version'),
    data: SampleData.optional().describe("Default: the template's sample data"),
  })
  .strict()
  .openapi('PreviewRequest');

export const Rendered = z
  .object({
    subject: z.string().optional(),
    html: z.string().optional(),
    text: z.string(),
  })
  .openapi('RenderedMessage');

export const SendBody = z
  .object({
    customerId: z.uuid(),
    templateKey: TemplateKey,
    channel: z.enum(CHANNELS),
    locale: z.enum(LOCALES).default('id'),
    data: z.record(z.string(), z.unknown()).optional(),
    ref: z.string().trim().min(1).max(100).optional().describe('What it is about: a case, a campaign'),
  })
  .strict()
  .openapi('SendNotification');

export const MessageId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const MessageSummary = z
  .object({
    id: z.string(),
    customerId: z.string(),
    channel: z.enum(CHANNELS),
    purpose: z.enum(PURPOSES),
    templateKey: z.string(),
    templateVersion: z.number().int(),
    locale: z.enum(LOCALES),
    ref: z.string().nullable(),
    status: z.enum(STATUSES),
    statusReason: z.string().nullable(),
    attempts: z.number().int(),
    nextAttemptAt: instant.nullable(),
    lastError: z.string().nullable(),
    createdAt: instant,
    createdBy: z.string(),
    sentAt: instant.nullable(),
    deliveredAt: instant.nullable(),
    failedAt: instant.nullable(),
    openCount: z.number().int(),
    firstOpenedAt: instant.nullable(),
    clickCount: z.number().int(),
    firstClickedAt: instant.nullable(),
  })
  .openapi('NotificationSummary');

export const MessageDetail = MessageSummary.extend({
  recipientEmail: z.string().nullable().describe('Masked unless your role sees it in clear'),
  recipientPhone: z.string().nullable().describe('Masked unless your role sees it in clear'),
  subject: z.string().nullable(),
  text: z.string().nullable().describe('null once the customer was erased'),
  events: z.array(z.object({ at: instant, kind: z.string(), detail: z.string().nullable() })),
}).openapi('NotificationDetail');

export const MessageQuery = z.object({
  status: z.enum(STATUSES).optional(),
  channel: z.enum(CHANNELS).optional(),
  templateKey: TemplateKey.optional(),
  ref: z.string().max(100).optional(),
  customerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const StatsQuery = z.object({
  by: z.enum(['template', 'ref']).default('template'),
  templateKey: TemplateKey.optional(),
  ref: z.string().max(100).optional(),
});

export const Stats = z
  .object({
    templateKey: z.string().nullable(),
    channel: z.string().nullable(),
    ref: z.string().nullable(),
    total: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    opened: z.number().int().describe('Messages opened at least once'),
    opens: z.number().int(),
    clicked: z.number().int().describe('Messages with at least one click'),
    clicks: z.number().int(),
  })
  .openapi('NotificationStats');

export const CallbackBody = z
  .object({
    id: z.uuid().describe('The notification id the platform sent'),
    status: z.enum(['delivered', 'failed']),
    providerId: z.string().max(200).optional(),
    error: z.string().max(500).optional(),
  })
  .strict()
  .openapi('DeliveryCallback');

export const TrackingToken = z.object({
  token: z
    .string()
    .regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{22}$/, 'not a tracking token')
    .openapi({ param: { name: 'token', in: 'path' } }),
});
