import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { until } from '../support/mail.js';
import { describeFindings, seriousViolations } from './axe.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, demoLoginNamed, demoLogins, inboxTitleCell, traineeWithoutReview, type DemoLogin, type Employee, type Review } from './demo-api.js';

const SCORES = { scores: { dailyPerformance: 90, professionalTest: 88, interview: 86 }, attendance: { personalLeaveCount: 0, lateCount: 0, earlyLeaveCount: 0 } };

/**
 * The console against WCAG 2.1 AA (#13 item 10): each page people use every day, loaded in
 * Chromium with the demo department and checked by axe-core. A serious or critical violation
 * fails the test, listed by rule, impact and the offending nodes. In Chinese, the console's
 * default language, and in English (names, labels and `<html lang>` change with it).
 */
if (!hasChromium) warnNoChromium('accessibility e2e');

type Locale = 'zh-CN' | 'en';
const APPROVE: Record<Locale, string> = { 'zh-CN': '同意', en: 'Approve' };

/**
 * The language chosen with the console's language menu, as it keeps it (react-admin's store in
 * localStorage, admin/src/providers/store.ts), set before the page loads: switching with the
 * menu would also save it to the demo account, which other tests sign in as.
 */
async function chooseLanguage(page: Page, locale: Locale): Promise<void> {
  if (locale === 'zh-CN') return;
  await page.context().addInitScript(`localStorage.setItem('RaStoreCsConsole.locale', ${JSON.stringify(JSON.stringify(locale))});`);
}

(hasChromium ? describe : describe.skip)('accessibility of the console (axe-core, WCAG 2.1 AA)', () => {
  const harness = useConsoleRuntime('accessibility');
  const url = () => harness.runtime.url;

  /**
   * Checks the page as it is now, after the network has settled and transitions have ended:
   * no serious or critical WCAG 2.1 AA violation, one `main` landmark and one non-empty h1
   * (axe files those two under best practices, not WCAG, so they are asserted here), and the
   * page's language is the one shown (WCAG 3.1.1, which axe checks only for validity).
   */
  async function expectAccessible(page: Page, where: string, locale: Locale): Promise<void> {
    await page.waitForLoadState('networkidle');
    // MUI's transitions (the drawer, fades) are a few hundred ms: colours mid-fade are not what anyone reads.
    await page.waitForTimeout(500);
    const findings = await seriousViolations(page);
    expect(findings.length, describeFindings(where, findings)).toBe(0);
    expect(await page.getByRole('main').count(), `${where}: main landmarks`).toBe(1);
    const headings = await page.getByRole('heading', { level: 1 }).allInnerTexts();
    expect(headings, `${where}: h1 headings`).toHaveLength(1);
    expect(headings[0]!.trim(), `${where}: the h1's text`).not.toBe('');
    expect(await page.evaluate('document.documentElement.lang'), `${where}: <html lang>`).toBe(locale);
  }

  /** HR starts an early review of a trainee; the workflow asks the supervisor (a task in their inbox). */
  async function startReview(): Promise<{ review: Review; trainee: string; supervisor: DemoLogin; taskId: string }> {
    const hr = await apiAs(harness.runtime, demoLogins(harness.runtime, 'hr')[0]!);
    const trainee = await traineeWithoutReview(hr, harness.runtime);
    const review = await hr<Review>('/probation-reviews', { employeeId: trainee.id, kind: 'early' });
    const task = await until(async () => (await hr<Review>(`/probation-reviews/${review.id}`)).steps?.find((s) => s.status === 'pending')?.tasks?.[0], 'the supervisor step', 30_000);
    return { review, trainee: trainee.name, supervisor: demoLoginNamed(harness.runtime, task.approverName), taskId: task.id };
  }

  describe.each(['zh-CN', 'en'] as const)('in %s', (locale) => {
    async function newPage(): Promise<Page> {
      const page = await harness.newPage();
      await chooseLanguage(page, locale);
      return page;
    }

    async function pageAs(person: DemoLogin): Promise<Page> {
      const page = await newPage();
      await signIn(page, url(), person.email, person.password);
      return page;
    }

    it('the sign-in page', async () => {
      const page = await newPage();
      await page.goto(`${url()}/#/login`);
      await page.locator('input[name="email"]').waitFor();
      await expectAccessible(page, `${locale} sign-in page`, locale);
    }, 60_000);

    it('待我审批, the inbox, with a task waiting', async () => {
      const { trainee, supervisor } = await startReview();
      const page = await pageAs(supervisor);
      await page.goto(`${url()}/#/approvals`);
      await expect.poll(async () => {
        if ((await inboxTitleCell(page, trainee).count()) > 0) return 1;
        await page.reload();
        await page.waitForLoadState('networkidle');
        return inboxTitleCell(page, trainee).count();
      }, { timeout: 30_000, interval: 500 }).toBeGreaterThan(0);
      await expectAccessible(page, `${locale} 待我审批`, locale);
    }, 90_000);

    it('员工, the people sheet, and a supervisor\'s file with its direct reports, as HR', async () => {
      const hr = demoLogins(harness.runtime, 'hr')[0]!;
      const page = await pageAs(hr);
      await page.goto(`${url()}/#/employees`);
      await expect.poll(() => page.locator('.ag-row[row-index="0"] [role="gridcell"][col-id="name"]').innerText(), { timeout: 20_000 }).not.toBe('');
      await expectAccessible(page, `${locale} 员工`, locale);

      const { items } = await (await apiAs(harness.runtime, hr))<{ items: Employee[] }>('/employees?limit=200');
      const superior = items.find((e) => items.some((r) => r.superiorId === e.id))!;
      await page.goto(`${url()}/#/employees/${superior.id}/show`);
      await page.getByTestId('direct-reports').locator('a').first().waitFor();
      await expectAccessible(page, `${locale} employee file`, locale);
    }, 90_000);

    it('a probation review as its requester (with 撤回), and its task as the approver', async () => {
      const { review, trainee, supervisor, taskId } = await startReview();

      const hrPage = await pageAs(demoLogins(harness.runtime, 'hr')[0]!);
      await hrPage.goto(`${url()}/#/probation-reviews/${review.id}/show`);
      await hrPage.getByTestId('withdraw-review').waitFor();
      await hrPage.getByText(trainee).first().waitFor();
      await expectAccessible(hrPage, `${locale} probation review page`, locale);

      const page = await pageAs(supervisor);
      await page.goto(`${url()}/#/approvals/${encodeURIComponent(taskId)}/show`);
      await page.getByRole('button', { name: APPROVE[locale], exact: true }).waitFor();
      await expectAccessible(page, `${locale} approval task page`, locale);
    }, 120_000);

    it('数据看板, the dashboard, as the CS manager with a task waiting (its 待我审批 card)', async () => {
      const { review, trainee, supervisor, taskId } = await startReview();
      await (await apiAs(harness.runtime, supervisor))(`/approvals/${encodeURIComponent(taskId)}/decision`, { decision: 'approve', ...SCORES });
      const hr = await apiAs(harness.runtime, demoLogins(harness.runtime, 'hr')[0]!);
      const managerTask = await until(async () => (await hr<Review>(`/probation-reviews/${review.id}`)).steps?.find((s) => s.stepKey === 'cs_manager' && s.status === 'pending')?.tasks?.[0], 'the CS manager step', 30_000);

      const page = await pageAs(demoLoginNamed(harness.runtime, managerTask.approverName));
      await page.goto(`${url()}/#/dashboard`);
      await page.getByTestId('pending-approvals').getByText(trainee).first().waitFor();
      await page.locator('svg').first().waitFor();
      await expectAccessible(page, `${locale} 数据看板`, locale);
    }, 120_000);
  });
});
