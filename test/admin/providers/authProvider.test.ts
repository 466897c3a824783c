import { describe, expect, it } from 'vitest';
import { createAuthProvider } from '../../../admin/src/providers/authProvider.js';
import type { Http } from '../../../admin/src/providers/http.js';

/** An API whose session is `signedIn` (or not), recording each call as "METHOD path". */
function fakeApi(signedIn: boolean) {
  const calls: string[] = [];
  const http = (async (path: string, options: { method?: string } = {}) => {
    calls.push(`${options.method ?? 'GET'} ${path}`);
    if (path === '/users/me' && !signedIn) throw Object.assign(new Error('未登录'), { status: 401 });
    if (path === '/auth/login') signedIn = true;
    if (path === '/auth/logout') signedIn = false;
    return { status: 200, headers: new Headers(), json: { id: 'u1', email: 'a@example.com', roles: ['agent'], employeeId: 'e1', name: '甲', language: 'zh-CN' } };
  }) as Http;
  return { calls, http };
}

describe('the console’s sign-in checks', () => {
  it('opening the console signed out asks once and logs nothing out: app check, logout, login-page check (#12 item 16)', async () => {
    const { calls, http } = fakeApi(false);
    const auth = createAuthProvider(http);
    // What react-admin does on "/" signed out: checkAuth (requireAuth), logout, then <Login>'s checkAuth.
    await expect(auth.checkAuth!({})).rejects.toEqual({ message: false });
    await auth.logout({});
    await expect(auth.checkAuth!({})).rejects.toEqual({ message: false });
    expect(calls).toEqual(['GET /users/me']);
  });

  it('a failed session check noticed on 忘记密码 or a reset link’s page leaves the person there; elsewhere it goes to sign-in', async () => {
    let hash = '#/forgot-password';
    const auth = createAuthProvider(fakeApi(false).http, undefined, () => hash);
    await expect(auth.checkAuth!({})).rejects.toEqual({ message: false });
    expect(await auth.logout({})).toBe(false);
    hash = '#/reset-password/abc123';
    expect(await auth.logout({})).toBe(false);
    for (hash of ['#/login', '#/approvals', '#/forgot-passwords', '']) expect(await auth.logout({})).toBeUndefined();
  });

  it('signing out of a live session ends it on the server; the login page then asks nothing', async () => {
    const { calls, http } = fakeApi(true);
    const auth = createAuthProvider(http);
    await auth.checkAuth!({});
    await auth.logout({});
    await expect(auth.checkAuth!({})).rejects.toEqual({ message: false });
    expect(calls).toEqual(['GET /users/me', 'POST /auth/logout']);
  });

  it('a 401 on a data request signs out without a logout call, and signing in asks again', async () => {
    const { calls, http } = fakeApi(true);
    const auth = createAuthProvider(http);
    await auth.checkAuth!({});
    await expect(auth.checkError({ status: 401 })).rejects.toMatchObject({ status: 401 });
    await auth.logout({});
    await auth.login({ email: 'a@example.com', password: 'x' });
    await auth.checkAuth!({});
    expect(calls).toEqual(['GET /users/me', 'POST /auth/login', 'GET /users/me']);
  });

  it('a network failure is not taken for "signed out": the next check asks again', async () => {
    let fail = true;
    const calls: string[] = [];
    const http = (async (path: string) => {
      calls.push(path);
      if (fail) throw new Error('offline');
      return { status: 200, headers: new Headers(), json: { id: 'u1', roles: [] } };
    }) as Http;
    const auth = createAuthProvider(http);
    await expect(auth.checkAuth!({})).rejects.toEqual({ message: false });
    fail = false;
    await auth.checkAuth!({});
    expect(calls).toEqual(['/users/me', '/users/me']);
  });
});

describe('the accounts page and the demo prompt (#13 item 4)', () => {
  it('the accounts list is for those who read accounts, and never a form', async () => {
    const { http } = fakeApi(true);
    const auth = createAuthProvider(http);
    expect(await auth.canAccess!({ action: 'list', resource: 'users' } as never)).toBe(false);
    expect(await auth.canAccess!({ action: 'edit', resource: 'users' } as never)).toBe(false);
  });

  it('after 修改密码 the identity is read afresh, so the prompt goes away', async () => {
    const { calls, http } = fakeApi(true);
    const auth = createAuthProvider(http);
    expect(await auth.getIdentity!()).toMatchObject({ mustChangePassword: false });
    await auth.getIdentity!();
    auth.forgetIdentity();
    await auth.getIdentity!();
    expect(calls).toEqual(['GET /users/me', 'GET /users/me']);
  });
});
