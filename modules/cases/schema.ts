import { z } from '@hono/zod-openapi';
import {
  ASSIGNMENT_STRATEGIES,
  CASE_CHANNELS,
  COMPLAINT_FORMS,
  EVENT_KINDS,
  MANUAL_TRANSITIONS,
  ROOT_CAUSE_CODES,
  SEVERITIES,
  SLA_STATES,
  SLA_UNITS,
  STATUSES,
} from './vocabulary.ts';

const instant = z.string().nullable().openapi({ format: 'date-time' });
const code = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]+(?:[-_][A-Z0-9]+)*$/, 'upper-case words joined by dashes or underscores: BO-PAYMENTS')
  .max(40);
const username = z.string().trim().min(1).max(100);

export const CaseId = z.object({
  id: z
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' }, example: '0192f5c1-7d1e-4c4a-9c1a-2f9e5b0c1d2e' }),
});

export const NewCaseBody = z
  .object({
    customerId: z.uuid(),
    category: code,
    severity: z.enum(SEVERITIES),
    channel: z.enum(CASE_CHANNELS),
    form: z.enum(COMPLAINT_FORMS).describe('POJK 22/2023: written (10 working days) or verbal (5)'),
    description: z.string().trim().min(1).max(4000),
    documentsComplete: z
      .boolean()
      .optional()
      .describe('Written complaints: are the documents complete now? (default true)'),
    branchCode: z.string().trim().min(1).max(20).optional().describe("Default: the customer's branch"),
  })
  .strict()
  .openapi('NewCase');

const sorts = ['createdAt', 'slaDueAt', 'regulatoryDueAt', 'lastUpdateAt', 'escalationLevel'];
export const CaseQuery = z.object({
  status: z.enum(STATUSES).optional(),
  queue: z.string().max(40).optional(),
  assignee: z.string().max(100).optional(),
  severity: z.enum(SEVERITIES).optional(),
  category: z.string().max(40).optional(),
  customerId: z.uuid().optional(),
  channel: z.enum(CASE_CHANNELS).optional(),
  form: z.enum(COMPLAINT_FORMS).optional(),
  open: z
    .enum(['true', 'false'])
    .optional()
    .describe('Only open cases (true) or only resolved and closed (false)'),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe("Words in the number, description, customer's name or CIF"),
  escalatedTo: z.string().max(100).optional().describe('Escalated to this supervisor'),
  sla: z.enum(SLA_STATES).optional().describe('Open cases only: overdue, due within 4 hours, or on track'),
  escalated: z.enum(['true', 'false']).optional(),
  sort: z
    .string()
    .regex(
      new RegExp(`^-?(${sorts.join('|')})(,-?(${sorts.join('|')}))*$`),
      `one or more of ${sorts.join(', ')}, - for descending`,
    )
    .default('-createdAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const CommentBody = z
  .object({ text: z.string().trim().min(1).max(4000) })
  .strict()
  .openapi('CaseComment');
const manual = [...new Set(Object.values(MANUAL_TRANSITIONS).flat())] as [string, ...string[]];
export const StatusBody = z
  .object({ status: z.enum(manual), note: z.string().trim().max(1000).optional() })
  .strict()
  .openapi('CaseStatusChange');
export const ExtensionBody = z
  .object({ days: z.number().int().min(1).max(10), reason: z.string().trim().min(5).max(1000) })
  .strict()
  .openapi('CaseExtension');
export const ReassignBody = z
  .object({
    assignee: username,
    queue: code.optional().describe('Move the case to this queue too (default: it stays in its own)'),
  })
  .strict()
  .openapi('CaseReassign');
export const ScoreBody = z
  .object({ score: z.number().int().min(1).max(5) })
  .strict()
  .openapi('CaseScore');

export const Extension = z.object({ at: z.string(), days: z.number().int(), reason: z.string() }).nullable();

export const CaseDto = z
  .object({
    id: z.string(),
    number: z.string(),
    customerId: z.string(),
    branchCode: z.string(),
    category: z.string(),
    severity: z.enum(SEVERITIES),
    channel: z.string(),
    form: z.enum(COMPLAINT_FORMS),
    description: z.string(),
    status: z.enum(STATUSES),
    queue: z.string().nullable(),
    slaPolicy: z.string().nullable(),
    slaDueAt: instant,
    slaState: z.enum(SLA_STATES).nullable(),
    slaBreachedAt: instant,
    regulatoryDueAt: instant,
    documentsDueAt: instant,
    documentsCompleteAt: instant,
    extension: Extension,
    assignee: z.string().nullable(),
    escalationLevel: z.number().int(),
    escalatedTo: z.string().nullable(),
    resolution: z.string().nullable(),
    rootCause: z.string().nullable(),
    resolvedAt: instant,
    resolvedBy: z.string().nullable(),
    closedAt: instant,
    csat: z.number().int().nullable(),
    csatAt: instant,
    processInstanceKey: z.string().nullable(),
    imported: z.boolean(),
    createdAt: z.string(),
    createdBy: z.string(),
    lastUpdateAt: z.string(),
  })
  .openapi('Case');

export const CaseEventDto = z
  .object({
    id: z.string(),
    at: z.string(),
    kind: z.enum(EVENT_KINDS),
    actor: z.string(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('CaseEvent');

/** What a list row and the case page add: who complained, and the POJK deadline in working days. */
const listed = {
  customer: z.object({ id: z.string(), fullName: z.string(), cif: z.string() }),
  regulatoryWorkingDaysLeft: z
    .number()
    .int()
    .nullable()
    .describe('Working days to the POJK deadline: 0 today, negative once past; null without one'),
};
export const CaseListItem = CaseDto.extend(listed).openapi('CaseListItem');
export const CaseDetail = CaseDto.extend({ ...listed, timeline: z.array(CaseEventDto) }).openapi(
  'CaseDetail',
);
export const CasePage = z.object({
  items: z.array(CaseListItem),
  page: z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
});

const named = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
export const Vocabulary = z
  .object({
    categories: z.array(named.extend({ active: z.boolean() })),
    severities: z.array(z.string()),
    channels: z.array(z.string()),
    forms: z.array(z.string()),
    statuses: z.array(z.string()),
    rootCauses: z.array(named),
  })
  .openapi('CaseVocabulary');

const count = {
  open: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  escalated: z.number().int(),
  unassigned: z.number().int(),
  mine: z.number().int(),
};
export const CaseCounts = z
  .object({
    queues: z.array(z.object({ queue: z.string().nullable(), ...count })),
    total: z.object(count),
  })
  .openapi('CaseCounts');

export const QueueCode = z.object({ code: code.openapi({ param: { name: 'code', in: 'path' } }) });
export const QueueFields = z
  .object({
    name: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
    candidateGroup: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .describe('A role (backoffice) or a branch code (MDN-KC)'),
    strategy: z.enum(ASSIGNMENT_STRATEGIES),
    branchCode: z.string().trim().min(1).max(20).nullable().optional(),
    supervisor: username.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .openapi('QueueFields');
export const NewQueue = QueueFields.extend({ code, members: z.array(username).max(100).optional() })
  .strict()
  .openapi('NewQueue');
export const MembersBody = z
  .object({ members: z.array(username).max(100) })
  .strict()
  .openapi('QueueMembers');
export const QueueDto = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    candidateGroup: z.string(),
    strategy: z.enum(ASSIGNMENT_STRATEGIES),
    branchCode: z.string().nullable(),
    supervisor: z.string().nullable(),
    active: z.boolean(),
    members: z.array(z.string()),
  })
  .openapi('Queue');

export const PolicyCode = z.object({ code: code.openapi({ param: { name: 'code', in: 'path' } }) });
export const PolicyFields = z
  .object({
    name: z.string().trim().min(1).max(200),
    amount: z.number().positive().max(10_000),
    unit: z.enum(SLA_UNITS),
  })
  .strict()
  .openapi('SlaPolicyFields');
export const NewPolicy = PolicyFields.extend({ code }).strict().openapi('NewSlaPolicy');
export const PolicyDto = z
  .object({ code: z.string(), name: z.string(), amount: z.number(), unit: z.enum(SLA_UNITS) })
  .openapi('SlaPolicy');

export const SurveyToken = z.object({
  token: z
    .string()
    .regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{22}$/, 'a survey token')
    .openapi({ param: { name: 'token', in: 'path' } }),
});
export const SurveyQuery = z.object({ score: z.coerce.number().int().min(1).max(5) });
export const RootCauseCodes = ROOT_CAUSE_CODES;
