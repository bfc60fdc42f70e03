import type { Sequelize, Transaction } from 'sequelize';
import type { Clock } from '../../engine/index.ts';
import type { AuditTrail, DataKeys, SubjectKeys } from '../audit/index.ts';
import { uuidv7Factory } from '../customers/ids.ts';
import type { EngineOutbox } from '../server/engine-outbox.ts';
import { sqlOf } from '../server/sql.ts';
import { applicationNotFound, OnboardingError } from './errors.ts';
import {
  type Application,
  ApplicationCipher,
  type ApplicationRow,
  bool,
  type ChecklistItem,
} from './model.ts';
import type { NewApplication } from './schema.ts';
import { inScope, type Staff } from './scope.ts';
import type { ScreeningHit } from './screening.ts';
import { type DocumentKind, PRODUCT_NAMES, requiredDocuments, type Status } from './vocabulary.ts';

export interface OnboardingDeps {
  sequelize: Sequelize;
  clock: Clock;
  audit: AuditTrail;
  dataKeys: DataKeys;
  subjectKeys: SubjectKeys;
  engineOutbox: EngineOutbox;
}

/** The process every submitted application runs (processes/onboarding-customer-onboarding.bpmn). */
export const PROCESS_ID = 'onboarding-customer-onboarding';
export const outboxRef = (applicationId: string) => `onboarding:${applicationId}`;

const newId = uuidv7Factory();
const OPEN_STATUSES: Status[] = [
  'SUBMITTED',
  'VERIFYING',
  'SCREENING',
  'IN_REVIEW',
  'APPROVED',
  'ACCOUNT_OPENED',
];

/** Whole years between a birth date and an instant (the platform clock). */
export function ageAt(birthDate: string, now: number): number {
  const today = new Date(now).toISOString().slice(0, 10);
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * Applications: submitted by branch and contact-centre staff within their scope, the
 * applicant's personal fields sealed with the applicant's own key, the document checklist,
 * and the process started through the engine outbox in the same transaction.
 */
export class Applications {
  readonly cipher: ApplicationCipher;
  constructor(readonly deps: OnboardingDeps) {
    this.cipher = new ApplicationCipher(deps.dataKeys);
  }

  get sql() {
    return sqlOf(this.deps.sequelize);
  }

  /**
   * `history`: demo history only — no duplicate check and no process (the row is then moved
   * to a past outcome directly).
   */
  async submit(
    input: NewApplication,
    staff: Staff,
    options: { history?: boolean } = {},
  ): Promise<Application> {
    if (!inScope(staff.scope, input.branchCode))
      throw new OnboardingError('INVALID_REFERENCE', `You work for another branch than ${input.branchCode}`, [
        { field: 'body.branchCode', message: 'outside your branch' },
      ]);
    const [branch] = await this.sql.rows<{ code: string; name: string }>(
      'SELECT code, name FROM identity_branches WHERE code = :code',
      { code: input.branchCode },
    );
    if (!branch)
      throw new OnboardingError('INVALID_REFERENCE', `There is no branch ${input.branchCode}`, [
        { field: 'body.branchCode', message: `no branch ${input.branchCode}` },
      ]);
    const id = newId();
    const now = this.deps.clock.now();
    const nikIndex = this.cipher.nikIndex(input.nik);
    await this.deps.sequelize.transaction(async (transaction) => {
      if (!options.history) await this.assertNikFree(nikIndex, transaction);
      const key = (await this.deps.subjectKeys.keyFor(id, now, transaction)) as Buffer;
      const reference = await this.nextReference(now, transaction);
      await this.sql.run(
        `INSERT INTO onboarding_applications (id, reference, status, full_name, birth_date, sex, birth_place,
           nik_sealed, nik_index, phone_sealed, email_sealed, address_sealed, branch_code, product, occupation,
           source_of_funds, monthly_income, pep, consents, core_banking_attempts, core_banking_incident,
           submitted_by, created_at, updated_at)
         VALUES (:id, :reference, 'SUBMITTED', :fullName, :birthDate, :sex, :birthPlace, :nik, :nikIndex, :phone,
           :email, :address, :branchCode, :product, :occupation, :sourceOfFunds, :monthlyIncome, :pep, :consents,
           0, :no, :by, :now, :now)`,
        {
          id,
          reference,
          fullName: input.fullName,
          birthDate: input.birthDate,
          sex: input.sex,
          birthPlace: input.birthPlace,
          nik: this.cipher.seal(key, 'nik', id, input.nik),
          nikIndex,
          phone: this.cipher.seal(key, 'phone', id, input.phone),
          email: this.cipher.seal(key, 'email', id, input.email),
          address: this.cipher.seal(key, 'address', id, input.address),
          branchCode: input.branchCode,
          product: input.product,
          occupation: input.occupation,
          sourceOfFunds: input.sourceOfFunds,
          monthlyIncome: input.monthlyIncome ?? null,
          pep: input.pep ?? false,
          consents: JSON.stringify(input.consents ?? []),
          no: false,
          by: staff.username,
          now,
        },
        transaction,
      );
      const received = new Set(input.documentsReceived ?? []);
      const required = new Set(requiredDocuments(input.product));
      for (const kind of new Set<DocumentKind>([...required, ...received]))
        await this.sql.run(
          `INSERT INTO onboarding_documents (application_id, kind, required, received_at, received_by)
           VALUES (:id, :kind, :required, :at, :by)`,
          {
            id,
            kind,
            required: required.has(kind),
            at: received.has(kind) ? now : null,
            by: received.has(kind) ? staff.username : null,
          },
          transaction,
        );
      const { nik: _, ...withoutNik } = input;
      await this.record(staff, 'onboarding.submit', id, { reference, ...withoutNik }, transaction, key);
      if (!options.history)
        await this.deps.engineOutbox.enqueue(
          outboxRef(id),
          {
            kind: 'create-instance',
            bpmnProcessId: PROCESS_ID,
            variables: {
              applicationId: id,
              applicationReference: reference,
              applicantName: input.fullName,
              submittedBy: staff.username,
              branchCode: input.branchCode,
              branchName: branch.name,
              product: input.product,
              productName: PRODUCT_NAMES[input.product],
              occupation: input.occupation,
              sourceOfFunds: input.sourceOfFunds,
              pep: input.pep ?? false,
              age: ageAt(input.birthDate, now),
              // Service messages go by e-mail when there is an address, else WhatsApp.
              welcomeChannel: input.email ? 'email' : 'whatsapp',
            },
          },
          transaction,
        );
    });
    return (await this.load(id, staff)).application;
  }

  /** The application in clear with the applicant's key, within the caller's scope. */
  async load(
    id: string,
    staff: Staff,
    transaction?: Transaction,
  ): Promise<{ application: Application; key: Buffer | null }> {
    const [row] = await this.sql.rows<ApplicationRow & { wrapped_key: string | null }>(
      `SELECT a.*, k.wrapped_key FROM onboarding_applications a
       LEFT JOIN audit_subject_keys k ON k.subject_id = a.id WHERE a.id = :id`,
      { id },
      transaction,
    );
    if (!row || !inScope(staff.scope, row.branch_code)) throw applicationNotFound(id);
    const key = this.deps.subjectKeys.unwrap(id, row.wrapped_key);
    return { application: this.cipher.application(row, key), key };
  }

  /** A page of the applications in the staff member's scope, newest first, and how many there are. */
  async list(
    query: { status?: Status | undefined; branchCode?: string | undefined; limit: number; offset: number },
    staff: Staff,
  ): Promise<{ items: Application[]; total: number }> {
    if (staff.scope.kind === 'none') return { items: [], total: 0 };
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: query.limit, offset: query.offset };
    if (query.status) [where[where.length], params.status] = ['a.status = :status', query.status];
    if (query.branchCode)
      [where[where.length], params.branchCode] = ['a.branch_code = :branchCode', query.branchCode];
    if (staff.scope.kind === 'branch')
      [where[where.length], params.scopeBranch] = ['a.branch_code = :scopeBranch', staff.scope.branchCode];
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = await this.sql.rows<ApplicationRow & { wrapped_key: string | null }>(
      `SELECT a.*, k.wrapped_key FROM onboarding_applications a
       LEFT JOIN audit_subject_keys k ON k.subject_id = a.id
       ${filter} ORDER BY a.created_at DESC, a.id DESC LIMIT :limit OFFSET :offset`,
      params,
    );
    const [count] = await this.sql.rows<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM onboarding_applications a ${filter}`,
      params,
    );
    return {
      items: rows.map((row) =>
        this.cipher.application(row, this.deps.subjectKeys.unwrap(row.id, row.wrapped_key)),
      ),
      total: Number(count?.n ?? 0),
    };
  }

  async checklist(id: string, transaction?: Transaction): Promise<ChecklistItem[]> {
    const rows = await this.sql.rows<{
      kind: DocumentKind;
      required: unknown;
      received_at: number | string | null;
      received_by: string | null;
      verified_at: number | string | null;
      verified_by: string | null;
      note: string | null;
    }>('SELECT * FROM onboarding_documents WHERE application_id = :id ORDER BY kind', { id }, transaction);
    const at = (v: number | string | null) => (v === null ? null : Number(v));
    return rows.map((r) => ({
      kind: r.kind,
      required: bool(r.required),
      receivedAt: at(r.received_at),
      receivedBy: r.received_by,
      verifiedAt: at(r.verified_at),
      verifiedBy: r.verified_by,
      note: r.note,
    }));
  }

  async hits(id: string): Promise<(ScreeningHit & { screenedAt: number })[]> {
    const rows = await this.sql.rows<Record<string, unknown>>(
      'SELECT * FROM onboarding_screening_hits WHERE application_id = :id ORDER BY score DESC, id',
      { id },
    );
    return rows.map((r) => ({
      entryId: String(r.entry_id),
      listedName: String(r.listed_name),
      matchedName: String(r.matched_name),
      category: String(r.category),
      listSource: String(r.list_source),
      nameScore: Number(r.name_score),
      birthDateMatch: r.birth_date_match === null ? null : bool(r.birth_date_match),
      score: Number(r.score),
      screenedAt: Number(r.screened_at),
    }));
  }

  /** Marks a document of the checklist received and/or verified, with who and when. */
  async updateDocument(
    id: string,
    kind: DocumentKind,
    change: {
      received?: boolean | undefined;
      verified?: boolean | undefined;
      note?: string | null | undefined;
    },
    staff: Staff,
  ): Promise<ChecklistItem[]> {
    const { application, key } = await this.load(id, staff);
    if (application.status === 'REFUSED' || application.status === 'COMPLETED')
      throw new OnboardingError(
        'INVALID_STATE',
        `Application ${application.reference} is ${application.status}`,
      );
    const now = this.deps.clock.now();
    await this.deps.sequelize.transaction(async (transaction) => {
      const exists = (await this.checklist(id, transaction)).find((d) => d.kind === kind);
      if (!exists)
        await this.sql.run(
          'INSERT INTO onboarding_documents (application_id, kind, required) VALUES (:id, :kind, :no)',
          { id, kind, no: false },
          transaction,
        );
      const sets: string[] = [];
      if (change.received !== undefined)
        sets.push(
          change.received
            ? 'received_at = :now, received_by = :by'
            : 'received_at = NULL, received_by = NULL',
        );
      if (change.verified !== undefined)
        sets.push(
          change.verified
            ? 'verified_at = :now, verified_by = :by'
            : 'verified_at = NULL, verified_by = NULL',
        );
      if (change.note !== undefined) sets.push('note = :note');
      if (change.verified && !change.received && !exists?.receivedAt)
        throw new OnboardingError('INVALID_STATE', `${kind} must be received before it is verified`, [
          { field: 'body.verified', message: 'the document has not been received' },
        ]);
      if (sets.length > 0)
        await this.sql.run(
          `UPDATE onboarding_documents SET ${sets.join(', ')} WHERE application_id = :id AND kind = :kind`,
          { id, kind, now, by: staff.username, note: change.note ?? null },
          transaction,
        );
      await this.record(staff, 'onboarding.document', id, { kind, ...change }, transaction, key);
    });
    return this.checklist(id);
  }

  record(
    staff: { username: string; source: string | null },
    action: string,
    id: string,
    details: Record<string, unknown>,
    transaction: Transaction,
    key?: Buffer | null,
  ) {
    // The applicant is the data subject: details are sealed with their key, like a customer's.
    return this.deps.audit.record(
      {
        actor: staff.username,
        source: staff.source,
        action,
        entityType: 'onboarding-application',
        entityId: id,
        customerId: id,
        details,
      },
      transaction,
      key ?? undefined,
    );
  }

  private async assertNikFree(nikIndex: string, transaction: Transaction): Promise<void> {
    const [customer] = await this.sql.rows(
      'SELECT id FROM customers WHERE nik_index = :nikIndex',
      { nikIndex },
      transaction,
    );
    const [open] = await this.sql.rows(
      'SELECT id FROM onboarding_applications WHERE nik_index = :nikIndex AND status IN (:open)',
      { nikIndex, open: OPEN_STATUSES },
      transaction,
    );
    if (customer || open)
      throw new OnboardingError(
        'NIK_TAKEN',
        customer ? 'A customer with this NIK exists already' : 'An application with this NIK is in progress',
        [{ field: 'body.nik', message: customer ? 'already a customer' : 'application in progress' }],
      );
  }

  /** ONB-<year>-<6 digits>, from a counter the UPDATE locks until commit. */
  private async nextReference(now: number, transaction: Transaction): Promise<string> {
    await this.sql.run(
      "UPDATE onboarding_counters SET value = value + 1 WHERE name = 'application'",
      {},
      transaction,
    );
    const [row] = await this.sql.rows<{ value: number | string }>(
      "SELECT value FROM onboarding_counters WHERE name = 'application'",
      {},
      transaction,
    );
    return `ONB-${new Date(now).getUTCFullYear()}-${String(Number(row?.value)).padStart(6, '0')}`;
  }
}
