/**
 * The fixed words of case handling. Categories, queues and SLA policies are configuration
 * (tables, seeded by migration 0002); these lists are what the code itself decides on.
 */

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where a complaint came in (DOMAIN.md: branch, call centre, WhatsApp, e-mail, mobile banking). */
export const CASE_CHANNELS = ['branch', 'call-centre', 'whatsapp', 'email', 'mobile-banking'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

/** POJK 22/2023: a written complaint is answered in 10 working days, a verbal one in 5. */
export const COMPLAINT_FORMS = ['written', 'verbal'] as const;
export type ComplaintForm = (typeof COMPLAINT_FORMS)[number];

/** NEW → ASSIGNED → IN_PROGRESS / WAITING_CUSTOMER → RESOLVED → CLOSED. */
export const STATUSES = ['NEW', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_CUSTOMER', 'RESOLVED', 'CLOSED'] as const;
export type CaseStatus = (typeof STATUSES)[number];
export const OPEN_STATUSES: readonly CaseStatus[] = ['NEW', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_CUSTOMER'];

/**
 * The status changes a person makes through the API. RESOLVED comes only from completing the
 * case's task (the process records the resolution and root cause), never from here.
 */
export const MANUAL_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  NEW: [],
  ASSIGNED: ['IN_PROGRESS', 'WAITING_CUSTOMER'],
  IN_PROGRESS: ['WAITING_CUSTOMER'],
  WAITING_CUSTOMER: ['IN_PROGRESS'],
  RESOLVED: ['CLOSED'],
  CLOSED: [],
};

export const ASSIGNMENT_STRATEGIES = ['least-loaded', 'round-robin'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

export const SLA_UNITS = ['hours', 'working-hours', 'working-days'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

/** How close to its SLA an open case counts as due soon. */
export const DUE_SOON_MS = 4 * 3_600_000;
export const SLA_STATES = ['overdue', 'due-soon', 'on-track'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const ESCALATION_REASONS = ['NO_UPDATE', 'SLA_BREACH'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** What a case's timeline records. */
export const EVENT_KINDS = [
  'created',
  'routed',
  'assigned',
  'comment',
  'status',
  'documents',
  'escalation',
  'sla-breach',
  'extension',
  'resolution',
  'survey',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

interface Named {
  code: string;
  name: string;
  nameEn: string;
}

/** The root causes a case is closed with (a fixed list, for the monthly top-10 report). */
export const ROOT_CAUSES = [
  { code: 'SYSTEM_ERROR', name: 'Gangguan sistem', nameEn: 'System error' },
  { code: 'NETWORK_ISSUE', name: 'Gangguan jaringan', nameEn: 'Network issue' },
  { code: 'ATM_MALFUNCTION', name: 'ATM bermasalah', nameEn: 'ATM malfunction' },
  { code: 'HUMAN_ERROR', name: 'Kesalahan petugas', nameEn: 'Staff error' },
  { code: 'PROCESS_GAP', name: 'Kelemahan prosedur', nameEn: 'Process gap' },
  {
    code: 'THIRD_PARTY',
    name: 'Pihak ketiga (switching, merchant)',
    nameEn: 'Third party (switching, merchant)',
  },
  { code: 'CUSTOMER_ERROR', name: 'Kekeliruan nasabah', nameEn: 'Customer error' },
  { code: 'FRAUD', name: 'Penipuan', nameEn: 'Fraud' },
  { code: 'POLICY', name: 'Sesuai kebijakan bank', nameEn: 'As per bank policy' },
  { code: 'OTHER', name: 'Lainnya', nameEn: 'Other' },
] as const satisfies readonly Named[];
export const ROOT_CAUSE_CODES = ROOT_CAUSES.map((r) => r.code) as [
  (typeof ROOT_CAUSES)[number]['code'],
  ...(typeof ROOT_CAUSES)[number]['code'][],
];
export type RootCause = (typeof ROOT_CAUSE_CODES)[number];

/** The categories seeded by migration (an admin may add more). */
export const SEED_CATEGORIES: readonly Named[] = [
  {
    code: 'FAILED_TRANSFER',
    name: 'Transfer gagal, saldo terpotong',
    nameEn: 'Failed transfer, balance debited',
  },
  { code: 'CARD_RETAINED', name: 'Kartu tertelan di ATM', nameEn: 'Card retained by ATM' },
  { code: 'WRONG_CHARGE', name: 'Biaya/tagihan tidak sesuai', nameEn: 'Wrong charge' },
  { code: 'LOAN', name: 'Pinjaman/kredit', nameEn: 'Loan' },
  { code: 'SERVICE_QUALITY', name: 'Kualitas layanan', nameEn: 'Service quality' },
  { code: 'OTHER', name: 'Lainnya', nameEn: 'Other' },
];

/** The routing table's queue for "the nearest branch": the worker takes the case's branch. */
export const NEAREST_BRANCH = 'NEAREST-BRANCH';
/** A branch's own queue code. */
export const branchQueueCode = (branchCode: string) => `CB-${branchCode}`;

export interface SeedQueue {
  code: string;
  name: string;
  nameEn: string;
  candidateGroup: string;
  strategy: AssignmentStrategy;
  branchCode: string | null;
}

/** The central queues seeded by migration; each branch's own queue is made at start (bootstrap). */
export const SEED_QUEUES: readonly SeedQueue[] = [
  {
    code: 'BO-PAYMENTS',
    name: 'Back office pembayaran',
    nameEn: 'Back office payments',
    candidateGroup: 'backoffice',
    strategy: 'least-loaded',
    branchCode: null,
  },
  {
    code: 'BO-CARDS',
    name: 'Back office kartu',
    nameEn: 'Back office cards',
    candidateGroup: 'backoffice',
    strategy: 'least-loaded',
    branchCode: null,
  },
  {
    code: 'BO-LOANS',
    name: 'Back office kredit',
    nameEn: 'Back office loans',
    candidateGroup: 'backoffice',
    strategy: 'least-loaded',
    branchCode: null,
  },
  {
    code: 'CC-MEDAN',
    name: 'Contact centre Medan',
    nameEn: 'Contact centre Medan',
    candidateGroup: 'MDN-CC',
    strategy: 'round-robin',
    branchCode: null,
  },
];

/** Demo members and supervisors (DESIGN's demo users), set only in demo mode. */
export const DEMO_QUEUE_STAFF: Record<string, { members: string[]; supervisor: string }> = {
  'BO-PAYMENTS': { members: ['backoffice1'], supervisor: 'supervisor1' },
  'BO-CARDS': { members: ['backoffice1'], supervisor: 'supervisor1' },
  'BO-LOANS': { members: ['backoffice1'], supervisor: 'supervisor1' },
  'CC-MEDAN': { members: ['agent1', 'agent2'], supervisor: 'supervisor1' },
  'CB-MDN-KC': { members: ['rm1'], supervisor: 'supervisor1' },
  'CB-PMS-KC': { members: [], supervisor: 'supervisor1' },
};

export interface SeedPolicy {
  code: string;
  name: string;
  amount: number;
  unit: SlaUnit;
}

export const SEED_POLICIES: readonly SeedPolicy[] = [
  { code: 'PAYMENTS-24H', name: 'Pembayaran 24 jam', amount: 24, unit: 'hours' },
  { code: 'URGENT-8WH', name: 'Mendesak 8 jam kerja', amount: 8, unit: 'working-hours' },
  { code: 'BRANCH-2WD', name: 'Cabang 2 hari kerja', amount: 2, unit: 'working-days' },
  { code: 'STANDARD-3WD', name: 'Standar 3 hari kerja', amount: 3, unit: 'working-days' },
  { code: 'LOANS-5WD', name: 'Kredit 5 hari kerja', amount: 5, unit: 'working-days' },
];
