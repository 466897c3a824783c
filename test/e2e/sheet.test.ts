import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, pasteText, signIn, switchLanguage, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, demoLogins, type Api } from './demo-api.js';

/**
 * The people sheet (spreadsheet-grade grid issue) in a real browser against the local runtime
 * with demo data, as HR: a cell edited in place is saved and audited, a stale edit shows the
 * colleague's value and keeps ours to retry, a block pasted from Excel is previewed and then
 * written in one batch, Ctrl+D fills the selected rows, and the grid's own words follow the
 * console's language. Each test works on its own demo people, so none depends on another.
 */
if (!hasChromium) warnNoChromium('sheet e2e');

interface Person {
  id: string;
  employeeNo: string;
  name: string;
  post: string;
  level: string;
  status: string;
  phone: string;
  version: number;
}

interface AuditEntry {
  action: string;
  channel: string;
  after: Record<string, unknown> | null;
}

type Row = Person & { row: number };

const WAIT = { timeout: 10_000, interval: 200 };

(hasChromium ? describe : describe.skip)('the people sheet', () => {
  const harness = useConsoleRuntime('sheet');
  const url = () => harness.runtime.url;
  let people: Person[] | undefined;

  /** HR's API, and everyone in the order the sheet shows them at first (by employee number). */
  async function hrApi(): Promise<{ api: Api; all: Person[] }> {
    const api = await apiAs(harness.runtime, demoLogins(harness.runtime, 'hr')[0]!);
    people ??= (await api<{ items: Person[] }>('/employees?sort=employeeNo&order=asc&limit=200')).items;
    return { api, all: people };
  }

  /**
   * Rows for each test, none shared: regular agents (a change of their phone, name or level
   * starts no workflow), by row index. The paste needs three such rows one under the other.
   */
  async function rowsFor(): Promise<{ edit: Row; conflict: Row; paste: Row[]; fill: Row[] }> {
    const { all } = await hrApi();
    const fits = (p: Person | undefined) => !!p && p.post === 'agent' && p.status === 'regular' && p.level !== 'senior';
    const rows = all.map((p, row) => ({ ...p, row }));
    const single = rows.filter((p) => fits(p));
    const [edit, conflict] = single;
    const runStart = rows.findIndex((p, i) => i > conflict!.row && [0, 1, 2].every((k) => fits(all[i + k])));
    if (!edit || !conflict || runStart < 0) throw new Error('the demo department has too few regular agents for the sheet tests');
    const paste = rows.slice(runStart, runStart + 3);
    const fill = single.filter((p) => p.row > runStart + 2).slice(0, 3);
    if (fill.length < 3) throw new Error('the demo department has too few regular agents for the fill test');
    return { edit, conflict, paste, fill };
  }

  async function sheetAsHr(viewport = { width: 1400, height: 900 }): Promise<Page> {
    const page = await harness.newPage(viewport);
    const hr = demoLogins(harness.runtime, 'hr')[0]!;
    await signIn(page, url(), hr.email, hr.password);
    await page.goto(`${url()}/#/employees`);
    await page.locator('.ag-row[row-index="0"]').waitFor();
    return page;
  }

  const cell = (page: Page, row: number, field: string): Locator =>
    page.locator(`.ag-row[row-index="${row}"] [role="gridcell"][col-id="${field}"]`);

  /** Scrolls a row into view (the grid renders the rows near the viewport only) and returns its cell. */
  async function shown(page: Page, row: number, field: string): Promise<Locator> {
    // The test's own TypeScript has no DOM types: the browser runs this text as it is.
    await page.evaluate(`document.querySelector('.ag-grid-viewport').scrollTop = ${Math.max(0, row * 36 - 100)}`);
    const target = cell(page, row, field);
    await target.waitFor();
    return target;
  }

  async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
    await target.dblclick();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }


  /**
   * The people list's first-block requests (no cursor, no pick list's filter) and /users/me,
   * in the order the page sent them, and the statuses the first-block requests were answered with.
   */
  function recordReads(page: Page): { sent: string[]; answered: number[] } {
    const firstBlock = (url: string) => {
      const { pathname, searchParams } = new URL(url);
      return pathname === '/api/v1/employees' && !searchParams.has('cursor') && searchParams.get('limit') === '100' ? `block ${searchParams}` : null;
    };
    const sent: string[] = [];
    const answered: number[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/v1/users/me') sent.push('me');
      const block = firstBlock(request.url());
      if (block) sent.push(block);
    });
    page.on('response', (response) => {
      if (firstBlock(response.url())) answered.push(response.status());
    });
    return { sent, answered };
  }

  it('opened on its address, the sheet asks for its first rows before the sign-in check answers, and only once', async () => {
    const { all } = await hrApi();
    const page = await harness.newPage({ width: 1400, height: 900 });
    const hr = demoLogins(harness.runtime, 'hr')[0]!;
    await signIn(page, url(), hr.email, hr.password);
    // A page load of its own (not a move inside the console, which does not start main.tsx again).
    await page.goto('about:blank');
    const { sent } = recordReads(page);
    await page.goto(`${url()}/#/employees`);
    await expect.poll(() => cell(page, 0, 'employeeNo').innerText(), WAIT).toBe(all[0]!.employeeNo);
    await page.locator('.ag-row[row-index="9"]').waitFor();
    const blocks = sent.filter((s) => s.startsWith('block'));
    expect(blocks).toEqual(['block sort=employeeNo&order=asc&limit=100']);
    expect(sent.indexOf(blocks[0]!)).toBeLessThan(sent.indexOf('me'));
  }, 60_000);

  it('a visitor not signed in gets the sign-in page from the sheet’s address; once signed in, the sheet reads its rows again', async () => {
    const { all } = await hrApi();
    const page = await harness.newPage({ width: 1400, height: 900 });
    const { sent, answered } = recordReads(page);
    await page.goto(`${url()}/#/employees`);
    await page.locator('input[name="email"]').waitFor();
    // The early read was made and refused; nothing of it may reach the sheet after sign-in.
    await expect.poll(() => answered, WAIT).toEqual([401]);
    const hr = demoLogins(harness.runtime, 'hr')[0]!;
    await page.locator('input[name="email"]').fill(hr.email);
    await page.locator('input[name="password"]').fill(hr.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((u) => !u.hash.startsWith('#/login'));
    await page.goto(`${url()}/#/employees`);
    await expect.poll(() => cell(page, 0, 'employeeNo').innerText(), WAIT).toBe(all[0]!.employeeNo);
    expect(sent.filter((s) => s.startsWith('block'))).toHaveLength(2);
    expect(answered).toEqual([401, 200]);
  }, 60_000);

  it('HR edits a phone number in its cell: it is saved, and the change is in the audit trail', async () => {
    const person = (await rowsFor()).edit;
    const page = await sheetAsHr();
    const phone = await shown(page, person.row, 'phone');
    expect(await phone.innerText()).toBe(person.phone);
    const newPhone = `139${String(Date.now()).slice(-8)}`;

    await typeInto(page, phone, newPhone);
    await expect.poll(() => phone.innerText(), WAIT).toBe(newPhone);
    await expect.poll(() => phone.getAttribute('class'), WAIT).not.toContain('sheet-cell-saving');

    const { api } = await hrApi();
    expect((await api<Person>(`/employees/${person.id}`)).phone).toBe(newPhone);
    const audit = await api<{ items: AuditEntry[] }>(`/audit?entityType=employee&entityId=${person.id}`);
    expect(audit.items.find((e) => e.action === 'update' && e.after?.phone === newPhone)).toMatchObject({ channel: 'console' });
  }, 60_000);

  it('a stale edit shows the colleague’s value and keeps ours, which can then be saved on their version', async () => {
    const person = (await rowsFor()).conflict;
    const page = await sheetAsHr();
    const phone = await shown(page, person.row, 'phone');
    // A colleague changes the same record after the sheet was read.
    const { api } = await hrApi();
    const theirs = `137${String(Date.now()).slice(-8)}`;
    const current = await api<Person>(`/employees/${person.id}`);
    await api(`/employees/${person.id}`, { phone: theirs, version: current.version }, 'PATCH');
    const mine = `136${String(Date.now()).slice(-8)}`;

    await typeInto(page, phone, mine);
    const conflict = page.getByTestId('sheet-conflicts').locator(`[data-row-id="${person.id}"]`);
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain(theirs);
    expect(await conflict.innerText()).toContain(mine);
    expect(await phone.innerText()).toBe(theirs);
    expect(await phone.getAttribute('class')).toContain('sheet-cell-conflict');
    await page.screenshot({ path: '/tmp/sheet-e2e-conflict.png' });

    await conflict.getByRole('button', { name: '用我的值保存' }).click();
    await expect.poll(async () => (await api<Person>(`/employees/${person.id}`)).phone, WAIT).toBe(mine);
    await expect.poll(() => phone.getAttribute('class'), WAIT).not.toMatch(/sheet-cell-(saving|conflict)/);
    expect(await phone.innerText()).toBe(mine);
  }, 60_000);

  it('a 3×5 block pasted from Excel is previewed cell by cell, then saved in one batch', async () => {
    const targets = (await rowsFor()).paste;
    const start = targets[0]!.row;
    const page = await sheetAsHr();
    await (await shown(page, start, 'name')).click();
    const stamp = String(Date.now()).slice(-6);
    // name, post, level, status, phone: as Excel copies them, labels in Chinese, CRLF rows.
    const block = targets.map((p, i) => [`${p.name}${i}`, '专员', '中级', '正式', `1350${stamp}${i}`]);
    const batches: string[] = [];
    page.on('request', (r) => r.url().endsWith('/api/v1/employees/batch') && batches.push(r.postData() ?? ''));

    await pasteText(page, block.map((r) => r.join('\t')).join('\r\n') + '\r\n');
    const preview = page.getByTestId('sheet-preview');
    await preview.waitFor();
    const previewText = await preview.innerText();
    for (const [i, p] of targets.entries()) {
      expect(previewText).toContain(`${p.name} (${p.employeeNo})`);
      expect(previewText).toContain(`1350${stamp}${i}`);
    }
    await page.screenshot({ path: '/tmp/sheet-e2e-paste-preview.png' });
    await page.getByRole('button', { name: '保存 3 行' }).click();
    await expect.poll(() => page.getByTestId('sheet-results').innerText(), WAIT).toContain('已保存 3 行，失败 0 行');
    await page.getByRole('button', { name: '关闭' }).click();

    // One write (besides the preview's dry run), all three rows in it.
    const writes = batches.map((b) => JSON.parse(b) as { dryRun: boolean; items: unknown[] }).filter((b) => !b.dryRun);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.items).toHaveLength(3);
    const { api } = await hrApi();
    for (const [i, p] of targets.entries()) {
      await expect.poll(() => cell(page, start + i, 'phone').innerText(), WAIT).toBe(`1350${stamp}${i}`);
      expect(await cell(page, start + i, 'level').innerText()).toBe('中级');
      expect(await api<Person>(`/employees/${p.id}`)).toMatchObject({ name: `${p.name}${i}`, level: 'mid', phone: `1350${stamp}${i}` });
    }
  }, 60_000);

  it('Ctrl+D fills the focused cell’s value into the selected rows, after the same preview', async () => {
    const [source, ...others] = (await rowsFor()).fill;
    const { api } = await hrApi();
    // The source row holds a level the others do not.
    const fresh = await api<Person>(`/employees/${source!.id}`);
    await api(`/employees/${source!.id}`, { level: 'senior', version: fresh.version }, 'PATCH');
    const page = await sheetAsHr();
    for (const p of others) await (await shown(page, p.row, 'ag-Grid-SelectionColumn')).locator('input').check();
    await page.getByTestId('sheet-selected').getByText('已选 2 行').waitFor();

    const level = await shown(page, source!.row, 'level');
    expect(await level.innerText()).toBe('高级');
    await level.click();
    await page.keyboard.press('ControlOrMeta+d');
    const preview = page.getByTestId('sheet-preview');
    await preview.waitFor();
    for (const p of others) expect(await preview.innerText()).toContain(`${p.name} (${p.employeeNo})`);
    await page.getByRole('button', { name: '保存 2 行' }).click();
    await expect.poll(() => page.getByTestId('sheet-results').innerText(), WAIT).toContain('已保存 2 行，失败 0 行');
    await page.getByRole('button', { name: '关闭' }).click();

    for (const p of others) {
      expect(await cell(page, p.row, 'level').innerText()).toBe('高级');
      expect((await api<Person>(`/employees/${p.id}`)).level).toBe('senior');
    }
  }, 60_000);

  it('the grid speaks the console’s language: English after the switch, Chinese again after switching back', async () => {
    const page = await sheetAsHr();
    const checkbox = page.locator('.ag-row[row-index="0"] .ag-selection-checkbox input');
    await expect.poll(() => cell(page, 0, 'hireDate').innerText(), WAIT).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(await checkbox.getAttribute('aria-label')).toContain('切换行选择');

    await switchLanguage(page, '简体中文', 'English');
    await page.getByRole('columnheader', { name: 'Hire date' }).waitFor();
    await expect.poll(() => checkbox.getAttribute('aria-label'), WAIT).toContain('toggle row selection');
    await expect.poll(() => cell(page, 0, 'hireDate').innerText(), WAIT).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    expect(await page.getByRole('button', { name: 'Columns' }).count()).toBe(1);
    await page.screenshot({ path: '/tmp/sheet-e2e-english.png' });

    await switchLanguage(page, 'English', '简体中文');
    await page.getByRole('columnheader', { name: '入职日期' }).waitFor();
    await expect.poll(() => checkbox.getAttribute('aria-label'), WAIT).toContain('切换行选择');
  }, 60_000);

  it('on a 375 px phone the page keeps its width and the sheet scrolls sideways', async () => {
    const page = await sheetAsHr({ width: 375, height: 740 });
    await expect.poll(() => cell(page, 0, 'name').innerText(), WAIT).not.toBe('');
    const widths = `(() => { const v = document.querySelector('.ag-grid-viewport'); return [document.documentElement.scrollWidth, v.scrollWidth, v.clientWidth]; })()`;
    const [pageWidth, sheetWidth, sheetShown] = (await page.evaluate(widths)) as number[];
    expect(pageWidth).toBeLessThanOrEqual(375);
    expect(sheetWidth).toBeGreaterThan(sheetShown!);
    await page.screenshot({ path: '/tmp/sheet-e2e-375.png' });
  }, 60_000);
});
