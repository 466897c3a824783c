/**
 * Figure 5c — the people sheet with 10,000+ rows, scrolled from the first row to the last in
 * headless Chromium at a steady pace (a screen of rows every few frames, faster than anyone
 * reads), as a manager would drag the scrollbar down the roster. Measured in the page:
 * the interval between animation frames while scrolling (smooth = most frames at the screen's
 * 16.7 ms; a long frame is a visible stall), how many rows the DOM holds at most (the grid
 * must virtualise, whatever the row count), and the list requests it took (one per block of
 * 100: the cursor API, no count, no offset). Block loading is not waited for: rows still
 * loading show as loading rows, which is what a user sees too.
 */
import type { Browser } from 'playwright-core';
import { percentile, median, ms, round, type BenchResult } from './result.js';

/** p95 frame interval a user would not call a stall (two frames at 60 Hz plus slack). */
const P95_FRAME_MS = 50;
/** Pixels scrolled per animation frame: about a screen of rows every two frames. */
const STEP_PX = 400;

/**
 * What runs in the page, as source text: tsx would wrap a named function of this file in a
 * helper (`__name`) the page does not have.
 */
const IN_PAGE = `(step, expected) => new Promise((resolve, reject) => {
  // AG Grid 36 scrolls the rows and the pinned columns together in .ag-grid-viewport.
  const viewport = document.querySelector('.ag-grid-viewport');
  if (!viewport) return reject(new Error('no .ag-grid-viewport: is the people list a sheet?'));
  const frames = [];
  let last = 0, maxRow = 0, maxDomRows = 0, stillAtBottom = 0;
  const started = performance.now();
  const tick = (t) => {
    if (last) frames.push(t - last);
    last = t;
    // A row is drawn once per column block (pinned left, centre): count row indexes.
    const indexes = new Set([...viewport.querySelectorAll('.ag-row')].map((r) => Number(r.getAttribute('row-index') || 0)));
    const loading = viewport.querySelectorAll('.ag-row-loading').length;
    maxDomRows = Math.max(maxDomRows, indexes.size);
    for (const index of indexes) maxRow = Math.max(maxRow, index);
    const atBottom = viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight - 2;
    // The end: at the bottom, every row read, and the grid no longer growing for half a second.
    stillAtBottom = atBottom && loading === 0 && maxRow + 1 >= expected ? stillAtBottom + 1 : 0;
    if (stillAtBottom >= 30) return resolve({ rows: maxRow + 1, frames, maxDomRows, seconds: (performance.now() - started) / 1000 });
    if (performance.now() - started > 240000) return reject(new Error('still scrolling after 240 s at row ' + (maxRow + 1)));
    viewport.scrollTop += step;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

export interface ScrollRun {
  rows: number;
  frames: number[];
  maxDomRows: number;
  seconds: number;
  requests: number;
}

/** Scrolls the people sheet at `url` (signed in by `cookie`) to its last row. */
export async function scrollToLastRow(browser: Browser, url: string, cookie: { name: string; value: string; url: string }, expectedRows: number): Promise<ScrollRun> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
  try {
    await context.addCookies([cookie]);
    const page = await context.newPage();
    let requests = 0;
    page.on('request', (req) => {
      if (/\/api\/v1\/employees\?/.test(req.url())) requests += 1;
    });
    await page.goto(url);
    await page.locator('.ag-grid-viewport .ag-row[row-index="0"]').first().waitFor({ timeout: 30_000 });
    requests = 0;
    const run = (await page.evaluate(`(${IN_PAGE})(${STEP_PX}, ${expectedRows})`)) as Omit<ScrollRun, 'requests'>;
    return { ...run, requests };
  } finally {
    await context.close();
  }
}

export function scrollResult(run: ScrollRun): BenchResult {
  const p95 = percentile(run.frames, 95);
  return {
    name: '5c console: scroll 10,000-row people sheet, p95 frame',
    value: round(p95, 1),
    unit: 'ms',
    target: `≤ ${P95_FRAME_MS} ms`,
    ok: p95 <= P95_FRAME_MS,
    detail:
      `${run.rows.toLocaleString('en')} rows top to bottom in ${run.seconds.toFixed(1)} s, ${STEP_PX} px a frame; ` +
      `frame interval median ${ms(median(run.frames))} ms, p95 ${ms(p95)}, max ${ms(Math.max(...run.frames))} over ${run.frames.length} frames; ` +
      `at most ${run.maxDomRows} rows in the DOM; ${run.requests} list requests (${(run.requests / (run.rows / 1000)).toFixed(1)} per 1,000 rows); headless Chromium`,
  };
}
