/** The reports API's answers (modules/reports/schema.ts), as the dashboards read them. */

export interface ReportScope {
  kind: 'all' | 'branch' | 'queues';
  branchCode?: string;
  queues?: string[];
}

interface Heading {
  period: { from: string; to: string };
  scope: ReportScope;
}

export interface Named {
  name: string;
  nameEn: string;
}

export interface VolumeReport extends Heading {
  months: string[];
  series: ({ category: string; counts: number[]; total: number } & Named)[];
  totals: number[];
  total: number;
}

export interface Compliance {
  met: number;
  breached: number;
  pending: number;
  rate: number | null;
}

export interface SlaReport extends Heading {
  months: ({ month: string } & Compliance)[];
  queues: ({ queue: string } & Named & Compliance)[];
  overall: Compliance;
}

export interface RootCauseReport extends Heading {
  items: ({ rank: number; rootCause: string; count: number; share: number } & Named)[];
  total: number;
}

export interface AgentReport extends Heading {
  asOf: string;
  items: {
    assignee: string;
    open: number;
    overdue: number;
    resolved: number;
    avgHandlingHours: number | null;
  }[];
  unassigned: number;
}

export interface CsatReport extends Heading {
  items: {
    branchCode: string;
    name: string;
    responses: number;
    average: number | null;
    distribution: number[];
    satisfied: number | null;
  }[];
  overall: { responses: number; average: number | null; satisfied: number | null };
}

export const FUNNEL_STEPS = [
  'eligible',
  'queued',
  'sent',
  'delivered',
  'opened',
  'clicked',
  'converted',
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];
export type FunnelCounts = Record<FunnelStep, number>;
export const FUNNEL_RATES = ['delivered', 'opened', 'clicked', 'converted'] as const;
export type FunnelRates = Record<(typeof FUNNEL_RATES)[number], number | null>;

export interface CampaignFunnelReport extends Heading {
  campaigns: {
    id: string;
    name: string;
    channel: string;
    status: string;
    startedAt: string;
    funnel: FunnelCounts;
    rates: FunnelRates;
  }[];
  overall: { funnel: FunnelCounts; rates: FunnelRates };
}

export interface ConsentWithdrawalReport extends Heading {
  months: string[];
  series: { channel: string; purpose: string; counts: number[]; total: number }[];
  totals: number[];
  total: number;
}

export interface Reports {
  'complaint-volume': VolumeReport;
  'sla-compliance': SlaReport;
  'root-causes': RootCauseReport;
  agents: AgentReport;
  csat: CsatReport;
  'campaign-funnel': CampaignFunnelReport;
  'consent-withdrawals': ConsentWithdrawalReport;
}
export type ReportName = keyof Reports;
