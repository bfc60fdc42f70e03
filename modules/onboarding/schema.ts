import { z } from '@hono/zod-openapi';
import { Email, Nik, Phone } from '../customers/schema.ts';
import { CONSENT_CHANNELS, CONSENT_PURPOSES } from '../customers/vocabulary.ts';
import {
  DOCUMENT_KINDS,
  OCCUPATIONS,
  PRODUCTS,
  REVIEW_DECISIONS,
  SOURCES_OF_FUNDS,
  STATUSES,
  WATCHLIST_CATEGORIES,
} from './vocabulary.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.string().describe('ISO 8601');
const date = z.iso.date();

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const DocumentParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  kind: z.enum(DOCUMENT_KINDS).openapi({ param: { name: 'kind', in: 'path' } }),
});

export const NewApplicationBody = z
  .object({
    fullName: text(200).openapi({ example: 'Rina Marlina Sitorus' }),
    nik: Nik,
    birthDate: date.openapi({ example: '1995-08-12' }),
    sex: z.enum(['M', 'F']),
    birthPlace: text(100).openapi({ example: 'Medan' }),
    address: text(500).openapi({ example: 'Jl. Gatot Subroto No. 12, Medan Petisah, Kota Medan' }),
    phone: Phone,
    email: Email.nullable().optional(),
    branchCode: text(20).openapi({ example: 'MDN-KC' }),
    product: z.enum(PRODUCTS),
    occupation: z.enum(OCCUPATIONS),
    sourceOfFunds: z.enum(SOURCES_OF_FUNDS),
    monthlyIncome: z.number().int().min(0).max(1e13).nullable().optional().describe('Rupiah'),
    pep: z.boolean().optional().describe('Politically exposed person, as the applicant declares it'),
    consents: z
      .array(z.object({ channel: z.enum(CONSENT_CHANNELS), purpose: z.enum(CONSENT_PURPOSES) }).strict())
      .max(20)
      .optional()
      .describe('Consents the applicant gave on the form; recorded on the customer once opened'),
    documentsReceived: z
      .array(z.enum(DOCUMENT_KINDS))
      .max(4)
      .optional()
      .describe('Documents handed in with the application'),
  })
  .strict()
  .openapi('NewApplication');

export const DocumentBody = z
  .object({
    received: z.boolean().optional(),
    verified: z.boolean().optional(),
    note: text(500).nullable().optional(),
  })
  .strict()
  .openapi('DocumentChange');

export const ListQuery = z.object({
  status: z.enum(STATUSES).optional(),
  branchCode: z.string().trim().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const Finding = z.object({ check: z.string(), ok: z.boolean(), id: z.string(), en: z.string() });
const Hit = z.object({
  entryId: z.string(),
  listedName: z.string(),
  matchedName: z.string(),
  category: z.string(),
  listSource: z.string(),
  nameScore: z.number(),
  birthDateMatch: z.boolean().nullable(),
  score: z.number(),
  screenedAt: instant,
});
const ChecklistItem = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  name: z.string(),
  required: z.boolean(),
  receivedAt: instant.nullable(),
  receivedBy: z.string().nullable(),
  verifiedAt: instant.nullable(),
  verifiedBy: z.string().nullable(),
  note: z.string().nullable(),
});

export const ApplicationSummary = z
  .object({
    id: z.string(),
    reference: z.string(),
    status: z.enum(STATUSES),
    fullName: z.string(),
    nik: z.string().nullable().describe('Masked unless your role sees it in clear'),
    branchCode: z.string(),
    product: z.enum(PRODUCTS),
    riskLevel: z.string().nullable(),
    createdAt: instant,
  })
  .openapi('ApplicationSummary');

export const ApplicationDto = z
  .object({
    id: z.string(),
    reference: z.string(),
    status: z.enum(STATUSES),
    applicant: z.object({
      fullName: z.string(),
      nik: z.string().nullable(),
      birthDate: z.string(),
      sex: z.enum(['M', 'F']),
      birthPlace: z.string(),
      address: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
    branchCode: z.string(),
    product: z.enum(PRODUCTS),
    occupation: z.string(),
    sourceOfFunds: z.string(),
    monthlyIncome: z.number().nullable(),
    pep: z.boolean(),
    consents: z.array(z.object({ channel: z.string(), purpose: z.string() })),
    documents: z.array(ChecklistItem),
    kyc: z.object({ checkedAt: instant, valid: z.boolean(), findings: z.array(Finding) }).nullable(),
    screening: z.object({ screenedAt: instant, bestScore: z.number(), hits: z.array(Hit) }).nullable(),
    risk: z.object({ level: z.string(), score: z.number().nullable() }).nullable(),
    review: z
      .object({
        decision: z.string(),
        reason: z.string(),
        reviewedBy: z.string().nullable(),
        reviewedAt: instant,
      })
      .nullable(),
    refusal: z.object({ reasonId: z.string(), reasonEn: z.string(), refusedAt: instant }).nullable(),
    accountNumber: z.string().nullable(),
    accountOpenedAt: instant.nullable(),
    coreBanking: z.object({
      attempts: z.number(),
      lastError: z.string().nullable(),
      failedAt: instant.nullable(),
      incident: z
        .boolean()
        .describe('The account opening failed every retry: an operator must retry the incident'),
    }),
    customerId: z.string().nullable(),
    rmUsername: z.string().nullable(),
    processInstanceKey: z.string().nullable(),
    submittedBy: z.string(),
    createdAt: instant,
    updatedAt: instant,
    completedAt: instant.nullable(),
  })
  .openapi('Application');

export const WatchlistEntryBody = z
  .object({
    fullName: text(200).openapi({ example: 'Ahmad Syahrial Nasution' }),
    aliases: z.array(text(200)).max(20).optional(),
    birthDate: date.nullable().optional(),
    category: z.enum(WATCHLIST_CATEGORIES),
    listSource: text(100).openapi({ example: 'DTTOT' }),
    reference: text(100).nullable().optional(),
    notes: text(1000).nullable().optional(),
  })
  .strict()
  .openapi('NewWatchlistEntry');

export const WatchlistChangesBody = WatchlistEntryBody.partial().strict().openapi('WatchlistEntryChanges');

export const WatchlistEntryDto = z
  .object({
    id: z.string(),
    fullName: z.string(),
    aliases: z.array(z.string()),
    birthDate: z.string().nullable(),
    category: z.enum(WATCHLIST_CATEGORIES),
    listSource: z.string(),
    reference: z.string().nullable(),
    notes: z.string().nullable(),
    demo: z.boolean().describe('Demonstration data shipped with the platform (fictional people)'),
    createdAt: instant,
    createdBy: z.string(),
    updatedAt: instant,
    updatedBy: z.string(),
  })
  .openapi('WatchlistEntry');

export const ScreenBody = z
  .object({ fullName: text(200), birthDate: date.nullable().optional() })
  .strict()
  .openapi('ScreeningRequest');

export const ReviewDecision = z.enum(REVIEW_DECISIONS);
export type NewApplication = z.infer<typeof NewApplicationBody>;
export type WatchlistEntryInput = z.infer<typeof WatchlistEntryBody>;
