import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { sqlOf } from '../server/sql.ts';
import type { Viewer } from './scope.ts';
import type { CustomerService } from './service.ts';

export interface Interaction {
  id: string;
  at: number;
  channel: string;
  kind: string;
  summary: string;
  refType: string | null;
  refId: string | null;
  actor: string;
}

interface InteractionRow {
  id: number | string;
  at: number | string;
  channel: string;
  kind: string;
  summary: string;
  ref_type: string | null;
  ref_id: string | null;
  actor: string;
}

/** A timeline page cursor: the last entry's time and id, `<at>.<id>`. */
export function parseCursor(cursor: string | undefined): { at: number; id: number } | undefined {
  if (!cursor) return undefined;
  const [at, id] = cursor.split('.').map(Number);
  return at !== undefined && id !== undefined ? { at, id } : undefined;
}

/** The interaction timeline across channels, newest first, one index range per page. */
export async function timelinePage(
  service: CustomerService,
  customerId: string,
  before: { at: number; id: number } | undefined,
  limit: number,
): Promise<{ items: Interaction[]; nextBefore: string | null }> {
  const rows = await sqlOf(service.sequelize).rows<InteractionRow>(
    `SELECT id, at, channel, kind, summary, ref_type, ref_id, actor FROM customer_interactions
     WHERE customer_id = :customerId ${before ? 'AND (at < :at OR (at = :at AND id < :id))' : ''}
     ORDER BY at DESC, id DESC LIMIT :limit`,
    { customerId, limit, ...(before ?? {}) },
  );
  const items = rows.map((row) => ({
    id: String(row.id),
    at: Number(row.at),
    channel: row.channel,
    kind: row.kind,
    summary: row.summary,
    refType: row.ref_type,
    refId: row.ref_id,
    actor: row.actor,
  }));
  const last = items.at(-1);
  return { items, nextBefore: items.length === limit && last ? `${last.at}.${last.id}` : null };
}

/** One entry on a customer's timeline, as every module that touches the customer writes it. */
export interface TimelineEntry {
  customerId: string;
  at: number;
  channel: string;
  kind: string;
  summary: string;
  refType?: string | null;
  refId?: string | null;
  actor: string;
}

/** Writes a timeline entry in the caller's transaction (interactions, consents, messages sent). */
export async function writeInteraction(
  sequelize: Sequelize,
  entry: TimelineEntry,
  transaction?: Transaction,
) {
  await sequelize.query(
    `INSERT INTO customer_interactions (customer_id, at, channel, kind, summary, ref_type, ref_id, actor)
     VALUES (:customerId, :at, :channel, :kind, :summary, :refType, :refId, :actor)`,
    { replacements: { refType: null, refId: null, ...entry }, transaction },
  );
}

export interface NewInteraction {
  channel: string;
  kind: string;
  summary: string;
  at?: number;
  refType?: string | null;
  refId?: string | null;
}

/** Records an interaction (a visit, call, message…) on the customer's timeline. */
export async function addInteraction(
  service: CustomerService,
  customerId: string,
  input: NewInteraction,
  viewer: Viewer,
): Promise<Interaction> {
  return service.sequelize.transaction(async (transaction) => {
    await service.load(customerId, viewer, transaction);
    const at = input.at ?? service.deps.clock.now();
    const row = {
      customerId,
      at,
      channel: input.channel,
      kind: input.kind,
      summary: input.summary,
      refType: input.refType ?? null,
      refId: input.refId ?? null,
      actor: viewer.username,
    };
    await writeInteraction(service.sequelize, row, transaction);
    const [inserted] = await service.sequelize.query<{ id: number | string }>(
      'SELECT MAX(id) AS id FROM customer_interactions WHERE customer_id = :customerId AND at = :at',
      { replacements: row, type: QueryTypes.SELECT, transaction },
    );
    await service.deps.audit.record(
      {
        actor: viewer.username,
        source: viewer.source,
        action: 'customer.interaction',
        entityType: 'customer',
        entityId: customerId,
        customerId,
        details: { channel: input.channel, kind: input.kind },
      },
      transaction,
    );
    const { customerId: _, ...rest } = row;
    return { id: String(inserted?.id), ...rest };
  });
}
