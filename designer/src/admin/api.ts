import { api, get, post, put } from '../api.ts';
import type {
  Branch,
  Channel,
  Holiday,
  LocaleContent,
  Queue,
  Rendered,
  SlaPolicy,
  Template,
  User,
  UserPage,
  WorkingDaysDue,
} from './types.ts';

const enc = encodeURIComponent;
const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

// Users and roles (users.manage).
export const listUsers = (filter: { q?: string; role?: string; branchCode?: string; page?: number }) =>
  get<UserPage>(`/api/users${query({ ...filter, pageSize: 100 })}`);
export const createUser = (body: {
  username: string;
  displayName: string;
  roles: string[];
  branchCode: string | null;
  password: string;
}) => post<User>('/api/users', body);
export const updateUser = (
  username: string,
  changes: { displayName?: string; roles?: string[]; branchCode?: string | null; disabled?: boolean },
) => api<User>('PATCH', `/api/users/${enc(username)}`, changes);
export const setPassword = (username: string, password: string) =>
  post<void>(`/api/users/${enc(username)}/password`, { password });
export const unlockUser = (username: string) => post<User>(`/api/users/${enc(username)}/unlock`);

// Branches (users.manage).
export const listBranches = () => get<{ items: Branch[] }>('/api/branches').then((a) => a.items);
export const createBranch = (body: Omit<Branch, 'active'>) => post<Branch>('/api/branches', body);
export const updateBranch = (code: string, changes: Partial<Omit<Branch, 'code'>>) =>
  api<Branch>('PATCH', `/api/branches/${enc(code)}`, changes);

// Queues and SLA policies (cases.configure).
export type QueueFields = Omit<Queue, 'code' | 'members'>;
export const listQueues = () => get<{ items: Queue[] }>('/api/cases/queues').then((a) => a.items);
export const createQueue = (body: QueueFields & { code: string; members: string[] }) =>
  post<Queue>('/api/cases/queues', body);
export const updateQueue = (code: string, body: QueueFields) =>
  put<Queue>(`/api/cases/queues/${enc(code)}`, body);
export const setQueueMembers = (code: string, members: string[]) =>
  put<Queue>(`/api/cases/queues/${enc(code)}/members`, { members });
export const listPolicies = () => get<{ items: SlaPolicy[] }>('/api/cases/sla-policies').then((a) => a.items);
export const createPolicy = (body: SlaPolicy) => post<SlaPolicy>('/api/cases/sla-policies', body);
export const updatePolicy = ({ code, ...fields }: SlaPolicy) =>
  put<SlaPolicy>(`/api/cases/sla-policies/${enc(code)}`, fields);

// Holidays (calendar.manage) and the working-day arithmetic every user may ask.
export type HolidayFields = Pick<Holiday, 'name' | 'nameEn' | 'kind'>;
export const listHolidays = (year: number) =>
  get<{ holidays: Holiday[] }>(`/api/calendar/holidays${query({ year })}`).then((a) => a.holidays);
export const createHoliday = (body: HolidayFields & { date: string }) =>
  post<Holiday>('/api/calendar/holidays', body);
export const updateHoliday = (date: string, body: HolidayFields) =>
  put<Holiday>(`/api/calendar/holidays/${enc(date)}`, body);
export const removeHoliday = (date: string) => api<void>('DELETE', `/api/calendar/holidays/${enc(date)}`);
export const workingDays = (from: string, days: number) =>
  get<WorkingDaysDue>(`/api/calendar/working-days${query({ from, days })}`);

// Notification templates (notifications.templates; versions need notifications.read).
const templatePath = (key: string, channel: Channel) => `/api/notifications/templates/${enc(key)}/${channel}`;
export const listTemplates = () =>
  get<{ items: Template[] }>('/api/notifications/templates?archived=true').then((a) => a.items);
export const getTemplate = (key: string, channel: Channel) => get<Template>(templatePath(key, channel));
export const templateVersions = (key: string, channel: Channel) =>
  get<{ items: Template[] }>(`${templatePath(key, channel)}/versions`).then((a) => a.items);
export const saveTemplate = (
  key: string,
  channel: Channel,
  body: {
    purpose: Template['purpose'];
    description: string | null;
    content: { id: LocaleContent; en: LocaleContent };
    sampleData: Record<string, unknown>;
  },
) => put<Template>(templatePath(key, channel), body);
export const archiveTemplate = (key: string, channel: Channel) =>
  api<void>('DELETE', templatePath(key, channel));
export const previewTemplate = (
  key: string,
  channel: Channel,
  body: { locale: 'id' | 'en'; version?: number; data?: Record<string, unknown> },
) => post<Rendered>(`${templatePath(key, channel)}/preview`, body);
