import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, testApi, type TestApi } from '../../../support/api.js';
import { decisionLinks, until, waitForMail } from '../../../support/mail.js';
import { buildOrg, createEmployee, type TestOrg } from '../../../support/org.js';

/**
 * Secrets never logged, PII kept out of logs (security issue): every log line of a busy
 * flow — sign-ins (one with a wrong password), an API key made and used, a probation review
 * decided from the console, the API and an emailed link, a bad request and a 404 — is
 * captured, and none holds a password, a session or API token, a signed link, an email
 * address or a person's name. Requests are still traceable: each has a request id and route.
 */
const lines: string[] = [];
let api: TestApi;
let org: TestOrg;

beforeAll(async () => {
  api = await testApi({ workflows: true, log: (level, msg, fields) => lines.push(JSON.stringify({ level, msg, ...fields })) });
  org = await buildOrg(api);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe('logs', () => {
  it('hold no secret and no personal data, only ids and timings', async () => {
    const secrets: string[] = [TEST_PASSWORD, 'wrong-password-123'];
    const lead = await api.signIn(['team_lead'], org.leadA.id, 'log.lead@example.com');
    const sup = await api.signIn(['supervisor'], org.supA.id, 'log.sup@example.com');
    const admin = await api.signIn(['admin'], null, 'log.admin@example.com');
    secrets.push(lead, sup, admin);
    expect((await api.request('POST', '/api/v1/auth/login', { body: { email: 'log.sup@example.com', password: 'wrong-password-123' } })).status).toBe(401);
    const key = ((await (await api.request('POST', '/api/v1/api-keys', { token: admin, body: { name: 'log test', scopes: ['employees:read'] } })).json()) as { key: string }).key;
    secrets.push(key);
    expect((await api.request('GET', '/api/v1/employees', { token: key })).status).toBe(200);

    const e = await createEmployee(api, org.hr, { name: '隐私测试员', level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
    const res = await api.request('POST', '/api/v1/probation-reviews', { token: lead, body: { employeeId: e.id, kind: 'early' } });
    expect(res.status).toBe(201);
    const mail = await waitForMail(api.mail!, 'log.sup@example.com', /隐私测试员/);
    const link = decisionLinks(mail).approve;
    secrets.push(new URL(link).pathname.split('/').pop()!);
    expect((await api.request('GET', new URL(link).pathname)).status).toBe(200);
    const posted = await api.app.request(new URL(link).pathname, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ scores_dailyPerformance: '90', scores_professionalTest: '90', scores_interview: '90', comment: '很好' }).toString(),
    });
    expect(posted.status).toBe(200);
    expect((await api.request('PATCH', `/api/v1/employees/${e.id}`, { token: org.hr, body: { version: 1, phone: 'bad' } })).status).toBe(400);
    expect((await api.request('GET', '/api/v1/employees/nope', { token: org.hr })).status).toBe(404);
    await until(async () => lines.some((l) => l.includes('"route":"/a/:token"')), 'the link request to be logged');

    const all = lines.join('\n');
    for (const secret of secrets) expect(all.includes(secret), `a secret (${secret.slice(0, 6)}…) is in the logs`).toBe(false);
    expect(all).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    for (const name of ['隐私测试员', '周组长', '孙主管', '很好']) expect(all.includes(name), name).toBe(false);
    expect(all).not.toMatch(/bearer|authorization|password/i);
    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.every((r) => typeof r.requestId === 'string' && typeof r.status === 'number')).toBe(true);
    // The route template, never the concrete path (which can carry a link token).
    expect(requests.some((r) => r.route === '/a/:token')).toBe(true);
  }, 60_000);
});
