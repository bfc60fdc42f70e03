import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { createZeebeClient } from '../client.ts';

describe('the embedded Zeebe gateway', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
  });
  afterAll(() => p.close());

  it('answers Topology as a one-broker cluster leading partition 1', async () => {
    const topology = await p.zeebe.topology();
    expect(topology).toMatchObject({
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: '8.8.0',
      brokers: [
        { nodeId: 0, host: '127.0.0.1', partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }] },
      ],
    });
    expect(`127.0.0.1:${topology.brokers[0]?.port}`).toBe(p.platform.zeebeAddress);
  });

  it('answers UNIMPLEMENTED, naming the RPC, for what the engine does not do yet', async () => {
    await expect(p.zeebe.deleteResource({ resourceKey: '2251799813685249' })).rejects.toMatchObject({
      code: 12,
      details: 'DeleteResource is not supported by the embedded engine yet',
    });
  });

  it('reports its address in /api/health', async () => {
    const health = await p.http.get<{ engine: { address: string } }>('/api/health');
    expect(health.body.engine.address).toBe(p.platform.zeebeAddress);
  });
});

describe('a gateway that requires a token (ZEEBE_GATEWAY_TOKEN)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform({ env: { ZEEBE_GATEWAY_TOKEN: 'gateway-secret-for-tests' } });
  });
  afterAll(() => p.close());

  it('serves a client that sends the token', async () => {
    expect((await p.zeebe.topology()).clusterSize).toBe(1);
  });

  it.each([
    ['no token', undefined],
    ['a wrong token', 'not-the-secret'],
  ])('refuses a client with %s as UNAUTHENTICATED', async (_, token) => {
    const client = createZeebeClient({ address: p.platform.zeebeAddress, ...(token ? { token } : {}) });
    try {
      await expect(client.topology()).rejects.toMatchObject({ code: 16 });
    } finally {
      await client.close();
    }
  });
});
