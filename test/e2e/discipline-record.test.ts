import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, companyToday } from '../../functions/domain/people/dates.js';
import { ControllableClock } from '../../infra/local/clock.js';
import { until } from '../support/mail.js';
import { expectAccessible } from './axe.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { serveConsoleSnapshot, snapshotConsole, type ConsoleSnapshot } from './console-snapshot.js';
import { apiAs, demoLogins, type Employee } from './demo-api.js';

/**
 * 记录违纪 (#16; POLICIES.md §4; seed 004 第五条) in Chromium against the local runtime with the
 * demo department, on a clock the test holds. A team lead opens an agent's file, picks V02 in the
 * record dialog and is told 口头警告 before saving; with two verbal warnings recorded for the agent
 * through the API, another verbal violation reads 书面警告 with the rule (受3次口头警告等同一次书面警告)
 * and the two it counts — still before saving. Saved, the action's page opens; the agent's file lists
 * it (and the two counted into it). The agent signs by API, the clock passes the appeal window, the
 * action takes effect, and HR downloads that month's 乐捐 from the people list: the file holds its
 * row and the total. The sheet's row action opens the same dialog. Axe on the dialog and the file.
 *
 * Whoever signs in after the clock moved does it afresh: sessions age with the runtime's clock.
 * Pages load the console from a copy taken when the file starts (console-snapshot.ts).
 */
if (!hasChromium) warnNoChromium('discipline record e2e');

interface Action {
  id: string; status: string; level: string; counted: string[]; fine: number; rolledUpInto: string | null;
  appealLastDay: string | null; effectiveAt: string | null; can?: { acknowledge: boolean };
}
interface Fines { month: string; total: number; items: Array<{ actionId: string; employeeName: string; fine: number }> }

/** A 1×1 PNG: a real image as a signature pad sends it. */
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const DESKTOP = { width: 1400, height: 900 };
const clock = new ControllableClock({ flowing: true });

(hasChromium ? describe : describe.skip)('记录违纪 in the console', () => {
  const harness = useConsoleRuntime('discipline-record', { clock });
  let consoleCopy: ConsoleSnapshot | undefined;
  beforeAll(async () => {
    consoleCopy = await snapshotConsole();
  });
  afterAll(() => consoleCopy?.dispose());

  async function newPage(): Promise<Page> {
    const page = await harness.newPage(DESKTOP);
    await serveConsoleSnapshot(page.context(), harness.runtime.url, consoleCopy!);
    return page;
  }

  /** Picks a violation in the dialog's searchable 违纪条款 by its code. */
  async function pickViolation(dialog: Locator, code: string): Promise<void> {
    const input = dialog.getByRole('combobox', { name: '违纪条款' });
    await input.click();
    await input.fill(code);
    await dialog.page().getByRole('option', { name: new RegExp(`^${code} `) }).click();
  }

  it('a team lead sees the level before saving — 口头警告 for a first V02, 书面警告 with the rule after two verbal warnings — saves, the file lists it; once in effect HR downloads the month’s 乐捐', async () => {
    const runtime = harness.runtime;
    const leadLogin = demoLogins(runtime, 'team_lead')[0]!;
    const hrLogin = demoLogins(runtime, 'hr')[0]!;
    const hr = await apiAs(runtime, hrLogin);
    const { items } = await hr<{ items: Array<Employee & { post: string }> }>('/employees?limit=200');
    const agent = items.find((e) => e.post === 'agent' && e.superiorId === leadLogin.employeeId && e.status !== 'terminated');
    if (!agent) throw new Error(`no agent under ${leadLogin.name} in the demo`);
    const agentLogin = runtime.demoLogins.find((l) => l.employeeId === agent.id)!;
    const lead = await apiAs(runtime, leadLogin);

    // The team lead opens the agent's file: 记录违纪, V02 → 口头警告 (a first warning, as the catalogue has it).
    const page = await newPage();
    await signIn(page, runtime.url, leadLogin.email, leadLogin.password);
    await page.goto(`${runtime.url}/#/employees/${agent.id}/show`);
    await page.getByRole('button', { name: '记录违纪' }).click();
    const dialog = page.getByRole('dialog', { name: `记录违纪：${agent.name}` });
    const preview = dialog.getByTestId('discipline-preview');
    await preview.getByText('选择违纪条款和违纪时间后').waitFor();
    await pickViolation(dialog, 'V02');
    expect(await dialog.getByRole('combobox', { name: '违纪条款' }).inputValue()).toBe('V02 迟到或早退 · 口头警告 · 乐捐 10 元');
    await expect.poll(() => preview.getAttribute('data-level'), { timeout: 15_000 }).toBe('verbal');
    expect(await preview.innerText()).toContain('将按 口头警告 处理：按违纪条款给予口头警告');
    expect(await preview.innerText()).toContain('乐捐 10 元');
    await expectAccessible(page, 'the record dialog (team lead)');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Two verbal warnings through the API (not signed yet: they still count, POLICIES.md §4).
    const minutesAgo = (m: number) => new Date(runtime.now().getTime() - m * 60_000).toISOString();
    const first = await lead<Action>('/disciplinary-actions', { employeeId: agent.id, violationCode: 'V02', facts: '上班迟到 15 分钟', occurredAt: minutesAgo(180) });
    const second = await lead<Action>('/disciplinary-actions', { employeeId: agent.id, violationCode: 'V04', facts: '上班时间打私人电话', occurredAt: minutesAgo(120) });
    expect([first.level, second.level]).toEqual(['verbal', 'verbal']);

    // Another verbal violation now reads 书面警告, with the rule and the two it counts, before saving.
    await page.getByRole('button', { name: '记录违纪' }).click();
    await pickViolation(dialog, 'V05');
    await expect.poll(() => preview.getAttribute('data-level'), { timeout: 15_000 }).toBe('written');
    const said = await preview.innerText();
    expect(said).toContain('将按 书面警告 处理：受3次口头警告等同一次书面警告');
    expect(said).toContain('合并计算 2 条此前的警告');
    expect(said).toContain('与违纪条款规定的级别（口头警告）不同');
    expect(said).toContain('乐捐 10 元');
    const facts = dialog.getByRole('textbox', { name: '违纪事实' });
    await facts.fill('工作时间擅离岗位 30 分钟，经班组长提醒后仍未回到座位');
    await dialog.getByText(`还可输入 ${2000 - '工作时间擅离岗位 30 分钟，经班组长提醒后仍未回到座位'.length} 字`).waitFor();
    if (process.env.DISCIPLINE_DIALOG_SCREENSHOT) await page.screenshot({ path: process.env.DISCIPLINE_DIALOG_SCREENSHOT });
    await expectAccessible(page, 'the record dialog with a written warning (team lead)');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/disciplinary-actions\/[^/]+\/show$/);
    const id = decodeURIComponent(/#\/disciplinary-actions\/([^/]+)\/show$/.exec(page.url())![1]!);
    const saved = await lead<Action>(`/disciplinary-actions/${id}`);
    expect(saved).toMatchObject({ level: 'written', status: 'pending_signature', counted: [first.id, second.id] });

    // The agent's file lists it, newest first, and the two counted into it.
    await page.goto(`${runtime.url}/#/employees/${agent.id}/show`);
    const section = page.locator('section[aria-labelledby="discipline-title"]');
    await section.getByRole('heading', { name: '违纪记录' }).waitFor();
    const row = section.locator(`tr[data-action="${id}"]`);
    await row.waitFor();
    expect(await row.innerText()).toMatch(/V05 [\s\S]*书面警告[\s\S]*待签收[\s\S]*违纪条款规定为口头警告[\s\S]*受3次口头警告等同一次书面警告/);
    expect(await section.locator(`tr[data-action="${first.id}"]`).innerText()).toContain('已合并计入');
    expect(await section.locator('tbody tr').first().getAttribute('data-action')).toBe(id);
    expect(await row.getByRole('link', { name: '查看' }).getAttribute('href')).toBe(`#/disciplinary-actions/${id}/show`);
    if (process.env.DISCIPLINE_HISTORY_SCREENSHOT) await section.screenshot({ path: process.env.DISCIPLINE_HISTORY_SCREENSHOT });
    await expectAccessible(page, 'the agent’s file with its discipline history (team lead)');

    // The same dialog is a row action of the people sheet (not on the lead's own row).
    await page.goto(`${runtime.url}/#/employees`);
    const agentButton = page.locator(`.ag-row[row-id="${agent.id}"] [col-id="recordViolation"] button`);
    await agentButton.click();
    await page.getByRole('dialog', { name: `记录违纪：${agent.name}` }).getByRole('button', { name: '取消' }).click();
    expect(await page.locator(`.ag-row[row-id="${leadLogin.employeeId}"] [col-id="recordViolation"] button`).count()).toBe(0);

    // The agent signs the notice; the clock passes the appeal window and the action takes effect.
    const agentApi = await apiAs(runtime, agentLogin);
    await until(async () => ((await agentApi<Action>(`/disciplinary-actions/${id}`)).can?.acknowledge ? true : undefined), 'the notice to sign', 30_000);
    const signed = await agentApi<Action>(`/disciplinary-actions/${id}/acknowledge`, { signature: SIGNATURE });
    expect(signed.status).toBe('appeal_window');
    const after = Date.parse(`${addDays(signed.appealLastDay!, 1)}T00:00:30+08:00`);
    await clock.advance(after - runtime.now().getTime());
    const hrAgain = await apiAs(runtime, hrLogin); // sessions age with the clock: sign in again
    const effective = await until(async () => {
      const a = await hrAgain<Action>(`/disciplinary-actions/${id}`);
      return a.status === 'effective' ? a : undefined;
    }, 'the action in effect', 30_000);
    const month = companyToday(new Date(effective.effectiveAt!)).slice(0, 7);
    const fines = await hrAgain<Fines>(`/disciplinary-actions/fines?month=${month}`);
    expect(fines.items.find((f) => f.actionId === id)?.fine).toBe(10);

    // HR downloads the month's 乐捐 from the people list: the row and the total.
    const hrPage = await newPage();
    await signIn(hrPage, runtime.url, hrLogin.email, hrLogin.password);
    await hrPage.goto(`${runtime.url}/#/employees`);
    await hrPage.getByTestId('fines-export').click();
    const exportDialog = hrPage.getByRole('dialog', { name: '下载乐捐扣款表' });
    await exportDialog.getByLabel('月份').fill(month);
    await expectAccessible(hrPage, 'the fines export dialog (HR)');
    const [download] = await Promise.all([hrPage.waitForEvent('download'), exportDialog.getByRole('button', { name: '下载 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`乐捐-${month}.xlsx`);
    const ws = (await workbookOf(download)).worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '工号', '姓名', '违纪条款', '处罚级别', '乐捐（元）', '生效日期']);
    const lines = (ws.getSheetValues().slice(2) as unknown[][]).filter(Boolean);
    const line = lines.find((values) => values[2] === agent.name && values[3] === `V05 ${'工作时间擅离岗位、串岗；上班后不到位工作或聚堆聊天；上班时间私自外出购食品、吃早点'}`);
    if (!line) throw new Error(`the fines file has no row for ${agent.name}'s V05`);
    expect(line.slice(4, 7)).toEqual(['书面警告', 10, new Date(`${companyToday(new Date(effective.effectiveAt!))}T00:00:00Z`)]);
    expect(lines).toHaveLength(fines.items.length + 1);
    expect(lines.at(-1)!.slice(1)).toEqual(['合计', undefined, undefined, undefined, fines.total]);
  }, 300_000);
});

async function workbookOf(download: Download): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await readFile((await download.path())!)).buffer);
  return workbook;
}
