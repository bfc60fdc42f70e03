import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTask } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { rawGateway } from '../../tests/harness/raw-gateway.ts';

describe(`StreamActivatedJobs (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
    await p.zeebe.deployResource({
      name: 'streamed.bpmn',
      process: Buffer.from(oneTask('streamed', 'streamed.work')),
    });
  });
  afterAll(() => p.close());

  it('pushes each job that becomes activatable to an open stream, with no poll', async () => {
    const raw = rawGateway(p.platform.zeebeAddress);
    const stream = raw.stream('StreamActivatedJobs', {
      type: 'streamed.raw',
      worker: 'raw',
      timeout: 30_000,
    });
    const pushed: Record<string, unknown>[] = [];
    stream?.on('data', (job) => pushed.push(job));
    stream?.on('error', () => undefined);
    try {
      await p.zeebe.deployResource({
        name: 'raw.bpmn',
        process: Buffer.from(oneTask('streamed_raw', 'streamed.raw')),
      });
      await new Promise((r) => setTimeout(r, 100));
      const instance = await p.zeebe.createProcessInstance({
        bpmnProcessId: 'streamed_raw',
        variables: { x: 1 },
      });
      for (let i = 0; i < 50 && pushed.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(pushed).toMatchObject([
        {
          type: 'streamed.raw',
          worker: 'raw',
          processInstanceKey: instance.processInstanceKey,
          variables: '{"x":1}',
        },
      ]);
    } finally {
      stream?.cancel();
      raw.close();
    }
  });

  it('pushes jobs created after the stream opened to an SDK stream worker, which completes them', async () => {
    const handled: string[] = [];
    const worker = await p.zeebe.streamJobs({
      type: 'streamed.work',
      worker: 'stream-worker',
      tenantIds: [],
      timeout: 30_000,
      taskHandler: (job) => {
        handled.push(job.processInstanceKey);
        return job.complete({ streamed: true });
      },
    });
    try {
      await new Promise((r) => setTimeout(r, 300));
      const results = await Promise.all(
        [1, 2, 3].map((n) =>
          p.zeebe.createProcessInstanceWithResult({
            bpmnProcessId: 'streamed',
            variables: { n },
            requestTimeout: 20_000,
          }),
        ),
      );
      expect(results.map((r) => r.variables)).toEqual([
        { n: 1, streamed: true },
        { n: 2, streamed: true },
        { n: 3, streamed: true },
      ]);
      expect(handled.sort()).toEqual(results.map((r) => r.processInstanceKey).sort());
    } finally {
      worker.close();
    }
  });
});
