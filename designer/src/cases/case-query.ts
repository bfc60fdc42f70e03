import { ApiError } from '../api.ts';
import type { CaseItem, CaseStatus } from './types.ts';

/** Which cases the list shows: the caller's own, every one in scope, or one queue's. */
export type ListView = { kind: 'all' } | { kind: 'mine' } | { kind: 'queue'; code: string };

export interface CaseFilters {
  /** 'open' (the default), 'closed' (resolved or closed), '' (any), or one status. */
  status: string;
  severity: string;
  category: string;
  channel: string;
  sla: string;
  q: string;
}

export const DEFAULT_FILTERS: CaseFilters = {
  status: 'open',
  severity: '',
  category: '',
  channel: '',
  sla: '',
  q: '',
};

export const SORT_FIELDS = ['createdAt', 'slaDueAt', 'regulatoryDueAt', 'lastUpdateAt'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export interface Sort {
  field: SortField;
  desc: boolean;
}

/** The GET /api/cases query for a view, its filters, order and page. */
export function caseQuery(
  view: ListView,
  filters: CaseFilters,
  sort: Sort,
  offset: number,
  limit: number,
  me: string,
): string {
  const params = new URLSearchParams();
  if (view.kind === 'mine') params.set('assignee', me);
  if (view.kind === 'queue') params.set('queue', view.code);
  if (filters.status === 'open') params.set('open', 'true');
  else if (filters.status === 'closed') params.set('open', 'false');
  else if (filters.status) params.set('status', filters.status);
  for (const name of ['severity', 'category', 'channel', 'sla'] as const)
    if (filters[name]) params.set(name, filters[name]);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  params.set('sort', `${sort.desc ? '-' : ''}${sort.field}`);
  params.set('limit', String(limit));
  params.set('offset', String(offset));
  return params.toString();
}

/** Where a case stands against its SLA, as the badge says it. */
export function slaBadge(c: Pick<CaseItem, 'slaState' | 'slaDueAt' | 'slaBreachedAt' | 'resolvedAt'>): {
  key: string;
  tone: '' | 'ok' | 'warn' | 'danger';
} {
  if (c.slaState === 'overdue') return { key: 'sla.overdue', tone: 'danger' };
  if (c.slaState === 'due-soon') return { key: 'sla.dueSoon', tone: 'warn' };
  if (c.slaState === 'on-track') return { key: 'sla.onTrack', tone: 'ok' };
  if (c.resolvedAt)
    return c.slaBreachedAt ? { key: 'sla.metLate', tone: 'warn' } : { key: 'sla.met', tone: '' };
  return { key: c.slaDueAt ? 'sla.none' : 'sla.notRouted', tone: '' };
}

/** The status changes a person makes (the server's MANUAL_TRANSITIONS; it decides in the end). */
const MANUAL: Record<CaseStatus, CaseStatus[]> = {
  NEW: [],
  ASSIGNED: ['IN_PROGRESS', 'WAITING_CUSTOMER'],
  IN_PROGRESS: ['WAITING_CUSTOMER'],
  WAITING_CUSTOMER: ['IN_PROGRESS'],
  RESOLVED: ['CLOSED'],
  CLOSED: [],
};
export const nextStatuses = (status: CaseStatus): CaseStatus[] => MANUAL[status];
export const isOpen = (status: CaseStatus) => !['RESOLVED', 'CLOSED'].includes(status);

/** The server's field errors by form field: `body.description` → `description`. */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.errors) {
    const field = e.field.replace(/^(body|query)\./, '');
    out[field] ??= e.message;
  }
  return out;
}

/** The i18n key and values that tell one timeline entry in words. */
export function eventText(
  kind: string,
  detail: Record<string, unknown>,
): { key: string; values: Record<string, string> } {
  const text = (name: string) => {
    const v = detail[name];
    return v === null || v === undefined ? '' : String(v);
  };
  switch (kind) {
    case 'escalation':
      return {
        key: text('reason') === 'SLA_BREACH' ? 'event.escalationSla' : 'event.escalationIdle',
        values: { level: text('level'), to: text('to') || '—' },
      };
    case 'assigned':
      return {
        key: text('from') ? 'event.reassigned' : 'event.assigned',
        values: { from: text('from'), to: text('to') },
      };
    case 'status':
      return { key: 'event.status', values: { from: text('from'), to: text('to') } };
    case 'extension':
      return { key: 'event.extension', values: { days: text('days'), reason: text('reason') } };
    case 'survey':
      return { key: 'event.survey', values: { score: text('score') } };
    case 'routed':
      return { key: 'event.routed', values: { queue: text('queue'), policy: text('slaPolicy') } };
    default:
      return { key: `event.${kind}`, values: {} };
  }
}
