import { randomUUID } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { Audience, audienceQuery } from './audience.ts';
import { messageRef } from './funnel.ts';
import type { CampaignBody, SegmentRules } from './schema.ts';
import type { Actor, CampaignService } from './service.ts';

const DAY = 86_400_000;
const marketing: Actor = { username: 'marketing1', source: null };
const lead: Actor = { username: 'lead1', source: null };
const offerUrl = (code: string) => `https://bank.example/promo?kampanye=${code}`;

const SEGMENTS: { name: string; description: string; rules: SegmentRules }[] = [
  {
    name: 'Gaji di atas 5 juta tanpa kartu kredit',
    description:
      'Penghasilan bulanan > Rp 5.000.000, belum memiliki kartu kredit, setuju dihubungi via e-mail',
    rules: {
      incomeMin: 5_000_001,
      lacksProducts: ['card'],
      consents: [{ channel: 'email', purpose: 'marketing' }],
    },
  },
  {
    name: 'Nasabah prioritas dan emerging',
    description: 'Segmen prioritas dan emerging di semua cabang',
    rules: { segments: ['priority', 'emerging'] },
  },
  {
    name: 'Usia produktif pemilik tabungan',
    description: 'Usia 25–45 tahun dengan tabungan aktif, belum memiliki kredit',
    rules: { ageMin: 25, ageMax: 45, hasProducts: ['savings'], lacksProducts: ['loan'] },
  },
  {
    name: 'Semua nasabah Medan Kota',
    description: 'Nasabah Kantor Cabang Medan Kota',
    rules: { branchCodes: ['MDN-KC'] },
  },
];

/**
 * Demo campaigns at every stage, on an empty campaigns table with demo customers present:
 * drafts; history written directly — rejected with the checker's comment, completed with its
 * funnel (messages, opens, clicks, recorded conversions), cancelled; and, only when the shipped
 * processes were deployed, live ones through the approval process: one waiting for compliance
 * (submitted by lead1, who may not approve it) and one sending in small batches.
 */
export async function seedDemoCampaigns(service: CampaignService): Promise<number> {
  const { context } = service.deps;
  const [any] = await service.sql.rows<{ id: string }>('SELECT id FROM campaigns LIMIT 1');
  const [customer] = await service.sql.rows<{ id: string }>('SELECT id FROM customers LIMIT 1');
  if (any || !customer) return 0;
  const segments = new Map<string, string>();
  for (const segment of SEGMENTS)
    segments.set(segment.name, (await service.segments.create(segment, marketing)).id);
  const seg = (name: string) => segments.get(name) as string;
  const draft = (
    input: Partial<CampaignBody> & Pick<CampaignBody, 'name' | 'channel' | 'templateKey' | 'segmentId'>,
    actor: Actor,
  ) => service.create({ requireApproval: false, batchSize: 500, ...input }, actor);

  let seeded = 0;
  await draft(
    {
      name: 'KPR bunga tetap 2027',
      description: 'Penawaran KPR bunga tetap 3 tahun untuk usia produktif',
      channel: 'whatsapp',
      templateKey: 'promo.kpr',
      segmentId: seg('Usia produktif pemilik tabungan'),
      productKind: 'loan',
      data: { years: 3, offerUrl: offerUrl('KPR-2027') },
    },
    marketing,
  );
  await draft(
    {
      name: 'Deposito akhir tahun',
      channel: 'sms',
      templateKey: 'promo.deposito',
      segmentId: seg('Nasabah prioritas dan emerging'),
      productKind: 'deposit',
      data: { rate: '5,50', offerUrl: offerUrl('DEP-AKHIR-TAHUN') },
    },
    lead,
  );
  seeded += 2;

  const now = context.clock.now();
  const history = async (
    input: Parameters<typeof draft>[0],
    maker: Actor,
    end: {
      status: 'REJECTED' | 'COMPLETED' | 'CANCELLED';
      checker: string | null;
      comment: string | null;
      daysAgo: number;
    },
    after?: (id: string, rules: SegmentRules, transaction: Transaction) => Promise<void>,
  ) => {
    const { id } = await draft(input, maker);
    const segment = SEGMENTS.find((s) => seg(s.name) === input.segmentId) as (typeof SEGMENTS)[number];
    const audience = new Audience(context.sequelize);
    const eligible = await audience.count(audienceQuery(segment.rules, { now, channel: input.channel }));
    const submitted = now - end.daysAgo * DAY;
    await context.sequelize.transaction(async (transaction) => {
      await service.sql.run(
        `UPDATE campaigns SET status = :status, submission = 1, rules = :rules, maker = :maker, checker = :checker,
           comment = :comment, approval = :approval, eligible_count = :eligible, first_contact_at = :submitted,
           submitted_at = :submitted, decided_at = :decided, started_at = :started, completed_at = :completed,
           cancelled_at = :cancelled, queued_count = 0, created_at = :created, updated_at = :updated WHERE id = :id`,
        {
          id,
          status: end.status,
          rules: JSON.stringify(segment.rules),
          maker: maker.username,
          checker: end.checker,
          comment: end.comment,
          approval: end.checker === 'system' ? 'automatic' : 'compliance',
          eligible,
          submitted,
          decided: submitted + DAY / 4,
          started: end.status === 'REJECTED' ? null : submitted + DAY / 2,
          completed: end.status === 'COMPLETED' ? submitted + DAY : null,
          cancelled: end.status === 'CANCELLED' ? submitted + DAY : null,
          created: submitted - DAY,
          updated: submitted + DAY,
        },
        transaction,
      );
      await context.audit.record(
        {
          actor: 'system',
          source: null,
          action: 'campaign.demo-history',
          entityType: 'campaign',
          entityId: id,
          details: { status: end.status, maker: maker.username, checker: end.checker },
        },
        transaction,
      );
      await after?.(id, segment.rules, transaction);
    });
    seeded += 1;
  };

  await history(
    {
      name: 'KPR untuk semua nasabah Medan Kota',
      channel: 'whatsapp',
      templateKey: 'promo.kpr',
      segmentId: seg('Semua nasabah Medan Kota'),
      productKind: 'loan',
      data: { years: 5, offerUrl: offerUrl('KPR-MDN') },
    },
    marketing,
    {
      status: 'REJECTED',
      checker: 'compliance1',
      comment:
        'Audiens terlalu luas untuk penawaran kredit: batasi pada nasabah berpenghasilan tetap dan cantumkan syarat dan ketentuan.',
      daysAgo: 3,
    },
  );
  await history(
    {
      name: 'Kartu Kredit Gold untuk nasabah bergaji',
      channel: 'email',
      templateKey: 'promo.kartu-kredit',
      segmentId: seg('Gaji di atas 5 juta tanpa kartu kredit'),
      productKind: 'card',
      data: { limit: 15_000_000, offerUrl: offerUrl('KK-GOLD') },
    },
    marketing,
    {
      status: 'COMPLETED',
      checker: 'system',
      comment: 'Disetujui otomatis: di bawah ambang persetujuan',
      daysAgo: 21,
    },
    (id, rules, transaction) => sentHistory(service, id, rules, now - 20 * DAY, transaction),
  );
  await history(
    {
      name: 'Deposito valas (dibatalkan)',
      channel: 'sms',
      templateKey: 'promo.deposito',
      segmentId: seg('Nasabah prioritas dan emerging'),
      productKind: 'deposit',
      data: { rate: '3,00', offerUrl: offerUrl('DEP-VALAS') },
    },
    lead,
    {
      status: 'CANCELLED',
      checker: 'system',
      comment: 'Disetujui otomatis: di bawah ambang persetujuan',
      daysAgo: 10,
    },
  );

  if (context.shippedProcesses) {
    const pending = await draft(
      {
        name: 'Kartu Kredit Platinum via SMS',
        description: 'Produk baru: kepatuhan diminta meninjau walau di bawah ambang',
        channel: 'sms',
        templateKey: 'promo.kartu-kredit',
        segmentId: seg('Nasabah prioritas dan emerging'),
        productKind: 'card',
        requireApproval: true,
        data: { limit: 50_000_000, offerUrl: offerUrl('KK-PLATINUM') },
      },
      lead,
    );
    await service.submit(pending.id, lead);
    const sending = await draft(
      {
        name: 'Deposito berjangka untuk Medan Kota',
        channel: 'whatsapp',
        templateKey: 'promo.deposito',
        segmentId: seg('Semua nasabah Medan Kota'),
        productKind: 'deposit',
        batchSize: 10,
        data: { rate: '5,25', offerUrl: offerUrl('DEP-MDN') },
      },
      marketing,
    );
    await service.submit(sending.id, marketing);
    seeded += 2;
  }
  return seeded;
}

/**
 * A finished campaign's messages as notifications would have kept them (delivered, some opened
 * and clicked, a few suppressed by withdrawn consent), and conversions recorded by the branch.
 */
async function sentHistory(
  service: CampaignService,
  id: string,
  rules: SegmentRules,
  sentAt: number,
  transaction: Transaction,
) {
  const { context } = service.deps;
  const audience = new Audience(context.sequelize);
  const ids = await audience.page(
    audienceQuery(rules, { now: sentAt, channel: 'email' }),
    null,
    60,
    transaction,
  );
  let n = 0;
  for (const customerId of ids) {
    n += 1;
    const suppressed = n % 17 === 0;
    const opened = !suppressed && n % 3 !== 0;
    const clicked = opened && n % 4 === 0;
    const at = sentAt + n * 60_000;
    await service.sql.run(
      `INSERT INTO notification_messages (id, customer_id, channel, purpose, template_key, template_version, locale, ref,
         status, status_reason, attempts, created_at, created_by, updated_at, sent_at, delivered_at, open_count,
         first_opened_at, click_count, first_clicked_at)
       VALUES (:mid, :customerId, 'email', 'marketing', 'promo.kartu-kredit', 1, 'id', :ref, :status, :reason, :attempts,
         :at, 'system', :at, :sent, :sent, :opens, :openedAt, :clicks, :clickedAt)`,
      {
        mid: randomUUID(),
        customerId,
        ref: messageRef(id),
        status: suppressed ? 'suppressed' : 'delivered',
        reason: suppressed ? 'consent-withdrawn' : null,
        attempts: suppressed ? 0 : 1,
        at,
        sent: suppressed ? null : at,
        opens: opened ? 1 + (n % 2) : 0,
        openedAt: opened ? at + 3_600_000 : null,
        clicks: clicked ? 1 : 0,
        clickedAt: clicked ? at + 3_700_000 : null,
      },
      transaction,
    );
    if (clicked && n % 8 === 0)
      await service.sql.run(
        `INSERT INTO campaign_conversions (campaign_id, customer_id, note, recorded_by, recorded_at)
         VALUES (:id, :customerId, 'Pengajuan kartu kredit di kantor cabang', 'marketing1', :at)`,
        { id, customerId, at: at + 2 * DAY },
        transaction,
      );
  }
  await service.sql.run(
    'UPDATE campaigns SET queued_count = :n, audience_cursor = :cursor WHERE id = :id',
    { n, cursor: ids.at(-1) ?? null, id },
    transaction,
  );
}
