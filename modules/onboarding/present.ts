import { maskPersonalFields } from '../audit/index.ts';
import { allows } from '../identity/roles.ts';
import type { Application, ChecklistItem } from './model.ts';
import type { NikResult } from './nik.ts';
import type { ScreeningHit } from './screening.ts';
import { DOCUMENT_NAMES } from './vocabulary.ts';
import type { WatchlistEntry } from './watchlist.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function presentChecklist(items: ChecklistItem[]) {
  return items.map((d) => ({
    ...d,
    name: DOCUMENT_NAMES[d.kind],
    receivedAt: isoOrNull(d.receivedAt),
    verifiedAt: isoOrNull(d.verifiedAt),
  }));
}

/**
 * What leaves the server about an application: personal fields masked per role (by name, as
 * customers'), instants as ISO strings. The screening's hits only for those who keep the watch
 * list (compliance): front-line staff must not tip an applicant off.
 */
export function presentApplication(
  a: Application,
  extra: {
    documents: ChecklistItem[];
    hits: (ScreeningHit & { screenedAt: number })[];
    processInstanceKey: string | null;
  },
  roles: readonly string[],
) {
  const seesScreening = allows(roles, 'onboarding.watchlist');
  const kyc = a.kyc?.result as NikResult | null | undefined;
  return maskPersonalFields(
    {
      id: a.id,
      reference: a.reference,
      status: a.status,
      applicant: {
        fullName: a.fullName,
        nik: a.nik,
        birthDate: a.birthDate,
        sex: a.sex,
        birthPlace: a.birthPlace,
        address: a.address,
        phone: a.phone,
        email: a.email,
      },
      branchCode: a.branchCode,
      product: a.product,
      occupation: a.occupation,
      sourceOfFunds: a.sourceOfFunds,
      monthlyIncome: a.monthlyIncome,
      pep: a.pep,
      consents: a.consents,
      documents: presentChecklist(extra.documents),
      kyc:
        a.kyc && kyc ? { checkedAt: iso(a.kyc.checkedAt), valid: kyc.valid, findings: kyc.findings } : null,
      screening:
        a.screening && seesScreening
          ? {
              screenedAt: iso(a.screening.screenedAt),
              bestScore: a.screening.bestScore,
              hits: extra.hits.map((h) => ({ ...h, screenedAt: iso(h.screenedAt) })),
            }
          : null,
      risk: a.risk,
      review: a.review ? { ...a.review, reviewedAt: iso(a.review.reviewedAt) } : null,
      refusal: a.refusal ? { ...a.refusal, refusedAt: iso(a.refusal.refusedAt) } : null,
      accountNumber: a.accountNumber,
      accountOpenedAt: isoOrNull(a.accountOpenedAt),
      coreBanking: { ...a.coreBanking, failedAt: isoOrNull(a.coreBanking.failedAt) },
      customerId: a.customerId,
      rmUsername: a.rmUsername,
      processInstanceKey: extra.processInstanceKey,
      submittedBy: a.submittedBy,
      createdAt: iso(a.createdAt),
      updatedAt: iso(a.updatedAt),
      completedAt: isoOrNull(a.completedAt),
    },
    roles,
  );
}

export function presentSummary(a: Application, roles: readonly string[]) {
  return maskPersonalFields(
    {
      id: a.id,
      reference: a.reference,
      status: a.status,
      fullName: a.fullName,
      nik: a.nik,
      branchCode: a.branchCode,
      product: a.product,
      riskLevel: a.risk?.level ?? null,
      createdAt: iso(a.createdAt),
    },
    roles,
  );
}

export const presentEntry = (e: WatchlistEntry) => ({
  ...e,
  category: e.category as 'TERRORISM' | 'PROLIFERATION' | 'SANCTION' | 'PEP' | 'FRAUD',
  createdAt: iso(e.createdAt),
  updatedAt: iso(e.updatedAt),
});
