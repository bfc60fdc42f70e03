import { afterEach, describe, expect, it } from 'vitest';
import { bpmn } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { createTestDatabases, type TestDatabases } from '../../tests/harness/test-database.ts';

const INVALID_ARGUMENT = 3;
const HOUR = 3_600_000;
const T0 = Date.parse('2027-01-04T09:00:00+07:00');

/** start → timer catch → service task `after.<id>`. */
function waiting(id: string, timer: string): string {
  return bpmn(
    id,
    `<bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
     <bpmn:intermediateCatchEvent id="wait"><bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>f1</bpmn:outgoing>
       <bpmn:timerEventDefinition>${timer}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
     <bpmn:serviceTask id="after"><bpmn:extensionElements><zeebe:taskDefinition type="after.${id}" /></bpmn:extensionElements>
       <bpmn:incoming>f1</bpmn:incoming></bpmn:serviceTask>
     <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="wait" />
     <bpmn:sequenceFlow id="f1" sourceRef="wait" targetRef="after" />`,
  );
}

describe(`intermediate timer catch events (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const open: TestPlatform[] = [];
  let dbs: TestDatabases | undefined;
  afterEach(async () => {
    for (const p of open.splice(0)) await p.close();
    await dbs?.drop();
    dbs = undefined;
  });
  const start = async (options: Parameters<typeof createPlatform>[0] = {}) => {
    const p = await createPlatform(options);
    open.push(p);
    return p;
  };
  const jobsOf = (p: TestPlatform, type: string, requestTimeout = -1) =>
    p.zeebe.activateJobs({
      type,
      worker: 'w',
      maxJobsToActivate: 10,
      timeout: 60_000,
      requestTimeout,
    } as never);

  it('given a PT2H timer, the token waits until the engine clock reaches two hours later', async () => {
    const p = await start();
    p.clock.pin(T0);
    await p.zeebe.deployResource({
      name: 'two_hours.bpmn',
      process: Buffer.from(waiting('two_hours', '<bpmn:timeDuration>PT2H</bpmn:timeDuration>')),
    });
    const instance = await p.zeebe.createProcessInstance({ bpmnProcessId: 'two_hours', variables: {} });
    p.clock.pin(T0 + 2 * HOUR - 60_000);
    expect(await jobsOf(p, 'after.two_hours', 300)).toEqual([]);
    p.clock.pin(T0 + 2 * HOUR);
    const [job] = await jobsOf(p, 'after.two_hours', 5_000);
    expect(job?.processInstanceKey).toBe(instance.processInstanceKey);
  });

  it('given a date from a FEEL expression, fires at that date', async () => {
    const p = await start();
    p.clock.pin(T0);
    await p.zeebe.deployResource({
      name: 'sla.bpmn',
      process: Buffer.from(waiting('sla', '<bpmn:timeDate>=slaDueAt</bpmn:timeDate>')),
    });
    await p.zeebe.createProcessInstance({
      bpmnProcessId: 'sla',
      variables: { slaDueAt: '2027-01-05T09:00:00+07:00' },
    });
    p.clock.pin(T0 + 23 * HOUR);
    expect(await jobsOf(p, 'after.sla', 300)).toEqual([]);
    p.clock.pin(T0 + 24 * HOUR);
    expect(await jobsOf(p, 'after.sla', 5_000)).toHaveLength(1);
  });

  it('given a timer due while the platform was down, fires it after the restart', async () => {
    dbs = await createTestDatabases();
    const first = await start({ databases: dbs });
    first.clock.pin(T0);
    await first.zeebe.deployResource({
      name: 'durable.bpmn',
      process: Buffer.from(waiting('durable', '<bpmn:timeDuration>PT1H</bpmn:timeDuration>')),
    });
    const instance = await first.zeebe.createProcessInstance({ bpmnProcessId: 'durable', variables: {} });
    await first.close();
    open.splice(0);

    const second = await start({ databases: dbs });
    second.clock.pin(T0 + 3 * HOUR);
    const [job] = await jobsOf(second, 'after.durable', 5_000);
    expect(job?.processInstanceKey).toBe(instance.processInstanceKey);
  });

  it('given a FEEL duration that is not a duration, raises EXTRACT_VALUE_ERROR', async () => {
    const p = await start();
    await p.zeebe.deployResource({
      name: 'bad.bpmn',
      process: Buffer.from(waiting('bad', '<bpmn:timeDuration>=wait</bpmn:timeDuration>')),
    });
    const instance = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'bad',
      variables: { wait: 'two hours' },
    });
    const incidents = await p.http.post<{ items: { errorType: string; elementId: string }[] }>(
      '/v2/incidents/search',
      {
        filter: { processInstanceKey: instance.processInstanceKey },
      },
    );
    expect(incidents.body.items).toMatchObject([{ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'wait' }]);
  });

  it('given a cancelled instance, its timer never fires', async () => {
    const p = await start();
    p.clock.pin(T0);
    await p.zeebe.deployResource({
      name: 'cancelled.bpmn',
      process: Buffer.from(waiting('cancelled', '<bpmn:timeDuration>PT1H</bpmn:timeDuration>')),
    });
    const instance = await p.zeebe.createProcessInstance({ bpmnProcessId: 'cancelled', variables: {} });
    await p.zeebe.cancelProcessInstance(instance.processInstanceKey);
    p.clock.pin(T0 + 2 * HOUR);
    expect(await jobsOf(p, 'after.cancelled', 500)).toEqual([]);
  });

  it.each([
    [
      'a cycle',
      '<bpmn:timeCycle>R3/PT1H</bpmn:timeCycle>',
      'not a <bpmn:timeCycle>: only timer start events',
    ],
    ['a date without a zone', '<bpmn:timeDate>2027-01-05T09:00:00</bpmn:timeDate>', 'with a zone or offset'],
    ['a malformed duration', '<bpmn:timeDuration>2 hours</bpmn:timeDuration>', 'not an ISO 8601 duration'],
  ])('given %s, deploy rejects it naming the element', async (_, timer, message) => {
    const p = await start();
    await expect(
      p.zeebe.deployResource({ name: 'rejected.bpmn', process: Buffer.from(waiting('rejected', timer)) }),
    ).rejects.toMatchObject({
      code: INVALID_ARGUMENT,
      details: expect.stringMatching(new RegExp(`wait.*${message}`, 's')),
    });
  });
});
