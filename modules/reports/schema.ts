import { z } from '@hono/zod-openapi';
import { MAX_MONTHS, monthSpan } from './period.ts';

/** The shapes of the reports API: a period in, series for charts out (counts only, no personal data). */

const date = (what: string) =>
  z.iso
    .date()
    .optional()
    .openapi({ example: '2026-03-01', description: `${what}: a WIB calendar date 'YYYY-MM-DD' (inclusive)` });

export const PeriodQuery = z
  .object({
    from: date('First day of the period'),
    to: date('Last day of the period'),
    branch: z
      .string()
      .trim()
      .regex(/^[A-Z0-9-]{2,20}$/, 'must be a branch code such as MDN-KC')
      .optional()
      .openapi({
        example: 'MDN-KC',
        description: "Only this branch: its cases and its customers' consents (campaigns are bank-wide)",
      }),
  })
  .superRefine((q, ctx) => {
    if (!q.from || !q.to) return;
    if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (monthSpan(q.from, q.to) > MAX_MONTHS)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `the period spans at most ${MAX_MONTHS} months`,
      });
  });
export type PeriodQuery = z.infer<typeof PeriodQuery>;

const count = z.number().int().min(0);
const rate = z.number().min(0).max(1).nullable().describe('0–1; null when there is nothing to divide by');
const months = z.array(z.string()).describe("The period's WIB months 'YYYY-MM', the x axis of the series");

export const ReportScope = z
  .object({
    kind: z.enum(['all', 'branch', 'queues']),
    branchCode: z.string().optional(),
    queues: z.array(z.string()).optional(),
  })
  .describe('Whose figures: all; a branch supervisor their branch; another supervisor the queues they lead')
  .openapi('ReportScope');
export type ReportScope = z.infer<typeof ReportScope>;

const base = {
  period: z.object({ from: z.string(), to: z.string() }),
  scope: ReportScope,
};

export const VolumeReport = z
  .object({
    ...base,
    months,
    series: z.array(
      z.object({
        category: z.string(),
        name: z.string(),
        nameEn: z.string(),
        counts: z.array(count).describe('Complaints logged per month, aligned with months'),
        total: count,
      }),
    ),
    totals: z.array(count).describe('All categories per month'),
    total: count,
  })
  .openapi('ComplaintVolumeReport');

const Compliance = z.object({
  met: count.describe('Resolved by the SLA deadline'),
  breached: count.describe('Resolved late, breached, or still open past the deadline'),
  pending: count.describe('Still open, deadline not yet reached'),
  rate,
});
export const SlaReport = z
  .object({
    ...base,
    months: z
      .array(z.object({ month: z.string(), ...Compliance.shape }))
      .describe('By the month the SLA fell due'),
    queues: z.array(
      z.object({ queue: z.string(), name: z.string(), nameEn: z.string(), ...Compliance.shape }),
    ),
    overall: Compliance,
  })
  .openapi('SlaComplianceReport');

export const RootCauseReport = z
  .object({
    ...base,
    items: z
      .array(
        z.object({
          rank: z.number().int(),
          rootCause: z.string(),
          name: z.string(),
          nameEn: z.string(),
          count,
          share: z.number().describe('Of the cases resolved in the period with a root cause'),
        }),
      )
      .max(10),
    total: count,
  })
  .openapi('RootCauseReport');

export const AgentReport = z
  .object({
    ...base,
    asOf: z.iso.datetime().describe('When the backlog was counted'),
    items: z.array(
      z.object({
        assignee: z.string(),
        open: count.describe('Backlog now'),
        overdue: count.describe('Of the backlog, past its SLA deadline'),
        resolved: count.describe('Resolved in the period'),
        avgHandlingHours: z
          .number()
          .nullable()
          .describe('Created → resolved, for those resolved in the period'),
      }),
    ),
    unassigned: count.describe('Open cases nobody holds yet'),
  })
  .openapi('AgentReport');

export const CsatReport = z
  .object({
    ...base,
    items: z.array(
      z.object({
        branchCode: z.string(),
        name: z.string(),
        responses: count,
        average: z.number().nullable(),
        distribution: z.array(count).length(5).describe('Scores 1..5'),
        satisfied: rate.describe('Share of 4 and 5'),
      }),
    ),
    overall: z.object({ responses: count, average: z.number().nullable(), satisfied: rate }),
  })
  .openapi('CsatReport');

const FunnelCounts = z.object({
  eligible: count,
  queued: count,
  sent: count,
  delivered: count,
  opened: count,
  clicked: count,
  converted: count,
});
const FunnelRates = z
  .object({ delivered: rate, opened: rate, clicked: rate, converted: rate })
  .describe('delivered/sent, opened/delivered, clicked/delivered, converted/sent');
export const CampaignFunnelReport = z
  .object({
    ...base,
    campaigns: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        channel: z.string(),
        status: z.string(),
        startedAt: z.iso.datetime(),
        funnel: FunnelCounts,
        rates: FunnelRates,
      }),
    ),
    overall: z.object({ funnel: FunnelCounts, rates: FunnelRates }),
  })
  .openapi('CampaignFunnelReport');
export type FunnelCounts = z.infer<typeof FunnelCounts>;

export const ConsentWithdrawalReport = z
  .object({
    ...base,
    months,
    series: z.array(
      z.object({ channel: z.string(), purpose: z.string(), counts: z.array(count), total: count }),
    ),
    totals: z.array(count),
    total: count,
  })
  .openapi('ConsentWithdrawalReport');

export const ReportBranches = z
  .object({ items: z.array(z.object({ code: z.string(), name: z.string() })) })
  .describe('The branches a reader may narrow the reports to')
  .openapi('ReportBranches');

export type VolumeReport = z.infer<typeof VolumeReport>;
export type SlaReport = z.infer<typeof SlaReport>;
export type RootCauseReport = z.infer<typeof RootCauseReport>;
export type AgentReport = z.infer<typeof AgentReport>;
export type CsatReport = z.infer<typeof CsatReport>;
export type CampaignFunnelReport = z.infer<typeof CampaignFunnelReport>;
export type ConsentWithdrawalReport = z.infer<typeof ConsentWithdrawalReport>;
