import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../../support/api.js';
import { buildOrg, type TestOrg } from '../../../support/org.js';

/** Changing one's own password, disabling and enabling accounts, and leavers (#13 item 4). */
let api: TestApi;
let org: TestOrg;
let admin: string;
let counter = 0;

beforeAll(async () => {
  api = await testApi();
  org = await buildOrg(api);
  admin = await api.signIn(['admin']);
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

const PASSWORD = 'first-pass-2026';

/** An account made by the administrator, as POST /users makes it. */
async function account(over: Record<string, unknown> = {}): Promise<{ id: string; email: string }> {
  counter += 1;
  const res = await api.request('POST', '/api/v1/users', { token: admin, body: { email: `acct${counter}@example.com`, password: PASSWORD, roles: ['agent'], ...over } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; email: string };
}

async function login(email: string, password: string): Promise<{ status: number; token: string; cookie: string }> {
  const res = await api.request('POST', '/api/v1/auth/login', { body: { email, password } });
  const body = res.status === 200 ? ((await res.json()) as { token: string }) : { token: '' };
  return { status: res.status, token: body.token, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
}

const me = (token: string) => api.request('GET', '/api/v1/users/me', { token });
const change = (token: string, body: unknown) => api.request('POST', '/api/v1/users/me/password', { token, body });

describe('changing one’s own password', () => {
  it('a wrong current password is a 422 naming currentPassword, and counts against the sign-in limit', async () => {
    const user = await account();
    const { token } = await login(user.email, PASSWORD);
    const wrong = await change(token, { currentPassword: 'not-my-password-1', newPassword: 'brand-new-pass-7' });
    expect(wrong.status).toBe(422);
    expect(await wrong.json()).toMatchObject({ code: 'USER.CURRENT_PASSWORD_WRONG', errors: [{ path: 'currentPassword' }] });
    // Nine more failures (ten in all) and even the right password is throttled, here and at sign-in.
    for (let i = 0; i < 9; i++) expect((await change(token, { currentPassword: `wrong-${i}-password`, newPassword: 'brand-new-pass-7' })).status).toBe(422);
    const throttled = await change(token, { currentPassword: PASSWORD, newPassword: 'brand-new-pass-7' });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(user.email, PASSWORD)).status).toBe(429);
    api.clock.now = new Date(api.clock.now.getTime() + 16 * 60_000);
    expect((await change(token, { currentPassword: PASSWORD, newPassword: 'brand-new-pass-7' })).status).toBe(200);
  });

  it('a common password is refused naming newPassword, in the caller’s language', async () => {
    const user = await account();
    const { token } = await login(user.email, PASSWORD);
    for (const newPassword of ['woaini1314', 'a123456789', 'Passw0rd!', 'Qwerty123!']) {
      const res = await change(token, { currentPassword: PASSWORD, newPassword });
      expect(res.status, newPassword).toBe(422);
      expect(await res.json()).toMatchObject({ code: 'USER.PASSWORD_COMMON', errors: [{ path: 'newPassword', message: '这是常见密码，很容易被猜中，请换一个' }] });
    }
    const en = await api.request('POST', '/api/v1/users/me/password', { token, body: { currentPassword: PASSWORD, newPassword: 'admin123' }, headers: { 'accept-language': 'en' } });
    expect(((await en.json()) as { detail: string }).detail).toBe('This is a common password that is easy to guess; choose another');
    const same = await change(token, { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(await same.json()).toMatchObject({ code: 'USER.PASSWORD_SAME', errors: [{ path: 'newPassword' }] });
  });

  it('succeeds: the other sessions and tokens end, this one carries on with a new token, and the change is audited', async () => {
    const user = await account({ mustChangePassword: true });
    const phone = await login(user.email, PASSWORD);
    const laptop = await login(user.email, PASSWORD);
    expect(await (await me(laptop.token)).json()).toMatchObject({ mustChangePassword: true });
    const res = await api.request('POST', '/api/v1/users/me/password', { headers: { cookie: laptop.cookie }, body: { currentPassword: PASSWORD, newPassword: 'my-own-secret-42' } });
    expect(res.status).toBe(200);
    const renewed = (await res.json()) as { token: string };
    expect(res.headers.get('set-cookie')).toMatch(/^cs_session=/);
    expect((await me(phone.token)).status).toBe(401);
    expect((await api.request('GET', '/api/v1/users/me', { headers: { cookie: laptop.cookie } })).status).toBe(401);
    const now = await me(renewed.token);
    expect(now.status).toBe(200);
    expect(await now.json()).toMatchObject({ mustChangePassword: false, passwordChangedAt: api.clock.now.toISOString() });
    expect((await login(user.email, PASSWORD)).status).toBe(401);
    expect((await login(user.email, 'my-own-secret-42')).status).toBe(200);
    const audit = (await (await api.request('GET', `/api/v1/audit?entityType=user&entityId=${user.id}`, { token: admin })).json()) as { items: { action: string; actorId: string; after: Record<string, unknown> }[] };
    expect(audit.items[0]).toMatchObject({ action: 'password.change', actorId: user.id, after: { mustChangePassword: false } });
    expect(JSON.stringify(audit.items)).not.toMatch(/scrypt|passwordHash/);
  });

  it('an API key has no password to change (403)', async () => {
    const key = ((await (await api.request('POST', '/api/v1/api-keys', { token: admin, body: { name: 'k', scopes: ['employees:read'] } })).json()) as { key: string }).key;
    expect((await change(key, { currentPassword: 'x', newPassword: 'y' })).status).toBe(403);
  });
});

describe('disabling and enabling an account', () => {
  it('stops its session, its bearer token and the API keys it created at once; enabling lets it sign in and the keys work again', async () => {
    const keeper = await account({ roles: ['admin'] });
    const browser = await login(keeper.email, PASSWORD);
    const script = await login(keeper.email, PASSWORD);
    const key = ((await (await api.request('POST', '/api/v1/api-keys', { token: script.token, body: { name: 'sync', scopes: ['employees:read'] } })).json()) as { key: string }).key;
    expect((await api.request('GET', '/api/v1/employees?limit=1', { token: key })).status).toBe(200);

    const disabled = await api.request('POST', `/api/v1/users/${keeper.id}/disable`, { token: admin });
    expect(disabled.status).toBe(200);
    expect(await disabled.json()).toMatchObject({ status: 'disabled' });
    expect((await api.request('GET', '/api/v1/users/me', { headers: { cookie: browser.cookie } })).status).toBe(401);
    expect((await me(script.token)).status).toBe(401);
    expect((await api.request('GET', '/api/v1/employees?limit=1', { token: key })).status).toBe(401);
    expect((await login(keeper.email, PASSWORD)).status).toBe(401);

    const enabled = await api.request('POST', `/api/v1/users/${keeper.id}/enable`, { token: admin });
    expect(await enabled.json()).toMatchObject({ status: 'active' });
    expect((await api.request('GET', '/api/v1/employees?limit=1', { token: key })).status).toBe(200);
    // Sessions ended by disabling stay ended; the person signs in again.
    expect((await me(script.token)).status).toBe(401);
    expect((await me((await login(keeper.email, PASSWORD)).token)).status).toBe(200);

    const audit = (await (await api.request('GET', `/api/v1/audit?entityType=user&entityId=${keeper.id}`, { token: admin })).json()) as { items: { action: string; before: unknown; after: unknown }[] };
    expect(audit.items.slice(0, 2)).toMatchObject([
      { action: 'enable', before: { status: 'disabled' }, after: { status: 'active' } },
      { action: 'disable', before: { status: 'active' }, after: { status: 'disabled' } },
    ]);
  });

  it('only an administrator disables, never their own account', async () => {
    const user = await account();
    expect((await api.request('POST', `/api/v1/users/${user.id}/disable`, { token: org.hr })).status).toBe(403);
    const self = ((await (await me(admin)).json()) as { id: string }).id;
    const res = await api.request('POST', `/api/v1/users/${self}/disable`, { token: admin });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'USER.DISABLE_SELF' });
    expect((await api.request('POST', '/api/v1/users/nobody-here/disable', { token: admin })).status).toBe(404);
  });
});

describe('leaving the company', () => {
  it('disables the leaver’s account in the change that records it, audited; it cannot be enabled while they are away', async () => {
    const user = await account({ employeeId: org.agentA2.id });
    const { token } = await login(user.email, PASSWORD);
    const current = (await (await api.request('GET', `/api/v1/employees/${org.agentA2.id}`, { token: org.hr })).json()) as { version: number };
    const left = await api.request('PATCH', `/api/v1/employees/${org.agentA2.id}`, { token: org.hr, body: { status: 'terminated', version: current.version } });
    expect(left.status).toBe(200);
    expect((await me(token)).status).toBe(401);
    expect((await login(user.email, PASSWORD)).status).toBe(401);
    const audit = (await (await api.request('GET', `/api/v1/audit?entityType=user&entityId=${user.id}`, { token: admin })).json()) as { items: { action: string; after: unknown; at: string }[] };
    expect(audit.items[0]).toMatchObject({ action: 'disable', after: { status: 'disabled', reason: 'left' } });
    const employeeAudit = (await (await api.request('GET', `/api/v1/audit?entityType=employee&entityId=${org.agentA2.id}`, { token: org.hr })).json()) as { items: { at: string }[] };
    expect(employeeAudit.items[0]!.at).toBe(audit.items[0]!.at);
    const enable = await api.request('POST', `/api/v1/users/${user.id}/enable`, { token: admin });
    expect(enable.status).toBe(409);
    expect(await enable.json()).toMatchObject({ code: 'USER.EMPLOYEE_LEFT' });
  });

  it('a leaver whose address changes in the same edit is disabled too, and signs in with neither address', async () => {
    const user = await account({ employeeId: org.agentB1.id });
    const current = (await (await api.request('GET', `/api/v1/employees/${org.agentB1.id}`, { token: org.hr })).json()) as { version: number; email: string };
    const res = await api.request('PATCH', `/api/v1/employees/${org.agentB1.id}`, { token: org.hr, body: { status: 'terminated', email: 'left.private@example.com', version: current.version } });
    expect(res.status).toBe(200);
    const users = (await (await api.request('GET', '/api/v1/users?limit=200', { token: admin })).json()) as { items: { id: string; email: string; status: string }[] };
    expect(users.items.find((u) => u.id === user.id)).toMatchObject({ email: 'left.private@example.com', status: 'disabled' });
    expect((await login('left.private@example.com', PASSWORD)).status).toBe(401);
  });
});
