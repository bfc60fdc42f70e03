import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { prng } from '../customers/demo-random.ts';
import type { ScopedPrincipal } from '../identity/scope.ts';
import { captureStatements, explain } from './explain.ts';
import { DAY } from './history.ts';
import { analyze, loadCampaigns, loadCases } from './history-load.ts';
import { insertRows } from './rows.ts';
import { REPORTS, type ReportName, ReportService } from './service.ts';
import { NOW } from './test-data.ts';

const BRANCHES = ['MDN-KC', 'PMS-KC', 'MDN-KP'];
const readers: Record<string, ScopedPrincipal> = {
  all: { username: 'compliance1', roles: ['compliance'], branchCode: null, branchKind: null },
  branch: { username: 'supervisor-kc', roles: ['supervisor'], branchCode: 'MDN-KC', branchKind: 'branch' },
  queues: {
    username: 'supervisor1',
    roles: ['supervisor'],
    branchCode: 'MDN-CC',
    branchKind: 'contact-centre',
  },
};

/**
 * Every report's statements use an index: on a year of history (large enough that the
 * optimizer's choice is the one it makes on the bank's data), EXPLAIN shows no full scan of a
 * big table, for each kind of reader and period.
 */
describe(`reports read through indexes (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let reports: ReportService;
  beforeAll(async () => {
    p = await createPlatform();
    p.clock.pin(NOW);
    const sequelize = p.platform.sequelize;
    const random = prng(8);
    const customers = Array.from({ length: 4000 }, (_, i) => ({
      id: `EXP-${String(i).padStart(6, '0')}`,
      branch_code: BRANCHES[i % BRANCHES.length] as string,
    }));
    await insertRows(
      sequelize,
      'customers',
      customers.map((c) => ({
        ...c,
        cif: c.id,
        full_name: 'Nasabah Uji',
        segment: 'mass',
        kyc_status: 'verified',
        created_at: 0,
        updated_at: 0,
      })),
    );
    await loadCases(sequelize, 30_000, { seed: 8, now: NOW, customers });
    await insertRows(
      sequelize,
      'customer_consents',
      Array.from({ length: 30_000 }, (_, i) => ({
        customer_id: (customers[i % customers.length] as { id: string }).id,
        channel: ['email', 'sms', 'whatsapp', 'phone'][i % 4] as string,
        purpose: i % 3 === 0 ? 'service' : 'marketing',
        granted: random() < 0.8,
        source: 'mobile-app',
        recorded_by: 'system',
        recorded_at: Math.floor(NOW - random() * 730 * DAY),
      })),
    );
    await loadCampaigns(sequelize, { count: 3, messages: 3000, seed: 8, now: NOW, customers });
    // Customers hold products (the funnel's conversions look them up by customer).
    await insertRows(
      sequelize,
      'customer_products',
      customers.map((c, i) => ({
        id: `P-${c.id}`,
        customer_id: c.id,
        kind: ['savings', 'card', 'loan', 'deposit'][i % 4] as string,
        product_name: 'Produk',
        status: 'active',
        opened_at: Math.floor(NOW - random() * 400 * DAY),
      })),
    );
    await analyze(sequelize);
    reports = new ReportService({ sequelize, clock: p.clock });
  }, 240_000);
  afterAll(async () => {
    await p?.close();
  });

  for (const name of Object.keys(REPORTS) as ReportName[])
    it(`${name}: no full scan of a big table, for every kind of reader`, async () => {
      const scans: string[] = [];
      let explained = 0;
      for (const [kind, reader] of Object.entries(readers))
        for (const query of [{}, { from: '2025-04-01', to: '2026-03-31' }]) {
          const statements = await captureStatements(p.platform.sequelize, () =>
            reports.run(name, query, reader),
          );
          for (const sql of statements) {
            const steps = await explain(p.platform.sequelize, sql);
            explained += steps.length;
            for (const step of steps.filter((s) => s.fullScan))
              scans.push(
                `${kind} ${JSON.stringify(query)}: ${step.table} ${step.how} in ${sql.slice(0, 300)}`,
              );
          }
        }
      expect(scans).toEqual([]);
      // The report did read a big table (a plan was checked), not nothing.
      expect(explained).toBeGreaterThan(0);
    });
});
