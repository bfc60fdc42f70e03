import { z } from '@hono/zod-openapi';
import { PERSONAL_FIELD_KINDS } from '../audit/personal-data.ts';
import {
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  CONSENT_SOURCES,
  INTERACTION_CHANNELS,
  INTERACTION_KINDS,
  KYC_STATUSES,
  normalise,
  PRODUCT_KINDS,
  RISK_LEVELS,
  SEGMENTS,
} from './vocabulary.ts';

const instant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);

export const Nik = z
  .string()
  .trim()
  .regex(/^\d{16}$/, 'a NIK has exactly 16 digits')
  .openapi({ example: '1271011203900001' });
/** An Indonesian mobile number in any usual form, stored as 08…. */
export const Phone = z
  .string()
  .trim()
  .max(30)
  .refine(
    (v) => /^\+?[\d\s.-]+$/.test(v) && /^08\d{7,12}$/.test(normalise.phone(v)),
    'an Indonesian mobile number: 0812…, 62812… or +62 812…',
  )
  .transform((v) => normalise.phone(v))
  .openapi({ example: '081234567890' });
export const Email = z.email().max(200).openapi({ example: 'budi.santoso@example.co.id' });
export const AccountNumber = z
  .string()
  .trim()
  .regex(/^\d{6,20}$/, 'an account number has 6 to 20 digits')
  .openapi({ example: '1020304050' });

export const CustomerId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const NewCustomerBody = z
  .object({
    fullName: text(200).openapi({ example: 'Budi Santoso Siregar' }),
    nik: Nik,
    birthDate: z.iso.date().nullable().optional(),
    gender: z.enum(['M', 'F']).nullable().optional(),
    phone: Phone.nullable().optional(),
    email: Email.nullable().optional(),
    city: text(100).nullable().optional(),
    occupation: text(100).nullable().optional(),
    monthlyIncome: z.number().int().min(0).max(1e13).nullable().optional().describe('Rupiah'),
    segment: z.enum(SEGMENTS),
    branchCode: text(20),
    rmUsername: text(100).nullable().optional(),
    kycStatus: z.enum(KYC_STATUSES).optional(),
    riskLevel: z.enum(RISK_LEVELS).nullable().optional(),
  })
  .strict()
  .openapi('NewCustomer');

export const CustomerChangesBody = z
  .object({
    fullName: text(200),
    phone: Phone.nullable(),
    email: Email.nullable(),
    city: text(100).nullable(),
    occupation: text(100).nullable(),
    monthlyIncome: z.number().int().min(0).max(1e13).nullable(),
    segment: z.enum(SEGMENTS),
    kycStatus: z.enum(KYC_STATUSES),
    riskLevel: z.enum(RISK_LEVELS).nullable(),
    closed: z.boolean().describe('The relationship ended: the retention period starts'),
  })
  .partial()
  .strict()
  .openapi('CustomerChanges');

export const AssignmentBody = z
  .object({ branchCode: text(20), rmUsername: text(100).nullable() })
  .strict()
  .openapi('CustomerAssignment');

export const Customer = z
  .object({
    id: z.string(),
    cif: z.string(),
    fullName: z.string(),
    birthDate: z.string().nullable(),
    gender: z.string().nullable(),
    nik: z.string().nullable().describe('Masked unless your role sees it in clear'),
    phone: z.string().nullable().describe('Masked unless your role sees it in clear'),
    email: z.string().nullable().describe('Masked unless your role sees it in clear'),
    city: z.string().nullable(),
    occupation: z.string().nullable(),
    monthlyIncome: z.number().nullable(),
    segment: z.string(),
    branchCode: z.string(),
    rmUsername: z.string().nullable(),
    kycStatus: z.string(),
    riskLevel: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
    closedAt: instant.nullable(),
  })
  .openapi('Customer');

export const CustomerSummary = Customer.pick({
  id: true,
  cif: true,
  fullName: true,
  nik: true,
  phone: true,
  segment: true,
  branchCode: true,
  rmUsername: true,
}).openapi('CustomerSummary');

export const Product = z
  .object({
    id: z.string(),
    kind: z.string(),
    productName: z.string(),
    accountNumber: z.string().nullable(),
    status: z.string(),
    balance: z.number().nullable(),
    openedAt: instant,
    closedAt: instant.nullable(),
  })
  .openapi('Product');

export const NewProductBody = z
  .object({
    kind: z.enum(PRODUCT_KINDS),
    productName: text(100),
    accountNumber: AccountNumber,
    balance: z.number().int().min(-1e15).max(1e15).nullable().optional(),
    openedAt: instant.optional(),
  })
  .strict()
  .openapi('NewProduct');

export const ConsentState = z
  .object({ channel: z.string(), purpose: z.string(), granted: z.boolean(), updatedAt: instant })
  .openapi('ConsentState');
export const ConsentRecord = z
  .object({
    channel: z.string(),
    purpose: z.string(),
    granted: z.boolean(),
    source: z.string(),
    recordedBy: z.string(),
    recordedAt: instant,
  })
  .openapi('ConsentRecord');
export const ConsentBody = z
  .object({
    channel: z.enum(CONSENT_CHANNELS),
    purpose: z.enum(CONSENT_PURPOSES),
    granted: z.boolean(),
    source: z.enum(CONSENT_SOURCES),
  })
  .strict()
  .openapi('ConsentChange');

export const Interaction = z
  .object({
    id: z.string(),
    at: instant,
    channel: z.string(),
    kind: z.string(),
    summary: z.string(),
    refType: z.string().nullable(),
    refId: z.string().nullable(),
    actor: z.string(),
  })
  .openapi('Interaction');
export const InteractionBody = z
  .object({
    channel: z.enum(INTERACTION_CHANNELS),
    kind: z.enum(INTERACTION_KINDS),
    summary: text(1000),
    at: instant.optional(),
    refType: text(30).nullable().optional(),
    refId: text(64).nullable().optional(),
  })
  .strict()
  .openapi('NewInteraction');
export const TimelinePage = z
  .object({ items: z.array(Interaction), nextBefore: z.string().nullable() })
  .openapi('TimelinePage');
export const TimelineQuery = z.object({
  before: z
    .string()
    .regex(/^\d+\.\d+$/, 'the nextBefore of the previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const Customer360 = z
  .object({
    customer: Customer,
    branch: z.object({ code: z.string(), name: z.string(), city: z.string() }).nullable(),
    relationshipManager: z.object({ username: z.string(), displayName: z.string() }).nullable(),
    products: z.array(Product),
    consents: z.array(ConsentState),
    timeline: TimelinePage,
  })
  .openapi('Customer360');

export const SearchQuery = z.object({
  q: z.string().trim().min(2, 'at least 2 characters').max(100).openapi({
    description: 'A name (word prefixes), NIK, phone, account number, e-mail or CIF',
    example: 'budi sir',
  }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const UnmaskBody = z
  .object({
    field: z.enum(PERSONAL_FIELD_KINDS),
    productId: z.uuid().optional().describe('Which product, for accountNumber'),
    reason: z.string().trim().min(10, 'state the reason in at least 10 characters').max(500),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.field === 'accountNumber' && !body.productId)
      ctx.addIssue({ code: 'custom', path: ['productId'], message: 'required to unmask an account number' });
  })
  .openapi('UnmaskRequest');

export const ErasureBody = z
  .object({ reason: z.string().trim().min(10, 'state the reason in at least 10 characters').max(500) })
  .strict()
  .openapi('ErasureRequest');
