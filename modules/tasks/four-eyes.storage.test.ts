import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';
import { deploy, list, type Problem, start, type TaskDto, taskOf, userTaskProcess } from './test-fixtures.ts';

const keys = async (p: TestPlatform, user: string, view: string) =>
  (await list(p.as(user), view, 'limit=200')).items.map((t) => t.key);

/**
 * Four eyes declared by the model (maker-checker): `fourEyesWith` keeps a task from the user
 * a variable names, whatever roles they hold; `completedByVariable` records who completed it.
 */
describe(`tasks: four eyes from task headers (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
    await deploy(p, {
      approval: userTaskProcess('approval', {
        name: 'Setujui',
        candidateGroups: 'compliance',
        headers: { fourEyesWith: 'submittedBy', completedByVariable: 'decidedBy' },
      }),
      plain: userTaskProcess('plain', { candidateGroups: 'compliance' }),
    });
  });
  afterAll(async () => {
    await p?.close();
  });

  it('given lead1 submitted it, the task is in no list of lead1 though lead1 is compliance, and in compliance1’s', async () => {
    const instance = await start(p, 'approval', { submittedBy: 'lead1' });
    const task = await taskOf(p, instance);
    for (const view of ['groups', 'unassigned', 'mine'])
      expect(await keys(p, 'lead1', view)).not.toContain(task.key);
    expect(await keys(p, 'compliance1', 'groups')).toContain(task.key);
    expect(await keys(p, 'compliance1', 'unassigned')).toContain(task.key);
  });

  it('when lead1 claims it, or a supervisor assigns it to lead1, the answer is 403 FOUR_EYES', async () => {
    const instance = await start(p, 'approval', { submittedBy: 'lead1' });
    const { key } = await taskOf(p, instance);
    const claim = await p.as('lead1').post<Problem>(`/api/tasks/${key}/claim`);
    expect(claim.status).toBe(403);
    expect(claim.body.code).toBe('FOUR_EYES');
    expect(claim.body.detail).toContain('lead1');
    const assign = await p.as('supervisor1').post<Problem>(`/api/tasks/${key}/assign`, { assignee: 'lead1' });
    expect(assign.status).toBe(403);
    expect(assign.body.code).toBe('FOUR_EYES');
    const complete = await p.as('lead1').post<Problem>(`/api/tasks/${key}/complete`, { variables: {} });
    expect(complete.body.code).toBe('FOUR_EYES');
  });

  it('when compliance1 completes it, decidedBy is compliance1 even if the submission says otherwise', async () => {
    const instance = await start(p, 'approval', { submittedBy: 'lead1' });
    const { key } = await taskOf(p, instance);
    expect((await p.as('compliance1').post<TaskDto>(`/api/tasks/${key}/claim`)).status).toBe(200);
    const done = await p.as('compliance1').post<TaskDto>(`/api/tasks/${key}/complete`, {
      variables: { decision: 'approve', decidedBy: 'lead1' },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.completedBy).toBe('compliance1');
    expect(await probe(p).variables(instance)).toMatchObject({
      submittedBy: 'lead1',
      decision: 'approve',
      decidedBy: 'compliance1',
    });
  });

  it('given no four-eyes header, the same user claims as usual and nothing is added on completion', async () => {
    const instance = await start(p, 'plain', { submittedBy: 'lead1' });
    const { key } = await taskOf(p, instance);
    expect(await keys(p, 'lead1', 'unassigned')).toContain(key);
    expect((await p.as('lead1').post(`/api/tasks/${key}/claim`)).status).toBe(200);
    expect((await p.as('lead1').post(`/api/tasks/${key}/complete`, { variables: { ok: true } })).status).toBe(
      200,
    );
    expect(await probe(p).variables(instance)).not.toHaveProperty('decidedBy');
  });
});
