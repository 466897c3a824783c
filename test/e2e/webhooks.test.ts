import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { hasChromium, launchBrowser, signIn, warnNoChromium } from './browser.js';

/**
 * 集成 / Webhooks in a real browser (#13) against the local runtime with its own delivery job
 * (every 15 s on the real clock) and a receiver on 127.0.0.1, so this runtime allows private
 * networks, as a LAN installation with WEBHOOK_ALLOW_PRIVATE_NETWORKS=1 does.
 */
if (!hasChromium) warnNoChromium('webhooks e2e');

(hasChromium ? describe : describe.skip)('the webhooks page', () => {
  let runtime: LocalRuntime;
  let browser: Browser;
  let receiver: Receiver;
  let dataDir = '';
  const admin = { email: 'admin@webhooks.example', password: randomBytes(18).toString('base64url') };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cs-webhooks-e2e-'));
    receiver = await startReceiver();
    runtime = await startLocalRuntime({
      dataDir, port: 0, host: '127.0.0.1', demo: true, adminEmail: admin.email, adminPassword: admin.password, quiet: true,
      webhooks: { allowPrivateNetworks: true, requireHttps: false },
    });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await runtime?.stop();
    await receiver?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  const api = <T>(page: Page, path: string, init: { method?: string; body?: unknown } = {}) =>
    page.evaluate(async ([p, i]) => {
      const res = await fetch(`/api/v1${p}`, { method: i.method ?? 'GET', headers: { 'content-type': 'application/json' }, ...(i.body ? { body: JSON.stringify(i.body) } : {}) });
      return { status: res.status, json: (await res.json().catch(() => null)) as unknown };
    }, [path, init] as const) as Promise<{ status: number; json: T }>;

  it('an administrator registers a receiver, copies the secret shown once, sees its deliveries arrive and sends one again', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, runtime.url, admin.email, admin.password);

    await page.getByRole('menuitem', { name: '集成 / Webhooks' }).click();
    await page.getByRole('heading', { name: '集成 / Webhooks', level: 2 }).waitFor();
    await page.getByText('尚未登记任何 Webhook').waitFor();
    await page.getByRole('button', { name: '登记 Webhook' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('接收地址').fill(receiver.url);
    // Every event is ticked to begin with.
    for (const label of ['申请发起', '环节开始', '环节决定', '申请结束']) expect(await dialog.getByLabel(label).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: '登记 Webhook' }).click();

    const secretDialog = page.getByRole('dialog', { name: '签名密钥（仅显示这一次）' });
    const secret = await secretDialog.locator('[data-secret]').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await secretDialog.getByRole('button', { name: '复制' }).click();
    await secretDialog.getByRole('button', { name: '已复制' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);
    await secretDialog.getByRole('button', { name: '我已保存' }).click();
    await page.getByText(receiver.url).waitFor();
    // Never shown again: not on the page after a reload, not in the list the page reads.
    await page.reload();
    await page.getByText(receiver.url).waitFor();
    expect(await page.content()).not.toContain(secret);

    // Something happens: a probation review opens for a demo trainee (the API, as an integration would start it).
    const trainees = await api<{ items: { id: string }[] }>(page, '/employees?status=probation&limit=5');
    let started = 0;
    for (const t of trainees.json.items) {
      if ((await api(page, '/probation-reviews', { method: 'POST', body: { employeeId: t.id, kind: 'early' } })).status === 201) started += 1;
      if (started) break;
    }
    expect(started).toBe(1);
    await expect.poll(() => receiver.received.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);

    await page.getByRole('button', { name: '投递记录' }).click();
    const rows = page.locator('[data-delivery]');
    await rows.first().waitFor();
    await expect.poll(() => page.locator('[data-delivery]', { hasText: '已送达' }).count()).toBeGreaterThanOrEqual(2);
    expect(await rows.first().innerText()).toContain('204');

    const before = receiver.received.length;
    await rows.first().getByRole('button', { name: '重新发送' }).click();
    await page.getByText(/已重新发送：204/).waitFor();
    expect(receiver.received.length).toBe(before + 1);

    // Deleting asks first, then the receiver is gone from the page.
    await page.getByRole('button', { name: '删除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确认|Confirm/ }).click();
    await page.getByText('尚未登记任何 Webhook').waitFor();
    await context.close();
  }, 180_000);

  it('is the administrator’s page: HR does not see it in the menu', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const hr = runtime.demoLogins.find((l) => l.role === 'hr')!;
    await signIn(page, runtime.url, hr.email, hr.password);
    await page.getByRole('menuitem').first().waitFor();
    expect(await page.getByRole('menuitem', { name: '集成 / Webhooks' }).count()).toBe(0);
    await context.close();
  }, 60_000);
});
