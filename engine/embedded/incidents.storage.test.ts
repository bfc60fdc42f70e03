import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, oneTask } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';

const NOT_FOUND = 5;
const FAILED_PRECONDITION = 9;

const routing = bpmn(
  'routing',
  `<bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
   <bpmn:exclusiveGateway id="by_risk"><bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>high</bpmn:outgoing><bpmn:outgoing>low</bpmn:outgoing></bpmn:exclusiveGateway>
   <bpmn:serviceTask id="escalate"><bpmn:extensionElements><zeebe:taskDefinition type="routing.escalate" /></bpmn:extensionElements><bpmn:incoming>high</bpmn:incoming></bpmn:serviceTask>
   <bpmn:serviceTask id="queue"><bpmn:extensionElements><zeebe:taskDefinition type="routing.queue" /></bpmn:extensionElements><bpmn:incoming>low</bpmn:incoming></bpmn:serviceTask>
   <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="by_risk" />
   <bpmn:sequenceFlow id="high" sourceRef="by_risk" targetRef="escalate"><bpmn:conditionExpression>=riskScore &gt; 70</bpmn:conditionExpression></bpmn:sequenceFlow>
   <bpmn:sequenceFlow id="low" sourceRef="by_risk" targetRef="queue"><bpmn:conditionExpression>=riskScore &lt; 30</bpmn:conditionExpression></bpmn:sequenceFlow>`,
);

const mapped = bpmn(
  'mapped',
  `<bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
   <bpmn:serviceTask id="score"><bpmn:extensionElements><zeebe:taskDefinition type="mapped.score" />
     <zeebe:ioMapping><zeebe:output source="=assert(risk, risk != null)" target="riskLevel" /></zeebe:ioMapping>
   </bpmn:extensionElements><bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>f1</bpmn:outgoing></bpmn:serviceTask>
   <bpmn:serviceTask id="next"><bpmn:extensionElements><zeebe:taskDefinition type="mapped.next" /></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming></bpmn:serviceTask>
   <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="score" />
   <bpmn:sequenceFlow id="f1" sourceRef="score" targetRef="next" />`,
);

describe(`incidents and their resolution (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
    await p.zeebe.deployResources([
      { name: 'single.bpmn', process: Buffer.from(oneTask('single', 'incident.work')) },
      { name: 'routing.bpmn', process: Buffer.from(routing) },
      { name: 'mapped.bpmn', process: Buffer.from(mapped) },
    ]);
  });
  afterAll(() => p.close());

  const activate = (type: string) =>
    p.zeebe.activateJobs({
      type,
      worker: 'w',
      maxJobsToActivate: 5,
      timeout: 60_000,
      requestTimeout: -1,
    } as never);
  const incidents = async (processInstanceKey: string, state = 'ACTIVE') =>
    (
      await p.http.post<{ items: Record<string, string>[] }>('/v2/incidents/search', {
        filter: { processInstanceKey, state },
      })
    ).body.items;

  it('JOB_NO_RETRIES: resolving is refused until retries are raised, then the job runs again', async () => {
    const instance = await p.zeebe.createProcessInstance({ bpmnProcessId: 'single', variables: {} });
    const [job] = await activate('incident.work');
    await p.zeebe.failJob({
      jobKey: job?.key as string,
      retries: 0,
      errorMessage: 'core banking down',
      retryBackOff: 0,
    });
    const [incident] = await incidents(instance.processInstanceKey);
    expect(incident).toMatchObject({
      errorType: 'JOB_NO_RETRIES',
      errorMessage: 'core banking down',
      jobKey: job?.key,
      elementId: 'task',
    });

    await expect(
      p.zeebe.resolveIncident({ incidentKey: incident?.incidentKey as string }),
    ).rejects.toMatchObject({
      code: FAILED_PRECONDITION,
    });
    await p.zeebe.updateJobRetries({ jobKey: job?.key as string, retries: 2 });
    expect(await activate('incident.work')).toEqual([]); // still waits for the incident
    await p.zeebe.resolveIncident({ incidentKey: incident?.incidentKey as string });
    const [again] = await activate('incident.work');
    expect(again).toMatchObject({ key: job?.key, retries: 2 });
    expect(await incidents(instance.processInstanceKey)).toEqual([]);
    await expect(
      p.zeebe.resolveIncident({ incidentKey: incident?.incidentKey as string }),
    ).rejects.toMatchObject({
      code: NOT_FOUND,
    });
  });

  it('a null condition is an incident, not false; after SetVariables, resolving takes the right flow', async () => {
    const instance = await p.zeebe.createProcessInstance({ bpmnProcessId: 'routing', variables: {} });
    const [incident] = await incidents(instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'by_risk' });
    expect(incident?.errorMessage).toContain(
      "Expected result of the expression 'riskScore < 30' to be 'BOOLEAN', but was 'NULL'.",
    );

    await p.zeebe.setVariables({
      elementInstanceKey: instance.processInstanceKey,
      variables: { riskScore: 85 },
      local: false,
    });
    await p.zeebe.resolveIncident({ incidentKey: incident?.incidentKey as string });
    const [job] = await activate('routing.escalate');
    expect(job?.processInstanceKey).toBe(instance.processInstanceKey);
  });

  it('no condition true and no default flow raises CONDITION_ERROR', async () => {
    const instance = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'routing',
      variables: { riskScore: 50 },
    });
    const [incident] = await incidents(instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'CONDITION_ERROR', elementId: 'by_risk' });
  });

  it('a failing output mapping raises IO_MAPPING_ERROR; resolving retries the mapping with the job result kept', async () => {
    const instance = await p.zeebe.createProcessInstance({ bpmnProcessId: 'mapped', variables: {} });
    const [job] = await activate('mapped.score');
    await p.zeebe.completeJob({ jobKey: job?.key as string, variables: { other: 1 } });
    const [incident] = await incidents(instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'IO_MAPPING_ERROR', elementId: 'score' });

    await p.zeebe.setVariables({
      elementInstanceKey: instance.processInstanceKey,
      variables: { risk: 'LOW' },
      local: false,
    });
    await p.zeebe.resolveIncident({ incidentKey: incident?.incidentKey as string });
    const [next] = await activate('mapped.next');
    expect(next?.variables).toEqual({ risk: 'LOW', riskLevel: 'LOW' });
  });

  it('an uncaught ThrowError raises UNHANDLED_ERROR_EVENT; resolving gives the job back', async () => {
    const instance = await p.zeebe.createProcessInstance({ bpmnProcessId: 'single', variables: {} });
    const [job] = await activate('incident.work');
    await p.zeebe.throwError({
      jobKey: job?.key as string,
      errorCode: 'NIK_MISMATCH',
      errorMessage: 'NIK tidak cocok',
    });
    const [incident] = await incidents(instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', jobKey: job?.key });
    expect(incident?.errorMessage).toBe(
      "Expected to throw an error event with the code 'NIK_MISMATCH' with message 'NIK tidak cocok', but it was not caught. No error events are available in the scope.",
    );
    await p.zeebe.resolveIncident({ incidentKey: incident?.incidentKey as string });
    const [again] = await activate('incident.work');
    expect(again?.key).toBe(job?.key);
  });

  it('a user task linked to a form that is not deployed raises FORM_NOT_FOUND', async () => {
    const xml = bpmn(
      'with_form',
      `<bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
       <bpmn:userTask id="review"><bpmn:extensionElements><zeebe:formDefinition formId="review-form" /></bpmn:extensionElements>
         <bpmn:incoming>f0</bpmn:incoming></bpmn:userTask>
       <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="review" />`,
    );
    await p.zeebe.deployResource({ name: 'with_form.bpmn', process: Buffer.from(xml) });
    const instance = await p.zeebe.createProcessInstance({ bpmnProcessId: 'with_form', variables: {} });
    const [incident] = await incidents(instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'FORM_NOT_FOUND', elementId: 'review' });
    expect(incident?.errorMessage).toContain("Expected to find a form with id 'review-form'");
  });

  it('cancelling an instance resolves its incidents', async () => {
    const instance = await p.zeebe.createProcessInstance({ bpmnProcessId: 'routing', variables: {} });
    expect(await incidents(instance.processInstanceKey)).toHaveLength(1);
    await p.zeebe.cancelProcessInstance(instance.processInstanceKey);
    expect(await incidents(instance.processInstanceKey)).toEqual([]);
    expect(await incidents(instance.processInstanceKey, 'RESOLVED')).toHaveLength(1);
  });
});
