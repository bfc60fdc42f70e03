import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { sign, verify } from './signature.ts';
import { detail, newCustomer, startReceiver, statusOf, until, WEBHOOK_SECRET } from './test-kit.ts';

const T0 = Date.parse('2026-11-24T02:00:00Z'); // Tuesday 09:00 WIB

describe(`notifications by SMS and WhatsApp through signed webhooks (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let provider: Awaited<ReturnType<typeof startReceiver>>;
  let customerId: string;
  beforeAll(async () => {
    provider = await startReceiver();
    p = await createPlatform({
      env: {
        SMS_WEBHOOK_URL: provider.url('/sms/send'),
        WHATSAPP_WEBHOOK_URL: provider.url('/wa/messages'),
        WEBHOOK_SECRET,
        PUBLIC_URL: 'https://crm.bank.example',
      },
    });
    p.clock.pin(T0);
    customerId = await newCustomer(p, { fullName: 'Dewi Sartika Nasution', phone: '+62 812-7000-1234' });
  });
  afterAll(async () => {
    await p?.close();
    await provider?.close();
  });

  const send = (channel: 'sms' | 'whatsapp', templateKey: string, data: Record<string, unknown>) =>
    p.as('supervisor1').post<{ id: string }>('/api/notifications/messages', {
      customerId,
      templateKey,
      channel,
      data,
    });
  const requestFor = async (id: string) => {
    await until(() => provider.requests.some((r) => r.body.id === id));
    return provider.requests.find((r) => r.body.id === id) as (typeof provider.requests)[number];
  };
  const callback = (channel: string, body: object, secret = WEBHOOK_SECRET) => {
    const raw = JSON.stringify(body);
    return p.anonymous.post<{ status?: string; code?: string }>(
      `/api/notifications/webhooks/${channel}`,
      raw,
      {
        'X-Signature': sign(secret, raw, Date.now()),
      },
    );
  };

  it('an SMS goes to the provider as signed JSON with the number read at send time', async () => {
    const { body } = await send('sms', 'case.resolved', {
      caseNumber: 'PGD-2026-000901',
      surveyUrl: 'https://s.example/1',
    });
    const request = await requestFor(body.id);
    expect(request.path).toBe('/sms/send');
    expect(verify(WEBHOOK_SECRET, request.headers['x-signature'] as string, request.raw, Date.now())).toBe(
      true,
    );
    expect(request.headers['idempotency-key']).toBe(body.id);
    expect(request.body).toEqual({
      id: body.id,
      channel: 'sms',
      to: '081270001234',
      text: 'Yth. Dewi Sartika Nasution, pengaduan PGD-2026-000901 telah diselesaikan. Nilai layanan kami: https://s.example/1',
      callbackUrl: 'https://crm.bank.example/api/notifications/webhooks/sms',
    });
    // The provider took it; only its callback says it was delivered.
    await statusOf(p, body.id, 'sent');
    expect((await detail(p, body.id, 'compliance1')).recipientPhone).toBe('081270001234');
    expect((await detail(p, body.id, 'marketing1')).recipientPhone).toBe('0812*****234');
  });

  it('the provider reports delivery with a signed callback; a repeat changes nothing; a forged one is refused', async () => {
    const { body } = await send('sms', 'case.resolved', {
      caseNumber: 'PGD-2026-000902',
      surveyUrl: 'https://s.example/2',
    });
    await statusOf(p, body.id, 'sent');
    const forged = await callback(
      'sms',
      { id: body.id, status: 'failed' },
      'not the secret, but long enough anyway',
    );
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('SIGNATURE_INVALID');
    const unsigned = await p.anonymous.post('/api/notifications/webhooks/sms', {
      id: body.id,
      status: 'failed',
    });
    expect(unsigned.status).toBe(401);
    const delivered = await callback('sms', { id: body.id, status: 'delivered', providerId: 'prov-x' });
    expect(delivered.status).toBe(200);
    expect(delivered.body.status).toBe('delivered');
    const late = await callback('sms', { id: body.id, status: 'failed', error: 'expired' });
    expect(late.body.status).toBe('delivered');
    expect((await detail(p, body.id)).events.map((e) => e.kind)).toEqual(['queued', 'sent', 'delivered']);
    // The id of an SMS is not a WhatsApp message.
    expect((await callback('whatsapp', { id: body.id, status: 'delivered' })).status).toBe(404);
  });

  it('a WhatsApp message the provider reports failed is failed', async () => {
    const { body } = await send('whatsapp', 'onboarding.welcome', { productName: 'Tabungan Martabe' });
    const request = await requestFor(body.id);
    expect(request.path).toBe('/wa/messages');
    expect(request.body.text).toBe(
      'Selamat datang, Dewi Sartika Nasution! Tabungan Martabe Anda telah aktif. Terima kasih telah memilih kami.',
    );
    await statusOf(p, body.id, 'sent');
    const failed = await callback('whatsapp', {
      id: body.id,
      status: 'failed',
      error: 'number not on WhatsApp',
    });
    expect(failed.body.status).toBe('failed');
    expect((await detail(p, body.id)).lastError).toBe('number not on WhatsApp');
  });

  it('a provider that refuses the request itself (4xx) fails the message at once, no retries', async () => {
    provider.answer(422);
    const { body } = await send('whatsapp', 'onboarding.welcome', { productName: 'Giro' });
    const failed = await statusOf(p, body.id, 'failed');
    expect(failed).toMatchObject({ attempts: 1, statusReason: 'refused' });
    expect(failed.lastError).toContain('answered 422');
    expect(failed.lastError).not.toContain('081270001234');
  });
});
