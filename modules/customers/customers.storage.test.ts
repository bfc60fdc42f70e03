import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';

const T0 = Date.parse('2026-11-23T02:00:00Z');

interface C360 {
  customer: { id: string; cif: string; nik: string; phone: string; email: string; rmUsername: string | null };
  branch: { code: string } | null;
  relationshipManager: { username: string } | null;
  products: { id: string; accountNumber: string }[];
  consents: { channel: string; purpose: string; granted: boolean }[];
  timeline: { items: { kind: string; summary: string }[]; nextBefore: string | null };
}

const budi = {
  fullName: 'Budi Santoso Siregar',
  nik: '1271011203900001',
  birthDate: '1990-03-12',
  gender: 'M',
  phone: '+62 812-3456-7890',
  email: 'Budi.Santoso@example.co.id',
  city: 'Medan',
  segment: 'mass',
  branchCode: 'MDN-KC',
  rmUsername: 'rm1',
};

describe(`customers: Customer 360, search, masking and scoping (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let id: string;
  let productId: string;
  beforeAll(async () => {
    p = await createPlatform();
    p.clock.pin(T0);
    const created = await p
      .as('agent1')
      .post<{ id: string; cif: string; phone: string }>('/api/customers', budi);
    expect(created.status).toBe(201);
    id = created.body.id;
    const product = await p.as('agent1').post<{ id: string }>(`/api/customers/${id}/products`, {
      kind: 'savings',
      productName: 'Tabungan Martabe',
      accountNumber: '1020304050',
      balance: 12_500_000,
    });
    expect(product.status).toBe(201);
    productId = product.body.id;
  });
  afterAll(async () => {
    await p?.close();
  });

  it('an agent sees NIK, phone, e-mail and account numbers masked', async () => {
    const view = await p.as('agent1').get<C360>(`/api/customers/${id}`);
    expect(view.status).toBe(200);
    expect(view.body.customer).toMatchObject({
      nik: '************0001',
      phone: '0812*****890',
      email: 'B***********@example.co.id',
    });
    expect(view.body.products[0]?.accountNumber).toBe('******4050');
    expect(view.body.branch?.code).toBe('MDN-KC');
    expect(view.body.relationshipManager?.username).toBe('rm1');
  });

  it('compliance sees them in clear; back office sees only account numbers', async () => {
    const compliance = await p.as('compliance1').get<C360>(`/api/customers/${id}`);
    expect(compliance.body.customer).toMatchObject({
      nik: budi.nik,
      phone: '081234567890',
      email: 'Budi.Santoso@example.co.id',
    });
    const backoffice = await p.as('backoffice1').get<C360>(`/api/customers/${id}`);
    expect(backoffice.body.products[0]?.accountNumber).toBe('1020304050');
    expect(backoffice.body.customer.nik).toBe('************0001');
  });

  it('personal fields are sealed in the database, with blind indexes, never in clear', async () => {
    const [rows] = await p.platform.sequelize.query(`SELECT * FROM customers WHERE id = '${id}'`);
    const raw = JSON.stringify(rows);
    for (const clear of ['1271011203900001', '81234567890', 'example.co.id'])
      expect(raw).not.toContain(clear);
    const [products] = await p.platform.sequelize.query(
      `SELECT * FROM customer_products WHERE customer_id = '${id}'`,
    );
    expect(JSON.stringify(products)).not.toContain('1020304050');
  });

  it.each([
    ['a NIK', '1271011203900001'],
    ['a phone number in another form', '0812 3456 7890'],
    ['an account number', '1020304050'],
    ['an e-mail in another case', 'budi.santoso@EXAMPLE.co.id'],
    ['a surname prefix', 'sireg'],
    ['two word prefixes', 'bud sant'],
  ])('search finds the customer by %s', async (_, q) => {
    const found = await p
      .as('agent1')
      .get<{ items: { id: string }[] }>(`/api/customers?q=${encodeURIComponent(q)}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((i) => i.id)).toEqual([id]);
  });

  it('names with two-letter words are found by them (the full-text index skips such words)', async () => {
    const ni = await p.as('agent1').post<{ id: string }>('/api/customers', {
      ...budi,
      fullName: 'Ni Luh Ayu Sembiring Br Ginting',
      nik: '1271015203950003',
      phone: null,
      email: null,
    });
    expect(ni.status).toBe(201);
    for (const q of ['ni luh', 'ni', 'br gint', 'ayu br'])
      expect(
        (
          await p.as('agent1').get<{ items: { id: string }[] }>(`/api/customers?q=${encodeURIComponent(q)}`)
        ).body.items.map((i) => i.id),
      ).toContain(ni.body.id);
  });

  it('a search by a number that is not there finds nothing', async () => {
    const found = await p.as('agent1').get<{ items: unknown[] }>('/api/customers?q=1271011203900002');
    expect(found.body.items).toEqual([]);
  });

  it('the relationship manager sees the portfolio; another branch sees nothing of it', async () => {
    expect((await p.as('rm1').get(`/api/customers/${id}`)).status).toBe(200);
    const other = await p.as('agent1').post<{ id: string }>('/api/customers', {
      ...budi,
      fullName: 'Sari Siregar',
      nik: '1271015508920002',
      phone: null,
      email: null,
      rmUsername: null,
      branchCode: 'PMS-KC',
    });
    expect(other.status).toBe(201);
    expect((await p.as('rm1').get(`/api/customers/${other.body.id}`)).status).toBe(404);
    const search = await p.as('rm1').get<{ items: { id: string }[] }>('/api/customers?q=siregar');
    expect(search.body.items.map((i) => i.id)).toEqual([id]);
    // The contact centre sees every branch.
    const all = await p.as('agent1').get<{ items: { id: string }[] }>('/api/customers?q=siregar');
    expect(all.body.items.map((i) => i.id).sort()).toEqual([id, other.body.id].sort());
  });

  it('a supervisor unmasks one field with a reason, and the trail records it', async () => {
    const refused = await p
      .as('supervisor1')
      .post<{ errors: { field: string }[] }>(`/api/customers/${id}/unmask`, {
        field: 'nik',
        reason: 'short',
      });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]?.field).toBe('body.reason');
    const shown = await p.as('supervisor1').post(`/api/customers/${id}/unmask`, {
      field: 'accountNumber',
      productId,
      reason: 'Nasabah menelepon: verifikasi rekening untuk pengaduan transfer gagal',
    });
    expect(shown.body).toEqual({ field: 'accountNumber', value: '1020304050' });
    const trail = await p
      .as('compliance1')
      .get<{ items: { actor: string; details: { reason: string } }[] }>(
        `/api/audit/entries?subjectId=${id}&action=customer.unmask`,
      );
    expect(trail.body.items[0]).toMatchObject({ actor: 'supervisor1', details: { field: 'accountNumber' } });
    expect(
      (
        await p
          .as('agent1')
          .post(`/api/customers/${id}/unmask`, { field: 'nik', reason: 'ingin tahu saja ya' })
      ).status,
    ).toBe(403);
  });

  it('a change is audited with old and new values, sealed for the customer', async () => {
    const changed = await p
      .as('agent1')
      .patch<{ phone: string }>(`/api/customers/${id}`, { phone: '081355550000', segment: 'emerging' });
    expect(changed.status).toBe(200);
    expect(changed.body.phone).toBe('0813*****000');
    const trail = await p
      .as('compliance1')
      .get<{ items: { details: Record<string, unknown> }[] }>(
        `/api/audit/entries?subjectId=${id}&action=customer.update`,
      );
    expect(trail.body.items[0]?.details).toEqual({
      phone: { from: '081234567890', to: '081355550000' },
      segment: { from: 'mass', to: 'emerging' },
    });
    const found = await p.as('agent1').get<{ items: { id: string }[] }>('/api/customers?q=081355550000');
    expect(found.body.items.map((i) => i.id)).toEqual([id]);
  });

  it('every view is in the audit trail', async () => {
    await p.as('agent2').get(`/api/customers/${id}`);
    const trail = await p
      .as('compliance1')
      .get<{ items: { actor: string; details: { part: string } }[] }>(
        `/api/audit/entries?subjectId=${id}&action=customer.view&actor=agent2`,
      );
    expect(trail.body.items[0]?.details.part).toBe('360');
  });

  it('a duplicate NIK is refused with 409 naming the field', async () => {
    const again = await p.as('agent1').post<{ code: string; errors: { field: string }[] }>('/api/customers', {
      ...budi,
      nik: '1271011203900001',
    });
    expect(again.status).toBe(409);
    expect(again.body.errors[0]?.field).toBe('body.nik');
  });
});
