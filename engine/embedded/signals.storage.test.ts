import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, flows, task } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';

const INVALID_ARGUMENT = 3;
const NOT_FOUND = 5;

const signals = `<bpmn:signal id="outage" name="core-banking.outage" />
  <bpmn:signal id="restored" name="core-banking.restored" />`;
const on = (ref: string) => `<bpmn:signalEventDefinition signalRef="${ref}" />`;

/** Every outage starts a notification of the branches. */
const outageNotice = bpmn(
  'outage-notice',
  `<bpmn:startEvent id="outage_start">${on('outage')}</bpmn:startEvent>
   ${task('notify', 'sig.notify-branches')}
   ${flows('outage_start>notify')}`,
  { roots: signals },
);

/** A transfer being posted is stopped by an outage and queued instead. */
const transfer = bpmn(
  'transfer',
  `<bpmn:startEvent id="start" />
   ${task('post', 'sig.post-transfer')}
   <bpmn:boundaryEvent id="outage_hit" attachedToRef="post">${on('outage')}</bpmn:boundaryEvent>
   ${task('queue', 'sig.queue-transfer')}
   <bpmn:endEvent id="end" /><bpmn:endEvent id="queued" />
   ${flows('start>post', 'post>end', 'outage_hit>queue', 'queue>queued')}`,
  { roots: signals },
);

/** A teller queue waits for core banking to come back; an outage during a visit only warns the teller. */
const teller = bpmn(
  'teller',
  `<bpmn:startEvent id="start" />
   <bpmn:intermediateCatchEvent id="await_restore">${on('restored')}</bpmn:intermediateCatchEvent>
   ${task('serve', 'sig.serve')}
   <bpmn:boundaryEvent id="warn" attachedToRef="serve" cancelActivity="false">${on('outage')}</bpmn:boundaryEvent>
   ${task('warn_teller', 'sig.warn-teller')}
   ${flows('start>await_restore', 'await_restore>serve', 'warn>warn_teller')}`,
  { roots: signals },
);

/** A loan disbursement holds while core banking is down (non-interrupting) and is cancelled on a second signal. */
const disbursement = bpmn(
  'disbursement',
  `<bpmn:startEvent id="start" />
   ${task('disburse', 'sig.disburse')}
   ${flows('start>disburse')}
   <bpmn:subProcess id="hold" triggeredByEvent="true">
     <bpmn:startEvent id="hold_start" isInterrupting="false">${on('outage')}</bpmn:startEvent>
     ${task('hold_funds', 'sig.hold-funds')}
     ${flows('hold_start>hold_funds')}
   </bpmn:subProcess>
   <bpmn:subProcess id="abort" triggeredByEvent="true">
     <bpmn:startEvent id="abort_start">${on('restored')}</bpmn:startEvent>
     ${task('recheck', 'sig.recheck')}
     ${flows('abort_start>recheck')}
   </bpmn:subProcess>`,
  { roots: signals },
);

/** Operations declare the outage over: the throw event's input-mapped locals are the payload. */
const declareRestored = bpmn(
  'declare-restored',
  `<bpmn:startEvent id="start" />
   <bpmn:intermediateThrowEvent id="announce">
     <bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=incidentNo" target="outageTicket" /></zeebe:ioMapping></bpmn:extensionElements>
     ${on('restored')}
   </bpmn:intermediateThrowEvent>
   <bpmn:endEvent id="done">${on('outage')}</bpmn:endEvent>
   ${flows('start>announce', 'announce>done')}`,
  { roots: signals },
);

describe(`signals: broadcast to every kind of catch (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let engine: ReturnType<typeof probe>;
  const instancesOf = async (processDefinitionId: string) => {
    const { body } = await p.http.post<{ items: { processInstanceKey: string }[] }>(
      '/v2/process-instances/search',
      { filter: { processDefinitionId }, page: { limit: 100 } },
    );
    return body.items;
  };

  beforeAll(async () => {
    p = await createPlatform();
    engine = probe(p);
    await p.zeebe.deployResources(
      Object.entries({ outageNotice, transfer, teller, disbursement, declareRestored }).map(
        ([name, xml]) => ({
          name: `${name}.bpmn`,
          process: Buffer.from(xml),
        }),
      ),
    );
  });
  afterAll(() => p.close());

  it('a core-banking outage reaches start events, boundary events and event sub-processes at once', async () => {
    const posting = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'transfer',
      variables: { amount: 2_500_000 },
    });
    const loan = await p.zeebe.createProcessInstance({ bpmnProcessId: 'disbursement', variables: {} });
    const [post] = await engine.jobs('sig.post-transfer', posting.processInstanceKey);

    const signal = await p.zeebe.broadcastSignal({
      signalName: 'core-banking.outage',
      variables: { region: 'Sumatera Utara' },
    });
    expect(signal.key).toMatch(/^\d{16}$/);

    const notices = await instancesOf('outage-notice');
    expect(notices).toHaveLength(1);
    const [notify] = await engine.jobs('sig.notify-branches');
    expect(notify?.variables).toEqual({ region: 'Sumatera Utara' });

    await expect(p.zeebe.completeJob({ jobKey: post?.key as string, variables: {} })).rejects.toMatchObject({
      code: NOT_FOUND,
    });
    const [queue] = await engine.jobs('sig.queue-transfer', posting.processInstanceKey);
    expect(queue?.variables).toEqual({ amount: 2_500_000, region: 'Sumatera Utara' });

    expect(await engine.jobs('sig.hold-funds', loan.processInstanceKey)).toHaveLength(1);
    expect(await engine.jobs('sig.disburse', loan.processInstanceKey)).toHaveLength(1);

    // Every broadcast starts a new instance; the non-interrupting event sub-process runs again.
    await p.zeebe.broadcastSignal({ signalName: 'core-banking.outage', variables: { region: 'Aceh' } });
    expect(await instancesOf('outage-notice')).toHaveLength(2);
    expect(await engine.jobs('sig.hold-funds', loan.processInstanceKey)).toHaveLength(1);
    expect(await engine.variables(loan.processInstanceKey)).toEqual({ region: 'Aceh' });
  });

  it('a signal is not buffered: a catch that opens afterwards keeps waiting', async () => {
    const nobody = await p.zeebe.broadcastSignal({ signalName: 'core-banking.restored', variables: {} });
    expect(nobody.key).toMatch(/^\d{16}$/);
    const queue = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'teller',
      variables: { branch: 'Medan' },
    });
    expect(await engine.trail(queue.processInstanceKey)).toEqual(['start:COMPLETED', 'await_restore:ACTIVE']);
  });

  it('a throw event broadcasts its input-mapped locals; the end event broadcasts too', async () => {
    const queue = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'teller',
      variables: { branch: 'Binjai' },
    });
    const loan = await p.zeebe.createProcessInstance({ bpmnProcessId: 'disbursement', variables: {} });
    const noticesBefore = (await instancesOf('outage-notice')).length;

    const declared = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'declare-restored',
      variables: { incidentNo: 'INC-5521', operator: 'ops1' },
    });
    expect(await engine.trail(declared.processInstanceKey)).toEqual([
      'start:COMPLETED',
      'announce:COMPLETED',
      'done:COMPLETED',
    ]);

    const serving = await engine.jobs('sig.serve');
    expect(serving.map((j) => j.processInstanceKey).sort()).toContain(queue.processInstanceKey);
    const mine = serving.find((j) => j.processInstanceKey === queue.processInstanceKey);
    expect(mine?.variables).toEqual({ branch: 'Binjai', outageTicket: 'INC-5521' });

    // The restored signal interrupted the disbursement (interrupting event sub-process).
    const [recheck] = await engine.jobs('sig.recheck', loan.processInstanceKey);
    expect(recheck?.variables).toEqual({ outageTicket: 'INC-5521' });
    expect(await engine.jobs('sig.disburse', loan.processInstanceKey)).toEqual([]);

    // The end event broadcast the outage signal with no locals: a new notice, and a warning at the teller.
    expect((await instancesOf('outage-notice')).length).toBe(noticesBefore + 1);
    // The interrupted disbursement no longer listens for outages.
    expect(await engine.jobs('sig.hold-funds', loan.processInstanceKey)).toEqual([]);
    expect(await engine.jobs('sig.warn-teller', queue.processInstanceKey)).toHaveLength(1);
    await p.zeebe.broadcastSignal({ signalName: 'core-banking.outage', variables: {} });
    expect(await engine.jobs('sig.warn-teller', queue.processInstanceKey)).toHaveLength(1);
    expect(await engine.trail(queue.processInstanceKey)).toContain('serve:ACTIVE');
  });

  it('a signal without a name is refused', async () => {
    await expect(p.zeebe.broadcastSignal({ signalName: '', variables: {} })).rejects.toMatchObject({
      code: INVALID_ARGUMENT,
    });
  });
});
