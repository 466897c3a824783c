import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe.js';
import { hasChromium, signIn, switchLanguage, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, demoLogins } from './demo-api.js';

/**
 * 离职制度 (POLICIES.md §9; 001 六) in a real browser against the local runtime with the demo
 * department: HR opens it from the menu, changes what a missing headset costs in the inventory
 * grid and the handover reminder, and saves a new version; a final-pay day the API refuses is
 * named under its input and saves nothing; a supervisor reads the page and changes nothing.
 * Each test reads the version it compares itself, so none depends on another's order.
 */
if (!hasChromium) warnNoChromium('offboarding policy e2e');

interface Policy {
  version: number;
  values: {
    notice: { months: number; probationDays: number };
    finalPay: { dayOfMonth: number; monthsAfter: number };
    reminderDaysBefore: number;
    stepDueHours: number;
    inventoryItems: Array<{ key: string; labelZh: string; labelEn: string; amount: number }>;
  } & Record<string, unknown>;
  gaps: string[];
}

const WAIT = { timeout: 20_000, interval: 200 };
const TABLE = 'policy-table-inventory';

(hasChromium ? describe : describe.skip)('离职制度 in the console', () => {
  const harness = useConsoleRuntime('offboarding-policy');
  const hrApi = () => apiAs(harness.runtime, demoLogins(harness.runtime, 'hr')[0]!);

  async function signedIn(role: 'hr' | 'supervisor'): Promise<Page> {
    const page = await harness.newPage({ width: 1400, height: 900 });
    const login = demoLogins(harness.runtime, role)[0]!;
    await signIn(page, harness.runtime.url, login.email, login.password);
    return page;
  }

  async function openPolicy(page: Page): Promise<void> {
    await page.getByRole('menuitem', { name: '离职制度' }).click();
    await page.waitForURL(/#\/offboarding-policy/);
    await page.getByRole('heading', { name: '离职制度', level: 2 }).waitFor();
  }

  const cell = (page: Page, row: number, field: string): Locator =>
    page.locator(`[data-testid="${TABLE}"] .ag-row[row-index="${row}"] [role="gridcell"][col-id="${field}"]`);
  const input = (page: Page, label: string): Locator => page.getByRole('spinbutton', { name: label, exact: true });
  /** The input's helper text: its range, the 系统默认 mark, or the server's message. */
  const helperOf = (page: Page, label: string): Locator =>
    page.locator('.MuiFormControl-root', { has: input(page, label) }).locator('.MuiFormHelperText-root');

  it('HR changes what a missing headset costs and the reminder days, saves, and the API has the new version (§9)', async () => {
    const api = await hrApi();
    const before = await api<Policy>('/policies/offboarding');
    const headset = before.values.inventoryItems.findIndex((i) => i.key === 'headset');
    expect(headset).toBeGreaterThanOrEqual(0);
    const page = await signedIn('hr');
    await openPolicy(page);

    // The documents' numbers carry no mark; the values they leave open say 系统默认.
    expect(await input(page, '辞职提前通知（月）').inputValue()).toBe(String(before.values.notice.months));
    expect(await helperOf(page, '辞职提前通知（月）').innerText()).not.toContain('系统默认');
    expect(await helperOf(page, '最后工作日前提醒（天）').innerText()).toContain('系统默认');
    expect(before.gaps).toContain('inventoryItems');

    const amount = cell(page, headset, 'amount');
    await expect.poll(() => amount.innerText(), WAIT).toBe(`¥${before.values.inventoryItems[headset]!.amount}.00`);
    expect(await cell(page, headset, 'labelZh').innerText()).toBe('耳麦');
    const wanted = before.values.inventoryItems[headset]!.amount + 30;
    await amount.dblclick();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(String(wanted));
    await page.keyboard.press('Enter');
    await expect.poll(() => amount.innerText(), WAIT).toBe(`¥${wanted}.00`);
    const reminder = before.values.reminderDaysBefore + 2;
    await input(page, '最后工作日前提醒（天）').fill(String(reminder));
    await expectAccessible(page, 'the offboarding policy page', { oneH1: true });

    await page.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(async () => (await api<Policy>('/policies/offboarding')).version, WAIT).toBe(before.version + 1);
    const after = await api<Policy>('/policies/offboarding');
    const items = before.values.inventoryItems.map((item, i) => (i === headset ? { ...item, amount: wanted } : item));
    expect(after.values).toEqual({ ...before.values, reminderDaysBefore: reminder, inventoryItems: items });
    await expect.poll(() => page.getByTestId('policy-version').innerText(), WAIT).toContain(`第 ${after.version} 版`);
    if (process.env.OFFBOARDING_POLICY_SCREENSHOT) await page.screenshot({ path: process.env.OFFBOARDING_POLICY_SCREENSHOT, fullPage: true });
  }, 120_000);

  it('a final-pay day of 32: the API’s message is under that input and nothing is saved (001 六(三))', async () => {
    const api = await hrApi();
    const before = await api<Policy>('/policies/offboarding');
    const page = await signedIn('hr');
    await openPolicy(page);
    const day = '工资结算日（每月几日）';
    expect(await input(page, day).inputValue()).toBe(String(before.values.finalPay.dayOfMonth));

    await input(page, day).fill('32');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => helperOf(page, day).innerText(), WAIT).toContain('须为 1–31 之间的整数');
    expect(await input(page, day).getAttribute('aria-invalid')).toBe('true');
    // Only that input: the other final-pay number keeps its hint.
    expect(await helperOf(page, '交接完成后第几个月结算').innerText()).not.toContain('须为');
    await expectAccessible(page, 'the offboarding policy page with an error', { oneH1: true });
    expect(await api<Policy>('/policies/offboarding')).toEqual(before);
  }, 120_000);

  it('a supervisor reads 离职制度 in both languages, with no save and a grid that does not edit', async () => {
    const api = await hrApi();
    const before = await api<Policy>('/policies/offboarding');
    const page = await signedIn('supervisor');
    const missing: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes('Missing translation')) missing.push(m.text());
    });
    await openPolicy(page);
    await page.getByText('仅人力资源部和系统管理员可修改制度；您可以查看。').waitFor();
    expect(await page.getByRole('button', { name: '保存为新版本' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '插入行' }).count()).toBe(0);
    await cell(page, 0, 'amount').dblclick();
    expect(await page.locator(`[data-testid="${TABLE}"] .ag-cell-inline-editing`).count()).toBe(0);

    // The app bar, with the language menu, hides while the page is scrolled down to the grid.
    await page.evaluate('window.scrollTo(0, 0)');
    await switchLanguage(page, '简体中文', 'English');
    await page.getByRole('heading', { name: 'Offboarding policy', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Inventory on leaving' }).waitFor();
    await expect.poll(() => cell(page, 1, 'labelEn').innerText(), WAIT).toBe('Headset');
    expect(await page.getByRole('spinbutton', { name: 'Final pay day (day of the month)' }).inputValue()).toBe(String(before.values.finalPay.dayOfMonth));
    expect(missing).toEqual([]);
    expect(await api<Policy>('/policies/offboarding')).toEqual(before);
  }, 90_000);
});
