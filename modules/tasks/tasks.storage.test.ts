import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';
import {
  deploy,
  list,
  type Problem,
  REVIEW_FORM,
  start,
  type TaskDto,
  taskOf,
  userTaskProcess,
} from './test-fixtures.ts';

const T0 = Date.parse('2027-02-01T02:00:00Z');

describe(`tasks: the life of a task, lists, filters, claims, forms (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
    p.clock.pin(T0);
    await deploy(
      p,
      {
        'complaint-review': userTaskProcess('complaint-review', {
          name: 'Tinjau keluhan',
          candidateGroups: 'agent, backoffice',
          dueDate: '=dueDate',
          followUpDate: '2027-02-01T09:00:00+07:00',
          form: 'tinjau-keluhan',
        }),
        callback: userTaskProcess('callback', { candidateUsers: 'rm1', headers: { priority: '90' } }),
        legacy: userTaskProcess('legacy', {
          candidateGroups: 'agent',
          form: 'camunda-forms:bpmn:formulir-lama',
        }),
      },
      [REVIEW_FORM],
    );
  });
  afterAll(async () => {
    await p?.close();
  });

  const complaint = (extra: Record<string, unknown> = {}) =>
    start(p, 'complaint-review', {
      caseNumber: 'CMP-2027-000123',
      category: 'payment',
      severity: 'HIGH',
      dueDate: '2027-02-02T17:00:00+07:00',
      ...extra,
    });

  it('a user task appears in the lists of its candidate groups, named and dated from its model', async () => {
    const instance = await complaint({ priority: 'HIGH' });
    const task = await taskOf(p, instance);
    expect(task).toMatchObject({
      state: 'CREATED',
      name: 'Tinjau keluhan',
      elementId: 'review',
      assignee: null,
      candidateGroups: ['agent', 'backoffice'],
      candidateUsers: [],
      dueDate: '2027-02-02T10:00:00.000Z',
      followUpDate: '2027-02-01T02:00:00.000Z',
      priority: 75,
      formId: 'tinjau-keluhan',
      variables: { caseNumber: 'CMP-2027-000123', category: 'payment' },
    });
    const keys = async (user: string, view: string) =>
      (await list(p.as(user), view, 'limit=200')).items.map((t) => t.key);
    expect(await keys('agent1', 'groups')).toContain(task.key);
    expect(await keys('backoffice1', 'unassigned')).toContain(task.key);
    expect(await keys('agent1', 'mine')).not.toContain(task.key);
    // Not a candidate: neither listed nor visible.
    expect(await keys('rm1', 'unassigned')).not.toContain(task.key);
    expect((await p.as('rm1').get<Problem>(`/api/tasks/${task.key}`)).body.code).toBe('TASK_NOT_FOUND');
    expect((await p.as('marketing1').post<Problem>(`/api/tasks/${task.key}/claim`)).status).toBe(404);
  });

  it('claim, complete with invalid variables (400 naming each field), then valid ones: the process moves on', async () => {
    const instance = await complaint();
    const { key } = await taskOf(p, instance);
    const agent = p.as('agent1');
    expect((await agent.post<Problem>(`/api/tasks/${key}/complete`, { variables: {} })).body.code).toBe(
      'TASK_NOT_ASSIGNED_TO_YOU',
    );
    const claimed = await agent.post<TaskDto>(`/api/tasks/${key}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.assignee).toBe('agent1');
    expect((await list(agent, 'mine')).items.map((t) => t.key)).toContain(key);
    expect((await list(agent, 'unassigned', 'limit=200')).items.map((t) => t.key)).not.toContain(key);

    const invalid = await agent.post<Problem>(`/api/tasks/${key}/complete`, {
      variables: {
        resolution: 'refund',
        refundAmount: -5,
        callbackPhone: '12345',
        notes: 'ok',
        approved: true,
      },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('INVALID_VARIABLES');
    expect(invalid.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'body.variables.approved', message: "is not a field of the form 'tinjau-keluhan'" },
        { field: 'body.variables.refundAmount', message: 'must be at least 0' },
        { field: 'body.variables.callbackPhone', message: 'must match the pattern ^08\\d{8,11}$' },
        { field: 'body.variables.notes', message: 'must have at least 5 characters' },
      ]),
    );
    const missing = await agent.post<Problem>(`/api/tasks/${key}/complete`, {
      variables: { notes: 'Sudah dicek' },
    });
    expect(missing.body.errors).toEqual([{ field: 'body.variables.resolution', message: 'is required' }]);
    const wrongType = await agent.post<Problem>(`/api/tasks/${key}/complete`, {
      variables: { resolution: 'teleport', callCustomer: 'yes' },
    });
    expect(wrongType.body.errors?.map((e) => e.field).sort()).toEqual([
      'body.variables.callCustomer',
      'body.variables.resolution',
    ]);

    const done = await agent.post<TaskDto>(`/api/tasks/${key}/complete`, {
      variables: {
        caseNumber: 'CHANGED',
        resolution: 'refund',
        refundAmount: 250_000,
        callbackPhone: '081234567890',
        callCustomer: true,
      },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ state: 'COMPLETED', completedBy: 'agent1', variables: {} });
    expect(await probe(p).instanceState(instance)).toBe('COMPLETED');
    // The read-only case number is not taken from the submission.
    expect(await probe(p).variables(instance)).toMatchObject({
      caseNumber: 'CMP-2027-000123',
      resolution: 'refund',
      refundAmount: 250_000,
    });
    expect((await list(agent, 'mine')).items.map((t) => t.key)).not.toContain(key);
    expect((await agent.post<Problem>(`/api/tasks/${key}/claim`)).body.code).toBe('TASK_COMPLETED');
  });

  it('two agents claiming one task at once: exactly one wins, the other gets 409', async () => {
    const { key } = await taskOf(p, await complaint());
    const answers = await Promise.all(
      ['agent1', 'agent2'].map((user) => p.as(user).post<TaskDto & Problem>(`/api/tasks/${key}/claim`)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)?.body.assignee;
    expect(answers.find((a) => a.status === 409)?.body).toMatchObject({
      code: 'TASK_ALREADY_CLAIMED',
      detail: `The task is already assigned to ${winner}`,
    });
    const loser = winner === 'agent1' ? 'agent2' : 'agent1';
    expect((await p.as(loser).post<Problem>(`/api/tasks/${key}/unclaim`)).body.code).toBe(
      'TASK_NOT_ASSIGNED_TO_YOU',
    );
    expect(
      (await p.as(winner as string).post<TaskDto>(`/api/tasks/${key}/unclaim`)).body.assignee,
    ).toBeNull();
  });

  it('a supervisor assigns a task to someone else, never to someone who does no task work', async () => {
    const { key } = await taskOf(p, await complaint());
    const supervisor = p.as('supervisor1');
    const bad = await supervisor.post<Problem>(`/api/tasks/${key}/assign`, { assignee: 'owner' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'body.assignee', message: expect.any(String) }]);
    expect(
      (await supervisor.post<TaskDto>(`/api/tasks/${key}/assign`, { assignee: 'agent2' })).body.assignee,
    ).toBe('agent2');
    expect((await list(p.as('agent2'), 'mine')).items.map((t) => t.key)).toContain(key);
    expect((await p.as('agent1').post<Problem>(`/api/tasks/${key}/claim`)).body.code).toBe(
      'TASK_ALREADY_CLAIMED',
    );
    expect((await list(supervisor, '', 'assignee=agent2&limit=200')).items.map((t) => t.key)).toContain(key);
  });

  it('filters on two business variables at once, sorts by due date and by priority, pages', async () => {
    const made = [
      { category: 'card', severity: 'HIGH', dueDate: '2027-02-05T17:00:00+07:00', priority: 10 },
      { category: 'card', severity: 'HIGH', dueDate: '2027-02-03T17:00:00+07:00', priority: 80 },
      { category: 'card', severity: 'LOW', dueDate: '2027-02-02T17:00:00+07:00', priority: 99 },
      { category: 'loan', severity: 'HIGH', dueDate: '2027-02-01T17:00:00+07:00', priority: 99 },
      { category: 'card', severity: 'HIGH', dueDate: '2027-02-04T17:00:00+07:00', priority: 50 },
    ];
    const instances = [];
    for (const variables of made) instances.push(await complaint(variables));
    for (const instance of instances) await taskOf(p, instance);
    const agent = p.as('agent2');
    const filter = 'variables=category:card,severity:HIGH';
    const byDue = (await list(agent, 'groups', `${filter}&sort=dueDate`)).items;
    expect(byDue.map((t) => t.processInstanceKey)).toEqual([instances[1], instances[4], instances[0]]);
    const byPriority = (await list(agent, 'groups', `${filter}&sort=-priority,dueDate`)).items;
    expect(byPriority.map((t) => t.priority)).toEqual([80, 50, 10]);
    const paged = await list(agent, 'groups', `${filter}&sort=dueDate&limit=2&offset=2`);
    expect(paged.page).toEqual({ total: 3, limit: 2, offset: 2 });
    expect(paged.items.map((t) => t.processInstanceKey)).toEqual([instances[0]]);
    // A search finds part of a business key or of the name, any case; a LIKE wildcard is only a character.
    const numbered = await complaint({ caseNumber: 'KLH-2027-009876' });
    await taskOf(p, numbered);
    const found = (await list(agent, 'groups', 'search=klh-2027-0098')).items;
    expect(found.map((t) => t.processInstanceKey)).toEqual([numbered]);
    expect((await list(agent, 'groups', 'search=TINJAU%20KELUHAN&limit=1')).page.total).toBeGreaterThan(5);
    expect((await list(agent, 'groups', 'search=KLH-2027-00%25')).items).toEqual([]);
    expect((await list(agent, 'groups', 'search=_LH-2027-009876')).items).toEqual([]);
    const refused = await agent.get<Problem>('/api/tasks/groups?variables=category-card');
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.field).toBe('query.variables');
  });

  it('variables are masked per role; a personal field cannot be filtered on by a role that sees it masked', async () => {
    const instance = await complaint({
      nik: '1271011203900001',
      customerPhone: '081234567890',
      callbackPhone: '081299998888',
      nomorRekening: '1020304050',
    });
    const { key } = await taskOf(p, instance);
    const seen = async (user: string) => (await p.as(user).get<TaskDto>(`/api/tasks/${key}`)).body.variables;
    expect(await seen('agent1')).toMatchObject({
      nik: '************0001',
      customerPhone: '0812*****890',
      nomorRekening: '******4050',
    });
    expect(await seen('backoffice1')).toMatchObject({ nik: '************0001', nomorRekening: '1020304050' });
    expect(await seen('supervisor1')).toMatchObject({ nik: '************0001' });
    const refused = await p.as('agent1').get<Problem>('/api/tasks/groups?variables=nik:1271011203900001');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('PERSONAL_DATA_QUERY');
    // The form shows the agent the masked phone; sent back unchanged, it does not overwrite the real one.
    await p.as('agent1').post(`/api/tasks/${key}/claim`);
    const done = await p.as('agent1').post<TaskDto>(`/api/tasks/${key}/complete`, {
      variables: { resolution: 'explain', callbackPhone: '0812*****888' },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const { body } = await p
      .as('compliance1')
      .post<{ items: { name: string; value: string }[] }>('/v2/variables/search', {
        filter: { processInstanceKey: instance, name: 'callbackPhone' },
      });
    expect(body.items.map((v) => JSON.parse(v.value))).toEqual(['081299998888']);
  });

  it('priority comes from the task header when the model sets one; candidate users see their task', async () => {
    const task = await taskOf(p, await start(p, 'callback', { priority: 10 }));
    expect(task).toMatchObject({ priority: 90, name: 'review', candidateUsers: ['rm1'] });
    expect((await list(p.as('rm1'), 'groups')).items.map((t) => t.key)).toContain(task.key);
    expect((await list(p.as('agent1'), 'unassigned', 'limit=200')).items.map((t) => t.key)).not.toContain(
      task.key,
    );
  });

  it('a task whose form is missing says so, naming the form, and is not completed', async () => {
    const { key } = await taskOf(p, await start(p, 'legacy'));
    await p.as('agent1').post(`/api/tasks/${key}/claim`);
    const answer = await p.as('agent1').post<Problem>(`/api/tasks/${key}/complete`, { variables: {} });
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('FORM_NOT_FOUND');
    expect(answer.body.detail).toContain("'camunda-forms:bpmn:formulir-lama'");
    expect((await p.as('agent1').get<TaskDto>(`/api/tasks/${key}`)).body.state).toBe('CREATED');
    expect((await p.as('agent1').get<Problem>(`/api/tasks/${key}/form`)).body.code).toBe('FORM_NOT_FOUND');
  });

  it("the task's form can be read to render it", async () => {
    const { key } = await taskOf(p, await complaint());
    const form = await p
      .as('agent1')
      .get<{ formId: string; version: number; schema: { id: string } }>(`/api/tasks/${key}/form`);
    expect(form.body).toMatchObject({
      formId: 'tinjau-keluhan',
      version: 1,
      schema: { id: 'tinjau-keluhan' },
    });
  });
});
