import type { Transaction } from 'sequelize';
import { recordConsent } from '../customers/consents.ts';
import { addProduct } from '../customers/products.ts';
import type { Viewer } from '../customers/scope.ts';
import type { CustomerService } from '../customers/service.ts';
import { writeInteraction } from '../customers/timeline.ts';
import type { Segment } from '../customers/vocabulary.ts';
import type { JobActor, OnboardingSteps, Refusal } from './steps.ts';
import { PRODUCT_NAMES } from './vocabulary.ts';

const segmentOf = (monthlyIncome: number | null): Segment =>
  monthlyIncome !== null && monthlyIncome >= 25_000_000
    ? 'priority'
    : monthlyIncome !== null && monthlyIncome >= 10_000_000
      ? 'emerging'
      : 'mass';

/**
 * How an application ends: refused with its reason, or a customer of the branch with the
 * account, the consents given on the form, and a relationship manager.
 */
export class OnboardingCompletion {
  constructor(
    private readonly steps: OnboardingSteps,
    private readonly customers: CustomerService,
  ) {}

  private get applications() {
    return this.steps.applications;
  }

  async refuse(id: string, refusal: Refusal, actor: JobActor, transaction: Transaction) {
    const { application, key } = await this.steps.load(id, transaction);
    if (application.status === 'REFUSED') return { status: 'REFUSED' };
    const now = this.applications.deps.clock.now();
    // A refusal at the first step has no KYC result stored (the BPMN error rolled it back): keep it.
    const kyc = application.kyc
      ? {}
      : { kyc_result: JSON.stringify(this.steps.kycOf(application)), kyc_checked_at: now };
    await this.steps.update(
      id,
      'REFUSED',
      {
        ...kyc,
        refusal_reason_id: refusal.refusalReasonId,
        refusal_reason_en: refusal.refusalReasonEn,
        refused_at: now,
        completed_at: now,
      },
      transaction,
    );
    await this.applications.record(actor, 'onboarding.refuse', id, { ...refusal }, transaction, key);
    return { status: 'REFUSED' };
  }

  /** The customer in the applicant's branch, with the account as a product and the consents given. */
  async createCustomer(id: string, actor: JobActor, transaction: Transaction) {
    const { application, key } = await this.steps.load(id, transaction);
    if (application.customerId) return { customerId: application.customerId };
    if (!application.accountNumber || !application.nik)
      throw new Error(
        `application ${application.reference} has no account number yet (status ${application.status})`,
      );
    const viewer: Viewer = {
      username: actor.username,
      roles: [],
      scope: { kind: 'all' },
      source: actor.source,
    };
    const customer = await this.customers.create(
      {
        fullName: application.fullName,
        nik: application.nik,
        birthDate: application.birthDate,
        gender: application.sex,
        phone: application.phone,
        email: application.email,
        city: application.birthPlace,
        occupation: application.occupation,
        monthlyIncome: application.monthlyIncome,
        segment: segmentOf(application.monthlyIncome),
        branchCode: application.branchCode,
        kycStatus: 'verified',
        riskLevel: (application.risk?.level as 'LOW' | 'MEDIUM' | 'HIGH' | undefined) ?? null,
      },
      viewer,
      transaction,
    );
    await addProduct(
      this.customers,
      customer.id,
      {
        kind: application.product === 'deposit' ? 'deposit' : 'savings',
        productName: PRODUCT_NAMES[application.product],
        accountNumber: application.accountNumber,
      },
      viewer,
      transaction,
    );
    for (const consent of application.consents)
      await recordConsent(
        this.customers,
        customer.id,
        { ...consent, granted: true, source: 'branch-form' },
        viewer,
        transaction,
      );
    await writeInteraction(
      this.customers.sequelize,
      {
        customerId: customer.id,
        at: this.applications.deps.clock.now(),
        channel: 'branch',
        kind: 'note',
        summary: `Nasabah baru melalui pembukaan rekening ${application.reference}`,
        actor: actor.username,
        refType: 'onboarding-application',
        refId: id,
      },
      transaction,
    );
    await this.steps.update(id, 'ACCOUNT_OPENED', { customer_id: customer.id }, transaction);
    await this.applications.record(
      actor,
      'onboarding.customer-created',
      id,
      { customerId: customer.id },
      transaction,
      key,
    );
    return { customerId: customer.id };
  }

  /** The least loaded relationship manager of the customer's branch (fewest customers; then by name). */
  async assignRelationshipManager(id: string, actor: JobActor, transaction: Transaction) {
    const { application, key } = await this.steps.load(id, transaction);
    if (application.rmUsername) return { rmUsername: application.rmUsername };
    if (!application.customerId) throw new Error(`application ${application.reference} has no customer yet`);
    const [rm] = await this.applications.sql.rows<{ username: string; portfolio: number | string }>(
      `SELECT u.username, (SELECT COUNT(*) FROM customers c WHERE c.rm_username = u.username AND c.closed_at IS NULL) AS portfolio
       FROM identity_users u JOIN identity_user_roles r ON r.username = u.username AND r.role = 'relationship-manager'
       WHERE u.branch_code = :branch AND u.disabled_at IS NULL
       ORDER BY portfolio, u.username LIMIT 1`,
      { branch: application.branchCode },
      transaction,
    );
    if (!rm)
      throw new Error(
        `branch ${application.branchCode} has no active relationship manager: give one the role there, then retry the incident`,
      );
    await this.applications.sql.run(
      'UPDATE customers SET rm_username = :rm, updated_at = :now WHERE id = :customerId',
      { rm: rm.username, now: this.applications.deps.clock.now(), customerId: application.customerId },
      transaction,
    );
    await this.applications.deps.audit.record(
      {
        actor: actor.username,
        source: actor.source,
        action: 'customer.assign',
        entityType: 'customer',
        entityId: application.customerId,
        customerId: application.customerId,
        details: { rmUsername: { from: null, to: rm.username }, via: application.reference },
      },
      transaction,
    );
    const now = this.applications.deps.clock.now();
    await this.steps.update(id, 'COMPLETED', { rm_username: rm.username, completed_at: now }, transaction);
    await this.applications.record(
      actor,
      'onboarding.rm-assigned',
      id,
      { rmUsername: rm.username },
      transaction,
      key,
    );
    return { rmUsername: rm.username };
  }
}
