import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { formatRate } from '../../designer/src/dashboards/period.ts';
import type {
  CampaignFunnelReport,
  RootCauseReport,
  SlaReport,
  VolumeReport,
} from '../../designer/src/dashboards/types.ts';
import { formatNumber } from '../../designer/src/format.ts';
import {
  insertKnownCampaigns,
  insertKnownCases,
  insertKnownConsents,
  NOW,
} from '../../modules/reports/test-data.ts';
import { describeInBrowser, screenshot } from './browser.ts';

const POLL = { timeout: 15_000, interval: 250 };
const Q1 = '?from=2026-01-01&to=2026-03-31';
const LANGUAGES = ['id', 'en'] as const;

/** Types the first quarter of 2026 into the period picker (dd/mm/yyyy) and waits for every tile to answer it. */
async function chooseFirstQuarter(page: Page) {
  await page.locator('form.db-period input[name=from]').fill('01/01/2026');
  await page.locator('form.db-period input[name=to]').fill('31/03/2026');
  await page.locator('form.db-period button[type=submit]').click();
  const tiles = page.locator('article.db-tile');
  await expect
    .poll(
      async () =>
        (await tiles.count()) > 0 &&
        (await page.locator('article.db-tile .db-meta[data-period="2026-01-01/2026-03-31"]').count()) ===
          (await tiles.count()),
      POLL,
    )
    .toBe(true);
}

/** A customer created through the API in setup, whose views the audit trail must show. */
const CUSTOMER = {
  fullName: 'Rina Situmorang',
  nik: '1271015507910002',
  birthDate: '1991-07-15',
  gender: 'F',
  phone: '+62 812-7777-1234',
  email: 'rina.situmorang@example.co.id',
  city: 'Medan',
  segment: 'mass',
  branchCode: 'MDN-KC',
  rmUsername: 'rm1',
};
let customerId = '';

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).textContent()) ?? '').trim();

describeInBrowser(
  'dashboards and the audit trail in Chromium',
  {},
  (s) => {
    for (const lang of LANGUAGES)
      it(`a supervisor sees the case reports of the quarter with the numbers the API answers, and no campaign report (${lang})`, async () => {
        const as = s.p.as('supervisor1');
        const volume = (await as.get<VolumeReport>(`/api/reports/complaint-volume${Q1}`)).body;
        const sla = (await as.get<SlaReport>(`/api/reports/sla-compliance${Q1}`)).body;
        const causes = (await as.get<RootCauseReport>(`/api/reports/root-causes${Q1}`)).body;
        expect(volume.total).toBeGreaterThan(0);
        const n = (v: number) => formatNumber(v, lang);

        const page = await s.page(lang, 'supervisor1');
        await page.goto('/#/dashboards');
        await page.locator('article[data-report=complaint-volume]').waitFor();
        expect(
          await page.locator('article.db-tile').evaluateAll((a) => a.map((e) => e.dataset.report)),
        ).toEqual(['complaint-volume', 'sla-compliance', 'root-causes', 'agents', 'csat']);
        expect(await page.locator('.db-groups').count()).toBe(0);

        // A period that runs backwards is refused before asking, naming the field.
        await page.locator('form.db-period input[name=from]').fill('31/03/2026');
        await page.locator('form.db-period input[name=to]').fill('01/01/2026');
        await page.locator('form.db-period button[type=submit]').click();
        expect(await text(page, 'form.db-period [role=alert]')).toBe(
          lang === 'id' ? 'Sampai tanggal tidak boleh sebelum dari tanggal.' : 'To must not be before From.',
        );
        await chooseFirstQuarter(page);

        // The chart's labels are the reader's language: category names, month names.
        const chart = page.locator('article[data-report=complaint-volume] .db-chart svg');
        const first = volume.series[0];
        if (!first) throw new Error('no complaint series');
        await chart
          .locator('text', { hasText: lang === 'id' ? first.name : first.nameEn })
          .first()
          .waitFor();
        await chart
          .locator('text', { hasText: lang === 'id' ? 'Mar 2026' : 'Mar 2026' })
          .first()
          .waitFor();
        expect(await text(page, 'article[data-report=sla-compliance] [data-headline=sla] strong')).toBe(
          formatRate(sla.overall.rate, lang),
        );
        await screenshot(page, `dashboards-cases-${lang}`);

        await page.locator('article[data-report=complaint-volume] button[data-view=table]').click();
        for (const series of volume.series)
          expect(await text(page, `tr[data-category="${series.category}"] [data-total]`)).toBe(
            n(series.total),
          );
        expect(await text(page, 'tr[data-category=total] [data-total]')).toBe(n(volume.total));

        await page.locator('article[data-report=sla-compliance] button[data-view=table]').click();
        expect(await text(page, 'tr[data-month=overall] [data-rate]')).toBe(
          formatRate(sla.overall.rate, lang),
        );
        for (const queue of sla.queues)
          expect(await text(page, `tr[data-queue="${queue.queue}"] [data-rate]`)).toBe(
            formatRate(queue.rate, lang),
          );

        await page.locator('article[data-report=root-causes] button[data-view=table]').click();
        expect(
          await page
            .locator('article[data-report=root-causes] tbody tr')
            .evaluateAll((rows) =>
              rows.map((r) => [r.dataset.rootCause, r.querySelector('[data-count]')?.textContent]),
            ),
        ).toEqual(causes.items.map((i) => [i.rootCause, n(i.count)]));
        await screenshot(page, `dashboards-cases-tables-${lang}`);

        // One branch: the tables follow the API's answer for that branch.
        const branch = (await as.get<VolumeReport>(`/api/reports/complaint-volume${Q1}&branch=PMS-KC`)).body;
        await page.locator('form.db-period select[name=branch]').selectOption('PMS-KC');
        await expect
          .poll(() => page.locator('tr[data-category=total] [data-total]').textContent(), POLL)
          .toBe(n(branch.total));
        expect(branch.total).toBeLessThan(volume.total);
        await page.context().close();
      });

    for (const lang of LANGUAGES)
      it(`marketing sees the campaign funnel and consent withdrawals, and no case report (${lang})`, async () => {
        const funnel = (
          await s.p.as('marketing1').get<CampaignFunnelReport>(`/api/reports/campaign-funnel${Q1}`)
        ).body;
        expect(funnel.campaigns.map((c) => c.id)).toEqual(['K1', 'K2']);
        const page = await s.page(lang, 'marketing1');
        // Even asked for the case group by address, marketing gets its own reports.
        await page.goto('/#/dashboards/cases');
        await page.locator('article[data-report=campaign-funnel]').waitFor();
        expect(
          await page.locator('article.db-tile').evaluateAll((a) => a.map((e) => e.dataset.report)),
        ).toEqual(['campaign-funnel', 'consent-withdrawals']);
        // Presets end today in Jakarta: with the browser's clock at the data set's moment, this quarter so far.
        await page.clock.setSystemTime(NOW);
        await page.reload();
        await page.locator('article[data-report=campaign-funnel] .db-meta').waitFor();
        await page.locator('button[data-preset=quarter]').click();
        await expect
          .poll(() => page.locator('.db-meta[data-period="2026-01-01/2026-03-15"]').count(), POLL)
          .toBe(2);
        expect(await page.locator('button[data-preset=quarter]').getAttribute('aria-pressed')).toBe('true');
        // The period is in the address: a reload (a bookmark, a shared link) shows the same quarter.
        expect(page.url()).toContain('#/dashboards/marketing/2026-01-01..2026-03-15');
        await page.reload();
        await expect
          .poll(() => page.locator('.db-meta[data-period="2026-01-01/2026-03-15"]').count(), POLL)
          .toBe(2);
        await chooseFirstQuarter(page);
        const svg = page.locator('article[data-report=campaign-funnel] .db-chart svg');
        await svg
          .locator('text', {
            hasText: `${lang === 'id' ? 'Terkirim' : 'Sent'}: ${formatNumber(funnel.overall.funnel.sent, lang)}`,
          })
          .waitFor();
        expect(await text(page, '[data-rate=converted] strong')).toBe(
          formatRate(funnel.overall.rates.converted, lang),
        );
        await page
          .locator('article[data-report=consent-withdrawals] .db-chart svg text', {
            hasText: lang === 'id' ? 'Pemasaran' : 'Marketing',
          })
          .first()
          .waitFor();
        await screenshot(page, `dashboards-marketing-${lang}`);

        await page.locator('article[data-report=campaign-funnel] button[data-view=table]').click();
        for (const campaign of [...funnel.campaigns, { id: 'overall', funnel: funnel.overall.funnel }])
          expect(
            await page
              .locator(`tr[data-campaign="${campaign.id}"] [data-step]`)
              .evaluateAll((cells) => cells.map((c) => c.textContent)),
          ).toEqual(Object.values(campaign.funnel).map((v) => formatNumber(v, lang)));
        await page.locator('article[data-report=consent-withdrawals] button[data-view=table]').click();
        expect(await text(page, 'tr[data-series=total] [data-total]')).toBe('4');
        await screenshot(page, `dashboards-marketing-tables-${lang}`);
        await page.context().close();
      });

    it('compliance finds the customer views an agent caused, opens one, and verifies the chain as intact (id)', async () => {
      await s.p.as('agent2').get(`/api/customers/${customerId}`);
      const api = await s.p
        .as('compliance1')
        .get<{ items: { seq: number; action: string; entityId: string }[] }>(
          '/api/audit/entries?actor=agent2',
        );
      const views = api.body.items.filter((e) => e.action === 'customer.view');
      expect(views.map((e) => e.entityId)).toContain(customerId);

      const page = await s.page('id', 'compliance1');
      await page.goto('/#/audit');
      await page.locator('table.au-entries').waitFor();
      await page.locator('form.au-filters input[name=actor]').fill('agent2');
      await page.getByRole('button', { name: 'Cari' }).click();
      const rows = page.locator('table.au-entries tbody tr');
      await expect
        .poll(() => rows.evaluateAll((r) => r.map((row) => row.dataset.actor)), POLL)
        .toEqual(api.body.items.map(() => 'agent2'));
      expect(await rows.evaluateAll((r) => r.map((row) => Number(row.dataset.seq)))).toEqual(
        api.body.items.map((e) => e.seq),
      );
      const view = page.locator(`tr[data-action="customer.view"]`).first();
      expect(await view.locator('td').nth(3).textContent()).toContain('Melihat data nasabah');
      expect(await view.textContent()).toContain(customerId);
      await screenshot(page, 'audit-id');

      await view.getByRole('button', { name: 'Rincian' }).click();
      const dialog = page.locator('dialog.dialog');
      expect(await dialog.locator('tr[data-field=part] td').textContent()).toBe('360');
      await screenshot(page, 'audit-entry-id');
      await dialog.getByRole('button', { name: 'Tutup' }).click();

      await page.getByRole('button', { name: 'Periksa rantai' }).click();
      await page.locator('.au-verify[data-verify=valid]').waitFor();
      const verdict = await s.p
        .as('compliance1')
        .get<{ valid: boolean; checked: number }>('/api/audit/verify');
      expect(verdict.body.valid).toBe(true);
      expect(await text(page, '.au-verdict')).toContain('Rantai utuh');
      await screenshot(page, 'audit-verified-id');
      await page.context().close();
    });

    it('the audit trail in English: filtered by action, and a tampered entry is found by verify (en)', async () => {
      const page = await s.page('en', 'admin');
      await page.goto('/#/audit');
      await page.locator('form.au-filters select[name=action]').selectOption('customer.view');
      await page.getByRole('button', { name: 'Search' }).click();
      await expect
        .poll(
          () =>
            page
              .locator('table.au-entries tbody tr')
              .evaluateAll((r) => [...new Set(r.map((row) => row.dataset.action))]),
          POLL,
        )
        .toEqual(['customer.view']);
      await page.getByRole('button', { name: 'Verify the chain' }).click();
      await page.locator('.au-verify[data-verify=valid]').waitFor();
      expect(await text(page, '.au-verdict')).toContain('Chain intact');
      await screenshot(page, 'audit-en');

      // Someone edits an entry behind the platform's back: verify names the entry and the problem.
      const [first] = (
        await s.p.as('admin').get<{ items: { seq: number }[] }>('/api/audit/entries?action=customer.view')
      ).body.items;
      if (!first) throw new Error('no customer.view entry');
      await s.p.platform.sequelize.query(
        `UPDATE audit_entries SET actor = 'intruder' WHERE seq = ${first.seq}`,
      );
      await page.getByRole('button', { name: 'Verify the chain' }).click();
      await page.locator('.au-verify[data-verify=broken]').waitFor();
      expect(await text(page, '.au-verdict strong')).toBe(
        `Broken at entry #${first.seq}: the entry was changed after it was written.`,
      );
      await screenshot(page, 'audit-broken-en');
      await page.getByRole('button', { name: 'Show this entry' }).click();
      await expect
        .poll(() => page.locator('table.au-entries tbody tr').first().getAttribute('data-seq'), POLL)
        .toBe(String(first.seq));
      expect(await page.locator('table.au-entries tbody tr').first().getAttribute('data-actor')).toBe(
        'intruder',
      );
      await page.context().close();
    });
  },
  async (p) => {
    p.clock.pin(NOW);
    const created = await p.as('agent1').post<{ id: string }>('/api/customers', CUSTOMER);
    if (created.status !== 201)
      throw new Error(`the customer was not created: ${JSON.stringify(created.body)}`);
    customerId = created.body.id;
    await insertKnownCases(p.platform.sequelize);
    await insertKnownConsents(p.platform.sequelize);
    await insertKnownCampaigns(p.platform.sequelize);
  },
);
