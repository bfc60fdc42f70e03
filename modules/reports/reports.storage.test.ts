import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import type { ScopedPrincipal } from '../identity/scope.ts';
import { ReportService } from './service.ts';
import {
  insertKnownCampaigns,
  insertKnownCases,
  insertKnownConsents,
  MARCH_ROOT_CAUSES,
  NOW,
} from './test-data.ts';

const Q1 = { from: '2026-01-01', to: '2026-03-31' };
const branchSupervisor: ScopedPrincipal = {
  username: 'supervisor-kc',
  roles: ['supervisor'],
  branchCode: 'MDN-KC',
  branchKind: 'branch',
};

describe(`reports on known cases (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let reports: ReportService;
  beforeAll(async () => {
    p = await createPlatform();
    p.clock.pin(NOW);
    const sequelize = p.platform.sequelize;
    await insertKnownCases(sequelize);
    // supervisor1 (contact centre) leads one queue only: the queue scope shows it alone.
    await sequelize.query('UPDATE case_queues SET supervisor = NULL');
    await sequelize.query("UPDATE case_queues SET supervisor = 'supervisor1' WHERE code = 'CB-PMS-KC'");
    reports = new ReportService({ sequelize, clock: p.clock });
  });
  afterAll(async () => {
    await p?.close();
  });

  it('given cases across WIB month boundaries, when volume is asked for Q1, then each lands in its WIB month', async () => {
    const answer = await p
      .as('compliance1')
      .get<Record<string, unknown>>('/api/reports/complaint-volume?from=2026-01-01&to=2026-03-31');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      period: Q1,
      scope: { kind: 'all' },
      months: ['2026-01', '2026-02', '2026-03'],
    });
    const body = answer.body as {
      series: { category: string; counts: number[]; total: number; name: string }[];
    };
    expect(body.series.map((s) => [s.category, s.counts, s.total])).toEqual([
      ['OTHER', [0, 0, 33], 33],
      ['FAILED_TRANSFER', [2, 0, 0], 2],
      ['LOAN', [0, 1, 1], 2],
      ['CARD_RETAINED', [0, 1, 0], 1],
      ['SERVICE_QUALITY', [0, 0, 1], 1],
    ]);
    expect(body.series[1]?.name).toBe('Transfer gagal, saldo terpotong');
    expect(answer.body).toMatchObject({ totals: [2, 2, 35], total: 39 });
  });

  it('SLA compliance counts met, breached (late, recorded, or open past due) and pending per WIB month and queue', async () => {
    const report = await reports.run('sla-compliance', Q1, {
      username: 'admin',
      roles: ['admin'],
      branchCode: null,
      branchKind: null,
    });
    expect(report.months).toEqual([
      { month: '2026-01', met: 1, breached: 0, pending: 0, rate: 1 },
      { month: '2026-02', met: 1, breached: 1, pending: 0, rate: 0.5 },
      { month: '2026-03', met: 1, breached: 1, pending: 1, rate: 0.5 },
    ]);
    expect(report.queues.map(({ name: _n, nameEn: _e, ...q }) => q)).toEqual([
      { queue: 'BO-LOANS', met: 0, breached: 1, pending: 1, rate: 0 },
      { queue: 'CB-PMS-KC', met: 2, breached: 0, pending: 0, rate: 1 },
      { queue: 'CC-MEDAN', met: 1, breached: 1, pending: 0, rate: 0.5 },
    ]);
    expect(report.queues[2]?.name).toBe('Contact centre Medan');
    expect(report.overall).toEqual({ met: 3, breached: 2, pending: 1, rate: 0.6 });
  });

  it('top 10 root causes of the month (the default period): by count, ties by code, the 11th left out', async () => {
    const answer = await p.as('admin').get<{
      period: unknown;
      items: { rank: number; rootCause: string; count: number; name: string }[];
      total: number;
    }>('/api/reports/root-causes');
    expect(answer.status).toBe(200);
    expect(answer.body.period).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(answer.body.items.map((i) => [i.rank, i.rootCause, i.count])).toEqual([
      [1, 'SYSTEM_ERROR', 6],
      [2, 'THIRD_PARTY', 5],
      [3, 'ATM_MALFUNCTION', 4],
      [4, 'NETWORK_ISSUE', 4],
      [5, 'HUMAN_ERROR', 3],
      [6, 'PROCESS_GAP', 3],
      [7, 'CUSTOMER_ERROR', 2],
      [8, 'FRAUD', 2],
      [9, 'POLICY', 2],
      [10, 'LEGACY_CODE', 1],
    ]);
    expect(answer.body.items[0]?.name).toBe('Gangguan sistem');
    expect(answer.body.items[9]?.name).toBe('LEGACY_CODE');
    expect(answer.body.total).toBe(Object.values(MARCH_ROOT_CAUSES).reduce((a, b) => a + b, 0) + 1);
  });

  it('backlog now and average handling time per agent', async () => {
    const admin = { username: 'admin', roles: ['admin'], branchCode: null, branchKind: null };
    const march = await reports.run('agents', {}, admin);
    expect(march.asOf).toBe(new Date(NOW).toISOString());
    expect(march.items).toEqual([
      { assignee: 'backoffice1', open: 2, overdue: 1, resolved: 0, avgHandlingHours: null },
      { assignee: 'agent2', open: 0, overdue: 0, resolved: 1, avgHandlingHours: 24 },
    ]);
    expect(march.unassigned).toBe(1);
    const early = await reports.run('agents', { from: '2026-01-01', to: '2026-02-28' }, admin);
    expect(early.items.filter((i) => i.resolved > 0)).toEqual([
      { assignee: 'agent1', open: 0, overdue: 0, resolved: 2, avgHandlingHours: 20.25 },
      { assignee: 'agent2', open: 0, overdue: 0, resolved: 1, avgHandlingHours: 24 },
    ]);
  });

  it('CSAT per branch of the cases resolved in the period', async () => {
    const report = await reports.run('csat', Q1, {
      username: 'c',
      roles: ['compliance'],
      branchCode: null,
      branchKind: null,
    });
    expect(report.items).toEqual([
      {
        branchCode: 'MDN-KC',
        name: 'Kantor Cabang Medan Kota',
        responses: 2,
        average: 3.5,
        distribution: [0, 1, 0, 0, 1],
        satisfied: 0.5,
      },
      {
        branchCode: 'PMS-KC',
        name: 'Kantor Cabang Pematangsiantar',
        responses: 2,
        average: 3.5,
        distribution: [0, 0, 1, 1, 0],
        satisfied: 0.5,
      },
    ]);
    expect(report.overall).toEqual({ responses: 4, average: 3.5, satisfied: 0.5 });
  });

  it("a branch supervisor sees their branch's figures; a contact-centre supervisor those of the queues they lead", async () => {
    const branch = await reports.run('complaint-volume', Q1, branchSupervisor);
    expect(branch.scope).toEqual({ kind: 'branch', branchCode: 'MDN-KC' });
    expect([branch.totals, branch.total]).toEqual([[2, 1, 34], 37]);
    const csat = await reports.run('csat', Q1, branchSupervisor);
    expect(csat.items.map((i) => i.branchCode)).toEqual(['MDN-KC']);

    const answer = await p
      .as('supervisor1')
      .get<{ scope: unknown; overall: unknown }>('/api/reports/sla-compliance?from=2026-01-01&to=2026-03-31');
    expect(answer.body.scope).toEqual({ kind: 'queues', queues: ['CB-PMS-KC'] });
    expect(answer.body.overall).toEqual({ met: 2, breached: 0, pending: 0, rate: 1 });
  });

  it('a branch filter narrows the case reports; a branch supervisor may not look at another branch', async () => {
    const all = await p
      .as('compliance1')
      .get<{ scope: unknown; totals: number[] }>(
        '/api/reports/complaint-volume?from=2026-01-01&to=2026-03-31&branch=PMS-KC',
      );
    expect(all.status).toBe(200);
    expect(all.body.scope).toEqual({ kind: 'branch', branchCode: 'PMS-KC' });
    expect(all.body.totals).toEqual([0, 1, 1]);

    // supervisor1 leads CB-PMS-KC only: its cases in MDN-KC are none.
    const led = await p
      .as('supervisor1')
      .get<{ scope: unknown; total: number }>(
        '/api/reports/complaint-volume?from=2026-01-01&to=2026-03-31&branch=MDN-KC',
      );
    expect(led.body).toMatchObject({
      scope: { kind: 'queues', queues: ['CB-PMS-KC'], branchCode: 'MDN-KC' },
      total: 0,
    });

    const own = await reports.run('csat', { ...Q1, branch: 'MDN-KC' }, branchSupervisor);
    expect(own.items.map((i) => i.branchCode)).toEqual(['MDN-KC']);
    await expect(reports.run('csat', { ...Q1, branch: 'PMS-KC' }, branchSupervisor)).rejects.toMatchObject({
      code: 'BRANCH_OUT_OF_SCOPE',
    });

    const bad = await p
      .as('admin')
      .get<{ errors?: { field: string }[] }>('/api/reports/csat?branch=medan kota');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toContain('query.branch');

    const branches = await p.as('marketing1').get<{ items: { code: string }[] }>('/api/reports/branches');
    expect(branches.status).toBe(200);
    expect(branches.body.items.map((b) => b.code)).toEqual(expect.arrayContaining(['MDN-KC', 'PMS-KC']));
    expect(await reports.branches(branchSupervisor)).toEqual([
      { code: 'MDN-KC', name: 'Kantor Cabang Medan Kota' },
    ]);
    expect((await p.as('agent1').get('/api/reports/branches')).status).toBe(403);
    // Each agent's backlog and handling time is staff performance: not marketing's to read.
    const refused = await p.as('marketing1').get<{ code: string }>('/api/reports/agents');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
  });

  it('bad periods answer 400 naming the field', async () => {
    const as = p.as('admin');
    const cases: [string, string][] = [
      ['from=2026-13-01', 'query.from'],
      ['to=yesterday', 'query.to'],
      ['from=2026-03-01&to=2026-02-01', 'query.to'],
      ['from=2023-01-01&to=2026-01-31', 'query.to'],
      ['from=2020-01-01', 'query.from'],
    ];
    for (const [query, field] of cases) {
      const answer = await as.get<{ errors?: { field: string }[] }>(`/api/reports/complaint-volume?${query}`);
      expect({ query, status: answer.status, type: answer.headers.get('content-type') }).toEqual({
        query,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
      expect(answer.body.errors?.map((e) => e.field)).toContain(field);
    }
  });
});

describe(`consent withdrawals and campaign funnels (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let reports: ReportService;
  beforeAll(async () => {
    p = await createPlatform();
    p.clock.pin(NOW);
    await insertKnownConsents(p.platform.sequelize);
    await insertKnownCampaigns(p.platform.sequelize);
    reports = new ReportService({ sequelize: p.platform.sequelize, clock: p.clock });
  });
  afterAll(async () => {
    await p?.close();
  });

  it('withdrawals per WIB month, channel and purpose; grants and other months left out', async () => {
    const answer = await p
      .as('marketing1')
      .get<Record<string, unknown>>('/api/reports/consent-withdrawals?from=2026-01-01&to=2026-03-31');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      months: ['2026-01', '2026-02', '2026-03'],
      series: [
        { channel: 'email', purpose: 'marketing', counts: [1, 1, 0], total: 2 },
        { channel: 'sms', purpose: 'marketing', counts: [0, 1, 0], total: 1 },
        { channel: 'whatsapp', purpose: 'marketing', counts: [0, 0, 1], total: 1 },
      ],
      totals: [1, 2, 1],
      total: 4,
    });
    const branch = await reports.run('consent-withdrawals', Q1, branchSupervisor);
    expect([branch.series.map((s) => [s.channel, s.counts]), branch.total]).toEqual([
      [
        ['email', [1, 0, 0]],
        ['sms', [0, 1, 0]],
      ],
      2,
    ]);
  });

  it('the funnel of each campaign started in the period and overall, with its rates', async () => {
    const answer = await p
      .as('supervisor1')
      .get<{ campaigns: { id: string; funnel: unknown; rates: unknown }[]; overall: unknown }>(
        '/api/reports/campaign-funnel?from=2026-01-01&to=2026-03-31',
      );
    expect(answer.status).toBe(200);
    expect(answer.body.campaigns.map((c) => [c.id, c.funnel, c.rates])).toEqual([
      [
        'K1',
        { eligible: 10, queued: 8, sent: 6, delivered: 5, opened: 3, clicked: 1, converted: 2 },
        { delivered: 0.8333, opened: 0.6, clicked: 0.2, converted: 0.3333 },
      ],
      [
        'K2',
        { eligible: 4, queued: 4, sent: 4, delivered: 4, opened: 2, clicked: 2, converted: 1 },
        { delivered: 1, opened: 0.5, clicked: 0.5, converted: 0.25 },
      ],
    ]);
    expect(answer.body.overall).toEqual({
      funnel: { eligible: 14, queued: 12, sent: 10, delivered: 9, opened: 5, clicked: 3, converted: 3 },
      rates: { delivered: 0.9, opened: 0.5556, clicked: 0.3333, converted: 0.3 },
    });
  });
});
