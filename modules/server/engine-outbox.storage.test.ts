import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bpmn, flows, message } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';

/** start → wait for `outbox-ping` (correlated by `ref`) → job `outbox.after` → end. */
const WAITING = bpmn(
  'outbox-waiting',
  `<bpmn:startEvent id="start" />
   <bpmn:intermediateCatchEvent id="ping"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
   <bpmn:serviceTask id="after"><bpmn:extensionElements><zeebe:taskDefinition type="outbox.after" /></bpmn:extensionElements></bpmn:serviceTask>
   <bpmn:endEvent id="end" />
   ${flows('start>ping', 'ping>after', 'after>end')}`,
  { roots: message('m', 'outbox-ping', '=ref') },
);

describe('engine outbox and shipped processes', () => {
  let p: TestPlatform;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'processes-'));
    await writeFile(join(dir, 'outbox-waiting.bpmn'), WAITING);
    p = await createPlatform({ processes: dir });
  });
  afterAll(async () => {
    await p?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('deploys the folder at start and sends commands written in a transaction once it commits', async () => {
    const outbox = p.platform.context.engineOutbox;
    await p.platform.sequelize.transaction(async (transaction) => {
      await outbox.enqueue(
        'case:1',
        { kind: 'create-instance', bpmnProcessId: 'outbox-waiting', variables: { ref: 'case-1' } },
        transaction,
      );
      await outbox.enqueue(
        'case:1',
        {
          kind: 'publish-message',
          name: 'outbox-ping',
          correlationKey: 'case-1',
          variables: { pinged: true },
          timeToLiveMs: 60_000,
        },
        transaction,
      );
    });
    const seen = new Promise<Record<string, unknown>>((resolve) => {
      p.zeebe.createWorker({
        taskType: 'outbox.after',
        pollInterval: 50,
        taskHandler: (job) => {
          resolve(job.variables as Record<string, unknown>);
          return job.complete();
        },
      });
    });
    expect(await seen).toEqual({ ref: 'case-1', pinged: true });
    const key = await vi.waitFor(async () => {
      const found = await outbox.instanceOf('case:1');
      expect(found).toMatch(/^\d+$/);
      return found;
    });
    // The dispatcher marks a command sent after its RPC returns: the worker may see it first.
    await vi.waitFor(async () => expect(await outbox.pending()).toEqual([]));
    expect(key).toBeDefined();
  });

  it('keeps a command the engine refuses, with the reason, and retries it', async () => {
    const outbox = p.platform.context.engineOutbox;
    await outbox.enqueue('case:2', { kind: 'create-instance', bpmnProcessId: 'not-deployed', variables: {} });
    await vi.waitFor(async () => {
      const [pending] = await outbox.pending();
      expect(pending?.ref).toBe('case:2');
      expect(pending?.lastError).toMatch(/not-deployed/);
    });
  });
});
