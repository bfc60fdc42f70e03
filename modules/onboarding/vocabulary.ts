/** The words of onboarding, shared by schemas, the service, the workers and the demo data. */
export const STATUSES = [
  'SUBMITTED',
  'VERIFYING',
  'SCREENING',
  'IN_REVIEW',
  'APPROVED',
  'ACCOUNT_OPENED',
  'COMPLETED',
  'REFUSED',
] as const;
export type Status = (typeof STATUSES)[number];

/** savings = tabungan, current = giro, deposit = deposito. */
export const PRODUCTS = ['savings', 'current', 'deposit'] as const;
export type Product = (typeof PRODUCTS)[number];
export const PRODUCT_NAMES: Record<Product, string> = {
  savings: 'Tabungan Martabe',
  current: 'Giro Martabe',
  deposit: 'Deposito Martabe',
};

export const DOCUMENT_KINDS = ['KTP', 'NPWP', 'PROOF_OF_ADDRESS', 'SIGNATURE_SPECIMEN'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_NAMES: Record<DocumentKind, string> = {
  KTP: 'KTP elektronik',
  NPWP: 'NPWP',
  PROOF_OF_ADDRESS: 'Bukti alamat (tagihan listrik/air, surat keterangan domisili)',
  SIGNATURE_SPECIMEN: 'Spesimen tanda tangan',
};

/** The documents an application for this product must have; NPWP for current accounts and deposits. */
export function requiredDocuments(product: Product): DocumentKind[] {
  return product === 'savings'
    ? ['KTP', 'PROOF_OF_ADDRESS', 'SIGNATURE_SPECIMEN']
    : ['KTP', 'NPWP', 'PROOF_OF_ADDRESS', 'SIGNATURE_SPECIMEN'];
}

/** Occupations as the account-opening form lists them; the risk table weighs some (DMN). */
export const OCCUPATIONS = [
  'employee',
  'civil-servant',
  'military-police',
  'entrepreneur',
  'trader',
  'farmer',
  'fisher',
  'homemaker',
  'student',
  'retired',
  'professional',
  'money-changer',
  'gold-trader',
  'public-official',
  'other',
] as const;
export const SOURCES_OF_FUNDS = [
  'salary',
  'business',
  'inheritance',
  'gift',
  'investment',
  'pension',
  'other',
] as const;

export const WATCHLIST_CATEGORIES = ['TERRORISM', 'PROLIFERATION', 'SANCTION', 'PEP', 'FRAUD'] as const;
export const REVIEW_DECISIONS = ['approve', 'refuse'] as const;

/** A screening hit counts from this score (0–100, name and birth date together). */
export const HIT_THRESHOLD = 80;
