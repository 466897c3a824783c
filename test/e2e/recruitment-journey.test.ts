import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { attachmentText, decisionLinks, waitForMail, type CaughtMail } from '../support/mail.js';
import { expectAccessible } from './axe.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, approveAs, companyDate, demoLogins, openFromInbox, type Employee } from './demo-api.js';
import { addCandidate, mailOf } from './recruitment.js';

/**
 * #14's Done-when in Chromium, as the people do it (POLICIES.md §2): a supervisor raises a
 * 人才增补单 in the console; the CS manager approves from the mail's link, HR in 待我审批, the GM
 * by API; HR adds two candidates on the opening (the second with the first one's mobile is
 * flagged) and schedules both rounds — each interviewer asked by mail with the calendar entry —
 * the interviewers score (console and API), the GM decides the hire in the console; HR makes the
 * offer, the candidate accepts from the letter's link without an account; HR records the report
 * and the hire is on probation, invited to set a password; the checklist's owners tick their items
 * (the new hire, the supervisor and HR in the console, the mentor by API) and it shows as done.
 * Every mail is read from the mail catcher.
 */
if (!hasChromium) warnNoChromium('recruitment journey e2e');

(hasChromium ? describe : describe.skip)('from 人才增补单 to a hire on probation with the checklist done', () => {
  const harness = useConsoleRuntime('recruitment-journey');

  /** Ticks an onboarding item on the employee's file, and waits for the server's answer to show it done. */
  async function tick(page: Page, label: string): Promise<void> {
    const section = page.locator('section[aria-labelledby="onboarding-title"]');
    await section.getByRole('checkbox', { name: `将「${label}」标记为完成` }).click();
    await section.getByRole('checkbox', { name: `将「${label}」标记为未完成` }).waitFor();
  }

  /** The mail carries the interview's calendar entry for `place`. */
  async function expectCalendarEntry(m: CaughtMail, place: string): Promise<void> {
    const ics = await attachmentText(mailOf(harness.runtime), m, 'interview.ics');
    expect(ics, m.subject).toContain('BEGIN:VEVENT');
    expect(ics, m.subject).toContain(`LOCATION:${place}`);
  }

  it('runs the whole story in the console, through the mails and from their links', async () => {
    const runtime = harness.runtime;
    const url = runtime.url;
    const mail = mailOf(runtime);
    const first = (role: string) => demoLogins(runtime, role)[0]!;
    const supervisor = first('supervisor');
    const manager = first('cs_manager');
    const hr = first('hr');
    const gm = first('gm');
    const hrApi = await apiAs(runtime, hr);
    const own = await hrApi<Employee & { teamName: string }>(`/employees/${supervisor.employeeId}`);
    const team = own.teamName;
    // The mentor: a team lead under the supervisor (a senior colleague with an account).
    const leads = await Promise.all(demoLogins(runtime, 'team_lead').map(async (l) => ({ login: l, e: await hrApi<Employee>(`/employees/${l.employeeId}`) })));
    const mentor = leads.find((l) => l.e.superiorId === supervisor.employeeId)!.login;
    const n = String(Date.now() % 100_000_000).padStart(8, '0');
    const phone = `138${n}`;
    const candidateEmail = `lin.${n}@example.net`;

    // 1. The supervisor raises a 人才增补单 for one agent in the console.
    const supPage = await harness.newPage({ width: 1400, height: 1000 });
    await signIn(supPage, url, supervisor.email, supervisor.password);
    await supPage.getByRole('menuitem', { name: '人才增补' }).click();
    await supPage.getByRole('link', { name: '新建' }).click();
    await supPage.waitForURL(/#\/requisitions\/create$/);
    await expect.poll(() => supPage.getByTestId('salary-range').innerText(), { timeout: 15_000 }).toContain('1,800 – 2,160');
    await supPage.getByRole('combobox', { name: '团队' }).click();
    await supPage.getByRole('option', { name: team }).click();
    await supPage.getByRole('spinbutton', { name: '增补人数' }).fill('1');
    await supPage.getByLabel('期望到岗日期').fill(companyDate(30));
    await supPage.getByRole('textbox', { name: '增补原因' }).fill('话务量增长，现有坐席不足');
    await supPage.getByRole('textbox', { name: '任职要求' }).fill('普通话标准，打字 60 字/分');
    await supPage.getByRole('button', { name: '提交审批' }).click();
    await supPage.waitForURL(/#\/requisitions\/[^/]+\/show$/);
    const requisitionId = decodeURIComponent(/#\/requisitions\/([^/]+)\/show$/.exec(supPage.url())![1]!);
    const requisitionTitle = `人才增补：专员 1 人（${team}）`;
    await supPage.getByRole('heading', { level: 1, name: `人才增补单：专员 1 人（${team}）` }).waitFor();
    expect(await supPage.getByTestId('requisition-status').innerText()).toBe('审批中');

    // 2. The CS manager approves from the mail's link: the page, then 批准 (no sign-in).
    const ask = await waitForMail(mail, manager.email, new RegExp(`^【待审批】${requisitionTitle} — 客服经理审批$`), 30_000);
    const linkPage = await harness.newPage();
    await linkPage.goto(decisionLinks(ask).approve);
    await linkPage.getByRole('heading', { level: 1, name: requisitionTitle }).waitFor();
    await linkPage.getByText(`您正在以 ${manager.name} 的身份批准此审批环节。`).waitFor();
    await linkPage.getByRole('textbox', { name: '审批意见' }).fill('同意（邮件）');
    await linkPage.getByRole('button', { name: '批准' }).click();
    await linkPage.getByRole('heading', { level: 1, name: '已批准' }).waitFor();

    // HR is asked by mail and approves in 待我审批.
    await waitForMail(mail, hr.email, new RegExp(`^【待审批】${requisitionTitle} — 人力资源部审核$`), 30_000);
    const hrPage = await harness.newPage({ width: 1400, height: 1000 });
    await signIn(hrPage, url, hr.email, hr.password);
    await openFromInbox(hrPage, url, requisitionTitle);
    await hrPage.getByRole('button', { name: '同意' }).click();
    await hrPage.waitForURL(/#\/approvals$/);

    // The GM is asked by mail and approves through the API.
    await waitForMail(mail, gm.email, new RegExp(`^【待审批】${requisitionTitle} — 总经理审批$`), 30_000);
    await approveAs(runtime, 'gm', requisitionId, 'gm');
    await waitForMail(mail, supervisor.email, new RegExp(`^【审批结果】${requisitionTitle}`), 30_000);

    // The supervisor's page: open for recruiting, each decision with its channel.
    const chain = supPage.getByTestId('requisition-chain');
    await expect.poll(async () => {
      await supPage.reload();
      return supPage.getByTestId('requisition-status').innerText();
    }, { timeout: 30_000, interval: 500 }).toBe('招聘中');
    for (const [step, channel] of [['cs_manager', '邮件'], ['hr', '控制台'], ['gm', 'API']]) {
      await expect.poll(() => chain.locator(`[data-chain-step="${step}"]`).innerText()).toContain(channel);
    }

    // 3. HR adds two candidates on the opening; the second, with the same mobile, is flagged.
    await hrPage.goto(`${url}/#/requisitions/${encodeURIComponent(requisitionId)}/show`);
    const panel = hrPage.getByTestId('opening-panel');
    await expect.poll(() => panel.getByTestId('opening-status').innerText(), { timeout: 20_000 }).toBe('招聘中');
    await addCandidate(hrPage, { name: '林晓', phone, email: candidateEmail });
    const board = hrPage.getByTestId('candidate-board');
    await board.locator('[data-stage="new"]').getByRole('link', { name: '林晓' }).waitFor({ timeout: 10_000 });
    await addCandidate(hrPage, { name: '林晓（重复投递）', phone, source: '智联招聘' });
    await hrPage.getByTestId('duplicate-notice').getByText('与已有候选人重复').waitFor({ timeout: 10_000 });
    await board.locator('[data-stage="new"] li', { has: hrPage.getByRole('link', { name: '林晓（重复投递）' }) }).locator('[data-duplicate="true"]').waitFor();
    expect(await board.locator('[data-stage="new"] li', { has: hrPage.getByRole('link', { name: '林晓', exact: true }) }).locator('[data-duplicate]').count()).toBe(0);

    // 4. Round 1: HR schedules it on the candidate's page; the candidate and the supervisor are mailed the calendar entry.
    await board.getByRole('link', { name: '林晓', exact: true }).click();
    await hrPage.waitForURL(/#\/candidates\/[^/]+\/show$/);
    const candidateUrl = hrPage.url();
    const candidateId = decodeURIComponent(/#\/candidates\/([^/]+)\/show$/.exec(candidateUrl)![1]!);
    await hrPage.getByRole('heading', { level: 1, name: '候选人：林晓' }).waitFor();
    async function schedule(round: string, at: string, place: string, interviewers: string[]): Promise<void> {
      await hrPage.getByRole('button', { name: '安排面试' }).click();
      const dialog = hrPage.getByRole('dialog', { name: '安排面试：林晓' });
      await expect.poll(() => dialog.getByRole('combobox', { name: '轮次' }).innerText()).toContain(round);
      await dialog.getByLabel('面试时间').fill(at);
      await dialog.getByRole('textbox', { name: '地点或线上会议链接' }).fill(place);
      for (const name of interviewers) {
        await dialog.getByRole('combobox', { name: '面试官' }).fill(name);
        await hrPage.getByRole('option', { name: new RegExp(`^${name}`) }).first().click();
      }
      await dialog.getByRole('button', { name: '安排', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    const hiringTitle = `招聘面试：林晓（专员，${team}）`;
    await schedule('初试', `${companyDate(1)}T10:00`, '3楼小会议室', [supervisor.name]);
    await expect.poll(() => hrPage.getByTestId('round-1-schedule').innerText(), { timeout: 15_000 }).toContain('3楼小会议室');
    expect(await hrPage.getByTestId('candidate-stage').innerText()).toBe('面试中');
    const [invited1, asked1] = await Promise.all([
      waitForMail(mail, candidateEmail, new RegExp(`^【面试邀请】专员（${team}）— 初试`), 30_000),
      waitForMail(mail, supervisor.email, new RegExp(`^【待审批】${hiringTitle} — 初试`), 30_000),
    ]);
    for (const m of [invited1, asked1]) await expectCalendarEntry(m, '3楼小会议室');

    // The supervisor scores round 1 in 待我审批.
    await openFromInbox(supPage, url, hiringTitle);
    await supPage.getByLabel('面试评分（0–100）', { exact: true }).fill('82');
    await supPage.getByRole('combobox', { name: '建议' }).click();
    await supPage.getByRole('option', { name: '建议录用', exact: true }).click();
    await supPage.getByRole('textbox', { name: '面试记录' }).fill('沟通清楚，服务意识好');
    await supPage.getByRole('button', { name: '同意' }).click();
    await supPage.waitForURL(/#\/approvals$/);

    // Round 2, once the process waits for it: HR, the CS manager and the GM (会签), each asked by mail.
    await expect.poll(async () => {
      await hrPage.reload();
      return hrPage.getByTestId('hiring-current-step').innerText();
    }, { timeout: 30_000, interval: 500 }).toContain('安排复试');
    expect(await hrPage.getByTestId('round-1-average').innerText()).toContain('82');
    await schedule('复试', `${companyDate(2)}T15:00`, '总经理办公室', [hr.name, manager.name, gm.name]);
    await expect.poll(() => hrPage.getByTestId('round-2-schedule').innerText(), { timeout: 15_000 }).toContain('总经理办公室');
    const round2 = await Promise.all([
      waitForMail(mail, candidateEmail, new RegExp(`^【面试邀请】专员（${team}）— 复试`), 30_000),
      ...[hr, manager, gm].map((p) => waitForMail(mail, p.email, new RegExp(`^【待审批】${hiringTitle} — 复试`), 30_000)),
    ]);
    for (const m of round2) await expectCalendarEntry(m, '总经理办公室');

    // HR scores in the console, the CS manager and the GM through the API.
    await openFromInbox(hrPage, url, hiringTitle);
    await hrPage.getByLabel('面试评分（0–100）', { exact: true }).fill('80');
    await hrPage.getByRole('combobox', { name: '建议' }).click();
    await hrPage.getByRole('option', { name: '建议录用', exact: true }).click();
    await hrPage.getByRole('button', { name: '同意' }).click();
    await hrPage.waitForURL(/#\/approvals$/);
    const { hiringId } = await hrApi<{ hiringId: string }>(`/candidates/${encodeURIComponent(candidateId)}`);
    await approveAs(runtime, 'cs_manager', hiringId, 'round_2', { score: 85, recommendation: 'hire' });
    await approveAs(runtime, 'gm', hiringId, 'round_2', { score: 90, recommendation: 'hire' });

    // The GM's hire decision, asked by mail, made in the console.
    await waitForMail(mail, gm.email, new RegExp(`^【待审批】${hiringTitle} — 录用决定$`), 30_000);
    const gmPage = await harness.newPage({ width: 1400, height: 1000 });
    await signIn(gmPage, url, gm.email, gm.password);
    await openFromInbox(gmPage, url, hiringTitle);
    await gmPage.getByLabel('审批意见').fill('同意录用');
    await gmPage.getByRole('button', { name: '同意' }).click();
    await gmPage.waitForURL(/#\/approvals$/);

    // 5. HR makes the offer on the candidate's page (the stage 录用阶段, both rounds' averages shown).
    await expect.poll(async () => {
      await hrPage.goto(candidateUrl);
      await hrPage.getByRole('heading', { level: 1, name: '候选人：林晓' }).waitFor();
      return hrPage.getByTestId('candidate-stage').innerText();
    }, { timeout: 30_000, interval: 500 }).toBe('录用阶段');
    expect(await hrPage.getByTestId('round-2-average').innerText()).toContain('85');
    const offerPanel = hrPage.getByTestId('candidate-offer-panel');
    await offerPanel.getByText('总经理已批准录用，可以发录用通知。').waitFor();
    await offerPanel.getByLabel('入职日期').fill(companyDate());
    await offerPanel.getByRole('spinbutton', { name: '基本工资（元/月）' }).fill('1800');
    expect(await offerPanel.getByRole('spinbutton', { name: '试用期（月）' }).inputValue()).toBe('3');
    await expectAccessible(hrPage, 'the candidate page with the offer form', { oneH1: true });
    await offerPanel.getByRole('button', { name: '发出录用通知' }).click();
    await expect.poll(() => offerPanel.getByTestId('candidate-offer-status').innerText(), { timeout: 15_000 }).toBe('已发出');

    // The letter reaches the candidate, who accepts from its link without an account.
    const letter = await waitForMail(mail, candidateEmail, new RegExp(`^【录用通知书】专员（${team}）$`), 30_000);
    expect(letter.text).toContain('1,800');
    const letterLink = /https?:\/\/\S+?\/a\/offer\/[A-Za-z0-9_.-]+/.exec(letter.text)![0];
    const candidatePage = await harness.newPage();
    await candidatePage.goto(letterLink);
    await candidatePage.getByRole('heading', { level: 1, name: '录用通知书 / Offer letter' }).waitFor();
    await candidatePage.getByText('林晓，您好').waitFor();
    await expectAccessible(candidatePage, 'the offer letter page', { oneH1: true });
    await candidatePage.getByRole('button', { name: '接受录用 / Accept the offer' }).click();
    await expect.poll(() => candidatePage.getByRole('status').innerText(), { timeout: 15_000 }).toContain('接受录用');
    expect(await candidatePage.getByRole('button', { name: '接受录用 / Accept the offer' }).count()).toBe(0);
    await waitForMail(mail, supervisor.email, /^【录用通知】.*林晓.* — 候选人已接受$/, 30_000);

    // 6. HR records the report with the three documents seen and a mentor: the new employee's file.
    await offerPanel.getByRole('link', { name: '查看录用通知' }).click();
    await hrPage.waitForURL(/#\/offers\/[^/]+\/show$/);
    await expect.poll(async () => {
      await hrPage.reload();
      return hrPage.getByTestId('offer-status').innerText();
    }, { timeout: 15_000, interval: 500 }).toBe('已接受');
    await hrPage.getByRole('button', { name: '办理报到' }).click();
    const report = hrPage.getByRole('dialog', { name: '办理报到：林晓' });
    for (const doc of ['身份证', '学历证书', '体检报告']) await report.getByRole('checkbox', { name: doc }).check();
    await report.getByRole('combobox', { name: '带教师傅' }).fill(mentor.name);
    await hrPage.getByRole('option', { name: new RegExp(mentor.name) }).first().click();
    await report.getByRole('button', { name: '确认报到' }).click();
    await hrPage.waitForURL(/#\/employees\/[^/]+\/show$/);
    const employeeId = decodeURIComponent(/#\/employees\/([^/]+)\/show$/.exec(hrPage.url())![1]!);
    const profile = hrPage.locator('section[aria-labelledby="profile-title"]');
    await profile.getByText('试用期', { exact: true }).waitFor();
    await profile.getByText('林晓', { exact: true }).waitFor();
    expect(await hrApi<Employee & { level: string }>(`/employees/${employeeId}`)).toMatchObject({ name: '林晓', status: 'probation', level: 'trainee', hireDate: companyDate() });
    await waitForMail(mail, supervisor.email, /^【录用通知】.*林晓.* — 已报到入职$/, 30_000);

    // The new hire's invitation: its link sets their password.
    const invitation = await waitForMail(mail, candidateEmail, /^【欢迎入职】请设置您的登录密码$/, 30_000);
    expect(invitation.text).toContain(candidateEmail);
    const setPassword = /https?:\/\/\S+?#\/reset-password\/[A-Za-z0-9_-]+/.exec(invitation.text)![0];
    const password = `Lin-Xiao-${n}!q`;
    const hirePage = await harness.newPage({ width: 1400, height: 1000 });
    await hirePage.goto(setPassword);
    await hirePage.getByLabel(/^新密码/).fill(password);
    await hirePage.getByLabel(/^再次输入新密码/).fill(password);
    await hirePage.getByRole('button', { name: '设置新密码' }).click();
    await hirePage.getByText('新密码已设置，请用新密码登录。').waitFor();

    // 7. The checklist: every item ticked by its owner — HR, the supervisor and the new hire in the console, the mentor by API.
    const section = hrPage.locator('section[aria-labelledby="onboarding-title"]');
    await section.getByText('已完成 0/6').waitFor();
    await tick(hrPage, '收取证件：身份证、学历证书、体检表');
    await tick(hrPage, '了解公司发展、部门机构、职能与工作目标');

    await signIn(hirePage, url, candidateEmail, password);
    await hirePage.goto(`${url}/#/employees/${encodeURIComponent(employeeId)}/show`);
    await tick(hirePage, '持录用通知书到部门报到');

    await supPage.goto(`${url}/#/employees/${encodeURIComponent(employeeId)}/show`);
    await tick(supPage, '安排工作台（办公用品、内训资料）');
    await tick(supPage, '熟悉部门环境、设施，在部门内介绍新员工');

    const mentorApi = await apiAs(runtime, mentor);
    const { items: [checklist] } = await mentorApi<{ items: Array<{ id: string }> }>(`/onboarding-checklists?employeeId=${encodeURIComponent(employeeId)}`);
    await mentorApi(`/onboarding-checklists/${encodeURIComponent(checklist!.id)}/items/mentor_guidance`, { done: true });

    // HR's view of the file: all six done, each by its owner.
    await hrPage.reload();
    await section.getByText('已完成 6/6').waitFor({ timeout: 15_000 });
    await section.getByText('已完成', { exact: true }).waitFor();
    const doneBy = (key: string) => section.locator(`tr[data-item="${key}"] td`).last().innerText();
    expect(await doneBy('report_with_offer')).toBe('林晓');
    expect(await doneBy('documents')).toBe(hr.name);
    expect(await doneBy('workstation')).toBe(supervisor.name);
    expect(await doneBy('mentor_guidance')).toBe(mentor.name);

    // The requisition is filled: its one head is the new employee.
    await hrPage.goto(`${url}/#/requisitions/${encodeURIComponent(requisitionId)}/show`);
    await expect.poll(() => hrPage.getByTestId('requisition-status').innerText(), { timeout: 15_000 }).toBe('已招满');
    expect(await panel.getByTestId('opening-filled').innerText()).toBe('1');
  }, 240_000);
});
