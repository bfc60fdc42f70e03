import { afterEach, describe, expect, it } from 'vitest';
import { oneTask } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { rawGateway } from '../../tests/harness/raw-gateway.ts';
import { createTestDatabases, type TestDatabases } from '../../tests/harness/test-database.ts';

const UNAVAILABLE = 14;
const LEASE = { ttlMs: 600 };

describe(`the processor lease (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let dbs: TestDatabases;
  const platforms: TestPlatform[] = [];
  afterEach(async () => {
    for (const p of platforms.splice(0)) await p.close();
    await dbs.drop();
  });

  it('given a second platform on the same engine database, it stays on standby and takes over when the first stops', async () => {
    dbs = await createTestDatabases();
    const first = await createPlatform({ databases: dbs, engineLease: LEASE });
    platforms.push(first);
    const second = await createPlatform({ databases: dbs, engineLease: LEASE });
    platforms.push(second);

    const deploy = {
      resources: [{ name: 'lease.bpmn', content: Buffer.from(oneTask('lease', 'lease.work')) }],
    };
    const raw = rawGateway(second.platform.zeebeAddress);
    try {
      const refused = await raw.call('DeployResource', deploy);
      expect(refused.error?.code).toBe(UNAVAILABLE);
      expect(refused.error?.details).toContain('standby');
      const health = await second.http.get<{ engine: { role: string } }>('/api/health');
      expect(health.body.engine.role).toBe('standby');
      expect((await first.http.get<{ engine: { role: string } }>('/api/health')).body.engine.role).toBe(
        'active',
      );
      expect(
        (
          await first.zeebe.deployResource({
            name: 'lease.bpmn',
            process: Buffer.from(oneTask('lease', 'lease.work')),
          })
        ).deployments,
      ).toHaveLength(1);

      await first.close();
      platforms.shift();
      let taken = await raw.call('DeployResource', deploy);
      for (let i = 0; i < 40 && taken.error; i++) {
        await new Promise((r) => setTimeout(r, 100));
        taken = await raw.call('DeployResource', deploy);
      }
      expect(taken.error).toBeNull();
      // The standby saw what the first platform committed: the same bytes keep version 1.
      expect(taken.response).toMatchObject({
        deployments: [{ process: { bpmnProcessId: 'lease', version: 1 } }],
      });
    } finally {
      raw.close();
    }
  });
});
