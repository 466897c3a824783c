import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { until } from '../support/mail.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, demoLogins, openFromInbox, traineeWithoutReview, type Review } from './demo-api.js';

/**
 * Attachments (#12) in a real browser against `npm start`'s runtime: the console uploads a file
 * straight to s3rver by its presigned URL (CORS, the console's CSP), sends it with the decision,
 * and the next approver downloads it from the timeline through the API.
 */
if (!hasChromium) warnNoChromium('attachments e2e');

const SCORES = { 日常表现: '95', 专业测试: '92', 面试: '90', 事假次数: '0', 迟到次数: '0', 早退次数: '0' };
const transcript = Buffer.from('%PDF-1.4 成绩单（e2e）\n', 'utf8');

(hasChromium ? describe : describe.skip)('attachments in the console (#12 attachments)', () => {
  const harness = useConsoleRuntime('attachments');

  it('a supervisor adds a transcript to their decision; the CS manager opens it from the timeline, as the same file', async () => {
    const supervisor = demoLogins(harness.runtime, 'supervisor')[0]!;
    const manager = demoLogins(harness.runtime, 'cs_manager')[0]!;
    const supervisorApi = await apiAs(harness.runtime, supervisor);
    const trainee = await traineeWithoutReview(supervisorApi, harness.runtime);
    await supervisorApi('/probation-reviews', { employeeId: trainee.id, kind: 'early' });

    const page = await harness.newPage();
    await signIn(page, harness.runtime.url, supervisor.email, supervisor.password);
    await openFromInbox(page, harness.runtime.url, trainee.name);
    await page.getByTestId('decision-attachments').locator('input[type=file]').setInputFiles({ name: '成绩单.pdf', mimeType: 'application/pdf', buffer: transcript });
    await page.locator('[data-upload-status="done"]').waitFor();
    for (const [label, value] of Object.entries(SCORES)) await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByLabel('审批意见').fill('成绩单见附件');
    await page.getByRole('button', { name: '同意' }).click();
    await page.waitForURL(/#\/approvals$/);

    const review = (await supervisorApi<{ items: Review[] }>(`/probation-reviews?employeeId=${trainee.id}`)).items[0]!;
    await until(async () => ((await supervisorApi<Review>(`/probation-reviews/${review.id}`)).currentStep === 'cs_manager' ? true : undefined), 'the CS manager step', 30_000);
    const managerPage = await harness.newPage();
    await signIn(managerPage, harness.runtime.url, manager.email, manager.password);
    await openFromInbox(managerPage, harness.runtime.url, trainee.name);
    const link = managerPage.locator('[data-attachments]').getByRole('button', { name: '成绩单.pdf' });
    const [download] = await Promise.all([managerPage.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('成绩单.pdf');
    expect((await readFile((await download.path())!)).equals(transcript)).toBe(true);
  }, 120_000);
});
