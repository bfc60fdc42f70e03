import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { wib } from '../notifications/test-kit.ts';
import {
  type CampaignDto,
  campaign,
  campaignProcesses,
  customer,
  decide,
  messages,
  type Problem,
  reaches,
  read,
  segment,
} from './test-kit.ts';

const offer = { limit: 10_000_000, offerUrl: 'https://bank.example/kk' };

/**
 * The campaigns module on its own model: segments and their live count, drafts checked against
 * the template, submission through the approval process, automatic approval at or below the
 * threshold, compliance approval above it (here: asked for), four eyes, rejection with a comment
 * and resubmission, conversions, and the audit of every change.
 */
describe(`campaigns: segments, drafts, approval and sending (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    p = await createPlatform({ processes: await campaignProcesses() });
    p.clock.pin(wib('2026-11-25T10:00'));
    // Binjai: two priority customers with SMS consent (one with a credit card), one without
    // consent; one mass customer with e-mail consent; one aged 70.
    ids.rich = await customer(
      p,
      { city: 'Binjai', segment: 'priority', monthlyIncome: 12_000_000, birthDate: '1985-04-01' },
      ['sms'],
    );
    ids.carded = await customer(
      p,
      { city: 'Binjai', segment: 'priority', monthlyIncome: 9_000_000, birthDate: '1990-01-01' },
      ['sms', 'whatsapp'],
    );
    await p.as('agent1').post(`/api/customers/${ids.carded}/products`, {
      kind: 'card',
      productName: 'Kartu Kredit Gold',
      accountNumber: '5264190000001111',
    });
    ids.silent = await customer(p, { city: 'Binjai', segment: 'priority', monthlyIncome: 7_000_000 });
    ids.mass = await customer(
      p,
      { city: 'Binjai', segment: 'mass', monthlyIncome: 3_000_000, email: 'mass@example.test' },
      ['email'],
    );
    ids.old = await customer(
      p,
      { city: 'Binjai', segment: 'priority', monthlyIncome: 20_000_000, birthDate: '1950-06-01' },
      ['sms'],
    );
  }, 60_000);
  afterAll(async () => {
    await p?.close();
  });

  const preview = async (rules: Record<string, unknown>, channel?: string) =>
    (
      await p
        .as('marketing1')
        .post<{ count: number; eligible: number | null }>('/api/campaigns/segments/preview', {
          rules,
          channel,
        })
    ).body;

  it('the live count follows profile, product and consent rules, and the channel', async () => {
    expect(await preview({ cities: ['Binjai'] })).toEqual({ count: 5, eligible: null });
    expect(await preview({ cities: ['Binjai'], segments: ['priority'] }, 'sms')).toEqual({
      count: 4,
      eligible: 3,
    });
    expect((await preview({ cities: ['Binjai'], incomeMin: 5_000_001, lacksProducts: ['card'] })).count).toBe(
      3,
    );
    expect((await preview({ cities: ['Binjai'], hasProducts: ['card'] })).count).toBe(1);
    expect((await preview({ cities: ['Binjai'], ageMin: 30, ageMax: 45 })).count).toBe(2);
    expect((await preview({ cities: ['Binjai'], consents: [{ channel: 'whatsapp' }] })).count).toBe(1);
    const bad = await p
      .as('marketing1')
      .post<Problem>('/api/campaigns/segments/preview', { rules: { ageMin: 50, ageMax: 30 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toContain('body.rules.ageMax');
  });

  it('segments are saved, listed and changed; a second one with the same name is refused', async () => {
    ids.segment = await segment(p, 'Binjai prioritas', { cities: ['Binjai'], segments: ['priority'] });
    const again = await p
      .as('marketing1')
      .post<Problem>('/api/campaigns/segments', { name: 'Binjai prioritas', rules: {} });
    expect(again.status).toBe(409);
    const listed = await p.as('compliance1').get<{ items: { id: string }[] }>('/api/campaigns/segments');
    expect(listed.body.items.map((s) => s.id)).toContain(ids.segment);
    expect((await p.as('compliance1').post('/api/campaigns/segments', { name: 'x', rules: {} })).status).toBe(
      403,
    );
  });

  it('a draft needs a marketing template of its channel that fills in with its data', async () => {
    const service = await p.as('marketing1').post<Problem>('/api/campaigns', {
      name: 'Salah templat',
      channel: 'email',
      templateKey: 'case.resolved',
      segmentId: ids.segment,
    });
    expect(service.status).toBe(422);
    expect(service.body.errors?.[0]?.field).toBe('body.templateKey');
    const missing = await p.as('marketing1').post<Problem>('/api/campaigns', {
      name: 'Tanpa templat',
      channel: 'sms',
      templateKey: 'promo.tidak-ada',
      segmentId: ids.segment,
    });
    expect(missing.status).toBe(422);
  });

  it("a campaign's content is the template filled in with its data, readable by compliance too", async () => {
    const draft = await campaign(p, 'marketing1', {
      name: 'Isi untuk diperiksa',
      channel: 'sms',
      templateKey: 'promo.kartu-kredit',
      segmentId: ids.segment,
      data: { limit: 25_000_000, offerUrl: 'https://bank.example/kk-25' },
    });
    const id = await p.as('compliance1').get<{ text: string }>(`/api/campaigns/${draft.id}/content`);
    expect(id.status).toBe(200);
    expect(id.body.text).toContain('Budi Santoso, Kartu Kredit limit hingga Rp 25.000.000');
    expect(id.body.text).toContain('https://bank.example/kk-25');
    const en = await p
      .as('compliance1')
      .get<{ text: string }>(`/api/campaigns/${draft.id}/content?locale=en`);
    expect(en.body.text).toContain('a credit card with a limit of up to Rp 25.000.000');
    expect((await p.as('agent1').get(`/api/campaigns/${draft.id}/content`)).status).toBe(403);
    const missing = await p
      .as('compliance1')
      .get<Problem>('/api/campaigns/00000000-0000-7000-8000-000000000000/content');
    expect(missing.status).toBe(404);
    await p.as('marketing1').post(`/api/campaigns/${draft.id}/cancel`);
  });

  it('at or below the threshold a submitted campaign is approved automatically and sent to consenting customers only', async () => {
    const draft = await campaign(p, 'marketing1', {
      name: 'Kartu kredit SMS',
      channel: 'sms',
      templateKey: 'promo.kartu-kredit',
      segmentId: ids.segment,
      productKind: 'card',
      data: offer,
    });
    expect(draft.status).toBe('DRAFT');
    expect((await p.as('marketing1').post(`/api/campaigns/${draft.id}/submit`)).status).toBe(200);
    const done = await reaches(p, draft.id, 'COMPLETED');
    expect(done).toMatchObject({
      approval: 'automatic',
      checker: 'system',
      maker: 'marketing1',
      eligibleCount: 3,
    });
    const sent = await messages(p, draft.id);
    expect(sent.map((m) => m.customerId).sort()).toEqual([ids.rich, ids.carded, ids.old].sort());
    ids.completed = draft.id;
  });

  it('lead1 (marketing and compliance) cannot approve their own campaign; compliance1 rejects with a comment; lead1 resubmits', async () => {
    const draft = await campaign(p, 'lead1', {
      name: 'Kartu platinum 2',
      channel: 'sms',
      templateKey: 'promo.kartu-kredit',
      segmentId: ids.segment,
      requireApproval: true,
      data: offer,
    });
    await p.as('lead1').post(`/api/campaigns/${draft.id}/submit`);
    await reachesApproval(draft.id);
    const own = await p.as('lead1').post<Problem>(`/api/campaigns/${draft.id}/approve`, {});
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FOUR_EYES');
    const noComment = await p.as('compliance1').post<Problem>(`/api/campaigns/${draft.id}/reject`, {});
    expect(noComment.status).toBe(400);
    expect(noComment.body.errors?.[0]?.field).toBe('body.comment');
    const rejected = await decide(p, draft.id, 'compliance1', 'reject', { comment: 'Batasi audiens' });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const back = await reaches(p, draft.id, 'REJECTED');
    expect(back).toMatchObject({ checker: 'compliance1', comment: 'Batasi audiens', maker: 'lead1' });
    const edited = await p.as('lead1').put<CampaignDto>(`/api/campaigns/${draft.id}`, {
      name: 'Kartu platinum 2 (revisi)',
      channel: 'sms',
      templateKey: 'promo.kartu-kredit',
      segmentId: ids.segment,
      requireApproval: true,
      data: offer,
    });
    expect(edited.body).toMatchObject({ status: 'REJECTED', comment: 'Batasi audiens' });
    const resubmitted = await p.as('lead1').post<CampaignDto>(`/api/campaigns/${draft.id}/submit`);
    expect(resubmitted.body).toMatchObject({ status: 'PENDING_APPROVAL', submission: 2, comment: null });
    await reachesApproval(draft.id);
    const approved = await decide(p, draft.id, 'compliance2', 'approve', { comment: 'OK' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(await reaches(p, draft.id, 'COMPLETED')).toMatchObject({
      checker: 'compliance2',
      approval: 'compliance',
    });
    const trail = await p
      .as('compliance1')
      .get<{ items: { action: string; actor: string }[] }>(
        `/api/audit/entries?entityId=${draft.id}&limit=100`,
      );
    const actions = trail.body.items.map((e) => `${e.action}:${e.actor}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'campaign.create:lead1',
        'campaign.submit:lead1',
        'campaign.reject:compliance1',
        'campaign.update:lead1',
        'campaign.approve:compliance2',
      ]),
    );
  });

  it('conversions: recorded for a customer the campaign reached (refused for others), or the product taken after the touch', async () => {
    const ok = await p.as('marketing1').post<CampaignDto>(`/api/campaigns/${ids.completed}/conversions`, {
      customerId: ids.rich,
      note: 'Cabang',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.funnel.converted).toBe(1);
    const stranger = await p
      .as('marketing1')
      .post<Problem>(`/api/campaigns/${ids.completed}/conversions`, { customerId: ids.silent });
    expect(stranger.status).toBe(422);
    expect(stranger.body.code).toBe('NOT_IN_AUDIENCE');
    // Taking the offered product after the touch converts too (a card held before does not).
    p.clock.advance(86_400_000);
    await p.as('agent1').post(`/api/customers/${ids.old}/products`, {
      kind: 'card',
      productName: 'Kartu Kredit Gold',
      accountNumber: '5264190000002222',
    });
    expect((await read(p, ids.completed as string)).funnel.converted).toBe(2);
  });

  it('a cancelled draft cannot be submitted (409 INVALID_STATUS)', async () => {
    const draft = await campaign(p, 'marketing1', {
      name: 'Batal',
      channel: 'sms',
      templateKey: 'promo.kartu-kredit',
      segmentId: ids.segment,
      data: offer,
    });
    expect(
      (await p.as('marketing1').post<CampaignDto>(`/api/campaigns/${draft.id}/cancel`)).body.status,
    ).toBe('CANCELLED');
    const submit = await p.as('marketing1').post<Problem>(`/api/campaigns/${draft.id}/submit`);
    expect(submit.status).toBe(409);
    expect(submit.body.code).toBe('INVALID_STATUS');
  });

  async function reachesApproval(id: string) {
    await vi.waitFor(
      async () => {
        const now = await read(p, id);
        if (now.approval !== 'compliance') throw new Error(`not counted yet: ${now.status}`);
      },
      { timeout: 20_000, interval: 100 },
    );
  }
});
