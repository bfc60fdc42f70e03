import type { Transaction } from 'sequelize';
import type { Sql } from '../server/sql.ts';
import type { CaseStatus, ComplaintForm, EventKind, Severity } from './vocabulary.ts';

/** A case as the module works with it (instants in epoch ms). */
export interface Case {
  id: string;
  number: string;
  customerId: string;
  branchCode: string;
  category: string;
  severity: Severity;
  channel: string;
  form: ComplaintForm;
  description: string;
  status: CaseStatus;
  queue: string | null;
  slaPolicy: string | null;
  slaDueAt: number | null;
  slaBreachedAt: number | null;
  regulatoryDueAt: number | null;
  documentsDueAt: number | null;
  documentsCompleteAt: number | null;
  extendedAt: number | null;
  extensionDays: number | null;
  extensionReason: string | null;
  assignee: string | null;
  escalationLevel: number;
  escalatedTo: string | null;
  resolution: string | null;
  rootCause: string | null;
  resolvedAt: number | null;
  resolvedBy: string | null;
  closedAt: number | null;
  csat: number | null;
  csatAt: number | null;
  processInstanceKey: string | null;
  imported: boolean;
  createdAt: number;
  createdBy: string;
  lastUpdateAt: number;
}

export type CaseRow = Record<string, unknown>;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function caseOf(row: CaseRow): Case {
  return {
    id: String(row.id),
    number: String(row.number),
    customerId: String(row.customer_id),
    branchCode: String(row.branch_code),
    category: String(row.category),
    severity: row.severity as Severity,
    channel: String(row.channel),
    form: row.form as ComplaintForm,
    description: String(row.description),
    status: row.status as CaseStatus,
    queue: str(row.queue_code),
    slaPolicy: str(row.sla_policy),
    slaDueAt: num(row.sla_due_at),
    slaBreachedAt: num(row.sla_breached_at),
    regulatoryDueAt: num(row.regulatory_due_at),
    documentsDueAt: num(row.documents_due_at),
    documentsCompleteAt: num(row.documents_complete_at),
    extendedAt: num(row.extended_at),
    extensionDays: num(row.extension_days),
    extensionReason: str(row.extension_reason),
    assignee: str(row.assignee),
    escalationLevel: Number(row.escalation_level ?? 0),
    escalatedTo: str(row.escalated_to),
    resolution: str(row.resolution),
    rootCause: str(row.root_cause),
    resolvedAt: num(row.resolved_at),
    resolvedBy: str(row.resolved_by),
    closedAt: num(row.closed_at),
    csat: num(row.csat),
    csatAt: num(row.csat_at),
    processInstanceKey: str(row.process_instance_key),
    imported: Boolean(Number(row.imported ?? 0)),
    createdAt: Number(row.created_at),
    createdBy: String(row.created_by),
    lastUpdateAt: Number(row.last_update_at),
  };
}

/** Case fields → columns, for inserts and updates. */
export const COLUMNS: Record<Exclude<keyof Case, 'imported'>, string> = {
  id: 'id',
  number: 'number',
  customerId: 'customer_id',
  branchCode: 'branch_code',
  category: 'category',
  severity: 'severity',
  channel: 'channel',
  form: 'form',
  description: 'description',
  status: 'status',
  queue: 'queue_code',
  slaPolicy: 'sla_policy',
  slaDueAt: 'sla_due_at',
  slaBreachedAt: 'sla_breached_at',
  regulatoryDueAt: 'regulatory_due_at',
  documentsDueAt: 'documents_due_at',
  documentsCompleteAt: 'documents_complete_at',
  extendedAt: 'extended_at',
  extensionDays: 'extension_days',
  extensionReason: 'extension_reason',
  assignee: 'assignee',
  escalationLevel: 'escalation_level',
  escalatedTo: 'escalated_to',
  resolution: 'resolution',
  rootCause: 'root_cause',
  resolvedAt: 'resolved_at',
  resolvedBy: 'resolved_by',
  closedAt: 'closed_at',
  csat: 'csat',
  csatAt: 'csat_at',
  processInstanceKey: 'process_instance_key',
  createdAt: 'created_at',
  createdBy: 'created_by',
  lastUpdateAt: 'last_update_at',
};

export interface CaseEvent {
  id: string;
  at: number;
  kind: EventKind;
  actor: string;
  detail: Record<string, unknown>;
}

/** The cases table and the timeline, on the fast SQL layer. */
export class CaseTable {
  constructor(readonly sql: Sql) {}

  async find(id: string, transaction?: Transaction): Promise<Case | undefined> {
    const [row] = await this.sql.rows<CaseRow>('SELECT * FROM cases WHERE id = :id', { id }, transaction);
    return row ? caseOf(row) : undefined;
  }

  async insert(c: Case, imported: boolean, transaction?: Transaction): Promise<void> {
    const fields = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];
    await this.sql.run(
      `INSERT INTO cases (${fields.map((f) => COLUMNS[f]).join(', ')}, imported)
       VALUES (${fields.map((f) => `:${f}`).join(', ')}, :imported)`,
      { ...c, imported },
      transaction,
    );
  }

  /** Writes the given fields; `expect` guards against a concurrent change of the status. */
  async update(
    id: string,
    changes: Partial<Case>,
    transaction: Transaction,
    expect?: { status?: readonly string[] },
  ): Promise<boolean> {
    const fields = Object.keys(changes).filter((f) => f in COLUMNS) as (keyof typeof COLUMNS)[];
    if (fields.length === 0) return true;
    const guard = expect?.status ? ' AND status IN (:expectStatus)' : '';
    const { affected } = await this.sql.run(
      `UPDATE cases SET ${fields.map((f) => `${COLUMNS[f]} = :${f}`).join(', ')} WHERE id = :id${guard}`,
      { ...changes, id, expectStatus: expect?.status ? [...expect.status] : undefined },
      transaction,
    );
    return affected === 1;
  }

  async event(
    caseId: string,
    event: { at: number; kind: EventKind; actor: string; detail?: Record<string, unknown> },
    transaction?: Transaction,
  ): Promise<void> {
    await this.sql.run(
      'INSERT INTO case_events (case_id, at, kind, actor, detail) VALUES (:caseId, :at, :kind, :actor, :detail)',
      {
        caseId,
        at: event.at,
        kind: event.kind,
        actor: event.actor,
        detail: JSON.stringify(event.detail ?? {}),
      },
      transaction,
    );
  }

  async timeline(caseId: string): Promise<CaseEvent[]> {
    const rows = await this.sql.rows<{
      id: unknown;
      at: unknown;
      kind: string;
      actor: string;
      detail: string | null;
    }>('SELECT id, at, kind, actor, detail FROM case_events WHERE case_id = :caseId ORDER BY id', { caseId });
    return rows.map((r) => ({
      id: String(r.id),
      at: Number(r.at),
      kind: r.kind as EventKind,
      actor: r.actor,
      detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {},
    }));
  }

  /** `KLH-<year>-<six digits>`, from a per-year counter the UPDATE locks until commit. */
  async nextNumber(year: number, transaction: Transaction): Promise<string> {
    const bump = () =>
      this.sql.run('UPDATE case_counters SET value = value + 1 WHERE year = :year', { year }, transaction);
    if ((await bump()).affected === 0) {
      try {
        await this.sql.run(
          'INSERT INTO case_counters (year, value) VALUES (:year, 1)',
          { year },
          transaction,
        );
      } catch {
        // Another transaction made this year's counter first: count on it.
        await bump();
      }
    }
    const [row] = await this.sql.rows<{ value: unknown }>(
      'SELECT value FROM case_counters WHERE year = :year',
      { year },
      transaction,
    );
    return `KLH-${year}-${String(Number(row?.value)).padStart(6, '0')}`;
  }
}
