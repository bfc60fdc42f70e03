import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, flows, message, task } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';

const INVALID_ARGUMENT = 3;
const NOT_FOUND = 5;
const ALREADY_EXISTS = 6;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.parse('2027-03-01T09:00:00+07:00');

const catchMessage = (id: string, ref: string, extra = '') =>
  `<bpmn:intermediateCatchEvent id="${id}">${extra}<bpmn:messageEventDefinition messageRef="${ref}" /></bpmn:intermediateCatchEvent>`;

/** A complaint waits for the customer's reply, correlated by the case id. */
const complaintReply = bpmn(
  'complaint-reply',
  `<bpmn:startEvent id="start" />
   ${catchMessage('await_reply', 'reply')}
   ${task('handle', 'msg.handle-reply')}
   <bpmn:endEvent id="end" />
   ${flows('start>await_reply', 'await_reply>handle', 'handle>end')}`,
  { roots: message('reply', 'customer.reply', '=caseId') },
);

/** The audit trail of the same case listens for the same reply. */
const complaintAudit = bpmn(
  'complaint-audit',
  `<bpmn:startEvent id="start" />
   ${catchMessage('await_reply', 'reply')}
   ${task('record', 'msg.audit-reply')}
   ${flows('start>await_reply', 'await_reply>record')}`,
  { roots: message('reply', 'customer.reply', '=caseId') },
);

/**
 * A loan application waits in a receive task for the KTP upload, keyed by the numeric
 * application number; only the file name leaves it (output mapping).
 */
const documentUpload = bpmn(
  'document-upload',
  `<bpmn:startEvent id="start" />
   <bpmn:receiveTask id="await_ktp" messageRef="upload">
     <bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=fileName" target="ktpFile" /></zeebe:ioMapping></bpmn:extensionElements>
   </bpmn:receiveTask>
   ${task('verify', 'msg.verify-ktp')}
   ${flows('start>await_ktp', 'await_ktp>verify')}`,
  { roots: message('upload', '=&quot;document.uploaded.&quot; + docType', '=applicationNo') },
);

/**
 * Case handling with a 4-hour escalation clock; a "case updated" message interrupts the
 * handling and starts it again (a fresh clock). While resolving, each note from the customer
 * is logged beside the work (non-interrupting).
 */
const escalation = bpmn(
  'case-escalation',
  `<bpmn:startEvent id="start" />
   <bpmn:subProcess id="handling">
     <bpmn:startEvent id="handling_start" />
     ${task('resolve', 'msg.resolve-case')}
     <bpmn:boundaryEvent id="noted" attachedToRef="resolve" cancelActivity="false"><bpmn:messageEventDefinition messageRef="note" /></bpmn:boundaryEvent>
     ${task('log_note', 'msg.log-note')}
     <bpmn:endEvent id="handling_end" /><bpmn:endEvent id="note_end" />
     ${flows('handling_start>resolve', 'resolve>handling_end', 'noted>log_note', 'log_note>note_end')}
   </bpmn:subProcess>
   <bpmn:boundaryEvent id="updated" attachedToRef="handling"><bpmn:messageEventDefinition messageRef="update" /></bpmn:boundaryEvent>
   <bpmn:boundaryEvent id="too_slow" attachedToRef="handling"><bpmn:timerEventDefinition><bpmn:timeDuration>PT4H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
   ${task('escalate', 'msg.escalate')}
   <bpmn:endEvent id="end" />
   ${flows('start>handling', 'handling>end', 'updated>handling', 'too_slow>escalate')}`,
  { roots: `${message('update', 'case.updated', '=caseId')}${message('note', 'customer.note', '=caseId')}` },
);

/** A complaint with event sub-processes: calls are logged beside the work; a withdrawal ends it. */
const complaintSla = bpmn(
  'complaint-sla',
  `<bpmn:startEvent id="start" />
   ${task('investigate', 'msg.investigate')}
   <bpmn:endEvent id="end" />
   ${flows('start>investigate', 'investigate>end')}
   <bpmn:subProcess id="called" triggeredByEvent="true">
     <bpmn:startEvent id="called_start" isInterrupting="false"><bpmn:messageEventDefinition messageRef="call" /></bpmn:startEvent>
     ${task('log_call', 'msg.log-call')}
     <bpmn:endEvent id="called_end" />
     ${flows('called_start>log_call', 'log_call>called_end')}
   </bpmn:subProcess>
   <bpmn:subProcess id="withdrawn" triggeredByEvent="true">
     <bpmn:startEvent id="withdrawn_start"><bpmn:messageEventDefinition messageRef="withdraw" /></bpmn:startEvent>
     ${task('close_withdrawn', 'msg.close-withdrawn')}
     <bpmn:endEvent id="withdrawn_end" />
     ${flows('withdrawn_start>close_withdrawn', 'close_withdrawn>withdrawn_end')}
   </bpmn:subProcess>`,
  {
    roots: `${message('call', 'customer.called', '=caseId')}${message('withdraw', 'complaint.withdrawn', '=caseId')}`,
  },
);

describe(`messages: publish, buffer and correlate (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let engine: ReturnType<typeof probe>;
  const publish = (
    name: string,
    correlationKey: string,
    variables = {},
    timeToLive = 0,
    messageId?: string,
  ) =>
    p.zeebe.publishMessage({
      name,
      correlationKey,
      variables,
      timeToLive,
      ...(messageId ? { messageId } : {}),
    });

  beforeAll(async () => {
    p = await createPlatform();
    engine = probe(p);
    p.clock.pin(T0);
    await p.zeebe.deployResources(
      Object.entries({
        complaintReply,
        complaintAudit,
        documentUpload,
        escalation,
        complaintSla,
      }).map(([name, xml]) => ({ name: `${name}.bpmn`, process: Buffer.from(xml) })),
    );
  });
  afterAll(() => p.close());

  it('a reply goes to one waiting instance per process id, the oldest, and lands its payload at the root', async () => {
    const caseId = 'CASE-2027-0042';
    const first = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'complaint-reply',
      variables: { caseId },
    });
    const second = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'complaint-reply',
      variables: { caseId },
    });
    const audit = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'complaint-audit',
      variables: { caseId },
    });

    const published = await publish('customer.reply', caseId, {
      replyText: 'Dana sudah kembali, terima kasih',
    });
    expect(published.key).toMatch(/^\d{16}$/);
    const handled = await engine.jobs('msg.handle-reply');
    expect(handled.map((j) => j.processInstanceKey)).toEqual([first.processInstanceKey]);
    expect(handled[0]?.variables).toEqual({ caseId, replyText: 'Dana sudah kembali, terima kasih' });
    expect(await engine.variables(first.processInstanceKey)).toEqual({
      caseId,
      replyText: 'Dana sudah kembali, terima kasih',
    });
    expect((await engine.jobs('msg.audit-reply')).map((j) => j.processInstanceKey)).toEqual([
      audit.processInstanceKey,
    ]);
    expect(await engine.trail(second.processInstanceKey)).toEqual(['start:COMPLETED', 'await_reply:ACTIVE']);

    await publish('customer.reply', caseId, { replyText: 'Mohon ditindaklanjuti' });
    const next = await engine.jobs('msg.handle-reply');
    expect(next.map((j) => [j.processInstanceKey, j.variables.replyText])).toEqual([
      [second.processInstanceKey, 'Mohon ditindaklanjuti'],
    ]);
  });

  it('a reply published before the instance waits is buffered for its time to live, by the engine clock', async () => {
    p.clock.pin(T0);
    await publish('customer.reply', 'CASE-2027-0100', { replyText: 'Sudah saya kirim' }, 10 * MINUTE);
    const early = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'complaint-reply',
      variables: { caseId: 'CASE-2027-0100' },
    });
    const [job] = await engine.jobs('msg.handle-reply', early.processInstanceKey);
    expect(job?.variables.replyText).toBe('Sudah saya kirim');
    // The buffered message went to this process id once: a second instance does not get it again.
    const again = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'complaint-reply',
      variables: { caseId: 'CASE-2027-0100' },
    });
    expect(await engine.trail(again.processInstanceKey)).toEqual(['start:COMPLETED', 'await_reply:ACTIVE']);

    await publish('customer.reply', 'CASE-2027-0101', { replyText: 'Terlambat' }, 10 * MINUTE);
    p.clock.pin(T0 + 11 * MINUTE);
    const late = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'complaint-reply',
      variables: { caseId: 'CASE-2027-0101' },
    });
    expect(await engine.trail(late.processInstanceKey)).toEqual(['start:COMPLETED', 'await_reply:ACTIVE']);
    expect(await engine.jobs('msg.handle-reply', late.processInstanceKey)).toEqual([]);
  });

  it('a message id is refused as ALREADY_EXISTS while a message with it is buffered, and free once it expired', async () => {
    p.clock.pin(T0 + HOUR);
    const sent = await publish('customer.reply', 'CASE-2027-0200', {}, 30 * MINUTE, 'wa-msg-777');
    await expect(
      publish('customer.reply', 'CASE-2027-0200', {}, 30 * MINUTE, 'wa-msg-777'),
    ).rejects.toMatchObject({
      code: ALREADY_EXISTS,
      details: expect.stringContaining(
        "Command 'PUBLISH' rejected with code 'ALREADY_EXISTS': Expected to publish a new message with id 'wa-msg-777', but a message with that id was already published",
      ),
    });
    // Another correlation key, or no buffering, is another message.
    await publish('customer.reply', 'CASE-2027-0201', {}, 30 * MINUTE, 'wa-msg-777');
    await publish('customer.reply', 'CASE-2027-0202', {}, 0, 'wa-msg-778');
    await publish('customer.reply', 'CASE-2027-0202', {}, 0, 'wa-msg-778');
    p.clock.pin(T0 + HOUR + 30 * MINUTE);
    const again = await publish('customer.reply', 'CASE-2027-0200', {}, 30 * MINUTE, 'wa-msg-777');
    expect(again.key).not.toBe(sent.key);
  });

  it('publishing rejects a message without a name', async () => {
    await expect(publish('', 'CASE-1')).rejects.toMatchObject({
      code: INVALID_ARGUMENT,
      details: 'Expected to publish a message with a name, but the name is empty',
    });
  });

  it('a receive task correlates by a numeric key (integer part) and a name from FEEL; output mappings gate the payload', async () => {
    const upload = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'document-upload',
      variables: { applicationNo: 20270315.9, docType: 'ktp' },
    });
    await publish('document.uploaded.npwp', '20270315', { fileName: 'npwp.pdf' });
    expect(await engine.jobs('msg.verify-ktp', upload.processInstanceKey)).toEqual([]);
    await publish('document.uploaded.ktp', '20270315', { fileName: 'ktp-3171.jpg', sizeKb: 812 });
    const [job] = await engine.jobs('msg.verify-ktp', upload.processInstanceKey);
    expect(job?.variables).toEqual({ applicationNo: 20270315.9, docType: 'ktp', ktpFile: 'ktp-3171.jpg' });
  });

  it('a correlation key that is neither text nor a number is an EXTRACT_VALUE_ERROR incident; resolving it subscribes', async () => {
    const upload = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'document-upload',
      variables: { applicationNo: true, docType: 'kk' },
    });
    const [incident] = await engine.incidents(upload.processInstanceKey);
    expect(incident).toMatchObject({
      errorType: 'EXTRACT_VALUE_ERROR',
      elementId: 'await_ktp',
      errorMessage:
        "Failed to extract the correlation key for 'applicationNo': The value must be either a string or a number, but was 'BOOLEAN'.",
    });
    await p.zeebe.setVariables({
      elementInstanceKey: upload.processInstanceKey,
      variables: { applicationNo: 55_001 },
      local: false,
    });
    await p.zeebe.resolveIncident({ incidentKey: incident?.incidentKey as string });
    await publish('document.uploaded.kk', '55001', { fileName: 'kk.pdf' });
    const [job] = await engine.jobs('msg.verify-ktp', upload.processInstanceKey);
    expect(job?.variables.ktpFile).toBe('kk.pdf');
  });

  it('"case updated" interrupts the handling and restarts its escalation clock; notes are logged beside the work', async () => {
    p.clock.pin(T0);
    const caseId = 'CASE-2027-0300';
    const instance = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'case-escalation',
      variables: { caseId },
    });
    const key = instance.processInstanceKey;
    const [firstResolve] = await engine.jobs('msg.resolve-case', key);

    await publish('customer.note', caseId, { note: 'Saya di luar kota' });
    await publish('customer.note', caseId, { note: 'Nomor baru 0812-0000' });
    // Each note runs its own path; without output mappings each payload lands at the root (the latest wins).
    expect(await engine.jobs('msg.log-note', key)).toHaveLength(2);
    expect(await engine.variables(key)).toEqual({ caseId, note: 'Nomor baru 0812-0000' });

    p.clock.pin(T0 + 3 * HOUR);
    await publish('case.updated', caseId, { priority: 'high' });
    await expect(
      p.zeebe.completeJob({ jobKey: firstResolve?.key as string, variables: {} }),
    ).rejects.toMatchObject({ code: NOT_FOUND });
    const [secondResolve] = await engine.jobs('msg.resolve-case', key);
    expect(secondResolve?.variables).toMatchObject({ caseId, priority: 'high' });

    // The first clock would have fired at 4h; the new one fires 4h after the update.
    p.clock.pin(T0 + 6 * HOUR);
    expect(await engine.jobs('msg.escalate', key, 300)).toEqual([]);
    p.clock.pin(T0 + 7 * HOUR);
    expect((await engine.jobs('msg.escalate', key, 5_000)).map((j) => j.processInstanceKey)).toEqual([key]);
    expect((await engine.trail(key)).filter((t) => t.startsWith('handling:'))).toEqual([
      'handling:TERMINATED',
      'handling:TERMINATED',
    ]);
  });

  it('event sub-processes: a call is logged beside the work each time; a withdrawal interrupts and closes the others', async () => {
    const caseId = 'CASE-2027-0400';
    const instance = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'complaint-sla',
      variables: { caseId },
    });
    const key = instance.processInstanceKey;
    const [investigate] = await engine.jobs('msg.investigate', key);
    await publish('customer.called', caseId, { calledAt: '10:15' });
    await publish('customer.called', caseId, { calledAt: '11:40' });
    expect(await engine.jobs('msg.log-call', key)).toHaveLength(2);
    expect(await engine.variables(key)).toEqual({ caseId, calledAt: '11:40' });
    expect((await engine.trail(key)).filter((t) => t.startsWith('called:'))).toEqual([
      'called:ACTIVE',
      'called:ACTIVE',
    ]);

    await publish('complaint.withdrawn', caseId, { reason: 'sudah diselesaikan di cabang' });
    await expect(
      p.zeebe.completeJob({ jobKey: investigate?.key as string, variables: {} }),
    ).rejects.toMatchObject({ code: NOT_FOUND });
    const [close] = await engine.jobs('msg.close-withdrawn', key);
    expect(close?.variables.reason).toBe('sudah diselesaikan di cabang');
    await publish('customer.called', caseId, { calledAt: '12:00' });
    expect(await engine.jobs('msg.log-call', key)).toEqual([]);
    await p.zeebe.completeJob({ jobKey: close?.key as string, variables: {} });
    expect(await engine.instanceState(key)).toBe('COMPLETED');
  });
});
