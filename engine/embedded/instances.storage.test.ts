import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, oneTask } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { rawGateway } from '../../tests/harness/raw-gateway.ts';

const NOT_FOUND = 5;
const INVALID_ARGUMENT = 3;
const FAILED_PRECONDITION = 9;

/** start → three service tasks → exclusive gateway → two ends (the benchmark's reference shape). */
const reference = bpmn(
  'reference',
  `<bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
   <bpmn:serviceTask id="t1"><bpmn:extensionElements><zeebe:taskDefinition type="ref.one" /></bpmn:extensionElements>
     <bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>f1</bpmn:outgoing></bpmn:serviceTask>
   <bpmn:serviceTask id="t2"><bpmn:extensionElements><zeebe:taskDefinition type="ref.two" />
     <zeebe:ioMapping><zeebe:input source="=amount * 2" target="doubled" /><zeebe:output source="=doubled + 1" target="score" /></zeebe:ioMapping>
     </bpmn:extensionElements>
     <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
   <bpmn:serviceTask id="t3"><bpmn:extensionElements><zeebe:taskDefinition type="ref.three" retries="=2" />
     <zeebe:taskHeaders><zeebe:header key="channel" value="=literal" /></zeebe:taskHeaders></bpmn:extensionElements>
     <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:serviceTask>
   <bpmn:exclusiveGateway id="gw" default="low"><bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>high</bpmn:outgoing><bpmn:outgoing>low</bpmn:outgoing></bpmn:exclusiveGateway>
   <bpmn:endEvent id="end_high"><bpmn:incoming>high</bpmn:incoming></bpmn:endEvent>
   <bpmn:endEvent id="end_low"><bpmn:incoming>low</bpmn:incoming></bpmn:endEvent>
   <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="t1" />
   <bpmn:sequenceFlow id="f1" sourceRef="t1" targetRef="t2" />
   <bpmn:sequenceFlow id="f2" sourceRef="t2" targetRef="t3" />
   <bpmn:sequenceFlow id="f3" sourceRef="t3" targetRef="gw" />
   <bpmn:sequenceFlow id="high" sourceRef="gw" targetRef="end_high"><bpmn:conditionExpression>=score &gt; 100</bpmn:conditionExpression></bpmn:sequenceFlow>
   <bpmn:sequenceFlow id="low" sourceRef="gw" targetRef="end_low" />`,
);

const fork = bpmn(
  'fork',
  `<bpmn:startEvent id="start"><bpmn:outgoing>a</bpmn:outgoing></bpmn:startEvent>
   <bpmn:parallelGateway id="split"><bpmn:incoming>a</bpmn:incoming><bpmn:outgoing>b1</bpmn:outgoing><bpmn:outgoing>b2</bpmn:outgoing></bpmn:parallelGateway>
   <bpmn:serviceTask id="left"><bpmn:extensionElements><zeebe:taskDefinition type="fork.left" /></bpmn:extensionElements><bpmn:incoming>b1</bpmn:incoming><bpmn:outgoing>c1</bpmn:outgoing></bpmn:serviceTask>
   <bpmn:serviceTask id="right"><bpmn:extensionElements><zeebe:taskDefinition type="fork.right" /></bpmn:extensionElements><bpmn:incoming>b2</bpmn:incoming><bpmn:outgoing>c2</bpmn:outgoing></bpmn:serviceTask>
   <bpmn:parallelGateway id="join"><bpmn:incoming>c1</bpmn:incoming><bpmn:incoming>c2</bpmn:incoming><bpmn:outgoing>d</bpmn:outgoing></bpmn:parallelGateway>
   <bpmn:serviceTask id="after"><bpmn:extensionElements><zeebe:taskDefinition type="fork.after" /></bpmn:extensionElements><bpmn:incoming>d</bpmn:incoming></bpmn:serviceTask>
   <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="split" />
   <bpmn:sequenceFlow id="b1" sourceRef="split" targetRef="left" />
   <bpmn:sequenceFlow id="b2" sourceRef="split" targetRef="right" />
   <bpmn:sequenceFlow id="c1" sourceRef="left" targetRef="join" />
   <bpmn:sequenceFlow id="c2" sourceRef="right" targetRef="join" />
   <bpmn:sequenceFlow id="d" sourceRef="join" targetRef="after" />`,
);

describe(`process instances and jobs through the SDK (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
    await p.zeebe.deployResources([
      { name: 'reference.bpmn', process: Buffer.from(reference) },
      { name: 'fork.bpmn', process: Buffer.from(fork) },
      { name: 'single.bpmn', process: Buffer.from(oneTask('single', 'single.work')) },
    ]);
  });
  afterAll(() => p.close());

  const activate = (type: string, extra: Record<string, unknown> = {}) =>
    p.zeebe.activateJobs({
      type,
      worker: 'test-worker',
      maxJobsToActivate: 10,
      timeout: 60_000,
      requestTimeout: -1,
      ...extra,
    } as never);

  it('runs the reference process to completion, with mappings, headers and the gateway', async () => {
    const created = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'reference',
      variables: { amount: 60 },
    });
    expect(created.processInstanceKey).toMatch(/^\d{16}$/);
    expect(created.version).toBe(1);

    const [one] = await activate('ref.one');
    expect(one).toMatchObject({
      type: 'ref.one',
      elementId: 't1',
      retries: 3,
      worker: 'test-worker',
      bpmnProcessId: 'reference',
    });
    expect(one?.processInstanceKey).toBe(created.processInstanceKey);
    expect(one?.variables).toEqual({ amount: 60 });
    await p.zeebe.completeJob({ jobKey: one?.key as string, variables: { checked: true } });

    const [two] = await activate('ref.two');
    expect(two?.variables).toEqual({ amount: 60, checked: true, doubled: 120 });
    await p.zeebe.completeJob({
      jobKey: two?.key as string,
      variables: { ignored: 'dropped by output mappings' },
    });

    const [three] = await activate('ref.three');
    expect(three?.retries).toBe(2);
    expect(three?.customHeaders).toEqual({ channel: '=literal' });
    expect(three?.variables).toEqual({ amount: 60, checked: true, score: 121 });
  });

  it('answers CreateProcessInstanceWithResult when the instance completes', async () => {
    const pending = p.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'single',
      variables: { n: 1 },
      requestTimeout: 20_000,
    });
    let job: { key: string } | undefined;
    for (let i = 0; i < 50 && !job; i++) [job] = await activate('single.work');
    await p.zeebe.completeJob({ jobKey: job?.key as string, variables: { done: 'yes' } });
    const result = await pending;
    expect(result.variables).toEqual({ n: 1, done: 'yes' });
  });

  it('forks and joins: the join waits for both branches', async () => {
    await p.zeebe.createProcessInstance({ bpmnProcessId: 'fork', variables: {} });
    const [left] = await activate('fork.left');
    const [right] = await activate('fork.right');
    await p.zeebe.completeJob({ jobKey: left?.key as string, variables: { l: 1 } });
    expect(await activate('fork.after')).toEqual([]);
    await p.zeebe.completeJob({ jobKey: right?.key as string, variables: { r: 2 } });
    const [after] = await activate('fork.after');
    expect(after?.variables).toEqual({ l: 1, r: 2 });
  });

  it('long-polls: an ActivateJobs call waiting with no jobs gets the job created after it', async () => {
    const waiting = activate('single.work', { requestTimeout: 10_000 });
    await new Promise((r) => setTimeout(r, 200));
    const created = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'single',
      variables: { late: true },
    });
    const jobs = await waiting;
    expect(jobs.map((j) => j.processInstanceKey)).toEqual([created.processInstanceKey]);
  });

  it('given version 0 on the wire (unset, not -1), answers NOT_FOUND as Zeebe does', async () => {
    // The SDK turns 0 into -1 itself, so this asks over raw gRPC.
    const raw = rawGateway(p.platform.zeebeAddress);
    const { error } = await raw.call('CreateProcessInstance', {
      bpmnProcessId: 'single',
      version: 0,
      variables: '{}',
    });
    raw.close();
    expect(error?.code).toBe(NOT_FOUND);
    expect(error?.details).toContain("process ID 'single' and version 0");
  });

  it('given an unknown process, answers NOT_FOUND', async () => {
    await expect(
      p.zeebe.createProcessInstance({ bpmnProcessId: 'nope', variables: {} }),
    ).rejects.toMatchObject({ code: NOT_FOUND });
  });

  it('given an unknown job, CompleteJob answers NOT_FOUND', async () => {
    await expect(p.zeebe.completeJob({ jobKey: '2251799813999999', variables: {} })).rejects.toMatchObject({
      code: NOT_FOUND,
    });
  });

  it('given a blank job type, ActivateJobs answers INVALID_ARGUMENT', async () => {
    await expect(activate(' ')).rejects.toMatchObject({ code: INVALID_ARGUMENT });
  });

  it('given a failure with retries left, the job comes back; at zero it becomes an incident and cannot be completed', async () => {
    await p.zeebe.createProcessInstance({ bpmnProcessId: 'single', variables: { failing: true } });
    let [job] = await activate('single.work');
    await p.zeebe.failJob({
      jobKey: job?.key as string,
      retries: 1,
      errorMessage: 'core banking timed out',
      retryBackOff: 0,
    });
    [job] = await activate('single.work');
    expect(job?.retries).toBe(1);
    await p.zeebe.failJob({
      jobKey: job?.key as string,
      retries: 0,
      errorMessage: 'core banking down',
      retryBackOff: 0,
    });
    expect(await activate('single.work')).toEqual([]);
    await expect(p.zeebe.completeJob({ jobKey: job?.key as string, variables: {} })).rejects.toMatchObject({
      code: FAILED_PRECONDITION,
    });
  });
});
