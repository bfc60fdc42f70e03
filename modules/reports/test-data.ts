import type { Sequelize } from 'sequelize';
import { caseRow, insertRows, type Value } from './rows.ts';

/** An instant written in WIB: '2026-02-01T00:00' → epoch ms. */
export const wib = (local: string) => Date.parse(`${local}:00+07:00`);

/** The moment the known data set is read at (the platform clock is pinned here). */
export const NOW = wib('2026-03-15T10:00');

/** Root causes of the cases resolved in March beside c6's HUMAN_ERROR: 11 codes, a tie at the 10th place. */
export const MARCH_ROOT_CAUSES: Record<string, number> = {
  SYSTEM_ERROR: 6,
  THIRD_PARTY: 5,
  ATM_MALFUNCTION: 4,
  NETWORK_ISSUE: 4,
  HUMAN_ERROR: 2,
  PROCESS_GAP: 3,
  CUSTOMER_ERROR: 2,
  FRAUD: 2,
  POLICY: 2,
  OTHER: 1,
  // An older code left in imported history: ranked by its code, named by it.
  LEGACY_CODE: 1,
};

/**
 * Known cases around the WIB month boundaries (c2 falls due at 06:00 WIB on 1 February,
 * which is still 31 January in UTC), with met, breached and pending deadlines, a backlog,
 * handling times, scores, and a March batch of root causes.
 */
export async function insertKnownCases(sequelize: Sequelize): Promise<void> {
  const rows: Record<string, Value>[] = [
    caseRow({
      number: 'C0',
      branch_code: 'MDN-KC',
      queue_code: 'CC-MEDAN',
      category: 'FAILED_TRANSFER',
      created_at: wib('2025-12-31T23:59') + 59_999,
      resolved_at: wib('2025-12-31T23:59') + 59_999,
      status: 'CLOSED',
    }),
    caseRow({
      number: 'C1',
      branch_code: 'MDN-KC',
      queue_code: 'CC-MEDAN',
      category: 'FAILED_TRANSFER',
      created_at: wib('2026-01-10T09:00'),
      sla_due_at: wib('2026-01-11T09:00'),
      resolved_at: wib('2026-01-10T15:00'),
      assignee: 'agent1',
      root_cause: 'SYSTEM_ERROR',
      csat: 5,
      status: 'CLOSED',
    }),
    caseRow({
      number: 'C2',
      branch_code: 'MDN-KC',
      queue_code: 'CC-MEDAN',
      category: 'FAILED_TRANSFER',
      created_at: wib('2026-01-31T23:30'),
      sla_due_at: wib('2026-02-01T06:00'),
      sla_breached_at: wib('2026-02-01T06:00'),
      resolved_at: wib('2026-02-02T10:00'),
      assignee: 'agent1',
      root_cause: 'NETWORK_ISSUE',
      csat: 2,
      status: 'CLOSED',
    }),
    caseRow({
      number: 'C3',
      branch_code: 'PMS-KC',
      queue_code: 'CB-PMS-KC',
      category: 'CARD_RETAINED',
      created_at: wib('2026-02-01T00:00'),
      sla_due_at: wib('2026-02-03T00:00'),
      resolved_at: wib('2026-02-02T00:00'),
      assignee: 'agent2',
      root_cause: 'ATM_MALFUNCTION',
      csat: 4,
      status: 'RESOLVED',
    }),
    caseRow({
      number: 'C4',
      branch_code: 'MDN-KC',
      queue_code: 'BO-LOANS',
      category: 'LOAN',
      created_at: wib('2026-02-28T23:59') + 59_999,
      sla_due_at: wib('2026-03-07T23:59'),
      assignee: 'backoffice1',
      status: 'IN_PROGRESS',
    }),
    caseRow({
      number: 'C5',
      branch_code: 'MDN-KC',
      queue_code: 'BO-LOANS',
      category: 'LOAN',
      created_at: wib('2026-03-01T00:00'),
      sla_due_at: wib('2026-03-20T00:00'),
      assignee: 'backoffice1',
      status: 'ASSIGNED',
    }),
    caseRow({
      number: 'C6',
      branch_code: 'PMS-KC',
      queue_code: 'CB-PMS-KC',
      category: 'SERVICE_QUALITY',
      created_at: wib('2026-03-02T08:00'),
      sla_due_at: wib('2026-03-04T08:00'),
      resolved_at: wib('2026-03-03T08:00'),
      assignee: 'agent2',
      root_cause: 'HUMAN_ERROR',
      csat: 3,
      status: 'CLOSED',
    }),
    caseRow({
      number: 'C7',
      branch_code: 'MDN-KC',
      queue_code: 'CC-MEDAN',
      category: 'OTHER',
      created_at: wib('2026-03-05T10:00'),
      status: 'NEW',
    }),
    caseRow({
      number: 'C8',
      branch_code: 'MDN-KC',
      queue_code: 'CC-MEDAN',
      category: 'OTHER',
      created_at: wib('2026-04-01T00:00'),
      status: 'CLOSED',
      resolved_at: wib('2026-04-01T00:00'),
    }),
  ];
  let n = 0;
  for (const [code, count] of Object.entries(MARCH_ROOT_CAUSES))
    for (let i = 0; i < count; i++)
      rows.push(
        caseRow({
          number: `B${++n}`,
          branch_code: 'MDN-KC',
          category: 'OTHER',
          created_at: wib('2026-03-09T10:00'),
          resolved_at: wib('2026-03-10T10:00'),
          root_cause: code,
          status: 'CLOSED',
        }),
      );
  await insertRows(sequelize, 'cases', rows);
}

/** Two customers (MDN-KC, PMS-KC) and their consents given and withdrawn around the month boundaries. */
export async function insertKnownConsents(sequelize: Sequelize): Promise<void> {
  const customer = (id: string, branch: string) => ({
    id,
    cif: id,
    full_name: 'Nasabah Laporan',
    segment: 'mass',
    branch_code: branch,
    kyc_status: 'verified',
    created_at: wib('2025-01-01T00:00'),
    updated_at: wib('2025-01-01T00:00'),
  });
  await insertRows(sequelize, 'customers', [customer('RPT-A', 'MDN-KC'), customer('RPT-B', 'PMS-KC')]);
  const consent = (customer_id: string, channel: string, granted: boolean, recorded_at: number) => ({
    customer_id,
    channel,
    purpose: 'marketing',
    granted,
    source: 'call-centre',
    recorded_by: 'agent1',
    recorded_at,
  });
  await insertRows(sequelize, 'customer_consents', [
    consent('RPT-A', 'email', false, wib('2026-01-31T23:59') + 59_999),
    consent('RPT-A', 'sms', false, wib('2026-02-01T00:00')),
    consent('RPT-B', 'email', false, wib('2026-02-15T12:00')),
    consent('RPT-B', 'whatsapp', false, wib('2026-03-10T09:00')),
    consent('RPT-A', 'email', true, wib('2026-03-01T00:00')),
    consent('RPT-B', 'email', false, wib('2025-12-31T23:59') + 59_999),
  ]);
}

/**
 * Campaigns K1 (Feb, 8 messages, conversions recorded by hand) and K2 (Mar, a card taken after
 * the touch and also recorded: one conversion), K3 started before the period, K4 never started.
 */
export async function insertKnownCampaigns(sequelize: Sequelize): Promise<void> {
  const campaign = (
    id: string,
    started_at: number | null,
    eligible_count: number,
    product_kind: string | null,
  ) => ({
    id,
    name: `Kampanye ${id}`,
    channel: 'email',
    template_key: 'promo',
    segment_id: 'S1',
    data: '{}',
    status: started_at === null ? 'DRAFT' : 'COMPLETED',
    eligible_count,
    product_kind,
    created_by: 'marketing1',
    created_at: wib('2025-12-01T00:00'),
    updated_by: 'marketing1',
    updated_at: wib('2025-12-01T00:00'),
    started_at,
  });
  await insertRows(sequelize, 'campaigns', [
    campaign('K1', wib('2026-02-10T09:00'), 10, null),
    campaign('K2', wib('2026-03-05T09:00'), 4, 'card'),
    campaign('K3', wib('2025-12-20T09:00'), 7, null),
    campaign('K4', null, 3, null),
  ]);
  let n = 0;
  const message = (
    ref: string,
    sent: boolean,
    delivered: boolean,
    opened: boolean,
    clicked: boolean,
    at: number,
  ) => ({
    id: `M${++n}`,
    customer_id: `X${n}`,
    channel: 'email',
    purpose: 'marketing',
    template_key: 'promo',
    template_version: 1,
    locale: 'id',
    ref: `campaign:${ref}`,
    status: delivered ? 'delivered' : sent ? 'sent' : 'queued',
    created_at: at,
    created_by: 'system',
    updated_at: at,
    sent_at: sent ? at : null,
    delivered_at: delivered ? at : null,
    open_count: opened ? 2 : 0,
    click_count: clicked ? 1 : 0,
  });
  const k1 = wib('2026-02-10T10:00');
  const k2 = wib('2026-03-05T10:00');
  await insertRows(sequelize, 'notification_messages', [
    // K1: 8 queued, 6 sent, 5 delivered, 3 opened, 1 clicked.
    message('K1', true, true, true, true, k1),
    message('K1', true, true, true, false, k1),
    message('K1', true, true, true, false, k1),
    message('K1', true, true, false, false, k1),
    message('K1', true, true, false, false, k1),
    message('K1', true, false, false, false, k1),
    message('K1', false, false, false, false, k1),
    message('K1', false, false, false, false, k1),
    // K2 (customers X9..X12): 4 sent and delivered, 2 opened, 2 clicked.
    message('K2', true, true, true, true, k2),
    message('K2', true, true, true, true, k2),
    message('K2', true, true, false, false, k2),
    message('K2', true, true, false, false, k2),
    message('K3', true, true, true, true, wib('2025-12-20T10:00')),
  ]);
  await insertRows(sequelize, 'customer_products', [
    {
      id: 'P1',
      customer_id: 'X9',
      kind: 'card',
      product_name: 'Kartu Kredit',
      status: 'active',
      opened_at: k2 + 86_400_000,
    },
    // Taken before the touch: not a conversion.
    {
      id: 'P2',
      customer_id: 'X10',
      kind: 'card',
      product_name: 'Kartu Kredit',
      status: 'active',
      opened_at: k2 - 86_400_000,
    },
  ]);
  const conversion = (campaign_id: string, customer_id: string) => ({
    campaign_id,
    customer_id,
    note: null,
    recorded_by: 'marketing1',
    recorded_at: k2,
  });
  await insertRows(sequelize, 'campaign_conversions', [
    conversion('K1', 'X1'),
    conversion('K1', 'X2'),
    conversion('K2', 'X9'),
  ]);
}
