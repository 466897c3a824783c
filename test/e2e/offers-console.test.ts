import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { candidatePut, getCandidate } from '../../functions/storage/candidates.js';
import { getOpening } from '../../functions/storage/openings.js';
import { transact } from '../../functions/storage/transact.js';
import type { MailCatcher } from '../../infra/local/mail-catcher.js';
import { until, waitForMail } from '../support/mail.js';
import { describeFindings, seriousViolations } from './axe.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, approveAs, companyDate, demoLogins, type Api, type Employee } from './demo-api.js';

/**
 * 录用通知 (POLICIES.md §2 steps 5–6) in a real browser against the local runtime with the demo
 * department: an approved requisition and a candidate whose hire the GM approved are set up
 * through the API; HR makes the offer from the console (the salary's range on the ladder shown,
 * a warning outside it), the letter reaches the candidate's mailbox, HR finds the offer in the
 * sheet, opens it and records the report (报到) — a missing document is said under the
 * checkboxes — and lands on the new employee's file with its onboarding checklist.
 */
if (!hasChromium) warnNoChromium('offers e2e');


(hasChromium ? describe : describe.skip)('录用通知 in the console', () => {
  const harness = useConsoleRuntime('offers');

  /** The page as it is now has no serious WCAG 2.1 AA violation. */
  async function expectAccessible(page: Page, where: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const findings = await seriousViolations(page);
    expect(findings.length, describeFindings(where, findings)).toBe(0);
  }


  /** An open opening: a supervisor's requisition, approved along its chain (CS manager → HR → GM). */
  async function openOpening(headcount = 1, supervisorIndex = 0): Promise<{ openingId: string; teamName: string }> {
    const supervisor = demoLogins(harness.runtime, 'supervisor')[supervisorIndex]!;
    const api = await apiAs(harness.runtime, supervisor);
    const own = await api<Employee & { teamName: string }>(`/employees/${supervisor.employeeId}`);
    const { id } = await api<{ id: string }>('/requisitions', {
      post: 'agent', teamId: own.teamId, headcount, reason: '旺季来电量增长', requirements: '普通话标准', level: 'trainee', wantedBy: companyDate(30),
    });
    for (const [role, step] of [['cs_manager', 'cs_manager'], ['hr', 'hr'], ['gm', 'gm']] as const) await approveAs(harness.runtime, role, id, step);
    await until(async () => (await getOpening(harness.runtime.store, id))?.status === 'open', 'the opening', 30_000);
    return { openingId: id, teamName: own.teamName };
  }

  /** A candidate of the opening whose hire the GM approved (the hiring flow's end, tested in test/functions/workflow/hiring-flow.test.ts). */
  async function approvedCandidate(hr: Api, openingId: string, name: string): Promise<{ id: string; email: string }> {
    const n = Date.now() % 100_000_000;
    const email = `offer.${n}@example.net`;
    const { id } = await hr<{ id: string }>('/candidates', { openingId, name, phone: `138${String(n).padStart(8, '0')}`, email, source: 'boss' });
    const store = harness.runtime.store;
    const c = (await getCandidate(store, id))!;
    await transact(store, [candidatePut(store, { ...c, stage: 'offer', version: c.version + 1 }, c)]);
    return { id, email };
  }

  it('HR makes the offer, the letter reaches the candidate, and HR records the report and lands on the new employee’s file', async () => {
    const runtime = harness.runtime;
    const hrLogin = demoLogins(runtime, 'hr')[0]!;
    const hr = await apiAs(runtime, hrLogin);
    const { openingId, teamName } = await openOpening();
    const candidate = await approvedCandidate(hr, openingId, '白录用');
    const mentor = (await hr<{ items: Array<Employee & { employeeNo: string }> }>('/employees?status=regular&limit=20')).items[0]!;

    const page = await harness.newPage();
    await signIn(page, runtime.url, hrLogin.email, hrLogin.password);
    await page.getByRole('menuitem', { name: '录用通知' }).click();
    await page.waitForURL(/#\/offers/);

    // 发录用通知: the opening, then the candidate the GM approved.
    await page.getByRole('button', { name: '发录用通知' }).click();
    const dialog = page.getByRole('dialog', { name: '发录用通知' });
    await dialog.getByRole('combobox', { name: '招聘职位' }).click();
    await page.getByRole('option', { name: new RegExp(teamName) }).click();
    await dialog.getByRole('combobox', { name: '候选人（总经理已批准录用）' }).click();
    await page.getByRole('option', { name: new RegExp('白录用') }).click();
    await dialog.getByLabel('入职日期').fill(companyDate(1));
    // The level comes from the opening (trainee): its range on the ladder is 1800 + 20%.
    await expect.poll(() => dialog.getByTestId('offer-salary-range').innerText()).toContain('1,800 – 2,160');
    await dialog.getByRole('spinbutton', { name: '基本工资（元/月）' }).fill('2500');
    await dialog.getByTestId('offer-outside-ladder').getByText('须总经理审批通过后才发出录用通知书').waitFor();
    expect(await dialog.getByRole('spinbutton', { name: '试用期（月）' }).inputValue()).toBe('3');
    await expectAccessible(page, 'the offer form');
    await dialog.getByRole('spinbutton', { name: '基本工资（元/月）' }).fill('1800');
    await expect.poll(() => dialog.getByTestId('offer-outside-ladder').count()).toBe(0);
    await dialog.getByRole('button', { name: '发出录用通知' }).click();

    // Its page: sent, with its terms and history; the letter is in the candidate's mailbox.
    await page.waitForURL(/#\/offers\/[^/]+\/show$/);
    const offerUrl = page.url();
    await page.getByRole('heading', { level: 1, name: new RegExp('录用通知：白录用') }).waitFor();
    await expect.poll(() => page.getByTestId('offer-status').innerText(), { timeout: 15_000 }).toBe('已发出');
    await page.getByTestId('offer-history').getByText('录用通知书已邮件发给候选人').waitFor();
    const letter = await waitForMail({ webUrl: runtime.mailUrl! } as MailCatcher, candidate.email, /录用通知书/, 30_000);
    expect(letter.text).toContain('1,800');
    await expectAccessible(page, 'the offer page');

    // The sheet: the new offer, sent.
    await page.getByRole('menuitem', { name: '录用通知' }).click();
    const row = page.locator('.ag-row', { has: page.locator('[col-id="candidateName"]', { hasText: '白录用' }) }).first();
    await expect.poll(() => row.locator('[col-id="status"]').innerText(), { timeout: 20_000 }).toBe('已发出');
    expect(await row.locator('[col-id="reportBy"]').innerText()).not.toBe('');
    await expectAccessible(page, 'the offers sheet');
    await row.locator('[col-id="candidateName"]').click();
    await page.waitForURL(offerUrl);

    // 办理报到: two documents only — the API's words under the checkboxes; then all three and a mentor.
    await page.getByRole('button', { name: '办理报到' }).click();
    const report = page.getByRole('dialog', { name: '办理报到：白录用' });
    expect(await report.getByLabel('报到日期').inputValue()).toBe(companyDate());
    await report.getByRole('checkbox', { name: '身份证' }).check();
    await report.getByRole('checkbox', { name: '学历证书' }).check();
    await expectAccessible(page, 'the report dialog');
    await report.getByRole('button', { name: '确认报到' }).click();
    await report.getByText('报到须查验以下材料：体检报告').first().waitFor();
    await report.getByRole('checkbox', { name: '体检报告' }).check();
    await report.getByRole('combobox', { name: '带教师傅' }).fill(mentor.name);
    await page.getByRole('option', { name: new RegExp(mentor.name) }).first().click();
    await report.getByRole('button', { name: '确认报到' }).click();

    // The new employee's file, with the onboarding checklist naming the mentor.
    await page.waitForURL(/#\/employees\/[^/]+\/show$/);
    const employeeId = /#\/employees\/([^/]+)\/show$/.exec(page.url())![1]!;
    const employee = await hr<Employee & { baseSalary: number }>(`/employees/${employeeId}`);
    expect(employee).toMatchObject({ name: '白录用', status: 'probation', baseSalary: 1800 });
    const checklist = page.locator('section[aria-labelledby="onboarding-title"]');
    await checklist.getByRole('heading', { name: '入职清单' }).waitFor();
    await checklist.getByText(mentor.name).first().waitFor();

    // Back on the offer: reported, linking to the file.
    await page.goto(offerUrl);
    await expect.poll(() => page.getByTestId('offer-status').innerText(), { timeout: 15_000 }).toBe('已报到');
    await page.getByTestId('offer-history').getByText('查验证件：身份证、学历证书、体检报告').waitFor();
    await page.getByTestId('offer-employee').getByRole('link', { name: '查看员工档案' }).waitFor();
    await page.getByText('此录用通知已结束，无可办理事项。').waitFor();
  }, 240_000);

  it('HR records a declined answer given by phone, and withdraws another offer with a reason (required)', async () => {
    const runtime = harness.runtime;
    const hrLogin = demoLogins(runtime, 'hr')[0]!;
    const hr = await apiAs(runtime, hrLogin);
    const { openingId } = await openOpening(2, 1);
    const offerFor = async (name: string) => {
      const c = await approvedCandidate(hr, openingId, name);
      return hr<{ id: string; status: string }>('/offers', { candidateId: c.id, startDate: companyDate(3), level: 'trainee', baseSalary: 1900 });
    };
    const declining = await offerFor('黄拒绝');
    const withdrawn = await offerFor('蓝撤回');
    expect([declining.status, withdrawn.status]).toEqual(['sent', 'sent']);

    const page = await harness.newPage();
    await signIn(page, runtime.url, hrLogin.email, hrLogin.password);
    await page.goto(`${runtime.url}/#/offers/${declining.id}/show`);
    await page.getByRole('button', { name: '记录候选人答复' }).click();
    const answer = page.getByRole('dialog', { name: '记录候选人答复' });
    await answer.getByRole('radio', { name: '拒绝录用' }).check();
    await answer.getByRole('textbox', { name: '拒绝理由（可选）' }).fill('已接受其他公司的录用');
    await expectAccessible(page, 'the answer dialog');
    await answer.getByRole('button', { name: '保存答复' }).click();
    await expect.poll(() => page.getByTestId('offer-status').innerText(), { timeout: 15_000 }).toBe('已拒绝');
    const history = page.getByTestId('offer-history');
    await history.getByText(`候选人拒绝录用（${hrLogin.name} 代为记录）`).waitFor();
    await history.getByText('理由：已接受其他公司的录用').waitFor();
    await page.getByText('此录用通知已结束，无可办理事项。').waitFor();

    await page.goto(`${runtime.url}/#/offers/${withdrawn.id}/show`);
    await page.getByRole('button', { name: '撤回' }).click();
    const dialog = page.getByRole('dialog', { name: '撤回录用通知？' });
    await dialog.getByRole('button', { name: '确认撤回' }).click();
    // The reason is required: nothing is sent without one.
    await dialog.getByText('必填').first().waitFor();
    await dialog.getByRole('textbox', { name: '撤回理由' }).fill('岗位编制调整');
    await dialog.getByRole('button', { name: '确认撤回' }).click();
    await expect.poll(() => page.getByTestId('offer-status').innerText(), { timeout: 15_000 }).toBe('已撤回');
    await page.getByTestId('offer-history').locator('[data-event="withdrawal"]').waitFor();
    expect((await hr<{ status: string }>(`/offers/${withdrawn.id}`)).status).toBe('withdrawn');
    // The candidate may be made an offer again (the API moves them back to stage offer).
    await page.getByText('此录用通知已结束，无可办理事项。').waitFor();
  }, 240_000);
});
