import { describe, expect, it } from 'vitest';
import { compileBpmn } from './compile.ts';
import { bpmn, fakeChecker, fixture, startingWith } from './fixtures/build.ts';
import type { ExecutableProcess } from './types.ts';

async function compileOne(name: string, xml: string | Uint8Array): Promise<ExecutableProcess> {
  const result = await compileBpmn(name, xml, fakeChecker().check);
  expect(result.problems).toEqual([]);
  expect(result.processes).toHaveLength(1);
  return result.processes[0] as ExecutableProcess;
}

describe('compileBpmn, given a process as Desktop Modeler 5 writes it for Camunda 8.8', () => {
  it('compiles the service task: job type, retries, headers and mappings', async () => {
    const process = await compileOne('case-review.bpmn', fixture('case-review.bpmn'));
    expect(process).toMatchObject({
      bpmnProcessId: 'cases-review',
      name: 'Case review',
      startEventId: 'StartEvent_1',
    });
    expect(Object.keys(process.elements)).toEqual([
      'StartEvent_1',
      'Activity_assign',
      'Activity_review',
      'Event_closed',
    ]);
    expect(process.elements.Activity_assign).toEqual({
      id: 'Activity_assign',
      type: 'serviceTask',
      name: 'Assign case',
      incoming: ['Flow_0x1b2c3'],
      outgoing: [{ id: 'Flow_1d4e5f6', sourceId: 'Activity_assign', targetId: 'Activity_review' }],
      inputMappings: [
        { source: { kind: 'expression', source: 'caseId' }, target: 'case.id' },
        { source: { kind: 'static', value: 'contact-centre' }, target: 'queue' },
      ],
      outputMappings: [{ source: { kind: 'expression', source: 'assignee' }, target: 'assignedTo' }],
      job: {
        type: { kind: 'static', value: 'crm.cases.assign' },
        retries: { kind: 'static', value: '5' },
        // A leading '=' in a header stays literal; the header with an empty value is dropped.
        headers: { channel: '=literal', sla: 'PT4H' },
      },
    });
  });

  it('compiles the job-based user task with assignment, schedule, form, headers and mappings', async () => {
    const process = await compileOne('case-review.bpmn', fixture('case-review.bpmn'));
    expect(process.elements.Activity_review).toEqual({
      id: 'Activity_review',
      type: 'userTask',
      name: 'Review case',
      incoming: ['Flow_1d4e5f6'],
      outgoing: [{ id: 'Flow_2g7h8i9', sourceId: 'Activity_review', targetId: 'Event_closed' }],
      inputMappings: [{ source: { kind: 'expression', source: 'case.subject' }, target: 'subject' }],
      outputMappings: [{ source: { kind: 'expression', source: 'decision' }, target: 'review.decision' }],
      job: {
        type: { kind: 'static', value: 'io.camunda.zeebe:userTask' },
        retries: { kind: 'static', value: '1' },
        headers: { priority: 'high' },
      },
      userTask: {
        assignee: { kind: 'expression', source: 'assignedTo' },
        candidateGroups: { kind: 'static', value: 'supervisors, agents' },
        candidateUsers: { kind: 'expression', source: '["rm1", lead]' },
        dueDate: { kind: 'expression', source: 'slaDueAt' },
        followUpDate: { kind: 'static', value: '2025-07-01T09:00:00+07:00[Asia/Jakarta]' },
        formId: 'case-review-form',
      },
    });
  });

  it('compiles the events and connects every flow', async () => {
    const process = await compileOne('case-review.bpmn', fixture('case-review.bpmn'));
    expect(process.elements.StartEvent_1).toEqual({
      id: 'StartEvent_1',
      type: 'startEvent',
      name: 'Case opened',
      incoming: [],
      outgoing: [{ id: 'Flow_0x1b2c3', sourceId: 'StartEvent_1', targetId: 'Activity_assign' }],
      inputMappings: [],
      outputMappings: [],
    });
    expect(process.elements.Event_closed).toMatchObject({
      type: 'endEvent',
      incoming: ['Flow_2g7h8i9'],
      outgoing: [],
    });
    expect(process.flows).toEqual({
      Flow_0x1b2c3: { id: 'Flow_0x1b2c3', sourceId: 'StartEvent_1', targetId: 'Activity_assign' },
      Flow_1d4e5f6: { id: 'Flow_1d4e5f6', sourceId: 'Activity_assign', targetId: 'Activity_review' },
      Flow_2g7h8i9: { id: 'Flow_2g7h8i9', sourceId: 'Activity_review', targetId: 'Event_closed' },
    });
  });

  it('checks every FEEL expression with the injected checker, without the leading =', async () => {
    const { check, checked } = fakeChecker();
    await compileBpmn('case-review.bpmn', fixture('case-review.bpmn'), check);
    expect(checked.sort()).toEqual(
      ['["rm1", lead]', 'assignedTo', 'assignee', 'caseId', 'case.subject', 'decision', 'slaDueAt'].sort(),
    );
  });

  it('reads text as well as bytes, and survives a byte-order mark', async () => {
    const text = new TextDecoder().decode(fixture('case-review.bpmn'));
    const process = await compileOne('case-review.bpmn', `\uFEFF${text}`);
    expect(process.bpmnProcessId).toBe('cases-review');
  });
});

describe('compileBpmn, given gateways', () => {
  it('keeps exclusive gateway conditions without the =, in reverse XML order, with the default flow', async () => {
    const process = await compileOne('gateways.bpmn', fixture('gateways.bpmn'));
    expect(process.elements.amount).toMatchObject({
      type: 'exclusiveGateway',
      name: 'Amount?',
      defaultFlowId: 'f_small',
      outgoing: [
        {
          id: 'f_medium',
          sourceId: 'amount',
          targetId: 'merge',
          condition: 'budget > 1000 and channel = "sms"',
        },
        { id: 'f_small', sourceId: 'amount', targetId: 'merge' },
        { id: 'f_large', sourceId: 'amount', targetId: 'fork', condition: 'budget > 1000000' },
      ],
    });
    expect(process.flows.f_small?.condition).toBeUndefined();
    expect(process.elements.merge).toMatchObject({
      incoming: ['f_small', 'f_medium', 'f_joined'],
      outgoing: [{ id: 'f_end' }],
    });
  });

  it('forks and joins parallel gateways; send and script tasks run as jobs', async () => {
    const process = await compileOne('gateways.bpmn', fixture('gateways.bpmn'));
    expect(process.elements.fork).toMatchObject({
      type: 'parallelGateway',
      incoming: ['f_large'],
      outgoing: [{ id: 'f_marketing' }, { id: 'f_compliance' }],
    });
    expect(process.elements.join).toMatchObject({
      type: 'parallelGateway',
      incoming: ['f_compliance_done', 'f_marketing_done'],
      outgoing: [{ id: 'f_joined', targetId: 'merge' }],
    });
    expect(process.elements.compliance).toMatchObject({
      type: 'manualTask',
      outgoing: [{ targetId: 'join' }],
    });
    expect(process.elements.compliance?.job).toBeUndefined();
    expect(process.elements.marketing?.job).toEqual({
      type: { kind: 'expression', source: '"crm.notifications." + channel' },
      retries: { kind: 'expression', source: 'retryBudget' },
      headers: {},
    });
    expect(process.elements.publish).toMatchObject({
      type: 'scriptTask',
      outgoing: [],
      job: {
        type: { kind: 'static', value: 'crm.campaigns.publish' },
        retries: { kind: 'static', value: '3' },
      },
    });
  });

  // Checked against Zeebe 8.8's engine: with every condition true, it takes the last flow in the
  // document, whatever order <bpmn:outgoing> lists; with a null condition first, it reports the last.
  it('orders outgoing flows in reverse document order, whatever <bpmn:outgoing> says, as Zeebe does', async () => {
    const xml = bpmn(`
      <bpmn:startEvent id="start" />
      <bpmn:exclusiveGateway id="gw"><bpmn:outgoing>b</bpmn:outgoing><bpmn:outgoing>a</bpmn:outgoing></bpmn:exclusiveGateway>
      <bpmn:manualTask id="x" /><bpmn:manualTask id="y" />
      <bpmn:sequenceFlow id="s" sourceRef="start" targetRef="gw" />
      <bpmn:sequenceFlow id="a" sourceRef="gw" targetRef="x"><bpmn:conditionExpression>=p</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="b" sourceRef="gw" targetRef="y"><bpmn:conditionExpression>=q</bpmn:conditionExpression></bpmn:sequenceFlow>`);
    const process = await compileOne('order.bpmn', xml);
    expect(process.elements.gw?.outgoing.map((flow) => flow.id)).toEqual(['b', 'a']);
  });

  it('without <bpmn:outgoing>, orders outgoing flows in reverse document order too', async () => {
    const xml = bpmn(`
      <bpmn:startEvent id="start" />
      <bpmn:exclusiveGateway id="gw" />
      <bpmn:manualTask id="x" /><bpmn:manualTask id="y" /><bpmn:manualTask id="z" />
      <bpmn:sequenceFlow id="s" sourceRef="start" targetRef="gw" />
      <bpmn:sequenceFlow id="c" sourceRef="gw" targetRef="z"><bpmn:conditionExpression>=r</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="a" sourceRef="gw" targetRef="x"><bpmn:conditionExpression>=p</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="b" sourceRef="gw" targetRef="y"><bpmn:conditionExpression>=q</bpmn:conditionExpression></bpmn:sequenceFlow>`);
    const process = await compileOne('reverse.bpmn', xml);
    expect(process.elements.gw?.outgoing.map((flow) => flow.id)).toEqual(['b', 'a', 'c']);
  });

  it('accepts a condition on the default flow but drops it: Zeebe never evaluates it', async () => {
    const xml = bpmn(`
      <bpmn:startEvent id="start" />
      <bpmn:exclusiveGateway id="gw" default="b" />
      <bpmn:manualTask id="x" /><bpmn:manualTask id="y" />
      <bpmn:sequenceFlow id="s" sourceRef="start" targetRef="gw" />
      <bpmn:sequenceFlow id="a" sourceRef="gw" targetRef="x"><bpmn:conditionExpression>=p</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="b" sourceRef="gw" targetRef="y"><bpmn:conditionExpression>=q</bpmn:conditionExpression></bpmn:sequenceFlow>`);
    const process = await compileOne('default.bpmn', xml);
    expect(process.elements.gw?.defaultFlowId).toBe('b');
    expect(process.flows.b).toEqual({ id: 'b', sourceId: 'gw', targetId: 'y' });
  });

  it('takes a single flow without a condition, and lets a gateway without outgoing flows end', async () => {
    const xml = startingWith('gw', `<bpmn:exclusiveGateway id="gw" />`);
    const process = await compileOne('implicit-end.bpmn', xml);
    expect(process.elements.gw).toMatchObject({ incoming: ['to_gw'], outgoing: [] });
  });
});

describe('compileBpmn, given several processes in one resource', () => {
  it('compiles every executable process and ignores the others', async () => {
    const xml = bpmn('<bpmn:startEvent id="s1" />', 'first').replace(
      '</bpmn:definitions>',
      `<bpmn:process id="second" isExecutable="true"><bpmn:startEvent id="s2" /></bpmn:process>
       <bpmn:process id="sketch" isExecutable="false"><bpmn:task id="idea" /></bpmn:process>
       </bpmn:definitions>`,
    );
    const result = await compileBpmn('many.bpmn', xml, fakeChecker().check);
    expect(result.problems).toEqual([]);
    expect(result.processes.map((process) => [process.bpmnProcessId, process.startEventId])).toEqual([
      ['first', 's1'],
      ['second', 's2'],
    ]);
  });
});
