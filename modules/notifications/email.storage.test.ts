import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { detail, newCustomer, startSmtp, statusOf, until } from './test-kit.ts';

const T0 = Date.parse('2026-11-23T03:00:00Z'); // Monday 10:00 WIB
const caseData = {
  caseNumber: 'PGD-2026-000777',
  resolution: 'Dana Rp 250.000 telah dikembalikan.',
  surveyUrl: 'https://survei.bank.example/kepuasan?kasus=PGD-2026-000777&skor=',
};

describe(`notifications by e-mail through a real SMTP server (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let customerId: string;
  let firstId: string;
  beforeAll(async () => {
    smtp = await startSmtp();
    p = await createPlatform({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://crm.bank.example' } });
    p.clock.pin(T0);
    customerId = await newCustomer(p, {
      fullName: 'Rahmat Hidayat Lubis',
      email: 'rahmat.lubis@example.co.id',
    });
  });
  afterAll(async () => {
    await p?.close();
    await smtp?.close();
  });

  const send = (body: Record<string, unknown>, as = 'agent1') =>
    p.as(as).post<{ id: string; status: string; code?: string }>('/api/notifications/messages', {
      customerId,
      templateKey: 'case.resolved',
      channel: 'email',
      data: caseData,
      ref: 'PGD-2026-000777',
      ...body,
    });
  const mailFor = async (id: string) => {
    await until(() => smtp.mails.some((m) => m.headers.get('x-notification-id') === id));
    return smtp.mails.find((m) => m.headers.get('x-notification-id') === id) as (typeof smtp.mails)[number];
  };
  const path = (url: string) => url.replace('https://crm.bank.example', '');

  it('an agent sends a service e-mail: it arrives in Bahasa Indonesia with a tracking pixel and tracked links', async () => {
    const queued = await send({});
    expect(queued.status).toBe(201);
    expect(queued.body.status).toBe('queued');
    firstId = queued.body.id;
    const mail = await mailFor(firstId);
    expect(mail.subject).toBe('Pengaduan Anda telah diselesaikan (PGD-2026-000777)');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('rahmat.lubis@example.co.id');
    expect(mail.from?.text).toContain('notifikasi@bank.example');
    expect(mail.text).toContain('Yth. Bapak/Ibu Rahmat Hidayat Lubis');
    expect(mail.text).toContain('Penyelesaian: Dana Rp 250.000 telah dikembalikan.');
    const html = String(mail.html);
    expect(html).toContain('telah kami selesaikan');
    expect(html).toMatch(
      /<img src="https:\/\/crm\.bank\.example\/api\/notifications\/track\/[^"]+\/open" width="1" height="1"/,
    );
    expect(html).not.toContain('survei.bank.example');
    expect(html).toMatch(/href="https:\/\/crm\.bank\.example\/api\/notifications\/track\/[^"]+\/click\/0"/);
    // SMTP accepted it: for e-mail that is the delivery the platform can see.
    const after = await statusOf(p, firstId, 'delivered');
    expect(after).toMatchObject({ attempts: 1, templateVersion: 1, subject: mail.subject });
    // It is a touch on the customer's timeline.
    const timeline = await p
      .as('agent1')
      .get<{ items: { kind: string; channel: string; refType: string; refId: string }[] }>(
        `/api/customers/${customerId}/timeline`,
      );
    expect(timeline.body.items[0]).toMatchObject({
      kind: 'message',
      channel: 'email',
      refType: 'notification',
      refId: firstId,
    });
  });

  it('the recipient is masked for a supervisor and in clear for compliance; reading it is audited', async () => {
    expect((await detail(p, firstId, 'supervisor1')).recipientEmail).toBe('r***********@example.co.id');
    expect((await detail(p, firstId, 'compliance1')).recipientEmail).toBe('rahmat.lubis@example.co.id');
    const trail = await p
      .as('compliance1')
      .get<{ items: { action: string }[] }>(`/api/audit/entries?entityId=${firstId}`);
    expect(trail.body.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['notification.queue', 'notification.view']),
    );
  });

  it('opening counts through the pixel; a click redirects only to the link of that message', async () => {
    const html = String((await mailFor(firstId)).html);
    const pixel = path(/<img src="([^"]+)"/.exec(html)?.[1] as string);
    const click = path(/href="([^"]+\/click\/0)"/.exec(html)?.[1] as string);
    const gif = await fetch(new URL(pixel, p.platform.url));
    expect(gif.status).toBe(200);
    expect(gif.headers.get('content-type')).toBe('image/gif');
    expect((await gif.arrayBuffer()).byteLength).toBeGreaterThan(30);
    await fetch(new URL(pixel, p.platform.url));
    const redirect = await fetch(new URL(click, p.platform.url), { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(caseData.surveyUrl);
    // No other link of this message, and no token the platform did not make.
    expect((await p.anonymous.get(click.replace(/\/click\/0$/, '/click/7'))).status).toBe(404);
    const forged = click.replace(/\.([A-Za-z0-9_-]{22})\//, '.AAAAAAAAAAAAAAAAAAAAAA/');
    expect((await p.anonymous.get(forged)).status).toBe(404);
    expect((await p.anonymous.get(`/api/notifications/track/x/click/0?to=https://evil.example`)).status).toBe(
      400,
    );
    expect(await detail(p, firstId)).toMatchObject({ openCount: 2, clickCount: 1 });
  });

  it('counts per template and per ref', async () => {
    const byTemplate = await p
      .as('marketing1')
      .get<{ items: Record<string, unknown>[] }>('/api/notifications/stats?templateKey=case.resolved');
    expect(byTemplate.body.items).toEqual([
      expect.objectContaining({
        templateKey: 'case.resolved',
        channel: 'email',
        total: 1,
        byStatus: { delivered: 1 },
        opened: 1,
        opens: 2,
        clicked: 1,
        clicks: 1,
      }),
    ]);
    const byRef = await p
      .as('marketing1')
      .get<{ items: Record<string, unknown>[] }>('/api/notifications/stats?by=ref&ref=PGD-2026-000777');
    expect(byRef.body.items).toEqual([
      expect.objectContaining({ ref: 'PGD-2026-000777', total: 1, opens: 2 }),
    ]);
  });

  it('a message records the template version it used; English on request', async () => {
    const current = await p.http.get<{ content: Record<string, unknown>; sampleData: object }>(
      '/api/notifications/templates/case.resolved/email',
    );
    const saved = await p
      .as('marketing1')
      .put<{ version: number }>('/api/notifications/templates/case.resolved/email', {
        purpose: 'service',
        content: current.body.content,
        sampleData: current.body.sampleData,
        description: 'Kata-kata yang sama, versi baru',
      });
    expect(saved.body.version).toBe(2);
    const english = await send({ locale: 'en' });
    const mail = await mailFor(english.body.id);
    expect(mail.subject).toBe('Your complaint has been resolved (PGD-2026-000777)');
    expect((await statusOf(p, english.body.id, 'delivered')).templateVersion).toBe(2);
    expect((await detail(p, firstId)).templateVersion).toBe(1);
  });

  it('offers cannot be sent directly; an unknown customer or template is not found', async () => {
    const offer = await send({ templateKey: 'promo.kartu-kredit', data: { limit: 5_000_000 } });
    expect(offer.status).toBe(422);
    expect(offer.body.code).toBe('MARKETING_NOT_ALLOWED');
    const unknown = await send({ customerId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    const missing = await send({ templateKey: 'case.lost' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('TEMPLATE_NOT_FOUND');
  });

  it('a customer without an e-mail address: the message fails for good, without retries', async () => {
    const noEmail = await newCustomer(p, { fullName: 'Tanpa Surel' });
    const queued = await send({ customerId: noEmail });
    const failed = await statusOf(p, queued.body.id, 'failed');
    expect(failed.statusReason).toBe('no-address');
  });
});
