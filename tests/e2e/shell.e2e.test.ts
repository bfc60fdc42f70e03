import { expect, it } from 'vitest';
import { describeInBrowser, logIn, screenshot } from './browser.ts';

describeInBrowser('designer shell in Chromium', {}, (s) => {
  for (const language of ['id', 'en'] as const) {
    it(`given a wrong password, says so on the login page (${language})`, async () => {
      const page = await s.page(language);
      await page.goto('/');
      await page.locator('input[name=username]').fill('owner');
      await page.locator('input[name=password]').fill('wrong-password');
      await page.locator('form button[type=submit]').click();
      await expect
        .poll(() => page.locator('[role=alert]').textContent())
        .toBe(language === 'id' ? 'Nama pengguna atau kata sandi salah' : 'Wrong username or password');
      await screenshot(page, `login-error-${language}`);
      await page.context().close();
    });

    it(`a process owner logs in and is welcomed by name (${language})`, async () => {
      const page = await s.page(language);
      await logIn(page, 'owner');
      await expect
        .poll(() => page.locator('h1').textContent())
        .toBe(language === 'id' ? 'Selamat datang, Rina Siregar' : 'Welcome, Rina Siregar');
      await screenshot(page, `home-owner-${language}`);
      await page.context().close();
    });
  }

  it('the designer is served at / and its assets with long caching; /api paths stay the API', async () => {
    const home = await fetch(`${s.p.platform.url}/`);
    expect(home.headers.get('content-type')).toContain('text/html');
    const html = await home.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const script = await fetch(`${s.p.platform.url}${asset}`);
    expect(script.headers.get('cache-control')).toContain('immutable');
    const deepLink = await fetch(`${s.p.platform.url}/modeler`);
    expect(await deepLink.text()).toBe(html);
    const api = await fetch(`${s.p.platform.url}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    const traversal = await fetch(`${s.p.platform.url}/..%2f..%2fpackage.json`);
    expect(await traversal.text()).not.toContain('"name": "bpm-crm-platform"');
  });
});
