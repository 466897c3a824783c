import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, pasteText, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, demoLogins } from './demo-api.js';

/**
 * The policies' tables edited as grids, in a real browser against the local runtime with demo
 * data (POLICIES.md: every number is a policy HR edits in the console): the base salary per
 * level on 职级与薪资 (§1) and the probation score bands (§3). A cell typed or a block pasted
 * from Excel is saved as a new version; a value the API refuses is named on its cell and saves
 * nothing; a CS manager reads the tables and changes nothing. Each test reads the versions it
 * compares itself, so none depends on another's order.
 */
if (!hasChromium) warnNoChromium('policy tables e2e');

interface Policy<V> {
  version: number;
  values: V;
}
type OrgValues = { levelBaseSalary: Record<string, number> };
type ProbationValues = { bands: Array<{ min: number; outcome: string; gap: boolean }> };

const WAIT = { timeout: 20_000, interval: 200 };
const MID = 2; // trainee, junior, mid, senior, reserve_supervisor

(hasChromium ? describe : describe.skip)('policy tables as grids', () => {
  const harness = useConsoleRuntime('policy-tables');
  const url = () => harness.runtime.url;
  const hrApi = () => apiAs(harness.runtime, demoLogins(harness.runtime, 'hr')[0]!);

  async function signedIn(role: 'hr' | 'cs_manager'): Promise<Page> {
    const page = await harness.newPage({ width: 1400, height: 900 });
    const login = demoLogins(harness.runtime, role)[0]!;
    await signIn(page, url(), login.email, login.password);
    return page;
  }

  const cell = (page: Page, table: string, row: number, field: string): Locator =>
    page.locator(`[data-testid="${table}"] .ag-row[row-index="${row}"] [role="gridcell"][col-id="${field}"]`);

  async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
    await target.dblclick();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }


  async function openOrgPolicy(page: Page): Promise<void> {
    await page.getByRole('menuitem', { name: '职级与薪资' }).click();
    await page.waitForURL(/#\/org-policy/);
    await expect.poll(() => cell(page, 'policy-table-salary', MID, 'level').innerText(), WAIT).toBe('中级');
  }

  it('HR opens 职级与薪资, changes 中级’s salary in the grid and saves a new version (§1)', async () => {
    const api = await hrApi();
    const before = await api<Policy<OrgValues>>('/policies/org');
    const page = await signedIn('hr');
    await openOrgPolicy(page);
    const salary = cell(page, 'policy-table-salary', MID, 'baseSalary');
    expect(await salary.innerText()).toBe(`¥${before.values.levelBaseSalary.mid!.toLocaleString('en')}.00`);

    const wanted = before.values.levelBaseSalary.mid! + 150;
    await typeInto(page, salary, String(wanted));
    await expect.poll(() => salary.innerText(), WAIT).toBe(`¥${wanted.toLocaleString('en')}.00`);
    await page.getByRole('button', { name: '保存为新版本' }).click();

    await expect.poll(async () => (await api<Policy<OrgValues>>('/policies/org')).version, WAIT).toBe(before.version + 1);
    const after = await api<Policy<OrgValues>>('/policies/org');
    expect(after.values.levelBaseSalary).toEqual({ ...before.values.levelBaseSalary, mid: wanted });
    await expect.poll(() => page.getByTestId('policy-version').innerText(), WAIT).toContain(`第 ${after.version} 版`);
    await page.screenshot({ path: '/tmp/policy-tables-salary.png' });
  }, 90_000);

  it('a negative salary: the server’s message is on the cell and nothing is saved (§1)', async () => {
    const api = await hrApi();
    const before = await api<Policy<OrgValues>>('/policies/org');
    const page = await signedIn('hr');
    await openOrgPolicy(page);
    const salary = cell(page, 'policy-table-salary', MID, 'baseSalary');

    await typeInto(page, salary, '-100');
    await page.getByRole('button', { name: '保存为新版本' }).click();

    const errors = page.getByTestId('policy-table-salary-errors');
    await expect.poll(() => errors.innerText(), WAIT).toContain('中级 · 月基本工资（元）：须为 0–1000000 之间的整数');
    expect(await salary.getAttribute('class')).toContain('policy-cell-error');
    await salary.hover();
    await expect.poll(() => page.locator('.ag-tooltip').innerText(), WAIT).toContain('须为 0–1000000 之间的整数');
    await page.screenshot({ path: '/tmp/policy-tables-error.png' });
    expect(await api<Policy<OrgValues>>('/policies/org')).toEqual(before);

    // Typing a good value takes the mark off the cell; saving then works.
    await typeInto(page, salary, String(before.values.levelBaseSalary.mid! + 10));
    await expect.poll(() => salary.getAttribute('class'), WAIT).not.toContain('policy-cell-error');
  }, 90_000);

  it('a 2×2 block pasted from Excel into the score bands is saved with the probation policy; the gap marker stays with its row (§3)', async () => {
    const api = await hrApi();
    const before = await api<Policy<ProbationValues>>('/policies/probation');
    const page = await signedIn('hr');
    await page.getByRole('menuitem', { name: '转正制度' }).click();
    const table = 'policy-table-bands';
    await expect.poll(() => cell(page, table, 1, 'min').innerText(), WAIT).toBe(String(before.values.bands[1]!.min));
    // A value the documents leave open says 系统默认, and only its tooltip explains it (#12 item 16).
    expect(await cell(page, table, 2, 'gap').innerText()).toBe('系统默认');
    await cell(page, table, 2, 'gap').hover();
    await expect.poll(() => page.locator('.ag-tooltip').first().innerText().catch(() => ''), WAIT).toBe('公司制度未规定，系统默认');
    const chips = page.locator('[data-gap="true"]');
    await expect.poll(() => chips.count(), WAIT).toBeGreaterThan(0);
    expect(await chips.first().innerText()).toBe('系统默认');
    await chips.first().hover();
    await expect.poll(() => page.getByRole('tooltip').innerText().catch(() => ''), WAIT).toBe('公司制度未规定，系统默认');
    expect(await page.locator('body').innerText()).not.toMatch(/制度空白|本系统默认/);
    await page.mouse.move(0, 0);

    // Rows 2 and 3 (80 按期转正, 70.1 延长试用期) become 82 and 72, as Excel copies them.
    await cell(page, table, 1, 'min').click();
    await pasteText(page, '82\t按期转正\r\n72\t延长试用期\r\n');
    await expect.poll(() => cell(page, table, 2, 'min').innerText(), WAIT).toBe('72');
    expect(await cell(page, table, 1, 'min').innerText()).toBe('82');
    await page.getByRole('button', { name: '保存为新版本' }).click();

    await expect.poll(async () => (await api<Policy<ProbationValues>>('/policies/probation')).version, WAIT).toBe(before.version + 1);
    const { values } = await api<Policy<ProbationValues>>('/policies/probation');
    expect(values.bands[1]).toEqual({ min: 82, outcome: 'convert', gap: before.values.bands[1]!.gap });
    expect(values.bands[2]).toEqual({ min: 72, outcome: 'extend', gap: before.values.bands[2]!.gap });
    expect(values.bands.filter((_, i) => i !== 1 && i !== 2)).toEqual(before.values.bands.filter((_, i) => i !== 1 && i !== 2));
    await page.getByTestId(table).screenshot({ path: '/tmp/policy-tables-bands.png' });
  }, 90_000);

  it('HR unticks 团队 under what managers may change: the policy saves it and the CS manager may no longer move people between teams (§1)', async () => {
    const api = await hrApi();
    const before = await api<Policy<OrgValues & { managerEditableFields: string[] }>>('/policies/org');
    expect(before.values.managerEditableFields).toContain('teamId');
    const page = await signedIn('hr');
    await openOrgPolicy(page);
    await page.getByRole('checkbox', { name: '团队' }).uncheck();
    await page.getByRole('button', { name: '保存为新版本' }).click();

    await expect.poll(async () => (await api<Policy<OrgValues>>('/policies/org')).version, WAIT).toBe(before.version + 1);
    const after = await api<Policy<OrgValues & { managerEditableFields: string[] }>>('/policies/org');
    expect(after.values.managerEditableFields).toEqual(before.values.managerEditableFields.filter((f) => f !== 'teamId'));
    const manager = await apiAs(harness.runtime, demoLogins(harness.runtime, 'cs_manager')[0]!);
    expect((await manager<{ editableEmployeeFields: string[] }>('/users/me')).editableEmployeeFields).toEqual(after.values.managerEditableFields);
  }, 90_000);

  it('a CS manager reads 职级与薪资 and the score bands but changes nothing', async () => {
    const api = await hrApi();
    const before = await api<Policy<OrgValues>>('/policies/org');
    const page = await signedIn('cs_manager');
    await openOrgPolicy(page);
    await page.getByText('仅人力资源部和系统管理员可修改制度；您可以查看。').waitFor();
    expect(await page.getByRole('button', { name: '保存为新版本' }).count()).toBe(0);

    const salary = cell(page, 'policy-table-salary', MID, 'baseSalary');
    const shown = await salary.innerText();
    await salary.dblclick();
    expect(await page.locator('[data-testid="policy-table-salary"] .ag-cell-inline-editing').count()).toBe(0);
    await salary.click();
    await pasteText(page, '9999');
    await page.getByText('您对此表只有查看权限').waitFor();
    expect(await salary.innerText()).toBe(shown);

    await page.getByRole('menuitem', { name: '转正制度' }).click();
    await cell(page, 'policy-table-bands', 0, 'min').waitFor();
    expect(await page.getByRole('button', { name: '插入行' }).count()).toBe(0);
    expect(await api<Policy<OrgValues>>('/policies/org')).toEqual(before);
  }, 90_000);
});
