import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, flows, task } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';

const INVALID_ARGUMENT = 3;
const condition = (id: string, from: string, to: string, source: string) =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression>${source}</bpmn:conditionExpression></bpmn:sequenceFlow>`;

/**
 * Notify a customer on every channel they consented to (inclusive fork), then close the case
 * once every notification that was started is done (inclusive join); with no consent at all,
 * a letter goes out (default flow).
 */
const notify = bpmn(
  'notify',
  `<bpmn:startEvent id="start" />
   <bpmn:inclusiveGateway id="channels" default="channels-letter" />
   ${task('sms', 'inclusive.sms')}
   ${task('email', 'inclusive.email')}
   ${task('whatsapp', 'inclusive.whatsapp')}
   ${task('letter', 'inclusive.letter')}
   <bpmn:inclusiveGateway id="done" />
   ${task('close', 'inclusive.close')}
   <bpmn:endEvent id="end" />
   ${condition('channels-sms', 'channels', 'sms', '=consent.sms')}
   ${condition('channels-email', 'channels', 'email', '=consent.email')}
   ${condition('channels-whatsapp', 'channels', 'whatsapp', '=consent.whatsapp')}
   ${flows('channels>letter', 'start>channels', 'sms>done', 'email>done', 'whatsapp>done', 'letter>done', 'done>close', 'close>end')}`,
);

/** No default flow: nothing true is an incident. */
const strict = bpmn(
  'strict',
  `<bpmn:startEvent id="start" />
   <bpmn:inclusiveGateway id="route" />
   ${task('a', 'inclusive.a')}${task('b', 'inclusive.b')}
   <bpmn:endEvent id="end_a" /><bpmn:endEvent id="end_b" />
   ${condition('route-a', 'route', 'a', '=x > 1')}
   ${condition('route-b', 'route', 'b', '=x > 2')}
   ${flows('start>route', 'a>end_a', 'b>end_b')}`,
);

describe(`inclusive gateways (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let engine: ReturnType<typeof probe>;
  beforeAll(async () => {
    p = await createPlatform();
    engine = probe(p);
    await p.zeebe.deployResources([
      { name: 'notify.bpmn', process: Buffer.from(notify) },
      { name: 'strict.bpmn', process: Buffer.from(strict) },
    ]);
  });
  afterAll(() => p.close());

  const start = async (bpmnProcessId: string, variables: Record<string, unknown>) =>
    (await p.zeebe.createProcessInstance({ bpmnProcessId, variables: variables as never }))
      .processInstanceKey;
  const complete = async (type: string, key: string) => {
    const [job] = await engine.jobs(type, key);
    if (!job) throw new Error(`no ${type} job`);
    await p.zeebe.completeJob({ jobKey: job.key, variables: {} });
  };

  it('forks to every true condition and joins when all started paths are done', async () => {
    const key = await start('notify', { consent: { sms: true, email: true, whatsapp: false } });
    expect(await engine.jobs('inclusive.whatsapp', key)).toEqual([]);
    await complete('inclusive.sms', key);
    expect(await engine.jobs('inclusive.close', key)).toEqual([]);
    await complete('inclusive.email', key);
    await complete('inclusive.close', key);
    expect(await engine.instanceState(key)).toBe('COMPLETED');
    expect(await engine.trail(key)).toEqual([
      'start:COMPLETED',
      'channels:COMPLETED',
      // Without <bpmn:outgoing>, Zeebe takes flows in reverse document order.
      'email:COMPLETED',
      'sms:COMPLETED',
      'done:COMPLETED',
      'close:COMPLETED',
      'end:COMPLETED',
    ]);
  });

  it('with one path taken, the join does not wait for the others', async () => {
    const key = await start('notify', { consent: { sms: false, email: false, whatsapp: true } });
    await complete('inclusive.whatsapp', key);
    await complete('inclusive.close', key);
    expect(await engine.instanceState(key)).toBe('COMPLETED');
  });

  it('with no true condition the default flow is taken', async () => {
    const key = await start('notify', { consent: { sms: false, email: false, whatsapp: false } });
    await complete('inclusive.letter', key);
    await complete('inclusive.close', key);
    expect(await engine.instanceState(key)).toBe('COMPLETED');
  });

  it('with no true condition and no default flow, a CONDITION_ERROR incident; a null condition is an EXTRACT_VALUE_ERROR', async () => {
    const none = await start('strict', { x: 0 });
    expect(await engine.incidents(none)).toMatchObject([
      { errorType: 'CONDITION_ERROR', elementId: 'route' },
    ]);
    const missing = await start('strict', {});
    expect(await engine.incidents(missing)).toMatchObject([
      { errorType: 'EXTRACT_VALUE_ERROR', elementId: 'route' },
    ]);
  });

  it('deploy rejects a flow leaving an inclusive gateway without a condition that is not the default', async () => {
    const xml = bpmn(
      'loose',
      `<bpmn:startEvent id="start" /><bpmn:inclusiveGateway id="g" />${task('a', 'x')}${task('b', 'y')}
       ${flows('start>g', 'g>a', 'g>b')}`,
    );
    await expect(
      p.zeebe.deployResource({ name: 'loose.bpmn', process: Buffer.from(xml) }),
    ).rejects.toMatchObject({
      code: INVALID_ARGUMENT,
      details: expect.stringContaining(
        "Element 'g-a': a sequence flow leaving inclusive gateway 'g' needs a condition or must be its default flow",
      ),
    });
  });
});
