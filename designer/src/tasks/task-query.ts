import { endOfJakartaDay } from './sla.ts';

export const DUE_FILTERS = ['', 'overdue', 'today', 'later'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
export const SORTS = ['dueDate,-priority', '-priority,dueDate', '-createdAt', 'createdAt'] as const;
export type Sort = (typeof SORTS)[number];

export interface TaskFilters {
  search: string;
  processId: string;
  due: DueFilter;
  sort: Sort;
}

export const NO_FILTERS: TaskFilters = { search: '', processId: '', due: '', sort: 'dueDate,-priority' };

/**
 * The query string of a list request. Due states become date bounds at `now`: overdue is due
 * before now, today is due from now to the end of the Jakarta day, later after that.
 */
export function listQuery(filters: TaskFilters, now: number, offset: number, limit: number): string {
  const query = new URLSearchParams();
  const search = filters.search.trim();
  if (search) query.set('search', search.slice(0, 100));
  if (filters.processId) query.set('processId', filters.processId);
  const nowIso = new Date(now).toISOString();
  if (filters.due === 'overdue') query.set('dueBefore', nowIso);
  if (filters.due === 'today') {
    query.set('dueAfter', new Date(now - 1).toISOString());
    query.set('dueBefore', endOfJakartaDay(now));
  }
  if (filters.due === 'later')
    query.set('dueAfter', new Date(Date.parse(endOfJakartaDay(now)) - 1).toISOString());
  query.set('sort', filters.sort);
  query.set('limit', String(limit));
  query.set('offset', String(offset));
  return query.toString();
}
