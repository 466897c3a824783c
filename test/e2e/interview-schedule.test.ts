import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getOpening } from '../../functions/storage/openings.js';
import { until } from '../support/mail.js';
import { describeFindings, seriousViolations } from './axe.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, approveAs, companyDate, demoLogins, type Employee } from './demo-api.js';

/**
 * 面试安排 (#14) in a real browser against the local runtime with the demo department, on a 375 px
 * phone: a supervisor's requisition is approved and HR schedules round 1 of two candidates through
 * the API — one interviewed by the supervisor (online), one by a team lead. The supervisor signs
 * in, opens 面试安排 from the menu and sees their round under its day (我的面试; 全部 shows the
 * other one too, as the requester sees the opening's candidates), enters the score from the card,
 * and the answer is the process's: the candidate's page reads it.
 */
if (!hasChromium) warnNoChromium('interview schedule e2e');

interface Hiring { hiring: { rounds: Array<{ answers: Array<{ name: string; score: number; recommendation: string; notes: string | null }> }> } }

(hasChromium ? describe : describe.skip)('面试安排 in the console', () => {
  const harness = useConsoleRuntime('interview-schedule');

  /** The page as it is now (read from its top, transitions over) has no serious WCAG 2.1 AA violation. */
  async function expectAccessible(page: Page, where: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const findings = await seriousViolations(page);
    expect(findings.length, describeFindings(where, findings)).toBe(0);
  }
  const noSideScroll = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

  it('an interviewer opens 面试安排 on a phone, sees their round by day and scores it from the card; the answer is recorded', async () => {
    const runtime = harness.runtime;
    const supervisor = demoLogins(runtime, 'supervisor')[0]!;
    const lead = demoLogins(runtime, 'team_lead')[0]!;
    const supervisorApi = await apiAs(runtime, supervisor);
    const hr = await apiAs(runtime, demoLogins(runtime, 'hr')[0]!);
    const own = await supervisorApi<Employee>(`/employees/${supervisor.employeeId}`);
    const { id: openingId } = await supervisorApi<{ id: string }>('/requisitions', {
      post: 'agent', teamId: own.teamId, headcount: 2, reason: '旺季来电量增长', requirements: '普通话标准', level: 'trainee', wantedBy: companyDate(30),
    });
    for (const [role, step] of [['cs_manager', 'cs_manager'], ['hr', 'hr'], ['gm', 'gm']] as const) await approveAs(runtime, role, openingId, step);
    await until(async () => (await getOpening(runtime.store, openingId))?.status === 'open', 'the opening', 30_000);
    const n = String(Date.now() % 100_000_000).padStart(8, '0');
    const day = companyDate(2);
    const schedule = async (name: string, phone: string, time: string, place: string, interviewerId: string) => {
      const { id } = await hr<{ id: string }>('/candidates', { openingId, name, phone, source: 'boss' });
      await hr('/interviews', { candidateId: id, round: 1, at: `${day}T${time}:00+08:00`, place, interviewerIds: [interviewerId] });
      return id;
    };
    const mineId = await schedule('程面试', `137${n}`, '10:00', 'https://meeting.example.com/j/8899', supervisor.employeeId);
    await schedule('钱面试', `136${n}`, '15:30', '3楼小会议室', lead.employeeId);
    // The interviewer's task exists once the process has asked them.
    await until(async () => (await supervisorApi<{ items: Array<{ myTaskId: string | null }> }>('/interviews?mine=true')).items[0]?.myTaskId, 'the interviewer’s task', 30_000);

    const page = await harness.newPage({ width: 375, height: 812 });
    await signIn(page, runtime.url, supervisor.email, supervisor.password);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('menuitem', { name: '面试安排' }).click();
    await page.waitForURL(/#\/interviews/);

    // 我的面试: the supervisor's round under its day, with the online link and who has scored.
    const schedulePage = page.getByTestId('interview-schedule');
    const heading = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
    await schedulePage.getByRole('heading', { level: 2, name: heading }).waitFor({ timeout: 20_000 });
    await page.getByRole('heading', { level: 1, name: '面试安排' }).waitFor();
    const cards = schedulePage.getByTestId('interview-card');
    expect(await cards.count()).toBe(1);
    const card = cards.first();
    expect(await card.innerText()).toContain('10:00');
    await card.getByRole('link', { name: '程面试' }).waitFor();
    expect(await card.getByRole('heading', { level: 3 }).innerText()).toContain('初试');
    expect(await card.getByRole('link', { name: '线上面试链接' }).getAttribute('href')).toBe('https://meeting.example.com/j/8899');
    expect(await card.getByTestId('interview-status').innerText()).toBe('待评分');
    expect(await card.locator('li[data-answered="false"]').innerText()).toContain(`${supervisor.name} · 未评分`);
    expect(await noSideScroll(page)).toBe(true);
    await expectAccessible(page, '面试安排 on a phone');

    // 全部: the requester sees the opening's other round too; then back to 我的面试.
    await page.getByRole('button', { name: '全部' }).click();
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(2);
    expect(await cards.nth(1).innerText()).toContain('15:30');
    expect(await cards.nth(1).getByTestId('interview-score').count()).toBe(0);
    await page.getByRole('button', { name: '我的面试' }).click();
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(1);

    // 评分: the round's fields (score, recommendation, notes) and a comment, on a full-screen dialog.
    await card.getByRole('button', { name: '评分' }).click();
    const dialog = page.getByRole('dialog', { name: '评分：程面试（初试（部门面试））' });
    await dialog.getByLabel('面试评分（0–100）').fill('101');
    await dialog.getByRole('combobox', { name: '建议' }).click();
    await page.getByRole('option', { name: '建议录用', exact: true }).click();
    await dialog.getByRole('textbox', { name: '面试记录' }).fill('沟通清楚，服务意识好');
    expect(await noSideScroll(page)).toBe(true);
    await expectAccessible(page, 'the score dialog');
    // Over 100 is refused under its input before anything is sent.
    await dialog.getByRole('button', { name: '提交评分' }).click();
    await dialog.locator('.MuiFormHelperText-root.Mui-error').first().waitFor();
    await dialog.getByLabel('面试评分（0–100）').fill('88');
    const submit = dialog.getByRole('button', { name: '提交评分' });
    const box = await submit.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await submit.click();
    await dialog.waitFor({ state: 'detached' });

    // The card reads it back: scored, 88, no 评分 left.
    await expect.poll(() => card.locator('li[data-answered="true"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await card.locator('li[data-answered="true"]').innerText()).toContain('88 分 · 建议录用');
    expect(await card.getByTestId('interview-score').count()).toBe(0);
    await expect.poll(() => card.getByTestId('interview-status').innerText(), { timeout: 15_000 }).toBe('已完成');
    expect(await noSideScroll(page)).toBe(true);
    await expectAccessible(page, '面试安排 after scoring');

    // Recorded as the round's answer: the candidate's page (HR) shows it with the notes.
    const recorded = await until(async () => (await hr<Hiring>(`/candidates/${encodeURIComponent(mineId)}`)).hiring.rounds[0]!.answers[0], 'the answer', 30_000);
    expect(recorded).toMatchObject({ name: supervisor.name, score: 88, recommendation: 'hire', notes: '沟通清楚，服务意识好' });
  }, 240_000);
});
