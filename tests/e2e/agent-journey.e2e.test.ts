import { expect, it } from 'vitest';
import { describeInBrowser, screenshot } from './browser.ts';

/**
 * An agent's day across screens, as issue 10 asks: a complaint logged in the cases console,
 * worked through its task's form in the task list, and resolved — the case page, the task list
 * and the API agree at every step.
 */
const POLL = { timeout: 30_000, interval: 300 };

interface CaseView {
  id: string;
  processInstanceKey: string;
  number: string;
  assignee: string | null;
  status: string;
  rootCause: string | null;
}

let customerId = '';

describeInBrowser(
  'an agent logs a complaint and works it to resolution, in Chromium',
  { processes: true },
  (s) => {
    const read = async (id: string) => (await s.p.as('supervisor1').get<CaseView>(`/api/cases/${id}`)).body;

    it('logged in the cases console, routed and assigned, resolved through the task form with a root cause (id)', async () => {
      const logger = await s.page('id', 'agent1');
      await logger.goto('/#/cases/new');
      await logger.locator('input[name=customerSearch]').fill('Situmorang');
      await logger.locator(`.cs-hits li[data-customer-id="${customerId}"] button`).click();
      await logger.locator('select[name=channel]').selectOption('call-centre');
      await logger.locator('select[name=category]').selectOption('SERVICE_QUALITY');
      await logger.locator('select[name=severity]').selectOption('MEDIUM');
      await logger.locator('input[name=form][value=verbal]').check();
      await logger
        .locator('textarea[name=description]')
        .fill('Antrean teller terlalu lama pada jam makan siang');
      await logger.locator('form.cs-form button[type=submit]').click();
      await logger.waitForURL(/#\/cases\/[0-9a-f-]{36}$/);
      const caseId = decodeURIComponent(logger.url().split('/').pop() as string);

      // The process routes the case and the queue hands it to one of its agents.
      await expect.poll(async () => (await read(caseId)).assignee, POLL).toMatch(/^agent[12]$/);
      const { assignee, number } = await read(caseId);
      await logger.context().close();

      // The agent who got it opens the case, follows its open task to the task list.
      const page = await s.page('id', assignee as string);
      await page.goto(`/#/cases/${caseId}`);
      // The assignee shows by name (the staff directory), the username kept in data-username.
      const holder = page.locator('[data-field=assignee] [data-username]');
      await expect.poll(() => holder.getAttribute('data-username'), POLL).toBe(assignee);
      await expect
        .poll(() => holder.textContent(), POLL)
        .toBe(assignee === 'agent1' ? 'Putri Simanjuntak' : 'Bayu Tarigan');
      const taskLink = page.locator('[data-section=task] a[href^="#/tasks/"]');
      await expect.poll(() => taskLink.count(), POLL).toBe(1);
      await taskLink.click();
      await page.locator('.tk-task').waitFor();
      await page.locator('.fjs-form').waitFor();
      await page.locator('.tk-form[data-ready=true][data-readonly=false]').waitFor();

      await page
        .getByLabel('Penyelesaian')
        .fill('Kami menambah satu teller pada jam makan siang mulai pekan ini.');
      await page.locator('.fjs-form-field-select .fjs-input-group').click();
      await page.locator('.fjs-dropdownlist-item', { hasText: 'Kelemahan prosedur' }).click();
      await screenshot(page, 'journey-agent-resolve-id');
      await page.locator('button[name=complete]').click();
      await page.locator('[data-notice=completed]').waitFor();

      // Resolved with its root cause, on the case page and in the API.
      await expect.poll(async () => (await read(caseId)).status, POLL).toBe('RESOLVED');
      expect((await read(caseId)).rootCause).toBe('PROCESS_GAP');
      // The form showed the category and severity in words; the process kept their codes.
      const variables = await s.p
        .as('supervisor1')
        .post<{ items: { name: string; value: string }[] }>('/v2/variables/search', {
          filter: { processInstanceKey: (await read(caseId)).processInstanceKey },
        });
      const value = (name: string) => variables.body.items.find((v) => v.name === name)?.value;
      expect(value('category')).toBe('"SERVICE_QUALITY"');
      expect(value('severity')).toBe('"MEDIUM"');
      await page.goto(`/#/cases/${caseId}`);
      await expect
        .poll(() => page.locator('[data-status]').first().getAttribute('data-status'), POLL)
        .toBe('RESOLVED');
      expect(await page.locator('h1').textContent()).toContain(number);
      await screenshot(page, 'journey-agent-resolved-id');
      await page.context().close();
    });
  },
  async (p) => {
    const created = await p.as('agent1').post<{ id: string }>('/api/customers', {
      fullName: 'Togar Situmorang',
      nik: '1271011507790004',
      segment: 'mass',
      branchCode: 'MDN-KC',
      phone: '081265430022',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    customerId = created.body.id;
  },
);
