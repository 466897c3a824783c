import { describe, expect, it } from 'vitest';
import { addDays, companyToday } from '../../functions/domain/people/dates.js';
import { buildChecklist } from '../../functions/domain/recruitment/onboarding.js';
import { checklistWrites, getChecklist } from '../../functions/storage/onboarding.js';
import { getPolicy } from '../../functions/storage/policies.js';
import { transact } from '../../functions/storage/transact.js';
import { describeFindings, seriousViolations } from './axe.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, demoLogins, type Employee } from './demo-api.js';

/**
 * 入职清单 on the employee's file (POLICIES.md §2 step 6), in Chromium against the local runtime:
 * a trainee of the demo department with a checklist (written as the report route writes it);
 * HR ticks an item by its labelled checkbox and the tick is saved; the section passes axe. HR's
 * list of checklists (menu 入职清单) shows a trainee's progress and overdue items and leads to the
 * file; it passes axe too.
 */
if (!hasChromium) warnNoChromium('onboarding e2e');

(hasChromium ? describe : describe.skip)('the onboarding checklist on the employee’s file', () => {
  const harness = useConsoleRuntime('onboarding');

  it('HR sees each item with its owner and due date, ticks one, and it is saved (and accessible: WCAG 2.1 AA)', async () => {
    const runtime = harness.runtime;
    const hr = demoLogins(runtime, 'hr')[0]!;
    const api = await apiAs(runtime, hr);
    const { items } = await api<{ items: Employee[] }>('/employees?status=probation&limit=200');
    const trainee = items.find((e) => e.superiorId !== null)!;
    const superior = await api<Employee>(`/employees/${trainee.superiorId}`);
    const policy = await getPolicy(runtime.store, 'recruitment');
    const checklist = buildChecklist({
      employee: { id: trainee.id, name: trainee.name, superiorId: trainee.superiorId }, superiorName: superior.name, mentor: null,
      reportDate: companyToday(runtime.now()), offerId: null, policy, at: runtime.now().toISOString(),
    });
    await transact(runtime.store, checklistWrites(runtime.store, checklist, { actor: null, channel: 'system' }));

    const page = await harness.newPage();
    await signIn(page, runtime.url, hr.email, hr.password);
    await page.goto(`${runtime.url}/#/employees/${trainee.id}/show`);
    const section = page.locator('section[aria-labelledby="onboarding-title"]');
    await section.getByRole('heading', { name: '入职清单' }).waitFor();
    await section.getByText('收取证件：身份证、学历证书、体检表').waitFor();
    await section.getByText(`直属上级 · ${superior.name}`).first().waitFor();

    const box = section.getByRole('checkbox', { name: '将「收取证件：身份证、学历证书、体检表」标记为完成' });
    expect(await box.isChecked()).toBe(false);
    // A controlled checkbox: it shows the server's answer, so it is clicked, then read.
    await box.click();
    await section.getByRole('checkbox', { name: '将「收取证件：身份证、学历证书、体检表」标记为未完成' }).waitFor();
    await expect.poll(async () => (await getChecklist(runtime.store, trainee.id))?.items.find((i) => i.key === 'documents')?.done).toBe(true);

    // 更换导师: HR names a colleague; the mentor's item (the superior's while none was named) moves to them.
    const colleague = items.find((e) => e.id !== trainee.id && e.id !== trainee.superiorId)!;
    await section.getByRole('button', { name: '更换导师' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '导师（资深同事）' }).fill(colleague.name);
    await page.getByRole('option', { name: new RegExp(colleague.name) }).first().click();
    const dialogFindings = await seriousViolations(page);
    expect(dialogFindings.length, describeFindings('the mentor dialog', dialogFindings)).toBe(0);
    await dialog.getByRole('button', { name: '保存' }).click();
    await section.locator('tr[data-item="mentor_guidance"]').getByText(`导师 · ${colleague.name}`).waitFor();
    expect((await getChecklist(runtime.store, trainee.id))?.mentorEmployeeId).toBe(colleague.id);

    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const findings = await seriousViolations(page);
    expect(findings.length, describeFindings('employee file with its onboarding checklist', findings)).toBe(0);
  }, 120_000);

  it('HR opens 入职清单 from the menu: the trainee reported three days ago with 0/6 done and 6 overdue, the name leads to their file (and the list passes axe)', async () => {
    const runtime = harness.runtime;
    const hr = demoLogins(runtime, 'hr')[0]!;
    const api = await apiAs(runtime, hr);
    const { items } = await api<{ items: Employee[] }>('/employees?status=probation&limit=200');
    // Another trainee than the file's case (it takes the first), with no checklist yet.
    const candidates = items.filter((e) => e.superiorId !== null).reverse();
    let trainee: Employee | undefined;
    for (const e of candidates) if (!(await getChecklist(runtime.store, e.id))) { trainee = e; break; }
    expect(trainee, 'a trainee without a checklist in the demo department').toBeDefined();
    const superior = await api<Employee>(`/employees/${trainee!.superiorId}`);
    const policy = await getPolicy(runtime.store, 'recruitment');
    const reportDate = addDays(companyToday(runtime.now()), -3);
    const checklist = buildChecklist({
      employee: { id: trainee!.id, name: trainee!.name, superiorId: trainee!.superiorId }, superiorName: superior.name, mentor: { id: superior.id, name: superior.name },
      reportDate, offerId: null, policy, at: runtime.now().toISOString(),
    });
    await transact(runtime.store, checklistWrites(runtime.store, checklist, { actor: null, channel: 'system' }));

    const page = await harness.newPage();
    await signIn(page, runtime.url, hr.email, hr.password);
    await page.getByRole('menuitem', { name: '入职清单' }).click();
    await page.waitForURL(/#\/onboarding-checklists/);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: trainee!.name, exact: true }) });
    await row.waitFor();
    await row.getByText('0/6').waitFor();
    await row.getByText('逾期 6 项').waitFor();
    await row.getByText(superior.name, { exact: false }).waitFor();
    if (process.env.ONBOARDING_LIST_SCREENSHOT) await page.screenshot({ path: process.env.ONBOARDING_LIST_SCREENSHOT, fullPage: true });

    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const findings = await seriousViolations(page);
    expect(findings.length, describeFindings('the onboarding checklists list', findings)).toBe(0);

    // 已完成: the trainee's checklist is still open, so it is not there.
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.getByRole('option', { name: '已完成' }).click();
    await expect.poll(() => page.getByRole('link', { name: trainee!.name, exact: true }).count()).toBe(0);
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.getByRole('option', { name: '进行中' }).click();

    await page.getByRole('link', { name: trainee!.name, exact: true }).click();
    await page.waitForURL(new RegExp(`#/employees/${trainee!.id}/show`));
    const section = page.locator('section[aria-labelledby="onboarding-title"]');
    await section.getByRole('heading', { name: '入职清单' }).waitFor();
    await section.getByText('收取证件：身份证、学历证书、体检表').waitFor();
  }, 120_000);

  it('HR edits the items on 招聘制度: changes a due day, adds an item, saves a new version (and the page passes axe)', async () => {
    const runtime = harness.runtime;
    const hr = demoLogins(runtime, 'hr')[0]!;
    const page = await harness.newPage();
    await signIn(page, runtime.url, hr.email, hr.password);
    await page.goto(`${runtime.url}/#/recruitment-policy`);
    await page.getByRole('heading', { name: '入职清单' }).waitFor();
    const dueDays = page.getByRole('spinbutton', { name: '报到后第几天完成' });
    await expect.poll(() => dueDays.count()).toBe(6);
    await dueDays.nth(4).fill('3');
    const section = page.locator('section', { has: page.getByRole('heading', { name: '入职清单' }) });
    await section.getByRole('button', { name: '添加' }).click();
    await expect.poll(() => dueDays.count()).toBe(7);
    await section.getByRole('textbox', { name: '事项标识' }).nth(6).fill('it_account');
    await section.getByRole('textbox', { name: '名称（中文）' }).nth(6).fill('开通系统账号');
    await section.getByRole('textbox', { name: '名称（英文）' }).nth(6).fill('System account set up');
    if (process.env.ONBOARDING_POLICY_SCREENSHOT) await page.screenshot({ path: process.env.ONBOARDING_POLICY_SCREENSHOT, fullPage: true });
    const before = await page.getByTestId('policy-version').innerText();
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => page.getByTestId('policy-version').innerText(), { timeout: 15_000 }).not.toBe(before);
    const saved = await getPolicy(runtime.store, 'recruitment');
    expect(saved.values.onboardingItems.map((i) => [i.key, i.owner, i.dueDays]).slice(4)).toEqual([['company_overview', 'hr', 3], ['mentor_guidance', 'mentor', 1], ['it_account', 'hr', 0]]);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const findings = await seriousViolations(page);
    expect(findings.length, describeFindings('the recruitment policy page', findings)).toBe(0);
  }, 120_000);
});
