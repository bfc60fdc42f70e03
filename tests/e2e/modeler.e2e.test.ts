import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { blankModel } from '../../designer/src/modeler/blank-models.ts';
import { describeInBrowser, logIn, screenshot } from './browser.ts';
import {
  append,
  createModel,
  downloaded,
  fillTemplateField,
  lintErrors,
  nameSelected,
  saveVersion,
  selectShape,
  shape,
} from './modeler-steps.ts';

const WORDS = {
  id: { noErrors: '0 galat', deployed: 'Terpasang v2', template: 'Kirim notifikasi ke nasabah' },
  en: { noErrors: '0 errors', deployed: 'Deployed v2', template: 'Kirim notifikasi ke nasabah' },
};

describeInBrowser('process modeler and governance in Chromium', { processes: true }, (s) => {
  const as = async (user: string, language: 'id' | 'en'): Promise<Page> => {
    const page = await s.page(language);
    await logIn(page, user);
    return page;
  };

  for (const language of ['id', 'en'] as const) {
    const words = WORDS[language];
    const model = `cases-uji-modeler-${language}`;

    it(`given a new process, an owner draws it with a template step, fixes the lint errors, saves and requests a deploy (${language})`, async () => {
      const page = await as('owner', language);
      await page.goto('/#/processes');
      await page.locator('table.models tr[data-model="cases-case-handling"]').waitFor();
      await screenshot(page, `modeler-repository-${language}`);

      await createModel(page, model, 'bpmn', 'Uji pemodel');
      await shape(page, 'Mulai').waitFor();
      // A process with a start event only: no end event, the start event leads nowhere.
      expect(await lintErrors(page)).not.toBe(words.noErrors);
      await expect.poll(() => page.locator('button[name=request-deploy]').isDisabled()).toBe(true);
      await page.locator('.lint-item[data-element="Mulai"]').first().click();
      await expect.poll(() => shape(page, 'Mulai').getAttribute('class')).toContain('selected');

      const task = await append(page, 'Mulai', 'append.append-task');
      await nameSelected(page, 'Beri tahu nasabah');
      await page.locator('.bpmn-properties .bio-properties-panel-select-template-button').click();
      await page.locator('.djs-popup-search input').fill('notifikasi');
      await page.locator('.djs-popup .entry', { hasText: words.template }).click();
      await expect
        .poll(() => page.locator('.bpmn-properties .bio-properties-panel-header-type').textContent())
        .toContain(words.template);
      // The template's message key has no default: the notification to send is chosen here.
      await fillTemplateField(page, 'pesan', 'case.received');
      await screenshot(page, `modeler-template-applied-${language}`);

      const service =
        (await page.locator('.bpmn-canvas .djs-shape.selected').getAttribute('data-element-id')) ?? task;
      expect(await lintErrors(page)).not.toBe(words.noErrors);
      await screenshot(page, `modeler-lint-errors-${language}`);

      await append(page, service, 'append.end-event');
      await nameSelected(page, 'Selesai');
      await expect.poll(() => lintErrors(page)).toBe(words.noErrors);
      await saveVersion(page, 'Langkah notifikasi dengan templat');
      await expect.poll(() => page.locator('button[name=request-deploy]').isDisabled()).toBe(false);
      await screenshot(page, `modeler-editor-${language}`);

      const xml = await downloaded(page);
      expect(xml).toContain('modeler:executionPlatformVersion="8.8.0"');
      expect(xml).toContain('zeebe:modelerTemplate="crm.notifications.send"');
      expect(xml).toContain('<zeebe:taskDefinition type="crm.notifications.send"');

      await page.locator('button[name=request-deploy]').click();
      await page.locator('.version-form input[name=comment]').fill('Mohon ditinjau');
      await page.locator('.version-form button[name=confirm]').click();
      await page.locator('.editor-toolbar [role=status]').waitFor();
      await page.goto(`/#/processes/${model}/requests`);
      const request = page.locator('.deploy-request.state-pending');
      await request.waitFor();
      // Four eyes: nobody is offered the approval of their own request.
      expect(await request.locator('button[name=approve]').count()).toBe(0);
      await screenshot(page, `modeler-own-request-${language}`);
      await page.context().close();
    }, 180_000);

    it(`a second owner compares the two versions, approves, and the deployed version shows (${language})`, async () => {
      const page = await as('owner2', language);
      await page.goto(`/#/processes/${model}/versions`);
      await page.locator('table.versions tr[data-version="2"]').waitFor();
      await screenshot(page, `modeler-versions-${language}`);
      await page.locator('button[name=compare]').click();
      await page.waitForURL(new RegExp(`#/processes/${model}/compare/1/2$`));
      await expect.poll(() => page.locator('.diff-canvas .diff-added').count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator('.change-list li[data-change=added]').count()).toBeGreaterThanOrEqual(3);
      await screenshot(page, `modeler-compare-${language}`);

      await page.goto(`/#/processes/${model}/requests`);
      await page.locator('.deploy-request.state-pending button[name=approve]').click();
      await page.locator('.decision input[name=decision-comment]').fill('Sudah ditinjau');
      await page.locator('.decision button[name=confirm]').click();
      await page.locator('.deploy-request.state-deployed').waitFor();
      await expect
        .poll(() => page.locator('[data-testid=deployed-version]').textContent())
        .toBe(words.deployed);
      await screenshot(page, `modeler-deployed-${language}`);

      const definitions = await s.p
        .as('owner2')
        .post<{ items: { version: number }[] }>('/v2/process-definitions/search', {
          filter: { processDefinitionId: model },
        });
      expect(definitions.body.items).toHaveLength(1);
      await page.goto('/#/processes');
      await expect
        .poll(() => page.locator(`table.models tr[data-model="${model}"] .badge.ok`).first().textContent())
        .toBe('v2');
      await page.context().close();
    }, 180_000);
  }

  it('given a new user task, the modeler keeps it job-based (no zeebe:userTask, DESIGN seam 2)', async () => {
    const page = await as('owner', 'id');
    await createModel(page, 'cases-uji-tugas', 'bpmn', 'Uji tugas pengguna');
    await shape(page, 'Mulai').waitFor();
    const task = await append(page, 'Mulai', 'append.append-task');
    await selectShape(page, task);
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    await page.locator('.djs-popup [data-id="replace-with-user-task"]').click();
    await expect.poll(() => downloaded(page)).toContain('<bpmn:userTask');
    expect(await downloaded(page)).not.toContain('zeebe:userTask');

    // The append menu offers the element templates too.
    await selectShape(page, task);
    await page.locator('.djs-context-pad [data-action="append"]').click();
    await page.locator('.djs-popup-search input').fill('Kirim notifikasi');
    await page.locator('.djs-popup .entry', { hasText: 'Kirim notifikasi ke nasabah' }).first().click();
    await expect.poll(() => downloaded(page)).toContain('zeebe:modelerTemplate="crm.notifications.send"');
    await screenshot(page, 'modeler-user-task-id');
    await page.context().close();
  }, 120_000);

  it('given a .bpmn file on disk, an owner opens it and it becomes a model of the repository', async () => {
    const page = await as('owner', 'id');
    await page.goto('/#/processes');
    const xml = blankModel('bpmn', 'cases-dari-berkas', 'Dari berkas');
    await page.locator('.modeler-repository input[name=open-file]').setInputFiles({
      name: 'cases-dari-berkas.bpmn',
      mimeType: 'application/xml',
      buffer: Buffer.from(xml),
    });
    await page.waitForURL(/#\/processes\/cases-dari-berkas$/);
    await shape(page, 'Mulai').waitFor();
    const versions = await s.p
      .as('owner')
      .get<{ versions: { comment: string }[] }>('/api/designer/models/cases-dari-berkas');
    expect(versions.body.versions[0]?.comment).toBe('Dibuka dari berkas cases-dari-berkas.bpmn');
    await page.context().close();
  }, 60_000);

  for (const language of ['id', 'en'] as const) {
    it(`an owner edits a decision table and a form and saves versions of them (${language})`, async () => {
      const page = await as('owner', language);
      await createModel(page, `onboarding-uji-keputusan-${language}`, 'dmn', 'Uji keputusan');
      await page.locator('.dmn-container .djs-container').waitFor();
      await screenshot(page, `modeler-dmn-drd-${language}`);
      // Into the decision table: a rule with an input test and an output, then a version.
      await page.locator('.dmn-container .drill-down-overlay').first().click();
      await page.locator('.dmn-decision-table-container td.add-rule-add').click();
      await page.locator('.dmn-decision-table-container tbody tr').first().locator('td.input-cell').click();
      await page.keyboard.type('"tinggi"');
      await page
        .locator('.dmn-decision-table-container tbody tr')
        .first()
        .locator('td.output-cell')
        .first()
        .click();
      await page.keyboard.type('"tolak"');
      await saveVersion(page, 'Aturan pertama');
      await screenshot(page, `modeler-dmn-${language}`);

      await createModel(page, `onboarding-uji-formulir-${language}`, 'form', 'Uji formulir');
      const palette = page.locator('.fjs-palette-field[data-field-type="textfield"]');
      await palette.waitFor();
      await palette.dragTo(page.locator('.fjs-drop-container-vertical').first());
      await page.locator('.badge.warn').first().waitFor();
      await saveVersion(page, 'Kolom teks pertama');
      await screenshot(page, `modeler-form-${language}`);
      const detail = await s.p
        .as('owner')
        .get<{ latestVersion: number }>(`/api/designer/models/onboarding-uji-formulir-${language}`);
      expect(detail.body.latestVersion).toBe(2);
      await page.context().close();
    }, 120_000);

    it(`compliance sees models read-only, and a saved version opens read-only (${language})`, async () => {
      const page = await as('compliance1', language);
      await page.goto('/#/processes/cases-case-handling');
      await page.locator('.read-only-model .djs-container').waitFor();
      expect(await page.locator('button[name=save-version]').count()).toBe(0);
      await screenshot(page, `modeler-read-only-${language}`);
      await page.goto('/#/processes/cases-case-handling/v/1');
      await page.locator('.version-view .read-only-model .djs-container').waitFor();
      await screenshot(page, `modeler-version-view-${language}`);
      await page.context().close();
    }, 60_000);
  }
});
