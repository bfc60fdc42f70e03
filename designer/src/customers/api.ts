import { ApiError, get, post, token } from '../api.ts';
import type {
  CaseItem,
  ConsentRecord,
  ConsentSource,
  ConsentState,
  Customer360,
  CustomerSummary,
  TaskItem,
  TimelinePage,
  UnmaskField,
} from './types.ts';

const base = (id: string) => `/api/customers/${encodeURIComponent(id)}`;

export const searchCustomers = (q: string) =>
  get<{ items: CustomerSummary[] }>(`/api/customers?${new URLSearchParams({ q, limit: '50' })}`);
export const customer360 = (id: string) => get<Customer360>(base(id));
export const timelinePage = (id: string, before: string | null) =>
  get<TimelinePage>(
    `${base(id)}/timeline?${new URLSearchParams({ limit: '10', ...(before ? { before } : {}) })}`,
  );
export const consents = (id: string) =>
  get<{ current: ConsentState[]; history: ConsentRecord[] }>(`${base(id)}/consents`);
export const recordConsent = (
  id: string,
  body: { channel: string; purpose: string; granted: boolean; source: ConsentSource },
) => post<ConsentState[]>(`${base(id)}/consents`, body);
export const unmask = (id: string, body: { field: UnmaskField; productId?: string; reason: string }) =>
  post<{ field: string; value: string }>(`${base(id)}/unmask`, body);

/** The customer's cases, newest first (the cases API filters by customer). */
export const casesOf = (id: string) =>
  get<{ items: CaseItem[] }>(`/api/cases?${new URLSearchParams({ customerId: id, limit: '50' })}`);

/**
 * The open tasks about this customer that the viewer may see: supervisors read every open
 * task; others their own and their groups'. The tasks API filters on the `customerId`
 * process variable.
 */
export async function tasksOf(id: string, supervisor: boolean): Promise<TaskItem[]> {
  const query = `?${new URLSearchParams({ variables: `customerId:${id}`, limit: '50' })}`;
  const lists = supervisor ? ['/api/tasks'] : ['/api/tasks/mine', '/api/tasks/groups'];
  const pages = await Promise.all(lists.map((path) => get<{ items: TaskItem[] }>(path + query)));
  const byKey = new Map(pages.flatMap((page) => page.items).map((task) => [task.key, task]));
  return [...byKey.values()];
}

/** The data-subject export (UU PDP) as a file the browser saves, named as the server names it. */
export async function downloadExport(id: string): Promise<void> {
  const bearer = token.get();
  const response = await fetch(`${base(id)}/export`, {
    headers: { accept: 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
    throw new ApiError(response.status, problem.code ?? `HTTP_${response.status}`, problem.detail ?? '');
  }
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    `customer-${id}.json`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}
