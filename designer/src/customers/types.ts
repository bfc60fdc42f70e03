/** The shapes of the customers API (modules/customers/schema.ts), as the designer reads them. */
export interface CustomerSummary {
  id: string;
  cif: string;
  fullName: string;
  /** Masked by the server unless the role sees it in clear. */
  nik: string | null;
  phone: string | null;
  segment: string;
  branchCode: string;
  rmUsername: string | null;
}

export interface Customer extends CustomerSummary {
  birthDate: string | null;
  gender: string | null;
  email: string | null;
  city: string | null;
  occupation: string | null;
  monthlyIncome: number | null;
  kycStatus: string;
  riskLevel: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface Product {
  id: string;
  kind: string;
  productName: string;
  accountNumber: string | null;
  status: string;
  balance: number | null;
  openedAt: string;
  closedAt: string | null;
}

export interface ConsentState {
  channel: string;
  purpose: string;
  granted: boolean;
  updatedAt: string;
}

export interface ConsentRecord {
  channel: string;
  purpose: string;
  granted: boolean;
  source: string;
  recordedBy: string;
  recordedAt: string;
}

export interface Interaction {
  id: string;
  at: string;
  channel: string;
  kind: string;
  summary: string;
  refType: string | null;
  refId: string | null;
  actor: string;
}

export interface TimelinePage {
  items: Interaction[];
  nextBefore: string | null;
}

export interface Customer360 {
  customer: Customer;
  branch: { code: string; name: string; city: string } | null;
  relationshipManager: { username: string; displayName: string } | null;
  products: Product[];
  consents: ConsentState[];
  timeline: TimelinePage;
}

/** The fields the unmask route reveals (modules/audit/personal-data.ts). */
export type UnmaskField = 'nik' | 'phone' | 'email' | 'accountNumber';

/** A case of the customer, the few fields this screen shows (modules/cases/schema.ts). */
export interface CaseItem {
  id: string;
  number: string;
  category: string;
  severity: string;
  status: string;
  slaDueAt: string | null;
  slaState: string | null;
  assignee: string | null;
  createdAt: string;
}

/** An open task (modules/tasks/schema.ts), the few fields this screen shows. */
export interface TaskItem {
  key: string;
  name: string;
  processName: string | null;
  assignee: string | null;
  dueDate: string | null;
  createdAt: string;
}

// The vocabularies of modules/customers/vocabulary.ts, for the consent form and labels.
export const CONSENT_CHANNELS = ['email', 'sms', 'whatsapp', 'phone'] as const;
export const CONSENT_PURPOSES = ['marketing', 'service', 'profiling', 'third-party'] as const;
export const CONSENT_SOURCES = [
  'branch-form',
  'mobile-app',
  'internet-banking',
  'call-centre',
  'web',
] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];
