import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, screenshot } from './browser.ts';

const POLL = { timeout: 45_000, interval: 500 };
const LISTED = 'Ahmad Syahrial Nasution';
let applicationId = '';

interface ApplicationView {
  status: string;
  screening: { hits: { listedName: string; score: number }[] } | null;
  risk: { level: string } | null;
}

/** Fills the new-application form as an agent would, for a name on the demo watch list. */
async function fillApplication(page: Page, phone: string) {
  const form = page.locator('form.onb-form');
  await form.locator('input[name=fullName]').fill('H. Achmad Sjahrial Nasution, S.E.');
  await form.locator('input[name=nik]').fill('1271021403750002');
  await form.locator('input[name=birthDate]').fill('14/03/1975');
  await form.locator('input[name=birthPlace]').fill('Medan');
  await form.locator('select[name=sex]').selectOption('M');
  await form.locator('textarea[name=address]').fill('Jl. Sisingamangaraja No. 45, Medan Amplas, Kota Medan');
  await form.locator('input[name=phone]').fill(phone);
  await form.locator('input[name=branchCode]').fill('MDN-KC');
  await form.locator('select[name=occupation]').selectOption('entrepreneur');
  await form.locator('select[name=sourceOfFunds]').selectOption('business');
  await form.locator('input[name=monthlyIncome]').fill('15.000.000');
  for (const kind of ['KTP', 'PROOF_OF_ADDRESS', 'SIGNATURE_SPECIMEN'])
    await form.locator(`input[name=documentsReceived][value=${kind}]`).check();
  await form.locator('input[name=consents][value="email/service"]').check();
}

describeInBrowser('onboarding screens in Chromium', { processes: true }, (s) => {
  it('an agent submits an application for a watch-list name, which waits for KYC review with its hits and task', async () => {
    const agent = await s.page('id', 'agent1');
    await agent.goto('/#/onboarding/new');
    const form = agent.locator('form.onb-form');
    await form.locator('button[type=submit]').click();
    // Missing fields are named before anything is sent.
    expect(await agent.locator('[data-field=fullName] .error').textContent()).toBe('Wajib diisi.');
    expect(await agent.locator('[data-field=nik] .error').textContent()).toBe('Wajib diisi.');
    await agent.locator('input[name=birthDate]').fill('1975-03-14');
    await form.locator('button[type=submit]').click();
    expect(await agent.locator('[data-field=birthDate] .error').textContent()).toContain('hh/bb/tttt');
    await fillApplication(agent, '12345');
    await form.locator('button[type=submit]').click();
    // The server refuses the phone number and names the field.
    await agent.locator('[data-field=phone] .error').waitFor();
    expect(await agent.locator('[data-field=phone] .error').textContent()).toContain(
      'Bukan nomor HP Indonesia yang sah',
    );
    expect(await form.getByRole('alert').textContent()).toBe('Periksa kembali isian yang ditandai.');
    await screenshot(agent, 'onboarding-new-error-id');
    await form.locator('input[name=phone]').fill('0813 6123 4567');
    await form.locator('button[type=submit]').click();
    const page = agent.locator('section[data-application-id]');
    await page.waitFor();
    applicationId = (await page.getAttribute('data-application-id')) ?? '';
    expect(applicationId).toMatch(/^[0-9a-f-]{36}$/);

    await expect.poll(() => page.getAttribute('data-status'), POLL).toBe('IN_REVIEW');
    expect(await agent.locator('[data-review=waiting] .badge').textContent()).toContain(
      'Menunggu tinjauan KYC',
    );
    expect(await agent.locator('[data-review=waiting] .muted').textContent()).toBe(
      'Tugas tinjauan ada di daftar tugas Kepatuhan.',
    );
    // Front-line staff are not shown the hits (no tipping off), nor can they open the review task.
    expect(await agent.locator('#onb-screening ~ .empty-note').textContent()).toBe(
      'Hasil screening hanya dapat dilihat oleh Kepatuhan.',
    );
    expect(await agent.locator('[data-field=nik]').textContent()).toBe('************0002');
    await screenshot(agent, 'onboarding-application-agent-id');
    await agent.context().close();

    const viaApi = await s.p
      .as('compliance1')
      .get<ApplicationView>(`/api/onboarding/applications/${applicationId}`);
    expect(viaApi.body.status).toBe('IN_REVIEW');
    expect(viaApi.body.risk?.level).toBe('HIGH');
    expect(viaApi.body.screening?.hits[0]).toMatchObject({ listedName: LISTED, score: 100 });
    const tasks = await s.p
      .as('compliance1')
      .get<{ items: { key: string }[] }>(`/api/tasks/groups?variables=applicationId:${applicationId}`);
    const taskKey = tasks.body.items[0]?.key;
    expect(taskKey).toBeDefined();

    for (const language of ['id', 'en'] as const) {
      const compliance = await s.page(language, 'compliance1');
      await compliance.goto(`/#/onboarding/${applicationId}`);
      const hit = compliance.locator('.onb-hits tbody tr').first();
      await hit.waitFor();
      expect(await hit.locator('td').first().textContent()).toBe(LISTED);
      expect(await hit.locator('td').last().textContent()).toBe('100');
      const link = compliance.locator('a.onb-task-link');
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`#/tasks/${taskKey}`);
      expect(await compliance.locator('[data-review=waiting] .badge').textContent()).toContain(
        language === 'id' ? 'Menunggu tinjauan KYC' : 'Waiting for KYC review',
      );
      expect(await compliance.locator('[data-check=region]').getAttribute('data-ok')).toBe('true');
      await screenshot(compliance, `onboarding-application-compliance-${language}`);
      await compliance.context().close();
    }
  });

  it('lists applications by status', async () => {
    for (const language of ['id', 'en'] as const) {
      const page = await s.page(language, 'agent1');
      await page.goto('/#/onboarding');
      const row = page.locator(`tr[data-application-id="${applicationId}"]`);
      await row.waitFor();
      await page.locator('select[name=status]').selectOption('COMPLETED');
      await page.locator('.empty-note').waitFor();
      expect(await row.count()).toBe(0);
      await page.locator('select[name=status]').selectOption('IN_REVIEW');
      await row.waitFor();
      expect(await row.locator('[data-status]').textContent()).toBe(
        language === 'id' ? 'Menunggu tinjauan KYC' : 'Waiting for KYC review',
      );
      await screenshot(page, `onboarding-list-${language}`);
      await page
        .getByRole('link', { name: language === 'id' ? 'Permohonan baru' : 'New application' })
        .click();
      await page.locator('form.onb-form').waitFor();
      await screenshot(page, `onboarding-new-empty-${language}`);
      await page.context().close();
    }
  });

  it('compliance keeps the watch list: adds a name and removes it', async () => {
    const page = await s.page('en', 'compliance1');
    await page.goto('/#/onboarding/watchlist');
    await page.locator('.onb-watchlist tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Add a name' }).click();
    const dialog = page.locator('dialog.dialog');
    await dialog.locator('button[type=submit]').click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.locator('[data-field=fullName] .error').count()).toBe(1);
    await dialog.locator('input[name=fullName]').fill('Siti Aminah Daulay');
    await dialog.locator('input[name=aliases]').fill('Siti Aminah, Ummi Daulay');
    await dialog.locator('select[name=category]').selectOption('FRAUD');
    await dialog.locator('input[name=listSource]').fill('Daftar internal fraud');
    await screenshot(page, 'onboarding-watchlist-add-en');
    await dialog.locator('button[type=submit]').click();
    await page.getByRole('status').waitFor();
    const listed = async () =>
      (
        await s.p
          .as('compliance1')
          .get<{ items: { id: string; fullName: string }[] }>('/api/onboarding/watchlist')
      ).body.items;
    const added = (await listed()).find((e) => e.fullName === 'Siti Aminah Daulay');
    expect(added).toBeDefined();
    const row = page.locator(`tr[data-entry-id="${added?.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Fraud');
    await screenshot(page, 'onboarding-watchlist-en');

    await row.getByRole('button', { name: 'Remove: Siti Aminah Daulay' }).click();
    await page.locator('dialog.dialog button.danger').click();
    await expect.poll(() => row.count(), POLL).toBe(0);
    expect((await listed()).some((e) => e.fullName === 'Siti Aminah Daulay')).toBe(false);
    await page.context().close();

    const id = await s.page('id', 'compliance1');
    await id.goto('/#/onboarding/watchlist');
    await id.locator('.onb-watchlist tbody tr').first().waitFor();
    await screenshot(id, 'onboarding-watchlist-id');
    await id.context().close();

    const agent = await s.page('en', 'agent1');
    await agent.goto('/#/onboarding/watchlist');
    await agent.getByText('Only Compliance can open the watch list.').waitFor();
    expect((await s.p.as('agent1').get('/api/onboarding/watchlist')).status).toBe(403);
    await agent.context().close();
  });
});
