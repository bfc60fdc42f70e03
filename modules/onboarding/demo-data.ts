import type { Customer } from '../customers/index.ts';
import { CustomerService } from '../customers/index.ts';
import { listProducts } from '../customers/products.ts';
import type { ModuleContext } from '../server/module.ts';
import type { Applications } from './applications.ts';
import { checkNik, nikRefusal } from './nik.ts';
import type { NewApplication } from './schema.ts';
import type { Staff } from './scope.ts';
import type { OnboardingSteps } from './steps.ts';
import { requiredDocuments } from './vocabulary.ts';

const DAY = 86_400_000;
const agent: Staff = { username: 'agent1', roles: ['agent'], scope: { kind: 'all' }, source: 'demo' };
const rm: Staff = {
  username: 'rm1',
  roles: ['relationship-manager'],
  scope: { kind: 'all' },
  source: 'demo',
};

const base = {
  birthPlace: 'Medan',
  address: 'Jl. Iskandar Muda No. 8, Medan Baru, Kota Medan',
  phone: '081370001122',
  branchCode: 'MDN-KC',
  product: 'savings',
  occupation: 'employee',
  sourceOfFunds: 'salary',
  monthlyIncome: 7_500_000,
  consents: [
    { channel: 'email', purpose: 'service' },
    { channel: 'sms', purpose: 'service' },
  ],
} satisfies Partial<NewApplication>;

/** Live applicants, through the process: two go all the way, one is on the watch list and waits for compliance. */
const LIVE: NewApplication[] = [
  {
    ...base,
    fullName: 'Sri Wahyuni Nasution',
    nik: '1271175503940002',
    birthDate: '1994-03-15',
    sex: 'F',
    email: 'sri.wahyuni@example.co.id',
    documentsReceived: ['KTP', 'PROOF_OF_ADDRESS', 'SIGNATURE_SPECIMEN'],
  },
  {
    ...base,
    fullName: 'Daniel Hamonangan Sihombing',
    nik: '1271190908870003',
    birthDate: '1987-08-09',
    sex: 'M',
    product: 'current',
    occupation: 'entrepreneur',
    sourceOfFunds: 'business',
    monthlyIncome: 32_000_000,
    documentsReceived: ['KTP', 'NPWP', 'PROOF_OF_ADDRESS', 'SIGNATURE_SPECIMEN'],
  },
  {
    ...base,
    // On the demonstration watch list (alias "Mhd. Ikbal Harahap", same birth date).
    fullName: 'Muhammad Ikbal Harahap',
    nik: '1271030909790004',
    birthDate: '1979-09-09',
    sex: 'M',
    occupation: 'trader',
    sourceOfFunds: 'business',
    documentsReceived: ['KTP', 'PROOF_OF_ADDRESS', 'SIGNATURE_SPECIMEN'],
  },
];

/**
 * Demo onboarding, on an empty table only: past applications inserted directly — completed
 * ones for a few of the demo customers, refusals with their reasons — and, when the shipped
 * processes run, live applications submitted through the process (one waits in the manual
 * KYC review for compliance). Returns how many applications it made.
 */
export async function loadDemoApplications(
  context: ModuleContext,
  parts: { applications: Applications; steps: OnboardingSteps },
): Promise<number> {
  const { applications } = parts;
  const [existing] = await applications.sql.rows<{ n: number | string }>(
    'SELECT COUNT(*) AS n FROM onboarding_applications',
  );
  if (Number(existing?.n) > 0) return 0;
  let made = 0;
  const customers = new CustomerService(context);
  const rows = await applications.sql.rows<{ id: string }>(
    "SELECT id FROM customers WHERE branch_code = 'MDN-KC' AND rm_username IS NOT NULL AND erased_at IS NULL ORDER BY id LIMIT 6",
  );
  const now = context.clock.now();
  for (const [index, row] of rows.entries()) {
    const customer = await customers.load(row.id, {
      username: 'system',
      roles: [],
      scope: { kind: 'all' },
      source: null,
    });
    await history(parts, completedFrom(customer), 'COMPLETED', now - (index + 3) * 7 * DAY, customer);
    made++;
  }
  const mismatch: NewApplication = {
    ...base,
    fullName: 'Lamtiur Br. Panjaitan',
    nik: '1271181207910005',
    birthDate: '1991-07-12',
    sex: 'F',
    documentsReceived: ['KTP', 'PROOF_OF_ADDRESS', 'SIGNATURE_SPECIMEN'],
  };
  const nik = checkNik(mismatch.nik, { birthDate: mismatch.birthDate, sex: mismatch.sex });
  const reason = nikRefusal(nik);
  await history(parts, mismatch, 'REFUSED', now - 12 * DAY, undefined, {
    kyc_result: JSON.stringify(nik),
    refusal_reason_id: reason.id,
    refusal_reason_en: reason.en,
  });
  await history(
    parts,
    {
      ...base,
      fullName: 'Rudi Pardede',
      nik: '1207240211680006',
      birthDate: '1968-11-02',
      sex: 'M',
      occupation: 'public-official',
      documentsReceived: ['KTP', 'PROOF_OF_ADDRESS', 'SIGNATURE_SPECIMEN'],
    },
    'REFUSED',
    now - 20 * DAY,
    undefined,
    {
      risk_level: 'HIGH',
      risk_score: 90,
      aml_best_score: 92,
      review_decision: 'refuse',
      review_reason:
        'Cocok dengan daftar PEP (alias dan tanggal lahir sama); dokumen sumber dana tidak memadai',
      reviewed_by: 'compliance1',
      reviewed_at: now - 19 * DAY,
      refusal_reason_id:
        'Ditolak pada tinjauan KYC manual: Cocok dengan daftar PEP (alias dan tanggal lahir sama); dokumen sumber dana tidak memadai',
      refusal_reason_en:
        'Refused at the manual KYC review: matches the PEP list (alias and birth date); source-of-funds documents insufficient',
    },
  );
  made += 2;
  if (context.shippedProcesses)
    for (const [index, input] of LIVE.entries()) {
      await applications.submit(input, index === 1 ? rm : agent);
      made++;
    }
  return made;
}

const customers = (applications: Applications) => new CustomerService(applications.deps);

function completedFrom(customer: Customer): NewApplication {
  return {
    ...base,
    fullName: customer.fullName,
    nik: customer.nik ?? '',
    birthDate: customer.birthDate ?? '1990-01-01',
    sex: customer.gender === 'F' ? 'F' : 'M',
    phone: customer.phone ?? base.phone,
    email: customer.email,
    documentsReceived: requiredDocuments('savings'),
  };
}

/** A past application: submitted without a process, then moved to its outcome as the process would have. */
async function history(
  parts: { applications: Applications; steps: OnboardingSteps },
  input: NewApplication,
  status: 'COMPLETED' | 'REFUSED',
  at: number,
  customer?: Customer,
  columns: Record<string, unknown> = {},
): Promise<void> {
  const { applications, steps } = parts;
  const application = await applications.submit(input, agent, { history: true });
  const { key } = await applications.load(application.id, agent);
  const account = customer
    ? (await listProducts(customers(applications), customer.id, undefined, undefined)).find(
        (p) => p.accountNumber,
      )
    : undefined;
  const completed =
    status === 'COMPLETED' && customer
      ? {
          kyc_result: JSON.stringify(checkNik(input.nik, { birthDate: input.birthDate, sex: input.sex })),
          kyc_checked_at: at + 60_000,
          aml_best_score: 35,
          aml_screened_at: at + 60_000,
          risk_level: customer.riskLevel ?? 'LOW',
          risk_score: 20,
          customer_id: customer.id,
          rm_username: customer.rmUsername,
          account_opened_at: at + 120_000,
          account_number_sealed: account?.accountNumber
            ? applications.cipher.seal(key as Buffer, 'accountNumber', application.id, account.accountNumber)
            : null,
          completed_at: at + 180_000,
        }
      : { refused_at: at + 120_000, completed_at: at + 120_000 };
  await applications.deps.sequelize.transaction(async (transaction) => {
    await steps.update(application.id, status, { ...completed, ...columns }, transaction);
    await applications.sql.run(
      `UPDATE onboarding_applications SET created_at = :at, updated_at = :updated WHERE id = :id`,
      { id: application.id, at, updated: at + 180_000 },
      transaction,
    );
    await applications.sql.run(
      `UPDATE onboarding_documents SET received_at = :at, verified_at = :verified, verified_by = :by
       WHERE application_id = :id AND received_at IS NOT NULL`,
      {
        id: application.id,
        at,
        verified: status === 'COMPLETED' ? at + 60_000 : null,
        by: status === 'COMPLETED' ? 'system' : null,
      },
      transaction,
    );
  });
}
