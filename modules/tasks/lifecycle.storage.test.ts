import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';
import { createTestDatabases, type TestDatabases } from '../../tests/harness/test-database.ts';
import { TIMING } from './lifecycle.ts';
import {
  deploy,
  goneFromLists,
  list,
  type Problem,
  REVIEW_FORM,
  start,
  type TaskDto,
  taskOf,
  userTaskProcess,
} from './test-fixtures.ts';

const HOUR = 3_600_000;
const T0 = Date.parse('2027-03-01T02:00:00Z');

const MODELS = {
  escalation: userTaskProcess('escalation', { candidateGroups: 'agent', escalateAfter: 'PT2H' }),
  'complaint-review': userTaskProcess('complaint-review', {
    candidateGroups: 'agent',
    form: 'tinjau-keluhan',
  }),
};

describe(`tasks: cancelled by the process (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
    p.clock.pin(T0);
    await deploy(p, MODELS, [REVIEW_FORM]);
  });
  afterAll(async () => {
    await p?.close();
  });

  it('given an interrupting timer that fires (the clock moved), the task leaves every list', async () => {
    const instance = await start(p, 'escalation');
    const task = await taskOf(p, instance);
    await p.as('agent1').post(`/api/tasks/${task.key}/claim`);
    p.clock.advance(HOUR);
    await p.platform.engineSettled?.();
    expect((await p.as('agent1').get<TaskDto>(`/api/tasks/${task.key}`)).body.state).toBe('CREATED');

    p.clock.advance(2 * HOUR);
    await p.platform.engineSettled?.();
    await goneFromLists(p, instance, ['agent1', 'agent2', 'supervisor1']);
    expect((await list(p.as('supervisor1'), '', 'limit=200')).items.map((t) => t.key)).not.toContain(
      task.key,
    );
    const after = await p.as('agent1').get<TaskDto>(`/api/tasks/${task.key}`);
    expect(after.body).toMatchObject({ state: 'CANCELED', variables: {} });
    const completing = await p
      .as('agent1')
      .post<Problem>(`/api/tasks/${task.key}/complete`, { variables: {} });
    expect(completing.status).toBe(409);
    expect(completing.body.code).toBe('TASK_CANCELED');
    expect(await probe(p).trail(instance)).toContain('escalated:COMPLETED');
  });

  it('given a cancelled instance, a claim asks the engine first and answers that the process cancelled it', async () => {
    const instance = await start(p, 'complaint-review', { caseNumber: 'CMP-1' });
    const { key } = await taskOf(p, instance);
    await p.zeebe.cancelProcessInstance(instance);
    const claim = await p.as('agent2').post<Problem>(`/api/tasks/${key}/claim`);
    expect(claim.status).toBe(409);
    expect(claim.body.code).toBe('TASK_CANCELED');
    await goneFromLists(p, instance, ['agent2']);
  });
});

describe(`tasks: a restart in the middle of a task's life (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let databases: TestDatabases;
  let first: TestPlatform | undefined;
  let second: TestPlatform | undefined;
  beforeAll(async () => {
    databases = await createTestDatabases();
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await databases?.drop();
  });

  const rows = async (q: TestPlatform, instance: string) =>
    (await q.platform.sequelize.query('SELECT job_key FROM tasks WHERE process_instance_key = :instance', {
      replacements: { instance },
      type: 'SELECT',
    })) as { job_key: string }[];

  it('loses nothing and duplicates nothing: the claim holds, a re-activated job updates its task', async () => {
    first = await createPlatform({ databases });
    first.clock.pin(T0);
    await deploy(first, MODELS, [REVIEW_FORM]);
    const claimed = await start(first, 'complaint-review', { caseNumber: 'CMP-7', category: 'card' });
    const open = await start(first, 'complaint-review', { caseNumber: 'CMP-8', category: 'card' });
    const task = await taskOf(first, claimed);
    await taskOf(first, open);
    expect((await first.as('agent1').post<TaskDto>(`/api/tasks/${task.key}/claim`)).status).toBe(200);
    await first.close();
    first = undefined;

    second = await createPlatform({ databases });
    second.clock.pin(T0 + HOUR);
    const later = await start(second, 'complaint-review', { caseNumber: 'CMP-9', category: 'card' });
    await taskOf(second, later);
    const mine = await list(second.as('agent1'), 'mine');
    expect(mine.items.map((t) => t.key)).toEqual([task.key]);
    // Past the jobs' long timeout: the engine hands them out again, and they update their tasks.
    const past = T0 + TIMING.taskTimeoutMs + 2 * HOUR;
    second.clock.pin(past);
    await vi.waitFor(
      async () => {
        const q = second as TestPlatform;
        const [row] = (await q.platform.sequelize.query('SELECT updated_at FROM tasks WHERE job_key = :key', {
          replacements: { key: task.key },
          type: 'SELECT',
        })) as { updated_at: number | string }[];
        expect(Number(row?.updated_at)).toBe(past);
      },
      { timeout: 15_000, interval: 100 },
    );
    const all = await second
      .as('supervisor1')
      .get<{ items: TaskDto[] }>('/api/tasks?variables=category:card');
    expect(all.body.items.map((t) => t.processInstanceKey).sort()).toEqual([claimed, open, later].sort());
    for (const instance of [claimed, open, later]) expect(await rows(second, instance)).toHaveLength(1);
    expect((await list(second.as('agent1'), 'mine')).items.map((t) => t.key)).toEqual([task.key]);

    const done = await second
      .as('agent1')
      .post<TaskDto>(`/api/tasks/${task.key}/complete`, { variables: { resolution: 'explain' } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(await probe(second).instanceState(claimed)).toBe('COMPLETED');
  });
});
