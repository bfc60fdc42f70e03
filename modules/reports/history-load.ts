import { randomUUID } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import { prng } from '../customers/demo-random.ts';
import { DAY, HOUR, historicalCases, withdrawalTimes } from './history.ts';
import { insertRows, type Value } from './rows.ts';

/** Loads the reports' history (history.ts) into a database whose customers are seeded already. */

type Customer = { id: string; branch_code: string };

/** Up to `limit` customers, in id order (ids are random UUIDs: a fair sample). */
export async function sampleCustomers(sequelize: Sequelize, limit: number): Promise<Customer[]> {
  return sequelize.query<Customer>(
    `SELECT id, branch_code FROM customers WHERE erased_at IS NULL ORDER BY id LIMIT ${Math.trunc(limit)}`,
    { type: QueryTypes.SELECT, logging: false },
  );
}

export async function loadCases(
  sequelize: Sequelize,
  count: number,
  options: { seed: number; now: number; customers: Customer[]; progress?: (done: number) => void },
): Promise<number> {
  const queues = await sequelize.query<{ code: string }>('SELECT code FROM case_queues', {
    type: QueryTypes.SELECT,
    logging: false,
  });
  let done = 0;
  for (const rows of historicalCases(count, { ...options, queues: new Set(queues.map((q) => q.code)) })) {
    await insertRows(sequelize, 'cases', rows);
    done += rows.length;
    options.progress?.(done);
  }
  return done;
}

/**
 * Withdraws `count` marketing consents that are in force, over the last 12 months: a history
 * row each (granted = false) and the state every sender checks.
 */
export async function loadWithdrawals(
  sequelize: Sequelize,
  count: number,
  seed: number,
  now: number,
): Promise<number> {
  const given = await sequelize.query<{ customer_id: string; channel: string }>(
    `SELECT customer_id, channel FROM customer_consent_state
     WHERE purpose = 'marketing' AND granted = 1 AND channel IN ('email', 'sms', 'whatsapp', 'phone')
     LIMIT ${Math.trunc(count)}`,
    { type: QueryTypes.SELECT, logging: false },
  );
  const times = withdrawalTimes(given.length, seed, now);
  const rows = given.map((g, i) => {
    const t = times[i] as (typeof times)[number];
    return {
      customer_id: g.customer_id,
      channel: g.channel,
      purpose: 'marketing',
      granted: false,
      source: t.source,
      recorded_by: t.by,
      recorded_at: t.at,
    };
  });
  await insertRows(sequelize, 'customer_consents', rows);
  for (const channel of new Set(given.map((g) => g.channel))) {
    const ids = given.filter((g) => g.channel === channel).map((g) => g.customer_id);
    for (let i = 0; i < ids.length; i += 1000)
      await sequelize.query(
        `UPDATE customer_consent_state SET granted = 0, updated_at = :now
         WHERE purpose = 'marketing' AND channel = :channel AND customer_id IN (:ids)`,
        { replacements: { now, channel, ids: ids.slice(i, i + 1000) }, logging: false },
      );
  }
  return rows.length;
}

const CAMPAIGNS = [
  { name: 'Promo Kartu Kredit', channel: 'sms', template: 'promo.kartu-kredit', product: 'card' },
  { name: 'Deposito Akhir Tahun', channel: 'whatsapp', template: 'promo.deposito', product: 'deposit' },
  { name: 'KPR Bunga Ringan', channel: 'email', template: 'promo.kpr', product: 'loan' },
] as const;

/**
 * `count` completed campaigns over the last 6 months, each with `messages` messages through
 * the funnel (sent 97%, delivered 92% of those, opened and clicked by channel) and
 * conversions recorded for 2–4% of those reached.
 */
export async function loadCampaigns(
  sequelize: Sequelize,
  options: { count: number; messages: number; seed: number; now: number; customers: Customer[] },
): Promise<number> {
  const random = prng(options.seed + 7);
  const segment = randomUUID();
  const stamp = options.now - 200 * DAY;
  await insertRows(sequelize, 'campaign_segments', [
    {
      id: segment,
      name: `Segmen uji laporan ${segment.slice(0, 8)}`,
      description: null,
      rules: '{"all":[]}',
      created_by: 'marketing1',
      created_at: stamp,
      updated_by: 'marketing1',
      updated_at: stamp,
    },
  ]);
  for (let k = 0; k < options.count; k++) {
    const spec = CAMPAIGNS[k % CAMPAIGNS.length] as (typeof CAMPAIGNS)[number];
    const id = randomUUID();
    const started = Math.floor(options.now - (10 + random() * 170) * DAY);
    const size = Math.min(options.messages, options.customers.length);
    await insertRows(sequelize, 'campaigns', [
      {
        id,
        name: `${spec.name} #${k + 1}`,
        description: null,
        channel: spec.channel,
        template_key: spec.template,
        segment_id: segment,
        rules: '{"all":[]}',
        product_kind: spec.product,
        data: '{}',
        status: 'COMPLETED',
        maker: 'marketing1',
        checker: 'compliance1',
        approval: 'APPROVED',
        eligible_count: Math.round(size * 1.04),
        queued_count: size,
        created_by: 'marketing1',
        created_at: started - 3 * DAY,
        updated_by: 'system',
        updated_at: started + DAY,
        submitted_at: started - 2 * DAY,
        decided_at: started - DAY,
        started_at: started,
        completed_at: started + DAY,
      },
    ]);
    const opens = spec.channel === 'email' ? 0.35 : spec.channel === 'whatsapp' ? 0.6 : 0;
    const messages: Record<string, Value>[] = [];
    const conversions: Record<string, Value>[] = [];
    const offset = Math.floor(random() * options.customers.length);
    for (let i = 0; i < size; i++) {
      const customer = options.customers[(offset + i) % options.customers.length] as Customer;
      const at = started + Math.floor(random() * 20 * HOUR);
      const sent = random() < 0.97;
      const delivered = sent && random() < 0.92;
      const opened = delivered && random() < opens;
      const clicked = delivered && random() < (opens > 0 ? opens * 0.25 : 0.04);
      messages.push({
        id: randomUUID(),
        customer_id: customer.id,
        channel: spec.channel,
        purpose: 'marketing',
        template_key: spec.template,
        template_version: 1,
        locale: 'id',
        ref: `campaign:${id}`,
        status: delivered ? 'delivered' : sent ? 'sent' : random() < 0.5 ? 'suppressed' : 'failed',
        created_at: at,
        created_by: 'system',
        updated_at: at,
        sent_at: sent ? at : null,
        delivered_at: delivered ? at + 60_000 : null,
        open_count: opened ? 1 : 0,
        first_opened_at: opened ? at + HOUR : null,
        click_count: clicked ? 1 : 0,
        first_clicked_at: clicked ? at + 2 * HOUR : null,
      });
      if (delivered && random() < (clicked ? 0.3 : 0.015))
        conversions.push({
          campaign_id: id,
          customer_id: customer.id,
          note: null,
          recorded_by: 'marketing1',
          recorded_at: at + 3 * DAY,
        });
    }
    await insertRows(sequelize, 'notification_messages', messages);
    await insertRows(sequelize, 'campaign_conversions', conversions);
  }
  return options.count;
}

/** Fresh statistics after a bulk load, so MariaDB's optimizer sees the new rows. */
export async function analyze(sequelize: Sequelize): Promise<void> {
  if (sequelize.getDialect() === 'sqlite') {
    await sequelize.query('ANALYZE', { logging: false });
    return;
  }
  for (const table of [
    'cases',
    'customer_consents',
    'customer_consent_state',
    'campaigns',
    'notification_messages',
    'campaign_conversions',
  ])
    await sequelize.query(`ANALYZE TABLE ${table}`, { logging: false });
}
