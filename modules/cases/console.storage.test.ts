import type { Transaction } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { caseService } from './index.ts';
import type { CaseService } from './service.ts';
import { assignWorker } from './workers/assign.ts';
import { routeWorker } from './workers/route.ts';

interface Listed {
  id: string;
  number: string;
  channel: string;
  status: string;
  assignee: string | null;
  customer: { id: string; fullName: string; cif: string };
  regulatoryWorkingDaysLeft: number | null;
}
interface Counts {
  queues: { queue: string | null; open: number; mine: number; unassigned: number; overdue: number }[];
  total: { open: number; mine: number; unassigned: number };
}

describe(`cases console: text, channel and open filters, customer on each row, counts per queue (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let service: CaseService;
  let customerId: string;
  const ids: Record<string, string> = {};
  const list = async (user: string, query: string) => {
    const answer = await p.as(user).get<{ items: Listed[]; page: { total: number } }>(`/api/cases?${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };
  const run = (worker: ReturnType<typeof routeWorker> | ReturnType<typeof assignWorker>, variables: object) =>
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
    const created = await p.as('supervisor1').post<{ id: string }>('/api/customers', {
      fullName: 'Rahmat Konsol Siregar',
      nik: `12710112038${String(process.pid % 1000).padStart(3, '0')}77`,
      segment: 'mass',
      branchCode: 'MDN-KC',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    customerId = created.body.id;
    const log = async (name: string, body: object) => {
      const c = await p.as('agent1').post<Listed>('/api/cases', {
        customerId,
        category: 'OTHER',
        severity: 'LOW',
        form: 'verbal',
        ...body,
      });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      ids[name] = c.body.id;
    };
    await log('atm', { channel: 'branch', description: 'Kartu tertelan di ATM Jalan Gatot Subroto' });
    await log('wa', { channel: 'whatsapp', description: 'Notifikasi transaksi tidak masuk' });
    await run(routeWorker(service), { caseId: ids.wa, queue: 'CC-MEDAN', slaPolicy: 'STANDARD-3WD' });
    await run(assignWorker(service), { caseId: ids.wa, queue: 'CC-MEDAN' });
  }, 60_000);
  afterAll(async () => {
    await p?.close();
  });

  it('finds cases by words of the description or the customer name, whatever their case', async () => {
    expect((await list('agent1', 'q=ATM%20gatot')).items.map((c) => c.id)).toEqual([ids.atm]);
    const byName = await list('agent1', 'q=konsol');
    expect(byName.items.map((c) => c.id).sort()).toEqual([ids.atm, ids.wa].sort());
    expect(byName.items[0]?.customer).toMatchObject({ id: customerId, fullName: 'Rahmat Konsol Siregar' });
    expect((await list('agent1', 'q=100%25_tidak')).items).toEqual([]);
  });

  it('filters by channel and by open or not, and dates the POJK deadline in working days', async () => {
    const whatsapp = await list('agent1', `channel=whatsapp&customerId=${customerId}`);
    expect(whatsapp.items.map((c) => c.id)).toEqual([ids.wa]);
    // A verbal complaint: 5 working days from today.
    expect(whatsapp.items[0]?.regulatoryWorkingDaysLeft).toBe(5);
    expect((await list('agent1', `open=true&customerId=${customerId}`)).page.total).toBe(2);
    expect((await list('agent1', `open=false&customerId=${customerId}`)).page.total).toBe(0);
    const bad = await p.as('agent1').get<{ errors: { field: string }[] }>('/api/cases?channel=fax');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]?.field).toContain('channel');
  });

  it('counts open cases per queue, with the caller’s own and the unassigned', async () => {
    const answer = await p.as('agent1').get<Counts>('/api/cases/counts');
    expect(answer.status).toBe(200);
    const assignee = (await p.as('agent1').get<Listed>(`/api/cases/${ids.wa}`)).body.assignee;
    const medan = answer.body.queues.find((q) => q.queue === 'CC-MEDAN');
    expect(medan).toMatchObject({ open: 1, unassigned: 0, mine: assignee === 'agent1' ? 1 : 0 });
    expect(answer.body.queues.find((q) => q.queue === null)).toMatchObject({ open: 1, unassigned: 1 });
    expect(answer.body.total.open).toBe(2);
    expect((await p.as('marketing1').get('/api/cases/counts')).status).toBe(403);
  });

  it('the case page names the customer and the working days left', async () => {
    const detail = await p.as('agent1').get<Listed>(`/api/cases/${ids.atm}`);
    expect(detail.body.customer.fullName).toBe('Rahmat Konsol Siregar');
    expect(detail.body.regulatoryWorkingDaysLeft).toBe(5);
  });

  it('a supervisor moves a case to another queue and one of its members; a non-member or unknown queue is refused', async () => {
    const unknown = await p
      .as('supervisor1')
      .post<{ errors: { field: string }[] }>(`/api/cases/${ids.wa}/reassign`, {
        assignee: 'backoffice1',
        queue: 'NOPE',
      });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]?.field).toBe('body.queue');
    const outsider = await p
      .as('supervisor1')
      .post<{ errors: { field: string }[] }>(`/api/cases/${ids.wa}/reassign`, {
        assignee: 'agent1',
        queue: 'BO-CARDS',
      });
    expect(outsider.status).toBe(400);
    expect(outsider.body.errors[0]?.field).toBe('body.assignee');
    const moved = await p
      .as('supervisor1')
      .post<Listed & { queue: string }>(`/api/cases/${ids.wa}/reassign`, {
        assignee: 'backoffice1',
        queue: 'BO-CARDS',
      });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ queue: 'BO-CARDS', assignee: 'backoffice1' });
    const detail = await p
      .as('supervisor1')
      .get<{ timeline: { kind: string; detail: Record<string, unknown> }[] }>(`/api/cases/${ids.wa}`);
    expect(detail.body.timeline.at(-1)).toMatchObject({
      kind: 'assigned',
      detail: { to: 'backoffice1', queue: 'BO-CARDS', fromQueue: 'CC-MEDAN' },
    });
    // Back office sees it now: it is in one of their queues.
    expect((await list('backoffice1', 'queue=BO-CARDS')).items.map((c) => c.id)).toContain(ids.wa);
  });
});
