import type { DataKeys } from '../audit/index.ts';
import { blindIndex, seal, unseal } from '../audit/keys.ts';
import { normalise, type SealedField } from './vocabulary.ts';

/** A row of `customers` as the drivers return it (BIGINT may arrive as a string). */
export interface CustomerRow {
  id: string;
  cif: string;
  full_name: string;
  birth_date: string | null;
  gender: string | null;
  city: string | null;
  occupation: string | null;
  monthly_income: number | string | null;
  segment: string;
  branch_code: string;
  rm_username: string | null;
  kyc_status: string;
  risk_level: string | null;
  nik_sealed: string | null;
  phone_sealed: string | null;
  email_sealed: string | null;
  created_at: number | string;
  updated_at: number | string;
  closed_at: number | string | null;
  erased_at: number | string | null;
}

/** A customer with personal fields in clear: only ever inside the server, masked on the way out. */
export interface Customer {
  id: string;
  cif: string;
  fullName: string;
  birthDate: string | null;
  gender: string | null;
  city: string | null;
  occupation: string | null;
  monthlyIncome: number | null;
  segment: string;
  branchCode: string;
  rmUsername: string | null;
  kycStatus: string;
  riskLevel: string | null;
  nik: string | null;
  phone: string | null;
  email: string | null;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  erasedAt: number | null;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

/**
 * Seals and opens personal fields. A sealed value is bound (as authenticated data) to its
 * column and row, so it cannot be moved to another customer; the blind index is a keyed
 * digest of the normalised value, for exact search without decrypting.
 */
export class FieldCipher {
  constructor(private readonly keys: DataKeys) {}

  index(field: SealedField | 'accountNumber', value: string): string {
    return blindIndex(this.keys.blindIndex, field, normalise[field](value));
  }

  seal(key: Buffer, field: string, rowId: string, value: string): string {
    return seal(key, value, `${field}:${rowId}`);
  }

  open(key: Buffer | null | undefined, field: string, rowId: string, sealed: string | null): string | null {
    if (sealed === null || !key) return null;
    return unseal(key, sealed, `${field}:${rowId}`).toString('utf8');
  }

  customer(row: CustomerRow, key: Buffer | null | undefined): Customer {
    return {
      id: row.id,
      cif: row.cif,
      fullName: row.full_name,
      birthDate: row.birth_date,
      gender: row.gender,
      city: row.city,
      occupation: row.occupation,
      monthlyIncome: num(row.monthly_income),
      segment: row.segment,
      branchCode: row.branch_code,
      rmUsername: row.rm_username,
      kycStatus: row.kyc_status,
      riskLevel: row.risk_level,
      nik: this.open(key, 'nik', row.id, row.nik_sealed),
      phone: this.open(key, 'phone', row.id, row.phone_sealed),
      email: this.open(key, 'email', row.id, row.email_sealed),
      createdAt: Number(row.created_at),
      updatedAt: Number(row.updated_at),
      closedAt: num(row.closed_at),
      erasedAt: num(row.erased_at),
    };
  }
}
