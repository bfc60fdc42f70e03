import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { probe } from '../harness/engine-probe.ts';
import { describeInBrowser, logIn, screenshot } from './browser.ts';
import { CHECK_JOB_TYPE, OPS_PROCESS, OPS_PROCESS_ID } from './operations.fixture.ts';

/** The shape of one element on the bpmn-js canvas, with a marker class when given. */
const shape = (page: Page, elementId: string, marker = '') =>
  page.locator(`.op-diagram g.djs-element[data-element-id="${elementId}"]${marker ? `.${marker}` : ''}`);

const POLL = { timeout: 15_000, interval: 250 };

describeInBrowser('operations screens in Chromium', {}, (s) => {
  let definitionKey: string;

  /** Deploys the process through the SDK, as Desktop Modeler would; answers its definition key. */
  const deploy = async (xml: string) => {
    const deployment = await s.p.zeebe.deployResources([
      { name: `${OPS_PROCESS_ID}.bpmn`, process: Buffer.from(xml) },
    ]);
    const [deployed] = deployment.deployments as { process?: { processDefinitionKey: string } }[];
    if (!deployed?.process) throw new Error('the test process did not deploy');
    return String(deployed.process.processDefinitionKey);
  };

  const startByApi = async (variables: Record<string, unknown>) => {
    const started = await s.p
      .as('owner')
      .post<{ processInstanceKey: string }>(`/api/operations/processes/${OPS_PROCESS_ID}/instances`, {
        variables,
      });
    expect(started.status).toBe(201);
    return started.body.processInstanceKey;
  };

  beforeAll(async () => {
    definitionKey = await deploy(OPS_PROCESS);
  }, 180_000);

  it('a process owner starts an instance, finds it by two variables, and watches it through an incident, a retry and onwards (id)', async () => {
    const other = await startByApi({ segmen: 'perak', cabang: 'MDN-KC' });
    const page = await s.page('id');
    await logIn(page, 'owner');

    await page.goto('/#/operations');
    const card = page.locator(`article[data-process-id="${OPS_PROCESS_ID}"]`);
    await card.waitFor();
    expect(await card.locator('h2').textContent()).toBe('Uji tinjauan data');
    await expect.poll(() => card.locator('tr[data-version="1"] .op-count').textContent(), POLL).toBe('1');
    await screenshot(page, 'operations-processes-id');

    // Start from the UI, with variables as JSON; broken JSON is refused before sending.
    await page.goto('/#/operations/instances');
    await page.getByRole('button', { name: 'Mulai instans' }).click();
    const dialog = page.locator('dialog.dialog');
    await dialog.locator('select[name=processId]').selectOption(OPS_PROCESS_ID);
    await dialog.locator('textarea[name=variables]').fill('{ "segmen": emas }');
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toContain('Bukan JSON yang sah');
    expect(await dialog.locator('button[type=submit]').isDisabled()).toBe(true);
    await dialog
      .locator('textarea[name=variables]')
      .fill('{ "segmen": "emas", "cabang": "MDN-KC", "jumlah": 5000000 }');
    await screenshot(page, 'operations-start-dialog-id');
    await dialog.locator('button[type=submit]').click();
    const notice = page.locator('.op-notice');
    await notice.waitFor();
    const key = (await notice.locator('a').getAttribute('href'))?.split('/').pop() ?? '';
    expect(key).toMatch(/^\d{16}$/);
    expect(await notice.textContent()).toContain(`Instans ${key} sudah dimulai.`);

    // Both instances share the branch; only one is gold.
    await page.getByRole('button', { name: '+ Tambah variabel' }).click();
    await page.getByRole('button', { name: '+ Tambah variabel' }).click();
    await page.locator('input[name=variable-name-0]').fill('cabang');
    await page.locator('input[name=variable-value-0]').fill('MDN-KC');
    await page.locator('input[name=variable-name-1]').fill('segmen');
    await page.locator('input[name=variable-value-1]').fill('emas');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await expect
      .poll(
        () =>
          page.locator('tr[data-instance-key]').evaluateAll((rows) => rows.map((r) => r.dataset.instanceKey)),
        POLL,
      )
      .toEqual([key]);
    expect(await page.locator(`tr[data-instance-key="${other}"]`).count()).toBe(0);
    await screenshot(page, 'operations-instances-filtered-id');

    // Open it: the service task holds the token.
    await page.locator(`tr[data-instance-key="${key}"] a`).click();
    await shape(page, 'periksa', 'op-active').waitFor();
    await shape(page, 'mulai', 'op-completed').waitFor();
    expect(await page.locator('tr[data-variable="segmen"] .op-value').textContent()).toBe('"emas"');
    expect(await page.locator('.op-instance .op-live').textContent()).toBe('Diperbarui setiap 2 detik');
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await screenshot(page, 'operations-instance-active-id');

    // The job fails with no retries left: an incident, marked on the diagram without reload.
    const [job] = await probe(s.p).jobs(CHECK_JOB_TYPE, key, 5_000);
    if (!job) throw new Error('the service task has no job');
    await s.p.zeebe.failJob({
      jobKey: job.key,
      retries: 0,
      errorMessage: 'Layanan inti tidak menjawab (uji)',
      retryBackOff: 0,
    });
    await shape(page, 'periksa', 'op-incident').waitFor();
    await page.locator('.op-badge-incident[data-element-id="periksa"]').waitFor();
    const incident = page.locator('.op-incidents li[data-state="ACTIVE"]');
    expect(await incident.locator('.op-incident-message').textContent()).toBe(
      'Layanan inti tidak menjawab (uji)',
    );
    expect(await incident.textContent()).toContain('Percobaan pekerjaan habis');
    await screenshot(page, 'operations-instance-incident-id');

    await incident.getByRole('button', { name: 'Coba lagi' }).click();
    await page.getByRole('status').filter({ hasText: 'Insiden dicoba lagi' }).waitFor();
    await shape(page, 'periksa', 'op-active').waitFor();
    expect(await shape(page, 'periksa', 'op-incident').count()).toBe(0);
    expect(await page.locator('.op-incidents li[data-state="RESOLVED"]').count()).toBe(1);
    await screenshot(page, 'operations-instance-retried-id');

    // The worker's job comes back and completes: the token moves on to the user task.
    const [again] = await probe(s.p).jobs(CHECK_JOB_TYPE, key, 5_000);
    if (!again) throw new Error('the retried job was not activatable again');
    await s.p.zeebe.completeJob({ jobKey: again.key, variables: { hasilPeriksa: 'lengkap' } });
    await shape(page, 'tinjau', 'op-active').waitFor();
    await shape(page, 'periksa', 'op-completed').waitFor();
    await page.locator('tr[data-variable="hasilPeriksa"]').waitFor();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    await screenshot(page, 'operations-instance-moved-id');

    await page.getByRole('link', { name: 'Peta panas' }).click();
    await page.locator('.op-heat-box[data-element-id="periksa"]').waitFor();
    await screenshot(page, 'operations-heatmap-id');
    await page.context().close();
  });

  it('a process owner cancels an instance after confirming it, is refused a personal-data filter, and reads the heatmap (en)', async () => {
    const key = await startByApi({ segmen: 'perunggu', cabang: 'MDN-KC' });
    const page = await s.page('en');
    await logIn(page, 'owner');

    await page.goto('/#/operations');
    await page.locator(`article[data-process-id="${OPS_PROCESS_ID}"]`).waitFor();
    await screenshot(page, 'operations-processes-en');

    await page.goto(`/#/operations/instances/${OPS_PROCESS_ID}`);
    await page.locator(`tr[data-instance-key="${key}"]`).waitFor();
    await screenshot(page, 'operations-instances-en');

    // Days are Jakarta days, typed dd/mm/yyyy: the day it started finds it, the next day does not.
    const { body: instance } = await s.p
      .as('owner')
      .get<{ startDate: string }>(`/v2/process-instances/${key}`);
    const jakartaDay = (offsetDays: number) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta' }).format(
        new Date(Date.parse(instance.startDate) + offsetDays * 86_400_000),
      );
    await page.locator('input[name=from]').fill(jakartaDay(0));
    await page.locator('input[name=to]').fill(jakartaDay(0));
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.locator(`tr[data-instance-key="${key}"]`).waitFor();
    await page.locator('input[name=from]').fill(jakartaDay(1));
    await page.locator('input[name=to]').fill('');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('No instance matches these filters.', { exact: false }).waitFor();
    await screenshot(page, 'operations-instances-empty-en');
    await page.locator('input[name=from]').fill('31/02/2025');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('alert').filter({ hasText: 'Unknown date' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.locator(`tr[data-instance-key="${key}"]`).waitFor();

    // A masked field cannot be probed value by value: the server says so, and the screen shows it.
    await page.getByRole('button', { name: '+ Add variable' }).click();
    await page.locator('input[name=variable-name-0]').fill('nik');
    await page.locator('input[name=variable-value-0]').fill('3201234567890001');
    await page.getByRole('button', { name: 'Apply' }).click();
    const refusal = page.locator('.op-page > [role=alert]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('would reveal personal data');
    expect(await refusal.textContent()).toContain('PERSONAL_DATA_QUERY');
    await screenshot(page, 'operations-instances-personal-refused-en');

    await page.goto(`/#/operations/instance/${key}`);
    await shape(page, 'periksa', 'op-active').waitFor();
    await page.getByRole('button', { name: 'Cancel instance' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this instance?' });
    await dialog.waitFor();
    await screenshot(page, 'operations-cancel-confirm-en');
    await dialog.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.locator('.op-instance[data-state="TERMINATED"]').waitFor();
    await page.getByRole('status').filter({ hasText: 'The instance was cancelled.' }).waitFor();
    await shape(page, 'periksa', 'op-terminated').waitFor();
    expect(await page.getByRole('button', { name: 'Cancel instance' }).count()).toBe(0);
    await screenshot(page, 'operations-instance-cancelled-en');

    await page.goto(`/#/operations/heatmap/${definitionKey}`);
    const row = page.locator('.op-heat-table tr[data-element-id="periksa"]');
    await row.waitFor();
    expect(await row.locator('td').first().textContent()).toContain('Periksa data');
    await page.locator('.op-heat-box[data-element-id="mulai"]').waitFor();
    await screenshot(page, 'operations-heatmap-en');
    await page.context().close();
  });

  it('compliance reads an instance stuck on an incident but is offered no start, retry or cancel (id)', async () => {
    const key = await startByApi({ segmen: 'emas', cabang: 'PDG-KC' });
    const [job] = await probe(s.p).jobs(CHECK_JOB_TYPE, key, 5_000);
    if (!job) throw new Error('the service task has no job');
    await s.p.zeebe.failJob({
      jobKey: job.key,
      retries: 0,
      errorMessage: 'Batas waktu habis',
      retryBackOff: 0,
    });

    const page = await s.page('id');
    await logIn(page, 'compliance1');
    await page.goto('/#/operations/instances');
    await page.locator(`tr[data-instance-key="${key}"]`).waitFor();
    expect(await page.getByRole('button', { name: 'Mulai instans' }).count()).toBe(0);
    await page.goto(`/#/operations/instance/${key}`);
    await shape(page, 'periksa', 'op-incident').waitFor();
    await page.locator('.op-incidents li[data-state="ACTIVE"]').waitFor();
    expect(await page.locator('.op-instance').getAttribute('data-state')).toBe('ACTIVE');
    expect(await page.getByRole('button', { name: 'Batalkan instans' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Coba lagi' }).count()).toBe(0);
    await screenshot(page, 'operations-instance-compliance-id');
    await page.context().close();
  });

  it('a process version without instances says how to fill its heatmap (en)', async () => {
    const version2 = await deploy(OPS_PROCESS.replace('Periksa data', 'Periksa data lagi'));
    const page = await s.page('en');
    await logIn(page, 'supervisor1');
    await page.goto(`/#/operations/heatmap/${version2}`);
    await page.locator('.empty-note').waitFor();
    expect(await page.locator('.empty-note').textContent()).toContain('Start an instance to fill it');
    await page.locator('.op-diagram[data-imported="true"]').waitFor();
    await screenshot(page, 'operations-heatmap-empty-en');
    await page.context().close();
  });
});
