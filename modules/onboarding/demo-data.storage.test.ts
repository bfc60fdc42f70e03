import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { loadOnboardingDemo } from './index.ts';

describe(`onboarding demo data (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform({ processes: true });
    for (const [fullName, nik] of [
      ['Maruli Tua Simanjuntak', '1271010101800001'],
      ['Ani Suryani Lubis', '1271014101820002'],
    ]) {
      const created = await p.as('supervisor1').post('/api/customers', {
        fullName,
        nik,
        segment: 'mass',
        branchCode: 'MDN-KC',
        rmUsername: 'rm1',
      });
      expect(created.status).toBe(201);
    }
  }, 60_000);
  afterAll(() => p?.close());

  it('given an empty table, then history in every outcome and live applications through the process; never twice', async () => {
    expect(await loadOnboardingDemo(p.platform.context)).toBe(2 + 2 + 3);
    expect(await loadOnboardingDemo(p.platform.context)).toBe(0);
    const statuses = await vi.waitFor(
      async () => {
        const list = await p
          .as('compliance1')
          .get<{ items: { fullName: string; status: string }[] }>('/api/onboarding/applications');
        const byStatus = list.body.items.map((a) => a.status).sort();
        expect(byStatus).toEqual([
          'COMPLETED',
          'COMPLETED',
          'COMPLETED',
          'COMPLETED',
          'IN_REVIEW',
          'REFUSED',
          'REFUSED',
        ]);
        return list.body.items;
      },
      { timeout: 20_000, interval: 100 },
    );
    expect(statuses.find((a) => a.status === 'IN_REVIEW')?.fullName).toBe('Muhammad Ikbal Harahap');
  });
});
