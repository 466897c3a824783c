import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../../support/api.js';
import { inbox, waitForMail, type CaughtMail } from '../../../support/mail.js';

/** Reset links: an administrator's 重置密码 and the sign-in page's 忘记密码 (#13 item 4). */
let api: TestApi;
let admin: string;
let counter = 0;

beforeAll(async () => {
  api = await testApi({ workflows: true });
  admin = await api.signIn(['admin']);
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

const PASSWORD = 'first-pass-2026';

async function account(): Promise<{ id: string; email: string }> {
  counter += 1;
  const res = await api.request('POST', '/api/v1/users', { token: admin, body: { email: `reset${counter}@example.com`, password: PASSWORD, roles: ['agent'] } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; email: string };
}

const login = async (email: string, password: string) => {
  const res = await api.request('POST', '/api/v1/auth/login', { body: { email, password } });
  return { status: res.status, token: res.status === 200 ? ((await res.json()) as { token: string }).token : '' };
};

/** The token of the console link in a reset mail (`…/#/reset-password/<token>`). */
function resetToken(mail: CaughtMail): string {
  const token = /\/#\/reset-password\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no reset link in:\n${mail.text}`);
  return token;
}

const confirm = (token: string, newPassword: string) => api.request('POST', '/api/v1/auth/password-reset/confirm', { body: { token, newPassword } });
const forgot = (email: string) => api.request('POST', '/api/v1/auth/password-reset', { body: { email } });

describe('an administrator resets a password', () => {
  it('mails a link that sets a new password once: the second use is refused, and every session had ended', async () => {
    const user = await account();
    const session = await login(user.email, PASSWORD);
    const sent = await api.request('POST', `/api/v1/users/${user.id}/password-reset`, { token: admin });
    expect(sent.status).toBe(202);
    const mail = await waitForMail(api.mail!, user.email, /【重置密码】/);
    expect(mail.text).toContain('系统管理员');
    const token = resetToken(mail);
    // The old password works until the new one is set.
    expect((await login(user.email, PASSWORD)).status).toBe(200);

    const weak = await confirm(token, 'woaini1314');
    expect(weak.status).toBe(422);
    expect(await weak.json()).toMatchObject({ code: 'USER.PASSWORD_COMMON', errors: [{ path: 'newPassword' }] });
    expect((await confirm(token, 'chosen-by-me-77')).status).toBe(204);
    expect((await api.request('GET', '/api/v1/users/me', { token: session.token })).status).toBe(401);
    expect((await login(user.email, 'chosen-by-me-77')).status).toBe(200);

    const again = await confirm(token, 'another-one-88');
    expect(again.status).toBe(410);
    expect(await again.json()).toMatchObject({ code: 'AUTH.RESET_LINK_USED', errors: [{ path: 'token' }] });
    expect((await login(user.email, 'another-one-88')).status).toBe(401);

    const audit = (await (await api.request('GET', `/api/v1/audit?entityType=user&entityId=${user.id}`, { token: admin })).json()) as { items: { action: string; channel: string }[] };
    expect(audit.items.map((a) => a.action).slice(0, 2)).toEqual(['password.reset', 'password.reset_sent']);
  });

  it('an expired link is refused (the test clock moves past its hour)', async () => {
    const user = await account();
    expect((await api.request('POST', `/api/v1/users/${user.id}/password-reset`, { token: admin })).status).toBe(202);
    const token = resetToken(await waitForMail(api.mail!, user.email, /【重置密码】/));
    api.clock.now = new Date(api.clock.now.getTime() + 61 * 60_000);
    const res = await confirm(token, 'too-late-for-this-1');
    expect(res.status).toBe(410);
    expect(await res.json()).toMatchObject({ code: 'AUTH.RESET_LINK_EXPIRED' });
    expect((await login(user.email, PASSWORD)).status).toBe(200);
  });

  it('a link sent before a later password change no longer works; a made-up token is 404', async () => {
    const user = await account();
    await api.request('POST', `/api/v1/users/${user.id}/password-reset`, { token: admin });
    const token = resetToken(await waitForMail(api.mail!, user.email, /【重置密码】/));
    const { token: session } = await login(user.email, PASSWORD);
    expect((await api.request('POST', '/api/v1/users/me/password', { token: session, body: { currentPassword: PASSWORD, newPassword: 'changed-myself-5' } })).status).toBe(200);
    expect(await (await confirm(token, 'from-the-old-link-6')).json()).toMatchObject({ code: 'AUTH.RESET_LINK_USED' });
    expect((await confirm('A'.repeat(43), 'from-nowhere-link-7')).status).toBe(404);
  });
});

describe('忘记密码 from the sign-in page', () => {
  it('answers 202 for an unknown address and sends no mail', async () => {
    const res = await forgot('nobody.here@example.com');
    expect(res.status).toBe(202);
    expect(await res.text()).toBe('');
    // Give a stray mail time to arrive: a real one lands within a few hundred ms (next test).
    await new Promise((r) => setTimeout(r, 1500));
    expect(await inbox(api.mail!, 'nobody.here@example.com')).toEqual([]);
  });

  it('answers the same 202 for a real address and sends it the reset mail, which sets a new password', async () => {
    const user = await account();
    const res = await forgot(user.email.toUpperCase());
    expect(res.status).toBe(202);
    const mail = await waitForMail(api.mail!, user.email, /【重置密码】/);
    expect(mail.text).toContain('忘记密码');
    expect((await confirm(resetToken(mail), 'remembered-now-9')).status).toBe(204);
    expect((await login(user.email, 'remembered-now-9')).status).toBe(200);
  });

  it('sends a disabled account nothing, and at most three mails an hour per address (still 202)', async () => {
    const user = await account();
    for (let i = 0; i < 5; i++) expect((await forgot(user.email)).status).toBe(202);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await inbox(api.mail!, user.email)).length).toBe(3);
    const off = await account();
    await api.request('POST', `/api/v1/users/${off.id}/disable`, { token: admin });
    expect((await forgot(off.email)).status).toBe(202);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await inbox(api.mail!, off.email)).toEqual([]);
  });
});

describe('the contract', () => {
  it('names each account operation, documents its problems, and marks 忘记密码 and the link as needing no sign-in', async () => {
    const doc = (await (await api.request('GET', '/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId?: string; security?: unknown[]; responses: Record<string, unknown> }>> };
    const op = (path: string) => doc.paths[path]!.post!;
    expect(op('/api/v1/users/me/password')).toMatchObject({ operationId: 'changeOwnPassword', responses: { 422: {}, 429: {} } });
    expect(op('/api/v1/users/{id}/password-reset')).toMatchObject({ operationId: 'sendPasswordReset', responses: { 404: {}, 409: {} } });
    expect(op('/api/v1/users/{id}/disable')).toMatchObject({ operationId: 'disableUser', responses: { 403: {}, 409: {} } });
    expect(op('/api/v1/users/{id}/enable')).toMatchObject({ operationId: 'enableUser', responses: { 403: {}, 409: {} } });
    expect(op('/api/v1/auth/password-reset')).toMatchObject({ operationId: 'requestPasswordReset', security: [], responses: { 202: {}, 429: {} } });
    expect(op('/api/v1/auth/password-reset/confirm')).toMatchObject({ operationId: 'confirmPasswordReset', security: [], responses: { 404: {}, 410: {}, 422: {} } });
  });
});
