import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { builder } from '../../designer/src/i18n/builder.ts';
import { probe } from '../harness/engine-probe.ts';
import { describeInBrowser, logIn, screenshot } from './browser.ts';
import {
  append,
  createModel,
  fillTemplateField,
  lintErrors,
  nameSelected,
  saveVersion,
  selectShape,
  shape,
} from './modeler-steps.ts';

/**
 * Issue 9's story in one chain, through the real UI: an owner draws a process with a template
 * step, a second owner approves its deploy, the owner runs an instance through an incident to
 * its end, then builds a second process in the simple builder and sees it running.
 */
const MODEL = 'cases-uji-perjalanan';
const CHECK_JOB = 'e2e.journey.periksa';
const BUILT = 'cases-uji-pembuat';
const t = builder.id;

/** An element on the operations screen's diagram, with a marker class when given. */
const opShape = (page: Page, elementId: string, marker = '') =>
  page.locator(`.op-diagram g.djs-element[data-element-id="${elementId}"]${marker ? `.${marker}` : ''}`);

describeInBrowser('issue 9 end to end in Chromium', { processes: true }, (s) => {
  let notifyTask = '';
  let checkTask = '';
  let customerId = '';
  let instanceKey = '';

  beforeAll(async () => {
    const created = await s.p.as('agent1').post<{ id: string }>('/api/customers', {
      fullName: 'Rahmat Hidayat Lubis',
      nik: '1271011203850007',
      segment: 'mass',
      branchCode: 'MDN-KC',
      email: 'rahmat.lubis@example.co.id',
    });
    expect(created.status).toBe(201);
    customerId = created.body.id;
  }, 300_000);

  const as = async (user: string): Promise<Page> => {
    const page = await s.page('id');
    await logIn(page, user);
    return page;
  };

  /** The second owner approves the pending request of `model`; the deployed version shows. */
  const approve = async (model: string, version: string) => {
    const page = await as('owner2');
    await page.goto(`/#/processes/${model}/requests`);
    await page.locator('.deploy-request.state-pending button[name=approve]').click();
    await page.locator('.decision input[name=decision-comment]').fill('Sudah ditinjau');
    await page.locator('.decision button[name=confirm]').click();
    await page.locator('.deploy-request.state-deployed').waitFor();
    await expect.poll(() => page.locator('[data-testid=deployed-version]').textContent()).toBe(version);
    return page;
  };

  /** Starts `processId` from the operations screen with `variables`; answers the instance key. */
  const startFromUi = async (page: Page, processId: string, variables: Record<string, unknown>) => {
    await page.goto('/#/operations/instances');
    await page.getByRole('button', { name: 'Mulai instans' }).click();
    const dialog = page.locator('dialog.dialog');
    await dialog.locator('select[name=processId]').selectOption(processId);
    await dialog.locator('textarea[name=variables]').fill(JSON.stringify(variables));
    await dialog.locator('button[type=submit]').click();
    const notice = page.locator('.op-notice');
    await notice.waitFor();
    const key = (await notice.locator('a').getAttribute('href'))?.split('/').pop() ?? '';
    expect(key).toMatch(/^\d{16}$/);
    return key;
  };

  it('1. an owner draws start → notify (template) → check → end, lint-clean, saves and requests a deploy', async () => {
    const page = await as('owner');
    await createModel(page, MODEL, 'bpmn', 'Uji perjalanan');
    await shape(page, 'Mulai').waitFor();

    await append(page, 'Mulai', 'append.append-task');
    await nameSelected(page, 'Beri tahu nasabah');
    await page.locator('.bpmn-properties .bio-properties-panel-select-template-button').click();
    await page.locator('.djs-popup-search input').fill('notifikasi');
    await page.locator('.djs-popup .entry', { hasText: 'Kirim notifikasi ke nasabah' }).click();
    await expect
      .poll(() => page.locator('.bpmn-properties .bio-properties-panel-header-type').textContent())
      .toContain('Kirim notifikasi ke nasabah');
    await fillTemplateField(page, 'pesan', 'case.resolved');
    notifyTask =
      (await page.locator('.bpmn-canvas .djs-shape.selected').getAttribute('data-element-id')) ?? '';
    await screenshot(page, 'journey-1-template-id');

    // A plain task turned into a service task of a job type no worker handles: the test drives it.
    checkTask = await append(page, notifyTask, 'append.append-task');
    await selectShape(page, checkTask);
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    await page.locator('.djs-popup [data-id="replace-with-service-task"]').click();
    await expect.poll(() => shape(page, checkTask).count()).toBe(1);
    await nameSelected(page, 'Periksa data');
    const type = page.locator('.bpmn-properties #bio-properties-panel-taskDefinitionType');
    if (!(await type.isVisible()))
      await page
        .locator('.bpmn-properties [data-group-id="group-taskDefinition"] .bio-properties-panel-group-header')
        .click();
    await type.fill(CHECK_JOB);
    await type.press('Tab');

    await append(page, checkTask, 'append.end-event');
    await nameSelected(page, 'Selesai');
    await expect.poll(() => lintErrors(page)).toBe('0 galat');
    await screenshot(page, 'journey-1-drawn-id');

    await saveVersion(page, 'Notifikasi lalu pemeriksaan');
    await expect.poll(() => page.locator('button[name=request-deploy]').isDisabled()).toBe(false);
    await page.locator('button[name=request-deploy]').click();
    await page.locator('.version-form input[name=comment]').fill('Mohon ditinjau');
    await page.locator('.version-form button[name=confirm]').click();
    await page.locator('.editor-toolbar [role=status]').waitFor();
    await page.goto(`/#/processes/${MODEL}/requests`);
    await page.locator('.deploy-request.state-pending').waitFor();
    await screenshot(page, 'journey-1-requested-id');

    const version = await s.p
      .as('owner')
      .get<{ content: string }>(`/api/designer/models/${MODEL}/versions/2`);
    expect(version.body.content).toContain('zeebe:modelerTemplate="crm.notifications.send"');
    expect(version.body.content).toContain(`<zeebe:taskDefinition type="${CHECK_JOB}"`);
    await page.context().close();
  }, 180_000);

  it('2. a second owner approves the request and the deployed version shows', async () => {
    const page = await approve(MODEL, 'Terpasang v2');
    await screenshot(page, 'journey-2-deployed-id');
    await page.context().close();
  }, 120_000);

  it('3. the owner starts it from operations and follows it through an incident, a retry and to its end', async () => {
    const page = await as('owner');
    instanceKey = await startFromUi(page, MODEL, { customerId });
    await screenshot(page, 'journey-3-started-id');

    await page.goto(`/#/operations/instance/${instanceKey}`);
    // The template step ran the real notification worker (an e-mail to the customer) first.
    await opShape(page, checkTask, 'op-active').waitFor({ timeout: 30_000 });
    await opShape(page, notifyTask, 'op-completed').waitFor();
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await screenshot(page, 'journey-3-active-id');

    const [job] = await probe(s.p).jobs(CHECK_JOB, instanceKey, 5_000);
    if (!job) throw new Error('the check task has no job');
    await s.p.zeebe.failJob({
      jobKey: job.key,
      retries: 0,
      errorMessage: 'Layanan inti tidak menjawab (uji perjalanan)',
      retryBackOff: 0,
    });
    await opShape(page, checkTask, 'op-incident').waitFor();
    const incident = page.locator('.op-incidents li[data-state="ACTIVE"]');
    await incident.waitFor();
    expect(await incident.locator('.op-incident-message').textContent()).toBe(
      'Layanan inti tidak menjawab (uji perjalanan)',
    );
    await screenshot(page, 'journey-3-incident-id');

    await incident.getByRole('button', { name: 'Coba lagi' }).click();
    await page.getByRole('status').filter({ hasText: 'Insiden dicoba lagi' }).waitFor();
    await opShape(page, checkTask, 'op-active').waitFor();
    await screenshot(page, 'journey-3-retried-id');

    const [again] = await probe(s.p).jobs(CHECK_JOB, instanceKey, 5_000);
    if (!again) throw new Error('the retried job was not activatable again');
    await s.p.zeebe.completeJob({ jobKey: again.key, variables: { hasilPeriksa: 'lengkap' } });
    await page.locator('.op-instance[data-state="COMPLETED"]').waitFor();
    await opShape(page, checkTask, 'op-completed').waitFor();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    await screenshot(page, 'journey-3-completed-id');
    await page.context().close();
  }, 180_000);

  it('4. the owner builds a flow in the simple builder, has its deploy approved, starts it and sees its first step active', async () => {
    const page = await as('owner');
    await page.locator('.topbar nav a', { hasText: 'Pembuat sederhana' }).click();
    await expect.poll(() => page.locator('.builder-screen h1').textContent()).toBe(t.title);
    await page.locator('[name=processName]').fill('Uji pembuat perjalanan');
    await page.locator('[name=processId]').fill(BUILT);
    await page.locator('button[data-edge="e-start-end"]').click();
    await page.getByRole('menuitem', { name: t.kinds.approval, exact: true }).click();
    await page.locator('.builder-panel [name="name"]').fill('Setujui permintaan');
    await page.locator('.builder-panel [name="candidateGroup"]').fill('supervisor');
    await page.locator('.builder-preview-canvas[data-shown=current]').waitFor();
    await page.locator('.builder-preview [data-element-id="Task_s1"]').waitFor();
    await expect.poll(() => page.locator('.builder-status .builder-error').count()).toBe(0);
    await screenshot(page, 'journey-4-built-id');
    await page.locator('button[name=save]').click();
    await page.waitForURL(`**/#/builder/${BUILT}`);
    await expect
      .poll(() => page.locator('.builder-status .builder-ok').textContent())
      .toBe(t.saved.replace('{{id}}', BUILT).replace('{{version}}', '1'));

    // The builder saved a model of the repository: its deploy is requested from the modeler.
    await page.locator('button[name=openInModeler]').click();
    await page.waitForURL(`**/#/processes/${BUILT}`);
    await expect.poll(() => page.locator('button[name=request-deploy]').isDisabled()).toBe(false);
    await page.locator('button[name=request-deploy]').click();
    await page.locator('.version-form input[name=comment]').fill('Dari pembuat sederhana');
    await page.locator('.version-form button[name=confirm]').click();
    await page.locator('.editor-toolbar [role=status]').waitFor();
    await screenshot(page, 'journey-4-requested-id');

    const approver = await approve(BUILT, 'Terpasang v1');
    await screenshot(approver, 'journey-4-deployed-id');
    await approver.context().close();

    const key = await startFromUi(page, BUILT, { jumlah: 5000000 });
    await page.goto(`/#/operations/instance/${key}`);
    await opShape(page, 'Task_s1', 'op-active').waitFor();
    await page.locator('.op-instance[data-state="ACTIVE"]').waitFor();
    await screenshot(page, 'journey-4-running-id');
    await page.context().close();
  }, 180_000);
});
