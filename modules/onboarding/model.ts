import type { DataKeys } from '../audit/index.ts';
import { FieldCipher } from '../customers/model.ts';
import type { DocumentKind, Product, Status } from './vocabulary.ts';

/** A row of `onboarding_applications` as the drivers return it (BIGINT may be a string). */
export interface ApplicationRow {
  id: string;
  reference: string;
  status: Status;
  full_name: string;
  birth_date: string;
  sex: 'M' | 'F';
  birth_place: string;
  nik_sealed: string | null;
  phone_sealed: string | null;
  email_sealed: string | null;
  address_sealed: string | null;
  branch_code: string;
  product: Product;
  occupation: string;
  source_of_funds: string;
  monthly_income: number | string | null;
  pep: unknown;
  consents: string;
  kyc_result: string | null;
  kyc_checked_at: number | string | null;
  aml_best_score: number | string | null;
  aml_screened_at: number | string | null;
  risk_level: string | null;
  risk_score: number | string | null;
  review_decision: string | null;
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: number | string | null;
  refusal_reason_id: string | null;
  refusal_reason_en: string | null;
  refused_at: number | string | null;
  account_number_sealed: string | null;
  account_opened_at: number | string | null;
  core_banking_attempts: number | string;
  core_banking_error: string | null;
  core_banking_failed_at: number | string | null;
  core_banking_incident: unknown;
  customer_id: string | null;
  rm_username: string | null;
  submitted_by: string;
  created_at: number | string;
  updated_at: number | string;
  completed_at: number | string | null;
}

export interface Consent {
  channel: string;
  purpose: string;
}

/** An application with the applicant's personal fields in clear: inside the server only. */
export interface Application {
  id: string;
  reference: string;
  status: Status;
  fullName: string;
  nik: string | null;
  birthDate: string;
  sex: 'M' | 'F';
  birthPlace: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  branchCode: string;
  product: Product;
  occupation: string;
  sourceOfFunds: string;
  monthlyIncome: number | null;
  pep: boolean;
  consents: Consent[];
  kyc: { checkedAt: number; result: unknown } | null;
  screening: { screenedAt: number; bestScore: number } | null;
  risk: { level: string; score: number | null } | null;
  review: { decision: string; reason: string; reviewedBy: string | null; reviewedAt: number } | null;
  refusal: { reasonId: string; reasonEn: string; refusedAt: number } | null;
  accountNumber: string | null;
  accountOpenedAt: number | null;
  coreBanking: { attempts: number; lastError: string | null; failedAt: number | null; incident: boolean };
  customerId: string | null;
  rmUsername: string | null;
  submittedBy: string;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
}

export interface ChecklistItem {
  kind: DocumentKind;
  required: boolean;
  receivedAt: number | null;
  receivedBy: string | null;
  verifiedAt: number | null;
  verifiedBy: string | null;
  note: string | null;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));
export const bool = (v: unknown) => v === true || v === 1 || v === '1';

/** The sealed fields of an application, as the AES-GCM context names them. */
export const SEALED = ['nik', 'phone', 'email', 'address', 'accountNumber'] as const;
export type SealedApplicationField = (typeof SEALED)[number];
const sealContext = (field: SealedApplicationField) => `onboarding.${field}`;

/**
 * Seals and opens an application's personal fields with the applicant's own key, as
 * customers' FieldCipher does for customers (same primitives, same NIK blind index).
 */
export class ApplicationCipher {
  readonly fields: FieldCipher;
  constructor(keys: DataKeys) {
    this.fields = new FieldCipher(keys);
  }

  nikIndex(nik: string): string {
    return this.fields.index('nik', nik);
  }

  seal(
    key: Buffer,
    field: SealedApplicationField,
    id: string,
    value: string | null | undefined,
  ): string | null {
    return value ? this.fields.seal(key, sealContext(field), id, value) : null;
  }

  open(key: Buffer | null | undefined, field: SealedApplicationField, id: string, sealed: string | null) {
    return this.fields.open(key, sealContext(field), id, sealed);
  }

  application(row: ApplicationRow, key: Buffer | null | undefined): Application {
    const open = (field: SealedApplicationField, sealed: string | null) =>
      this.open(key, field, row.id, sealed);
    return {
      id: row.id,
      reference: row.reference,
      status: row.status,
      fullName: row.full_name,
      nik: open('nik', row.nik_sealed),
      birthDate: row.birth_date,
      sex: row.sex,
      birthPlace: row.birth_place,
      address: open('address', row.address_sealed),
      phone: open('phone', row.phone_sealed),
      email: open('email', row.email_sealed),
      branchCode: row.branch_code,
      product: row.product,
      occupation: row.occupation,
      sourceOfFunds: row.source_of_funds,
      monthlyIncome: num(row.monthly_income),
      pep: bool(row.pep),
      consents: JSON.parse(row.consents) as Consent[],
      kyc:
        row.kyc_checked_at === null
          ? null
          : { checkedAt: Number(row.kyc_checked_at), result: JSON.parse(row.kyc_result ?? 'null') },
      screening:
        row.aml_screened_at === null
          ? null
          : { screenedAt: Number(row.aml_screened_at), bestScore: Number(row.aml_best_score ?? 0) },
      risk: row.risk_level === null ? null : { level: row.risk_level, score: num(row.risk_score) },
      review:
        row.review_decision === null
          ? null
          : {
              decision: row.review_decision,
              reason: row.review_reason ?? '',
              reviewedBy: row.reviewed_by,
              reviewedAt: Number(row.reviewed_at),
            },
      refusal:
        row.refused_at === null
          ? null
          : {
              reasonId: row.refusal_reason_id ?? '',
              reasonEn: row.refusal_reason_en ?? '',
              refusedAt: Number(row.refused_at),
            },
      accountNumber: open('accountNumber', row.account_number_sealed),
      accountOpenedAt: num(row.account_opened_at),
      coreBanking: {
        attempts: Number(row.core_banking_attempts),
        lastError: row.core_banking_error,
        failedAt: num(row.core_banking_failed_at),
        incident: bool(row.core_banking_incident),
      },
      customerId: row.customer_id,
      rmUsername: row.rm_username,
      submittedBy: row.submitted_by,
      createdAt: Number(row.created_at),
      updatedAt: Number(row.updated_at),
      completedAt: num(row.completed_at),
    };
  }
}
