import type { Transaction } from 'sequelize';
import { BpmnError } from '../../engine/index.ts';
import type { Applications } from './applications.ts';
import type { CoreBankingClient } from './core-banking.ts';
import type { Application } from './model.ts';
import { checkNik, type NikResult, nikRefusal } from './nik.ts';
import { SYSTEM } from './scope.ts';
import { screenPerson } from './screening.ts';
import { DOCUMENT_NAMES, type Status } from './vocabulary.ts';
import type { Watchlist } from './watchlist.ts';

/** Who a job acts as in the audit trail. */
export interface JobActor {
  username: 'system';
  source: string;
}
export const jobActor = (jobKey: string): JobActor => ({ username: 'system', source: `job ${jobKey}` });

export interface Refusal {
  refusalReasonId: string;
  refusalReasonEn: string;
}

/**
 * The automated steps of onboarding as the workers run them, each in the job's transaction:
 * identity and documents, screening, the risk and the review recorded, account opening.
 * (Refusal, the customer and the relationship manager: completion.ts.)
 */
export class OnboardingSteps {
  constructor(
    readonly applications: Applications,
    private readonly watchlist: Watchlist,
    private readonly coreBanking: CoreBankingClient,
  ) {}

  async load(id: string, transaction: Transaction) {
    return this.applications.load(id, SYSTEM, transaction);
  }

  /** The NIK against the applicant, and the checklist; what fails is a KYC_REFUSED BPMN error with the reason. */
  async verifyIdentity(id: string, actor: JobActor, transaction: Transaction) {
    const { application, key } = await this.load(id, transaction);
    const nik = this.kycOf(application);
    const documents = await this.applications.checklist(id, transaction);
    const missing = documents.filter((d) => d.required && d.receivedAt === null).map((d) => d.kind);
    if (!nik.valid || missing.length > 0) {
      const reason = nikRefusal(nik);
      const docs = missing.map((k) => DOCUMENT_NAMES[k]).join(', ');
      const parts = {
        id: [reason.id, missing.length ? `Dokumen wajib belum diterima: ${docs}` : '']
          .filter(Boolean)
          .join('; '),
        en: [reason.en, missing.length ? `Required documents not received: ${missing.join(', ')}` : '']
          .filter(Boolean)
          .join('; '),
      };
      throw new BpmnError('KYC_REFUSED', `KYC refused: ${parts.en}`, {
        refusalReasonId: parts.id,
        refusalReasonEn: parts.en,
      } satisfies Refusal);
    }
    const now = this.applications.deps.clock.now();
    await this.applications.sql.run(
      `UPDATE onboarding_documents SET verified_at = :now, verified_by = :by
       WHERE application_id = :id AND received_at IS NOT NULL AND verified_at IS NULL`,
      { id, now, by: actor.username },
      transaction,
    );
    await this.update(id, 'VERIFYING', { kyc_result: JSON.stringify(nik), kyc_checked_at: now }, transaction);
    await this.applications.record(
      actor,
      'onboarding.kyc',
      id,
      { valid: true, region: nik.region },
      transaction,
      key,
    );
    return { kycValid: true, region: nik.region };
  }

  kycOf(application: Application): NikResult {
    return checkNik(application.nik ?? '', { birthDate: application.birthDate, sex: application.sex });
  }

  /** Screens the applicant against the active watch list, keeping every hit with its scores. */
  async screen(id: string, actor: JobActor, transaction: Transaction) {
    const { application, key } = await this.load(id, transaction);
    const list = await this.watchlist.active(transaction);
    const { hits, bestScore } = screenPerson(application, list);
    const now = this.applications.deps.clock.now();
    await this.applications.sql.run(
      'DELETE FROM onboarding_screening_hits WHERE application_id = :id',
      { id },
      transaction,
    );
    for (const hit of hits)
      await this.applications.sql.run(
        `INSERT INTO onboarding_screening_hits (application_id, entry_id, listed_name, matched_name, category,
           list_source, name_score, birth_date_match, score, screened_at)
         VALUES (:id, :entryId, :listedName, :matchedName, :category, :listSource, :nameScore, :birthDateMatch,
           :score, :now)`,
        { id, ...hit, now },
        transaction,
      );
    await this.update(id, 'SCREENING', { aml_best_score: bestScore, aml_screened_at: now }, transaction);
    await this.applications.record(
      actor,
      'onboarding.screen',
      id,
      { bestScore, hits: hits.length },
      transaction,
      key,
    );
    return {
      amlBestScore: bestScore,
      amlHitCount: hits.length,
      // What the reviewer's form shows: who on which list, and how alike.
      screeningHits: hits.map((h) => ({
        listedName: h.listedName,
        matchedName: h.matchedName,
        category: h.category,
        listSource: h.listSource,
        score: h.score,
        birthDateMatch: h.birthDateMatch === null ? '-' : h.birthDateMatch ? 'ya' : 'tidak',
      })),
    };
  }

  /** The decision table's result: HIGH waits for compliance's review, the rest is approved. */
  async recordRisk(
    id: string,
    risk: { riskLevel: string; riskScore: number },
    actor: JobActor,
    transaction: Transaction,
  ) {
    const { key } = await this.load(id, transaction);
    const status: Status = risk.riskLevel === 'HIGH' ? 'IN_REVIEW' : 'APPROVED';
    await this.update(id, status, { risk_level: risk.riskLevel, risk_score: risk.riskScore }, transaction);
    await this.applications.record(actor, 'onboarding.risk', id, { ...risk, status }, transaction, key);
    return { riskLevel: risk.riskLevel };
  }

  /** Compliance's review, checked again here: the reviewer holds compliance, a reason is given. */
  async recordReview(
    id: string,
    review: { decision: 'approve' | 'refuse'; reason: string; reviewedBy: string },
    actor: JobActor,
    transaction: Transaction,
  ) {
    const { application, key } = await this.load(id, transaction);
    if (application.status !== 'IN_REVIEW' && application.review === null)
      throw new Error(`application ${application.reference} is ${application.status}, not IN_REVIEW`);
    const reason = review.reason.trim();
    if (reason.length < 10)
      throw new Error(
        'reviewReason: a review needs a reason of at least 10 characters; correct the variable and retry',
      );
    // Who completed the task: the task list writes it (header completedByVariable).
    const reviewer = review.reviewedBy;
    const roles = await this.applications.sql.rows<{ role: string }>(
      "SELECT role FROM identity_user_roles WHERE username = :reviewer AND role = 'compliance'",
      { reviewer },
      transaction,
    );
    if (roles.length === 0)
      throw new Error(
        `reviewedBy: the KYC review was completed by ${reviewer}, who does not hold the compliance role`,
      );
    if (reviewer === application.submittedBy)
      throw new Error(`reviewedBy: ${reviewer} submitted this application and may not review it (four eyes)`);
    const now = this.applications.deps.clock.now();
    await this.update(
      id,
      review.decision === 'approve' ? 'APPROVED' : 'IN_REVIEW',
      { review_decision: review.decision, review_reason: reason, reviewed_by: reviewer, reviewed_at: now },
      transaction,
    );
    await this.applications.record(
      { username: reviewer, source: actor.source },
      'onboarding.review',
      id,
      { decision: review.decision, reason },
      transaction,
      key,
    );
    if (review.decision === 'approve') return { reviewDecision: 'approve' };
    return {
      reviewDecision: 'refuse',
      refusalReasonId: `Ditolak pada tinjauan KYC manual: ${reason}`,
      refusalReasonEn: `Refused at the manual KYC review: ${reason}`,
    };
  }

  /**
   * Opens the account in core banking (idempotent by application id). A failure is noted on
   * the application after this transaction rolls back, so the API shows why it waits.
   */
  async openAccount(id: string, job: { key: string; retries: number }, transaction: Transaction) {
    const { application, key } = await this.load(id, transaction);
    if (application.accountNumber) return { accountOpened: true };
    if (application.status !== 'APPROVED')
      throw new Error(`application ${application.reference} is ${application.status}, not APPROVED`);
    let opened: { accountNumber: string };
    try {
      opened = await this.coreBanking.openAccount({
        requestId: id,
        applicationId: id,
        customerName: application.fullName,
        branchCode: application.branchCode,
        product: application.product,
      });
    } catch (error) {
      this.noteCoreBankingFailure(id, error, job.retries <= 1);
      throw error;
    }
    const now = this.applications.deps.clock.now();
    await this.update(
      id,
      'ACCOUNT_OPENED',
      {
        account_number_sealed: this.applications.cipher.seal(
          key as Buffer,
          'accountNumber',
          id,
          opened.accountNumber,
        ),
        account_opened_at: now,
        core_banking_error: null,
        core_banking_incident: false,
      },
      transaction,
    );
    await this.applications.record(
      jobActor(job.key),
      'onboarding.account-opened',
      id,
      { accountNumber: opened.accountNumber },
      transaction,
      key,
    );
    return { accountOpened: true };
  }

  /** Outside the job's transaction (it is rolling back): a plain write, after it. */
  private noteCoreBankingFailure(id: string, error: unknown, lastAttempt: boolean): void {
    const { sequelize, clock } = this.applications.deps;
    const message = error instanceof Error ? error.message : String(error);
    setImmediate(() => {
      sequelize
        .query(
          `UPDATE onboarding_applications SET core_banking_attempts = core_banking_attempts + 1,
             core_banking_error = :message, core_banking_failed_at = :now, core_banking_incident = :incident
           WHERE id = :id`,
          { replacements: { id, message: message.slice(0, 1000), now: clock.now(), incident: lastAttempt } },
        )
        .catch(() => undefined);
    });
  }

  async update(id: string, status: Status, columns: Record<string, unknown>, transaction: Transaction) {
    const names = Object.keys(columns);
    await this.applications.sql.run(
      `UPDATE onboarding_applications SET status = :status, ${names.map((n) => `${n} = :${n}`).join(', ')}${
        names.length ? ', ' : ''
      }updated_at = :now WHERE id = :id`,
      { ...columns, id, status, now: this.applications.deps.clock.now() },
      transaction,
    );
  }
}
