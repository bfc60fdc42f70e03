import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, flows, task } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';

const INVALID_ARGUMENT = 3;
const DAY = 86_400_000;
const T0 = Date.parse('2027-04-05T09:00:00+07:00');

/**
 * A complaint waits for the customer's documents: they arrive by message (correlated on the
 * case number), or the case is withdrawn by signal, or after 5 days it is closed for lack of
 * documents — whichever comes first.
 */
const waiting = bpmn(
  'await_documents',
  `<bpmn:startEvent id="start" />
   <bpmn:eventBasedGateway id="wait" />
   <bpmn:intermediateCatchEvent id="documents"><bpmn:messageEventDefinition messageRef="docs" /></bpmn:intermediateCatchEvent>
   <bpmn:intermediateCatchEvent id="withdrawn"><bpmn:signalEventDefinition signalRef="withdraw" /></bpmn:intermediateCatchEvent>
   <bpmn:intermediateCatchEvent id="five_days"><bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
   ${task('review', 'ebg.review')}${task('close_unanswered', 'ebg.close')}
   <bpmn:endEvent id="end_review" /><bpmn:endEvent id="end_closed" /><bpmn:endEvent id="end_withdrawn" />
   ${flows('start>wait', 'wait>documents', 'wait>withdrawn', 'wait>five_days', 'documents>review', 'review>end_review', 'five_days>close_unanswered', 'close_unanswered>end_closed', 'withdrawn>end_withdrawn')}`,
  {
    roots: `<bpmn:message id="docs" name="complaint.documents"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseNumber" /></bpmn:extensionElements></bpmn:message>
            <bpmn:signal id="withdraw" name="complaint.withdrawn-all" />`,
  },
);

describe(`event-based gateways (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let engine: ReturnType<typeof probe>;
  beforeAll(async () => {
    p = await createPlatform();
    engine = probe(p);
    await engine.deploy({ waiting });
  });
  afterAll(() => p.close());

  const start = async (caseNumber: string) =>
    (await p.zeebe.createProcessInstance({ bpmnProcessId: 'await_documents', variables: { caseNumber } }))
      .processInstanceKey;
  const publish = (caseNumber: string, variables: Record<string, unknown>, timeToLive = 0) =>
    p.zeebe.publishMessage({
      name: 'complaint.documents',
      correlationKey: caseNumber,
      variables,
      timeToLive,
    } as never);

  it('the first event wins: a message; the timer after it no longer fires', async () => {
    p.clock.pin(T0);
    const key = await start('CMP-2027-0001');
    await publish('CMP-2027-0001', { documents: ['ktp.pdf', 'mutasi.pdf'] });
    const [review] = await engine.jobs('ebg.review', key);
    expect(review?.variables).toEqual({ caseNumber: 'CMP-2027-0001', documents: ['ktp.pdf', 'mutasi.pdf'] });
    p.clock.pin(T0 + 6 * DAY);
    expect(await engine.jobs('ebg.close', key, 300)).toEqual([]);
    expect(await engine.trail(key)).toEqual([
      'start:COMPLETED',
      'wait:COMPLETED',
      'documents:COMPLETED',
      'review:ACTIVE',
    ]);
  });

  it('the timer wins when nothing arrives in time; a later message finds no one waiting', async () => {
    p.clock.pin(T0);
    const key = await start('CMP-2027-0002');
    p.clock.pin(T0 + 5 * DAY);
    expect(await engine.jobs('ebg.close', key, 5_000)).toHaveLength(1);
    await publish('CMP-2027-0002', { documents: ['late.pdf'] });
    expect(await engine.jobs('ebg.review', key)).toEqual([]);
    expect(await engine.trail(key)).toContain('five_days:COMPLETED');
  });

  it('a signal takes a waiting gateway to its own path', async () => {
    p.clock.pin(T0);
    const key = await start('CMP-2027-0003');
    await p.zeebe.broadcastSignal({
      signalName: 'complaint.withdrawn-all',
      variables: { reason: 'nasabah mencabut' },
    });
    expect(await engine.instanceState(key)).toBe('COMPLETED');
    expect(await engine.variables(key)).toMatchObject({ reason: 'nasabah mencabut' });
  });

  it('a message buffered before the gateway is reached is taken at once', async () => {
    p.clock.pin(T0);
    await publish('CMP-2027-0004', { documents: ['early.pdf'] }, 60_000);
    const key = await start('CMP-2027-0004');
    const [review] = await engine.jobs('ebg.review', key);
    expect(review?.variables.documents).toEqual(['early.pdf']);
  });

  it('deploy rejects a gateway leading to a task', async () => {
    const xml = bpmn(
      'bad_gateway',
      `<bpmn:startEvent id="start" /><bpmn:eventBasedGateway id="g" />${task('a', 'x')}
       <bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
       ${flows('start>g', 'g>a', 'g>t')}`,
    );
    await expect(
      p.zeebe.deployResource({ name: 'bad.bpmn', process: Buffer.from(xml) }),
    ).rejects.toMatchObject({
      code: INVALID_ARGUMENT,
      details: expect.stringContaining(
        "Element 'g': an event-based gateway may only lead to intermediate timer, message or signal catch events, but 'a' is a serviceTask",
      ),
    });
  });
});
