import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { compile } from '../../designer/src/builder/compile.ts';
import { decompile } from '../../designer/src/builder/decompile.ts';
import type { Flow } from '../../designer/src/builder/flow.ts';
import { builder as words } from '../../designer/src/i18n/builder.ts';
import { describeInBrowser, logIn, screenshot } from './browser.ts';

/** What the owner builds below, as the builder's flow: what the saved model must decompile to. */
function expectedFlow(id: string): Flow {
  return {
    id,
    name: 'Persetujuan pengembalian dana',
    steps: [
      {
        kind: 'approval',
        id: 's1',
        name: 'Setujui pengembalian dana',
        candidateGroup: 'supervisor',
        dueInHours: 8,
      },
      {
        kind: 'notify',
        id: 's2',
        name: 'Beri tahu nasabah',
        templateKey: 'case.resolved',
        channel: 'email',
        purpose: 'service',
      },
      {
        kind: 'condition',
        id: 's3',
        name: 'Jumlah di atas 10 juta?',
        condition: 'amount > 10000000',
        yes: [{ kind: 'approval', id: 's4', name: 'Persetujuan', candidateGroup: 'MDN-KC' }],
        no: [],
      },
    ],
  };
}

async function addStep(page: Page, edge: string, kindLabel: string): Promise<void> {
  await page.locator(`button[data-edge="${edge}"]`).click();
  await page.getByRole('menuitem', { name: kindLabel, exact: true }).click();
}

const panel = (page: Page, field: string) => page.locator(`.builder-panel [name="${field}"]`);

async function previewShows(page: Page, ...elementIds: string[]): Promise<void> {
  await page.locator('.builder-preview-canvas[data-shown=current]').waitFor();
  for (const id of elementIds) await page.locator(`.builder-preview [data-element-id="${id}"]`).waitFor();
}

describeInBrowser('simple builder in Chromium', { processes: true }, (s) => {
  for (const language of ['id', 'en'] as const) {
    const t = words[language];
    const modelId = `cases-refund-builder-${language}`;

    it(`an owner builds approval → notify → condition, previews it and saves it as a model (${language})`, async () => {
      const page = await s.page(language);
      await logIn(page, 'owner');
      await page
        .locator('.topbar nav a', { hasText: language === 'id' ? 'Pembuat sederhana' : 'Simple builder' })
        .click();
      await expect.poll(() => page.locator('.builder-screen h1').textContent()).toBe(t.title);
      await expect.poll(() => page.locator('.builder-panel p').textContent()).toBe(t.panel.nothing);
      await previewShows(page, 'StartEvent_1', 'EndEvent_1');
      await screenshot(page, `builder-empty-${language}`);

      await page.locator('[name=processName]').fill('Persetujuan pengembalian dana');
      await page.locator('[name=processId]').fill('Refund Approval');
      await expect
        .poll(() => page.locator('.builder-bar .builder-error').textContent())
        .toBe(t.problems.processId);
      await page.locator('[name=processId]').fill(modelId);

      await addStep(page, 'e-start-end', t.kinds.approval);
      await panel(page, 'name').fill('Setujui pengembalian dana');
      await panel(page, 'candidateGroup').fill('');
      await expect
        .poll(() => page.locator('.builder-panel .builder-error').first().textContent())
        .toBe(t.problems.required);
      await panel(page, 'candidateGroup').fill('supervisor');
      await panel(page, 'dueInHours').fill('0');
      await expect
        .poll(() => page.locator('.builder-panel .builder-error').first().textContent())
        .toBe(t.problems.positiveWhole);
      await panel(page, 'dueInHours').fill('8');

      await addStep(page, 'e-s1-end', t.kinds.notify);
      await expect.poll(() => panel(page, 'templateKey').inputValue()).toBe('case.resolved');
      await addStep(page, 'e-s2-end', t.kinds.condition);
      await panel(page, 'name').fill('Jumlah di atas 10 juta?');
      // A new condition has no FEEL and no step in its branches: both are shown, saving is off.
      await expect
        .poll(() => page.locator('.builder-panel .builder-error').allTextContents())
        .toEqual([t.problems.required, t.problems.emptyBranches]);
      expect(await page.locator('button[name=save]').isDisabled()).toBe(true);
      await expect.poll(() => page.locator('[data-step=s3] .builder-card-problems').textContent()).toBe('2');
      await previewShows(page, 'Task_s1', 'Task_s2', 'Gateway_s3');
      await screenshot(page, `builder-problems-${language}`);

      await panel(page, 'condition').fill('amount > 10000000');
      await addStep(page, 'e-s3-yes-s3-join', t.kinds.approval);
      await panel(page, 'candidateGroup').fill('MDN-KC');
      // What only a FEEL parser sees comes from the server's lint, on the condition's field.
      await page.locator('[data-step=s3]').click();
      await panel(page, 'condition').fill('amount >');
      await expect
        .poll(() => page.locator('.builder-panel .builder-error').textContent())
        .toBe(t.problems.feel);
      expect(await page.locator('button[name=save]').isDisabled()).toBe(true);
      await screenshot(page, `builder-feel-${language}`);
      await panel(page, 'condition').fill('amount > 10000000');
      await expect.poll(() => page.locator('.builder-status .builder-error').count()).toBe(0);
      await previewShows(
        page,
        'Task_s1',
        'Task_s2',
        'Gateway_s3',
        'Task_s4',
        'Gateway_s3_join',
        'EndEvent_1',
      );
      await screenshot(page, `builder-flow-${language}`);

      await page.locator('button[name=save]').click();
      await page.waitForURL(`**/#/builder/${modelId}`);
      await expect
        .poll(() => page.locator('.builder-status .builder-ok').textContent())
        .toBe(t.saved.replace('{{id}}', modelId).replace('{{version}}', '1'));
      await page.locator('[data-step=s4]').waitFor();
      await previewShows(page, 'Task_s1', 'Task_s4');
      await screenshot(page, `builder-saved-${language}`);

      // The repository holds exactly what compile(flow) makes, and it decompiles to the flow.
      const owner = s.p.as('owner');
      const model = await owner.get<{ latestVersion: number; resourceId: string; kind: string }>(
        `/api/designer/models/${modelId}`,
      );
      expect(model.body).toMatchObject({ latestVersion: 1, resourceId: modelId, kind: 'bpmn' });
      const version = await owner.get<{ content: string }>(`/api/designer/models/${modelId}/versions/1`);
      expect(version.body.content).toBe(compile(expectedFlow(modelId)));
      expect(decompile(version.body.content)).toEqual(expectedFlow(modelId));
      const lint = await owner.post<{ problems: { category: string }[] }>('/api/designer/lint', {
        content: version.body.content,
      });
      expect(lint.body.problems.filter((problem) => problem.category === 'error')).toEqual([]);

      // Reopened from the server, it edits into version 2; unchanged, it is not saved again.
      expect(await page.locator('[name=processId]').inputValue()).toBe(modelId);
      await page.locator('[data-step=s2]').click();
      await panel(page, 'channel').selectOption('sms');
      // An escalation attaches only to the approval right before it.
      await page.locator('button[data-edge="e-start-s1"]').click();
      expect(await page.getByRole('menuitem', { name: t.kinds.escalate, exact: true }).isDisabled()).toBe(
        true,
      );
      await page.locator('button[data-edge="e-start-s1"]').click();
      await addStep(page, 'e-s1-s2', t.kinds.escalate);
      await panel(page, 'afterHours').fill('4');
      await panel(page, 'action').selectOption('notify');
      await addStep(page, 'e-s3-no-s3-join', t.kinds.wait);
      await panel(page, 'amount').fill('2');
      await page.locator('[data-step=s5]').click();
      await previewShows(page, 'Event_s5', 'Task_s6', 'EndEvent_s5', 'Event_s7');
      await screenshot(page, `builder-escalate-${language}`);
      await page.locator('[data-step=s7] .builder-card-delete').click();
      await expect.poll(() => page.locator('[data-step=s7]').count()).toBe(0);
      await page.locator('[name=comment]').fill('Kirim lewat SMS');
      await page.locator('button[name=save]').click();
      await expect
        .poll(() => page.locator('.builder-status .builder-ok').textContent())
        .toBe(t.saved.replace('{{id}}', modelId).replace('{{version}}', '2'));
      const second = await owner.get<{ content: string }>(`/api/designer/models/${modelId}/versions/2`);
      expect(decompile(second.body.content)?.steps.map((step) => step.kind)).toEqual([
        'approval',
        'escalate',
        'notify',
        'condition',
      ]);
      expect(second.body.content).not.toContain('Event_s7');
      await page.locator('button[name=save]').click();
      await expect.poll(() => page.locator('.builder-status').textContent()).toBe(t.unchanged);

      await page.locator('button[name=openInModeler]').click();
      await page.waitForURL(`**/#/processes/${modelId}`);
      await page.context().close();
    });

    it(`a model not made by the builder, or changed in the modeler since, says so before opening (${language})`, async () => {
      const page = await s.page(language);
      await logIn(page, 'owner');
      await page.goto('/#/builder/cases-case-handling');
      await expect
        .poll(() => page.locator('.builder-notice p').first().textContent())
        .toBe(t.notBuilder.replace('{{id}}', 'cases-case-handling'));
      await screenshot(page, `builder-foreign-${language}`);

      // A builder model changed in the modeler since: the builder warns before dropping that change.
      const owner = s.p.as('owner');
      const latest = await owner.get<{ content: string }>(`/api/designer/models/${modelId}/versions/2`);
      const edited = latest.body.content.replace('name="Beri tahu nasabah"', 'name="Kirim SMS ke nasabah"');
      const saved = await owner.post(`/api/designer/models/${modelId}/versions`, {
        content: edited,
        comment: 'Diubah di modeler',
      });
      expect(saved.status).toBe(201);
      await page.goto(`/#/builder/${modelId}`);
      await expect
        .poll(() => page.locator('.builder-notice p').first().textContent())
        .toBe(t.changedInModeler.replace('{{id}}', modelId));
      await screenshot(page, `builder-changed-${language}`);
      await page.getByRole('button', { name: t.openAnyway }).click();
      await page.locator('[data-step=s5]').waitFor();
      await page.context().close();
    });
  }
});
