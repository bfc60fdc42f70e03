import { describe, expect, it } from 'vitest';
import { type DemoDataOptions, demoCustomer, demoCustomers } from './demo-data.ts';
import { permute } from './demo-random.ts';
import { REGIONS } from './demo-vocabulary.ts';
import { NewCustomerBody } from './schema.ts';
import { CONSENT_CHANNELS, CONSENT_PURPOSES, CONSENT_SOURCES, INTERACTION_CHANNELS } from './vocabulary.ts';

const NOW = Date.parse('2026-06-01T03:00:00Z');
const options: DemoDataOptions = { seed: 42, now: NOW, count: 300, portfolio: { username: 'rm1', size: 40 } };
const NORTH_SUMATRA = new Set(['1202', '1205', '1206', '1207', '1208', '1209', '1212', '1218']);
for (const city of ['1271', '1272', '1273', '1274', '1275', '1276']) NORTH_SUMATRA.add(city);

describe('demo data: customers of a North Sumatran bank', () => {
  it('given any customer, its NIK is a North Sumatran district, the birth date (+40 for women) and a serial', () => {
    for (const customer of demoCustomers(0, 2000, options)) {
      const { nik, birthDate, gender } = customer;
      expect(nik).toMatch(/^\d{16}$/);
      expect(NORTH_SUMATRA.has(nik.slice(0, 4))).toBe(true);
      expect(REGIONS.some((r) => r.code === nik.slice(0, 6))).toBe(true);
      const [year, month, day] = birthDate.split('-');
      expect(Number(nik.slice(6, 8))).toBe(Number(day) + (gender === 'F' ? 40 : 0));
      expect(nik.slice(8, 10)).toBe(month);
      expect(nik.slice(10, 12)).toBe(year?.slice(2));
      expect(Number(nik.slice(12))).toBeGreaterThan(0);
    }
  });

  it('given 100,000 customers, no two share a NIK or an account number', () => {
    const niks = new Set<string>();
    const accounts = new Set<string>();
    let products = 0;
    for (const customer of demoCustomers(0, 100_000, { ...options, count: 100_000 })) {
      niks.add(customer.nik);
      for (const product of customer.products) accounts.add(product.accountNumber);
      products += customer.products.length;
    }
    expect(niks.size).toBe(100_000);
    expect(accounts.size).toBe(products);
  });

  it('given ranges far apart (a later --append), NIKs stay unique across blocks of the bucket space', () => {
    const far = 5_431_000; // past the first block: serials move to the next range
    const niks = new Set([...demoCustomers(far - 500, 1000, options)].map((c) => c.nik));
    expect(niks.size).toBe(1000);
  });

  it('given the same seed and index, the customer is the same; another seed gives another', () => {
    expect(demoCustomer(1234, options)).toEqual(demoCustomer(1234, options));
    expect([...demoCustomers(10, 5, options)]).toEqual(
      [10, 11, 12, 13, 14].map((i) => demoCustomer(i, options)),
    );
    expect(demoCustomer(1234, { ...options, seed: 43 }).nik).not.toBe(demoCustomer(1234, options).nik);
  });

  it('every customer is one the API would accept, with valid products, consents and interactions', () => {
    for (const c of demoCustomers(0, 500, options)) {
      const { index: _, products, consents, interactions, createdAt, ...fields } = c;
      expect(NewCustomerBody.safeParse(fields).success).toBe(true);
      expect(products.length).toBeGreaterThanOrEqual(1);
      expect(products.length).toBeLessThanOrEqual(3);
      expect(products[0]?.kind).toBe('savings');
      for (const p of products) {
        expect(p.accountNumber).toMatch(/^\d{6,20}$/);
        expect(p.openedAt).toBeGreaterThanOrEqual(createdAt);
      }
      for (const consent of consents) {
        expect(CONSENT_CHANNELS).toContain(consent.channel);
        expect(CONSENT_PURPOSES).toContain(consent.purpose);
        expect(CONSENT_SOURCES).toContain(consent.source);
      }
      expect(interactions.length).toBeGreaterThanOrEqual(2);
      expect(interactions.length).toBeLessThanOrEqual(6);
      for (const i of interactions) {
        expect(INTERACTION_CHANNELS).toContain(i.channel);
        expect(i.at).toBeLessThan(NOW);
      }
      expect(createdAt).toBeLessThan(NOW);
    }
  });

  it('given 300 customers, rm1 of MDN-KC has a portfolio of about 40, and some consents were withdrawn', () => {
    const all = [...demoCustomers(0, 300, options)];
    const portfolio = all.filter((c) => c.rmUsername === 'rm1');
    expect(portfolio.length).toBeGreaterThan(25);
    expect(portfolio.length).toBeLessThan(55);
    expect(portfolio.every((c) => c.branchCode === 'MDN-KC')).toBe(true);
    expect(new Set(all.map((c) => c.branchCode))).toEqual(new Set(['MDN-KC', 'MDN-KP', 'PMS-KC']));
    expect(all.some((c) => c.consents.some((x) => !x.granted))).toBe(true);
    expect(all.filter((c) => c.email !== null).length).toBeGreaterThan(60);
    expect(
      all.some((c) => / (br\. )?(Siregar|Nasution|Lubis|Harahap|Sinaga|Ginting|Tarigan)$/.test(c.fullName)),
    ).toBe(true);
  });

  it('permute is a bijection of its range', () => {
    const size = 10_007;
    const seen = new Set(Array.from({ length: size }, (_, i) => permute(i, size, 7)));
    expect(seen.size).toBe(size);
    expect(Math.max(...seen)).toBe(size - 1);
  });
});
