import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './axe.js';
import { hasChromium, signIn, switchLanguage, useConsoleRuntime, warnNoChromium } from './browser.js';
import { serveConsoleSnapshot, snapshotConsole, type ConsoleSnapshot } from './console-snapshot.js';
import { apiAs, demoLogins } from './demo-api.js';

/**
 * 奖惩制度 (POLICIES.md §4; 004 第五条) in a real browser against the local runtime with the demo
 * department: HR opens it from the menu, sees the 51 violations of the catalogue and the warning
 * beside the fines switch, changes one violation's fine in the grid and the days to appeal, and
 * saves a new version; a fine of -1 and 0 days to appeal are refused by the API, named on that
 * cell and under that input, and nothing is saved; a supervisor reads the page, in both
 * languages, and changes nothing. Each test reads the version it compares itself, so none
 * depends on another's order. Pages load the console from a copy taken when the file starts
 * (console-snapshot.ts): others rebuilding admin/dist in the shared checkout cannot empty it
 * under a page.
 */
if (!hasChromium) warnNoChromium('discipline policy e2e');

interface Violation {
  code: string;
  level: string;
  fine: number;
  label: { 'zh-CN': string; en: string };
}
interface Policy {
  version: number;
  values: {
    windows: { countingMonths: number; signDays: number; appealDays: number; appealAnswerDays: number };
    options: { fines: boolean; witnesses: number };
    violations: Violation[];
  } & Record<string, unknown>;
  gaps: string[];
}

const WAIT = { timeout: 20_000, interval: 200 };
const TABLE = 'policy-table-violations';
const APPEAL = '申诉期限（天）';

(hasChromium ? describe : describe.skip)('奖惩制度 in the console', () => {
  const harness = useConsoleRuntime('discipline-policy');
  const hrApi = () => apiAs(harness.runtime, demoLogins(harness.runtime, 'hr')[0]!);
  let consoleCopy: ConsoleSnapshot | undefined;
  beforeAll(async () => {
    consoleCopy = await snapshotConsole();
  });
  afterAll(() => consoleCopy?.dispose());

  async function signedIn(role: 'hr' | 'supervisor'): Promise<Page> {
    const page = await harness.newPage({ width: 1400, height: 900 });
    await serveConsoleSnapshot(page.context(), harness.runtime.url, consoleCopy!);
    const login = demoLogins(harness.runtime, role)[0]!;
    await signIn(page, harness.runtime.url, login.email, login.password);
    return page;
  }

  async function openPolicy(page: Page): Promise<void> {
    await page.getByRole('menuitem', { name: '奖惩制度' }).click();
    await page.waitForURL(/#\/discipline-policy/);
    await page.getByRole('heading', { name: '奖惩制度', level: 2 }).waitFor();
  }

  /** The grid's rows, by their code cells (the grid grows with its rows, so all of them are drawn). */
  const rows = (page: Page): Locator => page.locator(`[data-testid="${TABLE}"] .ag-row [role="gridcell"][col-id="code"]`);
  const cell = (page: Page, row: number, field: string): Locator =>
    page.locator(`[data-testid="${TABLE}"] .ag-row[row-index="${row}"] [role="gridcell"][col-id="${field}"]`);
  const input = (page: Page, label: string): Locator => page.getByRole('spinbutton', { name: label, exact: true });
  /** The input's helper text: its range, the 系统默认 mark, or the server's message. */
  const helperOf = (page: Page, label: string): Locator =>
    page.locator('.MuiFormControl-root', { has: input(page, label) }).locator('.MuiFormHelperText-root');

  async function typeInCell(page: Page, target: Locator, text: string): Promise<void> {
    await target.dblclick();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  it('HR sees the 51 violations and the fines warning, changes a fine and the days to appeal, saves, and the API has the new version (§4)', async () => {
    const api = await hrApi();
    const before = await api<Policy>('/policies/discipline');
    expect(before.values.violations).toHaveLength(51);
    const calls = before.values.violations.findIndex((v) => v.code === 'V04');
    expect(calls).toBeGreaterThanOrEqual(0);
    const page = await signedIn('hr');
    await openPolicy(page);

    await page.getByText('按劳动法规，从工资中扣除罚款受当地法规限制，请咨询法务后启用').waitFor();
    expect(await page.getByRole('switch', { name: '乐捐（罚款）' }).isChecked()).toBe(before.values.options.fines);
    await expect.poll(() => page.getByTestId('discipline-violations-count').innerText(), WAIT).toBe('共 51 条 · 口头警告 13 条 · 书面警告 13 条 · 最后警告 11 条 · 辞退 14 条');
    await expect.poll(() => rows(page).count(), WAIT).toBe(51);
    expect(await cell(page, calls, 'level').innerText()).toBe('口头警告');
    expect(await cell(page, calls, 'labelZh').innerText()).toBe(before.values.violations[calls]!.label['zh-CN']);
    // The documents' 3 days carry no mark; the counting period they leave open says 系统默认.
    expect(await input(page, APPEAL).inputValue()).toBe(String(before.values.windows.appealDays));
    expect(await helperOf(page, APPEAL).innerText()).not.toContain('系统默认');
    expect(await helperOf(page, '计算期（月）').innerText()).toContain('系统默认');

    const fine = cell(page, calls, 'fine');
    await expect.poll(() => fine.innerText(), WAIT).toBe(`¥${before.values.violations[calls]!.fine}.00`);
    const wanted = before.values.violations[calls]!.fine + 15;
    await typeInCell(page, fine, String(wanted));
    await expect.poll(() => fine.innerText(), WAIT).toBe(`¥${wanted}.00`);
    const appealDays = before.values.windows.appealDays + 2;
    await input(page, APPEAL).fill(String(appealDays));
    await expectAccessible(page, 'the discipline policy page', { oneH1: true });

    await page.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(async () => (await api<Policy>('/policies/discipline')).version, WAIT).toBe(before.version + 1);
    const after = await api<Policy>('/policies/discipline');
    const violations = before.values.violations.map((v, i) => (i === calls ? { ...v, fine: wanted } : v));
    expect(after.values).toEqual({ ...before.values, windows: { ...before.values.windows, appealDays }, violations });
    await expect.poll(() => page.getByTestId('policy-version').innerText(), WAIT).toContain(`第 ${after.version} 版`);
    if (process.env.DISCIPLINE_POLICY_SCREENSHOT) await page.screenshot({ path: process.env.DISCIPLINE_POLICY_SCREENSHOT, fullPage: true });
  }, 120_000);

  it('a fine of -1 and 0 days to appeal: the API’s messages are on that cell and under that input, and nothing is saved', async () => {
    const api = await hrApi();
    const before = await api<Policy>('/policies/discipline');
    const page = await signedIn('hr');
    await openPolicy(page);
    const row = 3;
    const code = before.values.violations[row]!.code;
    const fine = cell(page, row, 'fine');
    await expect.poll(() => fine.innerText(), WAIT).toBe(`¥${before.values.violations[row]!.fine}.00`);

    await typeInCell(page, fine, '-1');
    await input(page, APPEAL).fill('0');
    await page.getByRole('button', { name: '保存为新版本' }).click();

    await expect.poll(() => helperOf(page, APPEAL).innerText(), WAIT).toContain('须为 1–30 之间的整数');
    expect(await input(page, APPEAL).getAttribute('aria-invalid')).toBe('true');
    // values.violations[3].fine: that cell turns red, and the list under the grid names its row and column.
    await expect.poll(() => fine.getAttribute('class'), WAIT).toContain('policy-cell-error');
    expect(await cell(page, row, 'labelZh').getAttribute('class')).not.toContain('policy-cell-error');
    const listed = await page.getByTestId(`${TABLE}-errors`).innerText();
    expect(listed).toContain(`${code} ${before.values.violations[row]!.label['zh-CN']} · 乐捐（元）：须为 0–`);
    // Only that input: the other time limits keep their hints.
    expect(await helperOf(page, '申诉答复期限（天）').innerText()).not.toContain('须为');
    await expectAccessible(page, 'the discipline policy page with errors', { oneH1: true });
    expect(await api<Policy>('/policies/discipline')).toEqual(before);
  }, 120_000);

  it('a supervisor reads 奖惩制度 in both languages, with no save and a grid that does not edit', async () => {
    const api = await hrApi();
    const before = await api<Policy>('/policies/discipline');
    const page = await signedIn('supervisor');
    const missing: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes('Missing translation')) missing.push(m.text());
    });
    await openPolicy(page);
    await page.getByText('仅人力资源部和系统管理员可修改制度；您可以查看。').waitFor();
    expect(await page.getByRole('button', { name: '保存为新版本' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '插入行' }).count()).toBe(0);
    await cell(page, 0, 'fine').dblclick();
    expect(await page.locator(`[data-testid="${TABLE}"] .ag-cell-inline-editing`).count()).toBe(0);

    // The app bar, with the language menu, hides while the page is scrolled down to the grid.
    await page.evaluate('window.scrollTo(0, 0)');
    await switchLanguage(page, '简体中文', 'English');
    await page.getByRole('heading', { name: 'Discipline policy', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Violations' }).waitFor();
    await page.getByText('Under labour law, deducting fines from wages is restricted by local regulations').waitFor();
    await expect.poll(() => cell(page, 1, 'labelEn').innerText(), WAIT).toBe(before.values.violations[1]!.label.en);
    expect(await cell(page, 1, 'level').innerText()).toBe('Verbal warning');
    expect(await page.getByRole('spinbutton', { name: 'Time to appeal (days)' }).inputValue()).toBe(String(before.values.windows.appealDays));
    expect(missing).toEqual([]);
    expect(await api<Policy>('/policies/discipline')).toEqual(before);
  }, 90_000);
});
