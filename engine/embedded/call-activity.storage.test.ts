import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, flows, task } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';

const NOT_FOUND = 5;
const FAILED_PRECONDITION = 9;
const HOUR = 3_600_000;

const called = (attributes: string) => `<zeebe:calledElement ${attributes} />`;
const callActivity = (id: string, extensions: string) =>
  `<bpmn:callActivity id="${id}"><bpmn:extensionElements>${extensions}</bpmn:extensionElements></bpmn:callActivity>`;

/** KYC as its own process, called from onboarding; "screening hit" is a business error. */
const kyc = bpmn(
  'kyc-retail',
  `<bpmn:startEvent id="start" />${task('screen', 'call.kyc-screen')}<bpmn:endEvent id="end" />${flows('start>screen', 'screen>end')}`,
);

const onboarding = (id: string, calledElement: string, mappings = '', after = '') =>
  bpmn(
    id,
    `<bpmn:startEvent id="start" />
     ${callActivity('kyc', `${calledElement}${mappings}`)}
     ${after}
     ${task('open_account', `call.${id}.open-account`)}
     <bpmn:endEvent id="end" />
     ${flows('start>kyc', 'kyc>open_account', 'open_account>end')}`,
    { roots: '<bpmn:error id="hit" errorCode="SCREENING_HIT" />' },
  );

const all = onboarding('onboard-all', called('processId="kyc-retail"'));
const mapped = onboarding(
  'onboard-mapped',
  called('processId="kyc-retail"'),
  `<zeebe:ioMapping><zeebe:input source="=applicant.nik" target="nik" /><zeebe:output source="=riskScore" target="kycRisk" /></zeebe:ioMapping>`,
);
const isolated = onboarding(
  'onboard-isolated',
  called('processId="kyc-retail" propagateAllChildVariables="false" propagateAllParentVariables="false"'),
  '<zeebe:ioMapping><zeebe:input source="=applicant.nik" target="nik" /></zeebe:ioMapping>',
);
const dynamic = onboarding('onboard-dynamic', called('processId="=&quot;kyc-&quot; + segment"'));
const guarded = onboarding(
  'onboard-guarded',
  called('processId="kyc-retail"'),
  '',
  `<bpmn:boundaryEvent id="hit_caught" attachedToRef="kyc"><bpmn:errorEventDefinition errorRef="hit" /></bpmn:boundaryEvent>
   <bpmn:boundaryEvent id="kyc_late" attachedToRef="kyc"><bpmn:timerEventDefinition><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
   ${task('manual_review', 'call.manual-review')}
   ${task('chase', 'call.chase')}
   <bpmn:endEvent id="review_end" /><bpmn:endEvent id="chase_end" />
   ${flows('hit_caught>manual_review', 'manual_review>review_end', 'kyc_late>chase', 'chase>chase_end')}`,
);

describe(`call activities (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let engine: ReturnType<typeof probe>;
  beforeAll(async () => {
    p = await createPlatform();
    engine = probe(p);
    await engine.deploy({ kyc, all, mapped, isolated, dynamic, guarded });
  });
  afterAll(() => p.close());

  const start = async (bpmnProcessId: string, variables: Record<string, unknown>) =>
    (await p.zeebe.createProcessInstance({ bpmnProcessId, variables: variables as never }))
      .processInstanceKey;
  /** The one KYC job whose child was started with this NIK. */
  const kycJob = async (nik: string) => {
    const jobs = await engine.jobs('call.kyc-screen', undefined, 3_000);
    const job = jobs.find(
      (j) =>
        (j.variables as { nik?: string; applicant?: { nik: string } }).nik === nik ||
        (j.variables as { applicant?: { nik: string } }).applicant?.nik === nik,
    );
    if (!job) throw new Error(`no KYC job for ${nik} among ${jobs.length}`);
    return job;
  };

  it('the child gets every variable and gives every variable back when nothing is mapped', async () => {
    const key = await start('onboard-all', { applicant: { nik: '3201000000000001', name: 'Siti' } });
    const job = await kycJob('3201000000000001');
    expect(job.variables).toEqual({ applicant: { nik: '3201000000000001', name: 'Siti' } });
    expect(job.processInstanceKey).not.toBe(key);
    await p.zeebe.completeJob({ jobKey: job.key, variables: { riskScore: 12, screening: 'CLEAR' } });
    const [open] = await engine.jobs('call.onboard-all.open-account', key);
    expect(open?.variables).toEqual({
      applicant: { nik: '3201000000000001', name: 'Siti' },
      riskScore: 12,
      screening: 'CLEAR',
    });
    expect(await engine.instanceState(job.processInstanceKey)).toBe('COMPLETED');
    const child = await p.http.get<Record<string, string>>(`/v2/process-instances/${job.processInstanceKey}`);
    expect(child.body).toMatchObject({ parentProcessInstanceKey: key, processDefinitionId: 'kyc-retail' });
  });

  it('with output mappings only the mapped variables come back', async () => {
    const key = await start('onboard-mapped', { applicant: { nik: '3201000000000002' } });
    const job = await kycJob('3201000000000002');
    await p.zeebe.completeJob({ jobKey: job.key, variables: { riskScore: 40, screening: 'REVIEW' } });
    const [open] = await engine.jobs('call.onboard-mapped.open-account', key);
    expect(open?.variables).toEqual({ applicant: { nik: '3201000000000002' }, kycRisk: 40 });
  });

  it('with both propagation flags off the child sees only the locals and gives nothing back', async () => {
    const key = await start('onboard-isolated', { applicant: { nik: '3201000000000003' }, secret: 'x' });
    const job = await kycJob('3201000000000003');
    expect(job.variables).toEqual({ nik: '3201000000000003' });
    await p.zeebe.completeJob({ jobKey: job.key, variables: { riskScore: 5 } });
    const [open] = await engine.jobs('call.onboard-isolated.open-account', key);
    expect(open?.variables).toEqual({ applicant: { nik: '3201000000000003' }, secret: 'x' });
  });

  it('a process id expression naming no deployed process is an incident until it is deployed', async () => {
    const key = await start('onboard-dynamic', {
      segment: 'corporate',
      applicant: { nik: '3201000000000004' },
    });
    const [incident] = await engine.incidents(key);
    expect(incident).toMatchObject({
      errorType: 'CALLED_ELEMENT_ERROR',
      elementId: 'kyc',
      errorMessage: "Expected process with BPMN process id 'kyc-corporate' to be deployed, but not found.",
    });
    await p.zeebe.deployResource({
      name: 'kyc-corporate.bpmn',
      process: Buffer.from(kyc.replaceAll('kyc-retail', 'kyc-corporate')),
    });
    await p.zeebe.resolveIncident({ incidentKey: incident?.incidentKey as string });
    const job = await kycJob('3201000000000004');
    expect(job.bpmnProcessId).toBe('kyc-corporate');
  });

  it('cancelling the parent cancels the child; the child cannot be cancelled on its own', async () => {
    const key = await start('onboard-all', { applicant: { nik: '3201000000000005' } });
    const job = await kycJob('3201000000000005');
    await expect(p.zeebe.cancelProcessInstance(job.processInstanceKey)).rejects.toMatchObject({
      code: FAILED_PRECONDITION,
      details: expect.stringContaining(`Cancel the root process instance '${key}' instead.`),
    });
    await p.zeebe.cancelProcessInstance(key);
    expect(await engine.instanceState(job.processInstanceKey)).toBe('TERMINATED');
    await expect(p.zeebe.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({
      code: NOT_FOUND,
    });
  });

  it('an error thrown in the child is caught on the call activity in the parent', async () => {
    const key = await start('onboard-guarded', { applicant: { nik: '3201000000000006' } });
    const job = await kycJob('3201000000000006');
    await p.zeebe.throwError({ jobKey: job.key, errorCode: 'SCREENING_HIT', errorMessage: 'DTTOT' } as never);
    expect(await engine.jobs('call.manual-review', key)).toHaveLength(1);
    expect(await engine.instanceState(job.processInstanceKey)).toBe('TERMINATED');
    expect(await engine.trail(key)).toContain('kyc:TERMINATED');
  });

  it('a timer on the call activity ends the child when it fires', async () => {
    const t0 = Date.parse('2027-03-01T09:00:00+07:00');
    p.clock.pin(t0);
    const key = await start('onboard-guarded', { applicant: { nik: '3201000000000007' } });
    const job = await kycJob('3201000000000007');
    p.clock.pin(t0 + 48 * HOUR);
    expect(await engine.jobs('call.chase', key, 5_000)).toHaveLength(1);
    expect(await engine.instanceState(job.processInstanceKey)).toBe('TERMINATED');
  });
});
