import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTask } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';
import {
  consent,
  newCustomer,
  settle,
  startReceiver,
  statusOf,
  until,
  WEBHOOK_SECRET,
  wib,
} from './test-kit.ts';

const offer = { limit: 15_000_000, offerUrl: 'https://bank.example/kartu-kredit?kampanye=KK-2026' };

/**
 * DOMAIN: offers only with consent on that channel, Monday–Saturday 08:00–18:00 WIB, not on
 * national holidays — checked when the message is about to go, not only when it was queued.
 * Marketing messages are queued the way processes queue them: the worker in a deployed model.
 */
describe(`notifications: marketing rules at send time (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let provider: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    provider = await startReceiver();
    p = await createPlatform({
      env: {
        WHATSAPP_WEBHOOK_URL: provider.url('/wa'),
        SMS_WEBHOOK_URL: provider.url('/sms'),
        WEBHOOK_SECRET,
      },
    });
    p.clock.pin(wib('2026-11-27T10:00'));
    await probe(p).deploy({ notify: oneTask('notify', 'crm.notifications.send') });
  });
  afterAll(async () => {
    await p?.close();
    await provider?.close();
  });

  const customer = async (fullName: string, marketingConsent: boolean) => {
    const id = await newCustomer(p, { fullName, phone: '081377700000' });
    if (marketingConsent) await consent(p, id, 'whatsapp', true);
    return id;
  };
  const queueOffer = async (customerId: string) => {
    const result = await p.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'notify',
      variables: {
        customerId,
        templateKey: 'promo.kartu-kredit',
        channel: 'whatsapp',
        data: offer,
        ref: 'KK-2026',
      },
      requestTimeout: 20_000,
    });
    return String(result.variables.notificationId);
  };
  const requestsFor = (id: string) => provider.requests.filter((r) => r.body.id === id);

  it('queued Saturday 17:59 WIB, its retry falls at 18:00: held until Monday 08:00, then sent', async () => {
    const id = await customer('Saturday Sembiring', true).then(async (c) => {
      p.clock.pin(wib('2026-11-28T17:59'));
      provider.answer(503);
      return queueOffer(c);
    });
    await until(async () => (await statusOf(p, id, 'queued')).attempts === 1);
    expect(requestsFor(id)).toHaveLength(1);
    p.clock.pin(wib('2026-11-28T18:00'));
    await until(async () => (await statusOf(p, id, 'queued')).statusReason === 'contact-window');
    const held = await statusOf(p, id, 'queued');
    expect(held.nextAttemptAt).toBe(new Date(wib('2026-11-30T08:00')).toISOString());
    expect(held.events.at(-1)?.detail).toContain('held until 2026-11-30T01:00:00.000Z');
    p.clock.pin(wib('2026-11-29T12:00')); // Sunday: still closed
    await settle();
    p.clock.pin(wib('2026-11-30T07:59'));
    await settle();
    expect(requestsFor(id)).toHaveLength(1);
    p.clock.pin(wib('2026-11-30T08:00'));
    const sent = await statusOf(p, id, 'sent');
    expect(sent.attempts).toBe(2);
    expect(requestsFor(id)).toHaveLength(2);
    expect(requestsFor(id)[1]?.body.text).toContain('limit hingga Rp 15.000.000');
  });

  it('a consent withdrawn after queuing suppresses the offer; no consent, or an erased customer, too', async () => {
    p.clock.pin(wib('2026-12-06T10:00')); // Sunday
    const withdrawn = await customer('Tarik Persetujuan', true);
    const never = await customer('Tanpa Persetujuan', false);
    const erased = await customer('Akan Dihapus', true);
    const kept = await customer('Tetap Setuju', true);
    const ids = {
      withdrawn: await queueOffer(withdrawn),
      never: await queueOffer(never),
      erased: await queueOffer(erased),
      kept: await queueOffer(kept),
    };
    // No consent: suppressed at once, whatever the hour.
    expect((await statusOf(p, ids.never, 'suppressed')).statusReason).toBe('no-consent');
    for (const id of [ids.withdrawn, ids.erased, ids.kept])
      await until(async () => (await statusOf(p, id, 'queued')).statusReason === 'contact-window');
    // A service message is not held on a Sunday.
    const service = await p.as('supervisor1').post<{ id: string }>('/api/notifications/messages', {
      customerId: kept,
      templateKey: 'onboarding.welcome',
      channel: 'whatsapp',
      data: { productName: 'Tabungan Martabe' },
    });
    await statusOf(p, service.body.id, 'sent');

    await consent(p, withdrawn, 'whatsapp', false);
    const erasure = await p
      .as('compliance1')
      .delete(`/api/customers/${erased}`, { reason: 'Permintaan nasabah (UU PDP)' });
    expect(erasure.status).toBe(204);
    p.clock.pin(wib('2026-12-07T08:00')); // Monday
    await statusOf(p, ids.kept, 'sent');
    expect((await statusOf(p, ids.withdrawn, 'suppressed')).statusReason).toBe('consent-withdrawn');
    const gone = await statusOf(p, ids.erased, 'suppressed');
    expect(gone).toMatchObject({ statusReason: 'customer-erased', text: null, recipientPhone: null });
    for (const id of [ids.withdrawn, ids.never, ids.erased]) expect(requestsFor(id)).toEqual([]);
  });

  it('queued on a national holiday (Christmas, a Friday): held until Saturday 08:00', async () => {
    p.clock.pin(wib('2026-12-25T10:00'));
    const id = await queueOffer(await customer('Natal Simanjuntak', true));
    await until(async () => (await statusOf(p, id, 'queued')).statusReason === 'contact-window');
    expect((await statusOf(p, id, 'queued')).nextAttemptAt).toBe(
      new Date(wib('2026-12-26T08:00')).toISOString(),
    );
    expect(requestsFor(id)).toEqual([]);
    p.clock.pin(wib('2026-12-26T08:00'));
    await statusOf(p, id, 'sent');
    expect(requestsFor(id)).toHaveLength(1);
  });
});
