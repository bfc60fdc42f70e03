import { randomUUID } from 'node:crypto';
import { prng } from '../customers/demo-random.ts';
import { complaintDeadlines, isoInstant, slaDueAt } from './deadlines.ts';
import type { Case } from './model.ts';
import { SYSTEM_ACTOR } from './scope.ts';
import type { CaseService } from './service.ts';
import {
  branchQueueCode,
  CASE_CHANNELS,
  type CaseStatus,
  DEMO_QUEUE_STAFF,
  type EventKind,
  ROOT_CAUSE_CODES,
  SEED_CATEGORIES,
  SEVERITIES,
} from './vocabulary.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const HISTORY_CASES = 180;
const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;

/** What the routing table (processes/cases-case-routing.dmn) decides, for imported history. */
export function demoRoute(category: string, severity: string, channel: string, branch: string) {
  if (category === 'FAILED_TRANSFER') return { queue: 'BO-PAYMENTS', policy: 'PAYMENTS-24H' };
  if (category === 'CARD_RETAINED') return { queue: branchQueueCode(branch), policy: 'BRANCH-2WD' };
  if (category === 'WRONG_CHARGE')
    return { queue: 'BO-CARDS', policy: severity === 'HIGH' ? 'PAYMENTS-24H' : 'STANDARD-3WD' };
  if (category === 'LOAN') return { queue: 'BO-LOANS', policy: 'LOANS-5WD' };
  if (channel === 'branch') return { queue: branchQueueCode(branch), policy: 'STANDARD-3WD' };
  return { queue: 'CC-MEDAN', policy: severity === 'HIGH' ? 'URGENT-8WH' : 'STANDARD-3WD' };
}

const DESCRIPTIONS: Record<string, string[]> = {
  FAILED_TRANSFER: [
    'Transfer ke rekening bank lain gagal tetapi saldo sudah terpotong.',
    'Transfer via mobile banking gagal, dana belum kembali.',
  ],
  CARD_RETAINED: ['Kartu ATM tertelan di mesin ATM.', 'Kartu debit tertahan di ATM setelah salah PIN.'],
  WRONG_CHARGE: [
    'Biaya administrasi bulanan terpotong dua kali.',
    'Tagihan kartu kredit tidak sesuai transaksi.',
  ],
  LOAN: [
    'Angsuran kredit sudah dibayar tetapi tercatat menunggak.',
    'Permohonan pelunasan dipercepat belum diproses.',
  ],
  SERVICE_QUALITY: [
    'Antrean di kantor cabang terlalu lama.',
    'Petugas call centre tidak menjawab pertanyaan dengan jelas.',
  ],
  OTHER: [
    'Nasabah menanyakan surat keterangan yang belum diterima.',
    'Notifikasi SMS transaksi tidak masuk.',
  ],
};

/**
 * Three months of complaints as imported history (not run through the process): every state,
 * with timelines, root causes, satisfaction scores and some SLA breaches, for the dashboards.
 */
export async function importDemoHistory(service: CaseService, now: number): Promise<number> {
  const customers = await service.sql.rows<{ id: string; branch_code: string }>(
    'SELECT id, branch_code FROM customers WHERE erased_at IS NULL ORDER BY id LIMIT 200',
  );
  if (customers.length === 0) return 0;
  const random = prng(20260301);
  const calendar = await service.deps.calendar.snapshot();
  const policies = new Map((await service.configuration.policies()).map((p) => [p.code, p]));
  const queues = new Set((await service.configuration.queues()).map((q) => q.code));
  const starts = Array.from({ length: HISTORY_CASES }, () => now - Math.floor(random() * 90 * DAY)).sort(
    (a, b) => a - b,
  );
  await service.deps.sequelize.transaction(async (transaction) => {
    for (const createdAt of starts) {
      const customer = pick(random, customers);
      const category = pick(random, SEED_CATEGORIES).code;
      const severity = pick(random, SEVERITIES);
      const channel = pick(random, CASE_CHANNELS);
      const form = random() < 0.6 ? 'written' : 'verbal';
      let route = demoRoute(category, severity, channel, customer.branch_code);
      if (!queues.has(route.queue)) route = { queue: 'CC-MEDAN', policy: route.policy };
      const policy = policies.get(route.policy);
      const due = policy ? slaDueAt(policy, createdAt, calendar) : null;
      const members = DEMO_QUEUE_STAFF[route.queue]?.members ?? [];
      const assignee = members.length > 0 ? pick(random, members) : 'supervisor1';
      const age = now - createdAt;
      // Older cases are mostly done; the last days hold the open work.
      const done = age > 14 * DAY ? random() < 0.95 : age > 3 * DAY ? random() < 0.6 : random() < 0.2;
      const late = random() < 0.18;
      const resolvedAt =
        done && due !== null
          ? Math.min(
              now - HOUR,
              late
                ? due + (1 + random() * 48) * HOUR
                : createdAt + (due - createdAt) * (0.2 + random() * 0.7),
            )
          : null;
      const closed = resolvedAt !== null && random() < 0.8;
      const csat =
        closed && random() < 0.75
          ? Math.max(1, Math.min(5, Math.round(late ? 1 + random() * 3 : 3 + random() * 2.4)))
          : null;
      const openStatus: CaseStatus =
        age < DAY && random() < 0.3
          ? 'NEW'
          : pick(random, ['ASSIGNED', 'IN_PROGRESS', 'IN_PROGRESS', 'WAITING_CUSTOMER'] as const);
      const breached = due !== null && (resolvedAt ?? now) > due;
      const deadlines = complaintDeadlines(form, createdAt, true, calendar);
      const c: Case = {
        id: randomUUID(),
        number: await service.table.nextNumber(new Date(createdAt + 7 * HOUR).getUTCFullYear(), transaction),
        customerId: customer.id,
        branchCode: customer.branch_code,
        category,
        severity,
        channel,
        form,
        description: pick(random, DESCRIPTIONS[category] ?? DESCRIPTIONS.OTHER ?? ['-']),
        status: resolvedAt === null ? openStatus : closed ? 'CLOSED' : 'RESOLVED',
        queue: route.queue,
        slaPolicy: policy?.code ?? null,
        slaDueAt: due,
        slaBreachedAt: breached && due !== null ? due : null,
        ...deadlines,
        extendedAt: null,
        extensionDays: null,
        extensionReason: null,
        assignee: resolvedAt === null && openStatus === 'NEW' ? null : assignee,
        escalationLevel: breached ? 1 : 0,
        escalatedTo: breached ? 'supervisor1' : null,
        resolution: resolvedAt === null ? null : 'Masalah telah ditindaklanjuti dan nasabah telah dihubungi.',
        rootCause: resolvedAt === null ? null : pick(random, ROOT_CAUSE_CODES),
        resolvedAt,
        resolvedBy: resolvedAt === null ? null : assignee,
        closedAt: closed && resolvedAt !== null ? resolvedAt + 2 * HOUR : null,
        csat,
        csatAt: csat === null || resolvedAt === null ? null : resolvedAt + 3 * HOUR,
        processInstanceKey: null,
        imported: true,
        createdAt,
        createdBy: channel === 'branch' ? 'rm1' : 'agent1',
        lastUpdateAt: resolvedAt ?? createdAt + HOUR,
      };
      await service.table.insert(c, true, transaction);
      const events: [number, EventKind, string, Record<string, unknown>][] = [
        [createdAt, 'created', c.createdBy, { category, severity, form }],
        [
          createdAt,
          'routed',
          'system',
          { queue: c.queue, slaPolicy: c.slaPolicy, slaDueAt: due === null ? null : isoInstant(due) },
        ],
        [createdAt, 'assigned', 'system', { to: assignee, queue: c.queue }],
        [createdAt + HOUR, 'comment', assignee, { text: 'Sedang diperiksa.' }],
      ];
      if (breached && due !== null) {
        events.push([due, 'sla-breach', 'system', { slaDueAt: isoInstant(due) }]);
        events.push([due, 'escalation', 'system', { reason: 'SLA_BREACH', level: 1, to: 'supervisor1' }]);
      }
      if (resolvedAt !== null)
        events.push([
          resolvedAt,
          'resolution',
          assignee,
          { rootCause: c.rootCause, resolution: c.resolution },
        ]);
      if (c.closedAt !== null && csat === null)
        events.push([c.closedAt, 'status', assignee, { from: 'RESOLVED', to: 'CLOSED' }]);
      if (csat !== null && c.csatAt !== null)
        events.push([c.csatAt, 'survey', 'customer', { score: csat, via: 'survey-link' }]);
      for (const [at, kind, actor, detail] of events.filter(([at]) => at <= now))
        await service.table.event(c.id, { at, kind, actor, detail }, transaction);
    }
  });
  return HISTORY_CASES;
}

/** A few live cases, logged as staff would, each running the shipped process. */
export async function startDemoCases(service: CaseService): Promise<number> {
  const customers = await service.sql.rows<{ id: string }>(
    "SELECT id FROM customers WHERE erased_at IS NULL AND branch_code = 'MDN-KC' ORDER BY id LIMIT 4",
  );
  const live = [
    { category: 'FAILED_TRANSFER', severity: 'HIGH', channel: 'call-centre', form: 'verbal' },
    { category: 'CARD_RETAINED', severity: 'MEDIUM', channel: 'branch', form: 'written' },
    { category: 'SERVICE_QUALITY', severity: 'LOW', channel: 'whatsapp', form: 'verbal' },
    { category: 'LOAN', severity: 'MEDIUM', channel: 'email', form: 'written', documentsComplete: false },
  ] as const;
  let started = 0;
  for (const [i, customer] of customers.entries()) {
    const spec = live[i];
    if (!spec) break;
    await service.create(
      { customerId: customer.id, description: DESCRIPTIONS[spec.category]?.[0] ?? spec.category, ...spec },
      { ...SYSTEM_ACTOR, username: 'agent1' },
    );
    started += 1;
  }
  return started;
}
