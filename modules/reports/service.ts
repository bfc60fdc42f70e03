import type { Sequelize } from 'sequelize';
import type { Clock } from '../../engine/index.ts';
import type { ScopedPrincipal } from '../identity/scope.ts';
import { type Sql, sqlOf } from '../server/sql.ts';
import {
  agentWorkload,
  complaintVolume,
  csatPerBranch,
  slaCompliance,
  topRootCauses,
} from './case-reports.ts';
import { ReportsError } from './errors.ts';
import { campaignFunnels, consentWithdrawals } from './marketing-reports.ts';
import { defaultDates, MAX_MONTHS, monthSpan, type Period, periodOf } from './period.ts';
import type { PeriodQuery, ReportScope } from './schema.ts';
import { narrowToBranch, reportScopeOf } from './scope.ts';

interface ReportContext {
  sql: Sql;
  period: Period;
  scope: ReportScope;
  now: number;
}

/**
 * Every report: what it computes, and its default period — trends over the last six months,
 * snapshots ("of the month") over the current month.
 */
export const REPORTS = {
  'complaint-volume': { months: 6, run: complaintVolume },
  'sla-compliance': { months: 6, run: slaCompliance },
  'root-causes': { months: 1, run: topRootCauses },
  agents: { months: 1, run: agentWorkload },
  csat: { months: 1, run: csatPerBranch },
  'campaign-funnel': { months: 6, run: campaignFunnels },
  'consent-withdrawals': { months: 6, run: consentWithdrawals },
} as const satisfies Record<string, { months: number; run: (ctx: ReportContext) => Promise<unknown> }>;
export type ReportName = keyof typeof REPORTS;
export type ReportOf<N extends ReportName> = Awaited<ReturnType<(typeof REPORTS)[N]['run']>>;

/** The dashboards' figures: counts only, no personal data, so nothing is masked or audited. */
export class ReportService {
  readonly sql: Sql;
  constructor(private readonly deps: { sequelize: Sequelize; clock: Clock }) {
    this.sql = sqlOf(deps.sequelize);
  }

  /** The period asked for, its missing ends filled from the report's default. */
  period(query: PeriodQuery, months: number): Period {
    const now = this.deps.clock.now();
    const fallback = defaultDates(now, months);
    const to = query.to ?? (query.from && query.from > fallback.to ? query.from : fallback.to);
    const from =
      query.from ??
      (query.to ? defaultDates(Date.parse(`${query.to}T12:00:00+07:00`), months).from : fallback.from);
    if (from > to)
      throw new ReportsError('PERIOD_INVALID', `The period starts (${from}) after it ends (${to})`, [
        { field: 'query.from', message: 'must not be after to' },
      ]);
    if (monthSpan(from, to) > MAX_MONTHS)
      throw new ReportsError('PERIOD_INVALID', `The period spans more than ${MAX_MONTHS} months`, [
        {
          field: query.from ? 'query.from' : 'query.to',
          message: `the period spans at most ${MAX_MONTHS} months`,
        },
      ]);
    return periodOf(from, to);
  }

  /** The branches a reader may narrow to: a branch supervisor their own, everyone else every active branch. */
  async branches(principal: ScopedPrincipal): Promise<{ code: string; name: string }[]> {
    const scope = await reportScopeOf(principal, this.sql);
    const rows = await this.sql.rows<{ code: string; name: string; active: unknown }>(
      'SELECT code, name, active FROM identity_branches ORDER BY name',
    );
    return rows
      .filter((b) => (scope.kind === 'branch' ? b.code === scope.branchCode : Boolean(Number(b.active))))
      .map(({ code, name }) => ({ code, name }));
  }

  async run<N extends ReportName>(
    name: N,
    query: PeriodQuery,
    principal: ScopedPrincipal,
  ): Promise<ReportOf<N>> {
    const report = REPORTS[name];
    const period = this.period(query, report.months);
    const scope = narrowToBranch(await reportScopeOf(principal, this.sql), query.branch);
    return (await report.run({ sql: this.sql, period, scope, now: this.deps.clock.now() })) as ReportOf<N>;
  }
}
