/**
 * Request forgery (#13 item 1). SameSite=Lax sends the session cookie with a form another page
 * of the same site submits (another port of the same host, a sibling subdomain), so a change
 * authenticated by the cookie must prove it comes from the console: Origin / Sec-Fetch-Site say
 * so, and it is JSON or carries the console's X-Requested-With header. Bearer tokens and API
 * keys are unaffected. (The same attack from a real page in Chromium: test/e2e/request-forgery.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_URL, testApi, type TestApi } from '../../../support/api.js';
import { until } from '../../../support/mail.js';
import { buildOrg, createEmployee, type TestOrg } from '../../../support/org.js';

let api: TestApi;
let org: TestOrg;
let lead: string;

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  lead = await api.signIn(['team_lead'], org.leadA.id);
  await api.signIn(['supervisor'], org.supA.id); // the first approver has an account to be asked by
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

async function startReview(): Promise<string> {
  const trainee = await createEmployee(api, org.hr, { name: '试用员工', level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
  const res = await api.request('POST', '/api/v1/probation-reviews', { token: lead, body: { employeeId: trainee.id, kind: 'early' } });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  // The workflow has opened the first step's task (a withdraw before that meets a newer version).
  await until(async () => {
    const review = (await (await api.request('GET', `/api/v1/probation-reviews/${id}`, { token: lead })).json()) as { steps?: Array<{ tasks?: Array<{ status: string }> }> };
    return review.steps?.some((s) => s.tasks?.some((t) => t.status === 'pending')) || undefined;
  }, 'the review waiting at its first step');
  return id;
}

async function statusOf(id: string): Promise<string> {
  const res = await api.request('GET', `/api/v1/probation-reviews/${id}`, { token: lead });
  return ((await res.json()) as { status: string }).status;
}

/** A POST the way a browser sends a form: the cookie, no body, and what it says about the page. */
async function formPost(path: string, headers: Record<string, string>): Promise<Response> {
  return api.app.request(path, { method: 'POST', headers: { cookie: `cs_session=${lead}`, 'content-length': '0', ...headers } });
}

describe('a change authenticated by the session cookie must come from the console (#13 item 1)', () => {
  it('an empty form POST from another port of the same host is refused (403, Origin named) and withdraws nothing', async () => {
    const id = await startReview();
    const res = await formPost(`/api/v1/requests/probation/${id}/withdraw`, {
      origin: 'http://127.0.0.1:4000',
      'sec-fetch-site': 'same-site',
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    const body = (await res.json()) as { code: string; detail: string; errors: Array<{ path: string }> };
    expect(body.code).toBe('REQUEST.CROSS_ORIGIN');
    expect(body.errors[0]!.path).toBe('Origin');
    expect(body.detail).toContain('http://127.0.0.1:4000');
    expect(await statusOf(id)).not.toBe('withdrawn');
  });

  it('Sec-Fetch-Site alone is enough to tell: same-site and cross-site are refused', async () => {
    const id = await startReview();
    for (const site of ['same-site', 'cross-site']) {
      const res = await formPost(`/api/v1/requests/probation/${id}/withdraw`, { 'sec-fetch-site': site, 'x-requested-with': 'cs-console' });
      expect(res.status, site).toBe(403);
    }
    expect(await statusOf(id)).not.toBe('withdrawn');
  });

  it('from the console origin but with neither JSON nor X-Requested-With (what a form can send) is refused, naming the header', async () => {
    const id = await startReview();
    const res = await formPost(`/api/v1/requests/probation/${id}/withdraw`, { origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { code: string; errors: Array<{ path: string }> };
    expect(body.code).toBe('REQUEST.CONSOLE_HEADER_REQUIRED');
    expect(body.errors[0]!.path).toBe('X-Requested-With');
    expect(await statusOf(id)).not.toBe('withdrawn');
  });

  it('the console itself (same origin, X-Requested-With, no body) withdraws', async () => {
    const id = await startReview();
    const res = await formPost(`/api/v1/requests/probation/${id}/withdraw`, { origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin', 'x-requested-with': 'cs-console' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await statusOf(id)).toBe('withdrawn');
  });

  it('logout by cookie needs the same proof: a forged one leaves the session working', async () => {
    const token = await api.signIn(['team_lead'], org.leadA.id);
    const forged = await api.app.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie: `cs_session=${token}`, origin: 'http://127.0.0.1:4000' } });
    expect(forged.status).toBe(403);
    const bare = await api.app.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie: `cs_session=${token}` } });
    expect(bare.status).toBe(403);
    expect((await api.request('GET', '/api/v1/users/me', { token })).status).toBe(200);
    const real = await api.app.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie: `cs_session=${token}`, 'x-requested-with': 'cs-console' } });
    expect(real.status).toBeLessThan(300);
    expect((await api.request('GET', '/api/v1/users/me', { token })).status).toBe(401);
  });

  it('a JSON body is proof enough (a form cannot send one), from the console origin', async () => {
    const res = await api.app.request('/api/v1/users/me/preferences', {
      method: 'PATCH',
      headers: { cookie: `cs_session=${lead}`, origin: PUBLIC_URL, 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'zh-CN' }),
    });
    expect(res.status).not.toBe(403);
  });

  it('bearer tokens are unaffected: no Origin, no header, no body → the change is made', async () => {
    const id = await startReview();
    const res = await api.request('POST', `/api/v1/requests/probation/${id}/withdraw`, { token: lead });
    expect(res.status, await res.clone().text()).toBe(200);
  });

  it('another page cannot sign the victim in as someone else (sign-in from a foreign Origin is refused)', async () => {
    const res = await api.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x@example.com', password: 'whatever-123' }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('reads stay open to a cookie without the header (a GET changes nothing)', async () => {
    const res = await api.app.request('/api/v1/users/me', { headers: { cookie: `cs_session=${lead}`, origin: 'http://127.0.0.1:4000' } });
    expect(res.status).toBe(200);
  });
});
