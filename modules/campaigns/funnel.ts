import type { Transaction } from 'sequelize';
import type { Sql } from '../server/sql.ts';
import type { Funnel } from './schema.ts';

/** The ref notifications' messages of a campaign carry (index notification_messages_ref). */
export const messageRef = (campaignId: string) => `campaign:${campaignId}`;

interface Counts {
  queued: number | string | null;
  held: number | string | null;
  sent: number | string | null;
  delivered: number | string | null;
  opened: number | string | null;
  clicked: number | string | null;
  suppressed: number | string | null;
  failed: number | string | null;
}

/**
 * Progress and funnel of a campaign from the messages notifications keeps for it: queued, held
 * for the contact window, sent, delivered, opened, clicked; converted = customers it reached
 * who took the offered product after the touch, or whose conversion was recorded by hand.
 */
export async function funnelOf(
  sql: Sql,
  campaign: { id: string; eligible_count: number | string | null; product_kind: string | null },
  transaction?: Transaction,
): Promise<Funnel> {
  const ref = messageRef(campaign.id);
  const [counts] = await sql.rows<Counts>(
    `SELECT COUNT(*) AS queued,
       SUM(CASE WHEN status = 'queued' AND status_reason = 'contact-window' THEN 1 ELSE 0 END) AS held,
       SUM(CASE WHEN sent_at IS NOT NULL THEN 1 ELSE 0 END) AS sent,
       SUM(CASE WHEN delivered_at IS NOT NULL OR status = 'delivered' THEN 1 ELSE 0 END) AS delivered,
       SUM(CASE WHEN open_count > 0 THEN 1 ELSE 0 END) AS opened,
       SUM(CASE WHEN click_count > 0 THEN 1 ELSE 0 END) AS clicked,
       SUM(CASE WHEN status = 'suppressed' THEN 1 ELSE 0 END) AS suppressed,
       SUM(CASE WHEN status IN ('failed', 'dead') THEN 1 ELSE 0 END) AS failed
     FROM notification_messages WHERE ref = :ref`,
    { ref },
    transaction,
  );
  const [converted] = await sql.rows<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM (
       SELECT m.customer_id FROM notification_messages m
       WHERE m.ref = :ref AND m.sent_at IS NOT NULL AND :kind IS NOT NULL AND EXISTS (
         SELECT 1 FROM customer_products p WHERE p.customer_id = m.customer_id AND p.kind = :kind
         AND p.opened_at > m.sent_at)
       UNION
       SELECT customer_id FROM campaign_conversions WHERE campaign_id = :id
     ) converted`,
    { ref, kind: campaign.product_kind, id: campaign.id },
    transaction,
  );
  const n = (v: number | string | null | undefined) => Number(v ?? 0);
  return {
    audience: campaign.eligible_count === null ? null : Number(campaign.eligible_count),
    queued: n(counts?.queued),
    held: n(counts?.held),
    sent: n(counts?.sent),
    delivered: n(counts?.delivered),
    opened: n(counts?.opened),
    clicked: n(counts?.clicked),
    converted: n(converted?.n),
    suppressed: n(counts?.suppressed),
    failed: n(counts?.failed),
  };
}
