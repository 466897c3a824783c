import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible as expectConsolePageAccessible } from './axe.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, companyDate, demoLogins, type Employee } from './demo-api.js';

/**
 * 人才增补 (POLICIES.md §2) in a real browser against the local runtime with the demo
 * department: a supervisor raises a requisition from the console — the form shows the salary
 * range of the level and the chain it will take, a refused headcount is said under its input —
 * then finds it on its own page with its chain and in the list.
 */
if (!hasChromium) warnNoChromium('requisitions e2e');

(hasChromium ? describe : describe.skip)('人才增补 in the console', () => {
  const harness = useConsoleRuntime('requisitions');

  /** The page as it is now has no serious WCAG 2.1 AA violation, and one h1: the app bar's title. */
  const expectAccessible = (page: Page, where: string) => expectConsolePageAccessible(page, where, { oneH1: true });

  it('a supervisor raises a requisition, sees the chain it will take, then finds it on its page and in the list', async () => {
    const supervisor = demoLogins(harness.runtime, 'supervisor')[0]!;
    const own = await (await apiAs(harness.runtime, supervisor))<Employee & { teamName: string }>(`/employees/${supervisor.employeeId}`);
    const page = await harness.newPage();
    await signIn(page, harness.runtime.url, supervisor.email, supervisor.password);

    await page.getByRole('menuitem', { name: '人才增补' }).click();
    await page.getByRole('link', { name: '新建' }).click();
    await page.waitForURL(/#\/requisitions\/create$/);

    // Post and level start as a trainee agent; the level's salary range comes from the ladder (1800 + 20%).
    await expect.poll(() => page.getByTestId('salary-range').innerText(), { timeout: 15_000 }).toContain('1,800 – 2,160');
    await page.getByRole('combobox', { name: '团队' }).click();
    await page.getByRole('option', { name: own.teamName }).click();
    await page.getByRole('spinbutton', { name: '增补人数' }).fill('21');
    await page.getByLabel('期望到岗日期').fill(companyDate(30));
    await page.getByRole('textbox', { name: '增补原因' }).fill('旺季来电量增长，现有坐席不足');
    await page.getByRole('textbox', { name: '任职要求' }).fill('普通话标准，能适应倒班');

    // The chain it would take now, found up from the supervisor: CS manager → HR → GM.
    const preview = page.getByTestId('chain-preview');
    for (const step of ['客服经理审批', '人力资源部审核', '总经理审批']) await preview.getByText(step).waitFor();
    await expectAccessible(page, 'the requisition form');

    // Over the policy's cap (20): the API's words under the input, and nothing is raised.
    await page.getByRole('button', { name: '提交审批' }).click();
    await page.getByText('增补人数须在 1 到 20 之间（招聘制度）').first().waitFor();
    expect(page.url()).toMatch(/#\/requisitions\/create$/);

    await page.getByRole('spinbutton', { name: '增补人数' }).fill('2');
    await page.getByRole('button', { name: '提交审批' }).click();
    await page.waitForURL(/#\/requisitions\/[^/]+\/show$/);

    // Its page: what was asked, its status, and its chain with the CS manager's step waiting.
    await page.getByRole('heading', { level: 1, name: `人才增补单：专员 2 人（${own.teamName}）` }).waitFor();
    expect(await page.getByTestId('requisition-status').innerText()).toBe('审批中');
    const chain = page.getByTestId('requisition-chain');
    const stepKeys = await Promise.all((await chain.locator('[data-chain-step]').all()).map((step) => step.getAttribute('data-chain-step')));
    expect(stepKeys).toEqual(['cs_manager', 'hr', 'gm']);
    await chain.getByText('总经理审批').waitFor();
    await expect.poll(() => chain.locator('[data-chain-step][data-active]').getAttribute('data-chain-step'), { timeout: 30_000 }).toBe('cs_manager');
    await page.getByTestId('withdraw-requisition').waitFor();
    await page.getByText('旺季来电量增长，现有坐席不足').waitFor();
    await expectAccessible(page, 'the requisition page');

    // The list: the new requisition, awaiting approval.
    await page.getByRole('menuitem', { name: '人才增补' }).click();
    const row = page.locator('.ag-row', { has: page.locator('[col-id="teamName"]', { hasText: own.teamName }) }).first();
    await expect.poll(() => row.locator('[col-id="status"]').innerText(), { timeout: 20_000 }).toBe('审批中');
    expect(await row.locator('[col-id="headcount"]').innerText()).toBe('2');
    await row.locator('[col-id="teamName"]').click();
    await page.waitForURL(/#\/requisitions\/[^/]+\/show$/);
  }, 120_000);

  it('HR makes the GM step a condition from 3 people on (招聘制度); the supervisor reads the policy and their form says which requisitions skip the GM', async () => {
    const hr = await harness.newPage();
    await signIn(hr, harness.runtime.url, demoLogins(harness.runtime, 'hr')[0]!.email, demoLogins(harness.runtime, 'hr')[0]!.password);
    await hr.getByRole('menuitem', { name: '招聘制度' }).click();
    await hr.getByRole('heading', { name: '招聘制度', level: 2 }).waitFor();
    const before = await hr.getByTestId('policy-version').innerText();
    // The chain's third step is the GM's (the default policy).
    const gm = hr.getByRole('spinbutton', { name: '增补人数达到（人）才需此步' }).nth(2);
    expect(await gm.inputValue()).toBe('1');
    await gm.fill('3');
    await hr.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => hr.getByTestId('policy-version').innerText(), { timeout: 15_000 }).not.toBe(before);
    expect(await hr.getByTestId('policy-version').innerText()).toContain('第 2 版');
    await expectAccessible(hr, 'the recruitment policy page');

    const supervisor = demoLogins(harness.runtime, 'supervisor')[1]!;
    const page = await harness.newPage();
    await signIn(page, harness.runtime.url, supervisor.email, supervisor.password);
    await page.goto(`${harness.runtime.url}/#/recruitment-policy`);
    await page.getByText('仅人力资源部和系统管理员可修改制度；您可以查看。').waitFor();
    expect(await page.getByRole('button', { name: '保存为新版本' }).count()).toBe(0);
    expect(await page.getByRole('spinbutton', { name: '增补人数达到（人）才需此步' }).nth(2).inputValue()).toBe('3');

    await page.goto(`${harness.runtime.url}/#/requisitions/create`);
    const gmStep = page.getByTestId('chain-preview').locator('[data-step="gm"]');
    await page.getByRole('spinbutton', { name: '增补人数' }).fill('2');
    await gmStep.getByText('增补 3 人及以上才需此步，本单不经过').waitFor();
    await page.getByRole('spinbutton', { name: '增补人数' }).fill('3');
    await gmStep.getByText('增补 3 人及以上需此步').waitFor();
  }, 120_000);
});
