import { get, post } from '../api.ts';
import type {
  CaseDetail,
  CaseItem,
  CasePage,
  Counts,
  CustomerHit,
  NewCase,
  OpenTask,
  Policy,
  Queue,
  Vocabulary,
} from './types.ts';

const one = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

export const listCases = (query: string) => get<CasePage>(`/api/cases?${query}`);
export const caseCounts = () => get<Counts>('/api/cases/counts');
export const queues = () => get<{ items: Queue[] }>('/api/cases/queues').then((a) => a.items);
export const policies = () => get<{ items: Policy[] }>('/api/cases/sla-policies').then((a) => a.items);
export const vocabulary = () => get<Vocabulary>('/api/cases/vocabulary');
export const getCase = (id: string) => get<CaseDetail>(one(id));
export const logCase = (body: NewCase) => post<CaseItem>('/api/cases', body);

export const addComment = (id: string, text: string) => post<CaseItem>(`${one(id)}/comments`, { text });
export const changeStatus = (id: string, status: string, note?: string) =>
  post<CaseItem>(`${one(id)}/status`, note ? { status, note } : { status });
export const documentsComplete = (id: string) => post<CaseItem>(`${one(id)}/documents-complete`);
export const extend = (id: string, days: number, reason: string) =>
  post<CaseItem>(`${one(id)}/extension`, { days, reason });
export const reassign = (id: string, assignee: string, queue?: string) =>
  post<CaseItem>(`${one(id)}/reassign`, queue ? { assignee, queue } : { assignee });

export const searchCustomers = (q: string) =>
  get<{ items: CustomerHit[] }>(`/api/customers?q=${encodeURIComponent(q)}&limit=8`).then((a) => a.items);

/**
 * The case's open task, found by its `caseId` process variable: supervisors see every task,
 * others their own and their groups' (the task list owns `#/tasks/<key>`).
 */
export async function openTaskOf(caseId: string, supervisor: boolean): Promise<OpenTask | null> {
  const filter = `variables=${encodeURIComponent(`caseId:${caseId}`)}&limit=1`;
  const lists = supervisor ? ['/api/tasks'] : ['/api/tasks/mine', '/api/tasks/groups'];
  for (const list of lists) {
    const answer = await get<{ items: OpenTask[] }>(`${list}?${filter}`);
    if (answer.items[0]) return answer.items[0];
  }
  return null;
}
