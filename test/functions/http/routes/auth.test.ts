import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, testApi, type TestApi } from '../../../support/api.js';
import { buildOrg, type TestOrg } from '../../../support/org.js';
import { recordCalls } from '../../../bench/recorder.js';
import { hashToken, newToken } from '../../../../functions/http/security/tokens.js';
import { putSession } from '../../../../functions/storage/sessions.js';

let api: TestApi;
let org: TestOrg;

beforeAll(async () => {
  api = await testApi();
  org = await buildOrg(api);
});

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  api.request('POST', '/api/v1/auth/login', { body: { email, password }, headers });

describe('signing in', () => {
  it('sets an httpOnly SameSite session cookie for the console and returns a bearer token', async () => {
    await api.signIn(['hr'], null, 'cookie.user@example.com');
    const res = await login('Cookie.User@Example.com', TEST_PASSWORD);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: { email: string; roles: string[] } };
    expect(body.user).toMatchObject({ email: 'cookie.user@example.com', roles: ['hr'] });
    expect(body.user).not.toHaveProperty('passwordHash');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cs_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = cookie.split(';')[0]!;
    const me = await api.request('GET', '/api/v1/users/me', { headers: { cookie: session } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: 'cookie.user@example.com', kind: 'user' });
    const byToken = await api.request('GET', '/api/v1/users/me', { token: body.token });
    expect(byToken.status).toBe(200);
  });

  it('a wrong password and an unknown email get the same 401', async () => {
    await api.signIn(['agent'], null, 'wrong.pw@example.com');
    const a = await login('wrong.pw@example.com', 'not-the-password');
    const b = await login('nobody@example.com', 'not-the-password');
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(((await a.json()) as { detail: string }).detail).toBe(((await b.json()) as { detail: string }).detail);
  });

  it('is rate-limited per email: after 10 failures in 15 minutes even the right password gets 429 with Retry-After', async () => {
    await api.signIn(['agent'], null, 'limited@example.com');
    for (let i = 0; i < 10; i++) expect((await login('limited@example.com', 'wrong-password-1')).status).toBe(401);
    const res = await login('limited@example.com', TEST_PASSWORD);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await res.json()) as { code: string }).code).toBe('AUTH.RATE_LIMITED');
    api.clock.now = new Date(api.clock.now.getTime() + 16 * 60 * 1000);
    expect((await login('limited@example.com', TEST_PASSWORD)).status).toBe(200);
  });

  it('signing out ends the session', async () => {
    const token = await api.signIn(['agent'], org.agentA1.id);
    expect((await api.request('GET', '/api/v1/users/me', { token })).status).toBe(200);
    expect((await api.request('POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    expect((await api.request('GET', '/api/v1/users/me', { token })).status).toBe(401);
  });

  it('a session token names its user, is read with the user in one call, and names nobody else', async () => {
    const token = await api.signIn(['agent'], org.agentA1.id, 'named.token@example.com');
    const me = (await (await api.request('GET', '/api/v1/users/me', { token })).json()) as { id: string };
    expect(token.split('.').slice(0, 2)).toEqual(['s1', me.id]);
    const { calls } = await recordCalls(api.store, () => api.request('GET', '/api/v1/users/me', { token }));
    const signIn = calls.filter((c) => JSON.stringify(c.input).includes('SESSION#'));
    expect(signIn.map((c) => c.command)).toEqual(['BatchGetItemCommand']);
    expect(JSON.stringify(signIn[0]!.input)).toContain(`USER#${me.id}`);
    expect(calls[0]).toBe(signIn[0]);
    // Another user's id with this secret: the stored session is not theirs.
    const other = (await (await api.request('GET', '/api/v1/users/me', { token: await api.signIn(['hr'], null, 'other.named@example.com') })).json()) as { id: string };
    const forged = ['s1', other.id, token.split('.')[2]].join('.');
    expect((await api.request('GET', '/api/v1/users/me', { token: forged })).status).toBe(401);
    // A token issued before tokens named their user still signs in (session, then user).
    const legacy = newToken();
    await putSession(api.store, hashToken(legacy), { userId: me.id, createdAt: api.clock.now.toISOString(), expiresAt: Math.floor(api.clock.now.getTime() / 1000) + 3600 });
    expect((await api.request('GET', '/api/v1/users/me', { token: legacy })).status).toBe(200);
  });

  it('a session expires after its lifetime', async () => {
    const token = await api.signIn(['agent'], org.agentA1.id);
    api.clock.now = new Date(api.clock.now.getTime() + 13 * 3600 * 1000);
    expect((await api.request('GET', '/api/v1/users/me', { token })).status).toBe(401);
  });
});

describe('user accounts', () => {
  it('only an admin creates users; a weak password and a taken email are refused', async () => {
    const admin = await api.signIn(['admin']);
    const hr = await api.signIn(['hr']);
    const body = { email: 'new.user@example.com', password: 'a-good-pass-1', roles: ['agent'], employeeId: org.agentB1.id };
    expect((await api.request('POST', '/api/v1/users', { token: hr, body })).status).toBe(403);
    const weak = await api.request('POST', '/api/v1/users', { token: admin, body: { ...body, password: 'short' } });
    expect(weak.status).toBe(422);
    expect(await weak.json()).toMatchObject({ code: 'USER.PASSWORD_WEAK', errors: [{ path: 'password' }] });
    const created = await api.request('POST', '/api/v1/users', { token: admin, body });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ email: 'new.user@example.com', roles: ['agent'], employeeId: org.agentB1.id, name: '王专员' });
    const again = await api.request('POST', '/api/v1/users', { token: admin, body: { ...body, employeeId: null } });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'USER.EMAIL_TAKEN', errors: [{ path: 'email' }] });
    const linked = await api.request('POST', '/api/v1/users', { token: admin, body: { ...body, email: 'other@example.com' } });
    expect(linked.status).toBe(409);
    expect(await linked.json()).toMatchObject({ code: 'USER.EMPLOYEE_LINKED' });
    expect((await login('new.user@example.com', 'a-good-pass-1')).status).toBe(200);
  });

  it('a user’s language preference is remembered', async () => {
    const token = await api.signIn(['agent'], null);
    expect((await api.request('PATCH', '/api/v1/users/me', { token, body: { language: 'en' } })).status).toBe(204);
    expect(await (await api.request('GET', '/api/v1/users/me', { token })).json()).toMatchObject({ language: 'en' });
  });
});

describe('API keys for integrations', () => {
  it('are shown once, act within their scopes, and stop working when revoked', async () => {
    const admin = await api.signIn(['admin']);
    const res = await api.request('POST', '/api/v1/api-keys', { token: admin, body: { name: 'HRIS sync', scopes: ['employees:read'] } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; key: string };
    expect(created.key).toMatch(/^csk_/);
    const listed = (await (await api.request('GET', '/api/v1/api-keys', { token: admin })).json()) as { items: Record<string, unknown>[] };
    // The secret is everything after `csk_<id>_` (it may itself contain `_`).
    const secret = created.key.slice(`csk_${created.id}_`.length);
    expect(secret.length).toBeGreaterThanOrEqual(20);
    expect(JSON.stringify(listed)).not.toContain(secret);

    const read = await api.request('GET', '/api/v1/employees?limit=5', { token: created.key });
    expect(read.status).toBe(200);
    const write = await api.request('POST', '/api/v1/employees', { token: created.key, body: {} });
    expect(write.status).toBe(403);
    const tampered = await api.request('GET', '/api/v1/employees', { token: `${created.key.slice(0, -2)}xx` });
    expect(tampered.status).toBe(401);

    expect((await api.request('DELETE', `/api/v1/api-keys/${created.id}`, { token: admin })).status).toBe(204);
    expect((await api.request('GET', '/api/v1/employees', { token: created.key })).status).toBe(401);
  });

  it('a key is accepted only as a key: in the session cookie it is no session (401), and a key’s change is audited as an API call (#13 item 8)', async () => {
    const admin = await api.signIn(['admin']);
    const created = (await (await api.request('POST', '/api/v1/api-keys', { token: admin, body: { name: 'cookie test', scopes: ['org:read', 'org:write', 'employees:read'] } })).json()) as { id: string; key: string };
    const asCookie = await api.request('GET', '/api/v1/employees?limit=1', { headers: { cookie: `cs_session=${created.key}` } });
    expect(asCookie.status).toBe(401);
    const org = await api.request('POST', '/api/v1/org-units', { token: created.key, body: { name: '钥匙部', kind: 'department', parentId: null } });
    expect(org.status, await org.clone().text()).toBe(201);
    const unit = (await org.json()) as { id: string };
    const audit = (await (await api.request('GET', `/api/v1/audit?entityType=orgUnit&entityId=${unit.id}`, { token: admin })).json()) as { items: { channel: string; actorId: string }[] };
    expect(audit.items[0]).toMatchObject({ channel: 'api', actorId: `apiKey:${created.id}` });
  });

  it('only an admin manages keys', async () => {
    const hr = await api.signIn(['hr']);
    const res = await api.request('POST', '/api/v1/api-keys', { token: hr, body: { name: 'x', scopes: ['employees:read'] } });
    expect(res.status).toBe(403);
  });
});

describe('the API describes itself', () => {
  it('serves an OpenAPI 3.1 document with the integration contract and a docs page', async () => {
    const res = await api.request('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/employees', '/api/v1/employees/{id}', '/api/v1/users', '/api/v1/users/me', '/api/v1/auth/login', '/api/v1/audit',
        '/api/v1/approvals', '/api/v1/approvals/{id}', '/api/v1/approvals/{id}/decision', '/api/v1/approvals/{id}/transfer',
        '/api/v1/probation-reviews', '/api/v1/probation-reviews/{id}', '/api/v1/probation-reviews/{id}/execution', '/api/v1/policies/{name}',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/employees/{id}']!)).toEqual(expect.arrayContaining(['get', 'patch']));
    const page = await api.request('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api/docs/docs.js');
  });

  it('answers an unknown API path with a problem, and sets security headers', async () => {
    const res = await api.request('GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
