import { api, get, post, put } from '../api.ts';
import type {
  Application,
  ApplicationSummary,
  ChecklistItem,
  ReviewTask,
  Status,
  WatchlistEntry,
} from './types.ts';

const BASE = '/api/onboarding';

/** How many applications a page of the list shows. */
export const PAGE_SIZE = 50;

export const listApplications = (status: Status | '', offset: number) =>
  get<{ items: ApplicationSummary[]; page: { total: number; limit: number; offset: number } }>(
    `${BASE}/applications?${new URLSearchParams({
      limit: String(PAGE_SIZE),
      offset: String(offset),
      ...(status ? { status } : {}),
    })}`,
  );
export const getApplication = (id: string) =>
  get<Application>(`${BASE}/applications/${encodeURIComponent(id)}`);
export const submitApplication = (body: Record<string, unknown>) =>
  post<Application>(`${BASE}/applications`, body);
export const updateDocument = (id: string, kind: string, body: { received?: boolean; verified?: boolean }) =>
  put<{ documents: ChecklistItem[] }>(
    `${BASE}/applications/${encodeURIComponent(id)}/documents/${encodeURIComponent(kind)}`,
    body,
  );

export const watchlist = () => get<{ items: WatchlistEntry[] }>(`${BASE}/watchlist`);
export const addWatchlistEntry = (body: Record<string, unknown>) =>
  post<WatchlistEntry>(`${BASE}/watchlist`, body);
export const removeWatchlistEntry = (id: string) =>
  api<void>('DELETE', `${BASE}/watchlist/${encodeURIComponent(id)}`);

/**
 * The manual KYC review task of an application, found through the task list by the
 * process's `applicationId` variable: compliance sees it among its group's tasks, a
 * supervisor among all; others cannot open it and get null.
 */
export async function reviewTask(applicationId: string, supervisor: boolean): Promise<ReviewTask | null> {
  const query = new URLSearchParams({
    processId: 'onboarding-customer-onboarding',
    variables: `applicationId:${applicationId}`,
  });
  const page = await get<{ items: ReviewTask[] }>(`/api/tasks${supervisor ? '' : '/groups'}?${query}`);
  return page.items[0] ?? null;
}
