import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import type { VerifyResult } from '../audit/trail.ts';
import { RETENTION_YEARS } from './privacy.ts';

const T0 = Date.parse('2026-11-23T02:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

const sari = {
  fullName: 'Sari Dewi Nasution',
  nik: '1271016508920002',
  phone: '081377778888',
  email: 'sari.nasution@example.co.id',
  segment: 'emerging',
  branchCode: 'MDN-KC',
};

describe(`customers: consents, timeline, data-subject export, erasure, retention (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let id: string;
  beforeAll(async () => {
    p = await createPlatform();
    p.clock.pin(T0);
    id = (await p.as('agent1').post<{ id: string }>('/api/customers', sari)).body.id;
  });
  afterAll(async () => {
    await p?.close();
  });

  it('consents are kept per channel and purpose with their full history; a withdrawal holds at once', async () => {
    const agent = p.as('agent1');
    const give = { channel: 'whatsapp', purpose: 'marketing', granted: true, source: 'branch-form' };
    expect((await agent.post(`/api/customers/${id}/consents`, give)).status).toBe(200);
    p.clock.pin(T0 + DAY);
    const now = await agent.post<{ channel: string; granted: boolean }[]>(`/api/customers/${id}/consents`, {
      ...give,
      granted: false,
      source: 'call-centre',
    });
    expect(now.body).toEqual([
      {
        channel: 'whatsapp',
        purpose: 'marketing',
        granted: false,
        updatedAt: new Date(T0 + DAY).toISOString(),
      },
    ]);
    const consents = await agent.get<{ history: { granted: boolean; source: string; recordedBy: string }[] }>(
      `/api/customers/${id}/consents`,
    );
    expect(consents.body.history.map((h) => [h.granted, h.source, h.recordedBy])).toEqual([
      [false, 'call-centre', 'agent1'],
      [true, 'branch-form', 'agent1'],
    ]);
    const trail = await p
      .as('compliance1')
      .get<{ items: { action: string }[] }>(`/api/audit/entries?subjectId=${id}&action=consent.withdraw`);
    expect(trail.body.items).toHaveLength(1);
  });

  it('the timeline pages newest first across channels', async () => {
    for (let i = 0; i < 5; i++)
      await p.as('agent1').post(`/api/customers/${id}/interactions`, {
        channel: i % 2 ? 'call' : 'whatsapp',
        kind: i % 2 ? 'call' : 'message',
        summary: `Kontak ke-${i}`,
        at: new Date(T0 + 2 * DAY + i * 60_000).toISOString(),
      });
    const first = await p
      .as('agent1')
      .get<{ items: { summary: string }[]; nextBefore: string }>(`/api/customers/${id}/timeline?limit=3`);
    expect(first.body.items.map((i) => i.summary)).toEqual(['Kontak ke-4', 'Kontak ke-3', 'Kontak ke-2']);
    const second = await p
      .as('agent1')
      .get<{ items: { summary: string }[]; nextBefore: string | null }>(
        `/api/customers/${id}/timeline?limit=3&before=${first.body.nextBefore}`,
      );
    expect(second.body.items.map((i) => i.summary)).toEqual([
      'Kontak ke-1',
      'Kontak ke-0',
      expect.stringContaining('Persetujuan dicabut'),
    ]);
  });

  it('a data-subject export holds everything in clear and who processed it', async () => {
    expect((await p.as('agent1').get(`/api/customers/${id}/export`)).status).toBe(403);
    const exported = await p.as('compliance1').get<{
      customer: { nik: string; phone: string };
      consents: unknown[];
      interactions: unknown[];
      processing: { actor: string; action: string }[];
    }>(`/api/customers/${id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(
      /attachment; filename="customer-C\d{10}\.json"/,
    );
    expect(exported.body.customer).toMatchObject({ nik: sari.nik, phone: sari.phone });
    expect(exported.body.consents).toHaveLength(2);
    expect(exported.body.interactions).toHaveLength(7);
    expect(exported.body.processing).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: 'agent1', action: 'customer.create' }),
        expect.objectContaining({ actor: 'agent1', action: 'consent.withdraw' }),
      ]),
    );
  });

  it('erasure is refused while the customer holds active products', async () => {
    const other = await p.as('agent1').post<{ id: string }>('/api/customers', {
      ...sari,
      fullName: 'Rudi Hutapea',
      nik: '1271010101800003',
      phone: null,
      email: null,
    });
    await p.as('agent1').post(`/api/customers/${other.body.id}/products`, {
      kind: 'loan',
      productName: 'KPR Griya',
      accountNumber: '5550001112',
    });
    const refused = await p.as('compliance1').delete<{ code: string }>(`/api/customers/${other.body.id}`, {
      reason: 'Permintaan penghapusan data oleh nasabah',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CUSTOMER_ACTIVE');
  });

  it('erasing a customer makes them unreadable everywhere and keeps the audit chain valid', async () => {
    const erased = await p.as('compliance1').delete(`/api/customers/${id}`, {
      reason: 'Permintaan penghapusan data oleh nasabah, surat 2026/11/017',
    });
    expect(erased.status).toBe(204);
    expect((await p.as('agent1').get<{ code: string }>(`/api/customers/${id}`)).body.code).toBe(
      'CUSTOMER_ERASED',
    );
    expect(
      (await p.as('agent1').get<{ items: unknown[] }>(`/api/customers?q=${sari.nik}`)).body.items,
    ).toEqual([]);
    expect((await p.as('agent1').get<{ items: unknown[] }>('/api/customers?q=nasution')).body.items).toEqual(
      [],
    );
    const [rows] = await p.platform.sequelize.query(`SELECT * FROM customers WHERE id = '${id}'`);
    expect(JSON.stringify(rows)).not.toMatch(/Sari|Nasution/);
    const trail = await p
      .as('compliance1')
      .get<{ items: { action: string; erased: boolean; details: unknown }[] }>(
        `/api/audit/entries?subjectId=${id}&action=customer.create`,
      );
    expect(trail.body.items[0]).toMatchObject({ erased: true, details: null });
    expect((await p.as('compliance1').get<VerifyResult>('/api/audit/verify')).body.valid).toBe(true);
  });

  it('retention erases customers whose relationship ended more than five years ago, and no one else', async () => {
    const closed = await p.as('agent1').post<{ id: string }>('/api/customers', {
      ...sari,
      fullName: 'Tono Manurung',
      nik: '1271010202700004',
      phone: null,
      email: null,
    });
    await p.as('agent1').patch(`/api/customers/${closed.body.id}`, { closed: true });
    const early = await p.as('compliance1').post<{ erased: string[] }>('/api/customers/retention');
    expect(early.body.erased).toEqual([]);
    p.clock.pin(T0 + (RETENTION_YEARS * 366 + 2) * DAY);
    const due = await p.as('compliance1').post<{ erased: string[] }>('/api/customers/retention');
    expect(due.body.erased).toEqual([closed.body.id]);
    expect((await p.as('agent1').get(`/api/customers/${closed.body.id}`)).status).toBe(410);
  });
});
