import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getOpening } from '../../functions/storage/openings.js';
import { until } from '../support/mail.js';
import { describeFindings, seriousViolations } from './axe.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, approveAs, companyDate, demoLogins, type Employee } from './demo-api.js';

/**
 * 导入候选人 and the stage moves by hand (POLICIES.md §2 step 3) in a real browser: HR imports a
 * job board's CSV (UTF-8) into an opening — the rows are previewed, a default source chosen, the
 * rows sent one by one; one repeats an earlier row's mobile and is flagged 重复, one has no
 * contact and is not sent, one is refused by the server with its message — then a GBK file
 * saved by Chinese Excel; then moves a candidate to 简历筛选 and another out (不合适, a reason).
 */
if (!hasChromium) warnNoChromium('candidate import e2e');


(hasChromium ? describe : describe.skip)('导入候选人 and stage moves in the console', () => {
  const harness = useConsoleRuntime('candidate-import');
  let fileDir: string | undefined;
  afterAll(async () => {
    if (fileDir) await rm(fileDir, { recursive: true, force: true });
  });


  it('HR imports a board’s CSV and a GBK file (a duplicate flagged, bad rows said), then moves candidates on the board', async () => {
    const runtime = harness.runtime;
    const supervisor = demoLogins(runtime, 'supervisor')[0]!;
    const supervisorApi = await apiAs(runtime, supervisor);
    const own = await supervisorApi<Employee>(`/employees/${supervisor.employeeId}`);
    const { id: requisitionId } = await supervisorApi<{ id: string }>('/requisitions', {
      post: 'agent', teamId: own.teamId, headcount: 2, reason: '旺季来电量增长', requirements: '普通话标准', level: 'trainee', wantedBy: companyDate(30),
    });
    for (const [role, step] of [['cs_manager', 'cs_manager'], ['hr', 'hr'], ['gm', 'gm']] as const) await approveAs(harness.runtime, role, requisitionId, step);
    await until(async () => (await getOpening(runtime.store, requisitionId))?.status === 'open', 'the opening', 30_000);

    // A BOSS直聘-style export (UTF-8 with the BOM Excel writes) and a GBK one from Chinese Excel.
    fileDir = await mkdtemp(join(tmpdir(), 'cs-candidate-files-'));
    const base = String(Date.now() % 100_000_000).padStart(8, '0');
    const p1 = `137${base}`;
    const p2 = `136${base}`;
    const csv = [
      '姓名,手机号码,电子邮箱,渠道,备注',
      `周一,${p1},,BOSS直聘,三年客服经验`,
      `吴二,,wu2.${base}@example.com,前程无忧,`,
      ',,,,',
      `郑三,${p1},,,同一手机`,
      '王四,,,内推,无联系方式',
      '钱五,12345,,BOSS直聘,',
    ].join('\r\n');
    const utf8File = join(fileDir, 'BOSS直聘导出.csv');
    await writeFile(utf8File, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]));
    // 姓名,手机,来源 / 张三,<p2>,智联 — GBK bytes, hard-coded.
    const gbkFile = join(fileDir, '智联导出.csv');
    await writeFile(gbkFile, Buffer.concat([
      Buffer.from('d0d5c3fb2ccad6bbfa2cc0b4d4b40d0a', 'hex'),
      Buffer.from('d5c5c8fd2c', 'hex'), Buffer.from(p2), Buffer.from('2cd6c7c1aa0d0a', 'hex'),
    ]));

    const hrLogin = demoLogins(runtime, 'hr')[0]!;
    const page = await harness.newPage({ width: 1400, height: 1000 });
    await signIn(page, runtime.url, hrLogin.email, hrLogin.password);
    await page.goto(`${runtime.url}/#/requisitions/${encodeURIComponent(requisitionId)}/show`);
    await page.getByTestId('opening-panel').waitFor({ timeout: 20_000 });

    // The preview: 5 rows (the blank one skipped), the one without contact marked, 3 ready until a default source is chosen.
    await page.getByRole('button', { name: '导入候选人' }).click();
    const dialog = page.getByRole('dialog', { name: '导入候选人' });
    await dialog.getByTestId('candidate-import-file').setInputFiles(utf8File);
    const preview = dialog.getByTestId('candidate-import-preview');
    await preview.waitFor({ timeout: 15_000 });
    expect(await preview.locator('tbody tr').count()).toBe(5);
    expect(await preview.locator('tr[data-line="6"]').innerText()).toContain('手机和邮箱至少填一项');
    expect(await preview.locator('tr[data-line="5"]').innerText()).toContain('（默认来源）');
    expect(await dialog.getByTestId('candidate-import-count').innerText()).toBe('共 5 行候选人，可导入 3 行');
    await dialog.getByRole('combobox', { name: '默认来源' }).click();
    await page.getByRole('option', { name: '现场应聘' }).click();
    expect(await dialog.getByTestId('candidate-import-count').innerText()).toBe('共 5 行候选人，可导入 4 行');
    // Checked once the dialog's transitions have settled: a fading element is mid-colour (a machine under load shows it).
    await page.waitForTimeout(600);
    const findings = await seriousViolations(page);
    expect(findings.length, describeFindings('the import preview', findings)).toBe(0);
    await dialog.getByRole('button', { name: '导入 4 位候选人' }).click();

    // Each row's outcome: 郑三 added and flagged as 周一's duplicate, 王四 not sent, 钱五 refused with the server's word on the mobile.
    const results = dialog.getByTestId('candidate-import-results');
    await results.waitFor({ timeout: 30_000 });
    expect(await dialog.getByTestId('candidate-import-summary').innerText()).toBe('导入完成：添加 3 位（其中 1 位重复），未导入 2 行');
    expect(await results.locator('tr[data-line="2"]').getAttribute('data-result')).toBe('added');
    const dupRow = results.locator('tr[data-line="5"]');
    expect(await dupRow.getAttribute('data-result')).toBe('added');
    await dupRow.locator('[data-duplicate="true"]').waitFor();
    expect(await dupRow.getByTestId('duplicate-links').getByRole('link').count()).toBe(1);
    expect(await results.locator('tr[data-line="2"] [data-duplicate]').count()).toBe(0);
    expect(await results.locator('tr[data-line="6"]').innerText()).toContain('未发送：手机和邮箱至少填一项');
    expect(await results.locator('tr[data-line="7"]').getAttribute('data-result')).toBe('refused');
    expect(await results.locator('tr[data-line="7"]').innerText()).toContain('未导入：手机 — ');
    await page.waitForTimeout(600);
    const resultFindings = await seriousViolations(page);
    expect(resultFindings.length, describeFindings('the import results', resultFindings)).toBe(0);
    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'detached' });

    const board = page.getByTestId('candidate-board');
    const newColumn = board.locator('[data-stage="new"]');
    for (const name of ['周一', '吴二', '郑三']) await newColumn.getByRole('link', { name }).waitFor({ timeout: 10_000 });
    await newColumn.locator('li', { has: page.getByRole('link', { name: '郑三' }) }).locator('[data-duplicate="true"]').waitFor();

    // The GBK file: read as GB18030, its source 智联 taken as 智联招聘.
    await page.getByRole('button', { name: '导入候选人' }).click();
    await dialog.getByTestId('candidate-import-file').setInputFiles(gbkFile);
    await expect.poll(() => dialog.getByTestId('candidate-import-preview').innerText(), { timeout: 15_000 }).toContain('张三');
    expect(await dialog.getByTestId('candidate-import-preview').innerText()).toContain('智联招聘');
    await dialog.getByRole('button', { name: '导入 1 位候选人' }).click();
    await expect.poll(() => dialog.getByTestId('candidate-import-summary').innerText(), { timeout: 15_000 }).toBe('导入完成：添加 1 位（其中 0 位重复），未导入 0 行');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await newColumn.locator('li', { has: page.getByRole('link', { name: '张三' }) }).getByText('智联招聘').waitFor({ timeout: 10_000 });

    // 进入筛选 from the card's menu: 周一 moves to 简历筛选.
    await page.getByRole('button', { name: '移动候选人 周一 的阶段' }).click();
    await page.getByRole('menuitem', { name: '进入筛选' }).click();
    await board.locator('[data-stage="screening"]').getByRole('link', { name: '周一' }).waitFor({ timeout: 10_000 });
    expect(await newColumn.getByRole('link', { name: '周一' }).count()).toBe(0);

    // 不合适 needs a reason: refused blank, then 吴二 leaves the pipeline.
    await page.getByRole('button', { name: '移动候选人 吴二 的阶段' }).click();
    await page.getByRole('menuitem', { name: '不合适（需填写原因）' }).click();
    const reason = page.getByRole('dialog', { name: '不合适：吴二' });
    await reason.getByRole('button', { name: '确定' }).click();
    await reason.getByText('必填', { exact: true }).waitFor();
    await reason.getByRole('textbox', { name: '原因' }).fill('无客服经验');
    await reason.getByRole('button', { name: '确定' }).click();
    await reason.waitFor({ state: 'detached' });
    await board.locator('[data-stage="rejected"]').getByRole('link', { name: '吴二' }).waitFor({ timeout: 10_000 });
    // A candidate who has left offers no moves.
    expect(await page.getByRole('button', { name: '移动候选人 吴二 的阶段' }).count()).toBe(0);
  }, 240_000);
});
