import { OPEN_STATUSES, ROOT_CAUSES } from '../cases/vocabulary.ts';
import type { Sql } from '../server/sql.ts';
import { monthBucket, type Period } from './period.ts';
import type {
  AgentReport,
  CsatReport,
  ReportScope,
  RootCauseReport,
  SlaReport,
  VolumeReport,
} from './schema.ts';
import { caseCondition } from './scope.ts';

/**
 * The case dashboards. Every query ranges over one indexed instant column (created_at,
 * sla_due_at, resolved_at) or the open statuses, with a covering index each (migration 0001),
 * and groups by month with a CASE over boundaries computed in TypeScript (period.ts).
 * ORDER BY NULL: the rows are arranged here, so MariaDB need not sort its groups.
 */

const num = (v: unknown) => Number(v ?? 0);
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const HOUR_MS = 3_600_000;

interface Context {
  sql: Sql;
  period: Period;
  scope: ReportScope;
  now: number;
}

const heading = ({ period, scope }: Context) => ({ period: { from: period.from, to: period.to }, scope });

/** Complaints logged per category and month (by created_at). */
export async function complaintVolume(ctx: Context): Promise<VolumeReport> {
  const { sql, period } = ctx;
  const scope = caseCondition(ctx.scope);
  const bucket = monthBucket('k.created_at', period);
  const rows = await sql.rows<{ bucket: unknown; category: string; n: unknown }>(
    `SELECT ${bucket} AS bucket, k.category AS category, COUNT(*) AS n FROM cases k
     WHERE k.created_at >= :start AND k.created_at < :end${scope.sql}
     GROUP BY bucket, category ORDER BY NULL`,
    { start: period.start, end: period.end, ...scope.params },
  );
  const names = new Map(
    (
      await sql.rows<{ code: string; name: string; name_en: string }>(
        'SELECT code, name, name_en FROM case_categories',
      )
    ).map((c) => [c.code, c]),
  );
  const width = period.months.length;
  const series = new Map<string, number[]>();
  for (const r of rows) {
    const counts = series.get(r.category) ?? new Array<number>(width).fill(0);
    counts[num(r.bucket)] = num(r.n);
    series.set(r.category, counts);
  }
  const totals = new Array<number>(width).fill(0);
  const list = [...series.entries()].map(([category, counts]) => {
    counts.forEach((n, i) => {
      totals[i] = (totals[i] ?? 0) + n;
    });
    const named = names.get(category);
    return {
      category,
      name: named?.name ?? category,
      nameEn: named?.name_en ?? category,
      counts,
      total: counts.reduce((a, b) => a + b, 0),
    };
  });
  list.sort((a, b) => b.total - a.total || a.category.localeCompare(b.category));
  return {
    ...heading(ctx),
    months: period.months.map((m) => m.month),
    series: list,
    totals,
    total: totals.reduce((a, b) => a + b, 0),
  };
}

interface Tally {
  met: number;
  breached: number;
  pending: number;
}
const withRate = (t: Tally) => ({ ...t, rate: ratio(t.met, t.met + t.breached) });
const add = (a: Tally, b: Tally): Tally => ({
  met: a.met + b.met,
  breached: a.breached + b.breached,
  pending: a.pending + b.pending,
});
const zero = (): Tally => ({ met: 0, breached: 0, pending: 0 });

/**
 * SLA compliance of the deadlines that fell due in the period (by sla_due_at): met = resolved
 * by the deadline; breached = breach recorded (sla_breached_at), resolved late, or still open
 * past it; pending = open with the deadline still ahead (not in the rate).
 */
export async function slaCompliance(ctx: Context): Promise<SlaReport> {
  const { sql, period, now } = ctx;
  const scope = caseCondition(ctx.scope);
  const bucket = monthBucket('k.sla_due_at', period);
  const rows = await sql.rows<{
    bucket: unknown;
    queue: string | null;
    met: unknown;
    breached: unknown;
    n: unknown;
  }>(
    `SELECT ${bucket} AS bucket, k.queue_code AS queue,
       SUM(CASE WHEN k.sla_breached_at IS NULL AND k.resolved_at IS NOT NULL AND k.resolved_at <= k.sla_due_at
         THEN 1 ELSE 0 END) AS met,
       SUM(CASE WHEN k.sla_breached_at IS NOT NULL OR k.resolved_at > k.sla_due_at
         OR (k.resolved_at IS NULL AND k.sla_due_at <= :now) THEN 1 ELSE 0 END) AS breached,
       COUNT(*) AS n
     FROM cases k
     WHERE k.sla_due_at >= :start AND k.sla_due_at < :end${scope.sql}
     GROUP BY bucket, queue ORDER BY NULL`,
    { start: period.start, end: period.end, now, ...scope.params },
  );
  const months = period.months.map(zero);
  const queues = new Map<string, Tally>();
  for (const r of rows) {
    const t = {
      met: num(r.met),
      breached: num(r.breached),
      pending: num(r.n) - num(r.met) - num(r.breached),
    };
    const i = num(r.bucket);
    months[i] = add(months[i] ?? zero(), t);
    const queue = r.queue ?? '-';
    queues.set(queue, add(queues.get(queue) ?? zero(), t));
  }
  const names = new Map(
    (
      await sql.rows<{ code: string; name: string; name_en: string }>(
        'SELECT code, name, name_en FROM case_queues',
      )
    ).map((q) => [q.code, q]),
  );
  return {
    ...heading(ctx),
    months: period.months.map((m, i) => ({ month: m.month, ...withRate(months[i] ?? zero()) })),
    queues: [...queues.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([queue, t]) => ({
        queue,
        name: names.get(queue)?.name ?? queue,
        nameEn: names.get(queue)?.name_en ?? queue,
        ...withRate(t),
      })),
    overall: withRate(months.reduce(add, zero())),
  };
}

/** The ten most frequent root causes of the cases resolved in the period (ties: by code). */
export async function topRootCauses(ctx: Context): Promise<RootCauseReport> {
  const { sql, period } = ctx;
  const scope = caseCondition(ctx.scope);
  const rows = await sql.rows<{ code: string; n: unknown }>(
    `SELECT k.root_cause AS code, COUNT(*) AS n FROM cases k
     WHERE k.resolved_at >= :start AND k.resolved_at < :end AND k.root_cause IS NOT NULL${scope.sql}
     GROUP BY k.root_cause ORDER BY NULL`,
    { start: period.start, end: period.end, ...scope.params },
  );
  const names = new Map<string, { name: string; nameEn: string }>(ROOT_CAUSES.map((r) => [r.code, r]));
  const total = rows.reduce((sum, r) => sum + num(r.n), 0);
  const ranked = rows
    .map((r) => ({ code: r.code, count: num(r.n) }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .slice(0, 10);
  return {
    ...heading(ctx),
    items: ranked.map((r, i) => ({
      rank: i + 1,
      rootCause: r.code,
      name: names.get(r.code)?.name ?? r.code,
      nameEn: names.get(r.code)?.nameEn ?? r.code,
      count: r.count,
      share: round(r.count / total, 4),
    })),
    total,
  };
}

/** Backlog now (open cases, and those past their SLA) and average handling time in the period, per assignee. */
export async function agentWorkload(ctx: Context): Promise<AgentReport> {
  const { sql, period, now } = ctx;
  const scope = caseCondition(ctx.scope);
  const backlog = await sql.rows<{ assignee: string | null; open: unknown; overdue: unknown }>(
    `SELECT k.assignee AS assignee, COUNT(*) AS open,
       SUM(CASE WHEN k.sla_due_at <= :now THEN 1 ELSE 0 END) AS overdue
     FROM cases k WHERE k.status IN (:open)${scope.sql}
     GROUP BY k.assignee ORDER BY NULL`,
    { open: [...OPEN_STATUSES], now, ...scope.params },
  );
  const handled = await sql.rows<{ assignee: string; n: unknown; total: unknown }>(
    `SELECT k.assignee AS assignee, COUNT(*) AS n, SUM(k.resolved_at - k.created_at) AS total
     FROM cases k WHERE k.resolved_at >= :start AND k.resolved_at < :end AND k.assignee IS NOT NULL${scope.sql}
     GROUP BY k.assignee ORDER BY NULL`,
    { start: period.start, end: period.end, ...scope.params },
  );
  const agents = new Map<string, AgentReport['items'][number]>();
  const agent = (assignee: string) => {
    let a = agents.get(assignee);
    if (!a) {
      a = { assignee, open: 0, overdue: 0, resolved: 0, avgHandlingHours: null };
      agents.set(assignee, a);
    }
    return a;
  };
  let unassigned = 0;
  for (const r of backlog) {
    if (r.assignee === null) {
      unassigned += num(r.open);
      continue;
    }
    const a = agent(r.assignee);
    a.open = num(r.open);
    a.overdue = num(r.overdue);
  }
  for (const r of handled) {
    const a = agent(r.assignee);
    a.resolved = num(r.n);
    a.avgHandlingHours = round(num(r.total) / num(r.n) / HOUR_MS, 2);
  }
  return {
    ...heading(ctx),
    asOf: new Date(now).toISOString(),
    items: [...agents.values()].sort((a, b) => b.open - a.open || a.assignee.localeCompare(b.assignee)),
    unassigned,
  };
}

/** Satisfaction scores (1–5) per branch, of the cases resolved in the period. */
export async function csatPerBranch(ctx: Context): Promise<CsatReport> {
  const { sql, period } = ctx;
  const scope = caseCondition(ctx.scope);
  const rows = await sql.rows<{ branch: string; csat: unknown; n: unknown }>(
    `SELECT k.branch_code AS branch, k.csat AS csat, COUNT(*) AS n FROM cases k
     WHERE k.resolved_at >= :start AND k.resolved_at < :end AND k.csat IS NOT NULL${scope.sql}
     GROUP BY k.branch_code, k.csat ORDER BY NULL`,
    { start: period.start, end: period.end, ...scope.params },
  );
  const names = new Map(
    (await sql.rows<{ code: string; name: string }>('SELECT code, name FROM identity_branches')).map((b) => [
      b.code,
      b.name,
    ]),
  );
  const branches = new Map<string, number[]>();
  for (const r of rows) {
    const score = num(r.csat);
    if (score < 1 || score > 5) continue;
    const d = branches.get(r.branch) ?? [0, 0, 0, 0, 0];
    d[score - 1] = (d[score - 1] ?? 0) + num(r.n);
    branches.set(r.branch, d);
  }
  const summary = (d: number[]) => {
    const responses = d.reduce((a, b) => a + b, 0);
    const sum = d.reduce((a, n, i) => a + n * (i + 1), 0);
    return {
      responses,
      average: responses > 0 ? round(sum / responses, 2) : null,
      satisfied: ratio((d[3] ?? 0) + (d[4] ?? 0), responses),
    };
  };
  const overall = [0, 0, 0, 0, 0];
  for (const d of branches.values()) for (const [i, n] of d.entries()) overall[i] = (overall[i] ?? 0) + n;
  return {
    ...heading(ctx),
    items: [...branches.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([branchCode, d]) => ({
        branchCode,
        name: names.get(branchCode) ?? branchCode,
        distribution: d,
        ...summary(d),
      })),
    overall: summary(overall),
  };
}
