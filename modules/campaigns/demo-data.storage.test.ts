import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { AuditTrail, deriveDataKeys, SubjectKeys } from '../audit/index.ts';
import { loadDemoCustomers } from '../customers/bulk-load.ts';
import { seedDemoCampaigns } from './demo-data.ts';
import { campaignService } from './index.ts';
import type { CampaignDto } from './test-kit.ts';
import { campaignProcesses } from './test-kit.ts';

/** Demo mode on an empty table: campaigns at every stage, the live ones running through the model. */
describe(`campaigns: demo data (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform({ processes: await campaignProcesses() });
    const { sequelize } = p.platform;
    const dataKeys = deriveDataKeys(p.config.dataKey);
    const audit = new AuditTrail(sequelize, dataKeys, new SubjectKeys(sequelize, dataKeys), p.clock);
    await loadDemoCustomers({ sequelize, dataKeys, audit, clock: p.clock });
  }, 60_000);
  afterAll(async () => {
    await p?.close();
  });

  it('seeds drafts, a rejection with its comment, a completed funnel, a cancellation, one pending and one sending', async () => {
    expect(await seedDemoCampaigns(campaignService(p.platform.context))).toBe(7);
    const list = async () =>
      (await p.as('compliance1').get<{ items: (CampaignDto & { name: string })[] }>('/api/campaigns')).body
        .items;
    const statuses = async () => new Set((await list()).map((c) => c.status));
    await vi.waitFor(
      async () => {
        const now = await statuses();
        for (const status of ['DRAFT', 'REJECTED', 'COMPLETED', 'CANCELLED', 'PENDING_APPROVAL', 'SENDING'])
          expect(now, status).toContain(status);
      },
      { timeout: 20_000, interval: 200 },
    );
    const items = await list();
    expect(items.find((c) => c.status === 'REJECTED')?.comment).toMatch(/Audiens terlalu luas/);
    const pending = items.find((c) => c.status === 'PENDING_APPROVAL') as CampaignDto;
    expect(pending).toMatchObject({ maker: 'lead1' });
    const completed = items.find((c) => c.status === 'COMPLETED') as CampaignDto;
    const funnel = (await p.as('marketing1').get<CampaignDto>(`/api/campaigns/${completed.id}`)).body.funnel;
    expect(funnel.delivered).toBeGreaterThan(0);
    expect(funnel.opened).toBeGreaterThan(0);
    expect(funnel.clicked).toBeGreaterThan(0);
    expect(funnel.converted).toBeGreaterThan(0);
    // lead1 made the pending one: four eyes keeps it from them.
    expect(
      (await p.as('lead1').post<{ code: string }>(`/api/campaigns/${pending.id}/approve`, {})).body.code,
    ).toBe('FOUR_EYES');
    // A second bootstrap finds the table filled.
    expect(await seedDemoCampaigns(campaignService(p.platform.context))).toBe(0);
  }, 60_000);
});
