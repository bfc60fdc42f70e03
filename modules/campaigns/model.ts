import type { Transaction } from 'sequelize';
import type { PRODUCT_KINDS } from '../customers/vocabulary.ts';
import type { Sql } from '../server/sql.ts';
import type { CampaignStatus, SegmentRules } from './schema.ts';

/** A row of `campaigns` as the drivers return it (BIGINT may arrive as a string). */
export interface CampaignRow {
  id: string;
  name: string;
  description: string | null;
  channel: 'email' | 'sms' | 'whatsapp';
  template_key: string;
  segment_id: string;
  rules: string | null;
  scheduled_at: number | string | null;
  product_kind: string | null;
  data: string;
  require_approval: boolean | number | string;
  batch_size: number | string;
  status: CampaignStatus;
  submission: number | string;
  maker: string | null;
  checker: string | null;
  comment: string | null;
  approval: 'compliance' | 'automatic' | null;
  eligible_count: number | string | null;
  first_contact_at: number | string | null;
  audience_cursor: string | null;
  queued_count: number | string;
  created_by: string;
  created_at: number | string;
  updated_by: string;
  updated_at: number | string;
  submitted_at: number | string | null;
  decided_at: number | string | null;
  started_at: number | string | null;
  paused_at: number | string | null;
  completed_at: number | string | null;
  cancelled_at: number | string | null;
}

export interface SegmentRow {
  id: string;
  name: string;
  description: string | null;
  rules: string;
  created_by: string;
  created_at: number | string;
  updated_by: string;
  updated_at: number | string;
}

export const truthy = (v: unknown) => v === true || v === 1 || v === '1';
export const num = (v: number | string | null) => (v === null ? null : Number(v));
export const iso = (v: number | string | null) => (v === null ? null : new Date(Number(v)).toISOString());

export function presentSegment(row: SegmentRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    rules: JSON.parse(row.rules) as SegmentRules,
    createdBy: row.created_by,
    createdAt: iso(row.created_at) as string,
    updatedBy: row.updated_by,
    updatedAt: iso(row.updated_at) as string,
  };
}

export function presentCampaign(row: CampaignRow, segmentName: string | null) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    channel: row.channel,
    templateKey: row.template_key,
    segmentId: row.segment_id,
    segmentName,
    rules: row.rules === null ? null : (JSON.parse(row.rules) as SegmentRules),
    scheduledAt: iso(row.scheduled_at),
    productKind: row.product_kind as (typeof PRODUCT_KINDS)[number] | null,
    data: JSON.parse(row.data) as Record<string, unknown>,
    requireApproval: truthy(row.require_approval),
    batchSize: Number(row.batch_size),
    status: row.status,
    submission: Number(row.submission),
    maker: row.maker,
    checker: row.checker,
    comment: row.comment,
    approval: row.approval,
    eligibleCount: num(row.eligible_count),
    firstContactAt: iso(row.first_contact_at),
    createdBy: row.created_by,
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
    submittedAt: iso(row.submitted_at),
    decidedAt: iso(row.decided_at),
    startedAt: iso(row.started_at),
    completedAt: iso(row.completed_at),
    cancelledAt: iso(row.cancelled_at),
  };
}
export type CampaignView = ReturnType<typeof presentCampaign>;

/** Reads campaign rows; `forUpdate` locks the row on MySQL (SQLite's write lock is the transaction's). */
export class CampaignTable {
  readonly #lock: string;

  constructor(
    readonly sql: Sql,
    dialect: string,
  ) {
    this.#lock = dialect === 'sqlite' ? '' : ' FOR UPDATE';
  }

  async load(id: string, transaction?: Transaction, forUpdate = false): Promise<CampaignRow | undefined> {
    const [row] = await this.sql.rows<CampaignRow>(
      `SELECT * FROM campaigns WHERE id = :id${forUpdate ? this.#lock : ''}`,
      { id },
      transaction,
    );
    return row;
  }

  async segment(id: string, transaction?: Transaction): Promise<SegmentRow | undefined> {
    const [row] = await this.sql.rows<SegmentRow>(
      'SELECT * FROM campaign_segments WHERE id = :id',
      { id },
      transaction,
    );
    return row;
  }

  /** Sets columns of a campaign that is in one of `from` (guarded); whether it was. */
  async change(
    id: string,
    from: readonly CampaignStatus[],
    changes: Record<string, unknown>,
    transaction: Transaction,
  ): Promise<boolean> {
    const sets = Object.keys(changes).map((column) => `${column} = :set_${column}`);
    const params: Record<string, unknown> = { id, from: [...from] };
    for (const [column, value] of Object.entries(changes)) params[`set_${column}`] = value;
    const { affected } = await this.sql.run(
      `UPDATE campaigns SET ${sets.join(', ')} WHERE id = :id AND status IN (:from)`,
      params,
      transaction,
    );
    return affected === 1;
  }
}
