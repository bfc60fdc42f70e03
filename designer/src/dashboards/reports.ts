import { get } from '../api.ts';
import { periodQuery, type ReportFilter } from './period.ts';
import type { ReportName, Reports } from './types.ts';

export const fetchReport = <N extends ReportName>(name: N, filter: ReportFilter) =>
  get<Reports[N]>(`/api/reports/${name}${periodQuery(filter)}`);

/** The branches the reader may narrow the case reports to (their own only, for a branch supervisor). */
export const fetchBranches = () => get<{ items: { code: string; name: string }[] }>('/api/reports/branches');

/** The dashboards' groups of reports, and who reads each. */
export const GROUPS = [
  {
    id: 'cases',
    reports: ['complaint-volume', 'sla-compliance', 'root-causes', 'agents', 'csat'],
    // Complaint handling is the supervisors' work; compliance and admin oversee everything.
    roles: ['supervisor', 'compliance', 'admin'],
  },
  {
    id: 'marketing',
    reports: ['campaign-funnel', 'consent-withdrawals'],
    roles: ['marketing', 'compliance', 'admin'],
  },
] as const satisfies readonly { id: string; reports: readonly ReportName[]; roles: readonly string[] }[];
export type GroupId = (typeof GROUPS)[number]['id'];

/**
 * The groups a person with these roles reads: the case reports need reports.cases (not
 * marketing's), the marketing ones reports.read; the screen shows supervisors the reports of
 * their own work only, though the API would give them the marketing ones too.
 */
export function groupsFor(roles: readonly string[]) {
  return GROUPS.filter((g) => g.roles.some((r) => roles.includes(r)));
}
