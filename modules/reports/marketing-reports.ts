import { funnelOf } from '../campaigns/funnel.ts';
import type { Sql } from '../server/sql.ts';
import { monthBucket, type Period } from './period.ts';
import type { CampaignFunnelReport, ConsentWithdrawalReport, FunnelCounts, ReportScope } from './schema.ts';

const num = (v: unknown) => Number(v ?? 0);
const ratio = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

interface Context {
  sql: Sql;
  period: Period;
  scope: ReportScope;
}

const heading = ({ period, scope }: Context) => ({ period: { from: period.from, to: period.to }, scope });

const rates = (f: FunnelCounts) => ({
  delivered: ratio(f.delivered, f.sent),
  opened: ratio(f.opened, f.delivered),
  clicked: ratio(f.clicked, f.delivered),
  converted: ratio(f.converted, f.sent),
});

/**
 * The funnel of each campaign started in the period, and all of them together. Each
 * campaign's counts come from campaigns' own funnelOf (the messages notifications keeps under
 * ref `campaign:<id>`, index notification_messages_ref), so the dashboard and the campaign's
 * page never disagree. Campaigns are bank-wide: every reader sees them all (scope.ts).
 */
export async function campaignFunnels(ctx: Context): Promise<CampaignFunnelReport> {
  const { sql, period } = ctx;
  const campaigns = await sql.rows<{
    id: string;
    name: string;
    channel: string;
    status: string;
    started_at: unknown;
    eligible_count: number | string | null;
    product_kind: string | null;
  }>(
    `SELECT id, name, channel, status, started_at, eligible_count, product_kind FROM campaigns
     WHERE started_at >= :start AND started_at < :end ORDER BY started_at, id`,
    { start: period.start, end: period.end },
  );
  const overall: FunnelCounts = {
    eligible: 0,
    queued: 0,
    sent: 0,
    delivered: 0,
    opened: 0,
    clicked: 0,
    converted: 0,
  };
  const items: CampaignFunnelReport['campaigns'] = [];
  for (const c of campaigns) {
    const f = await funnelOf(sql, c);
    const funnel: FunnelCounts = {
      eligible: f.audience ?? 0,
      queued: f.queued,
      sent: f.sent,
      delivered: f.delivered,
      opened: f.opened,
      clicked: f.clicked,
      converted: f.converted,
    };
    for (const key of Object.keys(overall) as (keyof FunnelCounts)[]) overall[key] += funnel[key];
    items.push({
      id: c.id,
      name: c.name,
      channel: c.channel,
      status: c.status,
      startedAt: new Date(num(c.started_at)).toISOString(),
      funnel,
      rates: rates(funnel),
    });
  }
  return { ...heading(ctx), campaigns: items, overall: { funnel: overall, rates: rates(overall) } };
}

/**
 * Consents withdrawn (customer_consents rows with granted = false) per month, channel and
 * purpose. A branch supervisor counts their branch's customers only.
 */
export async function consentWithdrawals(ctx: Context): Promise<ConsentWithdrawalReport> {
  const { sql, period, scope } = ctx;
  const bucket = monthBucket('cc.recorded_at', period);
  // A branch scope, or a queue-led supervisor who narrowed to a branch: that branch's customers.
  const branch = scope.kind !== 'all' && scope.branchCode !== undefined;
  const rows = await sql.rows<{ bucket: unknown; channel: string; purpose: string; n: unknown }>(
    `SELECT ${bucket} AS bucket, cc.channel AS channel, cc.purpose AS purpose, COUNT(*) AS n
     FROM customer_consents cc${branch ? ' JOIN customers c ON c.id = cc.customer_id AND c.branch_code = :branch' : ''}
     WHERE cc.granted = :withdrawn AND cc.recorded_at >= :start AND cc.recorded_at < :end
     GROUP BY bucket, channel, purpose ORDER BY NULL`,
    {
      withdrawn: false,
      start: period.start,
      end: period.end,
      ...(branch ? { branch: scope.branchCode } : {}),
    },
  );
  const width = period.months.length;
  const series = new Map<string, { channel: string; purpose: string; counts: number[] }>();
  for (const r of rows) {
    const key = `${r.channel}\u0000${r.purpose}`;
    const s = series.get(key) ?? {
      channel: r.channel,
      purpose: r.purpose,
      counts: new Array<number>(width).fill(0),
    };
    s.counts[num(r.bucket)] = num(r.n);
    series.set(key, s);
  }
  const totals = new Array<number>(width).fill(0);
  const list = [...series.values()].map((s) => {
    s.counts.forEach((n, i) => {
      totals[i] = (totals[i] ?? 0) + n;
    });
    return { ...s, total: s.counts.reduce((a, b) => a + b, 0) };
  });
  list.sort((a, b) => a.channel.localeCompare(b.channel) || a.purpose.localeCompare(b.purpose));
  return {
    ...heading(ctx),
    months: period.months.map((m) => m.month),
    series: list,
    totals,
    total: totals.reduce((a, b) => a + b, 0),
  };
}
