import { expect, it } from 'vitest';
import { coreBankingSimulatorOf } from '../../modules/onboarding/index.ts';
import { describeOnEngines, type ScenarioPlatform } from './engines.ts';

interface ApplicationView {
  id: string;
  reference: string;
  status: string;
  applicant: { nik: string | null };
  branchCode: string;
  kyc: { valid: boolean; findings: { check: string; ok: boolean }[] } | null;
  screening: { bestScore: number; hits: { listedName: string; score: number }[] } | null;
  risk: { level: string; score: number | null } | null;
  review: { decision: string; reason: string; reviewedBy: string | null } | null;
  refusal: { reasonId: string; reasonEn: string } | null;
  accountNumber: string | null;
  coreBanking: { attempts: number; lastError: string | null; incident: boolean };
  customerId: string | null;
  rmUsername: string | null;
}
interface TaskView {
  key: string;
  name: string;
  elementId: string;
  candidateGroups: string[];
  formId: string | null;
  variables: Record<string, unknown>;
}

const SECOND = 1_000;
const everyDocument = ['KTP', 'PROOF_OF_ADDRESS', 'SIGNATURE_SPECIMEN'];

function applicant(overrides: Record<string, unknown>) {
  return {
    birthPlace: 'Medan',
    address: 'Jl. Gatot Subroto No. 12, Medan Petisah, Kota Medan',
    phone: '081234567890',
    branchCode: 'MDN-KC',
    product: 'savings',
    occupation: 'employee',
    sourceOfFunds: 'salary',
    monthlyIncome: 8_500_000,
    documentsReceived: everyDocument,
    consents: [
      { channel: 'email', purpose: 'service' },
      { channel: 'whatsapp', purpose: 'marketing' },
    ],
    ...overrides,
  };
}

describeOnEngines('customer onboarding: KYC, AML screening, risk, account opening', (p) => {
  const read = async (id: string, as = 'compliance1') =>
    (await p().as(as).get<ApplicationView>(`/api/onboarding/applications/${id}`)).body;
  const submit = async (body: Record<string, unknown>) => {
    const created = await p().as('agent1').post<ApplicationView>('/api/onboarding/applications', body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.status).toBe('SUBMITTED');
    return created.body;
  };
  const until = (id: string, status: string) =>
    p().eventually(async () => {
      const application = await read(id);
      expect(application.status).toBe(status);
      return application;
    });

  it('a clean applicant is onboarded: account from the simulator, customer in their branch, welcome queued, RM of the branch', async () => {
    const submitted = await submit(
      applicant({
        fullName: 'Rina Marlina Sitorus',
        nik: '1271015208950001',
        birthDate: '1995-08-12',
        sex: 'F',
        email: 'rina.sitorus@example.co.id',
      }),
    );
    const done = await until(submitted.id, 'COMPLETED');
    expect(done.kyc?.valid).toBe(true);
    expect(done.risk).toEqual({ level: 'LOW', score: 20 });
    // The simulator's format: branch 101 (MDN-KC), product 1 (savings), serial, check digit.
    expect(done.accountNumber).toMatch(/^1011\d{6}$/);
    expect(done.rmUsername).toBe('rm1');
    const customer = await p().as('supervisor1').get<{
      customer: { branchCode: string; rmUsername: string; kycStatus: string; nik: string };
      products: { accountNumber: string }[];
      consents: { channel: string; purpose: string; granted: boolean }[];
    }>(`/api/customers/${done.customerId}`);
    expect(customer.body.customer).toMatchObject({
      branchCode: 'MDN-KC',
      rmUsername: 'rm1',
      kycStatus: 'verified',
    });
    expect(customer.body.consents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'email', purpose: 'service', granted: true }),
        expect.objectContaining({ channel: 'whatsapp', purpose: 'marketing', granted: true }),
      ]),
    );
    const messages = await p()
      .as('compliance1')
      .get<{ items: { templateKey: string; channel: string }[] }>(
        `/api/notifications/messages?customerId=${done.customerId}`,
      );
    expect(messages.body.items).toEqual([
      expect.objectContaining({ templateKey: 'onboarding.welcome', channel: 'email' }),
    ]);
    // An agent sees the NIK and the account number masked.
    const masked = await read(submitted.id, 'agent1');
    expect(masked.applicant.nik).toBe('************0001');
    expect(masked.accountNumber).toMatch(/^\*{6}\d{4}$/);
    expect(masked.screening).toBeNull();
  });

  it('an applicant on the watch list waits for a manual KYC review; approval by compliance continues the process', async () => {
    const submitted = await submit(
      applicant({
        fullName: 'H. Achmad Sjahrial Nasution, S.E.',
        nik: '1271021403750002',
        birthDate: '1975-03-14',
        sex: 'M',
        occupation: 'entrepreneur',
        sourceOfFunds: 'business',
      }),
    );
    const waiting = await until(submitted.id, 'IN_REVIEW');
    expect(waiting.risk?.level).toBe('HIGH');
    expect(waiting.screening?.hits[0]).toMatchObject({ listedName: 'Ahmad Syahrial Nasution', score: 100 });
    const task = await p().eventually(async () => {
      const tasks = await p().as('compliance1').get<{ items: TaskView[] }>('/api/tasks/groups');
      const found = tasks.body.items.find((t) => t.variables.applicationId === submitted.id);
      expect(found).toBeDefined();
      return found as TaskView;
    });
    expect(task).toMatchObject({ elementId: 'Task_TinjauanKyc', candidateGroups: ['compliance'] });
    // Zeebe gives the task list no model to read the name and linked form from (no /v2 here).
    if (p().engine === 'embedded')
      expect(task).toMatchObject({ name: 'Tinjauan KYC manual', formId: 'onboarding-kyc-review' });
    expect(task.variables.screeningHits).toEqual([
      expect.objectContaining({ listedName: 'Ahmad Syahrial Nasution' }),
    ]);
    // An agent may not take it; a refusal without a proper reason is refused by the form.
    expect((await p().as('agent1').post(`/api/tasks/${task.key}/claim`)).status).toBeGreaterThanOrEqual(400);
    expect((await p().as('compliance1').post(`/api/tasks/${task.key}/claim`)).status).toBe(200);
    const short = await p()
      .as('compliance1')
      .post(`/api/tasks/${task.key}/complete`, {
        variables: { reviewDecision: 'approve', reviewReason: 'ok' },
      });
    expect(short.status).toBe(400);
    const completed = await p()
      .as('compliance1')
      .post(`/api/tasks/${task.key}/complete`, {
        variables: {
          reviewDecision: 'approve',
          reviewReason: 'Bukan orang yang sama: NIK dan alamat berbeda, tanggal lahir kebetulan sama',
        },
      });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    const done = await until(submitted.id, 'COMPLETED');
    expect(done.review).toMatchObject({ decision: 'approve', reviewedBy: 'compliance1' });
    expect(done.customerId).not.toBeNull();
  });

  it('an applicant whose NIK disagrees with the birth date is refused with the reason in both languages', async () => {
    const submitted = await submit(
      applicant({
        fullName: 'Dewi Lestari Purba',
        nik: '1271010504900003',
        birthDate: '1990-04-05',
        sex: 'F',
      }),
    );
    const refused = await until(submitted.id, 'REFUSED');
    expect(refused.refusal?.reasonId).toContain('Tanggal lahir pada NIK (050490) tidak sesuai');
    expect(refused.refusal?.reasonEn).toContain('expected 450490');
    expect(refused.kyc?.findings.find((f) => f.check === 'birthDate')?.ok).toBe(false);
    expect(refused.customerId).toBeNull();
  });

  it('core banking failing: the job is retried, then an incident, and the application waits (visible through the API)', async () => {
    const simulator = coreBankingSimulatorOf(p().platform.context);
    expect(simulator, 'the platform runs the core-banking simulator').toBeDefined();
    simulator?.failNext(3);
    const submitted = await submit(
      applicant({
        fullName: 'Fajar Ramadhan Siregar',
        nik: '1207262011880004',
        birthDate: '1988-11-20',
        sex: 'M',
      }),
    );
    for (const attempt of [1, 2, 3]) {
      await p().eventually(async () => expect((await read(submitted.id)).coreBanking.attempts).toBe(attempt));
      if (attempt < 3) await (p() as ScenarioPlatform).advance(11 * SECOND);
    }
    const waiting = await read(submitted.id);
    expect(waiting).toMatchObject({ status: 'APPROVED', accountNumber: null });
    expect(waiting.coreBanking).toMatchObject({ incident: true });
    expect(waiting.coreBanking.lastError).toContain('503');
    // No fourth attempt: the job is an incident now, waiting for an operator.
    await (p() as ScenarioPlatform).advance(60 * SECOND);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await read(submitted.id)).coreBanking.attempts).toBe(3);
  });
});
