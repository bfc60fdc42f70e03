import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { TestPlatform } from '../harness/create-platform.ts';
import { describeInBrowser, screenshot } from './browser.ts';

/**
 * The cases console in Chromium with the shipped case-handling process: an agent logs a HIGH
 * complaint through the form and comments on it; two quiet hours later the supervisor finds it
 * escalated and reassigns it; an agent never sees the supervisor's actions.
 */
const POLL = { timeout: 30_000, interval: 300 };
const HOUR = 3_600_000;

interface CaseView {
  id: string;
  number: string;
  queue: string | null;
  assignee: string | null;
  slaState: string | null;
  escalationLevel: number;
  escalatedTo: string | null;
  timeline: { kind: string; actor: string; detail: Record<string, unknown> }[];
}

/** Until the engine has every command the platform wrote (seam 7) and has acted on it. */
async function quiet(p: TestPlatform): Promise<void> {
  await expect.poll(async () => (await p.platform.context.engineOutbox.pending()).length, POLL).toBe(0);
  await new Promise((resolve) => setTimeout(resolve, 400));
  await p.platform.engineSettled?.();
}

const DESCRIPTION = 'Petugas call centre tidak menindaklanjuti laporan pemblokiran kartu selama dua hari';

let customerId = '';
let caseId = '';

describeInBrowser(
  'the cases console in Chromium',
  { processes: true },
  (s) => {
    const read = async (id: string) => (await s.p.as('supervisor1').get<CaseView>(`/api/cases/${id}`)).body;
    const row = (page: Page, id: string) => page.locator(`tr[data-case-id="${id}"]`);

    it('an agent logs a HIGH complaint through the form, finds it in its queue with an SLA badge, and comments on it (id)', async () => {
      const page = await s.page('id', 'agent1');
      await page.goto('/#/cases/new');
      await page.getByRole('heading', { name: 'Catat pengaduan' }).waitFor();

      // Nothing chosen yet: the form names the missing fields instead of sending.
      await page.locator('form.cs-form button[type=submit]').click();
      await page.locator('[data-field-error=description]').waitFor();
      expect(await page.locator('#cs-customer-hint').textContent()).toBe('Pilih nasabah terlebih dahulu.');
      expect(await page.locator('[data-field-error=category]').textContent()).toBe('Wajib diisi.');

      await page.locator('input[name=customerSearch]').fill('Sitorus');
      const hit = page.locator(`.cs-hits li[data-customer-id="${customerId}"]`);
      await hit.waitFor();
      // An agent sees the NIK masked, as the API answers it.
      expect(await hit.textContent()).not.toContain('1271014504880003');
      await hit.getByRole('button', { name: 'Pilih' }).click();
      await page.locator('select[name=channel]').selectOption('call-centre');
      await page.locator('select[name=category]').selectOption('SERVICE_QUALITY');
      await page.locator('select[name=severity]').selectOption('HIGH');
      await page.locator('input[name=form][value=verbal]').check();
      await page.locator('textarea[name=description]').fill(DESCRIPTION);
      await screenshot(page, 'cases-log-form-id');
      await page.locator('form.cs-form button[type=submit]').click();

      // The new case's page: routed by the process to the contact centre queue and assigned.
      await page.waitForURL(/#\/cases\/[0-9a-f-]{36}$/);
      caseId = decodeURIComponent(page.url().split('/').pop() as string);
      await expect
        .poll(() => page.locator('[data-field=queue]').textContent(), POLL)
        .toBe('Contact centre Medan');
      const routed = await read(caseId);
      expect(routed).toMatchObject({ queue: 'CC-MEDAN', escalationLevel: 0 });
      expect(['agent1', 'agent2']).toContain(routed.assignee);
      expect(await page.locator('[data-field=regulatory]').textContent()).toContain('sisa 5 hari kerja');

      // In the queue, with its number, the customer, priority and the SLA badge the API implies.
      await page.goto('/#/cases/queue/CC-MEDAN');
      const listed = row(page, caseId);
      await listed.waitFor();
      expect(await listed.locator('td').nth(0).textContent()).toBe(routed.number);
      expect(await listed.locator('td').nth(1).textContent()).toContain('Nur Aisyah Sitorus');
      expect(await listed.locator('[data-severity]').textContent()).toBe('Tinggi');
      const badge = listed.locator('[data-sla]');
      expect(await badge.getAttribute('data-sla')).toBe(routed.slaState);
      expect(['Tepat waktu', 'Mendekati SLA']).toContain(await badge.textContent());
      expect(await page.locator('.cs-queues a[aria-current=page] [data-count=open]').textContent()).toBe('1');
      await screenshot(page, 'cases-queue-list-id');

      // Open it and comment: the timeline shows it, and so does the API.
      await listed.locator('a.cs-number').click();
      await page.locator('textarea[name=comment]').fill('Nasabah sudah dihubungi, kartu diblokir ulang.');
      expect(await page.locator('#cs-comment-hint').textContent()).toContain('jam eskalasi 2 jam');
      await page.getByRole('button', { name: 'Tambah komentar' }).click();
      await page.locator('[role=status]').filter({ hasText: 'Komentar ditambahkan.' }).waitFor();
      const entry = page.locator('.cs-timeline li[data-kind=comment]').first();
      await entry.waitFor();
      expect(await entry.textContent()).toContain('Nasabah sudah dihubungi, kartu diblokir ulang.');
      const after = await read(caseId);
      expect(after.timeline.filter((e) => e.kind === 'comment')).toEqual([
        expect.objectContaining({
          actor: 'agent1',
          detail: { text: 'Nasabah sudah dihubungi, kartu diblokir ulang.' },
        }),
      ]);
      await screenshot(page, 'cases-case-id');
      await page.context().close();
      await quiet(s.p);
    });

    it('two hours without an update escalate the case to the supervisor, who reassigns it from the escalation view (id, en)', async () => {
      const before = await read(caseId);
      s.p.clock.advance(2 * HOUR + 60_000);
      await s.p.platform.engineSettled?.();
      await expect.poll(async () => (await read(caseId)).escalationLevel, POLL).toBe(1);

      const page = await s.page('id', 'supervisor1');
      await page.goto('/#/cases/escalations');
      const escalated = row(page, caseId);
      await expect
        .poll(async () => {
          await page.getByRole('button', { name: 'Muat ulang' }).click();
          return escalated.count();
        }, POLL)
        .toBe(1);
      expect(await escalated.locator('[data-escalation]').textContent()).toBe('Eskalasi 1');
      await screenshot(page, 'cases-escalations-id');

      const other = before.assignee === 'agent2' ? 'agent1' : 'agent2';
      await escalated.locator('button[data-action=reassign]').click();
      const dialog = page.locator('dialog.dialog');
      await dialog.locator('select[name=assignee]').selectOption(other);
      await dialog.getByRole('button', { name: 'Simpan' }).click();
      await dialog.waitFor({ state: 'detached' });
      const names: Record<string, string> = { agent1: 'Putri Simanjuntak', agent2: 'Bayu Tarigan' };
      await expect.poll(() => escalated.locator('td').nth(5).textContent(), POLL).toBe(names[other]);
      expect(
        await escalated.locator('td').nth(5).locator('[data-username]').getAttribute('data-username'),
      ).toBe(other);
      const moved = await read(caseId);
      expect(moved).toMatchObject({ assignee: other, escalatedTo: 'supervisor1' });
      expect(moved.timeline.at(-1)).toMatchObject({
        kind: 'assigned',
        actor: 'supervisor1',
        detail: { to: other },
      });

      // The case page tells the escalation on its timeline.
      await page.goto(`/#/cases/${caseId}`);
      const escalation = page.locator('.cs-timeline li[data-kind=escalation]');
      await escalation.waitFor();
      expect(await escalation.textContent()).toContain('Eskalasi tingkat 1 ke Lestari Ginting');
      await page.context().close();

      const en = await s.page('en', 'supervisor1');
      await en.goto('/#/cases/escalations');
      await row(en, caseId).waitFor();
      expect(await en.getByRole('heading', { level: 1 }).textContent()).toBe('Escalations');
      expect(await row(en, caseId).locator('[data-escalation]').textContent()).toBe('Escalation 1');
      await screenshot(en, 'cases-escalations-en');
      await en.goto(`/#/cases/${caseId}`);
      await en.locator('[data-section=manage]').waitFor();
      expect(await en.locator('.cs-timeline li[data-kind=escalation]').textContent()).toContain(
        'High priority with no update for 2 hours',
      );
      await screenshot(en, 'cases-case-supervisor-en');
      await en.context().close();
    });

    it('an agent does not see the supervisor’s actions, and the server refuses them anyway (en)', async () => {
      const page = await s.page('en', 'agent2');
      await page.goto('/#/cases');
      await row(page, caseId).waitFor();
      expect(await page.locator('.cs-tabs').textContent()).not.toContain('Escalations');
      expect(await row(page, caseId).locator('[data-sla]').textContent()).toMatch(/On time|SLA at risk/);
      await screenshot(page, 'cases-queue-list-en');

      await page.goto(`/#/cases/${caseId}`);
      await page.getByRole('button', { name: 'Add comment' }).waitFor();
      await page.locator('[data-section=task]').waitFor();
      expect(await page.getByRole('button', { name: 'Reassign' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Extend deadline' }).count()).toBe(0);
      expect(await page.locator('[data-section=manage]').count()).toBe(0);
      expect(await page.locator('a[data-link=customer]').getAttribute('href')).toBe(
        `#/customers/${customerId}`,
      );
      await screenshot(page, 'cases-case-en');

      await page.goto('/#/cases/escalations');
      expect(await page.getByRole('alert').textContent()).toBe('Your role cannot open this page.');
      const refused = await s.p.as('agent2').post(`/api/cases/${caseId}/reassign`, { assignee: 'agent1' });
      expect(refused.status).toBe(403);

      await page.goto('/#/cases/new');
      await page.getByRole('heading', { name: 'Log a complaint' }).waitFor();
      await page.locator('input[name=customerSearch]').fill('Sitorus');
      await page.locator(`.cs-hits li[data-customer-id="${customerId}"] button`).click();
      await page.locator('input[name=form][value=written]').check();
      await screenshot(page, 'cases-log-form-en');
      await page.context().close();
    });
  },
  async (p) => {
    const created = await p.as('agent1').post<{ id: string }>('/api/customers', {
      fullName: 'Nur Aisyah Sitorus',
      nik: '1271014504880003',
      segment: 'mass',
      branchCode: 'MDN-KC',
      phone: '081265430011',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    customerId = created.body.id;
  },
);
