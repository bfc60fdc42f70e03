import { QueryTypes } from 'sequelize';
import { maskPersonalFields } from '../audit/index.ts';
import { NotificationsError } from './errors.ts';
import type { MessageRow } from './outbox.ts';
import type { Channel, MessageStatus } from './schema.ts';
import type { NotificationService } from './service.ts';
import type { Actor } from './templates.ts';

const iso = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** A message as it leaves the server, without content or recipient. */
export function presentSummary(row: MessageRow) {
  return {
    id: row.id,
    customerId: row.customer_id,
    channel: row.channel,
    purpose: row.purpose,
    templateKey: row.template_key,
    templateVersion: Number(row.template_version),
    locale: row.locale,
    ref: row.ref,
    status: row.status,
    statusReason: row.status_reason,
    attempts: Number(row.attempts),
    nextAttemptAt: row.status === 'queued' ? iso(row.next_attempt_at) : null,
    lastError: row.last_error,
    createdAt: iso(row.created_at) as string,
    createdBy: row.created_by,
    sentAt: iso(row.sent_at),
    deliveredAt: iso(row.delivered_at),
    failedAt: iso(row.failed_at),
    openCount: Number(row.open_count),
    firstOpenedAt: iso(row.first_opened_at),
    clickCount: Number(row.click_count),
    firstClickedAt: iso(row.first_clicked_at),
  };
}

export interface MessageFilter {
  status?: MessageStatus;
  channel?: Channel;
  templateKey?: string;
  ref?: string;
  customerId?: string;
  limit: number;
  offset: number;
}

/** Messages newest first, filtered; dead letters are `status: 'dead'`. */
export async function listMessages(service: NotificationService, filter: MessageFilter) {
  const conditions: string[] = [];
  const replacements: Record<string, unknown> = {};
  for (const [field, column] of [
    ['status', 'status'],
    ['channel', 'channel'],
    ['templateKey', 'template_key'],
    ['ref', 'ref'],
    ['customerId', 'customer_id'],
  ] as const) {
    if (filter[field] === undefined) continue;
    conditions.push(`${column} = :${field}`);
    replacements[field] = filter[field];
  }
  const rows = await service.sequelize.query<MessageRow>(
    `SELECT * FROM notification_messages ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY created_at DESC, id DESC LIMIT ${Number(filter.limit)} OFFSET ${Number(filter.offset)}`,
    { replacements, type: QueryTypes.SELECT },
  );
  return rows.map(presentSummary);
}

/**
 * One message with where it went and what it said, the recipient masked per role; reading
 * it is a view of the customer's data, so it is audited.
 */
export async function messageDetail(
  service: NotificationService,
  id: string,
  roles: readonly string[],
  actor: Actor,
) {
  const row = await service.outbox.load(id);
  if (!row) throw new NotificationsError('MESSAGE_NOT_FOUND', `There is no notification ${id}`);
  const [content, recipient] = await Promise.all([service.content(row), service.recipient(row)]);
  const events = await service.sequelize.query<{ at: number | string; kind: string; detail: string | null }>(
    'SELECT at, kind, detail FROM notification_events WHERE message_id = :id ORDER BY id',
    { replacements: { id }, type: QueryTypes.SELECT },
  );
  await service.deps.audit.record({
    actor: actor.username,
    source: actor.source,
    action: 'notification.view',
    entityType: 'notification',
    entityId: id,
    customerId: row.customer_id,
  });
  const address = maskPersonalFields(
    {
      recipientEmail: row.channel === 'email' ? recipient : null,
      recipientPhone: row.channel === 'email' ? null : recipient,
    },
    roles,
  );
  return {
    ...presentSummary(row),
    ...address,
    subject: content?.subject ?? null,
    text: content?.text ?? null,
    events: events.map((e) => ({ at: iso(e.at) as string, kind: e.kind, detail: e.detail })),
  };
}

interface StatsRow {
  template_key: string | null;
  channel: string | null;
  ref: string | null;
  status: string;
  total: number | string;
  opened: number | string | null;
  opens: number | string | null;
  clicked: number | string | null;
  clicks: number | string | null;
}

/** Counts per template (and channel) or per ref (a campaign, a case): statuses, opens, clicks. */
export async function messageStats(
  service: NotificationService,
  query: { by: 'template' | 'ref'; templateKey?: string; ref?: string },
) {
  const groups = query.by === 'template' ? 'template_key, channel' : 'ref';
  const rows = await service.sequelize.query<StatsRow>(
    `SELECT ${query.by === 'template' ? 'template_key, channel, NULL AS ref' : 'NULL AS template_key, NULL AS channel, ref'},
       status, COUNT(*) AS total,
       SUM(CASE WHEN open_count > 0 THEN 1 ELSE 0 END) AS opened, SUM(open_count) AS opens,
       SUM(CASE WHEN click_count > 0 THEN 1 ELSE 0 END) AS clicked, SUM(click_count) AS clicks
     FROM notification_messages
     WHERE (:templateKey IS NULL OR template_key = :templateKey) AND (:ref IS NULL OR ref = :ref)
     GROUP BY ${groups}, status ORDER BY ${groups}`,
    {
      replacements: { templateKey: query.templateKey ?? null, ref: query.ref ?? null },
      type: QueryTypes.SELECT,
    },
  );
  const out = new Map<
    string,
    {
      templateKey: string | null;
      channel: string | null;
      ref: string | null;
      total: number;
      byStatus: Record<string, number>;
      opened: number;
      opens: number;
      clicked: number;
      clicks: number;
    }
  >();
  for (const row of rows) {
    const key = JSON.stringify([row.template_key, row.channel, row.ref]);
    const group = out.get(key) ?? {
      templateKey: row.template_key,
      channel: row.channel,
      ref: row.ref,
      total: 0,
      byStatus: {},
      opened: 0,
      opens: 0,
      clicked: 0,
      clicks: 0,
    };
    group.total += Number(row.total);
    group.byStatus[row.status] = Number(row.total);
    group.opened += Number(row.opened ?? 0);
    group.opens += Number(row.opens ?? 0);
    group.clicked += Number(row.clicked ?? 0);
    group.clicks += Number(row.clicks ?? 0);
    out.set(key, group);
  }
  return [...out.values()];
}
