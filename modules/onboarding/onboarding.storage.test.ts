import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';

interface ApplicationView {
  id: string;
  reference: string;
  status: string;
  applicant: { nik: string | null; phone: string | null; email: string | null };
  documents: {
    kind: string;
    required: boolean;
    receivedBy: string | null;
    verifiedBy: string | null;
    verifiedAt: string | null;
  }[];
  processInstanceKey: string | null;
}

const application = (overrides: Record<string, unknown> = {}) => ({
  fullName: 'Yohana Simbolon',
  nik: '1271056107920005',
  birthDate: '1992-07-21',
  sex: 'F',
  birthPlace: 'Pematangsiantar',
  address: 'Jl. Sisingamangaraja No. 45, Medan Kota',
  phone: '+62 812 3456 7801',
  email: 'yohana.simbolon@example.co.id',
  branchCode: 'MDN-KC',
  product: 'current',
  occupation: 'professional',
  sourceOfFunds: 'salary',
  documentsReceived: ['KTP'],
  ...overrides,
});

describe(`onboarding applications and the watch list (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let submitted: ApplicationView;
  beforeAll(async () => {
    p = await createPlatform();
    const answer = await p.as('agent1').post<ApplicationView>('/api/onboarding/applications', application());
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    submitted = answer.body;
  });
  afterAll(() => p?.close());

  it('given a submission, then it is SUBMITTED with a reference, its checklist, and the process queued to start', async () => {
    expect(submitted.reference).toMatch(/^ONB-\d{4}-\d{6}$/);
    expect(submitted.status).toBe('SUBMITTED');
    // A current account needs the NPWP as well; only the KTP was handed in.
    expect(submitted.documents.map((d) => [d.kind, d.required, d.receivedBy])).toEqual([
      ['KTP', true, 'agent1'],
      ['NPWP', true, null],
      ['PROOF_OF_ADDRESS', true, null],
      ['SIGNATURE_SPECIMEN', true, null],
    ]);
    const pending = await p.platform.context.engineOutbox.pending();
    expect(pending.map((c) => c.ref)).toContain(`onboarding:${submitted.id}`);
  });

  it('given personal fields, then no column holds them in clear and an agent sees them masked, compliance in clear', async () => {
    const [row] = await p.platform.sequelize.query<Record<string, unknown>>(
      'SELECT * FROM onboarding_applications WHERE id = :id',
      { replacements: { id: submitted.id }, type: 'SELECT' as never },
    );
    const stored = JSON.stringify(row);
    for (const secret of [
      '1271056107920005',
      '081234567801',
      'yohana.simbolon@example.co.id',
      'Sisingamangaraja',
    ])
      expect(stored).not.toContain(secret);
    expect(submitted.applicant).toMatchObject({ nik: '************0005', phone: '0812*****801' });
    const clear = await p
      .as('compliance1')
      .get<ApplicationView>(`/api/onboarding/applications/${submitted.id}`);
    expect(clear.body.applicant).toMatchObject({
      nik: '1271056107920005',
      email: 'yohana.simbolon@example.co.id',
    });
  });

  it('given the NIK of an application in progress, then a second one is refused naming body.nik', async () => {
    const again = await p
      .as('agent1')
      .post<{ code: string; errors: { field: string }[] }>('/api/onboarding/applications', application());
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'body.nik' })]);
  });

  it('given branch staff, then they submit and see only their branch', async () => {
    const elsewhere = await p
      .as('rm1')
      .post<{ errors: { field: string }[] }>(
        '/api/onboarding/applications',
        application({ nik: '1272016107920006', branchCode: 'PMS-KC' }),
      );
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors[0]?.field).toBe('body.branchCode');
    const pms = await p
      .as('agent1')
      .post<ApplicationView>(
        '/api/onboarding/applications',
        application({ nik: '1272016107920006', branchCode: 'PMS-KC', product: 'savings' }),
      );
    expect(pms.status).toBe(201);
    expect((await p.as('rm1').get(`/api/onboarding/applications/${pms.body.id}`)).status).toBe(404);
    const listed = await p
      .as('rm1')
      .get<{ items: { id: string; branchCode: string }[] }>('/api/onboarding/applications');
    expect(listed.body.items.map((a) => a.branchCode)).toEqual(['MDN-KC']);
    const all = await p
      .as('agent1')
      .get<{ items: { id: string }[]; page: unknown }>('/api/onboarding/applications?status=SUBMITTED');
    expect(all.body.items).toHaveLength(2);
    expect(all.body.page).toEqual({ total: 2, limit: 50, offset: 0 });
    // Pages, newest first: the second page of one holds the older of the two, and counts both.
    const second = await p
      .as('agent1')
      .get<{ items: { id: string }[]; page: unknown }>(
        '/api/onboarding/applications?status=SUBMITTED&limit=1&offset=1',
      );
    expect(second.body.items.map((a) => a.id)).toEqual([all.body.items[1]?.id]);
    expect(second.body.page).toEqual({ total: 2, limit: 1, offset: 1 });
    const bad = await p
      .as('agent1')
      .get<{ errors: { field: string }[] }>('/api/onboarding/applications?offset=-1');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]?.field).toBe('query.offset');
  });

  it('given a document received then verified, then the checklist keeps who and when, and verifying first is refused', async () => {
    const early = await p
      .as('agent1')
      .put(`/api/onboarding/applications/${submitted.id}/documents/NPWP`, { verified: true });
    expect(early.status).toBe(409);
    await p
      .as('agent1')
      .put(`/api/onboarding/applications/${submitted.id}/documents/NPWP`, { received: true });
    const verified = await p
      .as('supervisor1')
      .put<{ documents: ApplicationView['documents'] }>(
        `/api/onboarding/applications/${submitted.id}/documents/NPWP`,
        {
          verified: true,
          note: 'NPWP asli diperiksa',
        },
      );
    expect(verified.status).toBe(200);
    expect(verified.body.documents.find((d) => d.kind === 'NPWP')).toMatchObject({
      receivedBy: 'agent1',
      verifiedBy: 'supervisor1',
    });
  });

  it('given the changes and views, then each is in the audit trail, its details sealed with the applicant key', async () => {
    const actions = await p.platform.sequelize.query<{ action: string; actor: string }>(
      "SELECT action, actor FROM audit_entries WHERE entity_type = 'onboarding-application' AND entity_id = :id ORDER BY seq",
      { replacements: { id: submitted.id }, type: 'SELECT' as never },
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['onboarding.submit', 'onboarding.view', 'onboarding.document']),
    );
  });

  it('given compliance, then the watch list is kept: added, screened against, changed, removed; others are refused', async () => {
    const listed = await p.as('compliance1').get<{ items: { demo: boolean }[] }>('/api/onboarding/watchlist');
    expect(listed.body.items.length).toBeGreaterThanOrEqual(10);
    expect(listed.body.items.every((e) => e.demo)).toBe(true);
    const added = await p.as('compliance1').post<{ id: string }>('/api/onboarding/watchlist', {
      fullName: 'Togar Parulian Hutapea',
      aliases: ['Togar Hutapea'],
      birthDate: '1970-10-10',
      category: 'FRAUD',
      listSource: 'Daftar internal',
    });
    expect(added.status).toBe(201);
    const screened = await p
      .as('compliance1')
      .post<{ hits: { listedName: string; score: number }[] }>('/api/onboarding/watchlist/screen', {
        fullName: 'Togar P. Hutapea',
        birthDate: '1970-10-10',
      });
    expect(screened.body.hits[0]).toMatchObject({ listedName: 'Togar Parulian Hutapea' });
    const changed = await p
      .as('compliance1')
      .patch<{ category: string; updatedBy: string }>(`/api/onboarding/watchlist/${added.body.id}`, {
        category: 'SANCTION',
      });
    expect(changed.body).toMatchObject({ category: 'SANCTION', updatedBy: 'compliance1' });
    expect((await p.as('compliance1').delete(`/api/onboarding/watchlist/${added.body.id}`)).status).toBe(204);
    const after = await p.as('compliance1').post<{ hits: unknown[] }>('/api/onboarding/watchlist/screen', {
      fullName: 'Togar Parulian Hutapea',
    });
    expect(after.body.hits).toEqual([]);
    expect((await p.as('agent1').get('/api/onboarding/watchlist')).status).toBe(403);
  });
});
