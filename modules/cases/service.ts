import { randomUUID } from 'node:crypto';
import type { Sequelize, Transaction } from 'sequelize';
import type { Clock } from '../../engine/index.ts';
import type { AuditTrail } from '../audit/trail.ts';
import type { BusinessCalendar } from '../calendar/index.ts';
import { type CustomerService, writeInteraction } from '../customers/index.ts';
import type { Viewer } from '../customers/scope.ts';
import type { NotificationService } from '../notifications/index.ts';
import type { EngineOutbox } from '../server/engine-outbox.ts';
import { type Sql, sqlOf } from '../server/sql.ts';
import { Configuration } from './configuration.ts';
import { complaintDeadlines, isoInstant } from './deadlines.ts';
import { CasesError, caseNotFound } from './errors.ts';
import { type Case, type CaseRow, CaseTable, caseOf } from './model.ts';
import { type CaseActor, caseScopeCondition } from './scope.ts';
import type { SurveyTokens } from './survey.ts';
import type { CaseChannel, ComplaintForm, EventKind, Severity } from './vocabulary.ts';

export interface CaseDeps {
  sequelize: Sequelize;
  clock: Clock;
  audit: AuditTrail;
  calendar: BusinessCalendar;
  customers: CustomerService;
  notifications: NotificationService;
  engineOutbox: EngineOutbox;
  surveys: SurveyTokens;
  /** Whether created cases start the shipped process (false when `processes/` was not deployed). */
  startsProcesses: () => boolean;
}

export interface NewCase {
  customerId: string;
  category: string;
  severity: Severity;
  channel: CaseChannel;
  form: ComplaintForm;
  description: string;
  /** Written complaints: whether the documents are complete now (the POJK clock starts then). */
  documentsComplete?: boolean;
  /** Where the case belongs; by default the customer's branch. */
  branchCode?: string;
}

/** The process every case runs (processes/cases-case-handling.bpmn) and the message it waits on. */
export const CASE_PROCESS_ID = 'cases-case-handling';
export const CASE_UPDATED = 'case-updated';
/** Long enough for the loop in the model to subscribe again, short next to the 2-hour wait. */
const UPDATE_TTL_MS = 30_000;

/**
 * Cases: complaints logged for customers in the caller's scope, with their POJK deadlines on
 * the business calendar, each running the case-handling process (started through the engine
 * outbox in the case's own transaction), every change audited and on the case's timeline.
 */
export class CaseService {
  readonly sql: Sql;
  readonly table: CaseTable;
  readonly configuration: Configuration;

  constructor(readonly deps: CaseDeps) {
    this.sql = sqlOf(deps.sequelize);
    this.table = new CaseTable(this.sql);
    this.configuration = new Configuration(this.sql);
  }

  viewerOf(actor: CaseActor): Viewer {
    return {
      username: actor.username,
      roles: actor.roles,
      scope: actor.scope.customers,
      source: actor.source,
    };
  }

  async create(input: NewCase, actor: CaseActor): Promise<Case> {
    const categories = await this.configuration.categories();
    if (!categories.some((c) => c.code === input.category && c.active))
      throw invalid('body.category', `no active category ${input.category}`);
    if (input.form === 'verbal' && input.documentsComplete === false)
      throw invalid('body.documentsComplete', 'a verbal complaint has no documents to wait for');
    const { clock, calendar, audit, customers } = this.deps;
    const now = clock.now();
    const snapshot = await calendar.snapshot();
    return this.deps.sequelize.transaction(async (transaction) => {
      const { customer } = await customers.view(input.customerId, this.viewerOf(actor), transaction);
      const branchCode = input.branchCode ?? customer.branchCode;
      if (input.branchCode) {
        const [branch] = await this.sql.rows(
          'SELECT code FROM identity_branches WHERE code = :code',
          { code: branchCode },
          transaction,
        );
        if (!branch) throw invalid('body.branchCode', `no branch ${branchCode}`);
      }
      const deadlines = complaintDeadlines(input.form, now, input.documentsComplete ?? true, snapshot);
      const c: Case = {
        id: randomUUID(),
        number: await this.table.nextNumber(new Date(now + 7 * 3_600_000).getUTCFullYear(), transaction),
        customerId: customer.id,
        branchCode,
        category: input.category,
        severity: input.severity,
        channel: input.channel,
        form: input.form,
        description: input.description,
        status: 'NEW',
        queue: null,
        slaPolicy: null,
        slaDueAt: null,
        slaBreachedAt: null,
        ...deadlines,
        extendedAt: null,
        extensionDays: null,
        extensionReason: null,
        assignee: null,
        escalationLevel: 0,
        escalatedTo: null,
        resolution: null,
        rootCause: null,
        resolvedAt: null,
        resolvedBy: null,
        closedAt: null,
        csat: null,
        csatAt: null,
        processInstanceKey: null,
        imported: false,
        createdAt: now,
        createdBy: actor.username,
        lastUpdateAt: now,
      };
      await this.table.insert(c, false, transaction);
      await this.record(
        c,
        'created',
        actor,
        { category: c.category, severity: c.severity, form: c.form },
        transaction,
      );
      await writeInteraction(
        this.deps.sequelize,
        {
          customerId: c.customerId,
          at: now,
          channel: c.channel,
          kind: 'case-created',
          summary: `Pengaduan ${c.number} dicatat (${c.category}, ${c.severity})`,
          refType: 'case',
          refId: c.id,
          actor: actor.username,
        },
        transaction,
      );
      await audit.record(
        {
          actor: actor.username,
          source: actor.source,
          action: 'case.create',
          entityType: 'case',
          entityId: c.id,
          customerId: c.customerId,
          details: {
            number: c.number,
            category: c.category,
            severity: c.severity,
            channel: c.channel,
            form: c.form,
          },
        },
        transaction,
      );
      if (this.deps.startsProcesses())
        await this.deps.engineOutbox.enqueue(
          `case:${c.id}`,
          {
            kind: 'create-instance',
            bpmnProcessId: CASE_PROCESS_ID,
            variables: {
              caseId: c.id,
              caseNumber: c.number,
              customerId: c.customerId,
              category: c.category,
              severity: c.severity,
              channel: c.channel,
              form: c.form,
              branchCode: c.branchCode,
              priority: c.severity,
              regulatoryDueAt: c.regulatoryDueAt === null ? null : isoInstant(c.regulatoryDueAt),
            },
          },
          transaction,
        );
      return c;
    });
  }

  /** A case in the actor's scope (404 otherwise), read in the caller's transaction. */
  async get(id: string, actor: CaseActor, transaction?: Transaction): Promise<Case> {
    const scope = caseScopeCondition(actor.scope);
    const [row] = await this.sql.rows<CaseRow>(
      `SELECT k.* FROM cases k JOIN customers c ON c.id = k.customer_id WHERE k.id = :id AND ${scope.sql}`,
      { id, ...scope.replacements },
      transaction,
    );
    if (!row) throw caseNotFound(id);
    return caseOf(row);
  }

  /** Writes a timeline entry (and, for what the customer experiences, their timeline). */
  async record(
    c: Pick<Case, 'id'>,
    kind: EventKind,
    actor: Pick<CaseActor, 'username'>,
    detail: Record<string, unknown>,
    transaction: Transaction,
    at: number = this.deps.clock.now(),
  ): Promise<void> {
    await this.table.event(c.id, { at, kind, actor: actor.username, detail }, transaction);
  }

  /** Tells the case's process about an update: the HIGH-severity inactivity clock restarts. */
  async publishUpdate(
    c: Case,
    transaction: Transaction,
    variables: Record<string, unknown> = {},
  ): Promise<void> {
    if (c.imported || !this.deps.startsProcesses()) return;
    await this.deps.engineOutbox.enqueue(
      `case:${c.id}`,
      {
        kind: 'publish-message',
        name: CASE_UPDATED,
        correlationKey: c.id,
        variables: { lastUpdateAt: isoInstant(this.deps.clock.now()), ...variables },
        timeToLiveMs: UPDATE_TTL_MS,
      },
      transaction,
    );
  }
}

export const invalid = (field: string, message: string) =>
  new CasesError('INVALID_REFERENCE', `The request is not valid: ${field}: ${message}`, [{ field, message }]);
