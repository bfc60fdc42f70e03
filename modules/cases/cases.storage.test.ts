import { readFile } from 'node:fs/promises';
import type { Transaction } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { PROCESSES_DIR } from '../server/processes.ts';
import { importDemoHistory } from './demo-data.ts';
import { caseService } from './index.ts';
import type { CaseService } from './service.ts';
import { assignWorker } from './workers/assign.ts';
import { routeWorker } from './workers/route.ts';

interface CaseView {
  id: string;
  number: string;
  queue: string | null;
  slaPolicy: string | null;
  slaDueAt: string | null;
  assignee: string | null;
  status: string;
  createdAt: string;
}

describe(`cases: routing, assignment, scoping (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let service: CaseService;
  const customers: Record<string, string> = {};
  let nik = 0;
  const newCustomer = async (branchCode: string, rmUsername?: string) => {
    nik += 1;
    const created = await p.as('supervisor1').post<{ id: string }>('/api/customers', {
      fullName: `Nasabah Uji ${nik}`,
      nik: `12710112038${String(process.pid % 1000).padStart(3, '0')}${String(nik).padStart(2, '0')}`,
      segment: 'mass',
      branchCode,
      ...(rmUsername ? { rmUsername } : {}),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id;
  };
  const log = async (user: string, customerId: string, body: Record<string, unknown> = {}) =>
    p.as(user).post<CaseView>('/api/cases', {
      customerId,
      category: 'OTHER',
      severity: 'LOW',
      channel: 'call-centre',
      form: 'verbal',
      description: 'Uji',
      ...body,
    });
  /** Runs a worker's handler as the runner would: in a transaction, with the job's variables. */
  const run = async (
    worker: ReturnType<typeof routeWorker> | ReturnType<typeof assignWorker>,
    variables: Record<string, unknown>,
  ) =>
    service.deps.sequelize.transaction((transaction: Transaction) =>
      worker.handle(
        {
          key: String(Date.now()),
          type: worker.type,
          processInstanceKey: '2251799813685249',
          bpmnProcessId: 'cases-case-handling',
          elementId: 'Task',
          retries: 3,
          variables: worker.variables.parse(variables) as never,
          customHeaders: {},
        },
        { transaction },
      ),
    );

  beforeAll(async () => {
    p = await createPlatform();
    service = caseService(p.platform.context);
    customers.kc = await newCustomer('MDN-KC');
    customers.rm = await newCustomer('MDN-KC', 'rm1');
    customers.pms = await newCustomer('PMS-KC');
    const user = await p.http.post('/api/users', {
      username: 'cabangpms1',
      displayName: 'Petugas Cabang Siantar',
      roles: ['agent'],
      branchCode: 'PMS-KC',
      password: 'demo-cabang-123',
    });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await p?.close();
  });

  it('the routing table sends failed transfers to back-office payments (24 h) and retained cards to the nearest branch', async () => {
    await p.zeebe.deployResource({
      decision: await readFile(`${PROCESSES_DIR}/cases-case-routing.dmn`),
      name: 'cases-case-routing.dmn',
    } as never);
    const decide = async (category: string, severity: string, channel: string) => {
      const answer = await p.zeebe.evaluateDecision({
        decisionId: 'case-routing',
        variables: { category, severity, channel },
      } as never);
      return JSON.parse(answer.decisionOutput);
    };
    expect(await decide('FAILED_TRANSFER', 'HIGH', 'whatsapp')).toEqual({
      queue: 'BO-PAYMENTS',
      slaPolicy: 'PAYMENTS-24H',
    });
    expect(await decide('FAILED_TRANSFER', 'LOW', 'branch')).toEqual({
      queue: 'BO-PAYMENTS',
      slaPolicy: 'PAYMENTS-24H',
    });
    expect(await decide('CARD_RETAINED', 'MEDIUM', 'call-centre')).toEqual({
      queue: 'NEAREST-BRANCH',
      slaPolicy: 'BRANCH-2WD',
    });
    expect(await decide('SERVICE_QUALITY', 'HIGH', 'email')).toEqual({
      queue: 'CC-MEDAN',
      slaPolicy: 'URGENT-8WH',
    });
    expect(await decide('OTHER', 'LOW', 'mobile-banking')).toEqual({
      queue: 'CC-MEDAN',
      slaPolicy: 'STANDARD-3WD',
    });
  });

  it('the route worker resolves NEAREST-BRANCH to the queue of the case’s branch and dates the SLA', async () => {
    const logged = (
      await log('agent1', customers.pms as string, { category: 'CARD_RETAINED', severity: 'MEDIUM' })
    ).body;
    const routed = await run(routeWorker(service), {
      caseId: logged.id,
      queue: 'NEAREST-BRANCH',
      slaPolicy: 'BRANCH-2WD',
    });
    expect(routed).toMatchObject({ queue: 'CB-PMS-KC', candidateGroup: 'PMS-KC', slaPolicy: 'BRANCH-2WD' });
    const after = (await p.as('agent1').get<CaseView>(`/api/cases/${logged.id}`)).body;
    expect(after.queue).toBe('CB-PMS-KC');
    expect(after.slaDueAt).toBe(routed?.slaDueAt);
    await expect(
      run(routeWorker(service), { caseId: logged.id, queue: 'NO-SUCH', slaPolicy: 'BRANCH-2WD' }),
    ).rejects.toThrow(/no active case queue NO-SUCH/);
  });

  it('round robin takes turns among the queue’s members; least loaded picks the member with fewest open cases', async () => {
    const rr: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = (await log('agent1', customers.kc as string)).body;
      await run(routeWorker(service), { caseId: c.id, queue: 'CC-MEDAN', slaPolicy: 'STANDARD-3WD' });
      rr.push(String((await run(assignWorker(service), { caseId: c.id, queue: 'CC-MEDAN' }))?.assignee));
    }
    expect(new Set(rr)).toEqual(new Set(['agent1', 'agent2']));
    expect(rr[0]).not.toBe(rr[1]);
    expect(rr[2]).toBe(rr[0]);

    const members = await p.http.put('/api/cases/queues/BO-CARDS/members', {
      members: ['backoffice1', 'agent2'],
    });
    expect(members.status).toBe(200);
    // agent2 holds open CC-MEDAN cases from above; backoffice1 none in any queue yet.
    const picked: string[] = [];
    for (let i = 0; i < 2; i++) {
      const c = (await log('agent1', customers.kc as string, { category: 'WRONG_CHARGE' })).body;
      await run(routeWorker(service), { caseId: c.id, queue: 'BO-CARDS', slaPolicy: 'STANDARD-3WD' });
      picked.push(String((await run(assignWorker(service), { caseId: c.id, queue: 'BO-CARDS' }))?.assignee));
    }
    // backoffice1 had none, agent2 one: then one each, and the tie goes to the first by username.
    expect(picked).toEqual(['backoffice1', 'agent2']);
  });

  it('scoping: an RM sees their portfolio, branch staff their branch, back office the cases of their queues', async () => {
    const inPortfolio = (await log('agent1', customers.rm as string)).body;
    const pms = (await log('agent1', customers.pms as string)).body;
    const kc = (await log('agent1', customers.kc as string)).body;
    const login = await p.anonymous.post<{ token: string }>('/api/auth/login', {
      username: 'cabangpms1',
      password: 'demo-cabang-123',
    });
    const branchStaff = p.anonymous.withToken(login.body.token);
    const client = (user: string) => (user === 'cabangpms1' ? branchStaff : p.as(user));
    const sees = async (user: string, id: string) => (await client(user).get(`/api/cases/${id}`)).status;
    expect(await sees('rm1', inPortfolio.id)).toBe(200);
    expect(await sees('rm1', kc.id)).toBe(404);
    expect(await sees('cabangpms1', pms.id)).toBe(200);
    expect(await sees('cabangpms1', kc.id)).toBe(404);
    expect(await sees('supervisor1', kc.id)).toBe(200);
    // Not yet in a queue: back office does not see it; once in BO-PAYMENTS, it does.
    expect(await sees('backoffice1', kc.id)).toBe(404);
    await run(routeWorker(service), { caseId: kc.id, queue: 'BO-PAYMENTS', slaPolicy: 'PAYMENTS-24H' });
    expect(await sees('backoffice1', kc.id)).toBe(200);
    const listed = await branchStaff.get<{ items: CaseView[] }>('/api/cases?limit=200');
    expect(listed.body.items.every((c) => c.id !== kc.id)).toBe(true);
    expect(listed.body.items.some((c) => c.id === pms.id)).toBe(true);
    // Logging a complaint needs the customer in scope too.
    expect((await log('rm1', customers.kc as string)).status).toBe(404);
  });

  it('reassignment stays within the queue, by a supervisor', async () => {
    const c = (await log('agent1', customers.kc as string)).body;
    await run(routeWorker(service), { caseId: c.id, queue: 'CC-MEDAN', slaPolicy: 'STANDARD-3WD' });
    await run(assignWorker(service), { caseId: c.id, queue: 'CC-MEDAN' });
    const outside = await p
      .as('supervisor1')
      .post<{ errors: { field: string }[] }>(`/api/cases/${c.id}/reassign`, { assignee: 'backoffice1' });
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0]?.field).toBe('body.assignee');
    const current = (await p.as('supervisor1').get<CaseView>(`/api/cases/${c.id}`)).body.assignee;
    const other = current === 'agent1' ? 'agent2' : 'agent1';
    const moved = await p
      .as('supervisor1')
      .post<CaseView>(`/api/cases/${c.id}/reassign`, { assignee: other });
    expect(moved.body.assignee).toBe(other);
    expect((await p.as('agent1').post(`/api/cases/${c.id}/reassign`, { assignee: other })).status).toBe(403);
  });

  it('status changes follow the lifecycle; RESOLVED only comes from the task', async () => {
    const c = (await log('agent1', customers.kc as string)).body;
    expect((await p.as('agent1').post(`/api/cases/${c.id}/status`, { status: 'IN_PROGRESS' })).status).toBe(
      409,
    );
    await run(routeWorker(service), { caseId: c.id, queue: 'CC-MEDAN', slaPolicy: 'STANDARD-3WD' });
    await run(assignWorker(service), { caseId: c.id, queue: 'CC-MEDAN' });
    const working = await p
      .as('agent1')
      .post<CaseView>(`/api/cases/${c.id}/status`, { status: 'WAITING_CUSTOMER' });
    expect(working.body.status).toBe('WAITING_CUSTOMER');
    expect((await p.as('agent1').post(`/api/cases/${c.id}/status`, { status: 'RESOLVED' })).status).toBe(400);
    const timeline = (await p.as('agent1').get<{ timeline: { kind: string }[] }>(`/api/cases/${c.id}`)).body
      .timeline;
    expect(timeline.map((e) => e.kind)).toEqual(['created', 'routed', 'assigned', 'status']);
    const audit = await p
      .as('compliance1')
      .get<{ items: { action: string }[] }>(`/api/audit/entries?entityId=${c.id}`);
    expect(audit.body.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['case.create', 'case.status']),
    );
  });

  it('bad input, four ways, answers 4xx problem+json naming the field', async () => {
    const problem = async (
      answer: Promise<{ status: number; headers: Headers; body: unknown }>,
      field: string,
    ) => {
      const got = (await answer) as {
        status: number;
        headers: Headers;
        body: { errors?: { field: string }[] };
      };
      expect(got.status).toBe(400);
      expect(got.headers.get('content-type')).toContain('application/problem+json');
      if (field) expect(got.body.errors?.map((e) => e.field)).toContain(field);
    };
    await problem(
      p.as('agent1').post('/api/cases', '{"customerId": ', { 'Content-Type': 'application/json' }),
      '',
    );
    await problem(log('agent1', customers.kc as string, { severity: 'URGENT' }), 'body.severity');
    await problem(log('agent1', customers.kc as string, { category: 'NO_SUCH' }), 'body.category');
    await problem(p.as('agent1').get('/api/cases?sla=late'), 'query.sla');
    await problem(p.as('agent1').get('/api/cases?limit=abc'), 'query.limit');
    await problem(p.as('agent1').get('/api/cases/not-a-case'), 'path.id');
    await problem(
      p.as('supervisor1').post('/api/cases/00000000-0000-4000-8000-000000000000/extension', {
        days: 11,
        reason: 'terlalu lama',
      }),
      'body.days',
    );
    await problem(
      p.http.post('/api/cases/sla-policies', { code: 'X-1', name: 'x', amount: 2, unit: 'weeks' }),
      'body.unit',
    );
    await problem(
      p.http.put('/api/cases/queues/CC-MEDAN/members', { members: ['nobody-here'] }),
      'body.members',
    );
  });

  it('demo history: three months of cases in every later state, with root causes, scores and breaches', async () => {
    const now = p.clock.now();
    expect(await importDemoHistory(service, now)).toBe(180);
    const rows = await service.sql.rows<{ status: string; n: unknown }>(
      'SELECT status, COUNT(*) AS n FROM cases WHERE imported = :yes GROUP BY status',
      { yes: true },
    );
    const statuses = rows.map((r) => r.status);
    expect(statuses).toEqual(
      expect.arrayContaining(['ASSIGNED', 'IN_PROGRESS', 'WAITING_CUSTOMER', 'RESOLVED', 'CLOSED']),
    );
    const [stats] = await service.sql.rows<{
      causes: unknown;
      scored: unknown;
      breached: unknown;
      oldest: unknown;
    }>(
      `SELECT COUNT(DISTINCT root_cause) AS causes, SUM(CASE WHEN csat IS NOT NULL THEN 1 ELSE 0 END) AS scored,
         SUM(CASE WHEN sla_breached_at IS NOT NULL THEN 1 ELSE 0 END) AS breached, MIN(created_at) AS oldest
       FROM cases WHERE imported = :yes`,
      { yes: true },
    );
    expect(Number(stats?.causes)).toBeGreaterThan(5);
    expect(Number(stats?.scored)).toBeGreaterThan(20);
    expect(Number(stats?.breached)).toBeGreaterThan(5);
    expect(now - Number(stats?.oldest)).toBeLessThanOrEqual(90 * 86_400_000);
    const [events] = await service.sql.rows<{ n: unknown }>(
      'SELECT COUNT(*) AS n FROM case_events e JOIN cases k ON k.id = e.case_id WHERE k.imported = :yes',
      { yes: true },
    );
    expect(Number(events?.n)).toBeGreaterThan(180 * 3);
  });
});
