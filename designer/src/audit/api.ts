import { get } from '../api.ts';
import { type AuditFilters, entriesQuery } from './filters.ts';
import type { AuditPage, Verification } from './types.ts';

export const searchEntries = (filters: AuditFilters, before?: number) =>
  get<AuditPage>(`/api/audit/entries${entriesQuery(filters, before)}`);

export const verifyChain = () => get<Verification>('/api/audit/verify');
