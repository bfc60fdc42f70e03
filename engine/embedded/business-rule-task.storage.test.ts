import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn } from '../../tests/fixtures/bpmn/build.ts';
import { dmnFixture } from '../../tests/fixtures/dmn/read.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';

/**
 * Complaint intake: the routing decision picks a queue and an SLA from the complaint's
 * category, channel and amount (input mappings flatten the complaint); an SLA of 8 hours or
 * less escalates to a supervisor, anything else joins the queue.
 */
const intake = bpmn(
  'complaint-intake',
  `<bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
   <bpmn:businessRuleTask id="route" name="Route complaint">
     <bpmn:extensionElements>
       <zeebe:calledDecision decisionId="complaintRouting" resultVariable="routing" />
       <zeebe:ioMapping>
         <zeebe:input source="=complaint.category" target="category" />
         <zeebe:input source="=complaint.channel" target="channel" />
         <zeebe:input source="=complaint.amountIdr" target="amountIdr" />
       </zeebe:ioMapping>
     </bpmn:extensionElements>
     <bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>f1</bpmn:outgoing>
   </bpmn:businessRuleTask>
   <bpmn:exclusiveGateway id="by_sla" default="to_queue"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>urgent</bpmn:outgoing><bpmn:outgoing>to_queue</bpmn:outgoing></bpmn:exclusiveGateway>
   <bpmn:serviceTask id="escalate"><bpmn:extensionElements><zeebe:taskDefinition type="intake.escalate" /></bpmn:extensionElements><bpmn:incoming>urgent</bpmn:incoming></bpmn:serviceTask>
   <bpmn:serviceTask id="enqueue"><bpmn:extensionElements><zeebe:taskDefinition type="intake.enqueue" /></bpmn:extensionElements><bpmn:incoming>to_queue</bpmn:incoming></bpmn:serviceTask>
   <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="route" />
   <bpmn:sequenceFlow id="f1" sourceRef="route" targetRef="by_sla" />
   <bpmn:sequenceFlow id="urgent" sourceRef="by_sla" targetRef="escalate"><bpmn:conditionExpression>=routing.slaHours &lt;= 8</bpmn:conditionExpression></bpmn:sequenceFlow>
   <bpmn:sequenceFlow id="to_queue" sourceRef="by_sla" targetRef="enqueue" />`,
);

/** A rule task alone, then the end: for what lands in the root scope (with-result answers). */
const alone = (id: string, extensions: string) =>
  bpmn(
    id,
    `<bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
     <bpmn:businessRuleTask id="decide"><bpmn:extensionElements>${extensions}</bpmn:extensionElements>
       <bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>f1</bpmn:outgoing></bpmn:businessRuleTask>
     <bpmn:endEvent id="end"><bpmn:incoming>f1</bpmn:incoming></bpmn:endEvent>
     <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="decide" />
     <bpmn:sequenceFlow id="f1" sourceRef="decide" targetRef="end" />`,
  );

const riskWithMappings = alone(
  'risk-mapped',
  `<zeebe:calledDecision decisionId="=scoringModel" resultVariable="score" />
   <zeebe:ioMapping><zeebe:output source="=score &gt;= 50" target="enhancedDueDiligence" /></zeebe:ioMapping>`,
);
const waiver = alone(
  'waiver',
  `<zeebe:calledDecision decisionId="feeWaiver" resultVariable="waiver" />
   <zeebe:ioMapping>
     <zeebe:input source="=customer.segment" target="segment" />
     <zeebe:input source="=customer.months" target="monthsAsCustomer" />
   </zeebe:ioMapping>`,
);
const byWorker = alone('scored-by-worker', '<zeebe:taskDefinition type="crm.onboarding.score" />');

describe(`business rule tasks (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
    await p.zeebe.deployResources([
      { name: 'complaint-routing.dmn', decision: Buffer.from(dmnFixture('complaint-routing')) },
      { name: 'risk-score.dmn', decision: Buffer.from(dmnFixture('risk-score')) },
      { name: 'complaint-intake.bpmn', process: Buffer.from(intake) },
      { name: 'risk-mapped.bpmn', process: Buffer.from(riskWithMappings) },
      { name: 'waiver.bpmn', process: Buffer.from(waiver) },
      { name: 'scored-by-worker.bpmn', process: Buffer.from(byWorker) },
    ]);
  });
  afterAll(() => p.close());

  const activate = async (type: string, processInstanceKey: string) =>
    (
      await p.zeebe.activateJobs({
        type,
        worker: 'w',
        maxJobsToActivate: 10,
        timeout: 60_000,
        requestTimeout: -1,
      } as never)
    ).filter((job) => job.processInstanceKey === processInstanceKey);
  const incidents = async (processInstanceKey: string, state = 'ACTIVE') =>
    (
      await p.http.post<{ items: Record<string, string>[] }>('/v2/incidents/search', {
        filter: { processInstanceKey, state },
      })
    ).body.items;

  it('given a fraud complaint, the decision routes it to the fraud desk and the gateway escalates', async () => {
    const complaint = { category: 'fraud', channel: 'mobile', amountIdr: 2_500_000 };
    const { processInstanceKey } = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'complaint-intake',
      variables: { complaint },
    });
    const [job] = await activate('intake.escalate', processInstanceKey);
    // The result propagated to the root; the input mappings' locals stayed in the task.
    expect(job?.variables).toEqual({ complaint, routing: { queue: 'fraud-desk', slaHours: 4 } });
    expect(await activate('intake.enqueue', processInstanceKey)).toEqual([]);
  });

  it('given a card complaint at a branch, the default flow queues it with a 48-hour SLA', async () => {
    const complaint = { category: 'card', channel: 'branch', amountIdr: 150_000 };
    const { processInstanceKey } = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'complaint-intake',
      variables: { complaint },
    });
    const [job] = await activate('intake.enqueue', processInstanceKey);
    expect(job?.variables.routing).toEqual({ queue: 'branch-service', slaHours: 48 });
  });

  it('with output mappings only their results leave the task; the decision id may be an expression', async () => {
    const result = await p.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'risk-mapped',
      variables: {
        scoringModel: 'customerRiskScore',
        isPep: false,
        occupation: 'money-changer',
        monthlyTurnoverIdr: 750_000_000,
        hasCrossBorderTransfers: true,
      },
    });
    expect(result.variables).toMatchObject({ enhancedDueDiligence: true });
    expect(result.variables).not.toHaveProperty('score');
  });

  it('given an unknown decision, raises CALLED_DECISION_ERROR; after deploying it, resolving evaluates it', async () => {
    const { processInstanceKey } = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'waiver',
      variables: { customer: { segment: 'mass', months: 80 } },
    });
    const [incident] = await incidents(processInstanceKey);
    expect(incident).toMatchObject({
      errorType: 'CALLED_DECISION_ERROR',
      elementId: 'decide',
      errorMessage: "Expected to evaluate decision 'feeWaiver', but no decision found for id 'feeWaiver'",
    });
    await p.zeebe.deployResource({ name: 'fee-waiver.dmn', decision: Buffer.from(dmnFixture('fee-waiver')) });
    await p.zeebe.resolveIncident({ incidentKey: incident?.incidentKey as string });
    expect(await incidents(processInstanceKey)).toEqual([]);
    const variables = await rootVariables(processInstanceKey);
    expect(variables).toMatchObject({ waiver: '"half"' });
    expect(variables).not.toHaveProperty('monthsAsCustomer');
  });

  it('given a failing evaluation, raises DECISION_EVALUATION_ERROR; resolving re-runs the input mappings', async () => {
    const { processInstanceKey } = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'waiver',
      variables: { customer: { segment: 'priority', months: 72 } },
    });
    const [incident] = await incidents(processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'DECISION_EVALUATION_ERROR', elementId: 'decide' });
    expect(incident?.errorMessage).toContain(
      "Expected to evaluate decision 'feeWaiver', but multiple values aren't allowed for UNIQUE hit policy",
    );
    // The customer's tenure was mistyped: corrected at the root, the mapping must read it again.
    await p.zeebe.setVariables({
      elementInstanceKey: processInstanceKey,
      variables: { customer: { segment: 'priority', months: 12 } },
      local: false,
    });
    await p.zeebe.resolveIncident({ incidentKey: incident?.incidentKey as string });
    expect(await incidents(processInstanceKey)).toEqual([]);
    expect(await incidents(processInstanceKey, 'RESOLVED')).toHaveLength(1);
    expect(await rootVariables(processInstanceKey)).toMatchObject({ waiver: '"full"' });
  });

  it('given a decision id expression that is no string, raises EXTRACT_VALUE_ERROR', async () => {
    const { processInstanceKey } = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'risk-mapped',
      variables: { scoringModel: 42 },
    });
    const [incident] = await incidents(processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'decide' });
    expect(incident?.errorMessage).toContain(
      "Expected result of the expression 'scoringModel' to be 'STRING', but was 'NUMBER'.",
    );
  });

  it('with zeebe:taskDefinition instead, it is a job for a worker', async () => {
    const { processInstanceKey } = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'scored-by-worker',
      variables: { nik: '3171234567890001' },
    });
    const [job] = await activate('crm.onboarding.score', processInstanceKey);
    expect(job).toMatchObject({ elementId: 'decide', retries: 3, customHeaders: {} });
    await p.zeebe.completeJob({ jobKey: job?.key as string, variables: { score: 15 } });
    expect(await rootVariables(processInstanceKey)).toMatchObject({ score: '15' });
  });

  /** Root-scope variables as the /v2 read API returns them (values are JSON text). */
  async function rootVariables(processInstanceKey: string): Promise<Record<string, string>> {
    const response = await p.http.post<{ items: { name: string; value: string; scopeKey: string }[] }>(
      '/v2/variables/search',
      { filter: { processInstanceKey, scopeKey: processInstanceKey } },
    );
    return Object.fromEntries(response.body.items.map((item) => [item.name, item.value]));
  }
});
