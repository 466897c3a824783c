import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { until } from '../support/mail.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, companyDate, demoLoginNamed, demoLogins, inboxTitleCell, openFromInbox, traineeWithoutReview, type Api, type DemoLogin, type Review } from './demo-api.js';

/**
 * The approval verbs from the console (approval verbs issue): 加签 before oneself, 抄送, 退回给
 * 发起人 and the resubmission, and 代理 from the user menu — each in a real browser against the
 * local runtime with demo data. HR starts each review through the API (HR is then its
 * requester), so the browser does only the verb under test and what the people involved see.
 */
if (!hasChromium) warnNoChromium('approval verbs e2e');

// The page re-reads after a decision; the workflow takes a moment to move on.
const WAIT = { timeout: 15_000, interval: 200 };
const SCORES = { scores: { dailyPerformance: 90, professionalTest: 88, interview: 86 }, attendance: { personalLeaveCount: 0, lateCount: 0, earlyLeaveCount: 0 } };

(hasChromium ? describe : describe.skip)('approval verbs in the console', () => {
  const harness = useConsoleRuntime('approval-verbs');
  const url = () => harness.runtime.url;
  const login = (role: string, index = 0) => demoLogins(harness.runtime, role)[index]!;

  async function pageAs(person: DemoLogin): Promise<Page> {
    const page = await harness.newPage();
    await signIn(page, url(), person.email, person.password);
    return page;
  }

  /** HR (the requester) starts an early review of a trainee; the supervisor's task, once the workflow asks. */
  async function startReview(): Promise<{ hr: Api; review: Review; trainee: string; supervisor: DemoLogin; taskId: string }> {
    const hr = await apiAs(harness.runtime, login('hr'));
    const trainee = await traineeWithoutReview(hr, harness.runtime);
    const review = await hr<Review>('/probation-reviews', { employeeId: trainee.id, kind: 'early' });
    const task = await until(async () => (await hr<Review>(`/probation-reviews/${review.id}`)).steps?.find((s) => s.status === 'pending')?.tasks?.[0], 'the supervisor step', 30_000);
    return { hr, review, trainee: trainee.name, supervisor: demoLoginNamed(harness.runtime, task.approverName), taskId: task.id };
  }

  /** After a decision or 退回 the page goes back to the inbox; if it does not, the notification says why. */
  async function backToInbox(page: Page): Promise<void> {
    try {
      await page.waitForURL(/#\/approvals$/);
    } catch (error) {
      await page.screenshot({ path: '/tmp/approval-verbs-failure.png', fullPage: true });
      const said = await page.locator('.MuiSnackbarContent-message').allInnerTexts();
      throw new Error(`still on ${page.url()}; the console said: ${said.join(' | ') || 'nothing'}`, { cause: error });
    }
  }

  const openTask = (page: Page, taskId: string) => page.goto(`${url()}/#/approvals/${encodeURIComponent(taskId)}/show`);

  /** Picks people in a picker by typing each name (the directory has everyone). */
  async function pick(page: Page, label: string, names: string[]): Promise<void> {
    for (const name of names) {
      await page.getByRole('combobox', { name: label }).fill(name);
      // An option reads "name · post · team" (#12: pickers show post and team beside names).
      const option = page.getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( · |$)`) });
      expect(await option.first().innerText()).toMatch(/ · /);
      await option.first().click();
    }
  }

  it('撤回 and 催办 show only to who may use them: the requester sees both, the approver neither, the approver’s superior only 催办 (#12 item 11)', async () => {
    const { review, supervisor } = await startReview();
    const reviewPage = (page: Page) => page.goto(`${url()}/#/probation-reviews/${encodeURIComponent(review.id)}/show`);
    const buttons = async (page: Page) => {
      await reviewPage(page);
      // The review's waiting list is drawn once the review is read.
      await page.getByRole('list', { name: '待处理人' }).waitFor({ timeout: 20_000 });
      return { withdraw: await page.getByTestId('withdraw-review').count(), remind: await page.getByRole('button', { name: '催办' }).count() };
    };
    expect(await buttons(await pageAs(login('hr')))).toEqual({ withdraw: 1, remind: 1 });
    expect(await buttons(await pageAs(supervisor))).toEqual({ withdraw: 0, remind: 0 });
    expect(await buttons(await pageAs(login('cs_manager')))).toEqual({ withdraw: 0, remind: 1 });
  }, 120_000);

  it('前加签 (或签) from the inbox: the added person approves first, then the approver again, and the record shows both by stage', async () => {
    const { review, trainee, supervisor, taskId } = await startReview();
    await (await apiAs(harness.runtime, supervisor))(`/approvals/${encodeURIComponent(taskId)}/decision`, { decision: 'approve', ...SCORES });
    const manager = login('cs_manager');
    const lead = login('team_lead');

    const managerPage = await pageAs(manager);
    await openFromInbox(managerPage, url(), trainee);
    const managerTask = managerPage.url();
    await managerPage.getByRole('button', { name: '加签' }).click();
    await pick(managerPage, '加签人', [lead.name]);
    await managerPage.getByRole('radio', { name: /前加签/ }).check();
    await managerPage.getByRole('radio', { name: /或签/ }).check();
    await managerPage.getByLabel('加签说明').fill('请先核对考勤');
    await managerPage.getByRole('button', { name: '确认加签' }).click();
    // Now the manager waits for the added person, with nothing to decide.
    await expect.poll(() => managerPage.getByTestId('waiting-note').innerText(), WAIT).toContain(lead.name);
    expect(await managerPage.getByRole('button', { name: '同意' }).count()).toBe(0);
    await managerPage.goto(`${url()}/#/approvals`);
    await managerPage.getByRole('tab', { name: '等待中' }).click();
    await inboxTitleCell(managerPage, trainee).waitFor();

    const leadPage = await pageAs(lead);
    await openFromInbox(leadPage, url(), trainee);
    expect(await leadPage.getByTestId('task-notes').innerText()).toContain(`由 ${manager.name} 加签`);
    await leadPage.getByLabel('审批意见').fill('考勤无误');
    await leadPage.getByRole('button', { name: '同意' }).click();
    await backToInbox(leadPage);

    // Back in the manager's 待我审批, the same task, to decide now.
    await openFromInbox(managerPage, url(), trainee);
    expect(managerPage.url()).toBe(managerTask);
    await managerPage.getByRole('button', { name: '同意' }).click();
    await backToInbox(managerPage);

    await managerPage.goto(managerTask);
    const step = managerPage.locator('[data-step="cs_manager"][data-step-status="decided"]');
    await expect.poll(() => step.locator('[data-stage="0"]').innerText(), WAIT).toContain(lead.name);
    expect(await step.locator('[data-stage="0"]').innerText()).toMatch(/第 1 组 · 或签[\s\S]*已同意[\s\S]*考勤无误/);
    expect(await step.locator('[data-stage="1"]').innerText()).toMatch(new RegExp(`第 2 组 · 或签[\\s\\S]*${manager.name}[\\s\\S]*已同意`));
    const after = await (await apiAs(harness.runtime, manager))<Review>(`/probation-reviews/${review.id}`);
    expect(after.currentStep).not.toBe('cs_manager');
  }, 90_000);

  it('抄送: the approver CCs someone, who finds it under 抄送我的 and has nothing to decide', async () => {
    const { trainee, supervisor, taskId } = await startReview();
    const reader = login('hr', 1);

    const supervisorPage = await pageAs(supervisor);
    await openTask(supervisorPage, taskId);
    await supervisorPage.getByRole('button', { name: '抄送' }).click();
    await pick(supervisorPage, '抄送给', [reader.name]);
    await supervisorPage.getByLabel('抄送说明').fill('请知悉');
    await supervisorPage.getByRole('button', { name: '确认抄送' }).click();
    await supervisorPage.getByText(`已抄送给 ${reader.name}`).waitFor();

    const readerPage = await pageAs(reader);
    await readerPage.goto(`${url()}/#/approvals`);
    await readerPage.getByRole('tab', { name: '抄送我的' }).click();
    await inboxTitleCell(readerPage, trainee).click();
    await readerPage.waitForURL(/#\/approvals\/[^/]+\/show$/);
    expect(await readerPage.getByTestId('cc-note').innerText()).toMatch(new RegExp(`${supervisor.name} 抄送给您[\\s\\S]*请知悉`));
    for (const verb of ['同意', '驳回', '退回', '加签', '转交']) expect(await readerPage.getByRole('button', { name: verb }).count()).toBe(0);
  }, 60_000);

  it('退回给发起人: the approver returns the review to its requester, who resubmits it from their inbox', async () => {
    const { hr, review, trainee, supervisor, taskId } = await startReview();

    const supervisorPage = await pageAs(supervisor);
    await openTask(supervisorPage, taskId);
    await supervisorPage.getByRole('button', { name: '退回' }).click();
    // The form unfolds; a click while it moves can land elsewhere.
    await supervisorPage.locator('.MuiCollapse-entered').waitFor();
    // The first step has no earlier step: 发起人 is the one choice, already picked.
    expect(await supervisorPage.getByRole('combobox', { name: '退回至' }).innerText()).toContain('发起人');
    await supervisorPage.getByLabel('退回原因').fill('请补充试用期工作总结');
    await supervisorPage.getByRole('button', { name: '确认退回' }).click();
    await backToInbox(supervisorPage);

    const requesterPage = await pageAs(login('hr'));
    await openFromInbox(requesterPage, url(), trainee);
    expect(await requesterPage.getByTestId('task-notes').innerText()).toContain('您的申请已被退回');
    const returned = requesterPage.locator('[data-step="supervisor"][data-return-to="requester"]');
    expect(await returned.innerText()).toMatch(/退回至发起人[\s\S]*请补充试用期工作总结/);
    expect(await requesterPage.getByRole('button', { name: '驳回' }).count()).toBe(0);
    // Editable resubmission (#12): the requester's 申请说明 is there to change.
    const statement = requesterPage.getByLabel('申请说明', { exact: true });
    expect(await statement.inputValue()).toBe('');
    await statement.fill('已补充试用期工作总结，见附件');
    await requesterPage.getByRole('button', { name: '重新提交' }).click();
    await backToInbox(requesterPage);

    // The chain starts again from its first step.
    const again = await until(async () => {
      const r = await hr<Review>(`/probation-reviews/${review.id}`);
      return r.steps?.some((s) => s.stepKey === 'supervisor' && s.status === 'pending') ? r : undefined;
    }, 'the supervisor step asked again', 30_000);
    expect(again.steps?.map((s) => [s.stepKey, s.status, s.decision])).toEqual([
      ['supervisor', 'decided', 'return'],
      ['requester', 'decided', 'approve'],
      ['supervisor', 'pending', null],
    ]);
    // The change shows as a diff in the review's timeline.
    await requesterPage.goto(`${url()}/#/probation-reviews/${encodeURIComponent(review.id)}/show`);
    await expect.poll(() => requesterPage.locator('[data-chain-step="requester"], [data-step="requester"]').first().innerText(), WAIT).toContain('（空） → 已补充试用期工作总结，见附件');
  }, 60_000);

  it('a step asked again starts from its last answer: returned to the supervisor, their form shows the scores they gave (#12 item 4)', async () => {
    const { hr, review, supervisor, taskId } = await startReview();
    const given = { scores: { dailyPerformance: 91.5, professionalTest: 87, interview: 84.5 }, attendance: { personalLeaveCount: 1, lateCount: 2, earlyLeaveCount: 0 } };
    const asSupervisor = await apiAs(harness.runtime, supervisor);
    await asSupervisor(`/approvals/${encodeURIComponent(taskId)}/decision`, { decision: 'approve', ...given });

    // The next approver sends it back to the supervisor's step.
    const next = await until(async () => (await hr<Review>(`/probation-reviews/${review.id}`)).steps?.find((s) => s.status === 'pending' && s.stepKey !== 'supervisor')?.tasks?.[0], 'the next step', 30_000);
    const asNext = await apiAs(harness.runtime, demoLoginNamed(harness.runtime, next.approverName));
    await asNext(`/approvals/${encodeURIComponent(next.id)}/return`, { toStep: 'supervisor', comment: '请复核日常表现分' });
    const again = await until(async () => (await hr<Review>(`/probation-reviews/${review.id}`)).steps?.filter((s) => s.stepKey === 'supervisor' && s.status === 'pending')[0]?.tasks?.[0], 'the supervisor step asked again', 30_000);

    const page = await pageAs(supervisor);
    await openTask(page, again.id);
    const input = (label: string) => page.getByRole('spinbutton', { name: label }).or(page.getByLabel(label, { exact: true })).first();
    await expect.poll(() => input('日常表现').inputValue(), WAIT).toBe('91.5');
    expect(await input('专业测试').inputValue()).toBe('87');
    expect(await input('面试').inputValue()).toBe('84.5');
    expect(await input('迟到次数').inputValue()).toBe('2');
    // The reason for the return is no answer of theirs: the comment starts empty.
    expect(await page.locator('textarea[name="comment"]').inputValue()).toBe('');
  }, 90_000);

  it('代理: someone names a delegate from the user menu, sees the server’s objection under the field, and ends it', async () => {
    const person = login('agent', 3);
    const delegate = login('team_lead', 1);
    const page = await pageAs(person);
    await page.getByRole('button', { name: '个人资料' }).click();
    await page.getByRole('menuitem', { name: '我的代理' }).click();
    await page.waitForURL(/#\/delegation$/);
    expect(await page.getByTestId('delegation-current').innerText()).toContain('未设置代理');

    await pick(page, '代理人', [delegate.name]);
    await page.getByLabel('开始日期').fill(companyDate(10));
    await page.getByLabel('结束日期（含）').fill(companyDate(3));
    await page.getByRole('button', { name: '保存' }).click();
    // The API names the field: the end before the start.
    await expect.poll(() => page.getByLabel('结束日期（含）').getAttribute('aria-invalid'), WAIT).toBe('true');
    await page.getByText('结束日期不能早于开始日期').first().waitFor();

    await page.getByLabel('结束日期（含）').fill(companyDate(20));
    await page.getByLabel('同时把我现在的待办转给代理人').check();
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('delegation-current').innerText(), WAIT).toContain(`${delegate.name} 将于 ${companyDate(10)} 至 ${companyDate(20)} 代您审批`);
    const api = await apiAs(harness.runtime, person);
    const me = await api<{ id: string }>('/users/me');
    expect((await api<{ delegation: { delegateName: string } | null }>(`/users/${me.id}/delegation`)).delegation?.delegateName).toBe(delegate.name);

    await page.getByRole('button', { name: '结束代理' }).click();
    await expect.poll(() => page.getByTestId('delegation-current').innerText(), WAIT).toContain('未设置代理');
    expect((await api<{ delegation: unknown }>(`/users/${me.id}/delegation`)).delegation).toBeNull();
  }, 60_000);
});
