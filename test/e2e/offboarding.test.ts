import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, companyToday } from '../../functions/domain/people/dates.js';
import { ControllableClock } from '../../infra/local/clock.js';
import type { LocalRuntime } from '../../infra/local/runtime.js';
import { until } from '../support/mail.js';
import { describeFindings, expectAccessible, seriousViolations } from './axe.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, approveAs, demoLogins, type DemoLogin, type Employee } from './demo-api.js';

/**
 * 离职办理 (#15; POLICIES.md §9; seed 001 六) in Chromium against the local runtime, on a clock the
 * test moves. Each case starts from a resignation the leaver hands in through the API and the
 * chain (supervisor → CS manager → HR) approves, so the offboarding is the one the system opens.
 * The receiver signs a handover item on a phone; HR checks the inventory (one item missing, at
 * another amount than the policy's), fills the exit form, is refused 办结 while the last day has
 * not passed (the checklist says so), and once the night's job has done the last day's work,
 * closes it (已办结). HR's leavers sheet shows the row and exports it for payroll; the employee's
 * file lists it. Axe on each page.
 */
if (!hasChromium) warnNoChromium('offboarding e2e');

interface Offboarding {
  id: string; employeeName: string; status: string; lastDay: string; finalPayDate: string; finalPayDateFixed: boolean; amountOwed: number; leftAt: string | null;
  handover: Array<{ id: string; description: string; receivedAt: string | null }>;
}
interface Resignation { id: string; status: string; offboardingId: string | null }

const PHONE = { width: 375, height: 812 };
const clock = new ControllableClock({ flowing: true });

(hasChromium ? describe : describe.skip)('离职办理: the offboarding record in the console', () => {
  const harness = useConsoleRuntime('offboarding', { clock });
  const used = new Set<string>();

  /**
   * An agent of the demo department with a superior who signs in, resigned with the last day
   * today (company time) and approved by the chain: the offboarding the approval opened.
   */
  async function leaverWithOffboarding(runtime: LocalRuntime): Promise<{ offboarding: Offboarding; leaver: DemoLogin; superior: DemoLogin }> {
    const hr = await apiAs(runtime, demoLogins(runtime, 'hr')[0]!);
    const { items } = await hr<{ items: Array<Employee & { post: string }> }>('/employees?status=regular&limit=200');
    const employee = items.find((e) => e.post === 'agent' && e.superiorId && !used.has(e.id) && runtime.demoLogins.some((l) => l.employeeId === e.superiorId))!;
    used.add(employee.id);
    const leaver = runtime.demoLogins.find((l) => l.employeeId === employee.id)!;
    const superior = runtime.demoLogins.find((l) => l.employeeId === employee.superiorId)!;
    const own = await apiAs(runtime, leaver);
    const resignation = await own<Resignation>('/resignations', { employeeId: employee.id, reason: '回老家发展', lastDay: companyToday(runtime.now()) });
    await approveAs(runtime, 'supervisor', resignation.id, 'supervisor');
    await approveAs(runtime, 'cs_manager', resignation.id, 'cs_manager');
    await approveAs(runtime, 'hr', resignation.id, 'hr');
    const offboardingId = await until(async () => (await hr<Resignation>(`/resignations/${resignation.id}`)).offboardingId ?? undefined, 'the offboarding the approval opens', 30_000);
    return { offboarding: await hr<Offboarding>(`/offboardings/${offboardingId}`), leaver, superior };
  }

  const row = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

  it('the receiver signs on a phone; HR checks the inventory, fills the exit form, is refused 办结 before the last day has passed, and closes it after the night’s job', async () => {
    const runtime = harness.runtime;
    const hrLogin = demoLogins(runtime, 'hr')[0]!;
    const { offboarding, leaver, superior } = await leaverWithOffboarding(runtime);
    const address = `${runtime.url}/#/offboardings/${offboarding.id}/show`;

    // HR opens the record: the last day today, the final-pay date provisional, nothing owed yet.
    const hr = await harness.newPage();
    await signIn(hr, runtime.url, hrLogin.email, hrLogin.password);
    await hr.goto(address);
    await hr.getByRole('heading', { name: `离职办理：${leaver.name}` }).waitFor();
    await expect.poll(() => hr.getByTestId('offboarding-status').innerText()).toBe('办理中');
    await hr.getByTestId('final-pay-date').getByText('预计').waitFor();

    // 添加交接事项, received by the leaver's superior (the people picker).
    await hr.getByRole('button', { name: '添加交接事项' }).click();
    const dialog = hr.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '交接事项' }).fill('客户回访名单（38 户）');
    await dialog.getByRole('combobox', { name: '接收人' }).fill(superior.name);
    await hr.getByRole('option', { name: new RegExp(superior.name) }).first().click();
    const dialogFindings = await seriousViolations(hr);
    expect(dialogFindings.length, describeFindings('the add-handover dialog', dialogFindings)).toBe(0);
    await dialog.getByRole('button', { name: '添加' }).click();
    await row(hr, '客户回访名单（38 户）').getByText('待签收').waitFor();
    await row(hr, '客户回访名单（38 户）').getByText(superior.name).waitFor();

    // The receiver signs it from their phone.
    const phone = await harness.newPage(PHONE);
    await signIn(phone, runtime.url, superior.email, superior.password);
    await phone.goto(address);
    const item = row(phone, '客户回访名单（38 户）');
    await item.getByRole('button', { name: '签收' }).click();
    await phone.getByRole('dialog').getByRole('button', { name: '确认签收' }).click();
    await item.getByText(new RegExp(`已签收 · ${superior.name}`)).waitFor();
    await phone.getByText('已签收 1/1').waitFor();
    if (process.env.OFFBOARDING_PHONE_SCREENSHOT) await phone.screenshot({ path: process.env.OFFBOARDING_PHONE_SCREENSHOT, fullPage: true });
    await expectAccessible(phone, 'the offboarding page on a phone (receiver)');

    // HR checks the inventory: the headset is missing (120 yuan, not the policy's 150), the rest came back.
    await hr.reload();
    await row(hr, '客户回访名单（38 户）').getByText(new RegExp(`已签收 · ${superior.name}`)).waitFor();
    const inventory = hr.getByTestId('offboarding-inventory');
    await inventory.locator('tr[data-item="headset"]').getByRole('button', { name: '未归还' }).click();
    const missingDialog = hr.getByRole('dialog');
    const amount = missingDialog.getByRole('spinbutton', { name: '赔偿金额（元）' });
    expect(await amount.inputValue()).toBe('150');
    await amount.fill('120');
    await missingDialog.getByRole('button', { name: '保存' }).click();
    await inventory.locator('tr[data-item="headset"]').getByText('¥120').waitFor();
    for (const key of ['badge', 'locker_key', 'workstation', 'uniform']) {
      const itemRow = inventory.locator(`tr[data-item="${key}"]`);
      await itemRow.getByRole('button', { name: '已归还' }).click();
      await itemRow.getByText('已归还').first().waitFor();
      await expect.poll(() => itemRow.getByRole('button', { name: '已归还' }).isDisabled()).toBe(true);
    }
    await expect.poll(() => hr.getByTestId('amount-owed').innerText()).toBe('¥120');
    await expect.poll(() => hr.getByTestId('inventory-owed').innerText()).toBe('¥120');
    // Everything signed and checked on the last day: the final-pay date is fixed.
    await expect.poll(() => hr.getByTestId('final-pay-date').getByText('预计').count()).toBe(0);

    // 员工离职表.
    const exitForm = hr.getByTestId('offboarding-exit-form');
    await exitForm.getByRole('combobox', { name: '离职原因类别' }).click();
    await hr.getByRole('option', { name: '个人发展' }).click();
    await exitForm.getByRole('textbox', { name: '离职面谈记录' }).fill('回老家照顾家人，对团队氛围评价好。');
    await exitForm.getByRole('radio', { name: '可再录用' }).check();
    await exitForm.getByRole('button', { name: '保存离职表' }).click();
    await exitForm.getByText(/最近保存：/).waitFor();

    // 办结 before the last day has passed: refused, and the checklist names what is missing.
    const checklist = hr.getByTestId('close-checklist');
    const missing = async () => Promise.all((await checklist.locator('[data-done="false"]').all()).map((el) => el.getAttribute('data-requirement')));
    await expect.poll(missing).toEqual(['lastDay']);
    await hr.getByRole('button', { name: '办结' }).click();
    await hr.getByText('最后工作日尚未过去').waitFor();
    expect(await hr.getByTestId('offboarding-status').innerText()).toBe('办理中');
    if (process.env.OFFBOARDING_PAGE_SCREENSHOT) await hr.screenshot({ path: process.env.OFFBOARDING_PAGE_SCREENSHOT, fullPage: true });
    await expectAccessible(hr, 'the offboarding page (HR)');

    // The night after the last day: the daily job (00:15) does the last day's work.
    const next = Date.parse(`${addDays(offboarding.lastDay, 1)}T00:30:00+08:00`);
    await clock.advance(next - runtime.now().getTime());
    const api = await apiAs(runtime, hrLogin); // sessions age with the clock: sign in again
    await until(async () => (await api<Offboarding>(`/offboardings/${offboarding.id}`)).leftAt ?? undefined, 'the last day’s work', 30_000);

    const again = await harness.newPage();
    await signIn(again, runtime.url, hrLogin.email, hrLogin.password);
    await again.goto(address);
    await expect.poll(() => again.getByTestId('close-checklist').locator('[data-done="false"]').count()).toBe(0);
    await again.getByRole('button', { name: '办结' }).click();
    await expect.poll(() => again.getByTestId('offboarding-status').innerText()).toBe('已办结');
    expect((await api<Offboarding>(`/offboardings/${offboarding.id}`)).status).toBe('completed');
    await expectAccessible(again, 'the closed offboarding (HR)');
  }, 300_000);

  it('HR’s leavers sheet shows the leaver with the dates, the amount owed and the handover signed, filters by last day and exports .xlsx for payroll; the employee’s file lists the offboarding', async () => {
    const runtime = harness.runtime;
    const hrLogin = demoLogins(runtime, 'hr')[0]!;
    const { offboarding, leaver } = await leaverWithOffboarding(runtime);
    const api = await apiAs(runtime, hrLogin);
    await api(`/offboardings/${offboarding.id}/inventory/headset`, { returned: false });

    const page = await harness.newPage();
    await signIn(page, runtime.url, hrLogin.email, hrLogin.password);
    await page.getByRole('menuitem', { name: '离职办理' }).click();
    await page.waitForURL(/#\/offboardings/);
    const cell = (field: string) => page.locator('.ag-row', { has: page.locator('[col-id="employeeName"]', { hasText: leaver.name }) }).locator(`[col-id="${field}"]`).first();
    await cell('employeeName').waitFor();
    expect(await cell('reason').innerText()).toBe('辞职');
    expect(await cell('finalPayDateFixed').innerText()).toBe('预计');
    expect(await cell('status').innerText()).toBe('办理中');
    expect(await cell('amountOwed').innerText()).toBe('¥150.00');
    expect(await cell('handoverProgress').innerText()).toBe('0/0');
    if (process.env.OFFBOARDING_LIST_SCREENSHOT) await page.screenshot({ path: process.env.OFFBOARDING_LIST_SCREENSHOT, fullPage: true });
    await expectAccessible(page, 'the leavers sheet');

    // A last-day range that ends before the last day leaves the leaver out; one that holds it, in.
    const before = addDays(offboarding.lastDay, -1);
    await page.goto(`${runtime.url}/#/offboardings?filter=${encodeURIComponent(JSON.stringify({ status: 'open', to: before }))}`);
    await page.getByRole('textbox', { name: '最后工作日至' }).waitFor();
    await expect.poll(() => page.locator('.ag-row [col-id="employeeName"]', { hasText: leaver.name }).count()).toBe(0);
    await page.goto(`${runtime.url}/#/offboardings?filter=${encodeURIComponent(JSON.stringify({ status: 'open', from: offboarding.lastDay, to: offboarding.lastDay }))}`);
    await cell('employeeName').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('leavers-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^离职人员-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ws = (await workbookOf(download)).worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '工号', '姓名', '离职类型', '最后工作日', '工资结算日', '结算日状态', '办理状态', '应赔偿金额（元）', '交接签收']);
    const line = ws.getRow(2).values as unknown[];
    expect(line.slice(2, 4)).toEqual([leaver.name, '辞职']);
    expect(line[4]).toEqual(new Date(`${offboarding.lastDay}T00:00:00Z`));
    expect(line.slice(6, 10)).toEqual(['预计', '办理中', 150, '0/0']);

    // The employee's file lists it, and leads to it.
    await page.goto(`${runtime.url}/#/employees/${leaver.employeeId}/show`);
    const section = page.locator('section[aria-labelledby="offboardings-title"]');
    await section.getByRole('heading', { name: '离职办理' }).waitFor();
    await section.getByRole('row').filter({ hasText: '辞职' }).getByText('办理中').waitFor();
    await section.getByRole('link', { name: '查看' }).click();
    await page.waitForURL(new RegExp(`#/offboardings/${offboarding.id}/show`));
    await page.getByRole('heading', { name: leaver.name, level: 2 }).waitFor();
  }, 300_000);
});

async function workbookOf(download: Download): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await readFile((await download.path())!)).buffer);
  return workbook;
}
