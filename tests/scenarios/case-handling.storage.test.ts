import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type ScenarioPlatform } from './engines.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

interface CaseView {
  id: string;
  number: string;
  status: string;
  queue: string | null;
  slaPolicy: string | null;
  slaDueAt: string | null;
  slaBreachedAt: string | null;
  regulatoryDueAt: string | null;
  documentsDueAt: string | null;
  assignee: string | null;
  escalationLevel: number;
  escalatedTo: string | null;
  rootCause: string | null;
  csat: number | null;
  createdAt: string;
  processInstanceKey: string | null;
  timeline: { kind: string; detail: Record<string, unknown> }[];
}
interface TaskView {
  key: string;
  name: string;
  elementId: string;
  assignee: string | null;
  candidateGroups: string[];
  dueDate: string | null;
  priority: number;
  variables: Record<string, unknown>;
}

/** Until the engine has every command the platform wrote (seam 7) and has acted on it. */
async function quiet(p: ScenarioPlatform): Promise<void> {
  await p.eventually(async () => expect(await p.platform.context.engineOutbox.pending()).toEqual([]));
  await new Promise((resolve) => setTimeout(resolve, 400));
  await p.platform.engineSettled?.();
}

describeOnEngines('case handling: routing, escalation, resolution and survey', (p) => {
  let customerId: string;
  const read = async (id: string) => (await p().as('supervisor1').get<CaseView>(`/api/cases/${id}`)).body;
  const log = async (body: Record<string, unknown>) => {
    const created = await p()
      .as('agent1')
      .post<CaseView>('/api/cases', {
        customerId,
        channel: 'call-centre',
        description: 'Transfer ke bank lain gagal, saldo terpotong Rp 2.500.000',
        ...body,
      });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  };

  beforeAll(async () => {
    const created = await p().as('agent1').post<{ id: string }>('/api/customers', {
      fullName: 'Rahmat Hidayat Lubis',
      nik: '1271011203850007',
      segment: 'mass',
      branchCode: 'MDN-KC',
      email: 'rahmat.lubis@example.co.id',
    });
    expect(created.status).toBe(201);
    customerId = created.body.id;
  });

  let high: CaseView;
  it('a HIGH failed transfer goes to back-office payments with a 24-hour SLA, assigned to its member', async () => {
    high = await log({ category: 'FAILED_TRANSFER', severity: 'HIGH', form: 'verbal' });
    expect(high.number).toMatch(/^KLH-\d{4}-\d{6}$/);
    const routed = await p().eventually(async () => {
      const c = await read(high.id);
      expect(c.status).toBe('ASSIGNED');
      return c;
    });
    expect(routed).toMatchObject({
      queue: 'BO-PAYMENTS',
      slaPolicy: 'PAYMENTS-24H',
      assignee: 'backoffice1',
    });
    expect(Date.parse(routed.slaDueAt as string) - Date.parse(routed.createdAt)).toBe(24 * HOUR);
    const task = await p().eventually(async () => {
      const mine = await p().as('backoffice1').get<{ items: TaskView[] }>('/api/tasks/mine');
      const found = mine.body.items.find((t) => t.variables.caseId === high.id);
      expect(found).toBeDefined();
      return found as TaskView;
    });
    // The element's name needs the engine's read API, which Zeebe mode here lacks: the id is the fallback.
    expect(task).toMatchObject({ elementId: 'Task_handle', candidateGroups: ['backoffice'], priority: 75 });
    if (p().engine === 'embedded') expect(task.name).toBe('Tangani keluhan');
    expect(Date.parse(task.dueDate as string)).toBe(Date.parse(routed.slaDueAt as string));
    await quiet(p());
  });

  it('an update at 1h59 moves the escalation to 2 hours after that update', async () => {
    await p().advance(2 * HOUR - MINUTE);
    const commented = await p()
      .as('backoffice1')
      .post(`/api/cases/${high.id}/comments`, { text: 'Sedang dicek ke switching.' });
    expect(commented.status).toBe(200);
    await quiet(p());
    await p().advance(2 * HOUR - 2 * MINUTE);
    await quiet(p());
    expect((await read(high.id)).escalationLevel).toBe(0);
    await p().advance(3 * MINUTE);
    const escalated = await p().eventually(async () => {
      const c = await read(high.id);
      expect(c.escalationLevel).toBe(1);
      return c;
    });
    expect(escalated.escalatedTo).toBe('supervisor1');
    expect(escalated.timeline.filter((e) => e.kind === 'escalation').map((e) => e.detail.reason)).toEqual([
      'NO_UPDATE',
    ]);
  });

  it('without a further update nothing more escalates until the SLA runs out, which escalates again', async () => {
    await quiet(p());
    await p().advance(4 * HOUR);
    await quiet(p());
    expect((await read(high.id)).escalationLevel).toBe(1);
    await p().advance(16 * HOUR + 5 * MINUTE);
    const breached = await p().eventually(async () => {
      const c = await read(high.id);
      expect(c.escalationLevel).toBe(2);
      return c;
    });
    expect(breached.slaBreachedAt).not.toBeNull();
    expect(breached.timeline.map((e) => e.kind)).toContain('sla-breach');
    const listed = await p()
      .as('supervisor1')
      .get<{ items: CaseView[] }>('/api/cases?escalated=true&sla=overdue');
    expect(listed.body.items.map((c) => c.id)).toContain(high.id);
  });

  it('resolving the task records the root cause, tells the customer, and the survey link records a score', async () => {
    const task = await p().eventually(async () => {
      const mine = await p().as('backoffice1').get<{ items: TaskView[] }>('/api/tasks/mine');
      const found = mine.body.items.find((t) => t.variables.caseId === high.id);
      expect(found).toBeDefined();
      return found as TaskView;
    });
    const refused = await p()
      .as('backoffice1')
      .post<{ errors: { field: string }[] }>(`/api/tasks/${task.key}/complete`, {
        variables: { resolution: 'Dana dikembalikan.', rootCause: 'BAD_LUCK' },
      });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e) => e.field)).toContain('body.variables.rootCause');
    const done = await p()
      .as('backoffice1')
      .post(`/api/tasks/${task.key}/complete`, {
        variables: {
          resolution: 'Dana Rp 2.500.000 telah dikembalikan ke rekening Anda.',
          rootCause: 'THIRD_PARTY',
        },
      });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const resolved = await p().eventually(async () => {
      const c = await read(high.id);
      expect(c.status).toBe('RESOLVED');
      return c;
    });
    expect(resolved.rootCause).toBe('THIRD_PARTY');
    const message = await p().eventually(async () => {
      const sent = await p().http.get<{ items: { id: string; templateKey: string }[] }>(
        `/api/notifications/messages?ref=${resolved.number}`,
      );
      expect(sent.body.items.map((m) => m.templateKey)).toContain('case.resolved');
      return sent.body.items.find((m) => m.templateKey === 'case.resolved') as { id: string };
    });
    const detail = await p().http.get<{ text: string | null }>(`/api/notifications/messages/${message.id}`);
    const link = /https?:\/\/\S+\/api\/cases\/survey\/\S+/.exec(detail.body.text ?? '')?.[0];
    expect(link, detail.body.text ?? '').toBeDefined();
    const path = new URL(link as string).pathname;
    const forged = await p().anonymous.get(`${path.slice(0, -3)}AAA?score=5`);
    expect(forged.status).toBe(404);
    const answered = await p().anonymous.get<{ score: number }>(`${path}?score=4`);
    expect(answered.status).toBe(200);
    const rated = await read(high.id);
    expect(rated).toMatchObject({ csat: 4, status: 'CLOSED' });
    expect((await p().anonymous.get(`${path}?score=1`)).status).toBe(409);
  });

  it("a written complaint's deadline skips the weekend and the Christmas holidays; the one extension notifies", async () => {
    // Tuesday 22 December 2026, 10:00 WIB: 24 Dec (cuti bersama), 25 Dec (national), 1 and 5 Jan ahead.
    p().clock.pin(Date.parse('2026-12-22T03:00:00Z'));
    const written = await log({
      category: 'SERVICE_QUALITY',
      severity: 'LOW',
      form: 'written',
      channel: 'email',
    });
    expect(written.regulatoryDueAt).toBe('2027-01-11T16:59:59.999Z');
    const verbal = await log({ category: 'SERVICE_QUALITY', severity: 'LOW', form: 'verbal' });
    expect(verbal.regulatoryDueAt).toBe('2026-12-31T16:59:59.999Z');
    const incomplete = await log({
      category: 'OTHER',
      severity: 'LOW',
      form: 'written',
      documentsComplete: false,
    });
    expect(incomplete).toMatchObject({ regulatoryDueAt: null, documentsDueAt: '2027-01-11T16:59:59.999Z' });
    const completed = await p().as('agent1').post<CaseView>(`/api/cases/${incomplete.id}/documents-complete`);
    expect(completed.body.regulatoryDueAt).toBe('2027-01-11T16:59:59.999Z');
    const extended = await p().as('supervisor1').post<CaseView>(`/api/cases/${written.id}/extension`, {
      days: 3,
      reason: 'Menunggu jawaban bank penerima',
    });
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    expect(extended.body.regulatoryDueAt).toBe('2027-01-14T16:59:59.999Z');
    const again = await p()
      .as('supervisor1')
      .post(`/api/cases/${written.id}/extension`, { days: 1, reason: 'Sekali lagi' });
    expect(again.status).toBe(409);
    const notices = await p().http.get<{ items: { templateKey: string }[] }>(
      `/api/notifications/messages?ref=${written.number}`,
    );
    expect(notices.body.items.map((m) => m.templateKey)).toContain('case.extended');
  });
});
