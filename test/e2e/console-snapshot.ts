import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/**
 * The console as it was built when a browser test file started, loaded by its pages whatever
 * happens to admin/dist meanwhile.
 *
 * Every `vitest run` rebuilds admin/dist when a console source is newer than the build
 * (test/support/global-setup.ts), and Vite empties the directory before it writes the new one. In
 * a checkout where others edit the console and run tests, a page a browser test opens in those
 * seconds gets a 500 for index.html or a 404 for its entry script (the login page never shows its
 * email box), and a page opened before gets a 404 for a lazily loaded chunk whose name changed
 * with the sources (a list never renders). A complete copy taken once makes the test's pages
 * independent of that; the runtime still answers everything else (the API, emailed links' pages).
 *
 * Where it belongs in the end: the harness (browser.ts) could take the copy and pass it to
 * startLocalRuntime as `consoleDir`, for every browser test file.
 */
export interface ConsoleSnapshot {
  readonly dir: string;
  dispose(): Promise<void>;
}

/**
 * What a build refers to, by Vite's file names (`name-<8-character hash>.js`): index.html's
 * `/assets/…`, a chunk's `./…` imports, and the `assets/…` of Vite's preload lists.
 */
const CHUNK = String.raw`[\w.-]+-[\w-]{8}\.(?:js|css)`;
const REFERENCES = ['/assets/', String.raw`\./`, 'assets/'].map((prefix) => new RegExp(String.raw`["'\`]${prefix}(${CHUNK})["'\`]`, 'g'));
/** Served as the browser asks for them: the precompressed twins and source maps are not needed. */
const UNUSED = /\.(?:br|gz|map)$/;

/** Copies `distDir` once it holds a whole build (retrying while a rebuild is half written). */
export async function snapshotConsole(distDir = 'admin/dist', attempts = 60): Promise<ConsoleSnapshot> {
  const dir = await mkdtemp(join(tmpdir(), 'cs-console-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  for (let attempt = 1; ; attempt++) {
    try {
      await copyBuild(resolve(distDir), dir);
      const missing = await missingFiles(dir);
      if (missing.length === 0) return { dir, dispose };
      if (attempt >= attempts) throw new Error(`${distDir} stayed incomplete (no ${missing.slice(0, 3).join(', ')})`);
    } catch (error) {
      // ENOENT: the build was emptied under the copy; anything else is not a rebuild's doing.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= attempts) {
        await dispose();
        throw error;
      }
    }
    await rm(join(dir, 'assets'), { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function copyBuild(from: string, to: string): Promise<void> {
  await mkdir(join(to, 'assets'), { recursive: true });
  for (const name of (await readdir(join(from, 'assets'))).filter((n) => !UNUSED.test(n))) await copyFile(join(from, 'assets', name), join(to, 'assets', name));
  // Last: Vite writes index.html after the chunks it names.
  await copyFile(join(from, 'index.html'), join(to, 'index.html'));
}

async function missingFiles(dir: string): Promise<string[]> {
  const present = new Set(await readdir(join(dir, 'assets')));
  const texts = [await readFile(join(dir, 'index.html'), 'utf8')];
  for (const name of present) if (name.endsWith('.js')) texts.push(await readFile(join(dir, 'assets', name), 'utf8'));
  const named = new Set(texts.flatMap((text) => REFERENCES.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!))));
  return [...named].filter((name) => !present.has(name));
}

/**
 * The context's requests for the console's own files (the page at `/` and `/assets/…`) answered
 * from the snapshot; the page keeps the headers the runtime sends with it (its CSP among them).
 */
export async function serveConsoleSnapshot(context: BrowserContext, baseUrl: string, snapshot: ConsoleSnapshot): Promise<void> {
  const index = await readFile(join(snapshot.dir, 'index.html'));
  await context.route(`${baseUrl}/`, async (route) => {
    const served = await route.fetch();
    const headers = Object.fromEntries(Object.entries(served.headers()).filter(([name]) => /^(content-security-policy|x-content-type-options|referrer-policy|x-frame-options)$/i.test(name)));
    await route.fulfill({ status: 200, headers: { ...headers, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }, body: index });
  });
  const files = new Set(await readdir(join(snapshot.dir, 'assets')));
  await context.route(`${baseUrl}/assets/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice('/assets/'.length);
    if (!files.has(name)) return route.fulfill({ status: 404 });
    await route.fulfill({
      path: join(snapshot.dir, 'assets', name),
      headers: { 'content-type': `${name.endsWith('.css') ? 'text/css' : 'text/javascript'}; charset=utf-8`, 'cache-control': 'public, max-age=31536000, immutable' },
    });
  });
}
