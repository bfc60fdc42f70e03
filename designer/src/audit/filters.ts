import { jakartaDayStart } from '../format.ts';

/** The search form's fields; days are Jakarta dates `YYYY-MM-DD`, both inclusive. */
export interface AuditFilters {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  subjectId: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = {
  actor: '',
  action: '',
  entityType: '',
  entityId: '',
  subjectId: '',
  from: '',
  to: '',
};

export const PAGE_SIZE = 25;

/** The query of GET /api/audit/entries: blanks left out, days as WIB instants (`to` exclusive, next midnight). */
export function entriesQuery(filters: AuditFilters, before?: number): string {
  const params = new URLSearchParams();
  for (const key of ['actor', 'action', 'entityType', 'entityId', 'subjectId'] as const) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  if (filters.from) params.set('from', jakartaDayStart(filters.from));
  if (filters.to) params.set('to', jakartaDayStart(filters.to, true));
  if (before !== undefined) params.set('before', String(before));
  params.set('limit', String(PAGE_SIZE));
  return `?${params.toString()}`;
}

/** A days range that runs backwards, named by its field (checked before asking). */
export function filterProblems(filters: AuditFilters): { field: 'to'; problem: 'order' }[] {
  return filters.from && filters.to && filters.from > filters.to ? [{ field: 'to', problem: 'order' }] : [];
}

export interface Change {
  field: string;
  /** A change `{ from, to }`, or a value seen or recorded. */
  from?: unknown;
  to?: unknown;
  value?: unknown;
}

const isChange = (v: unknown): v is { from: unknown; to: unknown } =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  'from' in v &&
  'to' in v &&
  Object.keys(v).length === 2;

/** An entry's details as rows: changed fields as from → to, anything else as its value. */
export function changesOf(details: Record<string, unknown> | null): Change[] {
  if (!details) return [];
  return Object.entries(details).map(([field, v]) =>
    isChange(v) ? { field, from: v.from, to: v.to } : { field, value: v },
  );
}

/** A detail value as text, exactly as the server sent it (never reformatted into something else). */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
