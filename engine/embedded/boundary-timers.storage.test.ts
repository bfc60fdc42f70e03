import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';

const NOT_FOUND = 5;
const INVALID_ARGUMENT = 3;
const HOUR = 3_600_000;
const T0 = Date.parse('2027-01-04T09:00:00+07:00');

/**
 * A complaint handled by an agent: after 1 hour a reminder goes out (non-interrupting);
 * after 2 hours without completion the case escalates to a supervisor (interrupting).
 */
const handling = bpmn(
  'handling',
  `<bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
   <bpmn:userTask id="handle"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="agents" /></bpmn:extensionElements>
     <bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>done</bpmn:outgoing></bpmn:userTask>
   <bpmn:boundaryEvent id="remind_after_1h" attachedToRef="handle" cancelActivity="false"><bpmn:outgoing>r</bpmn:outgoing>
     <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
   <bpmn:boundaryEvent id="escalate_after_2h" attachedToRef="handle"><bpmn:outgoing>e</bpmn:outgoing>
     <bpmn:timerEventDefinition><bpmn:timeDuration>=escalateAfter</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
   <bpmn:serviceTask id="remind"><bpmn:extensionElements><zeebe:taskDefinition type="handling.remind" /></bpmn:extensionElements><bpmn:incoming>r</bpmn:incoming></bpmn:serviceTask>
   <bpmn:serviceTask id="escalate"><bpmn:extensionElements><zeebe:taskDefinition type="handling.escalate" /></bpmn:extensionElements><bpmn:incoming>e</bpmn:incoming></bpmn:serviceTask>
   <bpmn:endEvent id="end"><bpmn:incoming>done</bpmn:incoming></bpmn:endEvent>
   <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="handle" />
   <bpmn:sequenceFlow id="done" sourceRef="handle" targetRef="end" />
   <bpmn:sequenceFlow id="r" sourceRef="remind_after_1h" targetRef="remind" />
   <bpmn:sequenceFlow id="e" sourceRef="escalate_after_2h" targetRef="escalate" />`,
);

describe(`timer boundary events (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    // This suite activates user-task jobs itself, as a Zeebe client would.
    p = await createPlatform({ without: ['tasks'] });
    await p.zeebe.deployResource({ name: 'handling.bpmn', process: Buffer.from(handling) });
  });
  afterAll(() => p.close());

  const jobs = (type: string, requestTimeout = -1) =>
    p.zeebe.activateJobs({
      type,
      worker: 'w',
      maxJobsToActivate: 10,
      timeout: 10 * HOUR,
      requestTimeout,
    } as never);
  const mine = <T extends { processInstanceKey: string }>(list: T[], key: string) =>
    list.filter((job) => job.processInstanceKey === key);

  it('a non-interrupting timer adds a path while the task goes on; an interrupting one ends the task', async () => {
    p.clock.pin(T0);
    const { processInstanceKey: key } = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'handling',
      variables: { escalateAfter: 'PT2H' },
    });
    const [task] = mine(await jobs('io.camunda.zeebe:userTask'), key);
    expect(task).toBeDefined();

    p.clock.pin(T0 + HOUR);
    expect(mine(await jobs('handling.remind', 5_000), key)).toHaveLength(1);
    expect(mine(await jobs('handling.escalate'), key)).toEqual([]);

    p.clock.pin(T0 + 2 * HOUR);
    expect(mine(await jobs('handling.escalate', 5_000), key)).toHaveLength(1);
    // The agent's task was cancelled by the escalation: completing it now finds no job.
    await expect(p.zeebe.completeJob({ jobKey: task?.key as string, variables: {} })).rejects.toMatchObject({
      code: NOT_FOUND,
    });
    const handled = await p.http.post<{ items: { state: string }[] }>('/v2/element-instances/search', {
      filter: { processInstanceKey: key, elementId: 'handle' },
    });
    expect(handled.body.items).toMatchObject([{ state: 'TERMINATED' }]);
  });

  it('a task completed in time takes its boundary timers with it', async () => {
    p.clock.pin(T0);
    const { processInstanceKey: key } = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'handling',
      variables: { escalateAfter: 'PT2H' },
    });
    const [task] = mine(await jobs('io.camunda.zeebe:userTask'), key);
    await p.zeebe.completeJob({ jobKey: task?.key as string, variables: { resolution: 'refund' } });
    p.clock.pin(T0 + 3 * HOUR);
    await new Promise((r) => setTimeout(r, 300));
    expect(mine(await jobs('handling.remind'), key)).toEqual([]);
    expect(mine(await jobs('handling.escalate'), key)).toEqual([]);
  });

  it('a boundary timer that cannot be evaluated is an incident before any job; resolving it makes one job', async () => {
    p.clock.pin(T0);
    const { processInstanceKey: key } = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'handling',
      variables: {},
    });
    const { body } = await p.http.post<{ items: { incidentKey: string; errorType: string }[] }>(
      '/v2/incidents/search',
      {
        filter: { processInstanceKey: key, state: 'ACTIVE' },
      },
    );
    expect(body.items).toMatchObject([{ errorType: 'EXTRACT_VALUE_ERROR' }]);
    expect(mine(await jobs('io.camunda.zeebe:userTask'), key)).toEqual([]);
    await p.zeebe.setVariables({
      elementInstanceKey: key,
      variables: { escalateAfter: 'PT2H' },
      local: false,
    } as never);
    await p.zeebe.resolveIncident({ incidentKey: body.items[0]?.incidentKey as string });
    expect(mine(await jobs('io.camunda.zeebe:userTask'), key)).toHaveLength(1);
    p.clock.pin(T0 + 2 * HOUR);
    expect(mine(await jobs('handling.escalate', 5_000), key)).toHaveLength(1);
    expect(mine(await jobs('handling.remind'), key)).toHaveLength(1);
  });

  it('given a boundary event on an element that does not wait yet, deploy says so', async () => {
    const xml = bpmn(
      'on_gateway',
      `<bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
       <bpmn:manualTask id="manual"><bpmn:incoming>f0</bpmn:incoming></bpmn:manualTask>
       <bpmn:boundaryEvent id="late" attachedToRef="manual"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
       <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="manual" />`,
    );
    await expect(
      p.zeebe.deployResource({ name: 'on_gateway.bpmn', process: Buffer.from(xml) }),
    ).rejects.toMatchObject({
      code: INVALID_ARGUMENT,
      details: expect.stringContaining("Element 'late'"),
    });
  });
});
