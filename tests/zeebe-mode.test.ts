import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZeebeClient } from '../engine/index.ts';
import { PROCESS_ID, referenceBpmn } from './bench/reference-process.ts';
import { createPlatform, type TestPlatform } from './harness/create-platform.ts';
import {
  type ReferenceEngine,
  referenceEngineUnavailable,
  startReferenceEngine,
} from './harness/zeebe-engine.ts';

const unavailable = referenceEngineUnavailable();

/**
 * ENGINE=zeebe (DESIGN principle 4): the platform runs no engine of its own and its clients
 * talk to Zeebe's gateway — here Zeebe 8.8's own engine (tests/zeebe).
 */
describe.skipIf(unavailable !== undefined)(
  `Zeebe mode${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let zeebe: ReferenceEngine;
    let p: TestPlatform;
    beforeAll(async () => {
      zeebe = await startReferenceEngine();
      p = await createPlatform({
        database: 'sqlite',
        env: { ENGINE: 'zeebe', ZEEBE_ADDRESS: zeebe.address },
      });
    }, 90_000);
    afterAll(async () => {
      await p?.close();
      await zeebe?.stop();
    });

    it('starts no embedded engine and points its clients at Zeebe', async () => {
      expect(p.platform.zeebeAddress).toBe(zeebe.address);
      expect(p.platform.engineStore).toBeUndefined();
      const health = await p.http.get<{ engine: { mode: string } }>('/api/health');
      expect(health.status).toBe(200);
      expect(health.body.engine.mode).toBe('zeebe');
    });

    it('runs the same process with the same SDK calls', async () => {
      const client = createZeebeClient({ address: p.platform.zeebeAddress });
      try {
        await client.deployResources([{ name: 'reference.bpmn', process: Buffer.from(referenceBpmn) }]);
        for (const type of ['bench.one', 'bench.two', 'bench.three'])
          client.createWorker({
            taskType: type,
            pollInterval: 50,
            taskHandler: (job) => job.complete({ score: 7 }),
          });
        const result = await client.createProcessInstanceWithResult({
          bpmnProcessId: PROCESS_ID,
          variables: { amount: 3 },
          requestTimeout: 30_000,
        });
        expect(result.variables).toEqual({ amount: 3, score: 7 });
      } finally {
        await client.close();
      }
    }, 60_000);
  },
);
