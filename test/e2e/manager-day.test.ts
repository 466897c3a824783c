import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { until } from '../support/mail.js';
import { xlsxBytes } from '../support/people-files.js';
import { hasChromium, pasteText, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, demoLoginNamed, demoLogins, openFromInbox, traineeWithoutReview, type Api, type Review } from './demo-api.js';

/**
 * Issue #5's "done when", as one walk-through on the runtime `npm start` runs (its demo
 * department): the CS manager signs in and lands on 待我审批 in Chinese, approves a probation
 * review there, opens the people sheet and pastes a block copied from Excel onto two of her
 * people, imports an .xlsx (one row touches what only HR changes and is refused on its cell)
 * and exports one, then reads the dashboards. What she may change in the sheet is what the org
 * policy lets managers change (POLICIES.md §1: a manager acts on her own subtree); HR keeps
 * level, status and dates. Screenshots of each step go to /tmp/manager-day-*.png.
 */
if (!hasChromium) warnNoChromium('manager walk-through e2e');

interface Person {
  id: string;
  employeeNo: string;
  name: string;
  email: string;
  phone: string;
  post: string;
  level: string;
  status: string;
  superiorId: string | null;
  teamId: string | null;
  teamName: string | null;
  version: number;
}

interface AuditEntry {
  action: string;
  channel: string;
  actorName: string | null;
  after: Record<string, unknown> | null;
}

const WAIT = { timeout: 20_000, interval: 200 };
const SCORES = { scores: { dailyPerformance: 92, professionalTest: 90, interview: 91 }, attendance: { personalLeaveCount: 0, lateCount: 0, earlyLeaveCount: 0 } };
const ROW_PX = 36;

(hasChromium ? describe : describe.skip)('a CS manager’s day in the console (issue #5)', () => {
  const harness = useConsoleRuntime('manager-day');
  const url = () => harness.runtime.url;
  const shot = (page: Page, step: string) => page.screenshot({ path: `/tmp/manager-day-${step}.png` });

  /** Everyone the caller sees, in the sheet's first order (by employee number). */
  async function everyone(api: Api): Promise<Person[]> {
    const out: Person[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Person[]; nextCursor: string | null } = await api(`/employees?sort=employeeNo&order=asc&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }


  async function workbookOf(download: Download): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await readFile((await download.path())!)).buffer);
    return workbook;
  }

  it('signs in to 待我审批 in Chinese, approves, pastes a block from Excel into the people sheet, imports and exports an .xlsx, and reads the dashboards', async () => {
    const rt = harness.runtime;
    const manager = demoLogins(rt, 'cs_manager')[0]!;
    const hr = await apiAs(rt, demoLogins(rt, 'hr')[0]!);
    const mine = await apiAs(rt, manager);

    // A review waiting for her: HR starts it, the supervisor scores and approves (by API).
    const trainee = await traineeWithoutReview(hr, rt);
    const review = await hr<Review>('/probation-reviews', { employeeId: trainee.id, kind: 'early' });
    const first = await until(async () => (await hr<Review>(`/probation-reviews/${review.id}`)).steps?.find((s) => s.status === 'pending')?.tasks?.[0], 'the supervisor step', 30_000);
    await (await apiAs(rt, demoLoginNamed(rt, first.approverName)))(`/approvals/${encodeURIComponent(first.id)}/decision`, { decision: 'approve', ...SCORES });

    // 1. She signs in and lands on 待我审批, in Chinese.
    const page = await harness.newPage({ width: 1400, height: 900 });
    await signIn(page, url(), manager.email, manager.password);
    await page.waitForURL(/#\/approvals$/);
    await page.getByRole('tab', { name: '待我审批', selected: true }).waitFor();
    for (const menu of ['员工', '数据看板']) expect(await page.getByRole('menuitem', { name: menu }).count()).toBe(1);

    // 2. She approves the review from the inbox.
    await openFromInbox(page, url(), trainee.name);
    await shot(page, '1-task');
    await page.getByLabel('审批意见').fill('同意转正');
    await page.getByRole('button', { name: '同意' }).click();
    await page.waitForURL(/#\/approvals$/);
    await expect
      .poll(async () => (await mine<Review>(`/probation-reviews/${review.id}`)).steps?.find((s) => s.stepKey === 'cs_manager')?.decision, WAIT)
      .toBe('approve');
    const decided = await until(async () => (await mine<{ items: Array<{ requestId: string; channel: string | null; comment: string | null }> }>('/approvals?status=decided')).items.find((t) => t.requestId === review.id), 'her decided task', 20_000);
    expect(decided).toMatchObject({ channel: 'console', comment: '同意转正' });

    // 3. The people sheet: a block copied from Excel (电话, 邮箱, 直属上级, 团队) over two of her agents.
    const people = await everyone(mine);
    const row = people.findIndex((p, i) => p.post === 'agent' && p.status === 'regular' && people[i + 1]?.post === 'agent' && people[i + 1]?.status === 'regular');
    expect(row).toBeGreaterThanOrEqual(0);
    const [a, b] = [people[row]!, people[row + 1]!];
    const lead = people.find((p) => p.post === 'team_lead' && p.id !== a.superiorId && p.id !== b.superiorId)!;
    const teams = (await mine<{ items: Array<{ id: string; name: string; kind: string }> }>('/org-units')).items.filter((u) => u.kind === 'team');
    const team = teams.find((t) => t.id !== a.teamId && t.id !== b.teamId)!;
    await page.getByRole('menuitem', { name: '员工' }).click();
    await page.waitForURL(/#\/employees/);
    await page.evaluate(`document.querySelector('.ag-grid-viewport').scrollTop = ${Math.max(0, row * ROW_PX - 100)}`);
    const phoneCell = page.locator(`.ag-row[row-index="${row}"] [role="gridcell"][col-id="phone"]`);
    // The pick lists are read once the sheet opens; until then 直属上级 and 团队 are read-only.
    await expect.poll(() => page.locator(`.ag-row[row-index="${row}"] [col-id="teamName"]`).getAttribute('class'), WAIT).toContain('sheet-cell-editable');
    expect(await page.locator(`.ag-row[row-index="${row}"] [col-id="level"]`).getAttribute('class')).not.toContain('sheet-cell-editable');
    await phoneCell.click();
    // The e-mail cells are HR's: left as they are, whatever the block says.
    await pasteText(page, `13911110001\t${a.email}\t${lead.name}\t${team.name}\r\n13911110002\tx@example.com\t${lead.name}\t${team.name}\r\n`);
    const preview = page.getByTestId('sheet-preview');
    await preview.waitFor();
    expect(await preview.locator(`tr[data-row-id="${b.id}"][data-field="teamId"]`).innerText()).toContain(team.name);
    expect(await preview.locator('tr[data-field="email"]').count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: '保存 2 行' }).isEnabled(), WAIT).toBe(true);
    await shot(page, '2-paste-preview');
    await page.getByRole('button', { name: '保存 2 行' }).click();
    await expect.poll(() => page.getByTestId('sheet-results').innerText(), WAIT).toContain('已保存 2 行，失败 0 行');
    await page.getByRole('button', { name: '关闭' }).click();
    for (const [person, phone] of [[a, '13911110001'], [b, '13911110002']] as const) {
      expect(await hr<Person>(`/employees/${person.id}`)).toMatchObject({ phone, superiorId: lead.id, teamId: team.id, email: person.email });
      const audit = await hr<{ items: AuditEntry[] }>(`/audit?entityType=employee&entityId=${person.id}`);
      expect(audit.items.find((e) => e.action === 'update' && e.after?.phone === phone)).toMatchObject({ channel: 'console', actorName: manager.name });
    }

    // 4. Import an .xlsx: a new phone number for one of her people, and a 职级 change that is HR's.
    const [c, d] = people.filter((p) => p.post === 'agent' && p.status === 'regular' && p.id !== a.id && p.id !== b.id);
    const dLevel = d!.level === 'senior' ? '中级' : '高级';
    const file = await xlsxBytes([
      ['工号', '电话', '职级'],
      [c!.employeeNo, '13922220003', ''],
      [d!.employeeNo, '', dLevel],
    ]);
    await page.getByRole('link', { name: '导入' }).click();
    await page.waitForURL(/#\/employees\/import$/);
    await page.getByTestId('import-file').setInputFiles({ name: '电话更新.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(file) });
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('import-summary').innerText(), WAIT).toContain('修改 1 行，无变化 0 行，有误 1 行');
    expect(await page.locator('tr[data-line="3"] td[data-column="level"]').getAttribute('data-invalid')).toBe('true');
    await shot(page, '3-import-preview');
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-results').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-result-summary').innerText()).toContain('已新建 0 人，已修改 1 人，未导入 1 行');
    expect((await hr<Person>(`/employees/${c!.id}`)).phone).toBe('13922220003');
    expect((await hr<Person>(`/employees/${d!.id}`)).level).toBe(d!.level);

    // 5. Export her people as .xlsx: every one of them, re-read from the file.
    await page.goto(`${url()}/#/employees`);
    await page.getByRole('button', { name: '导出' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '导出 Excel (.xlsx)' }).click()]);
    const sheet = (await workbookOf(download)).worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('工号');
    const numbers = Array.from({ length: sheet.actualRowCount - 1 }, (_, i) => String(sheet.getRow(i + 2).getCell(1).value));
    expect(numbers.sort()).toEqual(people.map((p) => p.employeeNo).sort());
    const exportedC = Array.from({ length: sheet.actualRowCount }, (_, i) => sheet.getRow(i + 1)).find((r) => String(r.getCell(1).value) === c!.employeeNo)!;
    expect(String(exportedC.getCell(4).value)).toBe('13922220003');

    // 6. The dashboards: her department's numbers, drawn.
    await page.getByRole('menuitem', { name: '数据看板' }).click();
    await page.waitForURL(/#\/dashboard$/);
    for (const chart of ['pending', 'probation', 'headcount']) {
      await page.getByTestId(`chart-${chart}`).locator('.MuiBarChart-element').filter({ visible: true }).first().waitFor();
    }
    expect(Number(await page.getByTestId('stat-headcount').locator('.MuiTypography-h4').innerText())).toBeGreaterThan(0);
    await page.waitForTimeout(500); // the bars grow in
    await shot(page, '4-dashboard');
  }, 180_000);
});
