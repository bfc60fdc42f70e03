import { beforeAll, expect, it } from 'vitest';
import { compile } from '../../designer/src/builder/compile.ts';
import { RUNNABLE } from '../../designer/src/builder/test-flows.ts';
import { describeOnEngines, type ScenarioPlatform } from './engines.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

interface TaskView {
  key: string;
  name: string;
  elementId: string;
  candidateGroups: string[];
  dueDate: string | null;
  processInstanceKey: string;
}
interface MessageView {
  id: string;
  templateKey: string;
  channel: string;
  customerId: string;
}

/** The open tasks `user`'s groups see for one process instance. */
async function groupTasks(
  p: ScenarioPlatform,
  user: string,
  processInstanceKey: string,
): Promise<TaskView[]> {
  const answer = await p.as(user).get<{ items: TaskView[] }>('/api/tasks/groups?limit=100');
  expect(answer.status).toBe(200);
  return answer.body.items.filter((task) => task.processInstanceKey === processInstanceKey);
}

async function claimAndComplete(
  p: ScenarioPlatform,
  user: string,
  key: string,
  variables = {},
): Promise<void> {
  expect((await p.as(user).post(`/api/tasks/${key}/claim`)).status).toBe(200);
  const done = await p.as(user).post(`/api/tasks/${key}/complete`, { variables });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
}

describeOnEngines('a flow made in the simple builder deploys and runs like any model', (p) => {
  let customerId: string;
  let instance: string;

  beforeAll(async () => {
    const created = await p().as('agent1').post<{ id: string }>('/api/customers', {
      fullName: 'Siti Aminah Nasution',
      nik: '1271014506880011',
      segment: 'mass',
      branchCode: 'MDN-KC',
      email: 'siti.nasution@example.co.id',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    customerId = created.body.id;
    await p().zeebe.deployResources([
      { name: `${RUNNABLE.id}.bpmn`, process: Buffer.from(compile(RUNNABLE)) },
    ]);
  });

  it('given the compiled flow deployed, a started instance puts the approval in the supervisors’ task list', async () => {
    const started = await p().zeebe.createProcessInstance({
      bpmnProcessId: RUNNABLE.id,
      variables: { customerId, amount: 25_000_000 },
    });
    instance = started.processInstanceKey;
    const createdAt = p().clock.now();
    const [task] = await p().eventually(async () => {
      const tasks = await groupTasks(p(), 'supervisor1', instance);
      expect(tasks).toHaveLength(1);
      return tasks;
    });
    expect(task).toMatchObject({ elementId: 'Task_s1', candidateGroups: ['supervisor'] });
    if (p().engine === 'embedded') expect(task?.name).toBe('Setujui permintaan');
    // `=now() + duration("PT24H")`, evaluated by the engine when the task was created.
    expect(Math.abs(Date.parse(task?.dueDate as string) - (createdAt + 24 * HOUR))).toBeLessThan(MINUTE);
    expect(await groupTasks(p(), 'backoffice1', instance)).toEqual([]);
  });

  it('four hours later the escalation gives back office a task, and the approval stays open', async () => {
    await p().advance(4 * HOUR + MINUTE);
    await p().eventually(async () =>
      expect((await groupTasks(p(), 'backoffice1', instance)).map((t) => t.elementId)).toEqual(['Task_s3']),
    );
    expect((await groupTasks(p(), 'supervisor1', instance)).map((t) => t.elementId)).toEqual(['Task_s1']);
  });

  it('completing the approval moves on: the notification worker queues the message for the customer', async () => {
    const [approval] = await groupTasks(p(), 'supervisor1', instance);
    await claimAndComplete(p(), 'supervisor1', approval?.key as string, { approved: true });
    const queued = await p().eventually(async () => {
      const answer = await p().http.get<{ items: MessageView[] }>(
        `/api/notifications/messages?customerId=${customerId}`,
      );
      expect(answer.body.items).toHaveLength(1);
      return answer.body.items[0] as MessageView;
    });
    expect(queued).toMatchObject({ templateKey: 'case.resolved', channel: 'email', customerId });
  });

  it('the wait holds the flow for a day; after it the condition sends a large amount to a second approval', async () => {
    // The timer was created when the notification completed; nothing follows until it fires.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await p().advance(23 * HOUR);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await groupTasks(p(), 'supervisor1', instance)).toEqual([]);
    await p().advance(HOUR + MINUTE);
    const [second] = await p().eventually(async () => {
      const tasks = await groupTasks(p(), 'supervisor1', instance);
      expect(tasks.map((t) => t.elementId)).toEqual(['Task_s7']);
      return tasks;
    });
    await claimAndComplete(p(), 'supervisor1', second?.key as string);
    const [escalation] = await groupTasks(p(), 'backoffice1', instance);
    await claimAndComplete(p(), 'backoffice1', escalation?.key as string);
    await p().eventually(async () => {
      expect(await groupTasks(p(), 'supervisor1', instance)).toEqual([]);
      expect(await groupTasks(p(), 'backoffice1', instance)).toEqual([]);
    });
    if (p().engine === 'embedded') {
      const state = await p().http.get<{ state: string }>(`/v2/process-instances/${instance}`);
      expect(state.body.state).toBe('COMPLETED');
    }
  });
});
