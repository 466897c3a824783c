import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { until } from '../support/mail.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, demoLogins, traineeWithoutReview, type Review } from './demo-api.js';

/**
 * Request forgery from the same site (#13 item 1), as an attacker does it: a page on another
 * port of the same host auto-submits an empty form to 撤回 with the victim's session cookie
 * (SameSite=Lax sends it: another port is the same site). The API refuses it and the review
 * runs on; the console's own 撤回 (the same call, from the console) still works.
 */
if (!hasChromium) warnNoChromium('request forgery e2e');

(hasChromium ? describe : describe.skip)('request forgery from another local port', () => {
  const harness = useConsoleRuntime('request-forgery');

  /** The attacker's page: on 127.0.0.1 like the console, another port; submits itself on load. */
  async function attackerPage(target: string): Promise<{ url: string; server: Server }> {
    const html = `<!doctype html><meta charset="utf-8"><title>优惠活动</title>
<form id="f" method="POST" action="${target}"></form>
<script>document.getElementById('f').submit()</script>`;
    const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
  }

  it('an auto-submitted empty form from another port is refused (403) and withdraws nothing; the console’s 撤回 still works', async () => {
    const runtime = harness.runtime;
    const hrLogin = demoLogins(runtime, 'hr')[0]!;
    const hr = await apiAs(runtime, hrLogin);
    const trainee = await traineeWithoutReview(hr, runtime);
    const review = await hr<Review>('/probation-reviews', { employeeId: trainee.id, kind: 'early' });
    await until(async () => (await hr<Review>(`/probation-reviews/${review.id}`)).steps?.find((s) => s.status === 'pending')?.tasks?.[0], 'the first step', 30_000);

    // The victim (the review's requester) is signed in to the console in this browser.
    const page = await harness.newPage();
    await signIn(page, runtime.url, hrLogin.email, hrLogin.password);
    const attacker = await attackerPage(`${runtime.url}/api/v1/requests/probation/${encodeURIComponent(review.id)}/withdraw`);
    try {
      const answered = page.waitForResponse((r) => r.url().includes('/withdraw') && r.request().method() === 'POST');
      await page.goto(attacker.url);
      const response = await answered;
      expect(response.status()).toBe(403);
      expect(((await response.json()) as { code: string }).code).toBe('REQUEST.CROSS_ORIGIN');
      // The cookie did ride along: without the check this would have been the victim's 撤回.
      expect(await response.request().headerValue('cookie')).toMatch(/cs_session=/);
    } finally {
      attacker.server.close();
    }
    expect((await hr<Review>(`/probation-reviews/${review.id}`)).status).toBe('in_review');

    // The console, same browser, same cookie: 撤回 goes through.
    await page.goto(`${runtime.url}/#/probation-reviews/${encodeURIComponent(review.id)}/show`);
    await page.getByTestId('withdraw-review').click();
    await page.getByRole('button', { name: '确认撤回' }).click();
    await page.getByText('已撤回转正评审').waitFor();
    expect((await hr<Review>(`/probation-reviews/${review.id}`)).status).toBe('withdrawn');
  }, 120_000);
});
