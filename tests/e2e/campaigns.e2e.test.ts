import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { campaigns } from '../../designer/src/i18n/campaigns.ts';
import { type CampaignDto, customer, loadAudience, segment } from '../../modules/campaigns/test-kit.ts';
import { wib } from '../../modules/notifications/test-kit.ts';
import { describeInBrowser, screenshot } from './browser.ts';

const POLL = { timeout: 20_000, interval: 250 };
const id = campaigns.id;
const en = campaigns.en;
/** An i18n text with its {{placeholders}} filled in, as the screen shows it. */
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

/** Above CAMPAIGN_APPROVAL_THRESHOLD (20): the Tebing Tinggi campaign needs compliance. */
const AUDIENCE = 40;
const WITHOUT_CONSENT = 3;

describeInBrowser(
  'campaigns: maker, approvals, progress and funnel',
  { processes: true, env: { CAMPAIGN_APPROVAL_THRESHOLD: '20' } },
  (s) => {
    const state = { segment: '', big: '' };
    const read = async (campaignId: string) =>
      (await s.p.as('marketing1').get<CampaignDto>(`/api/campaigns/${campaignId}`)).body;
    const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

    it('marketing (lead1) builds a segment seeing the live count, picks a template, sees the preview and submits', async () => {
      const page = await s.page('id', 'lead1');
      await page.goto('/#/campaigns/segment');
      await page.locator('input[name=segmentName]').fill('Tebing Tinggi SMS');
      await page.locator('input[name=cities]').fill('Tebing Tinggi');
      // The live count: everyone in the town, and those with SMS consent and a phone.
      await expect
        .poll(() => text(page, '[data-live-count]'), POLL)
        .toContain(fill(id.count.matched, { n: String(AUDIENCE + WITHOUT_CONSENT) }));
      expect(await text(page, '[data-live-count]')).toContain(
        fill(id.count.eligible, { eligible: String(AUDIENCE), channel: 'SMS' }),
      );
      expect(await page.locator('[data-excluded]').getAttribute('data-excluded')).toBe(
        String(WITHOUT_CONSENT),
      );
      // A bad range names the field and stops counting until fixed.
      await page.locator('input[name=ageMin]').fill('50');
      await page.locator('input[name=ageMax]').fill('30');
      expect(await text(page, '#cmp-problem-ageMax')).toBe(id.builder.problem.belowMin);
      expect(await text(page, '[data-live-count]')).toContain(id.count.fixFirst);
      await page.locator('input[name=ageMin]').fill('');
      await page.locator('input[name=ageMax]').fill('');
      await expect.poll(() => page.locator('[data-eligible]').getAttribute('data-eligible'), POLL).toBe('40');
      await screenshot(page, 'campaigns-segment-builder-id');
      await page.getByRole('button', { name: id.builder.save }).click();
      await page.locator('[data-saved-segment]').waitFor();
      state.segment = (await page.locator('[data-saved-segment]').getAttribute('data-saved-segment')) ?? '';
      await page.getByRole('link', { name: id.builder.useIt }).click();

      // The editor: the segment is chosen; template and its data; the preview follows the data.
      await page.locator('[data-page=campaign-editor] form').waitFor();
      expect(await page.locator('select[name=segmentId]').inputValue()).toBe(state.segment);
      await page.locator('input[name=name]').fill('Kartu kredit Tebing Tinggi');
      await page.locator('select[name=channel]').selectOption('sms');
      await page
        .locator('select[name=templateKey] option[value="promo.kartu-kredit"]')
        .waitFor({ state: 'attached' });
      await page.locator('select[name=templateKey]').selectOption('promo.kartu-kredit');
      await page.locator('input[name=data-limit]').fill('25000000');
      await page.locator('select[name=productKind]').selectOption('card');
      await expect
        .poll(() => text(page, '[data-preview-text]'), POLL)
        .toContain('Budi, Kartu Kredit limit hingga Rp 25.000.000');
      await expect.poll(() => page.locator('[data-eligible]').getAttribute('data-eligible'), POLL).toBe('40');
      await screenshot(page, 'campaigns-editor-id');
      await page.getByRole('button', { name: id.editor.submit }).click();
      await page.locator('[data-page=campaign][data-status=PENDING_APPROVAL]').waitFor();
      state.big = (await page.locator('[data-page=campaign]').getAttribute('data-campaign-id')) ?? '';
      expect(await text(page, '[data-page=campaign] h1')).toContain(id.status.PENDING_APPROVAL);

      const submitted = await expect
        .poll(async () => (await read(state.big)).approval, POLL)
        .toBe('compliance')
        .then(() => read(state.big));
      expect(submitted).toMatchObject({
        status: 'PENDING_APPROVAL',
        maker: 'lead1',
        eligibleCount: AUDIENCE,
        channel: 'sms',
        templateKey: 'promo.kartu-kredit',
        productKind: 'card',
        data: { limit: 25_000_000 },
      });
      await page.context().close();
    });

    it('the same editor in English shows the template preview in the language chosen', async () => {
      const page = await s.page('en', 'marketing1');
      await page.goto(`/#/campaigns/new/${state.segment}`);
      await page
        .locator('select[name=templateKey] option[value="promo.kartu-kredit"]')
        .waitFor({ state: 'attached' });
      await page.locator('input[name=name]').fill('Credit card, Tebing Tinggi');
      await page.locator('select[name=templateKey]').selectOption('promo.kartu-kredit');
      await expect
        .poll(() => text(page, '[data-preview-text]'), POLL)
        .toContain('a credit card with a limit of up to Rp 10.000.000');
      await page.locator('select[name=previewLocale]').selectOption('id');
      await expect.poll(() => text(page, '[data-preview-text]'), POLL).toContain('Kartu Kredit limit hingga');
      await screenshot(page, 'campaigns-editor-en');
      // An empty name is refused by the server, which names the field.
      await page.locator('input[name=name]').fill('');
      await page.getByRole('button', { name: en.editor.save }).click();
      await page.locator('[data-field=name] .error').waitFor();
      expect(await text(page, '[data-save-error]')).toBe(en.editor.fieldError);
      await page.context().close();
    });

    it('lead1 is refused as the approver of their own campaign, in plain words; it stays pending', async () => {
      const page = await s.page('id', 'lead1');
      await page.goto('/#/campaigns/approvals');
      const row = page.locator(`tr[data-campaign-id="${state.big}"]`);
      await row.waitFor();
      await screenshot(page, 'campaigns-approvals-id');
      await row.getByRole('link', { name: id.approvals.open }).click();
      await page.locator('[data-decision-form]').waitFor();
      expect(await text(page, '[data-decision-form] [role=note]')).toBe(id.decision.ownWarning);
      await page.getByRole('button', { name: id.decision.approve }).click();
      await page.locator('[data-refusal=fourEyes]').waitFor();
      expect(await text(page, '[data-refusal]')).toBe(id.decision.fourEyes);
      await screenshot(page, 'campaigns-decision-refused-id');
      expect((await read(state.big)).status).toBe('PENDING_APPROVAL');
      const own = await s.p.as('lead1').post<{ code: string }>(`/api/campaigns/${state.big}/approve`, {});
      expect(own.status).toBe(403);
      expect(own.body.code).toBe('FOUR_EYES');
      await page.context().close();
    });

    it('compliance1 reads the audience and content, approves with a comment, and the campaign moves on', async () => {
      const page = await s.page('en', 'compliance1');
      await page.goto('/#/campaigns/approvals');
      await page.locator(`tr[data-campaign-id="${state.big}"]`).waitFor();
      await screenshot(page, 'campaigns-approvals-en');
      await page.goto(`/#/campaigns/approvals/${state.big}`);
      await page.locator('[data-decision-form]').waitFor();
      expect(await text(page, '[data-audience]')).toContain(fill(en.decision.eligible, { n: '40' }));
      await expect
        .poll(() => page.locator('[data-audience] [data-excluded]').getAttribute('data-excluded'), POLL)
        .toBe(String(WITHOUT_CONSENT));
      expect(await text(page, '[data-condition=cities]')).toBe('City: Tebing Tinggi');
      await expect
        .poll(() => text(page, '[data-preview-text]'), POLL)
        .toContain('Budi Santoso, a credit card with a limit of up to Rp 25.000.000');
      expect(await page.locator('[data-decision-form] [role=note]').count()).toBe(0);
      await page.locator('textarea[name=comment]').fill('Sesuai ketentuan pemasaran OJK.');
      await screenshot(page, 'campaigns-decision-en');
      // The approval task may not be in the task list yet: the screen says so and offers a retry.
      await page.getByRole('button', { name: en.decision.approve }).click();
      await expect
        .poll(async () => {
          if (await page.locator('[data-decided=approve]').count()) return 'approved';
          const retry = page.locator('[data-refusal=notReady] button');
          if (await retry.count()) await retry.click();
          return 'waiting';
        }, POLL)
        .toBe('approved');
      expect(await text(page, '[data-decided]')).toBe(en.decision.approved);
      const decided = await read(state.big);
      expect(decided).toMatchObject({
        approval: 'compliance',
        checker: 'compliance1',
        comment: 'Sesuai ketentuan pemasaran OJK.',
      });
      expect(['APPROVED', 'SENDING', 'COMPLETED']).toContain(decided.status);
      await page.context().close();
    });

    it('the maker follows sending progress and the funnel, live, in both languages', async () => {
      await expect
        .poll(async () => (await read(state.big)).status, { timeout: 60_000, interval: 500 })
        .toBe('COMPLETED');
      for (const language of ['id', 'en'] as const) {
        const words = campaigns[language];
        const page = await s.page(language, 'marketing1');
        await page.goto(`/#/campaigns/c/${state.big}`);
        await page.locator('[data-page=campaign][data-status=COMPLETED]').waitFor();
        await expect
          .poll(() => page.locator('[data-stage=sent]').getAttribute('data-value'), POLL)
          .toBe('40');
        expect(await page.locator('[data-stage=audience]').getAttribute('data-value')).toBe('40');
        expect(await page.locator('[data-progress]').getAttribute('data-batches-done')).toBe('1');
        expect(await text(page, '[data-progress]')).toContain(
          fill(words.progress.batches, { done: '1', total: '1' }),
        );
        await page.locator('[data-funnel] .cmp-chart svg').waitFor();
        expect(await text(page, '[data-checker-comment]')).toContain('Sesuai ketentuan pemasaran OJK.');
        await screenshot(page, `campaigns-progress-funnel-${language}`);
        await page.context().close();
      }
    });

    it('compliance2 rejects with a required comment, which marketing1 reads in the list and the editor', async () => {
      const small = await segment(s.p, 'Sibolga SMS', { cities: ['Sibolga'] });
      const draft = await s.p.as('marketing1').post<CampaignDto>('/api/campaigns', {
        name: 'Deposito Sibolga',
        channel: 'sms',
        templateKey: 'promo.deposito',
        segmentId: small,
        data: { rate: '5,25', offerUrl: 'https://bank.example/depo' },
        requireApproval: true,
      });
      expect(draft.status).toBe(201);
      expect((await s.p.as('marketing1').post(`/api/campaigns/${draft.body.id}/submit`)).status).toBe(200);
      await expect.poll(async () => (await read(draft.body.id)).approval, POLL).toBe('compliance');

      const page = await s.page('id', 'compliance2');
      await page.goto(`/#/campaigns/approvals/${draft.body.id}`);
      await page.locator('[data-decision-form]').waitFor();
      await page.getByRole('button', { name: id.decision.reject }).click();
      expect(await text(page, '#cmp-comment-hint')).toBe(id.decision.commentRequired);
      await page.locator('textarea[name=comment]').fill('Suku bunga harus sesuai papan suku bunga terbaru.');
      await page.getByRole('button', { name: id.decision.reject }).click();
      await expect
        .poll(async () => {
          if (await page.locator('[data-decided=reject]').count()) return 'rejected';
          const retry = page.locator('[data-refusal=notReady] button');
          if (await retry.count()) await retry.click();
          return 'waiting';
        }, POLL)
        .toBe('rejected');
      await screenshot(page, 'campaigns-decision-rejected-id');
      expect(await read(draft.body.id)).toMatchObject({
        status: 'REJECTED',
        checker: 'compliance2',
        comment: 'Suku bunga harus sesuai papan suku bunga terbaru.',
      });
      await page.context().close();

      const maker = await s.page('id', 'marketing1');
      await maker.goto('/#/campaigns');
      const row = maker.locator(`tr[data-campaign-id="${draft.body.id}"]`);
      await row.waitFor();
      expect(await row.locator('[data-status]').first().innerText()).toBe(id.status.REJECTED);
      expect(await row.locator('[data-comment]').innerText()).toContain('papan suku bunga terbaru');
      await screenshot(maker, 'campaigns-list-id');
      await maker.goto(`/#/campaigns/c/${draft.body.id}/edit`);
      await maker.locator('[data-rejection]').waitFor();
      expect(await text(maker, '[data-rejection]')).toContain(
        'Suku bunga harus sesuai papan suku bunga terbaru.',
      );
      expect(await text(maker, '[data-rejection]')).toContain(
        fill(id.editor.rejectedBy, { checker: 'compliance2' }),
      );
      await maker.locator('input[name=data-rate]').fill('5,50');
      await maker.getByRole('button', { name: id.editor.submit }).click();
      await maker.locator('[data-page=campaign][data-status=PENDING_APPROVAL]').waitFor();
      expect(await read(draft.body.id)).toMatchObject({ status: 'PENDING_APPROVAL', submission: 2 });
      await maker.context().close();

      const english = await s.page('en', 'marketing1');
      await english.goto('/#/campaigns');
      await english.locator(`tr[data-campaign-id="${draft.body.id}"]`).waitFor();
      await screenshot(english, 'campaigns-list-en');
      await english.goto('/#/campaigns/segment');
      await english.locator('input[name=cities]').fill('Sibolga');
      await english.locator('input[name=segmentName]').fill('Sibolga again');
      await expect
        .poll(() => english.locator('[data-eligible]').getAttribute('data-eligible'), POLL)
        .toBe('4');
      await screenshot(english, 'campaigns-segment-builder-en');
      await english.context().close();
    });

    it('the maker pauses, resumes and cancels an approved campaign, each step confirmed by the server', async () => {
      const small = (
        await s.p.as('marketing1').get<{ items: { id: string; name: string }[] }>('/api/campaigns/segments')
      ).body.items.find((x) => x.name === 'Sibolga SMS');
      const draft = await s.p.as('marketing1').post<CampaignDto>('/api/campaigns', {
        name: 'KPR Sibolga minggu depan',
        channel: 'sms',
        templateKey: 'promo.kpr',
        segmentId: small?.id,
        data: { years: 3, offerUrl: 'https://bank.example/kpr' },
        scheduledAt: new Date(s.p.clock.now() + 7 * 86_400_000).toISOString(),
      });
      expect(draft.status).toBe(201);
      const campaignId = draft.body.id;
      const page = await s.page('en', 'marketing1');
      await page.goto(`/#/campaigns/c/${campaignId}`);
      await page.locator('[data-page=campaign][data-status=DRAFT] [data-not-sent]').waitFor();
      await page.getByRole('button', { name: en.detail.submit }).click();
      // At or below the threshold: approved automatically, waiting for its schedule.
      await page.locator('[data-page=campaign][data-status=APPROVED]').waitFor({ timeout: 20_000 });
      expect(await text(page, '[data-fact=approval]')).toContain(en.detail.approvalKind.automatic);
      await page.getByRole('button', { name: en.detail.pause }).click();
      await page.locator('[data-page=campaign][data-status=PAUSED]').waitFor();
      expect((await read(campaignId)).status).toBe('PAUSED');
      await page.getByRole('button', { name: en.detail.resume }).click();
      await page.locator('[data-page=campaign][data-status=APPROVED]').waitFor();
      expect((await read(campaignId)).status).toBe('APPROVED');
      await page.getByRole('button', { name: en.detail.cancel }).click();
      await page.locator('dialog.dialog').waitFor();
      await screenshot(page, 'campaigns-cancel-dialog-en');
      await page.locator('[data-confirm-cancel]').click();
      await page.locator('[data-page=campaign][data-status=CANCELLED]').waitFor();
      expect((await read(campaignId)).status).toBe('CANCELLED');
      expect(await page.getByRole('button', { name: en.detail.pause }).count()).toBe(0);
      await page.context().close();
    });
  },
  async (p) => {
    p.clock.pin(wib('2026-11-25T10:00'));
    await loadAudience(p, AUDIENCE, 'Tebing Tinggi', 'sms');
    for (let i = 0; i < WITHOUT_CONSENT; i += 1) await customer(p, { city: 'Tebing Tinggi' });
    for (let i = 0; i < 4; i += 1) await customer(p, { city: 'Sibolga' }, ['sms']);
  },
);
