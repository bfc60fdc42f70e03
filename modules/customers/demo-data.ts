/**
 * A deterministic generator of the customers of a North Sumatran bank, for demos, the seed
 * command and benchmarks. Customer `i` depends only on the seed, `i` and the options, so
 * ranges can be generated apart (and in parallel) and always come out the same.
 */
export type { ProductKind } from './demo-vocabulary.ts';

import { hash32, luhn, pad, permute, prng } from './demo-random.ts';

import {
  BATAK_FEMALE,
  BATAK_MALE,
  CHINESE_FEMALE,
  CHINESE_MALE,
  CHINESE_SURNAMES,
  JAVANESE_FEMALE,
  JAVANESE_MALE,
  MALAY_FEMALE,
  MALAY_MALE,
  MARGA,
  MINANG_FEMALE,
  MINANG_MALE,
  MUSLIM_BATAK_FEMALE,
  MUSLIM_BATAK_MALE,
  OCCUPATIONS,
  PHONE_PREFIXES,
  PRODUCTS,
  type ProductKind,
  REGIONS,
  TIMELINE,
} from './demo-vocabulary.ts';
export interface DemoProduct {
  kind: ProductKind;
  productName: string;
  accountNumber: string;
  status: 'active' | 'closed';
  balance: number | null;
  openedAt: number;
  closedAt: number | null;
}

export interface DemoConsent {
  channel: string;
  purpose: string;
  granted: boolean;
  source: string;
  recordedBy: string;
  recordedAt: number;
}

export interface DemoInteraction {
  at: number;
  channel: string;
  kind: string;
  summary: string;
  actor: string;
}

export interface DemoCustomer {
  index: number;
  fullName: string;
  nik: string;
  birthDate: string;
  gender: 'M' | 'F';
  phone: string;
  email: string | null;
  city: string;
  occupation: string;
  monthlyIncome: number;
  segment: 'mass' | 'emerging' | 'priority' | 'sme';
  branchCode: string;
  rmUsername: string | null;
  kycStatus: 'pending' | 'verified';
  riskLevel: 'LOW' | 'MEDIUM' | 'HIGH';
  /** When the relationship began (the customer's record was created). */
  createdAt: number;
  products: DemoProduct[];
  /** Consents given and withdrawn, oldest first. */
  consents: DemoConsent[];
  /** Timeline interactions, oldest first (consent events are added by whoever records the consents). */
  interactions: DemoInteraction[];
}

export interface DemoDataOptions {
  seed: number;
  /** The instant the data is generated for: every date lies before it. */
  now: number;
  /** How many customers the data set has (sizes the portfolio share). */
  count: number;
  /** The relationship manager of MDN-KC and about how many customers to give them. */
  portfolio?: { username: string; size: number };
}

const DAY = 86_400_000;
/** Birth dates from 1946-01-01 to 2007-12-31: two-digit years never repeat. */
const FIRST_BIRTH = Date.UTC(1946, 0, 1);
const BIRTH_DAYS = (Date.UTC(2008, 0, 1) - FIRST_BIRTH) / DAY;
/** Every (region, birth date, sex) is one bucket; a bucket serves one customer per block. */
const BUCKETS = REGIONS.length * BIRTH_DAYS * 2;
/** Serial numbers of a block: block b uses 1 + b·SPREAD … (b+1)·SPREAD (so up to 49 blocks). */
const SERIAL_SPREAD = 200;
export const MAX_CUSTOMERS = BUCKETS * Math.floor(9999 / SERIAL_SPREAD);
/** Account serials: a permutation of 2^28 values (nine digits), four products per customer. */
const ACCOUNT_BITS = 28;

/** The share of customers whose region is served by MDN-KC, so portfolios come out at their size. */
const MDN_KC_SHARE = (REGIONS.filter((r) => r.branch === 'MDN-KC').length / REGIONS.length) * 0.92;

/** The `index`-th customer of the data set. */
export function demoCustomer(index: number, options: DemoDataOptions): DemoCustomer {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_CUSTOMERS)
    throw new RangeError(`customer index ${index} is outside 0…${MAX_CUSTOMERS - 1}`);
  const { seed, now } = options;
  const random = prng(hash32(seed, index));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const chance = (p: number) => random() < p;

  // Identity: a bucket (region, birth date, sex) of its own within the block; the block picks the serial.
  const block = Math.floor(index / BUCKETS);
  const bucket = permute(index % BUCKETS, BUCKETS, seed);
  const female = bucket % 2 === 1;
  const day = Math.floor(bucket / 2) % BIRTH_DAYS;
  const region = REGIONS[Math.floor(bucket / 2 / BIRTH_DAYS)] as (typeof REGIONS)[number];
  const born = new Date(FIRST_BIRTH + day * DAY);
  const dd = born.getUTCDate() + (female ? 40 : 0);
  const serial = 1 + block * SERIAL_SPREAD + Math.floor(random() ** 2 * SERIAL_SPREAD);
  const nik = `${region.code}${pad(dd, 2)}${pad(born.getUTCMonth() + 1, 2)}${pad(born.getUTCFullYear() % 100, 2)}${pad(serial, 4)}`;
  const birthDate = born.toISOString().slice(0, 10);
  const age = new Date(now).getUTCFullYear() - born.getUTCFullYear();

  const { first, last } = personName(region.people, female, pick, chance);
  // A name never repeats a word ("Junita Junita"), as two draws from one list could make it.
  const fullName = [...new Set(`${first} ${last}`.trim().split(' '))].join(' ');
  const city = chance(0.15) ? 'Medan' : region.city;
  const occupation =
    age >= 58 && chance(0.6) ? 'Pensiunan' : age <= 23 && chance(0.6) ? 'Mahasiswa' : pick(OCCUPATIONS);
  const [lo, hi] = incomeRange(occupation);
  const monthlyIncome = Math.round((lo + (hi - lo) * random() ** 2) / 50_000) * 50_000;
  const trader = /Wiraswasta|Pedagang|Pengusaha/.test(occupation);
  const segment =
    monthlyIncome >= 30_000_000
      ? 'priority'
      : trader && chance(0.5)
        ? 'sme'
        : monthlyIncome >= 12_000_000
          ? 'emerging'
          : 'mass';
  const branchCode = region.branch === 'MDN-KC' && chance(0.08) ? 'MDN-KP' : region.branch;
  const portfolio = options.portfolio;
  const rmShare = portfolio ? portfolio.size / Math.max(1, options.count * MDN_KC_SHARE) : 0;
  const rmUsername = portfolio && branchCode === 'MDN-KC' && chance(rmShare) ? portfolio.username : null;

  const digits = chance(0.15) ? 7 : 8;
  const phone = `${pick(PHONE_PREFIXES)}${pad(Math.floor(random() * 10 ** digits), digits)}`;
  const ascii = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const email = chance(age < 45 ? 0.6 : 0.3)
    ? `${ascii(first.split(' ')[0] ?? first)}${last ? `.${ascii(last.split(' ').at(-1) ?? last)}` : ''}${chance(0.6) ? pad(born.getUTCFullYear() % 100, 2) : ''}@${pick(['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.co.id', 'yahoo.com', 'outlook.com'])}`
    : null;

  // The relationship began when the customer was between 17 and now, at most 20 years ago.
  const adultAt = Math.max(born.getTime() + 17 * 365 * DAY, now - 20 * 365 * DAY);
  const createdAt = Math.min(
    now - DAY,
    adultAt + Math.floor(random() * Math.max(DAY, now - 30 * DAY - adultAt)),
  );
  const after = (from: number) =>
    Math.min(now - 60_000, from + Math.floor(random() * Math.max(DAY, now - from - DAY)));

  const products: DemoProduct[] = [];
  const kinds: ProductKind[] = ['savings'];
  const extra = chance(0.55) ? (chance(0.35) ? 2 : 1) : 0;
  for (let k = 0; k < extra; k++) {
    const kind = pick(
      segment === 'priority'
        ? ['deposit', 'investment', 'card', 'loan']
        : ['deposit', 'loan', 'card', 'loan'],
    );
    if (!kinds.includes(kind as ProductKind)) kinds.push(kind as ProductKind);
  }
  kinds.forEach((kind, k) => {
    const accountSerial = permute(index * 4 + k, 2 ** ACCOUNT_BITS, seed ^ 0x5eed);
    const digits = `${PRODUCTS[kind].code}${pad(accountSerial, 9)}`;
    const accountNumber = kind === 'card' ? `${digits}${luhn(digits)}` : `${digits}${accountSerial % 7}`;
    const openedAt = k === 0 ? createdAt : after(createdAt);
    const closed = k > 0 && chance(0.1);
    const scale = Math.max(1, monthlyIncome / 5_000_000);
    const balance =
      kind === 'card'
        ? Math.round(random() * 8_000_000 * scale)
        : Math.round(((PRODUCTS[kind].balance * scale * (0.2 + random() * 2)) / 1000) * (closed ? 0 : 1)) *
          1000;
    products.push({
      kind,
      productName: pick(PRODUCTS[kind].names),
      accountNumber,
      status: closed ? 'closed' : 'active',
      balance,
      openedAt,
      closedAt: closed ? after(openedAt) : null,
    });
  });

  const consents = consentHistory(createdAt, email !== null, { random, pick, chance, after });
  const interactions = timeline({ createdAt, now, rmUsername, consents, products, random, pick, after });
  return {
    index,
    fullName,
    nik,
    birthDate,
    gender: female ? 'F' : 'M',
    phone,
    email,
    city,
    occupation,
    monthlyIncome,
    segment,
    branchCode,
    rmUsername,
    kycStatus: chance(0.96) ? 'verified' : 'pending',
    riskLevel: chance(0.82) ? 'LOW' : chance(0.85) ? 'MEDIUM' : 'HIGH',
    createdAt,
    products,
    consents,
    interactions,
  };
}

/** Customers `start` … `start + count − 1`. */
export function* demoCustomers(
  start: number,
  count: number,
  options: DemoDataOptions,
): Generator<DemoCustomer> {
  for (let i = start; i < start + count; i++) yield demoCustomer(i, options);
}

type Pick = <T>(list: readonly T[]) => T;

function personName(people: string, female: boolean, pick: Pick, chance: (p: number) => boolean) {
  const kind = pick(people.split(' '));
  const two = (list: readonly string[]) => (chance(0.35) ? `${pick(list)} ${pick(list)}` : pick(list));
  switch (kind) {
    case 'toba':
    case 'karo':
    case 'simalungun': {
      const marga = pick(MARGA[kind]);
      return {
        first: two(female ? BATAK_FEMALE : BATAK_MALE),
        last: female && chance(0.4) ? `br. ${marga}` : marga,
      };
    }
    case 'mandailing':
      return { first: two(female ? MUSLIM_BATAK_FEMALE : MUSLIM_BATAK_MALE), last: pick(MARGA.mandailing) };
    case 'chinese': {
      // Some keep a three-part Chinese name; most have an Indonesian given name and family name.
      const first = pick(female ? CHINESE_FEMALE : CHINESE_MALE);
      return { first, last: first.includes(' ') ? '' : pick(CHINESE_SURNAMES) };
    }
    case 'malay': {
      const first = female ? MALAY_FEMALE : MALAY_MALE;
      return { first: `${chance(0.12) ? 'Tengku ' : ''}${pick(first)}`, last: pick(first) };
    }
    case 'minang':
      return {
        first: pick(female ? MINANG_FEMALE : MINANG_MALE),
        last: chance(0.5) ? pick(female ? MINANG_FEMALE : MINANG_MALE) : '',
      };
    default:
      return {
        first: pick(female ? JAVANESE_FEMALE : JAVANESE_MALE),
        last: chance(0.6) ? pick(female ? JAVANESE_FEMALE : JAVANESE_MALE) : '',
      };
  }
}

function incomeRange(occupation: string): [number, number] {
  if (/Mahasiswa|Ibu Rumah Tangga/.test(occupation)) return [500_000, 4_000_000];
  if (/Petani|Nelayan|Buruh|Sopir/.test(occupation)) return [2_000_000, 6_000_000];
  if (/Dokter|Pengusaha|Notaris/.test(occupation)) return [15_000_000, 120_000_000];
  if (/Wiraswasta|Pedagang/.test(occupation)) return [3_000_000, 45_000_000];
  if (/Pensiunan/.test(occupation)) return [2_500_000, 9_000_000];
  return [3_500_000, 28_000_000];
}

interface Draw {
  random: () => number;
  pick: Pick;
  chance: (p: number) => boolean;
  after: (from: number) => number;
}

/** Service notices by SMS (and e-mail); marketing on some channels, now and then withdrawn. */
function consentHistory(since: number, hasEmail: boolean, { pick, chance, after }: Draw): DemoConsent[] {
  const records: DemoConsent[] = [];
  const onboarding = { source: 'branch-form', recordedBy: 'system', recordedAt: since };
  records.push({ channel: 'sms', purpose: 'service', granted: true, ...onboarding });
  if (hasEmail && chance(0.7))
    records.push({ channel: 'email', purpose: 'service', granted: true, ...onboarding });
  const marketing = (['whatsapp', 'sms', 'email', 'phone'] as const).filter(
    (channel) => (channel !== 'email' || hasEmail) && chance(channel === 'phone' ? 0.12 : 0.3),
  );
  for (const channel of marketing) {
    const given = chance(0.7) ? since : after(since);
    const source = given === since ? 'branch-form' : pick(['mobile-app', 'internet-banking', 'web']);
    records.push({
      channel,
      purpose: 'marketing',
      granted: true,
      source,
      recordedBy: 'system',
      recordedAt: given,
    });
    if (chance(0.18)) {
      const call = chance(0.5);
      records.push({
        channel,
        purpose: 'marketing',
        granted: false,
        source: call ? 'call-centre' : 'mobile-app',
        recordedBy: call ? pick(['agent1', 'agent2']) : 'system',
        recordedAt: after(given),
      });
    }
  }
  if (chance(0.15)) records.push({ channel: 'email', purpose: 'profiling', granted: true, ...onboarding });
  return records.sort((a, b) => a.recordedAt - b.recordedAt);
}

/** Two to six interactions across channels over the relationship (most in the last two years). */
function timeline(input: {
  createdAt: number;
  now: number;
  rmUsername: string | null;
  consents: DemoConsent[];
  products: DemoProduct[];
  random: () => number;
  pick: Pick;
  after: (from: number) => number;
}): DemoInteraction[] {
  const { createdAt, now, rmUsername, random, pick } = input;
  const recent = Math.max(createdAt, now - 730 * DAY);
  const granted = new Set(input.consents.map((c) => `${c.channel}/${c.purpose}/${c.granted}`));
  const items: DemoInteraction[] = [];
  const count = 2 + Math.floor(random() * 5);
  for (let n = 0; n < count; n++) {
    const entry = pick(TIMELINE);
    if (entry.needs === 'rm' && !rmUsername) continue;
    if (entry.needs === 'card' && !input.products.some((p) => p.kind === 'card')) continue;
    if (entry.kind === 'campaign' && !granted.has(`${entry.channel}/marketing/true`)) continue;
    const actor =
      entry.needs === 'rm'
        ? (rmUsername as string)
        : entry.channel === 'call'
          ? pick(['agent1', 'agent2'])
          : 'system';
    items.push({
      at: input.after(recent),
      channel: entry.channel,
      kind: entry.kind,
      summary: entry.summary,
      actor,
    });
  }
  while (items.length < 2)
    items.push({
      at: input.after(recent),
      channel: 'branch',
      kind: 'transaction',
      summary: 'Setor tunai di teller',
      actor: 'system',
    });
  return items.sort((a, b) => a.at - b.at);
}
