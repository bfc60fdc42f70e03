import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { deriveDataKeys, SubjectKeys } from '../audit/index.ts';
import { AuditTrail, type VerifyResult } from '../audit/trail.ts';
import { bulkLoad } from './bulk-load.ts';
import { type DemoCustomer, demoCustomers } from './demo-data.ts';

const T0 = Date.parse('2026-11-23T02:00:00Z');

/** The seed's rows must be exactly what the service writes: read them back through the API. */
describe(`customers: a bulk load reads back through the API like registered customers (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let loaded: DemoCustomer[];
  beforeAll(async () => {
    p = await createPlatform();
    p.clock.pin(T0);
    const sequelize = p.platform.sequelize;
    const dataKeys = deriveDataKeys(p.config.dataKey);
    const audit = new AuditTrail(sequelize, dataKeys, new SubjectKeys(sequelize, dataKeys), p.clock);
    loaded = [
      ...demoCustomers(0, 40, { seed: 7, now: T0, count: 40, portfolio: { username: 'rm1', size: 10 } }),
    ];
    const result = await bulkLoad({ sequelize, dataKeys, audit, clock: p.clock }, loaded, { batchSize: 15 });
    expect(result.count).toBe(40);
  });
  afterAll(async () => {
    await p?.close();
  });

  it('compliance reads every sealed field in clear, as generated', async () => {
    for (const customer of loaded.slice(0, 5)) {
      const found = await p
        .as('compliance1')
        .get<{ items: { id: string }[] }>(`/api/customers?q=${customer.nik}`);
      expect(found.body.items).toHaveLength(1);
      const view = await p.as('compliance1').get<{
        customer: { fullName: string; nik: string; phone: string; email: string | null };
        products: { accountNumber: string }[];
      }>(`/api/customers/${found.body.items[0]?.id}`);
      expect(view.body.customer).toMatchObject({
        fullName: customer.fullName,
        nik: customer.nik,
        phone: customer.phone,
        email: customer.email,
      });
      expect(view.body.products.map((x) => x.accountNumber).sort()).toEqual(
        customer.products.map((x) => x.accountNumber).sort(),
      );
    }
  });

  it('search by phone, account number and name finds loaded customers', async () => {
    const [first] = loaded;
    if (!first) throw new Error('nothing loaded');
    for (const q of [
      first.phone,
      first.products[0]?.accountNumber ?? '',
      first.fullName.split(' ').at(-1) ?? '',
    ])
      expect(
        (await p.as('agent1').get<{ items: unknown[] }>(`/api/customers?q=${encodeURIComponent(q)}`)).body
          .items.length,
      ).toBeGreaterThan(0);
  });

  it('one audit entry records the load, and the chain verifies', async () => {
    const entries = await p
      .as('compliance1')
      .get<{ items: unknown[] }>('/api/audit/entries?action=customers.bulk-load');
    expect(entries.body.items).toHaveLength(1);
    expect((await p.as('compliance1').get<VerifyResult>('/api/audit/verify')).body.valid).toBe(true);
  });
});
