import { demoRoute } from '../cases/demo-data.ts';
import { prng } from '../customers/demo-random.ts';
import { caseRow, type Value } from './rows.ts';

/**
 * Generated history for the dashboards' benchmark (`npm run seed:reports`): a year of
 * imported complaints with realistic mixes, consent withdrawals and campaign funnels. Deadlines
 * are approximated in calendar time (a working day ≈ 1.4 days) rather than on the business
 * calendar, and no case timelines are written: the reports read neither.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Weighted<T> = readonly (readonly [T, number])[];

function chooser(random: () => number) {
  return <T>(list: Weighted<T>): T => {
    const total = list.reduce((sum, [, w]) => sum + w, 0);
    let r = random() * total;
    for (const [value, weight] of list) {
      r -= weight;
      if (r < 0) return value;
    }
    return (list.at(-1) as readonly [T, number])[0];
  };
}

const CATEGORIES: Weighted<string> = [
  ['FAILED_TRANSFER', 30],
  ['WRONG_CHARGE', 18],
  ['CARD_RETAINED', 15],
  ['SERVICE_QUALITY', 15],
  ['LOAN', 12],
  ['OTHER', 10],
];
const SEVERITIES: Weighted<string> = [
  ['LOW', 35],
  ['MEDIUM', 45],
  ['HIGH', 20],
];
const CHANNELS: Weighted<string> = [
  ['call-centre', 35],
  ['mobile-banking', 20],
  ['branch', 20],
  ['whatsapp', 15],
  ['email', 10],
];
/** What usually lies behind each category. */
const ROOT_CAUSES: Record<string, Weighted<string>> = {
  FAILED_TRANSFER: [
    ['SYSTEM_ERROR', 40],
    ['NETWORK_ISSUE', 25],
    ['THIRD_PARTY', 25],
    ['CUSTOMER_ERROR', 10],
  ],
  WRONG_CHARGE: [
    ['SYSTEM_ERROR', 30],
    ['POLICY', 30],
    ['HUMAN_ERROR', 20],
    ['FRAUD', 10],
    ['CUSTOMER_ERROR', 10],
  ],
  CARD_RETAINED: [
    ['ATM_MALFUNCTION', 55],
    ['CUSTOMER_ERROR', 30],
    ['NETWORK_ISSUE', 15],
  ],
  SERVICE_QUALITY: [
    ['HUMAN_ERROR', 45],
    ['PROCESS_GAP', 40],
    ['OTHER', 15],
  ],
  LOAN: [
    ['PROCESS_GAP', 40],
    ['HUMAN_ERROR', 25],
    ['POLICY', 25],
    ['SYSTEM_ERROR', 10],
  ],
  OTHER: [
    ['OTHER', 50],
    ['PROCESS_GAP', 20],
    ['THIRD_PARTY', 15],
    ['FRAUD', 15],
  ],
};
/** SLA policies in (approximate) hours. */
const POLICY_HOURS: Record<string, number> = {
  'PAYMENTS-24H': 24,
  'URGENT-8WH': 20,
  'BRANCH-2WD': 67,
  'STANDARD-3WD': 100,
  'LOANS-5WD': 168,
};
const OPEN: Weighted<string> = [
  ['ASSIGNED', 30],
  ['IN_PROGRESS', 50],
  ['WAITING_CUSTOMER', 20],
];

/** Staff per queue: the demo users and generated colleagues. */
function staffOf(queue: string): string[] {
  if (queue === 'CC-MEDAN')
    return ['agent1', 'agent2', ...Array.from({ length: 18 }, (_, i) => `cc-agent-${i + 3}`)];
  if (queue.startsWith('BO-'))
    return ['backoffice1', ...Array.from({ length: 5 }, (_, i) => `${queue.toLowerCase()}-${i + 2}`)];
  return Array.from({ length: 3 }, (_, i) => `${queue.toLowerCase()}-staff-${i + 1}`);
}

export interface HistoryOptions {
  seed: number;
  now: number;
  /** Customers to file the complaints for (their branch decides the branch queue). */
  customers: readonly { id: string; branch_code: string }[];
  /** Queues that exist; a route to another goes to the contact centre. */
  queues: ReadonlySet<string>;
}

/** `count` cases over the 12 months before `now`, a little more each month, in batches. */
export function* historicalCases(
  count: number,
  options: HistoryOptions,
  batch = 2000,
): Generator<Record<string, Value>[]> {
  const random = prng(options.seed);
  const choose = chooser(random);
  const { now, customers } = options;
  let rows: Record<string, Value>[] = [];
  for (let i = 0; i < count; i++) {
    // Volume grows by about a third over the year: the square root skews towards recent months.
    const age = 365 * DAY * (1 - Math.sqrt(random()) * 0.9 - random() * 0.1);
    const createdAt = Math.floor(now - Math.max(0, age));
    const customer = customers[Math.floor(random() * customers.length)] as {
      id: string;
      branch_code: string;
    };
    const category = choose(CATEGORIES);
    const severity = choose(SEVERITIES);
    const channel = choose(CHANNELS);
    let route = demoRoute(category, severity, channel, customer.branch_code);
    if (!options.queues.has(route.queue)) route = { queue: 'CC-MEDAN', policy: route.policy };
    const due = createdAt + (POLICY_HOURS[route.policy] ?? 100) * HOUR;
    const staff = staffOf(route.queue);
    const assignee = staff[Math.floor(random() * staff.length)] as string;
    const elapsed = now - createdAt;
    const done = elapsed > 14 * DAY ? random() < 0.97 : elapsed > 3 * DAY ? random() < 0.65 : random() < 0.25;
    const late = random() < (severity === 'HIGH' ? 0.08 : 0.14);
    const span = due - createdAt;
    const resolvedAt = done
      ? Math.min(
          now - HOUR,
          late ? due + (1 + random() * 72) * HOUR : createdAt + span * (0.1 + random() * 0.85),
        )
      : null;
    const closed = resolvedAt !== null && random() < 0.85;
    const csat =
      closed && random() < 0.6
        ? Math.max(1, Math.min(5, Math.round(late ? 1 + random() * 3 : 2.6 + random() * 2.6)))
        : null;
    const breached = (resolvedAt ?? now) > due;
    rows.push(
      caseRow({
        customer_id: customer.id,
        branch_code: customer.branch_code,
        category,
        severity,
        channel,
        form: random() < 0.6 ? 'written' : 'verbal',
        description: 'Riwayat pengaduan (data uji laporan).',
        status: resolvedAt === null ? choose(OPEN) : closed ? 'CLOSED' : 'RESOLVED',
        queue_code: route.queue,
        sla_policy: route.policy,
        sla_due_at: due,
        sla_breached_at: breached && due <= now ? due : null,
        assignee,
        escalation_level: breached ? 1 : 0,
        resolution: resolvedAt === null ? null : 'Masalah telah ditindaklanjuti.',
        root_cause: resolvedAt === null ? null : choose(ROOT_CAUSES[category] ?? ROOT_CAUSES.OTHER ?? []),
        resolved_at: resolvedAt,
        resolved_by: resolvedAt === null ? null : assignee,
        closed_at: closed && resolvedAt !== null ? resolvedAt + 2 * HOUR : null,
        csat,
        csat_at: csat === null || resolvedAt === null ? null : resolvedAt + 3 * HOUR,
        created_at: createdAt,
        created_by: channel === 'branch' ? `${customer.branch_code.toLowerCase()}-staff-1` : 'agent1',
        last_update_at: resolvedAt ?? createdAt + HOUR,
      }),
    );
    if (rows.length >= batch) {
      yield rows;
      rows = [];
    }
  }
  if (rows.length > 0) yield rows;
}

/** When, over the last 12 months, each withdrawal was recorded, and through what. */
export function withdrawalTimes(
  count: number,
  seed: number,
  now: number,
): { at: number; source: string; by: string }[] {
  const random = prng(seed);
  return Array.from({ length: count }, () => {
    const call = random() < 0.4;
    return {
      at: Math.floor(now - random() * 365 * DAY),
      source: call ? 'call-centre' : random() < 0.7 ? 'mobile-app' : 'internet-banking',
      by: call ? (random() < 0.5 ? 'agent1' : 'agent2') : 'system',
    };
  });
}

export { chooser, DAY, HOUR };
