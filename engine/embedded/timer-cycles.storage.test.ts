import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, flows, task } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';

const INVALID_ARGUMENT = 3;
const HOUR = 3_600_000;
const T0 = Date.parse('2027-03-01T09:00:00+07:00');

const cycle = (value: string) =>
  `<bpmn:timerEventDefinition><bpmn:timeCycle>${value}</bpmn:timeCycle></bpmn:timerEventDefinition>`;

/**
 * A complaint handled by an agent; while it is open, the non-interrupting boundary timer sends
 * reminders on the given cycle.
 */
const complaint = (id: string, reminders: string) =>
  bpmn(
    id,
    `<bpmn:startEvent id="start" />
     ${task('handle', `${id}.handle`)}
     <bpmn:boundaryEvent id="remind_timer" attachedToRef="handle" cancelActivity="false">${cycle(reminders)}</bpmn:boundaryEvent>
     ${task('remind', `${id}.remind`)}
     <bpmn:endEvent id="end" />
     <bpmn:endEvent id="reminded" />
     ${flows('start>handle', 'handle>end', 'remind_timer>remind', 'remind>reminded')}`,
  );

/** Onboarding work; at process level, a non-interrupting event sub-process nudges the customer hourly. */
const onboarding = bpmn(
  'onboarding_nudges',
  `<bpmn:startEvent id="start" />
   ${task('collect', 'onboarding.collect')}
   <bpmn:endEvent id="end" />
   ${flows('start>collect', 'collect>end')}
   <bpmn:subProcess id="nudges" triggeredByEvent="true">
     <bpmn:startEvent id="nudge_start" isInterrupting="false">${cycle('R/PT1H')}</bpmn:startEvent>
     ${task('nudge', 'onboarding.nudge')}
     <bpmn:endEvent id="nudge_end" />
     ${flows('nudge_start>nudge', 'nudge>nudge_end')}
   </bpmn:subProcess>`,
);

describe(`timer cycles on boundary events and event sub-processes (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
    for (const [id, xml] of [
      ['complaint_r3', complaint('complaint_r3', 'R3/PT1H')],
      ['complaint_feel', complaint('complaint_feel', '=reminders')],
      ['onboarding_nudges', onboarding],
    ] as const) {
      await p.zeebe.deployResource({ name: `${id}.bpmn`, process: Buffer.from(xml) });
    }
  });
  afterAll(() => p.close());

  /** Jobs of `type` for one instance, activated for a year so that moving the clock never repeats them. */
  const jobs = async (type: string, key: string, waitMs = 300) =>
    (
      await p.zeebe.activateJobs({
        type,
        worker: 'test',
        maxJobsToActivate: 50,
        timeout: 365 * 24 * HOUR,
        requestTimeout: waitMs,
      } as never)
    ).filter((job) => job.processInstanceKey === key);
  const create = async (id: string, variables: Record<string, string> = {}) =>
    (await p.zeebe.createProcessInstance({ bpmnProcessId: id, variables })).processInstanceKey;

  it('given R3/PT1H reminders on a complaint, sends one an hour and stops after three', async () => {
    p.clock.pin(T0);
    const key = await create('complaint_r3');
    for (const hours of [1, 2, 3]) {
      p.clock.pin(T0 + hours * HOUR);
      expect(await jobs('complaint_r3.remind', key, 5_000)).toHaveLength(1);
    }
    p.clock.pin(T0 + 4 * HOUR);
    p.clock.pin(T0 + 8 * HOUR);
    expect(await jobs('complaint_r3.remind', key)).toEqual([]);
    // The complaint itself was never interrupted.
    expect(await jobs('complaint_r3.handle', key)).toHaveLength(1);
  });

  it('given a complaint handled after the first reminder, sends no more', async () => {
    const t0 = T0 + 24 * HOUR;
    p.clock.pin(t0);
    const key = await create('complaint_r3');
    const [handling] = await jobs('complaint_r3.handle', key, 5_000);
    p.clock.pin(t0 + HOUR);
    expect(await jobs('complaint_r3.remind', key, 5_000)).toHaveLength(1);
    await p.zeebe.completeJob({ jobKey: handling?.key as string, variables: {} });
    p.clock.pin(t0 + 2 * HOUR);
    p.clock.pin(t0 + 3 * HOUR);
    expect(await jobs('complaint_r3.remind', key)).toEqual([]);
    expect(await probe(p).trail(key)).toEqual(
      expect.arrayContaining(['handle:COMPLETED', 'remind_timer:COMPLETED', 'end:COMPLETED']),
    );
  });

  it('given the cycle as FEEL, takes it from the variables; a value that is no cycle is an incident', async () => {
    const t0 = T0 + 48 * HOUR;
    p.clock.pin(t0);
    const key = await create('complaint_feel', { reminders: 'R2/PT30M' });
    p.clock.pin(t0 + HOUR / 2);
    expect(await jobs('complaint_feel.remind', key, 5_000)).toHaveLength(1);
    p.clock.pin(t0 + HOUR);
    expect(await jobs('complaint_feel.remind', key, 5_000)).toHaveLength(1);
    p.clock.pin(t0 + 3 * HOUR);
    expect(await jobs('complaint_feel.remind', key)).toEqual([]);

    const bad = await create('complaint_feel', { reminders: 'every hour' });
    expect(await probe(p).incidents(bad)).toMatchObject([
      {
        errorType: 'EXTRACT_VALUE_ERROR',
        elementId: 'handle',
        errorMessage: expect.stringContaining('remind_timer'),
      },
    ]);
  });

  it('given a non-interrupting event sub-process on a cycle, it starts each hour while the instance is active', async () => {
    const t0 = T0 + 72 * HOUR;
    p.clock.pin(t0);
    const key = await create('onboarding_nudges');
    const nudges = [];
    for (const hours of [1, 2]) {
      p.clock.pin(t0 + hours * HOUR);
      nudges.push(...(await jobs('onboarding.nudge', key, 5_000)));
      expect(nudges).toHaveLength(hours);
    }
    // Once the nudges and the work are done the instance completes, and its cycle ends with it.
    const [collect] = await jobs('onboarding.collect', key, 5_000);
    for (const job of [...nudges, collect])
      await p.zeebe.completeJob({ jobKey: job?.key as string, variables: {} });
    expect(await probe(p).instanceState(key)).toBe('COMPLETED');
    p.clock.pin(t0 + 3 * HOUR);
    expect(await jobs('onboarding.nudge', key)).toEqual([]);
  });

  it('given a cycle on an interrupting boundary event, deploy rejects it naming the element', async () => {
    const xml = complaint('bad_cycle', 'R3/PT1H').replace('cancelActivity="false"', 'cancelActivity="true"');
    await expect(
      p.zeebe.deployResource({ name: 'bad_cycle.bpmn', process: Buffer.from(xml) }),
    ).rejects.toMatchObject({
      code: INVALID_ARGUMENT,
      details: expect.stringMatching(
        /Element 'remind_timer'.*interrupting timer boundary event.*not a <bpmn:timeCycle>/s,
      ),
    });
  });
});
