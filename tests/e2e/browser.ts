import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { createPlatform, type PlatformOptions, type TestPlatform } from '../harness/create-platform.ts';
import { ROOT } from '../harness/processes.ts';

/** Debian's Chromium (`apt-get install -y chromium`); never a downloaded browser. */
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string | undefined {
  return CANDIDATES.find((path): path is string => !!path && existsSync(path));
}

/** Why the browser suites cannot run here, or undefined when they can. */
export function browserUnavailable(): string | undefined {
  return chromiumPath() ? undefined : 'no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)';
}

/** Where the screenshots of the end-to-end suites go (a CI artifact). */
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/**
 * Builds designer/dist when it is missing or older than its sources (as `npm start` does), in a
 * child process awaited without blocking the test worker (a synchronous build starves vitest's
 * own messages and ends the run with "Timeout calling onTaskUpdate").
 */
export function ensureDesignerBuilt(): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'designer/ensure-built.ts')],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`building the designer failed:\n${stdout}\n${stderr}`)) : resolve(),
    );
  });
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(browserUnavailable());
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/**
 * A page at 1440×900 in `language` (the designer's switch, stored before the app loads), with
 * the browser's own locale and zone as a person in Medan (id) or London (en) would have them:
 * date inputs read dd/mm/yyyy, not the US order.
 */
export async function openPage(browser: Browser, baseUrl: string, language: 'id' | 'en'): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    baseURL: baseUrl,
    locale: language === 'id' ? 'id-ID' : 'en-GB',
    timezoneId: 'Asia/Jakarta',
  });
  await context.addInitScript((lang) => localStorage.setItem('platform.lang', lang), language);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** What a browser suite's tests reach: the platform, the browser, and a logged-in page. */
export interface BrowserSuite {
  readonly p: TestPlatform;
  readonly browser: Browser;
  /** A new page in `language`, logged in as `username` when given; close it with `page.context().close()`. */
  page(language: 'id' | 'en', username?: string): Promise<Page>;
}

/**
 * A suite in Chromium against one platform (built designer, fresh databases), skipped with the
 * reason when there is no Chromium here. `setup` runs once after the platform is up.
 */
export function describeInBrowser(
  title: string,
  options: PlatformOptions,
  body: (suite: BrowserSuite) => void,
  setup?: (p: TestPlatform) => Promise<void>,
): void {
  const unavailable = browserUnavailable();
  let platform: TestPlatform | undefined;
  let chromiumBrowser: Browser | undefined;
  const suite: BrowserSuite = {
    get p() {
      if (!platform) throw new Error('the platform is not started yet');
      return platform;
    },
    get browser() {
      if (!chromiumBrowser) throw new Error('the browser is not launched yet');
      return chromiumBrowser;
    },
    async page(language, username) {
      const page = await openPage(suite.browser, suite.p.platform.url, language);
      if (username) await logIn(page, username);
      return page;
    },
  };
  describe.skipIf(unavailable !== undefined)(
    `${title}${unavailable ? ` (skipped: ${unavailable})` : ''}`,
    () => {
      beforeAll(async () => {
        await ensureDesignerBuilt();
        platform = await createPlatform(options);
        await setup?.(platform);
        chromiumBrowser = await launchBrowser();
      }, 180_000);
      afterAll(async () => {
        await chromiumBrowser?.close();
        await platform?.close();
      });
      body(suite);
    },
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Logs in through the login form as a demo user (password `demo`). */
export async function logIn(page: Page, username: string, password = 'demo'): Promise<void> {
  await page.goto('/');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.locator('.topbar').waitFor();
}
