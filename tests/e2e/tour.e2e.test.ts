import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { common } from '../../designer/src/i18n/common.ts';
import { describeInBrowser, screenshot } from './browser.ts';

/**
 * Every screen of every role, in both languages, on the demo data of `npm start`: each opens without an error,
 * shows no untranslated key, and leaves a screenshot (`tour-<user>-<screen>-<lang>.png`) to be
 * looked at.
 */
const USERS = ['agent1', 'supervisor1', 'backoffice1', 'rm1', 'marketing1', 'compliance1', 'owner', 'admin'];
const POLL = { timeout: 30_000, interval: 250 };

/** Text nodes that are nothing but an i18n key (`task.notFound`, `nav.cases`): a missing translation. */
const bareKeys = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(
      document.querySelector('main') ?? document.body,
      NodeFilter.SHOW_TEXT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      // Codes shown on purpose beside their words (an audit action's code) and recorded data
      // shown as it was recorded (an audit entry's changes) are not keys.
      if (node.parentElement?.closest('code, [class*="code"], [data-raw]')) continue;
      if (/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9_]*)+$/.test(text)) found.push(text);
    }
    return found;
  });

// The demo data of `npm start` (customers, cases in every state, campaigns, applications): tests
// otherwise start empty, so the platform runs here as a newcomer's would.
const AS_NPM_START = { processes: true, env: { NODE_ENV: 'development' } };

describeInBrowser('a tour of every screen per role on the demo data, in Chromium', AS_NPM_START, (s) => {
  for (const language of ['id', 'en'] as const) {
    const loading = common[language].loading;
    for (const user of USERS) {
      it(`${user} opens each of their screens without an error or a missing word (${language})`, async () => {
        const page = await s.page(language, user);
        const screens = await page
          .locator('.topbar nav a')
          .evaluateAll((links) => links.map((a) => (a.getAttribute('href') ?? '').replace(/^#\//, '')));
        expect(screens.length).toBeGreaterThan(0);
        for (const screen of screens) {
          await page.goto(`/#/${screen}`);
          await page.locator(`.topbar nav a[aria-current=page][href="#/${screen}"]`).waitFor();
          await expect.poll(() => page.locator('main').getByText(loading).count(), POLL).toBe(0);
          await page.waitForTimeout(300);
          expect(await bareKeys(page), `${user} ${screen} ${language}`).toEqual([]);
          expect(
            await page.locator('main .error[role=alert]').allTextContents(),
            `${user} ${screen} ${language}`,
          ).toEqual([]);
          await screenshot(page, `tour-${user}-${screen}-${language}`);
        }
        await page.context().close();
      });
    }
  }
});
