import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTask } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';

const INVALID_ARGUMENT = 3;
const NOT_FOUND = 5;
const FAILED_PRECONDITION = 9;
const MINUTE = 60_000;

describe(`the job lifecycle and instance commands (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let type = 0;
  beforeAll(async () => {
    p = await createPlatform();
  });
  afterAll(() => p.close());

  /** A fresh process with its own job type, one instance started, its job activated. */
  async function started(variables: Record<string, number> = {}) {
    const jobType = `lifecycle.${++type}`;
    await p.zeebe.deployResource({
      name: `p${type}.bpmn`,
      process: Buffer.from(oneTask(`p${type}`, jobType)),
    });
    const instance = await p.zeebe.createProcessInstance({ bpmnProcessId: `p${type}`, variables });
    const [job] = await activate(jobType);
    if (!job) throw new Error('no job');
    return { jobType, instance, job };
  }
  const activate = (jobType: string, timeout = 5 * MINUTE) =>
    p.zeebe.activateJobs({
      type: jobType,
      worker: 'w',
      maxJobsToActivate: 5,
      timeout,
      requestTimeout: -1,
    } as never);

  it('given a job failed with a backoff, it stays failed until the engine clock passes the backoff', async () => {
    const start = Date.parse('2027-03-01T02:00:00Z');
    p.clock.pin(start);
    const { jobType, job } = await started();
    await p.zeebe.failJob({
      jobKey: job.key,
      retries: 2,
      errorMessage: 'try later',
      retryBackOff: 10 * MINUTE,
    });
    await expect(p.zeebe.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({
      code: FAILED_PRECONDITION,
    });
    p.clock.pin(start + 9 * MINUTE);
    expect(await activate(jobType)).toEqual([]);
    p.clock.pin(start + 10 * MINUTE);
    const [again] = await activate(jobType);
    expect(again).toMatchObject({ key: job.key, retries: 2 });
    p.clock.reset();
  });

  it('given an activated job past its deadline, hands it out again with its retries unchanged', async () => {
    const start = Date.parse('2027-03-02T02:00:00Z');
    p.clock.pin(start);
    const { jobType, job } = await started();
    expect(await activate(jobType)).toEqual([]);
    p.clock.pin(start + 5 * MINUTE);
    const [again] = await activate(jobType);
    expect(again).toMatchObject({ key: job.key, retries: 3 });
    p.clock.reset();
  });

  it('given a timed-out job nobody took yet, still accepts its completion', async () => {
    const start = Date.parse('2027-03-03T02:00:00Z');
    p.clock.pin(start);
    const { job } = await started();
    p.clock.pin(start + 6 * MINUTE);
    await p.zeebe.completeJob({ jobKey: job.key, variables: {} });
    p.clock.reset();
  });

  it('UpdateJobTimeout moves the deadline of an activated job, and refuses one that is not activated', async () => {
    const start = Date.parse('2027-03-04T02:00:00Z');
    p.clock.pin(start);
    const { jobType, job } = await started();
    await p.zeebe.updateJobTimeout({ jobKey: job.key, timeout: MINUTE });
    p.clock.pin(start + MINUTE);
    const [again] = await activate(jobType);
    expect(again?.deadline).toBe(String(start + MINUTE + 5 * MINUTE));
    await p.zeebe.failJob({ jobKey: job.key, retries: 1, errorMessage: 'x', retryBackOff: 0 });
    await expect(p.zeebe.updateJobTimeout({ jobKey: job.key, timeout: MINUTE })).rejects.toMatchObject({
      code: FAILED_PRECONDITION,
    });
    p.clock.reset();
  });

  it('UpdateJobRetries refuses fewer than one retry and unknown jobs', async () => {
    const { job } = await started();
    await expect(p.zeebe.updateJobRetries({ jobKey: job.key, retries: 0 })).rejects.toMatchObject({
      code: INVALID_ARGUMENT,
    });
    await expect(p.zeebe.updateJobRetries({ jobKey: '2251799813999999', retries: 2 })).rejects.toMatchObject({
      code: NOT_FOUND,
    });
    await p.zeebe.updateJobRetries({ jobKey: job.key, retries: 5 });
  });

  it('given ThrowError with nothing to catch it, the job is in error and cannot be completed', async () => {
    const { job } = await started();
    await p.zeebe.throwError({
      jobKey: job.key,
      errorCode: 'INSUFFICIENT_FUNDS',
      errorMessage: 'saldo kurang',
    });
    await expect(p.zeebe.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({
      code: FAILED_PRECONDITION,
    });
  });

  it('CancelProcessInstance removes its jobs; a second cancel answers NOT_FOUND', async () => {
    const { instance, job } = await started();
    await p.zeebe.cancelProcessInstance(instance.processInstanceKey);
    await expect(p.zeebe.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({
      code: NOT_FOUND,
    });
    await expect(p.zeebe.cancelProcessInstance(instance.processInstanceKey)).rejects.toMatchObject({
      code: NOT_FOUND,
    });
  });

  it('SetVariables on the process instance is seen by the next activation; a non-object is refused', async () => {
    const { jobType, instance, job } = await started({ a: 1 });
    await p.zeebe.setVariables({
      elementInstanceKey: instance.processInstanceKey,
      variables: { b: 2 },
      local: false,
    });
    await p.zeebe.failJob({ jobKey: job.key, retries: 1, errorMessage: 'again', retryBackOff: 0 });
    const [again] = await activate(jobType);
    expect(again?.variables).toEqual({ a: 1, b: 2 });
    await expect(
      p.zeebe.setVariables({ elementInstanceKey: '2251799813999999', variables: { x: 1 }, local: true }),
    ).rejects.toMatchObject({ code: NOT_FOUND });
  });
});
