import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, flows, task } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';

const NOT_FOUND = 5;
const HOUR = 3_600_000;
const T0 = Date.parse('2027-02-01T09:00:00+07:00');
const timer = (duration: string) =>
  `<bpmn:timerEventDefinition><bpmn:timeDuration>${duration}</bpmn:timeDuration></bpmn:timerEventDefinition>`;

/** Document check as a sub-process: its note is local, only the mapped result leaves it. */
const documents = bpmn(
  'documents',
  `<bpmn:startEvent id="start" />
   <bpmn:subProcess id="check">
     <bpmn:extensionElements><zeebe:ioMapping>
       <zeebe:input source="=&quot;&quot;" target="checkNote" />
       <zeebe:input source="=complaint.channel" target="channel" />
       <zeebe:output source="=checkNote" target="documentNote" />
     </zeebe:ioMapping></bpmn:extensionElements>
     <bpmn:startEvent id="check_start" />
     ${task('read', 'scopes.read-documents')}
     <bpmn:endEvent id="check_end" />
     ${flows('check_start>read', 'read>check_end')}
   </bpmn:subProcess>
   <bpmn:boundaryEvent id="too_slow" attachedToRef="check">${timer('PT2H')}</bpmn:boundaryEvent>
   ${task('escalate', 'scopes.escalate')}
   <bpmn:endEvent id="end" />
   ${flows('start>check', 'check>end', 'too_slow>escalate')}`,
);

/** Two parallel paths; the fraud path ends the whole instance with a terminate end event. */
const screening = bpmn(
  'screening',
  `<bpmn:startEvent id="start" />
   <bpmn:parallelGateway id="fork" />
   ${task('interview', 'scopes.interview')}
   ${task('fraud_check', 'scopes.fraud-check')}
   <bpmn:exclusiveGateway id="fraud" default="fraud-clean" />
   <bpmn:endEvent id="stop_all"><bpmn:terminateEventDefinition /></bpmn:endEvent>
   <bpmn:endEvent id="clean_end" />
   <bpmn:endEvent id="interview_end" />
   ${flows('start>fork', 'fork>interview', 'fork>fraud_check', 'fraud_check>fraud', 'interview>interview_end')}
   <bpmn:sequenceFlow id="fraud-stop" sourceRef="fraud" targetRef="stop_all"><bpmn:conditionExpression>=fraudSuspected</bpmn:conditionExpression></bpmn:sequenceFlow>
   <bpmn:sequenceFlow id="fraud-clean" sourceRef="fraud" targetRef="clean_end" />`,
);

/**
 * A complaint with two event sub-processes: after 1 hour a reminder runs beside the work
 * (non-interrupting, at process level); inside the handling sub-process, an SLA breach after
 * 4 hours interrupts the work and hands the case to a supervisor.
 */
const sla = bpmn(
  'sla',
  `<bpmn:startEvent id="start" />
   <bpmn:subProcess id="handling">
     <bpmn:startEvent id="handling_start" />
     ${task('work', 'scopes.sla-work')}
     <bpmn:endEvent id="handling_end" />
     ${flows('handling_start>work', 'work>handling_end')}
     <bpmn:subProcess id="breach" triggeredByEvent="true">
       <bpmn:startEvent id="breach_start">${timer('PT4H')}</bpmn:startEvent>
       ${task('supervisor', 'scopes.sla-supervisor')}
       <bpmn:endEvent id="breach_end" />
       ${flows('breach_start>supervisor', 'supervisor>breach_end')}
     </bpmn:subProcess>
   </bpmn:subProcess>
   ${task('close', 'scopes.sla-close')}
   <bpmn:endEvent id="end" />
   ${flows('start>handling', 'handling>close', 'close>end')}
   <bpmn:subProcess id="reminder" triggeredByEvent="true">
     <bpmn:startEvent id="reminder_start" isInterrupting="false">${timer('PT1H')}</bpmn:startEvent>
     ${task('remind', 'scopes.sla-remind')}
     <bpmn:endEvent id="reminder_end" />
     ${flows('reminder_start>remind', 'remind>reminder_end')}
   </bpmn:subProcess>`,
);

/**
 * A fork in a sub-process whose first branch ends at once (an unwatched case): the sub-process
 * waits for the other branch, as Zeebe counts the flows taken but not yet followed as tokens.
 */
const watching = bpmn(
  'watching',
  `<bpmn:startEvent id="start" />
   <bpmn:subProcess id="handling">
     <bpmn:startEvent id="handling_start" />
     <bpmn:parallelGateway id="fork" />
     <bpmn:exclusiveGateway id="watch" default="watch-unwatched" />
     <bpmn:endEvent id="unwatched" />
     ${task('work', 'scopes.watching-work')}
     <bpmn:endEvent id="worked" />
     ${flows('handling_start>fork', 'fork>work', 'fork>watch', 'work>worked')}
     <bpmn:sequenceFlow id="watch-unwatched" sourceRef="watch" targetRef="unwatched" />
   </bpmn:subProcess>
   ${task('after', 'scopes.watching-after')}
   <bpmn:endEvent id="end" />
   ${flows('start>handling', 'handling>after', 'after>end')}`,
);

describe(`sub-processes, terminate end events and event sub-processes (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let engine: ReturnType<typeof probe>;
  beforeAll(async () => {
    p = await createPlatform();
    engine = probe(p);
    await engine.deploy({ documents, screening, sla, watching });
  });
  afterAll(() => p.close());

  it('an embedded sub-process keeps its locals; only its output mappings reach the process', async () => {
    p.clock.pin(T0);
    const created = p.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'documents',
      variables: { complaint: { channel: 'branch', amount: 2_500_000 } },
    });
    const [job] = await engine.jobs('scopes.read-documents', undefined, 5_000);
    expect(job?.variables).toMatchObject({ checkNote: '', channel: 'branch' });
    await p.zeebe.completeJob({
      jobKey: job?.key as string,
      variables: { checkNote: 'KTP dan mutasi rekening lengkap' },
    });
    const result = await created;
    expect(result.variables).toEqual({
      complaint: { channel: 'branch', amount: 2_500_000 },
      documentNote: 'KTP dan mutasi rekening lengkap',
    });
    expect(await engine.trail(result.processInstanceKey)).toEqual([
      'start:COMPLETED',
      'check:COMPLETED',
      'check_start:COMPLETED',
      'read:COMPLETED',
      'check_end:COMPLETED',
      'end:COMPLETED',
    ]);
  });

  it('a fork whose first branch ends at once leaves the sub-process waiting for the other branch', async () => {
    const { processInstanceKey: key } = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'watching',
      variables: {},
    });
    const [work] = await engine.jobs('scopes.watching-work', key);
    expect(await engine.trail(key)).toEqual([
      'start:COMPLETED',
      'handling:ACTIVE',
      'handling_start:COMPLETED',
      'fork:COMPLETED',
      'watch:COMPLETED',
      'unwatched:COMPLETED',
      'work:ACTIVE',
    ]);
    expect(await engine.jobs('scopes.watching-after', key, 300)).toEqual([]);
    await p.zeebe.completeJob({ jobKey: work?.key as string, variables: { resolution: 'done' } });
    const [after] = await engine.jobs('scopes.watching-after', key, 5_000);
    expect(after?.variables).toMatchObject({ resolution: 'done' });
  });

  it('a timer on a sub-process interrupts everything inside it', async () => {
    p.clock.pin(T0);
    const { processInstanceKey: key } = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'documents',
      variables: { complaint: { channel: 'call-center' } },
    });
    const [job] = await engine.jobs('scopes.read-documents', key);
    p.clock.pin(T0 + 2 * HOUR);
    expect(await engine.jobs('scopes.escalate', key, 5_000)).toHaveLength(1);
    await expect(p.zeebe.completeJob({ jobKey: job?.key as string, variables: {} })).rejects.toMatchObject({
      code: NOT_FOUND,
    });
    expect(await engine.trail(key)).toEqual([
      'start:COMPLETED',
      'check:TERMINATED',
      'check_start:COMPLETED',
      'read:TERMINATED',
      'too_slow:COMPLETED',
      'escalate:ACTIVE',
    ]);
  });

  it('a terminate end event ends the other paths and completes the instance', async () => {
    const created = p.zeebe.createProcessInstanceWithResult({ bpmnProcessId: 'screening', variables: {} });
    const [interview] = await engine.jobs('scopes.interview', undefined, 5_000);
    const [fraud] = await engine.jobs('scopes.fraud-check', undefined, 5_000);
    await p.zeebe.completeJob({ jobKey: fraud?.key as string, variables: { fraudSuspected: true } });
    const result = await created;
    expect(result.variables).toEqual({ fraudSuspected: true });
    expect(await engine.instanceState(result.processInstanceKey)).toBe('COMPLETED');
    await expect(
      p.zeebe.completeJob({ jobKey: interview?.key as string, variables: {} }),
    ).rejects.toMatchObject({
      code: NOT_FOUND,
    });
    const trail = await engine.trail(result.processInstanceKey);
    expect(trail).toContain('interview:TERMINATED');
    expect(trail).toContain('stop_all:COMPLETED');
  });

  it('a non-interrupting timer event sub-process runs beside the work; the instance waits for both', async () => {
    p.clock.pin(T0);
    const { processInstanceKey: key } = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'sla',
      variables: {},
    });
    const [work] = await engine.jobs('scopes.sla-work', key);
    p.clock.pin(T0 + HOUR);
    const [remind] = await engine.jobs('scopes.sla-remind', key, 5_000);
    expect(remind).toBeDefined();
    await p.zeebe.completeJob({ jobKey: work?.key as string, variables: { resolution: 'refund' } });
    const [close] = await engine.jobs('scopes.sla-close', key, 5_000);
    await p.zeebe.completeJob({ jobKey: close?.key as string, variables: {} });
    expect(await engine.instanceState(key)).toBe('ACTIVE');
    await p.zeebe.completeJob({ jobKey: remind?.key as string, variables: { reminded: true } });
    expect(await engine.instanceState(key)).toBe('COMPLETED');
    // The breach timer of the handling sub-process went with it: moving past it starts nothing.
    p.clock.pin(T0 + 5 * HOUR);
    expect(await engine.jobs('scopes.sla-supervisor', key, 300)).toEqual([]);
  });

  it('an interrupting timer event sub-process replaces the work of its scope, which then completes', async () => {
    p.clock.pin(T0);
    const { processInstanceKey: key } = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'sla',
      variables: {},
    });
    const [work] = await engine.jobs('scopes.sla-work', key);
    p.clock.pin(T0 + 4 * HOUR);
    const [supervisor] = await engine.jobs('scopes.sla-supervisor', key, 5_000);
    expect(supervisor).toBeDefined();
    await expect(p.zeebe.completeJob({ jobKey: work?.key as string, variables: {} })).rejects.toMatchObject({
      code: NOT_FOUND,
    });
    await p.zeebe.completeJob({ jobKey: supervisor?.key as string, variables: { takenOverBy: 'spv1' } });
    const [close] = await engine.jobs('scopes.sla-close', key, 5_000);
    expect(close?.variables).toMatchObject({ takenOverBy: 'spv1' });
    const trail = await engine.trail(key);
    expect(trail).toEqual(
      expect.arrayContaining(['work:TERMINATED', 'breach:COMPLETED', 'handling:COMPLETED', 'close:ACTIVE']),
    );
  });
});
