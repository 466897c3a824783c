import { describe, expect, it } from 'vitest';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';

/**
 * Accounts in a real browser (#13 item 4): a demo login is told to change the shared password,
 * changes it from the user menu (修改密码), and from then on signs in with its own.
 */
if (!hasChromium) warnNoChromium('accounts e2e');

(hasChromium ? describe : describe.skip)('accounts in the console', () => {
  const harness = useConsoleRuntime('accounts');

  it('the sign-in page leads to 忘记密码, which answers the same for any address', async () => {
    const page = await harness.newPage();
    await page.goto(`${harness.runtime.url}/#/login`);
    await page.locator('[data-link="forgot-password"]').click();
    // The page is loaded on demand: until it shows, the sign-in form's email input is the one
    // on the screen, and typing there would be lost.
    const form = page.locator('form', { has: page.getByRole('button', { name: '发送重置邮件' }) });
    await form.locator('input[name="email"]').fill('nobody@example.com');
    await form.getByRole('button', { name: '发送重置邮件' }).click();
    await page.locator('[data-result="reset-sent"]').waitFor();
  }, 60_000);

  it('a demo login is asked to change the shared password, changes it from the user menu, and signs in with the new one', async () => {
    const page = await harness.newPage();
    const agent = harness.runtime.demoLogins.find((l) => l.role === 'agent')!;
    await signIn(page, harness.runtime.url, agent.email, agent.password);
    const prompt = page.locator('[data-prompt="must-change-password"]');
    await prompt.waitFor();

    await page.getByRole('button', { name: '个人资料' }).click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    const dialog = page.getByRole('dialog', { name: '修改密码' });
    await dialog.locator('input[name="currentPassword"]').fill('not-the-password-1');
    await dialog.locator('input[name="newPassword"]').fill('woaini1314');
    await dialog.locator('input[name="confirmPassword"]').fill('woaini1314');
    await dialog.getByRole('button', { name: '修改密码' }).click();
    // The API names the wrong current password under its input (and keeps the session).
    await dialog.getByText('当前密码不正确').first().waitFor();
    await dialog.locator('input[name="currentPassword"]').fill(agent.password);
    await dialog.getByRole('button', { name: '修改密码' }).click();
    await dialog.getByText('这是常见密码，很容易被猜中，请换一个').first().waitFor();
    await dialog.locator('input[name="newPassword"]').fill('my-own-console-pass-9');
    await dialog.locator('input[name="confirmPassword"]').fill('my-own-console-pass-9');
    await dialog.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改，其他设备上的登录已退出').first().waitFor();
    await expect.poll(() => prompt.count()).toBe(0);

    // This session carries on; a new one takes the new password and not the shared one.
    await page.reload();
    await page.getByRole('button', { name: '个人资料' }).waitFor();
    const fresh = await harness.newPage();
    await fresh.goto(`${harness.runtime.url}/#/login`);
    await fresh.locator('input[name="email"]').fill(agent.email);
    await fresh.locator('input[name="password"]').fill(agent.password);
    await fresh.locator('button[type="submit"]').click();
    await fresh.getByText('邮箱或密码不正确').first().waitFor();
    await signIn(fresh, harness.runtime.url, agent.email, 'my-own-console-pass-9');
    expect(await fresh.locator('[data-prompt="must-change-password"]').count()).toBe(0);
  }, 120_000);

});
