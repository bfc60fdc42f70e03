import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { deploy, start, userTaskProcess } from '../../modules/tasks/test-fixtures.ts';
import type { TestPlatform } from '../harness/create-platform.ts';
import { describeInBrowser, screenshot } from './browser.ts';

const POLL = { timeout: 20_000, interval: 250 };
const HOUR = 3_600_000;
/** A plain user task for agents with a due date from a variable: SLA badges the clock cannot move. */
const FOLLOW_UP = 'tasks-uji-tindak-lanjut';
/** A decision kept from whoever submitted it (the `fourEyesWith` header names the variable). */
const DECISION = 'tasks-uji-empat-mata';

interface TaskView {
  key: string;
  state: string;
  assignee: string | null;
  candidateGroups: string[];
  completedBy: string | null;
  processInstanceKey: string;
}
interface CaseView {
  id: string;
  number: string;
  status: string;
  rootCause: string | null;
}

let customerId = '';

async function setup(p: TestPlatform) {
  const created = await p.as('agent1').post<{ id: string }>('/api/customers', {
    fullName: 'Rahmat Hidayat Lubis',
    nik: '1271011203850007',
    segment: 'mass',
    branchCode: 'MDN-KC',
    email: 'rahmat.lubis@example.co.id',
  });
  expect(created.status).toBe(201);
  customerId = created.body.id;
  await deploy(p, {
    [FOLLOW_UP]: userTaskProcess(FOLLOW_UP, {
      name: 'Hubungi nasabah kembali',
      candidateGroups: 'agent',
      dueDate: '=dueDate',
    }),
    [DECISION]: userTaskProcess(DECISION, {
      name: 'Putuskan pengecualian biaya',
      candidateGroups: 'agent',
      headers: { fourEyesWith: 'submittedBy' },
    }),
  });
}

describeInBrowser(
  'task list in Chromium',
  { processes: true },
  (s) => {
    /** Logs a complaint as agent1: the shipped case-handling process gives its handling task to MDN-CC. */
    const logCase = async (description: string) => {
      const created = await s.p.as('agent1').post<CaseView>('/api/cases', {
        customerId,
        channel: 'call-centre',
        category: 'SERVICE_QUALITY',
        severity: 'HIGH',
        form: 'verbal',
        description,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body;
    };
    const taskOfCase = (caseId: string) =>
      expect
        .poll(async () => {
          const all = await s.p
            .as('supervisor1')
            .get<{ items: TaskView[] }>(`/api/tasks?variables=caseId:${caseId}`);
          return all.body.items[0];
        }, POLL)
        .toBeDefined()
        .then(async () => {
          const all = await s.p
            .as('supervisor1')
            .get<{ items: TaskView[] }>(`/api/tasks?variables=caseId:${caseId}`);
          return all.body.items[0] as TaskView;
        });
    const readTask = async (key: string) =>
      (await s.p.as('supervisor1').get<TaskView>(`/api/tasks/${key}`)).body;
    const followUp = async (caseNumber: string, dueInMs: number) => {
      const instance = await start(s.p, FOLLOW_UP, {
        caseNumber,
        customerName: 'Rahmat Hidayat Lubis',
        dueDate: new Date(Date.now() + dueInMs).toISOString(),
      });
      let key = '';
      await expect
        .poll(async () => {
          const all = await s.p
            .as('supervisor1')
            .get<{ items: TaskView[] }>(`/api/tasks?processId=${FOLLOW_UP}`);
          key = all.body.items.find((t) => t.processInstanceKey === instance)?.key ?? '';
          return key;
        }, POLL)
        .not.toBe('');
      return { instance, key };
    };
    const row = (page: Page, key: string) => page.locator(`tr[data-task-key="${key}"]`);

    it('an agent finds an unassigned complaint with its SLA, claims it, resolves it through its form, and the case is resolved (id)', async () => {
      const overdue = await followUp('KLH-UJI-LEWAT', -HOUR);
      const complaint = await logCase('Petugas teller tidak ramah dan antrean sangat lama');
      const task = await taskOfCase(complaint.id);
      expect(task.candidateGroups).toEqual(['MDN-CC']);
      // The queue assigned it to a member; the supervisor frees it so the agent claims it.
      if (task.assignee)
        expect(
          (await s.p.as('supervisor1').post(`/api/tasks/${task.key}/assign`, { assignee: null })).status,
        ).toBe(200);

      const page = await s.page('id', 'agent1');
      await page.goto('/#/tasks/unassigned');
      await row(page, task.key).waitFor();
      expect(await page.locator('h1').textContent()).toBe('Belum ditugaskan');
      expect(await page.locator('.tk-tabs [aria-current=page]').textContent()).toBe('Belum ditugaskan');
      expect(await row(page, task.key).locator('[data-context=case] dd').textContent()).toBe(
        complaint.number,
      );
      expect(await row(page, task.key).locator('.tk-name').textContent()).toBe('Tangani keluhan');
      expect(await row(page, task.key).locator('[data-priority]').textContent()).toBe('Tinggi (75)');
      expect(await row(page, task.key).locator('.tk-due .badge').count()).toBe(1);
      const late = row(page, overdue.key);
      expect(await late.getAttribute('data-sla')).toBe('overdue');
      expect(await late.locator('.badge.danger').textContent()).toBe('Lewat SLA');
      expect(await late.locator('[data-context=customer] dd').textContent()).toBe('Rahmat Hidayat Lubis');
      await screenshot(page, 'tasks-list-id');

      // Search by the case number: only that task is left.
      await page.locator('input[name=search]').fill(complaint.number);
      await page.getByRole('button', { name: 'Terapkan' }).click();
      await expect.poll(() => page.locator('tr[data-task-key]').count(), POLL).toBe(1);
      await page.locator('select[name=due]').selectOption('overdue');
      await page.locator('[data-empty]').waitFor();
      expect(await page.locator('[data-empty]').textContent()).toBe(
        'Tidak ada tugas yang cocok dengan saringan ini.',
      );
      await page.getByRole('button', { name: 'Hapus saringan' }).click();
      await row(page, overdue.key).waitFor();

      // Open it: read-only until claimed.
      await row(page, task.key).locator('.tk-name').click();
      await page.locator(`.tk-task[data-task-key="${task.key}"]`).waitFor();
      expect(await page.locator('.tk-status').textContent()).toBe(
        'Klaim tugas ini untuk mengisi dan menyelesaikannya.',
      );
      await page.locator('.fjs-form').waitFor();
      expect(await page.locator('.tk-form').getAttribute('data-readonly')).toBe('true');
      expect(await page.locator('button[name=complete]').count()).toBe(0);
      await page.getByRole('button', { name: 'Klaim' }).click();
      await expect
        .poll(() => page.locator('.tk-notice').textContent(), POLL)
        .toBe('Tugas ini sekarang milik Anda.');
      expect((await readTask(task.key)).assignee).toBe('agent1');
      await expect.poll(() => page.locator('.tk-form').getAttribute('data-readonly'), POLL).toBe('false');
      expect(
        await page
          .locator('.fjs-form input[id$=caseNumber], .fjs-form-field-textfield input')
          .first()
          .inputValue(),
      ).toBe(complaint.number);

      // form-js checks first, in Indonesian, at the field and in the summary.
      await screenshot(page, 'tasks-task-claimed-id');
      await page.locator('button[name=complete]').click();
      const summary = page.locator('.tk-field-problems[data-source=form]');
      await summary.waitFor();
      expect(await summary.textContent()).toContain('Penyelesaian: Wajib diisi.');
      expect(await summary.textContent()).toContain('Akar masalah: Wajib diisi.');
      expect(await page.locator('.fjs-form-field-error').first().textContent()).toContain('Wajib diisi.');
      await page.getByLabel('Penyelesaian').fill('Oke');
      await page.locator('button[name=complete]').click();
      await expect.poll(() => summary.textContent(), POLL).toContain('Penyelesaian: Minimal 5 karakter.');
      // The summary follows the form: a fixed field leaves it.
      await page.locator('.fjs-form-field-select .fjs-input-group').click();
      await page.locator('.fjs-dropdownlist-item', { hasText: 'Gangguan sistem' }).click();
      await expect.poll(() => summary.textContent(), POLL).not.toContain('Akar masalah');

      await page
        .getByLabel('Penyelesaian')
        .fill('Kami sudah menegur petugas dan menambah loket pada jam sibuk.');
      await page.locator('.fjs-form-field-select .fjs-input-group').click();
      await page.locator('.fjs-dropdownlist-item', { hasText: 'Kelemahan prosedur' }).click();
      await expect.poll(() => summary.count(), POLL).toBe(0);
      await screenshot(page, 'tasks-task-id');
      await page.locator('button[name=complete]').click();

      // Back on the list it came from, with the news; the task is gone and the case resolved.
      await page.locator('[data-notice=completed]').waitFor();
      expect(await page.locator('[data-notice=completed]').textContent()).toBe(
        'Tugas "Tangani keluhan" selesai dan sudah keluar dari daftar.',
      );
      expect(page.url()).toMatch(/#\/tasks\/unassigned$/);
      await row(page, overdue.key).waitFor();
      expect(await row(page, task.key).count()).toBe(0);
      expect((await readTask(task.key)).state).toBe('COMPLETED');
      await expect
        .poll(
          async () => (await s.p.as('supervisor1').get<CaseView>(`/api/cases/${complaint.id}`)).body.status,
          POLL,
        )
        .toBe('RESOLVED');
      expect((await s.p.as('supervisor1').get<CaseView>(`/api/cases/${complaint.id}`)).body.rootCause).toBe(
        'PROCESS_GAP',
      );
      await page.context().close();
    });

    it('a task arriving while the list is open appears without a reload, marked new, and its form speaks English (en)', async () => {
      const page = await s.page('en', 'agent1');
      await page.goto('/#/tasks/groups');
      await page.locator('.tk-page[data-view=groups]').waitFor();
      expect(await page.locator('h1').textContent()).toBe('Group tasks');
      await expect
        .poll(() => page.locator('.tk-live').textContent(), POLL)
        .toBe('Refreshes itself every 3 seconds');
      await page.evaluate(() => {
        (window as unknown as { notReloaded: boolean }).notReloaded = true;
      });
      const complaint = await logCase('Customer service did not call back as promised');
      const task = await taskOfCase(complaint.id);
      await row(page, task.key).waitFor({ timeout: 20_000 });
      expect(await row(page, task.key).getAttribute('data-new')).toBe('true');
      expect(await row(page, task.key).locator('.tk-new-badge').textContent()).toBe('New');
      expect(await page.locator('.tk-live').textContent()).toBe('1 new task arrived');
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
        true,
      );
      expect(await row(page, task.key).locator('[data-context=case] dt').textContent()).toBe('Case');
      await screenshot(page, 'tasks-list-en');

      await row(page, task.key).locator('.tk-name').click();
      await page.locator('.fjs-form').waitFor();
      const labels = await page.locator('.fjs-form-field-label').allTextContents();
      expect(labels.map((l) => l.replace(/\*$/, '').trim())).toEqual(
        expect.arrayContaining(['Case number', 'Category', 'Severity', 'Queue', 'Resolution', 'Root cause']),
      );
      expect(await page.locator('.fjs-form').textContent()).toContain("Handle the customer's complaint");
      expect(await page.locator('[data-fact=severity] dd').textContent()).toBe('High');
      // Codes in read-only fields show in words; the case number as it is.
      expect(await page.getByLabel('Category').inputValue()).toBe('Service quality');
      expect(await page.getByLabel('Severity').inputValue()).toBe('High');
      expect(await page.getByLabel('Case number').inputValue()).toBe(complaint.number);
      await screenshot(page, 'tasks-task-en');
      await page.context().close();
    });

    it('the task on screen completed by someone else, or cancelled by its process, says so and disables the form (id)', async () => {
      const mine = await followUp('KLH-UJI-DIAMBIL', 6 * HOUR);
      const page = await s.page('id', 'agent1');
      await page.goto(`/#/tasks/${mine.key}`);
      await page.locator('.tk-status[data-status=created]').waitFor();
      await expect
        .poll(() => page.locator('.tk-work').textContent(), POLL)
        .toContain('Tugas ini tidak memiliki formulir');

      // Claimed and given back: unassigned again.
      await page.locator('button[name=claim]').click();
      await page.locator('button[name=unclaim]').waitFor();
      expect((await readTask(mine.key)).assignee).toBe('agent1');
      await page.locator('button[name=unclaim]').click();
      await expect
        .poll(() => page.locator('.tk-notice').textContent(), POLL)
        .toBe('Tugas dilepaskan dan kembali ke antrean.');
      expect((await readTask(mine.key)).assignee).toBeNull();

      // agent2 is quicker now: the screen follows, and the task is no longer agent1's to claim.
      expect((await s.p.as('agent2').post(`/api/tasks/${mine.key}/claim`)).status).toBe(200);
      await expect
        .poll(() => page.locator('.tk-status').textContent(), POLL)
        .toBe('Tugas ini dipegang Bayu Tarigan; hanya pemegangnya yang dapat menyelesaikannya.');
      expect(await page.locator('button[name=claim]').count()).toBe(0);
      expect((await s.p.as('agent2').post(`/api/tasks/${mine.key}/complete`, { variables: {} })).status).toBe(
        200,
      );
      await page.locator('.tk-task[data-state=COMPLETED]').waitFor({ timeout: 20_000 });
      expect(await page.locator('.tk-status').textContent()).toMatch(
        /^Tugas ini sudah diselesaikan oleh Bayu Tarigan pada .+ WIB\. Formulir tidak dapat dikirim lagi\.$/,
      );
      expect(
        await page.locator('button[name=complete], button[name=claim], button[name=unclaim]').count(),
      ).toBe(0);
      await screenshot(page, 'tasks-completed-elsewhere-id');

      // A task agent1 holds, with the form open, cancelled by the process (the instance is cancelled).
      const doomed = await followUp('KLH-UJI-BATAL', 6 * HOUR);
      expect((await s.p.as('agent1').post(`/api/tasks/${doomed.key}/claim`)).status).toBe(200);
      await page.goto(`/#/tasks/${doomed.key}`);
      await page.locator('button[name=complete]').waitFor();
      await s.p.zeebe.cancelProcessInstance(doomed.instance);
      await page.locator('.tk-task[data-state=CANCELED]').waitFor({ timeout: 30_000 });
      expect(await page.locator('.tk-status').textContent()).toContain('Tugas ini dibatalkan oleh prosesnya');
      expect(await page.locator('button[name=complete]').count()).toBe(0);
      await page.context().close();
    });

    it('a supervisor sees every open task and reassigns one; four eyes keeps a decision from its submitter, in words (id)', async () => {
      const task = await followUp('KLH-UJI-ALIH', 30 * HOUR);
      const page = await s.page('id', 'supervisor1');
      await page.goto('/#/tasks/all');
      await row(page, task.key).waitFor();
      expect(await page.locator('h1').textContent()).toBe('Semua tugas terbuka');
      await row(page, task.key).locator('.tk-name').click();
      await page.locator('button[name=assign]').click();
      const dialog = page.locator('dialog.dialog');
      await dialog.locator('input[name=assignee]').fill('tidak-ada');
      await dialog.locator('button[type=submit]').click();
      await expect
        .poll(() => dialog.getByRole('alert').textContent(), POLL)
        .toBe('Pengguna itu tidak ada, dinonaktifkan, atau tidak mengerjakan tugas.');
      await dialog.locator('input[name=assignee]').fill('agent2');
      await dialog.locator('button[type=submit]').click();
      await expect
        .poll(() => page.locator('.tk-notice').textContent(), POLL)
        .toBe('Tugas ditugaskan ke Bayu Tarigan.');
      expect(await page.locator('[data-field=assignee]').textContent()).toBe('Bayu Tarigan');
      expect(await page.locator('[data-field=assignee] [data-username]').getAttribute('data-username')).toBe(
        'agent2',
      );
      expect((await readTask(task.key)).assignee).toBe('agent2');
      await screenshot(page, 'tasks-assigned-id');
      await page.context().close();

      const instance = await start(s.p, DECISION, { submittedBy: 'agent1', caseNumber: 'KLH-UJI-EMPAT' });
      let key = '';
      await expect
        .poll(async () => {
          const all = await s.p
            .as('supervisor1')
            .get<{ items: TaskView[] }>(`/api/tasks?processId=${DECISION}`);
          key = all.body.items.find((t) => t.processInstanceKey === instance)?.key ?? '';
          return key;
        }, POLL)
        .not.toBe('');
      const agent = await s.page('id', 'agent1');
      await agent.goto(`/#/tasks/${key}`);
      await agent.locator('button[name=claim]').click();
      await agent.locator('.tk-problem[data-problem=FOUR_EYES]').waitFor();
      expect(await agent.locator('.tk-problem').textContent()).toBe(
        'Prinsip empat mata: Anda sendiri yang mengajukan hal yang diputuskan tugas ini, jadi orang lain harus memutuskannya.',
      );
      expect((await readTask(key)).assignee).toBeNull();
      await agent.context().close();
    });
  },
  setup,
);
