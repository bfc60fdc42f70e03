import { QueryTypes, type Sequelize, type Transaction, UniqueConstraintError } from 'sequelize';
import type { Clock } from '../../engine/index.ts';
import type { AuditTrail, DataKeys, SubjectKeys } from '../audit/index.ts';
import { sqlOf } from '../server/sql.ts';
import { CustomersError, notFound } from './errors.ts';
import { uuidv7Factory } from './ids.ts';
import { type Customer, type CustomerRow, FieldCipher } from './model.ts';
import { inScope, type Viewer } from './scope.ts';
import { nameWords, SEALED_FIELDS, type SealedField } from './vocabulary.ts';

export interface NewCustomer {
  fullName: string;
  nik: string;
  birthDate?: string | null;
  gender?: 'M' | 'F' | null;
  phone?: string | null;
  email?: string | null;
  city?: string | null;
  occupation?: string | null;
  monthlyIncome?: number | null;
  segment: string;
  branchCode: string;
  rmUsername?: string | null;
  kycStatus?: string;
  riskLevel?: string | null;
}

export type CustomerChanges = Partial<
  Pick<
    NewCustomer,
    | 'fullName'
    | 'phone'
    | 'email'
    | 'city'
    | 'occupation'
    | 'monthlyIncome'
    | 'segment'
    | 'kycStatus'
    | 'riskLevel'
  >
> & { closed?: boolean };

export interface CustomerView {
  customer: Customer;
  /** The customer's own key (null once destroyed). */
  key: Buffer | null;
  branch: { code: string; name: string; city: string } | null;
  relationshipManager: { username: string; displayName: string } | null;
}

export interface Deps {
  sequelize: Sequelize;
  clock: Clock;
  audit: AuditTrail;
  dataKeys: DataKeys;
  subjectKeys: SubjectKeys;
}

/** Time-ordered ids, as the bulk load makes them: new rows append to every index keyed by customer. */
const newCustomerId = uuidv7Factory();

const nikTaken = () =>
  new CustomersError('NIK_TAKEN', 'Another customer has this NIK', [
    { field: 'body.nik', message: 'already registered' },
  ]);

export const cifNumber = (n: number) => `C${String(n).padStart(10, '0')}`;

const COLUMN: Record<string, string> = {
  fullName: 'full_name',
  city: 'city',
  occupation: 'occupation',
  monthlyIncome: 'monthly_income',
  segment: 'segment',
  kycStatus: 'kyc_status',
  riskLevel: 'risk_level',
};

/**
 * Customers: the record, its personal fields sealed with the customer's own key, kept within
 * each viewer's scope, and every view and change written to the audit trail.
 */
export class CustomerService {
  readonly cipher: FieldCipher;
  constructor(readonly deps: Deps) {
    this.cipher = new FieldCipher(deps.dataKeys);
  }

  get sequelize() {
    return this.deps.sequelize;
  }

  /** The customer in clear, if it exists and lies within the viewer's scope; 410 once erased. */
  async load(id: string, viewer: Viewer, transaction?: Transaction): Promise<Customer> {
    return (await this.view(id, viewer, transaction)).customer;
  }

  /**
   * The customer in clear with its key, branch and relationship manager, in one statement (the
   * hot path of Customer 360); 404 outside the viewer's scope, 410 once erased.
   */
  async view(id: string, viewer: Viewer, transaction?: Transaction): Promise<CustomerView> {
    const [row] = await sqlOf(this.sequelize).rows<
      CustomerRow & {
        wrapped_key: string | null;
        branch_name: string | null;
        branch_city: string | null;
        rm_display_name: string | null;
      }
    >(
      `SELECT c.*, k.wrapped_key, b.name AS branch_name, b.city AS branch_city, u.display_name AS rm_display_name
       FROM customers c
       LEFT JOIN audit_subject_keys k ON k.subject_id = c.id
       LEFT JOIN identity_branches b ON b.code = c.branch_code
       LEFT JOIN identity_users u ON u.username = c.rm_username
       WHERE c.id = :id`,
      { id },
      transaction,
    );
    if (!row) throw notFound(id);
    if (row.erased_at !== null) throw new CustomersError('CUSTOMER_ERASED', `Customer ${id} was erased`);
    const key = this.deps.subjectKeys.unwrap(id, row.wrapped_key);
    const customer = this.cipher.customer(row, key);
    if (!inScope(viewer.scope, customer)) throw notFound(id);
    return {
      customer,
      key,
      branch:
        row.branch_name === null
          ? null
          : { code: row.branch_code, name: row.branch_name, city: row.branch_city ?? '' },
      relationshipManager:
        row.rm_username && row.rm_display_name !== null
          ? { username: row.rm_username, displayName: row.rm_display_name }
          : null,
    };
  }

  /** `outer`: the caller's transaction to join (a job worker's), instead of one of its own. */
  async create(input: NewCustomer, viewer: Viewer, outer?: Transaction): Promise<Customer> {
    await this.checkPlacement(input.branchCode, input.rmUsername ?? null, outer);
    const id = newCustomerId();
    const now = this.deps.clock.now();
    const within = <T>(work: (t: Transaction) => Promise<T>) =>
      outer ? work(outer) : this.sequelize.transaction(work);
    const created = within(async (transaction) => {
      await this.assertNikFree(input.nik, transaction);
      const key = (await this.deps.subjectKeys.keyFor(id, now, transaction)) as Buffer;
      const sealedField = (field: SealedField, value: string | null | undefined) =>
        value ? [this.cipher.seal(key, field, id, value), this.cipher.index(field, value)] : [null, null];
      const [nikSealed, nikIndex] = sealedField('nik', input.nik);
      const [phoneSealed, phoneIndex] = sealedField('phone', input.phone);
      const [emailSealed, emailIndex] = sealedField('email', input.email);
      const cif = await this.nextCif(transaction);
      await this.sequelize.query(
        `INSERT INTO customers (id, cif, full_name, birth_date, gender, city, occupation, monthly_income,
           segment, branch_code, rm_username, kyc_status, risk_level, nik_sealed, nik_index, phone_sealed,
           phone_index, email_sealed, email_index, created_at, updated_at)
         VALUES (:id, :cif, :fullName, :birthDate, :gender, :city, :occupation, :monthlyIncome, :segment,
           :branchCode, :rmUsername, :kycStatus, :riskLevel, :nikSealed, :nikIndex, :phoneSealed, :phoneIndex,
           :emailSealed, :emailIndex, :now, :now)`,
        {
          replacements: {
            id,
            cif,
            fullName: input.fullName,
            birthDate: input.birthDate ?? null,
            gender: input.gender ?? null,
            city: input.city ?? null,
            occupation: input.occupation ?? null,
            monthlyIncome: input.monthlyIncome ?? null,
            segment: input.segment,
            branchCode: input.branchCode,
            rmUsername: input.rmUsername ?? null,
            kycStatus: input.kycStatus ?? 'pending',
            riskLevel: input.riskLevel ?? null,
            nikSealed,
            nikIndex,
            phoneSealed,
            phoneIndex,
            emailSealed,
            emailIndex,
            now,
          },
          transaction,
        },
      );
      await this.writeNameWords(id, input.fullName, transaction);
      await this.deps.audit.record(
        {
          actor: viewer.username,
          source: viewer.source,
          action: 'customer.create',
          entityType: 'customer',
          entityId: id,
          customerId: id,
          details: { ...input },
        },
        transaction,
      );
      return this.load(id, { ...viewer, scope: { kind: 'all' } }, transaction);
    });
    // Two creations with one NIK at once: the unique blind index lets only one through.
    return created.catch((error) => {
      if (error instanceof UniqueConstraintError) throw nikTaken();
      throw error;
    });
  }

  async update(id: string, changes: CustomerChanges, viewer: Viewer): Promise<Customer> {
    return this.sequelize.transaction(async (transaction) => {
      const before = await this.load(id, viewer, transaction);
      const now = this.deps.clock.now();
      const sets: string[] = [];
      const replacements: Record<string, unknown> = { id, now };
      const changed: Record<string, { from: unknown; to: unknown }> = {};
      const key = (await this.deps.subjectKeys.keyFor(id, now, transaction)) as Buffer;
      for (const [field, value] of Object.entries(changes)) {
        if (value === undefined || field === 'closed') continue;
        const previous = before[field as keyof Customer];
        if (previous === value) continue;
        changed[field] = { from: previous, to: value };
        if ((SEALED_FIELDS as readonly string[]).includes(field)) {
          const f = field as SealedField;
          sets.push(`${f}_sealed = :${f}Sealed`, `${f}_index = :${f}Index`);
          replacements[`${f}Sealed`] = value ? this.cipher.seal(key, f, id, String(value)) : null;
          replacements[`${f}Index`] = value ? this.cipher.index(f, String(value)) : null;
        } else {
          sets.push(`${COLUMN[field]} = :${field}`);
          replacements[field] = value;
        }
      }
      if (changes.closed !== undefined && changes.closed !== (before.closedAt !== null)) {
        changed.closed = { from: before.closedAt !== null, to: changes.closed };
        sets.push('closed_at = :closedAt');
        replacements.closedAt = changes.closed ? now : null;
      }
      if (sets.length === 0) return before;
      await this.sequelize.query(
        `UPDATE customers SET ${sets.join(', ')}, updated_at = :now WHERE id = :id`,
        {
          replacements,
          transaction,
        },
      );
      if (changes.fullName !== undefined && changes.fullName !== before.fullName)
        await this.writeNameWords(id, changes.fullName, transaction);
      await this.deps.audit.record(
        {
          actor: viewer.username,
          source: viewer.source,
          action: 'customer.update',
          entityType: 'customer',
          entityId: id,
          customerId: id,
          details: changed,
        },
        transaction,
      );
      return this.load(id, { ...viewer, scope: { kind: 'all' } }, transaction);
    });
  }

  /** Moves a customer to a branch and relationship manager (portfolio management). */
  async assign(id: string, placement: { branchCode: string; rmUsername: string | null }, viewer: Viewer) {
    await this.checkPlacement(placement.branchCode, placement.rmUsername);
    return this.sequelize.transaction(async (transaction) => {
      const before = await this.load(id, viewer, transaction);
      await this.sequelize.query(
        'UPDATE customers SET branch_code = :branchCode, rm_username = :rmUsername, updated_at = :now WHERE id = :id',
        { replacements: { ...placement, id, now: this.deps.clock.now() }, transaction },
      );
      await this.deps.audit.record(
        {
          actor: viewer.username,
          source: viewer.source,
          action: 'customer.assign',
          entityType: 'customer',
          entityId: id,
          customerId: id,
          details: {
            branchCode: { from: before.branchCode, to: placement.branchCode },
            rmUsername: { from: before.rmUsername, to: placement.rmUsername },
          },
        },
        transaction,
      );
      return placement;
    });
  }

  /** A branch must exist; a relationship manager must be one, in that branch. */
  private async checkPlacement(
    branchCode: string,
    rmUsername: string | null,
    transaction?: Transaction,
  ): Promise<void> {
    const [branch] = await this.sequelize.query(
      'SELECT code FROM identity_branches WHERE code = :branchCode',
      {
        replacements: { branchCode },
        type: QueryTypes.SELECT,
        ...(transaction ? { transaction } : {}),
      },
    );
    if (!branch)
      throw new CustomersError('INVALID_REFERENCE', `There is no branch ${branchCode}`, [
        { field: 'body.branchCode', message: `no branch ${branchCode}` },
      ]);
    if (rmUsername === null) return;
    const [rm] = await this.sequelize.query<{ branch_code: string | null }>(
      `SELECT u.branch_code FROM identity_users u JOIN identity_user_roles r ON r.username = u.username
       WHERE u.username = :rmUsername AND r.role = 'relationship-manager'`,
      { replacements: { rmUsername }, type: QueryTypes.SELECT, ...(transaction ? { transaction } : {}) },
    );
    const problem = !rm
      ? `${rmUsername} is not a relationship manager`
      : rm.branch_code !== branchCode
        ? `${rmUsername} works in branch ${rm.branch_code ?? '(none)'}, not ${branchCode}`
        : undefined;
    if (problem)
      throw new CustomersError('INVALID_REFERENCE', problem, [
        { field: 'body.rmUsername', message: problem },
      ]);
  }

  private async assertNikFree(nik: string, transaction: Transaction): Promise<void> {
    const [taken] = await this.sequelize.query('SELECT id FROM customers WHERE nik_index = :index', {
      replacements: { index: this.cipher.index('nik', nik) },
      type: QueryTypes.SELECT,
      transaction,
    });
    if (taken) throw nikTaken();
  }

  /** CIF numbers are `C` and ten digits, from a counter the UPDATE locks until commit. */
  private async nextCif(transaction: Transaction): Promise<string> {
    await this.sequelize.query("UPDATE customer_counters SET value = value + 1 WHERE name = 'cif'", {
      transaction,
    });
    const [row] = await this.sequelize.query<{ value: number | string }>(
      "SELECT value FROM customer_counters WHERE name = 'cif'",
      { type: QueryTypes.SELECT, transaction },
    );
    return cifNumber(Number(row?.value));
  }

  private async writeNameWords(id: string, fullName: string, transaction: Transaction): Promise<void> {
    await this.sequelize.query('DELETE FROM customer_name_words WHERE customer_id = :id', {
      replacements: { id },
      transaction,
    });
    const words = nameWords(fullName);
    if (words.length === 0) return;
    await this.sequelize.query(
      `INSERT INTO customer_name_words (word, customer_id) VALUES ${words.map((_, i) => `(:w${i}, :id)`).join(', ')}`,
      { replacements: { id, ...Object.fromEntries(words.map((w, i) => [`w${i}`, w])) }, transaction },
    );
  }
}
