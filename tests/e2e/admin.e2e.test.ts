import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { admin } from '../../designer/src/i18n/admin.ts';
import { describeInBrowser, screenshot } from './browser.ts';

const POLL = { timeout: 15_000, interval: 250 };
const id = admin.id;

/** The open dialog of the page (components/Dialog.tsx). */
const dialog = (page: Page) => page.locator('dialog.dialog[open]');

describeInBrowser('administration screens in Chromium', {}, (s) => {
  it('an admin creates a user with a role and a branch after a refused password; the new user logs in', async () => {
    const page = await s.page('id', 'admin');
    await page.goto('/#/admin/users');
    await page.locator('table[data-table=users] tr[data-username=agent1]').waitFor();
    await screenshot(page, 'admin-users-id');

    await page.getByRole('button', { name: id.users.new }).click();
    const form = dialog(page).locator('form[data-form=user]');
    await form.locator('input[name=username]').fill('agent9');
    await form.locator('input[name=displayName]').fill('Rudi Purba');
    await form.locator('input[name=roles][value=agent]').check();
    await form.locator('select[name=branchCode]').selectOption('MDN-KC');
    await form.locator('input[name=password]').fill('pendek');
    await form.locator('button[type=submit]').click();
    // The server's refusal shows under the password field, and the user does not exist.
    await form.locator('[data-field-error=password]').waitFor();
    expect(await form.locator('[data-field-error=password]').textContent()).toMatch(/12/);
    expect((await s.p.http.get('/api/users/agent9')).status).toBe(404);
    await screenshot(page, 'admin-users-create-refused-id');

    await form.locator('input[name=password]').fill('Sandi-Awal-2026!');
    await form.locator('button[type=submit]').click();
    await page.getByRole('status').filter({ hasText: 'agent9' }).waitFor();
    const row = page.locator('tr[data-username=agent9]');
    expect(await row.textContent()).toContain('Rudi Purba');
    expect(await row.textContent()).toContain('MDN-KC');
    expect(await row.textContent()).toContain('Agen');

    const created = await s.p.http.get<{ roles: string[]; branchCode: string; disabled: boolean }>(
      '/api/users/agent9',
    );
    expect(created.body).toMatchObject({ roles: ['agent'], branchCode: 'MDN-KC', disabled: false });
    const login = await s.p.anonymous.post<{ token?: string }>('/api/auth/login', {
      username: 'agent9',
      password: 'Sandi-Awal-2026!',
    });
    expect(login.status).toBe(200);
    expect(login.body.token).toBeTruthy();

    // A reset password replaces the old one; a disabled account can no longer log in.
    await row.getByRole('button', { name: id.users.resetPassword }).click();
    const reset = dialog(page).locator('form[data-form=password]');
    await reset.locator('input[name=password]').fill('agent9');
    await reset.locator('button[type=submit]').click();
    await reset.locator('[data-field-error=password]').waitFor();
    expect(await reset.locator('[data-field-error=password]').textContent()).toBe('Minimal 12 karakter.');
    await reset.locator('input[name=password]').fill('Sandi-Baru-2026!');
    await reset.locator('button[type=submit]').click();
    await page.getByRole('status').filter({ hasText: 'Kata sandi agent9 diganti' }).waitFor();
    const relogin = (password: string) =>
      s.p.anonymous.post('/api/auth/login', { username: 'agent9', password }).then((r) => r.status);
    expect(await relogin('Sandi-Awal-2026!')).toBe(401);
    expect(await relogin('Sandi-Baru-2026!')).toBe(200);

    // Roles, branch and name change in one save.
    await row.getByRole('button', { name: id.edit }).click();
    const edit = dialog(page).locator('form[data-form=user]');
    await edit.locator('input[name=displayName]').fill('Rudi P. Purba');
    await edit.locator('input[name=roles][value=agent]').uncheck();
    await edit.locator('input[name=roles][value=backoffice]').check();
    await edit.locator('select[name=branchCode]').selectOption('');
    await edit.locator('button[type=submit]').click();
    await expect.poll(() => row.textContent(), POLL).toContain('Back office');
    expect((await s.p.http.get('/api/users/agent9')).body).toMatchObject({
      displayName: 'Rudi P. Purba',
      roles: ['backoffice'],
      branchCode: null,
    });

    await row.getByRole('button', { name: id.users.disable }).click();
    await dialog(page).getByRole('button', { name: id.users.disable }).click();
    await expect.poll(() => row.getAttribute('data-state'), POLL).toBe('disabled');
    expect((await s.p.http.get<{ disabled: boolean }>('/api/users/agent9')).body.disabled).toBe(true);
    expect(await relogin('Sandi-Baru-2026!')).not.toBe(200);
    await page.context().close();
  });

  it('a new holiday moves the working-days count on screen and on the server', async () => {
    const from = '2026-07-06T00:00:00+07:00';
    const due = async () =>
      (
        await s.p.http.get<{ dueDate: string }>(
          `/api/calendar/working-days?from=${encodeURIComponent(from)}&days=5`,
        )
      ).body.dueDate;
    const before = await due();

    const page = await s.page('id', 'admin');
    await page.goto('/#/admin/holidays/2026');
    await page.locator('tr[data-date="2026-01-01"]').waitFor();
    const calculator = page.locator('[data-section=working-days]');
    await calculator.locator('input[name=from]').fill('2026-07-06');
    await calculator.locator('input[name=days]').fill('5');
    await calculator.getByRole('button', { name: id.holidays.calculator.submit }).click();
    await expect
      .poll(() => calculator.locator('[data-due-date]').getAttribute('data-due-date'), POLL)
      .toBe(before);

    await page.getByRole('button', { name: id.holidays.new }).click();
    const form = dialog(page).locator('form[data-form=holiday]');
    await form.locator('input[name=date]').fill('2026-07-08');
    await form.locator('input[name=name]').fill('Libur Uji Sistem');
    await form.locator('input[name=nameEn]').fill('System test holiday');
    await form.locator('select[name=kind]').selectOption('cuti-bersama');
    await form.locator('button[type=submit]').click();
    await page.locator('tr[data-date="2026-07-08"][data-kind=cuti-bersama]').waitFor();

    // The calculator on screen counts again: one working day later than before.
    const after = await due();
    expect(after > before).toBe(true);
    await expect
      .poll(() => calculator.locator('[data-due-date]').getAttribute('data-due-date'), POLL)
      .toBe(after);
    expect(await calculator.locator('[data-due-date]').textContent()).toContain('Juli 2026');
    const listed = await s.p.http.get<{ holidays: { date: string; name: string }[] }>(
      '/api/calendar/holidays?year=2026',
    );
    expect(listed.body.holidays.find((h) => h.date === '2026-07-08')?.name).toBe('Libur Uji Sistem');
    await screenshot(page, 'admin-holidays-id');
    await page.context().close();
  });

  it("an admin changes a queue's members and the server keeps them", async () => {
    const page = await s.page('en', 'admin');
    await page.goto('/#/admin/queues');
    const row = page.locator('tr[data-queue=BO-CARDS]');
    await row.waitFor();
    await screenshot(page, 'admin-queues-en');
    await row.getByRole('button', { name: admin.en.queues.editMembers }).click();
    const form = dialog(page).locator('form[data-form=members]');
    await form.locator('input[name=members][value=agent2]').check();
    await form.locator('input[name=members][value=backoffice1]').check();
    await screenshot(page, 'admin-queue-members-en');
    await form.locator('button[type=submit]').click();
    await expect
      .poll(
        async () => (await row.locator('[data-members]').getAttribute('data-members'))?.split(' ').sort(),
        POLL,
      )
      .toEqual(['agent2', 'backoffice1']);
    expect(await row.textContent()).toContain('Bayu Tarigan');

    const queues = await s.p.http.get<{ items: { code: string; members: string[] }[] }>('/api/cases/queues');
    expect(queues.body.items.find((q) => q.code === 'BO-CARDS')?.members.sort()).toEqual([
      'agent2',
      'backoffice1',
    ]);
    await page.context().close();
  });

  it('an admin edits a template and the preview shows the new version', async () => {
    const path = '/api/notifications/templates/case.resolved/sms';
    const versionsBefore = (await s.p.http.get<{ items: unknown[] }>(`${path}/versions`)).body.items.length;
    const page = await s.page('id', 'admin');
    await page.goto('/#/admin/templates/case.resolved/sms');
    const preview = page.locator('[data-section=preview]');
    const text = preview.locator('[data-rendered=text]');
    await text.waitFor();
    expect(await text.textContent()).toContain('PGD-2026-000123');
    expect(await text.textContent()).not.toContain('Terima kasih atas kesabaran');

    const form = page.locator('form[data-form=template]');
    const body = form.locator('textarea[name="id.text"]');
    await body.fill(`${await body.inputValue()} Terima kasih atas kesabaran Anda, {{customer.name}}.`);
    await form.getByRole('button', { name: id.templates.saveVersion }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Versi ${versionsBefore + 1}` })
      .waitFor();
    await expect
      .poll(() => text.textContent(), POLL)
      .toContain('Terima kasih atas kesabaran Anda, Budi Santoso Siregar.');
    expect(await page.locator('[data-section=versions] li').count()).toBe(versionsBefore + 1);
    await screenshot(page, 'admin-template-id');

    const current = await s.p.http.get<{ version: number; content: { id: { text: string } } }>(path);
    expect(current.body.version).toBe(versionsBefore + 1);
    expect(current.body.content.id.text).toContain('{{customer.name}}.');

    // An e-mail renders inside a sandboxed frame, never into the page itself.
    await page.goto('/#/admin/templates/case.resolved/email');
    const frame = page.locator('iframe[data-rendered=html]');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await page.locator('[data-rendered=subject]').textContent()).toContain('PGD-2026-000123');
    await page.context().close();
  });

  it('an SLA policy refused for a missing amount names the field, and saves once it is given', async () => {
    const page = await s.page('en', 'admin');
    await page.goto('/#/admin/sla');
    const row = page.locator('tr[data-policy=BRANCH-2WD]');
    await row.waitFor();
    await row.getByRole('button', { name: admin.en.edit }).click();
    const form = dialog(page).locator('form[data-form=sla]');
    await form.locator('input[name=amount]').fill('');
    await form.locator('button[type=submit]').click();
    await form.locator('[data-field-error=amount]').waitFor();
    await form.locator('input[name=amount]').fill('3');
    await form.locator('select[name=unit]').selectOption('working-days');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => row.textContent(), POLL).toContain('3 working days');
    const policies = await s.p.http.get<{ items: { code: string; amount: number }[] }>(
      '/api/cases/sla-policies',
    );
    expect(policies.body.items.find((p) => p.code === 'BRANCH-2WD')?.amount).toBe(3);
    await page.context().close();
  });

  it('every tab reads in both languages (screenshots)', async () => {
    for (const language of ['id', 'en'] as const) {
      const words = admin[language];
      const page = await s.page(language, 'admin');
      const tabs = [
        ['users', 'tr[data-username=admin]'],
        ['branches', 'tr[data-branch=MDN-KC]'],
        ['queues', 'tr[data-queue=BO-PAYMENTS]'],
        ['sla', 'tr[data-policy=PAYMENTS-24H]'],
        ['holidays/2027', 'tr[data-date="2027-01-01"]'],
        ['templates', 'tr[data-template="case.resolved/email"]'],
      ] as const;
      for (const [tab, ready] of tabs) {
        await page.goto(`/#/admin/${tab}`);
        await page.locator(ready).waitFor();
        const name = tab.split('/')[0] as keyof typeof words.tabs;
        expect(await page.locator('.ad-tabs [aria-current=page]').textContent()).toBe(words.tabs[name]);
        await screenshot(page, `admin-${name}-${language}`);
      }
      await page.goto('/#/admin/branches');
      await page.locator('[data-portfolio-branch=MDN-KC]').waitFor();
      expect(await page.locator('[data-portfolio-branch=MDN-KC]').textContent()).toContain('Nina Sembiring');
      await page.goto('/#/admin/templates/case.resolved/email');
      await page.locator('iframe[data-rendered=html]').waitFor();
      await screenshot(page, `admin-template-email-${language}`);
      await page.context().close();
    }
  });

  it('an agent sees no administration and #/admin says there is no access; the API refuses too', async () => {
    const page = await s.page('id', 'agent1');
    expect(await page.locator('.topbar nav a[href="#/admin"]').count()).toBe(0);
    await page.goto('/#/admin/users');
    await page.locator('[data-no-access=admin]').waitFor();
    expect(await page.locator('[data-no-access=admin] h1').textContent()).toBe('Tidak ada akses');
    expect(await page.locator('table[data-table=users]').count()).toBe(0);
    await screenshot(page, 'admin-no-access-id');
    expect((await s.p.as('agent1').get('/api/users')).status).toBe(403);
    await page.context().close();
  });
});
