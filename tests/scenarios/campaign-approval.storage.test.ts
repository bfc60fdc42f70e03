import { expect, it } from 'vitest';
import {
  type CampaignDto,
  campaign,
  consent,
  customer,
  decide,
  loadAudience,
  messages,
  type Problem,
  reaches,
  read,
  segment,
} from '../../modules/campaigns/test-kit.ts';
import { describeOnEngines } from './engines.ts';

const HOUR = 3_600_000;
const offer = { limit: 10_000_000, offerUrl: 'https://bank.example/kk' };
/** The next Sunday 10:00 WIB after `now`: the contact window is closed all day. */
const nextSunday = (now: number) => {
  const wib = new Date(now + 7 * HOUR);
  const days = (7 - wib.getUTCDay()) % 7 || 7;
  return Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate() + days, 10 - 7);
};

/**
 * DOMAIN process 2, campaign approval (maker-checker), through the HTTP API on the shipped
 * model: a large audience waits for compliance; the maker never approves, whatever roles they
 * hold; a rejection returns to the maker with the comment; approved offers go only to customers
 * with consent on the channel and only inside the contact window; pause, resume and cancel.
 */
describeOnEngines('scenario: campaign approval', (p) => {
  const submitted = async (as: string, fields: Record<string, unknown>) => {
    const draft = await campaign(p(), as, {
      channel: 'sms',
      templateKey: 'promo.kartu-kredit',
      data: offer,
      ...fields,
    });
    const answer = await p().as(as).post<CampaignDto>(`/api/campaigns/${draft.id}/submit`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return draft.id;
  };
  const counted = (id: string) =>
    p().eventually(async () => {
      const now = await read(p(), id);
      expect(now.approval).not.toBeNull();
      return now;
    });

  it('given a Sunday (the contact window closed all day)', async () => {
    await p().advance(nextSunday(p().clock.now()) - p().clock.now());
    const window = await p()
      .as('marketing1')
      .get<{ open: boolean }>(
        `/api/calendar/contact-window?at=${encodeURIComponent(new Date(p().clock.now()).toISOString())}`,
      );
    expect(window.body.open).toBe(false);
  });

  it('a campaign with 12,000 eligible customers waits for compliance; lead1 cannot approve it (403), compliance1 can', async () => {
    await loadAudience(p(), 12_000, 'Kota Uji Besar', 'sms');
    const big = await segment(p(), 'Kota Uji Besar', { cities: ['Kota Uji Besar'] });
    // Scheduled a month ahead: approval is the point here, not 12,000 messages.
    const id = await submitted('lead1', {
      name: 'Kartu kredit untuk 12.000 nasabah',
      segmentId: big,
      scheduledAt: new Date(p().clock.now() + 30 * 24 * HOUR).toISOString(),
    });
    expect(await counted(id)).toMatchObject({
      status: 'PENDING_APPROVAL',
      approval: 'compliance',
      eligibleCount: 12_000,
      maker: 'lead1',
    });
    const own = await p().as('lead1').post<Problem>(`/api/campaigns/${id}/approve`, {});
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FOUR_EYES');
    // Nor through the task list: the task is not in lead1's lists at all.
    const lists = await p()
      .as('lead1')
      .get<{ items: { variables: { campaignId?: string } }[] }>('/api/tasks/groups?limit=200');
    expect(lists.body.items.filter((t) => t.variables.campaignId === id)).toEqual([]);
    const approved = await decide(p(), id, 'compliance1', 'approve', { comment: 'Sesuai ketentuan' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(await reaches(p(), id, 'APPROVED')).toMatchObject({
      checker: 'compliance1',
      comment: 'Sesuai ketentuan',
    });
    expect((await p().as('marketing1').post<CampaignDto>(`/api/campaigns/${id}/cancel`)).body.status).toBe(
      'CANCELLED',
    );
    expect((await read(p(), id)).funnel.queued).toBe(0);
  }, 120_000);

  it('a rejected campaign returns to its maker with the comment, and can be edited and submitted again', async () => {
    await customer(p(), { city: 'Kota Uji Tolak' }, ['sms']);
    const seg = await segment(p(), 'Kota Uji Tolak', { cities: ['Kota Uji Tolak'] });
    const id = await submitted('marketing1', { name: 'Ditolak', segmentId: seg, requireApproval: true });
    await counted(id);
    const rejected = await decide(p(), id, 'compliance2', 'reject', {
      comment: 'Cantumkan syarat dan ketentuan',
    });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(await reaches(p(), id, 'REJECTED')).toMatchObject({
      maker: 'marketing1',
      checker: 'compliance2',
      comment: 'Cantumkan syarat dan ketentuan',
    });
    const again = await p().as('marketing1').post<CampaignDto>(`/api/campaigns/${id}/submit`);
    expect(again.body).toMatchObject({ status: 'PENDING_APPROVAL', submission: 2 });
    expect(await counted(id)).toMatchObject({ approval: 'compliance', status: 'PENDING_APPROVAL' });
  });

  it('pause holds the next batch, resume sends it, cancel withdraws what has not gone out', async () => {
    for (let i = 0; i < 25; i += 1) await customer(p(), { city: 'Kota Uji Jeda' }, ['sms']);
    const seg = await segment(p(), 'Kota Uji Jeda', { cities: ['Kota Uji Jeda'] });
    const id = await submitted('marketing1', { name: 'Bertahap', segmentId: seg, batchSize: 10 });
    await p().eventually(async () => expect((await read(p(), id)).funnel.queued).toBe(10));
    expect((await read(p(), id)).status).toBe('SENDING');
    expect((await p().as('marketing1').post<CampaignDto>(`/api/campaigns/${id}/pause`)).body.status).toBe(
      'PAUSED',
    );
    await p().advance(60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await read(p(), id)).funnel.queued).toBe(10);
    expect((await p().as('marketing1').post<CampaignDto>(`/api/campaigns/${id}/resume`)).body.status).toBe(
      'SENDING',
    );
    await p().eventually(async () => expect((await read(p(), id)).funnel.queued).toBe(20));
    expect((await p().as('marketing1').post<CampaignDto>(`/api/campaigns/${id}/cancel`)).body.status).toBe(
      'CANCELLED',
    );
    // Sunday: all 20 were held for the window; cancelling withdrew them.
    expect((await read(p(), id)).funnel).toMatchObject({ queued: 20, suppressed: 20, sent: 0 });
    await p().advance(60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await read(p(), id)).funnel.queued).toBe(20);
  }, 60_000);

  it('after approval only customers with consent on the channel receive it, and nothing goes out before the window opens', async () => {
    const withSms = [
      await customer(p(), { city: 'Kota Uji Jendela' }, ['sms']),
      await customer(p(), { city: 'Kota Uji Jendela' }, ['sms', 'email']),
    ];
    const withdrawn = await customer(p(), { city: 'Kota Uji Jendela' }, ['sms']);
    const emailOnly = await customer(p(), { city: 'Kota Uji Jendela', email: 'jendela@example.test' }, [
      'email',
    ]);
    const seg = await segment(p(), 'Kota Uji Jendela', { cities: ['Kota Uji Jendela'] });
    const id = await submitted('lead1', { name: 'Jendela kontak', segmentId: seg, requireApproval: true });
    expect(await counted(id)).toMatchObject({ eligibleCount: 3 });
    expect((await decide(p(), id, 'compliance1', 'approve', {})).status).toBe(200);
    await reaches(p(), id, 'COMPLETED');
    const queued = await messages(p(), id);
    expect(queued.map((m) => m.customerId).sort()).toEqual([...withSms, withdrawn].sort());
    expect(queued.map((m) => m.customerId)).not.toContain(emailOnly);
    await p().eventually(async () =>
      expect((await read(p(), id)).funnel).toMatchObject({ held: 3, sent: 0 }),
    );
    // Withdrawn before the window opens: not sent, whatever was queued.
    await consent(p(), withdrawn, 'sms', false);
    await p().advance(22 * HOUR); // Monday 08:00 WIB
    await p().eventually(async () =>
      expect((await read(p(), id)).funnel).toMatchObject({ sent: 2, delivered: 2, suppressed: 1, held: 0 }),
    );
    const after = await messages(p(), id);
    expect(after.find((m) => m.customerId === withdrawn)).toMatchObject({
      status: 'suppressed',
      statusReason: 'consent-withdrawn',
    });
  }, 60_000);
});
