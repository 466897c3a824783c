import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getOpening } from '../../functions/storage/openings.js';
import { until } from '../support/mail.js';
import { expectAccessible as expectConsolePageAccessible } from './axe.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, approveAs, companyDate, demoLogins, type Employee } from './demo-api.js';
import { addCandidate } from './recruitment.js';

/**
 * 招聘职位 and 候选人 (POLICIES.md §2 steps 3–4) in a real browser against the local runtime with
 * the demo department: a requisition approved through the API opens its opening; HR sees the
 * opening panel on the requisition's page, copies the job text, pauses and reopens it with a
 * reason, adds two candidates — the second with the first one's mobile, flagged at once with a
 * link to the earlier one — switches the board and the sheet, opens the candidate and schedules
 * round 1; the interviewer scores it from 待我审批 on a 375 px phone, and the candidate's page
 * shows the answer and the average.
 */
if (!hasChromium) warnNoChromium('recruitment console e2e');

interface Task { id: string; requestId: string; stepKey: string }

(hasChromium ? describe : describe.skip)('招聘职位 and 候选人 in the console', () => {
  const harness = useConsoleRuntime('recruitment-console');

  /** The page as it is now has no serious WCAG 2.1 AA violation, and one h1: the app bar's title. */
  const expectAccessible = (page: Page, where: string) => expectConsolePageAccessible(page, where, { oneH1: true });


  it('HR works the opening from its requisition’s page: job text, pause and reopen, two candidates (the second flagged), board and sheet, round 1 scheduled; the interviewer scores it on a phone', async () => {
    const runtime = harness.runtime;
    // Set up through the API: a supervisor's requisition for 2 agents, approved along its chain.
    const supervisor = demoLogins(runtime, 'supervisor')[0]!;
    const supervisorApi = await apiAs(runtime, supervisor);
    const own = await supervisorApi<Employee & { teamName: string }>(`/employees/${supervisor.employeeId}`);
    const { id: requisitionId } = await supervisorApi<{ id: string }>('/requisitions', {
      post: 'agent', teamId: own.teamId, headcount: 2, reason: '旺季来电量增长', requirements: '普通话标准，能适应倒班', level: 'trainee', wantedBy: companyDate(30),
    });
    for (const [role, step] of [['cs_manager', 'cs_manager'], ['hr', 'hr'], ['gm', 'gm']] as const) await approveAs(harness.runtime, role, requisitionId, step);
    await until(async () => (await getOpening(runtime.store, requisitionId))?.status === 'open', 'the opening', 30_000);

    const hrLogin = demoLogins(runtime, 'hr')[0]!;
    const page = await harness.newPage({ width: 1400, height: 1000 });
    await signIn(page, runtime.url, hrLogin.email, hrLogin.password);
    await page.goto(`${runtime.url}/#/requisitions/${encodeURIComponent(requisitionId)}/show`);

    // The opening panel: its status and heads.
    const panel = page.getByTestId('opening-panel');
    await panel.waitFor({ timeout: 20_000 });
    expect(await panel.getByTestId('opening-status').innerText()).toBe('招聘中');
    expect(await panel.getByTestId('opening-headcount').innerText()).toBe('2');
    expect(await panel.getByTestId('opening-filled').innerText()).toBe('0');
    expect(await panel.getByTestId('opening-free').innerText()).toBe('2');
    await page.getByText('还没有候选人。').waitFor();
    await expectAccessible(page, 'the requisition page with its opening');

    // 复制招聘启事: the zh-CN text in a dialog (and on the clipboard when the browser allows it).
    await page.getByRole('button', { name: '复制招聘启事' }).click();
    const jobText = page.getByRole('dialog', { name: '招聘启事' });
    await expect.poll(() => jobText.getByTestId('job-text').inputValue(), { timeout: 10_000 }).toContain('【招聘】专员');
    expect(await jobText.getByTestId('job-text').inputValue()).toContain('招聘人数：2 人');
    await jobText.getByRole('button', { name: '关闭' }).click();

    // 暂停招聘 needs a reason; then the panel says paused and why, and 恢复招聘 brings it back.
    await page.getByRole('button', { name: '暂停招聘' }).click();
    const pause = page.getByRole('dialog', { name: '暂停招聘？' });
    await pause.getByRole('button', { name: '暂停招聘' }).click();
    await pause.getByText('必填', { exact: true }).waitFor();
    expect(await panel.getByTestId('opening-status').innerText()).toBe('招聘中');
    await pause.getByRole('textbox', { name: '原因' }).fill('春节期间暂停面试');
    await pause.getByRole('button', { name: '暂停招聘' }).click();
    await expect.poll(() => panel.getByTestId('opening-status').innerText(), { timeout: 10_000 }).toBe('已暂停');
    expect(await panel.getByTestId('opening-reason').innerText()).toContain('春节期间暂停面试');
    expect(await page.getByRole('button', { name: '添加候选人' }).count()).toBe(0);
    await page.getByRole('button', { name: '恢复招聘' }).click();
    const reopen = page.getByRole('dialog', { name: '恢复招聘？' });
    await reopen.getByRole('textbox', { name: '原因' }).fill('节后恢复');
    await reopen.getByRole('button', { name: '恢复招聘' }).click();
    await expect.poll(() => panel.getByTestId('opening-status').innerText(), { timeout: 10_000 }).toBe('招聘中');

    // 添加候选人: a refused mobile is said under its input; then the first candidate.
    const phone = `139${String(Date.now() % 100_000_000).padStart(8, '0')}`;
    await addCandidate(page, { name: '林初一', phone: '12345' });
    const form = page.getByRole('dialog', { name: '添加候选人' });
    await form.locator('.MuiFormHelperText-root.Mui-error').first().waitFor();
    await form.getByRole('textbox', { name: '手机' }).fill(phone);
    await form.getByRole('button', { name: '添加', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    const board = page.getByTestId('candidate-board');
    await board.locator('[data-stage="new"]').getByRole('link', { name: '林初一' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('duplicate-notice').count()).toBe(0);

    // The second with the same mobile (another format): flagged at once, with a link to the first.
    await addCandidate(page, { name: '林重复', phone: `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}` });
    const notice = page.getByTestId('duplicate-notice');
    await notice.getByText('与已有候选人重复').waitFor({ timeout: 10_000 });
    await expect.poll(() => notice.getByTestId('duplicate-links').innerText(), { timeout: 10_000 }).toContain('新投递');
    const newCard = board.locator('[data-stage="new"] li', { has: page.getByRole('link', { name: '林重复' }) });
    await newCard.locator('[data-duplicate="true"]').waitFor({ timeout: 10_000 });
    expect(await board.locator('[data-stage="new"] li', { has: page.getByRole('link', { name: '林初一' }) }).locator('[data-duplicate]').count()).toBe(0);
    await expectAccessible(page, 'the pipeline board with a duplicate flagged');

    // The sheet: contact, source and stage per row, the duplicate flagged on its row.
    await page.getByRole('button', { name: '表格' }).click();
    const sheet = page.getByTestId('candidate-sheet');
    await sheet.getByText(phone).first().waitFor();
    const dupRow = sheet.locator('tr', { hasText: '林重复' });
    expect(await dupRow.innerText()).toContain('BOSS直聘');
    expect(await dupRow.locator('[data-duplicate="true"]').count()).toBe(1);
    expect(await sheet.locator('tr', { hasText: '林初一' }).locator('[data-duplicate]').count()).toBe(0);
    await expectAccessible(page, 'the candidates sheet');
    await page.getByRole('button', { name: '看板' }).click();
    await board.waitFor();
    await page.getByRole('button', { name: '表格' }).click();

    // The candidate's page: details, the earlier candidate linked, no interviews yet.
    await dupRow.getByText('林重复').click();
    await page.waitForURL(/#\/candidates\/[^/]+\/show$/);
    const candidateId = decodeURIComponent(/#\/candidates\/([^/]+)\/show$/.exec(page.url())![1]!);
    await page.getByRole('heading', { level: 1, name: '候选人：林重复' }).waitFor();
    expect(await page.getByTestId('candidate-stage').innerText()).toBe('新投递');
    await page.getByRole('heading', { name: '重复候选人' }).waitFor();
    await page.getByText('尚未安排面试。').waitFor();
    await expectAccessible(page, 'the candidate page');

    // 安排面试: round 1, a time, a room, the supervisor as interviewer.
    await page.getByRole('button', { name: '安排面试' }).click();
    const schedule = page.getByRole('dialog', { name: '安排面试：林重复' });
    await schedule.getByLabel('面试时间').fill(`${companyDate(3)}T10:00`);
    await schedule.getByRole('textbox', { name: '地点或线上会议链接' }).fill('3楼小会议室');
    await schedule.getByRole('combobox', { name: '面试官' }).fill(supervisor.name);
    await page.getByRole('option', { name: new RegExp(`^${supervisor.name}`) }).first().click();
    await schedule.getByRole('button', { name: '安排', exact: true }).click();
    await schedule.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('round-1-schedule').innerText(), { timeout: 15_000 }).toContain('3楼小会议室');
    await page.getByText(`面试官：${supervisor.name}`).waitFor();
    expect(await page.getByTestId('candidate-stage').innerText()).toBe('面试中');
    await expectAccessible(page, 'the candidate page with round 1 scheduled');

    // The interviewer answers from 待我审批 on a 375 px phone: score, recommendation and notes fit the screen.
    const hr = await apiAs(runtime, hrLogin);
    const { hiringId } = await hr<{ hiringId: string }>(`/candidates/${encodeURIComponent(candidateId)}`);
    const task = await until(async () => {
      const { items } = await supervisorApi<{ items: Task[] }>('/approvals?status=pending');
      return items.find((t) => t.requestId === hiringId && t.stepKey === 'round_1');
    }, 'the interviewer’s task', 30_000);
    const phonePage = await harness.newPage({ width: 375, height: 812 });
    await signIn(phonePage, runtime.url, supervisor.email, supervisor.password);
    await phonePage.goto(`${runtime.url}/#/approvals/${encodeURIComponent(task.id)}/show`);
    const approve = phonePage.getByRole('button', { name: '同意' });
    await approve.waitFor({ timeout: 20_000 });
    const noSideScroll = () => phonePage.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
    expect(await noSideScroll()).toBe(true);
    await phonePage.getByLabel('面试评分（0–100）', { exact: true }).fill('88');
    await phonePage.getByRole('combobox', { name: '建议' }).click();
    await phonePage.getByRole('option', { name: '建议录用', exact: true }).click();
    await phonePage.getByRole('textbox', { name: '面试记录' }).fill('表达清晰，服务意识好');
    expect(await noSideScroll()).toBe(true);
    await approve.scrollIntoViewIfNeeded();
    const box = await approve.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await approve.click();
    await phonePage.waitForURL(/#\/approvals$/);

    // HR's page shows the answer and the round's average.
    await until(async () => (await hr<{ hiring: { rounds: Array<{ average: number | null }> } }>(`/candidates/${encodeURIComponent(candidateId)}`)).hiring.rounds[0]!.average === 88, 'the score', 30_000);
    await page.reload();
    await expect.poll(() => page.getByTestId('round-1-average').innerText(), { timeout: 15_000 }).toContain('88');
    await page.getByText(`${supervisor.name}：88 分 · 建议录用`).waitFor();
  }, 240_000);
});
