import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, flows, task } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';

const INVALID_ARGUMENT = 3;
const NOT_FOUND = 5;
const FAILED_PRECONDITION = 9;

const errors = `
  <bpmn:error id="not_found" name="Nasabah tidak ditemukan" errorCode="CUSTOMER_NOT_FOUND" />
  <bpmn:error id="invalid_docs" name="Dokumen tidak valid" errorCode="INVALID_DOCUMENTS" />
  <bpmn:error id="fraud" name="Indikasi fraud" errorCode="FRAUD" />
  <bpmn:escalation id="late" name="Terlambat" escalationCode="SLA_AT_RISK" />
  <bpmn:escalation id="vip" name="Nasabah prioritas" escalationCode="VIP" />`;

const errorOutput = (source: string, target: string) =>
  `<zeebe:ioMapping><zeebe:output source="${source}" target="${target}" /></zeebe:ioMapping>`;

/** A lookup in core banking: "not found" goes its own way, any other business error to review. */
const lookup = bpmn(
  'lookup',
  `<bpmn:startEvent id="start" />
   ${task('find', 'errors.find-customer')}
   <bpmn:boundaryEvent id="not_found_caught" attachedToRef="find">
     <bpmn:extensionElements>${errorOutput('=coreBankingRef', 'failureReference')}</bpmn:extensionElements>
     <bpmn:errorEventDefinition errorRef="not_found" /></bpmn:boundaryEvent>
   <bpmn:boundaryEvent id="any_error" attachedToRef="find">
     <bpmn:extensionElements>${errorOutput('=reason', 'failedWith')}</bpmn:extensionElements>
     <bpmn:errorEventDefinition /></bpmn:boundaryEvent>
   ${task('register', 'errors.register-customer')}
   ${task('review', 'errors.review')}
   <bpmn:endEvent id="end" /><bpmn:endEvent id="end_register" /><bpmn:endEvent id="end_review" />
   ${flows('start>find', 'find>end', 'not_found_caught>register', 'register>end_register', 'any_error>review', 'review>end_review')}`,
  { roots: errors },
);

/** No catch at all: a thrown error is an incident. */
const bare = bpmn(
  'bare',
  `<bpmn:startEvent id="start" />${task('work', 'errors.bare')}<bpmn:endEvent id="end" />${flows('start>work', 'work>end')}`,
);

/**
 * KYC inside a sub-process: invalid documents end it with an error end event, caught on the
 * sub-process's boundary; fraud thrown by a worker deep inside climbs to the process's error
 * event sub-process.
 */
const kyc = bpmn(
  'kyc',
  `<bpmn:startEvent id="start" />
   <bpmn:subProcess id="verify">
     <bpmn:startEvent id="verify_start" />
     <bpmn:parallelGateway id="fork" />
     ${task('screen', 'errors.kyc-screen')}
     ${task('docs', 'errors.kyc-docs')}
     <bpmn:exclusiveGateway id="docs_ok" default="docs_ok-join" />
     <bpmn:endEvent id="docs_invalid"><bpmn:errorEventDefinition errorRef="invalid_docs" /></bpmn:endEvent>
     <bpmn:parallelGateway id="join" />
     <bpmn:endEvent id="verify_end" />
     ${flows('verify_start>fork', 'fork>screen', 'fork>docs', 'docs>docs_ok', 'screen>join', 'docs_ok>join', 'join>verify_end')}
     <bpmn:sequenceFlow id="docs_ok-invalid" sourceRef="docs_ok" targetRef="docs_invalid"><bpmn:conditionExpression>=not(documentsValid)</bpmn:conditionExpression></bpmn:sequenceFlow>
   </bpmn:subProcess>
   <bpmn:boundaryEvent id="invalid_caught" attachedToRef="verify"><bpmn:errorEventDefinition errorRef="invalid_docs" /></bpmn:boundaryEvent>
   ${task('ask_again', 'errors.kyc-ask-again')}
   <bpmn:endEvent id="end" /><bpmn:endEvent id="end_again" />
   ${flows('start>verify', 'verify>end', 'invalid_caught>ask_again', 'ask_again>end_again')}
   <bpmn:subProcess id="on_fraud" triggeredByEvent="true">
     <bpmn:startEvent id="fraud_start">
       <bpmn:extensionElements>${errorOutput('=evidence', 'fraudEvidence')}</bpmn:extensionElements>
       <bpmn:errorEventDefinition errorRef="fraud" /></bpmn:startEvent>
     ${task('report', 'errors.kyc-report-fraud')}
     <bpmn:endEvent id="fraud_end" />
     ${flows('fraud_start>report', 'report>fraud_end')}
   </bpmn:subProcess>`,
  { roots: errors },
);

/** An error end event with nothing around to catch it. */
const stray = bpmn(
  'stray',
  `<bpmn:startEvent id="start" /><bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="fraud" /></bpmn:endEvent>${flows('start>fail')}`,
  { roots: errors },
);

/**
 * Escalations from a complaint's handling: "SLA at risk" informs a supervisor while the work
 * goes on (non-interrupting boundary); "VIP" hands the whole case to the priority desk
 * (interrupting event sub-process); an escalation nobody catches changes nothing.
 */
const escalations = bpmn(
  'escalations',
  `<bpmn:startEvent id="start" />
   <bpmn:subProcess id="handle">
     <bpmn:startEvent id="handle_start" />
     ${task('triage', 'errors.esc-triage')}
     <bpmn:exclusiveGateway id="kind" default="kind-normal" />
     <bpmn:intermediateThrowEvent id="at_risk"><bpmn:escalationEventDefinition escalationRef="late" /></bpmn:intermediateThrowEvent>
     <bpmn:endEvent id="to_vip"><bpmn:escalationEventDefinition escalationRef="vip" /></bpmn:endEvent>
     <bpmn:intermediateThrowEvent id="unheard"><bpmn:escalationEventDefinition escalationRef="unknown_code" /></bpmn:intermediateThrowEvent>
     ${task('resolve', 'errors.esc-resolve')}
     <bpmn:endEvent id="handle_end" />
     ${flows('handle_start>triage', 'triage>kind', 'at_risk>resolve', 'unheard>resolve', 'resolve>handle_end')}
     <bpmn:sequenceFlow id="kind-risk" sourceRef="kind" targetRef="at_risk"><bpmn:conditionExpression>=route = "risk"</bpmn:conditionExpression></bpmn:sequenceFlow>
     <bpmn:sequenceFlow id="kind-vip" sourceRef="kind" targetRef="to_vip"><bpmn:conditionExpression>=route = "vip"</bpmn:conditionExpression></bpmn:sequenceFlow>
     <bpmn:sequenceFlow id="kind-normal" sourceRef="kind" targetRef="unheard" />
   </bpmn:subProcess>
   <bpmn:boundaryEvent id="risk_caught" attachedToRef="handle" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="late" /></bpmn:boundaryEvent>
   ${task('inform', 'errors.esc-inform-supervisor')}
   <bpmn:endEvent id="end" /><bpmn:endEvent id="end_inform" />
   ${flows('start>handle', 'handle>end', 'risk_caught>inform', 'inform>end_inform')}
   <bpmn:subProcess id="priority" triggeredByEvent="true">
     <bpmn:startEvent id="vip_start"><bpmn:escalationEventDefinition escalationRef="vip" /></bpmn:startEvent>
     ${task('priority_desk', 'errors.esc-priority-desk')}
     <bpmn:endEvent id="priority_end" />
     ${flows('vip_start>priority_desk', 'priority_desk>priority_end')}
   </bpmn:subProcess>`,
  {
    roots: `${errors}<bpmn:escalation id="unknown_code" escalationCode="NOBODY_LISTENS" />`,
  },
);

describe(`error and escalation events (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let engine: ReturnType<typeof probe>;
  beforeAll(async () => {
    p = await createPlatform();
    engine = probe(p);
    await engine.deploy({ lookup, bare, kyc, stray, escalations });
  });
  afterAll(() => p.close());

  const start = async (bpmnProcessId: string, variables: Record<string, unknown> = {}) =>
    (await p.zeebe.createProcessInstance({ bpmnProcessId, variables: variables as never }))
      .processInstanceKey;

  it('ThrowError goes to the boundary event with its code before a catch-all; its payload needs output mappings', async () => {
    const key = await start('lookup', { cif: '0012345' });
    const [job] = await engine.jobs('errors.find-customer', key);
    await p.zeebe.throwError({
      jobKey: job?.key as string,
      errorCode: 'CUSTOMER_NOT_FOUND',
      errorMessage: 'CIF 0012345 tidak ada di core banking',
      variables: { coreBankingRef: 'CB-77', raw: 'not mapped' },
    } as never);
    // Only what the output mappings take leaves the catch event (Zeebe offers no errorMessage variable).
    const [register] = await engine.jobs('errors.register-customer', key);
    expect(register?.variables).toEqual({ cif: '0012345', failureReference: 'CB-77' });
    expect(await engine.jobs('errors.review', key)).toEqual([]);
    await expect(p.zeebe.completeJob({ jobKey: job?.key as string, variables: {} })).rejects.toMatchObject({
      code: NOT_FOUND,
    });
    expect(await engine.trail(key)).toEqual([
      'start:COMPLETED',
      'find:TERMINATED',
      'not_found_caught:COMPLETED',
      'register:ACTIVE',
    ]);
  });

  it('a catch-all boundary event takes any other code', async () => {
    const key = await start('lookup');
    const [job] = await engine.jobs('errors.find-customer', key);
    await p.zeebe.throwError({
      jobKey: job?.key as string,
      errorCode: 'ACCOUNT_BLOCKED',
      errorMessage: '',
      variables: { reason: 'rekening diblokir' },
    } as never);
    const [review] = await engine.jobs('errors.review', key);
    expect(review?.variables).toEqual({ failedWith: 'rekening diblokir' });
  });

  it('an error nothing catches is an incident on the task, and the job stays in error', async () => {
    const key = await start('bare');
    const [job] = await engine.jobs('errors.bare', key);
    await p.zeebe.throwError({
      jobKey: job?.key as string,
      errorCode: 'LIMIT',
      errorMessage: 'over limit',
    } as never);
    expect(await engine.incidents(key)).toMatchObject([
      {
        errorType: 'UNHANDLED_ERROR_EVENT',
        elementId: 'work',
        jobKey: job?.key,
        errorMessage:
          "Expected to throw an error event with the code 'LIMIT' with message 'over limit', but it was not caught. No error events are available in the scope.",
      },
    ]);
    await expect(p.zeebe.completeJob({ jobKey: job?.key as string, variables: {} })).rejects.toMatchObject({
      code: FAILED_PRECONDITION,
    });
  });

  it('an error end event in a sub-process is caught on the sub-process, ending its other paths', async () => {
    const key = await start('kyc', { nik: '3201010101010001' });
    const [screen] = await engine.jobs('errors.kyc-screen', key);
    const [docs] = await engine.jobs('errors.kyc-docs', key);
    await p.zeebe.completeJob({ jobKey: docs?.key as string, variables: { documentsValid: false } });
    expect(await engine.jobs('errors.kyc-ask-again', key)).toHaveLength(1);
    await expect(p.zeebe.completeJob({ jobKey: screen?.key as string, variables: {} })).rejects.toMatchObject(
      {
        code: NOT_FOUND,
      },
    );
    const trail = await engine.trail(key);
    expect(trail).toEqual(
      expect.arrayContaining([
        'verify:TERMINATED',
        'screen:TERMINATED',
        'docs_invalid:TERMINATED',
        'invalid_caught:COMPLETED',
      ]),
    );
  });

  it('an error thrown deep inside climbs to the error event sub-process of the process', async () => {
    const key = await start('kyc');
    const [screen] = await engine.jobs('errors.kyc-screen', key);
    const [docs] = await engine.jobs('errors.kyc-docs', key);
    await p.zeebe.throwError({
      jobKey: screen?.key as string,
      errorCode: 'FRAUD',
      errorMessage: 'watchlist match',
      variables: { evidence: { list: 'DTTOT', score: 0.97 } },
    } as never);
    const [report] = await engine.jobs('errors.kyc-report-fraud', key);
    expect(report?.variables).toEqual({ fraudEvidence: { list: 'DTTOT', score: 0.97 } });
    await expect(p.zeebe.completeJob({ jobKey: docs?.key as string, variables: {} })).rejects.toMatchObject({
      code: NOT_FOUND,
    });
    await p.zeebe.completeJob({ jobKey: report?.key as string, variables: {} });
    expect(await engine.instanceState(key)).toBe('COMPLETED');
    expect(await engine.trail(key)).toEqual(
      expect.arrayContaining(['verify:TERMINATED', 'on_fraud:COMPLETED', 'fraud_start:COMPLETED']),
    );
  });

  it('an error end event nothing catches leaves an incident on the end event', async () => {
    const key = await start('stray');
    expect(await engine.incidents(key)).toMatchObject([
      {
        errorType: 'UNHANDLED_ERROR_EVENT',
        elementId: 'fail',
        errorMessage:
          "Expected to throw an error event with the code 'FRAUD', but it was not caught. No error events are available in the scope.",
      },
    ]);
    expect(await engine.instanceState(key)).toBe('ACTIVE');
  });

  it('a non-interrupting escalation informs the supervisor while the work goes on', async () => {
    const key = await start('escalations');
    const [triage] = await engine.jobs('errors.esc-triage', key);
    await p.zeebe.completeJob({ jobKey: triage?.key as string, variables: { route: 'risk' } });
    expect(await engine.jobs('errors.esc-inform-supervisor', key)).toHaveLength(1);
    expect(await engine.jobs('errors.esc-resolve', key)).toHaveLength(1);
  });

  it('an interrupting escalation event sub-process takes the case over', async () => {
    const key = await start('escalations');
    const [triage] = await engine.jobs('errors.esc-triage', key);
    await p.zeebe.completeJob({ jobKey: triage?.key as string, variables: { route: 'vip' } });
    const [desk] = await engine.jobs('errors.esc-priority-desk', key);
    expect(desk?.variables).toEqual({ route: 'vip' });
    expect(await engine.trail(key)).toEqual(
      expect.arrayContaining(['handle:TERMINATED', 'to_vip:TERMINATED', 'priority:ACTIVE']),
    );
  });

  it('an escalation nobody catches is no incident: the token goes on', async () => {
    const key = await start('escalations');
    const [triage] = await engine.jobs('errors.esc-triage', key);
    await p.zeebe.completeJob({ jobKey: triage?.key as string, variables: { route: 'normal' } });
    expect(await engine.jobs('errors.esc-resolve', key)).toHaveLength(1);
    expect(await engine.incidents(key)).toEqual([]);
  });

  it.each([
    [
      'an error end event without an error code',
      '<bpmn:endEvent id="x"><bpmn:errorEventDefinition /></bpmn:endEvent>',
      'a throwing error event needs an errorRef to a <bpmn:error> with a non-empty errorCode',
    ],
    [
      'a non-interrupting error boundary event',
      `${task('t', 'x')}<bpmn:boundaryEvent id="x" attachedToRef="t" cancelActivity="false"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>`,
      'an error boundary event must be interrupting (cancelActivity="true")',
    ],
    [
      'two catch-all error boundary events on one task',
      `${task('t', 'x')}<bpmn:boundaryEvent id="a" attachedToRef="t"><bpmn:errorEventDefinition /></bpmn:boundaryEvent><bpmn:boundaryEvent id="x" attachedToRef="t"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>`,
      "'a' and 'x' both catch every error in the same place",
    ],
  ])('deploy rejects %s, naming the element', async (_, body, message) => {
    const xml = bpmn('bad_events', `<bpmn:startEvent id="start" />${body}`);
    await expect(
      p.zeebe.deployResource({ name: 'bad_events.bpmn', process: Buffer.from(xml) }),
    ).rejects.toMatchObject({
      code: INVALID_ARGUMENT,
      details: expect.stringContaining(`Element 'x': ${message}`),
    });
  });
});
