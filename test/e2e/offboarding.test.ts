import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, companyToday } from '../../functions/domain/people/dates.js';
import { ControllableClock } from '../../infra/local/clock.js';
import type { LocalRuntime } from '../../infra/local/runtime.js';
import { decisionLinks, inbox, until, type CaughtMail } from '../support/mail.js';
import { describeFindings, expectAccessible, seriousViolations } from './axe.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { serveConsoleSnapshot, snapshotConsole, type ConsoleSnapshot } from './console-snapshot.js';
import { apiAs, approveAs, demoLogins, openFromInbox, type DemoLogin, type Employee } from './demo-api.js';
import { mailOf } from './recruitment.js';

/**
 * Leaving the company (#15; POLICIES.md §9; seed 001 六) in Chromium against the local runtime, on
 * a clock the test moves: one journey from the employee's resignation to HR's closed record. An
 * agent resigns on a phone (申请离职, the last day today: earlier than the notice); the supervisor
 * approves from the mail's link, the CS manager in 待我审批, HR by API, and the approval opens the
 * offboarding. The receiver signs a handover item on a phone; HR checks the inventory (one item
 * missing, at another amount than the policy's), fills the exit form, is refused 办结 while the
 * last day has not passed (the checklist says so). Once the night's job has done the last day's
 * work, the leaver can no longer sign in, their file says 离职, and HR closes the record (已办结).
 * HR's leavers sheet shows a row and exports it for payroll; the employee's file lists it. Axe on
 * each page.
 *
 * Whoever signs in after the clock moved does it in a new browser context: the sessions opened
 * before have expired on the server (they age with the runtime's clock) while their pages still
 * hold the cookie. Every page loads the console from a copy taken when the file started
 * (console-snapshot.ts): another test run in the same checkout may rebuild admin/dist meanwhile,
 * and a page opened while the build is half written never shows its login form.
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
  let consoleCopy: ConsoleSnapshot | undefined;
  beforeAll(async () => {
    consoleCopy = await snapshotConsole();
  });
  afterAll(() => consoleCopy?.dispose());

  /** A page in a context of its own, loading the console as built when the file started (console-snapshot.ts). */
  async function newPage(viewport?: { width: number; height: number }): Promise<Page> {
    const page = await harness.newPage(viewport);
    await serveConsoleSnapshot(page.context(), harness.runtime.url, consoleCopy!);
    return page;
  }

  /** A regular agent of the demo who signs in, with a superior who signs in too (a handover's receiver). */
  async function agentWithSuperior(runtime: LocalRuntime): Promise<{ leaver: DemoLogin; superior: DemoLogin }> {
    const hr = await apiAs(runtime, demoLogins(runtime, 'hr')[0]!);
    const { items } = await hr<{ items: Array<Employee & { post: string }> }>('/employees?status=regular&limit=200');
    const loginOf = (employeeId: string | null) => runtime.demoLogins.find((l) => l.employeeId === employeeId);
    const employee = items.find((e) => e.post === 'agent' && !used.has(e.id) && loginOf(e.id) && loginOf(e.superiorId));
    if (!employee) throw new Error('the demo has no agent left who signs in under a superior who does');
    used.add(employee.id);
    return { leaver: loginOf(employee.id)!, superior: loginOf(employee.superiorId)! };
  }

  /**
   * An agent who resigned through the API with the last day today (company time), approved by
   * the chain: the offboarding the approval opened.
   */
  async function leaverWithOffboarding(runtime: LocalRuntime): Promise<{ offboarding: Offboarding; leaver: DemoLogin }> {
    const { leaver } = await agentWithSuperior(runtime);
    const own = await apiAs(runtime, leaver);
    const resignation = await own<Resignation>('/resignations', { employeeId: leaver.employeeId, reason: '回老家发展', lastDay: companyToday(runtime.now()) });
    await approveAs(runtime, 'supervisor', resignation.id, 'supervisor');
    await approveAs(runtime, 'cs_manager', resignation.id, 'cs_manager');
    await approveAs(runtime, 'hr', resignation.id, 'hr');
    return { offboarding: await offboardingOf(runtime, resignation.id), leaver };
  }

  /** The offboarding an approved resignation opens (the workflow opens it a moment after HR's decision). */
  async function offboardingOf(runtime: LocalRuntime, resignationId: string): Promise<Offboarding> {
    const hr = await apiAs(runtime, demoLogins(runtime, 'hr')[0]!);
    const id = await until(async () => (await hr<Resignation>(`/resignations/${resignationId}`)).offboardingId ?? undefined, 'the offboarding the approval opens', 30_000);
    return hr<Offboarding>(`/offboardings/${id}`);
  }

  /** Which of `logins` the runtime mailed a message whose subject matches (an approver asked by mail), and that mail. */
  async function mailedTo(runtime: LocalRuntime, logins: readonly DemoLogin[], subject: RegExp): Promise<{ login: DemoLogin; mail: CaughtMail }> {
    const catcher = mailOf(runtime);
    return until(async () => {
      for (const login of logins) {
        const mail = (await inbox(catcher, login.email)).find((m) => subject.test(m.subject));
        if (mail) return { login, mail };
      }
      return undefined;
    }, `a mail matching ${subject}`, 30_000);
  }

  const row = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

  it('an agent resigns on a phone; the supervisor approves from the mail, the CS manager in 待我审批, then HR; the receiver signs on a phone; HR checks the inventory and fills the exit form, is refused 办结 before the last day has passed; after the night’s job the leaver cannot sign in and is 离职, and HR closes the record', async () => {
    const runtime = harness.runtime;
    const hrLogin = demoLogins(runtime, 'hr')[0]!;
    const { leaver, superior } = await agentWithSuperior(runtime);
    const lastDay = companyToday(runtime.now());
    const title = `辞职申请：${leaver.name}`;

    // The agent resigns on their phone from 申请离职, the last day today: earlier than the month's notice.
    const own = await newPage(PHONE);
    await signIn(own, runtime.url, leaver.email, leaver.password);
    await own.getByRole('button', { name: '打开菜单' }).click();
    await own.getByRole('menuitem', { name: '申请离职' }).click();
    await own.waitForURL(/#\/resignations$/);
    await own.getByRole('heading', { level: 1, name: '申请离职' }).waitFor();
    await expect.poll(() => own.getByTestId('resignation-notice').innerText(), { timeout: 15_000 }).toContain('提前 1 个月提交');
    await own.getByLabel('最后工作日').fill(lastDay);
    await own.getByTestId('resignation-shortened').getByText('提前离职，需审批人同意').waitFor();
    await own.getByRole('textbox', { name: '辞职原因' }).fill('回老家发展');
    await expectAccessible(own, 'the resignation form on a phone (leaver)', { oneH1: true });
    await own.getByRole('button', { name: '提交辞职申请' }).click();
    await own.waitForURL(/#\/resignations\/[^/]+\/show$/);
    const resignationId = decodeURIComponent(/#\/resignations\/([^/]+)\/show$/.exec(own.url())![1]!);
    await own.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await own.getByTestId('resignation-status').innerText()).toBe('审批中');
    const chain = own.getByTestId('resignation-chain');
    await expect.poll(() => chain.locator('[data-chain-step][data-active]').getAttribute('data-chain-step'), { timeout: 30_000 }).toBe('supervisor');
    await expectAccessible(own, 'the resignation page on a phone (leaver)', { oneH1: true });

    // The supervisor over them is asked by mail and approves from its link, without signing in.
    const { login: supervisor, mail: ask } = await mailedTo(runtime, demoLogins(runtime, 'supervisor'), new RegExp(`^【待审批】${title} — 主管审批$`));
    const link = await newPage(PHONE);
    await link.goto(decisionLinks(ask).approve);
    await link.getByRole('heading', { level: 1, name: title }).waitFor();
    await link.getByText(`您正在以 ${supervisor.name} 的身份批准此审批环节。`).waitFor();
    await link.getByRole('textbox', { name: '审批意见' }).fill('同意（邮件）');
    await link.getByRole('button', { name: '批准' }).click();
    await link.getByRole('heading', { level: 1, name: '已批准' }).waitFor();

    // The CS manager is asked by mail and approves in 待我审批.
    const { login: manager } = await mailedTo(runtime, demoLogins(runtime, 'cs_manager'), new RegExp(`^【待审批】${title} — 客服经理审批$`));
    const inboxPage = await newPage();
    await signIn(inboxPage, runtime.url, manager.email, manager.password);
    await openFromInbox(inboxPage, runtime.url, leaver.name);
    await inboxPage.getByText('回老家发展').first().waitFor();
    await inboxPage.getByRole('button', { name: '同意' }).click();
    await inboxPage.waitForURL(/#\/approvals$/);

    // HR's review (by API) approves it, and the approval opens the offboarding; the leaver's page says 已批准.
    await approveAs(runtime, 'hr', resignationId, 'hr');
    const offboarding = await offboardingOf(runtime, resignationId);
    expect(offboarding.lastDay).toBe(lastDay);
    await own.reload();
    const toOffboarding = own.getByTestId('resignation-offboarding').getByRole('link', { name: '查看离职办理' });
    await toOffboarding.waitFor();
    expect(await own.getByTestId('resignation-status').innerText()).toBe('已批准');
    expect(await toOffboarding.getAttribute('href')).toBe(`#/offboardings/${offboarding.id}/show`);
    const address = `${runtime.url}/#/offboardings/${offboarding.id}/show`;

    // HR opens the record: the last day today, the final-pay date provisional, nothing owed yet.
    const hr = await newPage();
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
    const phone = await newPage(PHONE);
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
      // The row's state, not the button (disabled while its request runs): the answer is in before
      // the next item is checked, so no earlier answer replaces a later record on the page.
      await itemRow.getByRole('cell').nth(1).getByText('已归还', { exact: true }).waitFor();
      expect(await itemRow.getByRole('button', { name: '已归还' }).isDisabled()).toBe(true);
    }
    await expect.poll(() => hr.getByTestId('amount-owed').innerText()).toBe('¥120');
    await expect.poll(() => hr.getByTestId('inventory-owed').innerText()).toBe('¥120');
    // Everything signed and checked on the last day: the final-pay date is fixed.
    await hr.getByTestId('final-pay-date').getByText('预计').waitFor({ state: 'detached' });

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
    const next = Date.parse(`${addDays(lastDay, 1)}T00:30:00+08:00`);
    await clock.advance(next - runtime.now().getTime());
    const api = await apiAs(runtime, hrLogin); // sessions age with the clock: sign in again
    await until(async () => (await api<Offboarding>(`/offboardings/${offboarding.id}`)).leftAt ?? undefined, 'the last day’s work', 30_000);

    // The leaver's account is closed: their sign-in is refused, on the phone as through the API.
    const gone = await newPage(PHONE);
    await gone.goto(`${runtime.url}/#/login`);
    await gone.locator('input[name="email"]').fill(leaver.email);
    await gone.locator('input[name="password"]').fill(leaver.password);
    await gone.locator('button[type="submit"]').click();
    await gone.getByText('邮箱或密码不正确').first().waitFor();
    expect(new URL(gone.url()).hash).toBe('#/login');
    const refused = await fetch(`${runtime.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: leaver.email, password: leaver.password }) });
    expect(refused.status).toBe(401);

    // HR, signed in afresh: the employee's file says 离职; the checklist has nothing missing, and 办结 closes the record.
    const again = await newPage();
    await signIn(again, runtime.url, hrLogin.email, hrLogin.password);
    await again.goto(`${runtime.url}/#/employees/${leaver.employeeId}/show`);
    await again.locator('section[aria-labelledby="profile-title"]').getByText('离职', { exact: true }).waitFor();
    expect((await api<Employee>(`/employees/${leaver.employeeId}`)).status).toBe('terminated');
    await again.goto(address);
    const closing = again.getByTestId('close-checklist');
    await closing.locator('[data-requirement="lastDay"][data-done="true"]').waitFor();
    expect(await closing.locator('[data-done="false"]').count()).toBe(0);
    await again.getByRole('button', { name: '办结' }).click();
    await again.getByTestId('offboarding-status').getByText('已办结', { exact: true }).waitFor();
    expect((await api<Offboarding>(`/offboardings/${offboarding.id}`)).status).toBe('completed');
    await expectAccessible(again, 'the closed offboarding (HR)');
  }, 300_000);

  it('HR’s leavers sheet shows the leaver with the dates, the amount owed and the handover signed, filters by last day and exports .xlsx for payroll; the employee’s file lists the offboarding', async () => {
    const runtime = harness.runtime;
    const hrLogin = demoLogins(runtime, 'hr')[0]!;
    const { offboarding, leaver } = await leaverWithOffboarding(runtime);
    const api = await apiAs(runtime, hrLogin);
    await api(`/offboardings/${offboarding.id}/inventory/headset`, { returned: false });

    const page = await newPage();
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
    // The leaver's row (another test's leaver may share the last day).
    const line = (ws.getSheetValues().slice(2) as unknown[][]).find((values) => values?.[2] === leaver.name);
    if (!line) throw new Error(`the export has no row for ${leaver.name}`);
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
