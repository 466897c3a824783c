import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '../../infra/local/clock.js';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';

/** Debian's chromium (apt-get install chromium); playwright-core ships no browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const hasChromium = existsSync(CHROMIUM_PATH);

export function warnNoChromium(suite: string): void {
  console.warn(
    [
      '',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      `!! ${suite}: SKIPPED, no browser at ${CHROMIUM_PATH}.`,
      '!! Install it with:  sudo apt-get install -y chromium',
      '!! or point CHROMIUM_PATH at a Chromium/Chrome binary.',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      '',
    ].join('\n'),
  );
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Signs in through the console's login page (labels in whichever language it shows). */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'));
}

/**
 * What a paste from Excel or WPS puts on the page: a paste event on the focused element with
 * the TSV text (the browser's real clipboard needs permissions headless Chromium has not got).
 */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(text)});
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}

/** Picks a language in react-admin's language menu (the button shows the current language). */
export async function switchLanguage(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('button', { name: from }).click();
  await page.getByRole('menuitem', { name: to }).click();
  await page.getByRole('button', { name: to }).waitFor();
}

/**
 * What every console test file shares: the local runtime on a temp data dir with the demo
 * department (admin/dist is built, when stale, by the global setup), one browser, and a fresh
 * context per page (its own cookie and language), all closed after the file. Call inside a
 * `describe`; read `runtime` in tests, not at collection time. A test that moves time passes the
 * runtime a clock it holds (`new ControllableClock({ flowing: true })`: the real time until the
 * test advances it, firing the daily jobs due on the way).
 */
export function useConsoleRuntime(name: string, options: { clock?: Clock } = {}): {
  readonly runtime: LocalRuntime;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
} {
  let runtime: LocalRuntime | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), `cs-${name}-e2e-`));
    runtime = await startLocalRuntime({
      dataDir, port: 0, host: '127.0.0.1', demo: true,
      adminEmail: 'admin@e2e.example', adminPassword: randomBytes(18).toString('base64url'), quiet: true,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await runtime?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  return {
    get runtime() {
      if (!runtime) throw new Error('the console runtime is not started yet');
      return runtime;
    },
    async newPage(viewport) {
      const context = await browser!.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(viewport ? { viewport } : {}) });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
  };
}
