import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { until } from '../support/mail.js';
import { csvText, gbkBytes, xlsxBytes } from '../support/people-files.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, demoLoginNamed, demoLogins, traineeWithoutReview, type Api, type DemoLogin, type Review } from './demo-api.js';

/**
 * The spreadsheet-grade console (issue #5) in a real browser against the local runtime with
 * demo data: HR imports an .xlsx and a GBK CSV (Chinese Excel's plain "CSV"), each with a bad
 * row the preview flags on its cell; exports the list as .xlsx and as CSV with a BOM (read back,
 * and re-imported unchanged); the dashboards draw the department's numbers and open filtered
 * lists; a manager lands on 待我审批; the inbox and a request work on a 375 px phone.
 */
if (!hasChromium) warnNoChromium('import/export e2e');

interface Person {
  id: string;
  employeeNo: string;
  name: string;
  phone: string;
  teamName: string | null;
  superiorName: string | null;
  status: string;
}

const BOM = '\uFEFF';
const SHOTS = '/tmp';

(hasChromium ? describe : describe.skip)('import, export, dashboards and the home page', () => {
  const harness = useConsoleRuntime('import-export');
  const url = () => harness.runtime.url;
  const hrLogin = () => demoLogins(harness.runtime, 'hr')[0]!;

  async function pageAs(person: DemoLogin, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await harness.newPage(viewport);
    await signIn(page, url(), person.email, person.password);
    return page;
  }

  /** Everyone HR sees whose 工号 starts so (the API's employee-number prefix search). */
  async function peopleNumbered(api: Api, prefix: string): Promise<Person[]> {
    return (await api<{ items: Person[] }>(`/employees?q=${encodeURIComponent(prefix)}&limit=200`)).items;
  }

  async function allPeople(api: Api, query = ''): Promise<Person[]> {
    const out: Person[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Person[]; nextCursor: string | null } = await api(`/employees?limit=200${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }

  /** Opens the import page and gives it a file; answers once the preview is there. */
  async function preview(page: Page, name: string, mimeType: string, buffer: Uint8Array): Promise<void> {
    await page.goto(`${url()}/#/employees/import`);
    await page.getByTestId('import-file').setInputFiles({ name, mimeType, buffer: Buffer.from(buffer) });
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
  }

  const cell = (page: Page, line: number, column: string) => page.locator(`tr[data-line="${line}"] td[data-column="${column}"]`);

  async function saved(download: Download): Promise<Buffer> {
    return readFile((await download.path())!);
  }

  async function workbookOf(download: Download): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await saved(download)).buffer);
    return workbook;
  }

  it('HR imports an .xlsx with a bad row: the preview flags its cell, the good rows are created, the bad one comes back as a file', async () => {
    const api = await apiAs(harness.runtime, hrLogin());
    const lead = (await peopleNumbered(api, 'CS0003'))[0]!;
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const file = await xlsxBytes([
      ['工号', '姓名', '邮箱', '电话', '岗位', '职级', '上级工号', '团队', '入职日期'],
      ['XL001', '导入甲', 'xl001@example.com', 13900000001, '专员', '初级', lead.employeeNo, '客户服务中心', day('2026-03-02')],
      ['XL002', '导入乙', 'not-an-email', 13900000002, '专员', '初级', lead.employeeNo, '客户服务中心', day('2026-03-02')],
      ['XL003', '导入丙', 'xl003@example.com', '13900000003', 'Agent', 'Junior', 'XL001', '景区客服', '2026/3/9'],
    ]);
    const page = await pageAs(hrLogin(), { width: 1400, height: 900 });
    await preview(page, '新员工.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', file);

    expect(await page.getByTestId('import-summary').innerText()).toContain('共 3 行：新建 2 行，修改 0 行，无变化 0 行，有误 1 行。');
    const badEmail = cell(page, 3, 'email');
    expect(await badEmail.getAttribute('data-invalid')).toBe('true');
    expect(await badEmail.locator('[data-problem]').count()).toBe(1);
    expect(await cell(page, 2, 'email').getAttribute('data-invalid')).toBeNull();
    // The third row names as superior a person the first row creates: fine in the preview.
    expect(await page.locator('tr[data-line="4"][data-invalid]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/import-export-preview.png`, fullPage: true });

    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-results').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-result-summary').innerText()).toContain('已新建 2 人，已修改 0 人，未导入 1 行');
    await page.screenshot({ path: `${SHOTS}/import-export-results.png`, fullPage: true });

    const created = await peopleNumbered(api, 'XL');
    expect(created.map((p) => [p.employeeNo, p.name, p.teamName]).sort()).toEqual([
      ['XL001', '导入甲', '客户服务中心'],
      ['XL003', '导入丙', '景区客服'],
    ]);
    expect(created.find((p) => p.employeeNo === 'XL003')?.superiorName).toBe('导入甲');

    // The row not imported, as the file had it plus why: fix it in Excel, import again.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-download-failed').click()]);
    const sheet = (await workbookOf(download)).worksheets[0]!;
    expect(sheet.getRow(1).values).toContain('错误');
    expect(sheet.actualRowCount).toBe(2);
    expect(String(sheet.getRow(2).getCell(1).value)).toBe('XL002');
  }, 90_000);

  it('HR imports a GBK CSV saved by Chinese Excel: a new person, a change, and a bad superior flagged on its cell', async () => {
    const api = await apiAs(harness.runtime, hrLogin());
    const lead = (await peopleNumbered(api, 'CS0003'))[0]!;
    const agent = (await allPeople(api, '&status=regular')).find((p) => p.employeeNo.startsWith('CS') && p.superiorName !== null && p.phone !== '13700000042')!;
    const bytes = gbkBytes(csvText([
      ['工号', '姓名', '邮箱', '电话', '岗位', '职级', '上级工号', '团队', '入职日期'],
      ['GB001', '张伟', 'gb001@example.com', '13800000001', '专员', '初级', lead.employeeNo, '客户服务中心', '2026/3/1'],
      [agent.employeeNo, '', '', '13700000042', '', '', '', '', ''],
      ['GB002', '李娜', 'gb002@example.com', '13800000002', '组长', '高级', 'NOBODY9', '景区客服', '2026-04-01'],
    ]));
    const page = await pageAs(hrLogin(), { width: 1400, height: 900 });
    await preview(page, '员工.csv', 'text/csv', bytes);

    expect(await page.getByTestId('import-summary').innerText()).toContain('新建 1 行，修改 1 行，无变化 0 行，有误 1 行');
    expect(await cell(page, 2, 'name').innerText()).toBe('张伟'); // GBK read as Chinese
    expect(await cell(page, 4, 'superiorNo').getAttribute('data-invalid')).toBe('true');

    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-results').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-result-summary').innerText()).toContain('已新建 1 人，已修改 1 人，未导入 1 行');

    expect((await peopleNumbered(api, 'GB')).map((p) => [p.employeeNo, p.name, p.teamName])).toEqual([['GB001', '张伟', '客户服务中心']]);
    expect((await api<Person>(`/employees/${agent.id}`)).phone).toBe('13700000042');
  }, 90_000);

  it('HR exports the filtered list as CSV with a BOM and every row, and the file re-imports with nothing to change', async () => {
    const api = await apiAs(harness.runtime, hrLogin());
    const onProbation = await allPeople(api, '&status=probation');
    const page = await pageAs(hrLogin(), { width: 1400, height: 900 });
    await page.goto(`${url()}/#/employees?${new URLSearchParams({ filter: JSON.stringify({ status: 'probation' }) })}`);
    await page.getByRole('button', { name: '导出' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^员工-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await saved(download)).toString('utf8');
    expect(text.startsWith(BOM)).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('工号,姓名,邮箱,电话,岗位,职级,上级工号,团队,入职日期,试用期截止,状态,上级姓名');
    expect(lines.length - 1).toBe(onProbation.length);
    expect(lines.slice(1).every((l) => l.includes(',试用期,'))).toBe(true);

    await preview(page, download.suggestedFilename(), 'text/csv', await saved(download));
    expect(await page.getByTestId('import-summary').innerText()).toContain(`共 ${onProbation.length} 行：新建 0 行，修改 0 行，无变化 ${onProbation.length} 行，有误 0 行`);
    expect(await page.getByTestId('import-submit').isDisabled()).toBe(true);
  }, 90_000);

  it('HR exports the whole roster as .xlsx from the import page: every person, read page after page', async () => {
    const api = await apiAs(harness.runtime, hrLogin());
    const page = await pageAs(hrLogin(), { width: 1400, height: 900 });
    await page.goto(`${url()}/#/employees/import`);
    await page.getByRole('button', { name: '导出当前名单' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '导出 Excel (.xlsx)' }).click()]);
    const everyone = await allPeople(api);
    const sheet = (await workbookOf(download)).worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('工号');
    const numbers = Array.from({ length: sheet.actualRowCount - 1 }, (_, i) => String(sheet.getRow(i + 2).getCell(1).value));
    expect(numbers.sort()).toEqual(everyone.map((p) => p.employeeNo).sort());
    expect(sheet.getRow(2).getCell(9).value).toBeInstanceOf(Date); // 入职日期 is a date cell
  }, 90_000);

  /** An early review of a trainee, started by HR, and the approver the workflow asked first. */
  let started: Promise<{ review: Review; trainee: string; approver: DemoLogin; taskId: string }> | undefined;
  function aReviewInProgress() {
    started ??= (async () => {
      const hr = await apiAs(harness.runtime, hrLogin());
      const trainee = await traineeWithoutReview(hr, harness.runtime);
      const review = await hr<Review>('/probation-reviews', { employeeId: trainee.id, kind: 'early' });
      const task = await until(async () => (await hr<Review>(`/probation-reviews/${review.id}`)).steps?.find((s) => s.status === 'pending')?.tasks?.[0], 'the first approval task', 30_000);
      return { review, trainee: trainee.name, approver: demoLoginNamed(harness.runtime, task.approverName), taskId: task.id };
    })();
    return started;
  }

  /**
   * Clicks a bar of a horizontal chart by its category's label: in the middle of the plot, at
   * the label's height (a click anywhere in a bar's band opens its list).
   */
  async function clickBar(page: Page, chart: string, label: string): Promise<void> {
    const card = page.getByTestId(`chart-${chart}`);
    const tick = card.locator('.MuiChartsAxis-directionY .MuiChartsAxis-tickLabel').filter({ hasText: new RegExp(`^${label}$`) });
    const at = (await tick.boundingBox())!;
    const surface = (await card.locator('svg').filter({ has: page.locator('.MuiBarChart-root') }).boundingBox())!;
    await page.mouse.click(surface.x + surface.width * 0.6, at.y + at.height / 2);
  }

  it('the dashboards draw pending approvals, the probation pipeline, headcount and turnover, and a bar opens the filtered list', async () => {
    const { trainee } = await aReviewInProgress();
    const gm = demoLogins(harness.runtime, 'gm')[0]!;
    const page = await pageAs(gm, { width: 1400, height: 1000 });
    await page.getByRole('menuitem', { name: '数据看板' }).click();
    await page.waitForURL(/#\/dashboard$/);
    const bars = (chart: string) => page.getByTestId(`chart-${chart}`).locator('.MuiBarChart-element').filter({ visible: true });
    for (const chart of ['pending', 'probation', 'headcount']) await bars(chart).first().waitFor();
    expect(Number(await page.getByTestId('stat-pending').locator('.MuiTypography-h4').innerText())).toBeGreaterThan(0);
    // 离职 (#15): drawn by month and reason when anyone has left, else the card says no one has yet.
    const api = await apiAs(harness.runtime, gm);
    const { turnover } = await api<{ turnover: Array<{ total: number }> }>('/dashboard');
    const turnoverCard = page.getByTestId('chart-turnover');
    await turnoverCard.getByRole('heading', { name: '离职人数与离职率：按月份与原因' }).waitFor();
    if (turnover.some((m) => m.total > 0)) await bars('turnover').first().waitFor();
    else await turnoverCard.getByText('暂无离职人员').waitFor();
    // 违纪处罚 (#16): drawn when there are actions, else its empty state.
    const { discipline } = await api<{ discipline: Array<{ count: number }> }>('/dashboard');
    const disciplineCard = page.getByTestId('chart-discipline');
    await disciplineCard.getByRole('heading', { name: '违纪处罚：按团队与级别（近 12 个月）' }).waitFor();
    if (discipline.some((d) => d.count > 0)) await bars('discipline').first().waitFor();
    else await disciplineCard.getByText('暂无违纪处罚').waitFor();
    await page.waitForTimeout(500); // the bars grow in
    await page.screenshot({ path: `${SHOTS}/import-export-dashboard.png`, fullPage: true });

    // A team's bar: the people list filtered to that team.
    const teams = (await api<{ items: Array<{ id: string; name: string }> }>('/org-units')).items;
    const scenic = teams.find((u) => u.name === '景区客服')!;
    await clickBar(page, 'headcount', scenic.name);
    await page.waitForURL(/#\/employees\?/);
    expect(JSON.parse(new URL(page.url().replace('/#/', '/')).searchParams.get('filter') ?? '{}')).toEqual({ teamId: scenic.id });

    // The pipeline's 评审中 bar: the reviews in progress.
    await page.getByRole('menuitem', { name: '数据看板' }).click();
    await bars('probation').first().waitFor();
    await clickBar(page, 'probation', '评审中');
    await page.waitForURL(/#\/probation-reviews\?/);
    expect(JSON.parse(new URL(page.url().replace('/#/', '/')).searchParams.get('filter') ?? '{}')).toEqual({ status: 'in_review' });
    await page.getByText(trainee).first().waitFor();
  }, 90_000);

  it('someone without the department’s numbers sees the dashboard without charts and without an error', async () => {
    const page = await pageAs(demoLogins(harness.runtime, 'agent')[0]!);
    await page.goto(`${url()}/#/dashboard`);
    await page.getByText('欢迎', { exact: false }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-testid^="chart-"]').count()).toBe(0);
    expect(await page.locator('.MuiSnackbarContent-message, .MuiAlert-standardError').count()).toBe(0);
  }, 60_000);

  it('a manager signs in and lands on 待我审批, in Chinese, with 数据看板 in the menu', async () => {
    const page = await pageAs(demoLogins(harness.runtime, 'cs_manager')[0]!);
    await page.waitForURL(/#\/approvals$/);
    await page.getByRole('tab', { name: '待我审批', selected: true }).waitFor();
    await page.getByRole('tab', { name: '抄送我的' }).click();
    await page.getByRole('tab', { name: '抄送我的', selected: true }).waitFor();
    expect(await page.getByRole('menuitem', { name: '数据看板' }).count()).toBe(1);
  }, 60_000);

  it('on a 375 px phone the approver lands on the inbox, opens the request, and 同意/驳回 are on screen without scrolling', async () => {
    const { trainee, approver } = await aReviewInProgress();
    const page = await pageAs(approver, { width: 375, height: 812 });
    await page.waitForURL(/#\/approvals$/);
    const noSideScroll = () => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
    const item = page.getByText(`转正评审：${trainee}`);
    await item.waitFor();
    expect(await noSideScroll()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/import-export-inbox-375.png` });

    await item.click();
    await page.waitForURL(/#\/approvals\/[^/]+\/show$/);
    const buttons = page.getByTestId('decision-buttons');
    await buttons.waitFor();
    const box = (await buttons.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(812); // sticks to the bottom of the screen
    for (const name of ['同意', '驳回']) {
      const button = (await buttons.getByRole('button', { name }).boundingBox())!;
      expect(button.x + button.width).toBeLessThanOrEqual(375);
      expect(button.height).toBeGreaterThanOrEqual(44);
    }
    expect(await noSideScroll()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/import-export-request-375.png` });
  }, 90_000);
});
