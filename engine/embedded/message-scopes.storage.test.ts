import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, flows, message, task } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';

const INVALID_ARGUMENT = 3;
const HOUR = 3_600_000;

/**
 * Onboarding collects documents in a sub-process: a receive task waits for the upload and a
 * cancellation interrupts it; inside the sub-process, a "customer unreachable" message starts
 * an interrupting event sub-process that hands the case to a relationship manager.
 */
const onboarding = bpmn(
  'onboarding',
  `<bpmn:startEvent id="start" />
   <bpmn:subProcess id="collect">
     <bpmn:startEvent id="collect_start" />
     <bpmn:receiveTask id="await_docs" messageRef="upload" />
     <bpmn:boundaryEvent id="cancelled" attachedToRef="await_docs"><bpmn:messageEventDefinition messageRef="cancel" /></bpmn:boundaryEvent>
     <bpmn:endEvent id="collect_end" /><bpmn:endEvent id="cancelled_end" />
     ${flows('collect_start>await_docs', 'await_docs>collect_end', 'cancelled>cancelled_end')}
     <bpmn:subProcess id="unreachable" triggeredByEvent="true">
       <bpmn:startEvent id="unreachable_start"><bpmn:messageEventDefinition messageRef="unreachable_msg" /></bpmn:startEvent>
       ${task('call_rm', 'scope.call-rm')}
       <bpmn:endEvent id="unreachable_end" />
       ${flows('unreachable_start>call_rm', 'call_rm>unreachable_end')}
     </bpmn:subProcess>
   </bpmn:subProcess>
   ${task('open_account', 'scope.open-account')}
   <bpmn:endEvent id="end" />
   ${flows('start>collect', 'collect>open_account', 'open_account>end')}`,
  {
    roots:
      message('upload', 'document.uploaded', '=applicationNo') +
      message('cancel', 'application.cancelled', '=applicationNo') +
      message('unreachable_msg', 'customer.unreachable', '=applicationNo'),
  },
);

/** A complaint whose withdrawal (an interrupting event sub-process) may arrive before it starts. */
const withdrawable = bpmn(
  'withdrawable',
  `<bpmn:startEvent id="start" />
   ${task('investigate', 'scope.investigate')}
   ${flows('start>investigate')}
   <bpmn:subProcess id="withdrawn" triggeredByEvent="true">
     <bpmn:startEvent id="withdrawn_start"><bpmn:messageEventDefinition messageRef="withdraw" /></bpmn:startEvent>
     ${task('close', 'scope.close')}
     ${flows('withdrawn_start>close')}
   </bpmn:subProcess>`,
  { roots: message('withdraw', 'complaint.withdrawn', '=caseId') },
);

describe(`messages inside scopes (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let engine: ReturnType<typeof probe>;
  const publish = (name: string, correlationKey: string, variables = {}, timeToLive = 0) =>
    p.zeebe.publishMessage({ name, correlationKey, variables, timeToLive });

  beforeAll(async () => {
    p = await createPlatform();
    engine = probe(p);
    p.clock.pin(Date.parse('2027-04-01T08:00:00+07:00'));
    await engine.deploy({ onboarding, withdrawable });
  });
  afterAll(() => p.close());

  it('an upload completes the receive task inside the sub-process; the process goes on', async () => {
    const instance = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'onboarding',
      variables: { applicationNo: 'APP-0001' },
    });
    await publish('document.uploaded', 'APP-0001', { documents: ['ktp', 'npwp'] });
    const [open] = await engine.jobs('scope.open-account', instance.processInstanceKey);
    expect(open?.variables).toEqual({ applicationNo: 'APP-0001', documents: ['ktp', 'npwp'] });
    // Its other subscriptions went with the sub-process: a late cancellation reaches nothing.
    await publish('application.cancelled', 'APP-0001');
    expect(await engine.trail(instance.processInstanceKey)).toEqual([
      'start:COMPLETED',
      'collect:COMPLETED',
      'collect_start:COMPLETED',
      'await_docs:COMPLETED',
      'collect_end:COMPLETED',
      'open_account:ACTIVE',
    ]);
  });

  it('a cancellation interrupts the receive task through its boundary event', async () => {
    const instance = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'onboarding',
      variables: { applicationNo: 'APP-0002' },
    });
    await publish('application.cancelled', 'APP-0002', { cancelledBy: 'customer' });
    expect(await engine.trail(instance.processInstanceKey)).toEqual([
      'start:COMPLETED',
      'collect:COMPLETED',
      'collect_start:COMPLETED',
      'await_docs:TERMINATED',
      'cancelled:COMPLETED',
      'cancelled_end:COMPLETED',
      'open_account:ACTIVE',
    ]);
    await publish('document.uploaded', 'APP-0002', { documents: ['ktp'] });
    expect(await engine.variables(instance.processInstanceKey)).toEqual({
      applicationNo: 'APP-0002',
      cancelledBy: 'customer',
    });
  });

  it('a cancellation buffered before the receive task waits fires its boundary event as soon as it subscribes', async () => {
    await publish('application.cancelled', 'APP-0005', { cancelledBy: 'branch' }, HOUR);
    const instance = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'onboarding',
      variables: { applicationNo: 'APP-0005' },
    });
    expect(await engine.trail(instance.processInstanceKey)).toEqual([
      'start:COMPLETED',
      'collect:COMPLETED',
      'collect_start:COMPLETED',
      'await_docs:TERMINATED',
      'cancelled:COMPLETED',
      'cancelled_end:COMPLETED',
      'open_account:ACTIVE',
    ]);
    expect(await engine.variables(instance.processInstanceKey)).toEqual({
      applicationNo: 'APP-0005',
      cancelledBy: 'branch',
    });
  });

  it('an event sub-process inside the sub-process interrupts only that scope', async () => {
    const instance = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'onboarding',
      variables: { applicationNo: 'APP-0003' },
    });
    await publish('customer.unreachable', 'APP-0003', { attempts: 3 });
    const [call] = await engine.jobs('scope.call-rm', instance.processInstanceKey);
    expect(call?.variables).toEqual({ applicationNo: 'APP-0003', attempts: 3 });
    expect(await engine.trail(instance.processInstanceKey)).toContain('await_docs:TERMINATED');
    await p.zeebe.completeJob({ jobKey: call?.key as string, variables: {} });
    expect(await engine.jobs('scope.open-account', instance.processInstanceKey)).toHaveLength(1);
  });

  it('a withdrawal buffered before the complaint starts interrupts it as soon as it subscribes', async () => {
    await publish('complaint.withdrawn', 'CASE-7000', { reason: 'duplikat' }, HOUR);
    const instance = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'withdrawable',
      variables: { caseId: 'CASE-7000' },
    });
    const [close] = await engine.jobs('scope.close', instance.processInstanceKey);
    expect(close?.variables).toEqual({ caseId: 'CASE-7000', reason: 'duplikat' });
    expect(await engine.jobs('scope.investigate', instance.processInstanceKey)).toEqual([]);
  });

  it.each([
    [
      'a static correlation key',
      message('m', 'reply', 'caseId'),
      "'bad.bpmn': Element 'wait': the correlation key of the message 'm' 'caseId' must be a FEEL expression",
    ],
    [
      'a conditional catch event',
      '',
      "'bad.bpmn': Element 'wait': an intermediate catch event with a bpmn:ConditionalEventDefinition is not supported yet",
    ],
  ])('deploy rejects %s, naming the element', async (what, roots, expected) => {
    const definition = what.includes('conditional')
      ? '<bpmn:conditionalEventDefinition><bpmn:condition>=x</bpmn:condition></bpmn:conditionalEventDefinition>'
      : '<bpmn:messageEventDefinition messageRef="m" />';
    const xml = bpmn(
      'bad',
      `<bpmn:startEvent id="start" /><bpmn:intermediateCatchEvent id="wait">${definition}</bpmn:intermediateCatchEvent>${flows('start>wait')}`,
      { roots },
    );
    await expect(
      p.zeebe.deployResource({ name: 'bad.bpmn', process: Buffer.from(xml) }),
    ).rejects.toMatchObject({
      code: INVALID_ARGUMENT,
      details: expect.stringContaining(expected),
    });
  });
});
