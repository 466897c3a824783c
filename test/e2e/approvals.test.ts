import { describe, expect, it } from 'vitest';
import { until } from '../support/mail.js';
import { hasChromium, signIn, switchLanguage, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, demoLoginNamed, demoLogins, openFromInbox, traineeWithoutReview, type Api, type Review } from './demo-api.js';

/**
 * Approvals in a real browser against the local runtime (DynamoDB Local, the local Step
 * Functions endpoint, demo data): a supervisor starts an early probation review and scores
 * it from 待我审批, the CS manager signs it from their inbox, the review page shows the
 * chain and the workflow diagram; the inbox is a sheet on a desktop screen, where the CS manager
 * approves two tasks at once; and the decision page works on a 375 px phone.
 */
if (!hasChromium) warnNoChromium('approvals e2e');

interface Task {
  id: string;
  requestId: string;
  stepKey: string;
  stepLabel: string;
  title: string;
  status: string;
}

const SCORES = { scores: { dailyPerformance: 90, professionalTest: 88, interview: 86 }, attendance: { personalLeaveCount: 0, lateCount: 0, earlyLeaveCount: 0 } };

(hasChromium ? describe : describe.skip)('approvals in the console', () => {
  const harness = useConsoleRuntime('approvals');

  const newPage = harness.newPage;

  it('a supervisor starts an early review and scores it, the CS manager signs it, and the review shows its chain and workflow', async () => {
    const supervisor = demoLogins(harness.runtime, 'supervisor')[0]!;
    const manager = demoLogins(harness.runtime, 'cs_manager')[0]!;
    const supervisorApi = await apiAs(harness.runtime, supervisor);
    const trainee = await traineeWithoutReview(supervisorApi, harness.runtime);

    // 1. The supervisor starts the review from the trainee's page.
    const page = await newPage();
    await signIn(page, harness.runtime.url, supervisor.email, supervisor.password);
    await page.goto(`${harness.runtime.url}/#/employees/${trainee.id}/show`);
    await page.getByRole('button', { name: '发起转正评审' }).click();
    // The chain preview: who will be asked, in order, as the API plans it (#12 chain preview).
    const planned = await supervisorApi<{ steps: { label: string; approvers: { name: string }[] }[] }>(`/requests/probation/preview?subjectEmployeeId=${trainee.id}`);
    const previewSteps = page.getByTestId('chain-preview').locator('[data-step]');
    await expect.poll(() => previewSteps.count(), { timeout: 10_000 }).toBe(planned.steps.length);
    for (const [i, step] of planned.steps.entries()) {
      const text = await previewSteps.nth(i).innerText();
      expect(text).toContain(step.label);
      for (const a of step.approvers) expect(text).toContain(a.name);
    }
    await page.getByRole('radio', { name: /提前转正/ }).check();
    await page.getByRole('button', { name: '发起', exact: true }).click();
    await expect.poll(() => page.getByTestId('start-review-result').innerText(), { timeout: 20_000 }).toContain('已发起转正评审');
    const review = (await supervisorApi<{ items: Review[] }>(`/probation-reviews?employeeId=${trainee.id}`)).items[0]!;
    expect(review.status).toBe('in_review');

    // 2. It reaches their inbox; they enter the scores and approve.
    await openFromInbox(page, harness.runtime.url, trainee.name);
    // A score has one decimal (§3): 99.999 is refused in Chinese by the form itself, with no browser bubble (#12 item 12).
    expect(await page.locator('form').first().getAttribute('novalidate')).not.toBeNull();
    await page.getByLabel('日常表现', { exact: true }).fill('99.999');
    await page.getByRole('button', { name: '同意' }).click();
    await page.getByText('最多保留 1 位小数').first().waitFor();
    expect(page.url()).toMatch(/#\/approvals\/.+\/show$/);
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

    // 5. 打印: the review as an A4 record — every decision with its time, channel and comment,
    // and nothing of the console's frame on paper (#12 print).
    await page.getByRole('link', { name: '打印' }).click();
    await page.waitForURL(new RegExp(`#/probation-reviews/${review.id}/print$`));
    // The record's own title (on screen the app bar's h1 says the same, and is not printed).
    await page.getByRole('heading', { name: '员工转正评审记录', level: 2 }).waitFor();
    const decisionRows = page.locator('[data-print-decisions] tbody tr');
    await expect.poll(() => decisionRows.count(), { timeout: 10_000 }).toBe(2);
    const first = await decisionRows.nth(0).innerText();
    for (const text of ['已同意', '控制台', '表现优秀，同意提前转正', supervisor.name]) expect(first).toContain(text);
    expect(await decisionRows.nth(1).innerText()).toContain(manager.name);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').first().isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印（A4）' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: '员工转正评审记录', level: 2 }).isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  }, 180_000);

  /**
   * HR starts an early review of a trainee and its supervisor scores it through the API: the
   * review then waits on the CS manager, a step without scores (which 批量同意 can decide).
   */
  async function reviewAtCsManager(hr: Api): Promise<{ trainee: string; task: Task }> {
    const trainee = await traineeWithoutReview(hr, harness.runtime);
    const review = await hr<Review>('/probation-reviews', { employeeId: trainee.id, kind: 'early' });
    const first = await until(async () => (await hr<Review>(`/probation-reviews/${review.id}`)).steps?.find((s) => s.status === 'pending')?.tasks?.[0], 'the supervisor step', 30_000);
    const supervisor = await apiAs(harness.runtime, demoLoginNamed(harness.runtime, first.approverName));
    await supervisor(`/approvals/${encodeURIComponent(first.id)}/decision`, { decision: 'approve', ...SCORES });
    const manager = await apiAs(harness.runtime, demoLogins(harness.runtime, 'cs_manager')[0]!);
    const task = await until(async () => {
      const { items } = await manager<{ items: Task[] }>('/approvals?status=pending&limit=200');
      return items.find((t) => t.requestId === review.id);
    }, 'the CS manager task', 30_000);
    return { trainee: trainee.name, task };
  }

  it('on a desktop the inbox is a sheet: rows selected and approved at once move from 待我审批 to 已处理 (one decided meanwhile is listed with why), a row opens its task, and the headers follow the language (issue #5)', async () => {
    const hr = await apiAs(harness.runtime, demoLogins(harness.runtime, 'hr')[0]!);
    const first = await reviewAtCsManager(hr);
    const second = await reviewAtCsManager(hr);
    const third = await reviewAtCsManager(hr);
    const manager = demoLogins(harness.runtime, 'cs_manager')[0]!;
    const managerApi = await apiAs(harness.runtime, manager);

    const page = await newPage({ width: 1400, height: 900 });
    await signIn(page, harness.runtime.url, manager.email, manager.password);
    await page.goto(`${harness.runtime.url}/#/approvals`);
    const rowOf = (task: Task) => page.locator(`[data-sheet="approvals.pending"] .ag-row[row-id="${task.id}"]`);
    const cellOf = (task: Task, field: string) => rowOf(task).locator(`[role="gridcell"][col-id="${field}"]`);
    // The four tabs over a grid, one row per task, with the live countdown and the status chip.
    for (const tab of ['待我审批', '等待中', '抄送我的', '已处理']) await page.getByRole('tab', { name: tab }).waitFor();
    await cellOf(first.task, 'title').waitFor();
    expect(await cellOf(first.task, 'title').innerText()).toBe(`转正评审：${first.trainee}`);
    expect(await cellOf(first.task, 'requestKind').innerText()).toBe('转正评审');
    expect(await cellOf(first.task, 'stepLabel').innerText()).toBe(first.task.stepLabel);
    expect(await cellOf(first.task, 'dueAt').innerText()).toMatch(/^剩余 /);
    expect(await cellOf(first.task, 'status').innerText()).toContain('待处理');
    expect(await page.locator('td.column-title').count()).toBe(0); // no DataTable any more

    // Select three rows and approve them at once; the third is decided meanwhile (by the API).
    for (const task of [first.task, second.task, third.task]) {
      await page.locator(`.ag-row[row-id="${task.id}"] [col-id="ag-Grid-SelectionColumn"] input`).check();
    }
    await page.getByTestId('sheet-selected').getByText('已选 3 行').waitFor();
    await managerApi(`/approvals/${encodeURIComponent(third.task.id)}/decision`, { decision: 'approve', comment: '已在邮件中同意' });
    await page.getByRole('button', { name: '批量同意' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('审批意见（选填，用于全部所选）').fill('同意转正');
    await dialog.getByRole('button', { name: '同意', exact: true }).click();
    // The answer stays on screen, naming the task that could not be approved, until closed.
    await expect.poll(() => dialog.getByTestId('batch-approve-result').innerText(), { timeout: 20_000 }).toBe('2 项已同意，1 项失败');
    expect(await dialog.locator(`[data-task="${third.task.id}"]`).innerText()).toContain(`转正评审：${third.trainee}`);
    await dialog.getByRole('button', { name: '关闭' }).click();
    // Then the inbox re-reads: the rows leave 待我审批, and the selection with them.
    const left = async () => (await Promise.all([first, second, third].map((t) => rowOf(t.task).count()))).reduce((a, b) => a + b, 0);
    await expect.poll(left, { timeout: 20_000 }).toBe(0);
    expect(await page.getByTestId('sheet-selected').count()).toBe(0);
    for (const task of [first.task, second.task]) {
      const { items } = await managerApi<{ items: Task[] }>('/approvals?status=decided&limit=200');
      expect(items.find((t) => t.id === task.id)?.status).toBe('approved');
    }

    // 已处理 lists them as approved, in its own layout.
    await page.getByRole('tab', { name: '已处理' }).click();
    const decided = (task: Task, field: string) => page.locator(`[data-sheet="approvals.decided"] .ag-row[row-id="${task.id}"] [role="gridcell"][col-id="${field}"]`);
    await expect.poll(() => decided(second.task, 'status').innerText(), { timeout: 20_000 }).toContain('已同意');
    expect(await decided(first.task, 'status').innerText()).toContain('已同意');
    expect(await decided(first.task, 'comment').innerText()).toBe('同意转正');

    // A click on a row opens the task, and so does Enter on a focused row; its page shows the timeline.
    await decided(first.task, 'requesterName').click();
    await page.waitForURL(/#\/approvals\/[^/]+\/show$/);
    expect(decodeURIComponent(page.url())).toContain(first.task.id);
    await page.locator('[data-step="cs_manager"][data-step-status="decided"]').waitFor();
    await page.goBack();
    await decided(second.task, 'title').waitFor();
    await decided(second.task, 'stepLabel').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => decodeURIComponent(u.hash).includes(second.task.id));
    await page.locator('[data-step="cs_manager"][data-step-status="decided"]').waitFor();

    // In English the grid's headers and the tabs are relabelled.
    await page.goBack();
    await switchLanguage(page, '简体中文', 'English');
    await page.getByRole('tab', { name: 'Done' }).waitFor();
    const header = (field: string) => page.locator(`[data-sheet="approvals.decided"] .ag-header-cell[col-id="${field}"]`).innerText();
    await expect.poll(() => header('title'), { timeout: 20_000 }).toBe('Request');
    expect(await header('requesterName')).toBe('Requested by');
    expect(await header('decidedAt')).toBe('Decided');
    expect(await decided(first.task, 'status').innerText()).toContain('Approved');
  }, 180_000);

  it('我发起的 lists what I started with its status and step by name and opens it; the tabs and the menu show how many wait; the request takes comments (#12 我发起的, 评论)', async () => {
    const supervisor = demoLogins(harness.runtime, 'supervisor')[0]!;
    const supervisorApi = await apiAs(harness.runtime, supervisor);
    const trainee = await traineeWithoutReview(supervisorApi, harness.runtime);
    const started = await supervisorApi<{ id: string }>('/probation-reviews', { employeeId: trainee.id, kind: 'early' });
    const listed = await until(async () => {
      const mine = await supervisorApi<{ items: { id: string; statusLabel: string; currentStepLabel: string | null }[] }>('/requests?startedBy=me&state=open');
      return mine.items.find((i) => i.id === started.id && i.currentStepLabel);
    }, 'the review on its first step', 30_000);

    const page = await newPage();
    await signIn(page, harness.runtime.url, supervisor.email, supervisor.password);
    await page.getByRole('tab', { name: /我发起的/ }).click();
    await page.waitForURL(/#\/requests/);
    await expect.poll(() => page.getByRole('tab', { name: /我发起的/ }).getAttribute('aria-selected')).toBe('true');
    const row = page.locator('tr', { hasText: `转正评审：${trainee.name}` });
    await row.waitFor();
    expect(await row.innerText()).toContain(listed.statusLabel);
    expect(await row.innerText()).toContain(listed.currentStepLabel!);

    // The counts on the tabs and the menu badge are the API's.
    const counts = await supervisorApi<{ pending: number; startedOpen: number }>('/approvals/counts');
    expect(counts.startedOpen).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('tab', { name: /我发起的/ }).innerText()).toContain(String(Math.min(counts.startedOpen, 99)));
    if (counts.pending > 0) {
      await expect.poll(() => page.locator('[data-menu="approvals"] [data-badge]').getAttribute('data-badge')).toBe(counts.pending >= 100 ? '99+' : String(counts.pending));
    }

    // A row opens the request's own page; 待我审批 takes the inbox back.
    await row.click();
    await page.waitForURL(new RegExp(`#/probation-reviews/${started.id}/show`));

    // 评论 on the request's page: a counter in the box, the comment in the thread (#12 comments).
    const box = page.getByLabel('写评论');
    await box.fill('请补充三个月的成绩单');
    await expect.poll(() => page.getByTestId('comment-counter').innerText()).toBe('10 / 2000 字');
    await page.getByRole('button', { name: '发表评论' }).click();
    await page.locator('[data-comment]', { hasText: '请补充三个月的成绩单' }).waitFor();
    const thread = await supervisorApi<{ items: { text: string }[] }>(`/requests/probation/${started.id}/comments`);
    expect(thread.items.map((c) => c.text)).toContain('请补充三个月的成绩单');
    // A comment with a file: uploaded straight to object storage, listed with the comment (#12 attachments).
    await box.fill('成绩单见附件');
    await page.getByTestId('comment-attachments').locator('input[type=file]').setInputFiles({ name: '成绩单.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 成绩单\n') });
    await page.getByTestId('comment-attachments').locator('[data-upload-status="done"]').waitFor();
    await page.getByRole('button', { name: '发表评论' }).click();
    await page.locator('[data-comment]', { hasText: '成绩单见附件' }).getByRole('button', { name: '成绩单.pdf' }).waitFor();
    await box.fill('长'.repeat(2001));
    await page.getByRole('button', { name: '发表评论' }).click();
    await page.getByText('评论最多 2000 字').first().waitFor();
    expect((await supervisorApi<{ items: unknown[] }>(`/requests/probation/${started.id}/comments`)).items).toHaveLength(thread.items.length + 1);
    await page.goto(`${harness.runtime.url}/#/requests`);
    await page.getByRole('tab', { name: /待我审批/ }).click();
    await page.waitForURL(/#\/approvals/);
  });

  it('on a 375 px phone the decision page fits the screen and its approve button works', async () => {
    // Another supervisor, another trainee: independent of the test above.
    const supervisor = demoLogins(harness.runtime, 'supervisor')[1]!;
    const api = await apiAs(harness.runtime, supervisor);
    const trainee = await traineeWithoutReview(api, harness.runtime);
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
