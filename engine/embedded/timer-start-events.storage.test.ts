import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, flows, task } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { createTestDatabases, type TestDatabases } from '../../tests/harness/test-database.ts';

// Cron cycles run in the engine's zone, the process's TZ: the bank's, WIB (+07:00).
process.env.TZ = 'Asia/Jakarta';

const INVALID_ARGUMENT = 3;
const FAILED_PRECONDITION = 9;
const HOUR = 3_600_000;
/** Friday 8 January 2027, 07:00 WIB. */
const FRIDAY_7AM = Date.parse('2027-01-08T07:00:00+07:00');

const timer = (kind: 'Cycle' | 'Date', value: string) =>
  `<bpmn:timerEventDefinition><bpmn:time${kind}>${value}</bpmn:time${kind}></bpmn:timerEventDefinition>`;

/** A process started only by a timer: its start event → a service task `<type>` → end. */
function timed(id: string, kind: 'Cycle' | 'Date', value: string, type = `${id}.run`): string {
  return bpmn(
    id,
    `<bpmn:startEvent id="start">${timer(kind, value)}</bpmn:startEvent>
     ${task('run', type)}
     <bpmn:endEvent id="end" />
     ${flows('start>run', 'run>end')}`,
  );
}

const deploy = (p: TestPlatform, id: string, xml: string) =>
  p.zeebe.deployResource({ name: `${id}.bpmn`, process: Buffer.from(xml) });

/**
 * The jobs of `type` that became available, waiting up to `waitMs` for the first; activated
 * for a year, so that moving the clock by days never hands them out again.
 */
const jobsOf = (p: TestPlatform, type: string, waitMs = 300) =>
  p.zeebe.activateJobs({
    type,
    worker: 'test',
    maxJobsToActivate: 50,
    timeout: 365 * 24 * HOUR,
    requestTimeout: waitMs,
  } as never);

async function instancesOf(p: TestPlatform, bpmnProcessId: string) {
  const { body } = await p.http.post<{ items: { processDefinitionVersion: number; state: string }[] }>(
    '/v2/process-instances/search',
    { filter: { processDefinitionId: bpmnProcessId }, page: { limit: 100 } },
  );
  return body.items;
}

describe(`timer start events (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
  });
  afterAll(() => p.close());
  const started = (type: string, waitMs = 300) => jobsOf(p, type, waitMs);

  it('given a daily 08:00 WIB cron on weekdays, the SLA report starts each working morning and not at weekends', async () => {
    p.clock.pin(FRIDAY_7AM);
    await deploy(p, 'sla_report', timed('sla_report', 'Cycle', '0 0 8 * * MON-FRI'));
    expect(await started('sla_report.run')).toEqual([]);

    p.clock.pin(FRIDAY_7AM + HOUR);
    expect(await started('sla_report.run', 5_000)).toHaveLength(1);
    p.clock.pin(FRIDAY_7AM + 25 * HOUR); // Saturday 08:00
    p.clock.pin(FRIDAY_7AM + 49 * HOUR); // Sunday 08:00
    expect(await started('sla_report.run')).toEqual([]);
    p.clock.pin(FRIDAY_7AM + 73 * HOUR); // Monday 08:00
    expect(await started('sla_report.run', 5_000)).toHaveLength(1);
    expect(await instancesOf(p, 'sla_report')).toHaveLength(2);
  });

  it('given R3/PT1H, starts at most three instances, one an hour', async () => {
    const t0 = FRIDAY_7AM + 10 * 24 * HOUR;
    p.clock.pin(t0);
    await deploy(p, 'hourly', timed('hourly', 'Cycle', 'R3/PT1H'));
    for (const hours of [1, 2, 3]) {
      p.clock.pin(t0 + hours * HOUR);
      expect(await started('hourly.run', 5_000)).toHaveLength(1);
    }
    p.clock.pin(t0 + 4 * HOUR);
    p.clock.pin(t0 + 10 * HOUR);
    expect(await started('hourly.run')).toEqual([]);
    expect(await instancesOf(p, 'hourly')).toHaveLength(3);
  });

  it('given a date, starts one instance then; a date already past starts one at once', async () => {
    const t0 = FRIDAY_7AM + 20 * 24 * HOUR;
    p.clock.pin(t0);
    await deploy(p, 'campaign_launch', timed('campaign_launch', 'Date', '2027-01-28T09:00:00+07:00'));
    await deploy(p, 'backfill', timed('backfill', 'Date', '2027-01-01T00:00:00+07:00'));
    expect(await started('backfill.run', 5_000)).toHaveLength(1);
    expect(await started('campaign_launch.run')).toEqual([]);
    p.clock.pin(Date.parse('2027-01-28T09:00:00+07:00'));
    expect(await started('campaign_launch.run', 5_000)).toHaveLength(1);
    p.clock.pin(Date.parse('2027-02-28T09:00:00+07:00'));
    expect(await started('campaign_launch.run')).toEqual([]);
    expect(await instancesOf(p, 'backfill')).toHaveLength(1);
  });

  it('given a FEEL cycle, evaluates it at deployment without variables', async () => {
    const t0 = FRIDAY_7AM + 40 * 24 * HOUR;
    p.clock.pin(t0);
    await deploy(p, 'feel_cycle', timed('feel_cycle', 'Cycle', '=cycle(2, duration("PT30M"))'));
    p.clock.pin(t0 + HOUR / 2);
    expect(await started('feel_cycle.run', 5_000)).toHaveLength(1);
    p.clock.pin(t0 + HOUR);
    expect(await started('feel_cycle.run', 5_000)).toHaveLength(1);
    p.clock.pin(t0 + 2 * HOUR);
    expect(await started('feel_cycle.run')).toEqual([]);
  });

  it('a new version cancels the start timers of the one before and schedules its own', async () => {
    const t0 = FRIDAY_7AM + 60 * 24 * HOUR; // a Tuesday, 07:00
    p.clock.pin(t0);
    await deploy(p, 'daily_digest', timed('daily_digest', 'Cycle', '0 0 8 * * *', 'digest.v1'));
    await deploy(p, 'daily_digest', timed('daily_digest', 'Cycle', '0 0 9 * * *', 'digest.v2'));
    p.clock.pin(t0 + HOUR);
    expect(await started('digest.v1')).toEqual([]);
    p.clock.pin(t0 + 2 * HOUR);
    const [job] = await started('digest.v2', 5_000);
    expect(job?.processDefinitionVersion).toBe(2);

    // Version 3 has only a none start event: no timer of the process is left.
    await deploy(
      p,
      'daily_digest',
      bpmn('daily_digest', `<bpmn:startEvent id="start" />${task('run', 'digest.v3')}${flows('start>run')}`),
    );
    p.clock.pin(t0 + 26 * HOUR);
    expect(await started('digest.v2')).toEqual([]);
    expect(await started('digest.v3')).toEqual([]);
  });

  it('given a process with only timer start events, CreateProcessInstance answers FAILED_PRECONDITION', async () => {
    await deploy(p, 'timer_only', timed('timer_only', 'Cycle', 'R/P1D'));
    await expect(
      p.zeebe.createProcessInstance({ bpmnProcessId: 'timer_only', variables: {} }),
    ).rejects.toMatchObject({ code: FAILED_PRECONDITION });
  });

  it.each([
    [
      'a duration',
      timer('Cycle', 'R3/PT1H').replace(/Cycle/g, 'Duration'),
      'takes a <bpmn:timeDate> or <bpmn:timeCycle>',
    ],
    ['a five-field cron expression', timer('Cycle', '0 8 * * MON-FRI'), 'a cron expression has 6 fields'],
    [
      'an expression that gives no cycle',
      timer('Cycle', '=reportCycle'),
      'Expected a valid timer expression for start event',
    ],
  ])('given %s, deploy rejects it naming the start event', async (_, definition, message) => {
    const xml = bpmn('bad_start', `<bpmn:startEvent id="begin">${definition}</bpmn:startEvent>`);
    await expect(deploy(p, 'bad_start', xml)).rejects.toMatchObject({
      code: INVALID_ARGUMENT,
      details: expect.stringMatching(new RegExp(`Element 'begin'.*${message}`, 's')),
    });
    const { body } = await p.http.post<{ items: unknown[] }>('/v2/process-definitions/search', {
      filter: { processDefinitionId: 'bad_start' },
    });
    expect(body.items).toEqual([]);
  });
});

describe(`timer start events across restarts (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const open: TestPlatform[] = [];
  let dbs: TestDatabases | undefined;
  afterEach(async () => {
    for (const platform of open.splice(0)) await platform.close();
    await dbs?.drop();
    dbs = undefined;
  });
  const start = async () => {
    const platform = await createPlatform({ databases: dbs });
    open.push(platform);
    return platform;
  };
  const restart = async (platform: TestPlatform) => {
    await platform.close();
    open.splice(open.indexOf(platform), 1);
    return start();
  };

  it('a start timer due while the platform was down fires once after the restart, and the cycle goes on', async () => {
    dbs = await createTestDatabases();
    let p = await start();
    p.clock.pin(FRIDAY_7AM);
    await deploy(p, 'overnight', timed('overnight', 'Cycle', 'R/PT1H'));
    await deploy(p, 'at_eight', timed('at_eight', 'Date', '2027-01-08T08:00:00+07:00'));

    p = await restart(p);
    // Down from 07:00 to 12:30: five hourly occurrences missed, one instance for them.
    p.clock.pin(FRIDAY_7AM + 5.5 * HOUR);
    expect(await jobsOf(p, 'overnight.run', 5_000)).toHaveLength(1);
    expect(await jobsOf(p, 'at_eight.run', 5_000)).toHaveLength(1);

    p = await restart(p);
    p.clock.pin(FRIDAY_7AM + 6 * HOUR);
    expect(await jobsOf(p, 'overnight.run')).toEqual([]);
    p.clock.pin(FRIDAY_7AM + 6.5 * HOUR);
    expect(await jobsOf(p, 'overnight.run', 5_000)).toHaveLength(1);
    expect(await instancesOf(p, 'overnight')).toHaveLength(2);
    expect(await instancesOf(p, 'at_eight')).toHaveLength(1);
  });
});
