/** The shapes of the onboarding API (modules/onboarding/schema.ts), as the designer reads them. */
// The server's own lists (modules/onboarding/vocabulary.ts imports nothing): one source for both.
export {
  DOCUMENT_KINDS,
  OCCUPATIONS,
  PRODUCTS,
  SOURCES_OF_FUNDS,
  STATUSES,
  type Status,
  WATCHLIST_CATEGORIES,
} from '../../../modules/onboarding/vocabulary.ts';

import type { Status } from '../../../modules/onboarding/vocabulary.ts';

export interface ApplicationSummary {
  id: string;
  reference: string;
  status: Status;
  fullName: string;
  nik: string | null;
  branchCode: string;
  product: string;
  riskLevel: string | null;
  createdAt: string;
}

export interface ChecklistItem {
  kind: string;
  name: string;
  required: boolean;
  receivedAt: string | null;
  receivedBy: string | null;
  verifiedAt: string | null;
  verifiedBy: string | null;
  note: string | null;
}

export interface Hit {
  entryId: string;
  listedName: string;
  matchedName: string;
  category: string;
  listSource: string;
  nameScore: number;
  birthDateMatch: boolean | null;
  score: number;
}

export interface Application {
  id: string;
  reference: string;
  status: Status;
  applicant: {
    fullName: string;
    nik: string | null;
    birthDate: string;
    sex: 'M' | 'F';
    birthPlace: string;
    address: string | null;
    phone: string | null;
    email: string | null;
  };
  branchCode: string;
  product: string;
  occupation: string;
  sourceOfFunds: string;
  monthlyIncome: number | null;
  pep: boolean;
  consents: { channel: string; purpose: string }[];
  documents: ChecklistItem[];
  kyc: {
    checkedAt: string;
    valid: boolean;
    findings: { check: string; ok: boolean; id: string; en: string }[];
  } | null;
  /** Only for those who keep the watch list (compliance): front-line staff must not tip anyone off. */
  screening: { screenedAt: string; bestScore: number; hits: (Hit & { screenedAt: string })[] } | null;
  risk: { level: string; score: number | null } | null;
  review: { decision: string; reason: string; reviewedBy: string | null; reviewedAt: string } | null;
  refusal: { reasonId: string; reasonEn: string; refusedAt: string } | null;
  accountNumber: string | null;
  accountOpenedAt: string | null;
  coreBanking: { attempts: number; lastError: string | null; failedAt: string | null; incident: boolean };
  customerId: string | null;
  rmUsername: string | null;
  processInstanceKey: string | null;
  submittedBy: string;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

export interface WatchlistEntry {
  id: string;
  fullName: string;
  aliases: string[];
  birthDate: string | null;
  category: string;
  listSource: string;
  reference: string | null;
  notes: string | null;
  demo: boolean;
  createdAt: string;
  createdBy: string;
}

export interface ReviewTask {
  key: string;
  name: string;
  assignee: string | null;
}
