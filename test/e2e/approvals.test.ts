import { describe, expect, it } from 'vitest';
import { until } from '../support/mail.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, demoLogins, openFromInbox, traineeWithoutReview, type Review } from './demo-api.js';

/**
 * Approvals in a real browser against the local runtime (DynamoDB Local, the local Step
 * Functions endpoint, demo data): a supervisor starts an early probation review and scores
 * it from 待我审批, the CS manager signs it from their inbox, the review page shows the
 * chain and the workflow diagram; and the decision page works on a 375 px phone.
 */
if (!hasChromium) warnNoChromium('approvals e2e');

interface Task {
  id: string;
  requestId: string;
  stepKey: string;
  title: string;
}

(hasChromium ? describe : describe.skip)('approvals in the console', () => {
  const harness = useConsoleRuntime('approvals');

  const newPage = harness.newPage;

  it('a supervisor starts an early review and scores it, the CS manager signs it, and the review shows its chain and workflow', async () => {
    const supervisor = demoLogins(harness.runtime, 'supervisor')[0]!;
    const manager = demoLogins(harness.runtime, 'cs_manager')[0]!;
    const supervisorApi = await apiAs(harness.runtime, supervisor);
    const trainee = await traineeWithoutReview(supervisorApi);

    // 1. The supervisor starts the review from the trainee's page.
    const page = await newPage();
    await signIn(page, harness.runtime.url, supervisor.email, supervisor.password);
    await page.goto(`${harness.runtime.url}/#/employees/${trainee.id}/show`);
    await page.getByRole('button', { name: '发起转正评审' }).click();
    await page.getByRole('radio', { name: /提前转正/ }).check();
    await page.getByRole('button', { name: '发起', exact: true }).click();
    await expect.poll(() => page.getByTestId('start-review-result').innerText(), { timeout: 20_000 }).toContain('已发起转正评审');
    const review = (await supervisorApi<{ items: Review[] }>(`/probation-reviews?employeeId=${trainee.id}`)).items[0]!;
    expect(review.status).toBe('in_review');

    // 2. It reaches their inbox; they enter the scores and approve.
    await openFromInbox(page, harness.runtime.url, trainee.name);
    await page.getByLabel('日常表现', { exact: true }).fill('95');
    await page.getByLabel('专业测试', { exact: true }).fill('92');
    await page.getByLabel('面试', { exact: true }).fill('90');
    await page.getByLabel('事假次数', { exact: true }).fill('1');
    await page.getByLabel('迟到次数', { exact: true }).fill('0');
    await page.getByLabel('早退次数', { exact: true }).fill('0');
    await page.getByLabel('审批意见').fill('表现优秀，同意提前转正');
    await page.getByRole('button', { name: '同意' }).click();
    await page.waitForURL(/#\/approvals$/);

    // 3. The CS manager sees it at home and approves from the inbox.
    const managerPage = await newPage();
    await signIn(managerPage, harness.runtime.url, manager.email, manager.password);
    await openFromInbox(managerPage, harness.runtime.url, trainee.name);
    await managerPage.getByText('92.6').waitFor(); // the weighted score, in the request summary
    await managerPage.getByRole('button', { name: '同意' }).click();
    await managerPage.waitForURL(/#\/approvals$/);

    // 4. The review page: both decisions in the chain (through the console), and the workflow
    // waiting for the GM's decision.
    await until(async () => {
      const r = await supervisorApi<Review>(`/probation-reviews/${review.id}`);
      return r.currentStep === 'gm' ? r : undefined;
    }, 'the GM step', 30_000);
    await page.goto(`${harness.runtime.url}/#/probation-reviews/${review.id}/show`);
    // The page may first show the review as this browser last read it; then it reads it again.
    await expect.poll(() => page.locator('[data-chain-step="cs_manager"]').innerText(), { timeout: 10_000 }).toContain(manager.name);
    const supervisorStep = page.locator('[data-chain-step="supervisor"]');
    expect(await supervisorStep.innerText()).toContain('同意');
    expect(await supervisorStep.innerText()).toContain('控制台');
    expect(await supervisorStep.innerText()).toContain('表现优秀，同意提前转正');
    expect(await page.locator('[data-chain-step="gm"]').getAttribute('data-active')).toBe('true');

    const current = page.locator('[data-testid="workflow-diagram"] [data-current="true"]');
    await expect
      .poll(
        async () => {
          if ((await current.count()) === 0) {
            await page.reload();
            await page.waitForLoadState('networkidle');
          }
          return (await current.count()) > 0 ? current.getAttribute('data-state') : null;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe('AskApprover');
    expect(await page.locator('[data-testid="workflow-diagram"] [data-state="WaitForStart"]').getAttribute('data-visited')).toBe('true');
  }, 180_000);

  it('on a 375 px phone the decision page fits the screen and its approve button works', async () => {
    // Another supervisor, another trainee: independent of the test above.
    const supervisor = demoLogins(harness.runtime, 'supervisor')[1]!;
    const api = await apiAs(harness.runtime, supervisor);
    const trainee = await traineeWithoutReview(api);
    const review = await api<Review>('/probation-reviews', { employeeId: trainee.id, kind: 'early' });
    const task = await until(async () => {
      const { items } = await api<{ items: Task[] }>('/approvals?status=pending');
      return items.find((t) => t.requestId === review.id);
    }, 'the supervisor task', 30_000);

    const page = await newPage({ width: 375, height: 812 });
    await signIn(page, harness.runtime.url, supervisor.email, supervisor.password);
    await page.goto(`${harness.runtime.url}/#/approvals/${encodeURIComponent(task.id)}/show`);
    const approve = page.getByRole('button', { name: '同意' });
    await approve.waitFor();
    // A string: the test's TypeScript has no DOM types.
    const noSideScroll = () => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
    expect(await noSideScroll()).toBe(true);

    for (const [label, value] of [['日常表现', '85'], ['专业测试', '80'], ['面试', '82'], ['事假次数', '0'], ['迟到次数', '0'], ['早退次数', '0']]) {
      await page.getByLabel(label!, { exact: true }).fill(value!);
    }
    await approve.scrollIntoViewIfNeeded();
    const box = await approve.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    expect(box!.height).toBeGreaterThanOrEqual(44); // a thumb-sized target
    expect(await noSideScroll()).toBe(true);
    await approve.click();
    await page.waitForURL(/#\/approvals$/);
    await until(async () => {
      const r = await api<Review>(`/probation-reviews/${review.id}`);
      return r.currentStep === 'cs_manager' ? r : undefined;
    }, 'the decision to be recorded', 30_000);
  }, 120_000);
});
