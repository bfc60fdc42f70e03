import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, flows, message, task } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';

const HOUR = 3_600_000;
const T0 = Date.parse('2027-03-01T09:00:00+07:00');

/** A complaint arriving by message starts its own instance; SMS and closing letters are message throws (jobs). */
const intake = bpmn(
  'complaint-intake',
  `<bpmn:startEvent id="received"><bpmn:messageEventDefinition messageRef="received_msg" /></bpmn:startEvent>
   ${task('triage', 'msg.triage')}
   <bpmn:intermediateThrowEvent id="sms"><bpmn:extensionElements><zeebe:taskDefinition type="msg.send-sms" /></bpmn:extensionElements><bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>
   <bpmn:endEvent id="letter"><bpmn:extensionElements><zeebe:taskDefinition type="msg.send-letter" /></bpmn:extensionElements><bpmn:messageEventDefinition /></bpmn:endEvent>
   ${flows('received>triage', 'triage>sms', 'sms>letter')}`,
  { roots: message('received_msg', 'complaint.received') },
);

interface InstanceItem {
  processInstanceKey: string;
  state: string;
}

describe(`message start events (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let engine: ReturnType<typeof probe>;
  const instancesOf = async (processDefinitionId: string): Promise<InstanceItem[]> => {
    const { body } = await p.http.post<{ items: InstanceItem[] }>('/v2/process-instances/search', {
      filter: { processDefinitionId },
      sort: [{ field: 'processInstanceKey' }],
      page: { limit: 100 },
    });
    return body.items;
  };
  const publish = (name: string, correlationKey: string, variables = {}, timeToLive = 0) =>
    p.zeebe.publishMessage({ name, correlationKey, variables, timeToLive });

  beforeAll(async () => {
    p = await createPlatform();
    engine = probe(p);
    p.clock.pin(T0);
    await engine.deploy({ intake });
  });
  afterAll(() => p.close());

  it('a message start event starts one instance per message; a busy correlation key waits in the buffer', async () => {
    const before = (await instancesOf('complaint-intake')).length;
    await publish('complaint.received', 'CUST-0001', { channel: 'call-center' }, HOUR);
    await publish('complaint.received', 'CUST-0001', { channel: 'email' }, HOUR);
    let instances = await instancesOf('complaint-intake');
    expect(instances.length - before).toBe(1);
    const first = instances[instances.length - 1] as InstanceItem;
    expect(await engine.variables(first.processInstanceKey)).toEqual({ channel: 'call-center' });

    // Another key, or none, starts its own instance at once.
    await publish('complaint.received', 'CUST-0002', { channel: 'branch' });
    await publish('complaint.received', '', { channel: 'mobile' });
    await publish('complaint.received', '', { channel: 'mobile' });
    instances = await instancesOf('complaint-intake');
    expect(instances.length - before).toBe(4);

    // The first instance runs to its end (triage, SMS and letter are jobs); the buffered message then starts the next.
    const [triage] = await engine.jobs('msg.triage', first.processInstanceKey);
    await p.zeebe.completeJob({ jobKey: triage?.key as string, variables: {} });
    const [sms] = await engine.jobs('msg.send-sms', first.processInstanceKey);
    await p.zeebe.completeJob({ jobKey: sms?.key as string, variables: {} });
    const [letter] = await engine.jobs('msg.send-letter', first.processInstanceKey);
    await p.zeebe.completeJob({ jobKey: letter?.key as string, variables: {} });
    expect(await engine.trail(first.processInstanceKey)).toEqual([
      'received:COMPLETED',
      'triage:COMPLETED',
      'sms:COMPLETED',
      'letter:COMPLETED',
    ]);
    instances = await instancesOf('complaint-intake');
    expect(instances.length - before).toBe(5);
    const next = instances[instances.length - 1] as InstanceItem;
    expect(await engine.variables(next.processInstanceKey)).toEqual({ channel: 'email' });
  });

  it('only the latest version starts on a message: a version without the message start stops it', async () => {
    await p.zeebe.deployResource({
      name: 'intake-v2.bpmn',
      process: Buffer.from(
        bpmn(
          'complaint-intake',
          `<bpmn:startEvent id="start" />${task('triage', 'msg.triage-v2')}${flows('start>triage')}`,
        ),
      ),
    });
    const before = (await instancesOf('complaint-intake')).length;
    await publish('complaint.received', 'CUST-0900', { channel: 'email' });
    expect((await instancesOf('complaint-intake')).length).toBe(before);
  });
});
