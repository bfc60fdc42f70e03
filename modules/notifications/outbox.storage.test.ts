import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { createTestDatabases, type TestDatabases } from '../../tests/harness/test-database.ts';
import { newCustomer, settle, startReceiver, statusOf, until, WEBHOOK_SECRET, wib } from './test-kit.ts';

const T0 = wib('2026-11-24T09:00');

describe(`notifications outbox: retries, backoff, dead letters, replicas (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let databases: TestDatabases;
  let p: TestPlatform;
  let replica: TestPlatform;
  let provider: Awaited<ReturnType<typeof startReceiver>>;
  let customerId: string;
  beforeAll(async () => {
    provider = await startReceiver();
    databases = await createTestDatabases();
    const env = {
      SMS_WEBHOOK_URL: provider.url('/sms'),
      WEBHOOK_SECRET,
      NOTIFY_MAX_ATTEMPTS: '3',
      NOTIFY_RETRY_SECONDS: '60',
    };
    p = await createPlatform({ databases, env });
    // A second server on the same databases: its dispatcher competes for the same outbox.
    replica = await createPlatform({ databases, env });
    pin(T0);
    customerId = await newCustomer(p, { fullName: 'Coba Lagi Purba', phone: '081299900011' });
  });
  afterAll(async () => {
    await replica?.close();
    await p?.close();
    await provider?.close();
    await databases?.drop();
  });
  /** Both replicas' clocks at `t`, as if they shared the wall clock. */
  const pin = (t: number) => {
    p.clock.pin(t);
    replica.clock.pin(t);
  };
  const send = async (caseNumber: string) =>
    (
      await p.as('agent1').post<{ id: string }>('/api/notifications/messages', {
        customerId,
        templateKey: 'case.resolved',
        channel: 'sms',
        data: { caseNumber, surveyUrl: 'https://s.example' },
      })
    ).body.id;
  const requestsFor = (id: string) => provider.requests.filter((r) => r.body.id === id);

  it('a provider that keeps failing: retries after 60 s and 120 s, then a dead letter', async () => {
    provider.failAlways(503);
    const id = await send('PGD-RETRY-1');
    await until(async () => (await statusOf(p, id, 'queued')).attempts === 1);
    const first = await statusOf(p, id, 'queued');
    expect(first.nextAttemptAt).toBe(new Date(T0 + 60_000).toISOString());
    expect(first.lastError).toContain('answered 503');
    pin(T0 + 59_000);
    await settle();
    expect(requestsFor(id)).toHaveLength(1);
    pin(T0 + 60_000);
    await until(async () => (await statusOf(p, id, 'queued')).attempts === 2);
    expect((await statusOf(p, id, 'queued')).nextAttemptAt).toBe(new Date(T0 + 180_000).toISOString());
    pin(T0 + 180_000);
    const dead = await statusOf(p, id, 'dead');
    expect(dead).toMatchObject({ attempts: 3, statusReason: '3 attempts failed', nextAttemptAt: null });
    expect(dead.events.map((e) => e.kind)).toEqual(['queued', 'attempt-failed', 'attempt-failed', 'dead']);
    expect(requestsFor(id)).toHaveLength(3);

    const letters = await p
      .as('supervisor1')
      .get<{ items: { id: string }[] }>('/api/notifications/dead-letters');
    expect(letters.body.items.map((m) => m.id)).toContain(id);
  });

  it('a supervisor sends a dead letter again once the provider is back; a delivered one cannot be', async () => {
    const [letter] = (await p.http.get<{ items: { id: string }[] }>('/api/notifications/dead-letters')).body
      .items;
    const id = letter?.id as string;
    provider.failAlways(undefined);
    const retried = await p
      .as('supervisor1')
      .post<{ status: string; attempts: number }>(`/api/notifications/messages/${id}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ status: 'queued', attempts: 0 });
    await statusOf(p, id, 'sent');
    expect(requestsFor(id)).toHaveLength(4);
    const again = await p.as('supervisor1').post<{ code: string }>(`/api/notifications/messages/${id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('NOT_RETRYABLE');
    expect((await p.http.get<{ items: unknown[] }>('/api/notifications/dead-letters')).body.items).toEqual(
      [],
    );
  });

  it('two replicas dispatching the same outbox send each message exactly once', async () => {
    const before = provider.requests.length;
    const ids = await Promise.all(Array.from({ length: 24 }, (_, i) => send(`PGD-MANY-${i}`)));
    for (const id of ids) await statusOf(p, id, 'sent');
    await settle();
    const sent = provider.requests.slice(before).map((r) => r.body.id);
    expect(sent.sort()).toEqual([...ids].sort());
  });
});
