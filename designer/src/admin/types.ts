/** The shapes the administration API answers (modules identity, cases, calendar, notifications). */

export { ASSIGNMENT_STRATEGIES, SLA_UNITS } from '../../../modules/cases/vocabulary.ts';
export { BRANCH_KINDS, ROLES } from '../../../modules/identity/roles.ts';

/** modules/calendar/calendar.ts HOLIDAY_KINDS (that file also holds the calendar arithmetic). */
export const HOLIDAY_KINDS = ['national', 'cuti-bersama'] as const;
/** modules/notifications/schema.ts CHANNELS (that file pulls in zod). */
export const CHANNELS = ['email', 'sms', 'whatsapp'] as const;
export const PURPOSES = ['service', 'marketing'] as const;

export type Channel = (typeof CHANNELS)[number];
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export interface User {
  username: string;
  displayName: string;
  roles: string[];
  branchCode: string | null;
  disabled: boolean;
  disabledAt: string | null;
  lockedUntil: string | null;
  createdAt: string;
}

export interface UserPage {
  items: User[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Branch {
  code: string;
  name: string;
  city: string;
  kind: 'branch' | 'contact-centre' | 'head-office';
  active: boolean;
}

export interface Queue {
  code: string;
  name: string;
  nameEn: string;
  candidateGroup: string;
  strategy: 'least-loaded' | 'round-robin';
  branchCode: string | null;
  supervisor: string | null;
  active: boolean;
  members: string[];
}

export interface SlaPolicy {
  code: string;
  name: string;
  amount: number;
  unit: 'hours' | 'working-hours' | 'working-days';
}

export interface Holiday {
  date: string;
  name: string;
  nameEn: string;
  kind: HolidayKind;
  updatedAt: string;
  updatedBy: string;
}

export interface LocaleContent {
  subject?: string;
  html?: string;
  text: string;
}

export interface Template {
  key: string;
  channel: Channel;
  purpose: 'service' | 'marketing';
  description: string | null;
  version: number;
  content: { id: LocaleContent; en: LocaleContent };
  sampleData: Record<string, unknown>;
  archived?: boolean;
  updatedAt: string;
  updatedBy: string;
}

export interface Rendered {
  subject?: string;
  html?: string;
  text: string;
}

export interface WorkingDaysDue {
  from: string;
  days: number;
  dueAt: string;
  dueDate: string;
}
