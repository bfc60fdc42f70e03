import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { TestPlatform } from '../harness/create-platform.ts';
import { describeInBrowser, screenshot } from './browser.ts';

const POLL = { timeout: 15_000, interval: 250 };
const NIK = '1271011203900001';
const ids = { mine: '', other: '' };

/** Customers made by a supervisor: one in rm1's portfolio, one in another branch with no RM. */
async function seed(p: TestPlatform) {
  const supervisor = p.as('supervisor1');
  const create = async (body: Record<string, unknown>) => {
    const answer = await supervisor.post<{ id: string }>('/api/customers', body);
    if (answer.status !== 201) throw new Error(`customer not created: ${JSON.stringify(answer.body)}`);
    return answer.body.id;
  };
  ids.mine = await create({
    fullName: 'Budi Santoso Siregar',
    nik: NIK,
    birthDate: '1990-03-12',
    gender: 'M',
    phone: '081234567890',
    email: 'budi.siregar@example.co.id',
    city: 'Medan',
    occupation: 'Wiraswasta',
    monthlyIncome: 12_500_000,
    segment: 'priority',
    branchCode: 'MDN-KC',
    rmUsername: 'rm1',
    kycStatus: 'verified',
    riskLevel: 'LOW',
  });
  ids.other = await create({
    fullName: 'Rudi Hartono Siregar',
    nik: '1272021505850002',
    phone: '081398765432',
    segment: 'mass',
    branchCode: 'PMS-KC',
  });
  await supervisor.post(`/api/customers/${ids.mine}/products`, {
    kind: 'savings',
    productName: 'Tabungan Martabe',
    accountNumber: '1020304050',
    balance: 25_750_000,
  });
  for (const [channel, purpose, granted] of [
    ['whatsapp', 'marketing', true],
    ['email', 'marketing', true],
    ['email', 'marketing', false],
    ['sms', 'service', true],
  ] as const)
    await supervisor.post(`/api/customers/${ids.mine}/consents`, {
      channel,
      purpose,
      granted,
      source: 'branch-form',
    });
  for (let i = 1; i <= 12; i++)
    await supervisor.post(`/api/customers/${ids.mine}/interactions`, {
      channel: i % 3 === 0 ? 'branch' : i % 2 ? 'call' : 'whatsapp',
      kind: i % 3 === 0 ? 'visit' : i % 2 ? 'call' : 'message',
      summary: `Kontak nomor ${i}`,
      at: new Date(Date.UTC(2026, 9, i, 3)).toISOString(),
    });
}

const row = (page: Page, id: string) => page.locator(`tr[data-customer-id="${id}"]`);

describeInBrowser(
  'Customer 360 in Chromium',
  // The shipped processes: a logged complaint starts case handling, whose task names the customer.
  { processes: true },
  (s) => {
    it('a relationship manager finds only their portfolio, and another branch’s customer reads as not found', async () => {
      const api = await s.p.as('rm1').get<{ items: { id: string }[] }>('/api/customers?q=siregar');
      expect(api.body.items.map((c) => c.id)).toEqual([ids.mine]);
      expect((await s.p.as('rm1').get(`/api/customers/${ids.other}`)).status).toBe(404);
      expect(
        (await s.p.as('supervisor1').get<{ items: unknown[] }>('/api/customers?q=siregar')).body.items,
      ).toHaveLength(2);

      for (const language of ['id', 'en'] as const) {
        const page = await s.page(language, 'rm1');
        await page.goto('/#/customers');
        await page.locator('input[name=q]').fill('x');
        await page.locator('form button[type=submit]').first().click();
        await page.getByRole('alert').waitFor();
        await page.locator('input[name=q]').fill('siregar');
        await page.locator('form button[type=submit]').first().click();
        await row(page, ids.mine).waitFor();
        expect(await page.locator('tbody tr').count()).toBe(1);
        expect(await row(page, ids.other).count()).toBe(0);
        expect(await page.getByRole('status').textContent()).toBe(
          language === 'id' ? '1 nasabah ditemukan' : '1 customer found',
        );
        await screenshot(page, `customers-search-${language}`);

        await page.goto(`/#/customers/${ids.other}`);
        const state = page.locator('[data-state=notFound]');
        await state.waitFor();
        expect(await state.locator('h1').textContent()).toBe(
          language === 'id' ? 'Nasabah tidak ditemukan' : 'Customer not found',
        );
        await screenshot(page, `customers-not-found-${language}`);
        await page.context().close();
      }
    });

    it('an agent sees the NIK masked; a supervisor unmasks it with a reason, and the audit trail keeps that', async () => {
      const viaApi = await s.p.as('agent1').get<{ customer: { nik: string } }>(`/api/customers/${ids.mine}`);
      expect(viaApi.body.customer.nik).toBe('************0001');

      for (const language of ['id', 'en'] as const) {
        const agent = await s.page(language, 'agent1');
        await agent.goto(`/#/customers/${ids.mine}`);
        const nik = agent.locator('[data-field=nik]');
        await nik.waitFor();
        expect(await nik.textContent()).toBe('************0001');
        expect(await agent.locator('[data-profile=nik] button').count()).toBe(0);
        await agent.locator('[data-product-id]').waitFor();
        expect(await agent.locator('[data-product-id] .cu-mono').textContent()).toBe('******4050');
        await screenshot(agent, `customers-360-agent-${language}`);
        await agent.context().close();
      }

      for (const language of ['id', 'en'] as const) {
        const page = await s.page(language, 'supervisor1');
        await page.goto(`/#/customers/${ids.mine}`);
        await page
          .getByRole('button', { name: language === 'id' ? 'Buka samaran NIK' : 'Unmask NIK' })
          .click();
        const dialog = page.locator('dialog.dialog');
        await dialog.locator('textarea[name=reason]').fill('singkat');
        expect(await dialog.locator('button[type=submit]').isDisabled()).toBe(true);
        await dialog
          .locator('textarea[name=reason]')
          .fill(`Verifikasi identitas untuk pengaduan CASE-0001 (${language})`);
        await screenshot(page, `customers-unmask-${language}`);
        await dialog.locator('button[type=submit]').click();
        await expect.poll(() => dialog.locator('[data-revealed=nik]').textContent(), POLL).toBe(NIK);
        await screenshot(page, `customers-unmasked-${language}`);
        await dialog.getByRole('button', { name: language === 'id' ? 'Tutup' : 'Close' }).click();
        // The page itself keeps the masked value: the clear one lived only in the dialog.
        expect(await page.locator('[data-field=nik]').textContent()).toBe('************0001');
        await page.context().close();
      }

      const trail = await s.p
        .as('compliance1')
        .get<{ items: { actor: string; details: { field: string; reason: string } | null }[] }>(
          `/api/audit/entries?action=customer.unmask&subjectId=${ids.mine}`,
        );
      expect(trail.body.items.map((e) => [e.actor, e.details?.field, e.details?.reason]).sort()).toEqual([
        ['supervisor1', 'nik', 'Verifikasi identitas untuk pengaduan CASE-0001 (en)'],
        ['supervisor1', 'nik', 'Verifikasi identitas untuk pengaduan CASE-0001 (id)'],
      ]);
    });

    it('shows consents per channel and purpose with their history, records a withdrawal, and pages the timeline', async () => {
      const page = await s.page('en', 'supervisor1');
      await page.goto(`/#/customers/${ids.mine}`);
      const cell = (channel: string, purpose: string) =>
        page.locator(`[data-consent="${channel}/${purpose}"]`);
      await cell('whatsapp', 'marketing').waitFor();
      expect(await cell('whatsapp', 'marketing').getAttribute('data-state')).toBe('granted');
      expect(await cell('email', 'marketing').getAttribute('data-state')).toBe('withdrawn');
      expect(await cell('phone', 'profiling').getAttribute('data-state')).toBe('none');

      await page.getByRole('button', { name: 'Withdraw: WhatsApp – Marketing' }).click();
      const dialog = page.locator('dialog.dialog');
      await dialog.locator('select[name=source]').selectOption('call-centre');
      await dialog.locator('button[type=submit]').click();
      await expect
        .poll(() => cell('whatsapp', 'marketing').getAttribute('data-state'), POLL)
        .toBe('withdrawn');
      const consents = await s.p.as('supervisor1').get<{
        current: { channel: string; purpose: string; granted: boolean }[];
        history: { source: string }[];
      }>(`/api/customers/${ids.mine}/consents`);
      expect(consents.body.current).toContainEqual(
        expect.objectContaining({ channel: 'whatsapp', purpose: 'marketing', granted: false }),
      );
      expect(consents.body.history[0]?.source).toBe('call-centre');
      await page.getByRole('button', { name: /Show history/ }).click();
      await expect.poll(() => page.locator('.cu-consent-history tbody tr').count(), POLL).toBe(5);
      expect(await page.locator('.cu-consent-history tbody tr').first().textContent()).toContain(
        'Contact centre',
      );

      // The timeline: the newest 10 first, the rest on request; withdrawing a consent added one.
      const entries = page.locator('[data-interaction-id]');
      await expect
        .poll(() => entries.first().textContent(), POLL)
        .toContain('dicabut: marketing via whatsapp (call-centre)');
      expect(await entries.count()).toBe(10);
      await page.getByRole('button', { name: 'Load older' }).click();
      await expect.poll(() => entries.count(), POLL).toBeGreaterThanOrEqual(12);
      await page.getByText('All interactions are shown.').waitFor();
      const timeline = await s.p
        .as('supervisor1')
        .get<{ items: unknown[] }>(`/api/customers/${ids.mine}/timeline?limit=100`);
      expect(await entries.count()).toBe(timeline.body.items.length);
      expect(await page.locator('#cu-cases ~ .empty-note').textContent()).toBe('No open complaints.');
      await page.locator('.cu-timeline').scrollIntoViewIfNeeded();
      await screenshot(page, 'customers-360-timeline-en');
      await page.context().close();

      const id = await s.page('id', 'supervisor1');
      await id.goto(`/#/customers/${ids.mine}`);
      await id.locator('[data-consent="whatsapp/marketing"]').waitFor();
      expect(await id.locator('[data-consent="whatsapp/marketing"] .badge').textContent()).toBe('Dicabut');
      await screenshot(id, 'customers-360-supervisor-id');
      await id.locator('.cu-timeline').scrollIntoViewIfNeeded();
      await screenshot(id, 'customers-360-timeline-id');
      await id.context().close();
    });

    it("lists the customer's open complaint and its task, each linking to its screen", async () => {
      const logged = await s.p.as('agent1').post<{ id: string; number: string }>('/api/cases', {
        customerId: ids.mine,
        category: 'FAILED_TRANSFER',
        severity: 'HIGH',
        channel: 'call-centre',
        form: 'verbal',
        description: 'Transfer ke rekening lain gagal, saldo sudah terpotong Rp 2.500.000.',
      });
      expect(logged.status).toBe(201);
      // The engine starts case handling and the task list picks its task up, a moment later.
      let taskKey: string | undefined;
      await expect
        .poll(async () => {
          const tasks = await s.p
            .as('supervisor1')
            .get<{ items: { key: string }[] }>(`/api/tasks?variables=customerId:${ids.mine}`);
          taskKey = tasks.body.items[0]?.key;
          return taskKey;
        }, POLL)
        .toBeDefined();

      for (const language of ['id', 'en'] as const) {
        const page = await s.page(language, 'supervisor1');
        await page.goto(`/#/customers/${ids.mine}`);
        const caseRow = page.locator(`tr[data-case-id="${logged.body.id}"]`);
        await caseRow.waitFor();
        expect(await caseRow.locator('a').getAttribute('href')).toBe(`#/cases/${logged.body.id}`);
        expect(await caseRow.locator('a').textContent()).toBe(logged.body.number);
        const taskRow = page.locator(`tr[data-task-key="${taskKey}"]`);
        await taskRow.waitFor();
        expect(await taskRow.locator('a').getAttribute('href')).toBe(`#/tasks/${taskKey}`);
        // The complaint is on the timeline too, in this screen's words, linking to the case.
        const entry = page.locator('[data-interaction-id][data-channel="call-centre"]').first();
        expect(await entry.locator('.cu-chip').allTextContents()).toEqual(
          language === 'id'
            ? ['Contact centre', 'Pengaduan dicatat']
            : ['Contact centre', 'Complaint logged'],
        );
        expect(await entry.locator('a').getAttribute('href')).toBe(`#/cases/${logged.body.id}`);
        await page.locator('#cu-cases').scrollIntoViewIfNeeded();
        await screenshot(page, `customers-360-open-work-${language}`);
        await page.context().close();
      }
    });

    it('lets compliance download the data-subject export, which the audit trail records', async () => {
      const page = await s.page('id', 'compliance1');
      await page.goto(`/#/customers/${ids.mine}`);
      // Compliance sees the NIK in clear: nothing to unmask.
      await expect.poll(() => page.locator('[data-field=nik]').textContent(), POLL).toBe(NIK);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Unduh data nasabah (UU PDP)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^customer-C\d{10}\.json$/);
      await page.getByText('Berkas ekspor diunduh', { exact: false }).waitFor();
      await screenshot(page, 'customers-360-compliance-id');
      await page.context().close();
      const trail = await s.p
        .as('compliance1')
        .get<{ items: { actor: string }[] }>(
          `/api/audit/entries?action=customer.export&subjectId=${ids.mine}`,
        );
      expect(trail.body.items.map((e) => e.actor)).toEqual(['compliance1']);
    });
  },
  seed,
);
