import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible as expectConsolePageAccessible } from './axe.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, approveAs, companyDate, demoLogins, openFromInbox, type DemoLogin, type Employee } from './demo-api.js';

/**
 * 辞职申请 (POLICIES.md §9; #15) in a real browser against the local runtime with the demo
 * department. On a 375 × 812 phone an agent opens 申请离职 from the menu, reads the notice the
 * policy asks of them (one month) and the earliest last day, picks an earlier day and is warned
 * (提前离职，需审批人同意); an empty reason is named under its input; handed in, the resignation's
 * page shows 审批中 and its chain; a second one while it is open is refused in the server's
 * words on the form; withdrawn with a reason, it reads 已撤回. HR hands one in for a trainee from
 * their file (three days' notice in probation); the supervisor finds it in 待我审批 and approves it
 * there; approved through the chain, its page links to the offboarding.
 */
if (!hasChromium) warnNoChromium('resignations e2e');

const PHONE = { width: 375, height: 812 };

(hasChromium ? describe : describe.skip)('辞职申请 in the console', () => {
  const harness = useConsoleRuntime('resignations');

  /** The page as it is now has no serious WCAG 2.1 AA violation, and one h1: the app bar's title. */
  const expectAccessible = (page: Page, where: string) => expectConsolePageAccessible(page, where, { oneH1: true });
  const noSideScroll = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

  /** The first agent of the demo whose employee record has this status. */
  async function agentWithStatus(status: string, skip: readonly string[] = []): Promise<DemoLogin & { employee: Employee }> {
    const hr = await apiAs(harness.runtime, demoLogins(harness.runtime, 'hr')[0]!);
    for (const login of demoLogins(harness.runtime, 'agent')) {
      if (skip.includes(login.employeeId)) continue;
      const employee = await hr<Employee>(`/employees/${login.employeeId}`);
      if (employee.status === status) return { ...login, employee };
    }
    throw new Error(`the demo has no agent with status ${status}`);
  }

  it('an agent resigns on a phone: the notice and earliest day, the early-day warning, a field error, the chain, a second one refused, then 撤回', async () => {
    const agent = await agentWithStatus('regular');
    const page = await harness.newPage(PHONE);
    await signIn(page, harness.runtime.url, agent.email, agent.password);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('menuitem', { name: '申请离职' }).click();
    await page.waitForURL(/#\/resignations$/);
    await page.getByRole('heading', { level: 1, name: '申请离职' }).waitFor();

    // The notice a regular employee gives: one month, and the earliest last day it allows (the
    // form's own reckoning, checked against the API's below).
    const notice = page.getByTestId('resignation-notice');
    await expect.poll(() => notice.innerText(), { timeout: 15_000 }).toContain('提前 1 个月提交');
    const earliest = (await page.getByTestId('resignation-earliest').getAttribute('data-day'))!;
    expect(earliest > companyDate(27) && earliest <= companyDate(31)).toBe(true);
    expect(await page.getByLabel('最后工作日').inputValue()).toBe(earliest);
    expect(await page.getByTestId('resignation-shortened').count()).toBe(0);
    await page.getByTestId('chain-preview').getByText('主管审批').waitFor();
    expect(await page.getByTestId('resignation-history').count()).toBe(0);
    await page.getByText('还没有辞职申请。').waitFor();
    expect(await noSideScroll(page)).toBe(true);
    await expectAccessible(page, 'the resignation form on a phone');

    // A week from now is earlier than the notice allows: 提前离职, the approvers must agree.
    const early = companyDate(7);
    await page.getByLabel('最后工作日').fill(early);
    await page.getByTestId('resignation-shortened').getByText('提前离职，需审批人同意').waitFor();

    // No reason: said under the reason itself, and nothing is handed in.
    await page.getByRole('button', { name: '提交辞职申请' }).click();
    const reason = page.getByRole('textbox', { name: '辞职原因' });
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('必填').first().waitFor();
    // Spaces only pass the form's own check; the API refuses them, also under the input.
    await reason.fill('   ');
    await page.getByRole('button', { name: '提交辞职申请' }).click();
    await expect.poll(() => reason.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    expect(page.url()).toMatch(/#\/resignations$/);
    await expectAccessible(page, 'the resignation form with an error');

    await reason.fill('家人在外地，需要回老家照顾');
    await page.getByRole('button', { name: '提交辞职申请' }).click();
    await page.waitForURL(/#\/resignations\/[^/]+\/show$/);
    const showUrl = page.url();
    const id = decodeURIComponent(/#\/resignations\/([^/]+)\/show$/.exec(showUrl)![1]!);
    const handedIn = await (await apiAs(harness.runtime, agent))<{ earliestLastDay: string; lastDay: string; shortenedNotice: boolean }>(`/resignations/${id}`);
    expect(handedIn).toMatchObject({ earliestLastDay: earliest, lastDay: early, shortenedNotice: true });

    // Its page: 审批中, the shortened notice, and the chain waiting on the supervisor.
    await page.getByRole('heading', { level: 1, name: `辞职申请：${agent.name}` }).waitFor();
    expect(await page.getByTestId('resignation-status').innerText()).toBe('审批中');
    await page.getByTestId('resignation-shortened').waitFor();
    const details = await page.getByTestId('resignation-details').innerText();
    for (const text of ['家人在外地，需要回老家照顾', '是，早于通知期']) expect(details).toContain(text);
    const chain = page.getByTestId('resignation-chain');
    const stepKeys = await Promise.all((await chain.locator('[data-chain-step]').all()).map((step) => step.getAttribute('data-chain-step')));
    expect(stepKeys).toEqual(['supervisor', 'cs_manager', 'hr']);
    await expect.poll(() => chain.locator('[data-chain-step][data-active]').getAttribute('data-chain-step'), { timeout: 30_000 }).toBe('supervisor');
    await page.getByTestId('withdraw-resignation').waitFor();
    expect(await noSideScroll(page)).toBe(true);
    await expectAccessible(page, 'the resignation page on a phone');

    // Back on 申请离职: the open one is said and listed; a second is refused in the server's words, on the form.
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('menuitem', { name: '申请离职' }).click();
    await page.getByTestId('resignation-open').waitFor();
    await expect.poll(() => page.getByTestId('resignation-history').innerText()).toContain('审批中');
    await page.getByRole('textbox', { name: '辞职原因' }).fill('再交一份');
    await page.getByRole('button', { name: '提交辞职申请' }).click();
    await page.getByTestId('resignation-refusal').getByText('该员工已有进行中的辞职申请或离职办理').waitFor();
    expect(page.url()).toMatch(/#\/resignations$/);

    // 撤回, confirmed, with a reason: 已撤回, and no 撤回 any more.
    await page.getByTestId('resignation-open').getByRole('link', { name: '查看辞职申请' }).click();
    await page.waitForURL(showUrl);
    await page.getByTestId('withdraw-resignation').click();
    const dialog = page.getByRole('dialog', { name: '撤回辞职申请？' });
    await dialog.getByRole('textbox', { name: '撤回原因（选填）' }).fill('家里情况有变，决定留下');
    // A modal dialog hides the page behind it, its h1 too: axe alone.
    await expectConsolePageAccessible(page, 'the withdraw dialog on a phone');
    await dialog.getByRole('button', { name: '确认撤回' }).click();
    await expect.poll(() => page.getByTestId('resignation-status').innerText(), { timeout: 15_000 }).toBe('已撤回');
    expect(await page.getByTestId('withdraw-resignation').count()).toBe(0);
  }, 180_000);

  it('HR hands one in for a trainee from their file; the supervisor approves it in 待我审批; approved, its page links to the offboarding', async () => {
    const trainee = await agentWithStatus('probation');
    const hrLogin = demoLogins(harness.runtime, 'hr')[0]!;
    const hr = await harness.newPage();
    await signIn(hr, harness.runtime.url, hrLogin.email, hrLogin.password);
    await hr.goto(`${harness.runtime.url}/#/employees/${trainee.employeeId}/show`);
    await hr.getByTestId('hand-in-resignation').click();
    await hr.waitForURL(/#\/resignations\/create\?employeeId=/);
    await hr.getByRole('heading', { level: 1, name: `代为提交辞职：${trainee.name}` }).waitFor();

    // On probation: three days' notice (the policy's probationDays).
    const earliest = companyDate(3);
    await expect.poll(() => hr.getByTestId('resignation-notice').innerText(), { timeout: 15_000 }).toContain('试用期员工提前 3 天提交');
    expect(await hr.getByTestId('resignation-earliest').getAttribute('data-day')).toBe(earliest);
    await hr.getByRole('textbox', { name: '辞职原因' }).fill('本人电话提出辞职，书面申请由人力资源部代交');
    await hr.getByRole('button', { name: '提交辞职申请' }).click();
    await hr.waitForURL(/#\/resignations\/[^/]+\/show$/);
    const id = decodeURIComponent(/#\/resignations\/([^/]+)\/show$/.exec(hr.url())![1]!);
    expect(await hr.getByTestId('resignation-details').innerText()).toContain(hrLogin.name);
    expect(await hr.getByTestId('resignation-shortened').count()).toBe(0);

    // The supervisor over the trainee finds it in 待我审批 and approves it there.
    const supervisorApis = await Promise.all(demoLogins(harness.runtime, 'supervisor').map(async (login) => ({ login, api: await apiAs(harness.runtime, login) })));
    const supervisor = await (async () => {
      for (let tries = 0; tries < 60; tries++) {
        for (const { login, api } of supervisorApis) {
          const { items } = await api<{ items: Array<{ requestId: string; stepKey: string }> }>('/approvals?status=pending');
          if (items.some((t) => t.requestId === id && t.stepKey === 'supervisor')) return login;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      throw new Error('no supervisor was asked');
    })();
    const page = await harness.newPage();
    await signIn(page, harness.runtime.url, supervisor.email, supervisor.password);
    await openFromInbox(page, harness.runtime.url, trainee.name);
    await page.getByText('本人电话提出辞职，书面申请由人力资源部代交').first().waitFor();
    await page.getByRole('button', { name: '同意' }).click();
    await page.waitForURL(/#\/approvals$/);

    // The rest of the chain by API; then the page links to the offboarding it opened.
    await approveAs(harness.runtime, 'cs_manager', id, 'cs_manager');
    await approveAs(harness.runtime, 'hr', id, 'hr');
    await hr.reload();
    const offboarding = hr.getByTestId('resignation-offboarding');
    await expect
      .poll(async () => {
        if ((await offboarding.count()) === 0) await hr.reload();
        return offboarding.count();
      }, { timeout: 30_000, interval: 1_000 })
      .toBe(1);
    expect(await hr.getByTestId('resignation-status').innerText()).toBe('已批准');
    expect(await offboarding.getByRole('link', { name: '查看离职办理' }).getAttribute('href')).toMatch(/#\/offboardings\/[^/]+\/show$/);
    await expectAccessible(hr, 'an approved resignation');
  }, 180_000);
});
