/** The shapes of the cases API (modules/cases/schema.ts), as the console reads them. */

export type Severity = 'LOW' | 'MEDIUM' | 'HIGH';
export type CaseStatus = 'NEW' | 'ASSIGNED' | 'IN_PROGRESS' | 'WAITING_CUSTOMER' | 'RESOLVED' | 'CLOSED';
export type SlaState = 'overdue' | 'due-soon' | 'on-track';

export interface CaseItem {
  id: string;
  number: string;
  customerId: string;
  customer: { id: string; fullName: string; cif: string };
  branchCode: string;
  category: string;
  severity: Severity;
  channel: string;
  form: 'written' | 'verbal';
  description: string;
  status: CaseStatus;
  queue: string | null;
  slaPolicy: string | null;
  slaDueAt: string | null;
  slaState: SlaState | null;
  slaBreachedAt: string | null;
  regulatoryDueAt: string | null;
  regulatoryWorkingDaysLeft: number | null;
  documentsDueAt: string | null;
  documentsCompleteAt: string | null;
  extension: { at: string; days: number; reason: string } | null;
  assignee: string | null;
  escalationLevel: number;
  escalatedTo: string | null;
  resolution: string | null;
  rootCause: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  csat: number | null;
  processInstanceKey: string | null;
  createdAt: string;
  createdBy: string;
  lastUpdateAt: string;
}

export interface CaseEvent {
  id: string;
  at: string;
  kind: string;
  actor: string;
  detail: Record<string, unknown>;
}

export interface CaseDetail extends CaseItem {
  timeline: CaseEvent[];
}

export interface CasePage {
  items: CaseItem[];
  page: { total: number; limit: number; offset: number };
}

export interface Named {
  code: string;
  name: string;
  nameEn: string;
}

export interface Vocabulary {
  categories: (Named & { active: boolean })[];
  severities: Severity[];
  channels: string[];
  forms: string[];
  statuses: CaseStatus[];
  rootCauses: Named[];
}

export interface Queue extends Named {
  candidateGroup: string;
  supervisor: string | null;
  active: boolean;
  members: string[];
}

export interface Policy {
  code: string;
  name: string;
  amount: number;
  unit: 'hours' | 'working-hours' | 'working-days';
}

export interface Count {
  open: number;
  overdue: number;
  dueSoon: number;
  escalated: number;
  unassigned: number;
  mine: number;
}

export interface Counts {
  queues: (Count & { queue: string | null })[];
  total: Count;
}

export interface CustomerHit {
  id: string;
  cif: string;
  fullName: string;
  nik: string | null;
  phone: string | null;
  segment: string;
  branchCode: string;
}

export interface OpenTask {
  key: string;
  name: string;
  assignee: string | null;
  dueDate: string | null;
}

export interface NewCase {
  customerId: string;
  category: string;
  severity: Severity;
  channel: string;
  form: 'written' | 'verbal';
  description: string;
  documentsComplete?: boolean;
}
