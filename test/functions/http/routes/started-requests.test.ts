/**
 * 我发起的 (#12 "What to add"): GET /api/v1/requests?startedBy=me lists the requests a person
 * started, newest first, as they are now (status and step), in the reader's language, in cursor
 * pages, with filters by kind, state and start date; nobody sees another's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, testApi, type TestApi } from '../../../support/api.js';
import { until } from '../../../support/mail.js';
import { buildOrg, createEmployee, type TestOrg } from '../../../support/org.js';

interface Started { kind: string; id: string; title: string; kindLabel: string; status: string; statusLabel: string; open: boolean; currentStep: string | null; currentStepLabel: string | null; startedAt: string; consolePath: string }
interface Page { items: Started[]; nextCursor: string | null }

let api: TestApi;
let org: TestOrg;
const tokens = {} as { lead: string; supA: string };
const ids: Record<string, string> = {};
let firstStartedOn = '';

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  tokens.lead = await api.signIn(['team_lead'], org.leadA.id, 's.lead@example.com');
  tokens.supA = await api.signIn(['supervisor'], org.supA.id, 's.sup@example.com');
  const trainees = await Promise.all(['早发起', '晚发起'].map((name) =>
    createEmployee(api, org.hr, { name, level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center })));
  for (const e of trainees) {
    const res = await api.request('POST', '/api/v1/probation-reviews', { token: tokens.lead, body: { employeeId: e.id, kind: 'early' } });
    expect(res.status, await res.clone().text()).toBe(201);
    ids[e.name] = ((await res.json()) as { id: string }).id;
    if (!firstStartedOn) firstStartedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(api.clock.now);
    // A day apart, so that "newest first" and the date filters have something to tell apart
    // (sessions last 12 hours: sign in again).
    await api.clock.advance(24 * 3600_000);
    tokens.lead = await login('s.lead@example.com');
  }
  tokens.supA = await login('s.sup@example.com');
  // Both reviews have reached the supervisor's step.
  await until(async () => {
    const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: tokens.supA })).json()) as { items: { requestId: string }[] };
    return page.items.filter((t) => Object.values(ids).includes(t.requestId)).length === 2 ? true : undefined;
  }, 'both supervisor tasks');
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

async function login(email: string): Promise<string> {
  const res = await api.request('POST', '/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } });
  return ((await res.json()) as { token: string }).token;
}

async function userIdOf(token: string): Promise<string> {
  return ((await (await api.request('GET', '/api/v1/users/me', { token })).json()) as { id: string }).id;
}

const list = async (query: string, token = tokens.lead, headers: Record<string, string> = {}) => {
  const res = await api.request('GET', `/api/v1/requests?startedBy=me${query}`, { token, headers });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Page;
};

describe('我发起的: GET /api/v1/requests?startedBy=me', () => {
  it('lists what I started, newest first, with its status and current step by name, and a link to it', async () => {
    const page = await list('');
    expect(page.items.map((i) => i.id)).toEqual([ids['晚发起'], ids['早发起']]);
    expect(page.items[0]).toMatchObject({
      kind: 'probation', title: '转正评审：晚发起', kindLabel: '转正评审', status: 'in_review', statusLabel: '评审中', open: true,
      currentStep: 'supervisor', consolePath: `/#/probation-reviews/${ids['晚发起']}/show`,
    });
    expect(page.items[0]!.currentStepLabel).toMatch(/主管/);
    expect(page.items[0]!.currentStepLabel).not.toBe('supervisor');
  });

  it('in English for an English reader', async () => {
    const page = await list('', tokens.lead, { 'accept-language': 'en' });
    expect(page.items[0]).toMatchObject({ title: 'Probation review: 晚发起', statusLabel: 'In review' });
  });

  it('nobody sees another person’s requests: the supervisor who decides them started none', async () => {
    expect((await list('', tokens.supA)).items).toEqual([]);
  });

  it('pages with a cursor, each request once', async () => {
    const first = await list('&limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBeTruthy();
    const second = await list(`&limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((i) => i.id)).toEqual([ids['早发起']]);
  });

  it('filters by start date (company dates, inclusive) and refuses an end before the start, naming the field', async () => {
    expect((await list(`&from=${firstStartedOn}&to=${firstStartedOn}`)).items.map((i) => i.id)).toEqual([ids['早发起']]);
    const dayAfter = new Date(Date.parse(`${firstStartedOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await list(`&from=${dayAfter}`)).items.map((i) => i.id)).toEqual([ids['晚发起']]);
    const bad = await api.request('GET', `/api/v1/requests?startedBy=me&from=${dayAfter}&to=${firstStartedOn}`, { token: tokens.lead });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ code: 'REQUEST.DATE_RANGE', errors: [{ path: 'to' }] });
  });

  it('filters by the person it is about (name or number, any case) and by the step it waits at', async () => {
    expect((await list(`&q=${encodeURIComponent('早发')}`)).items.map((i) => i.id)).toEqual([ids['早发起']]);
    expect((await list(`&q=${encodeURIComponent('无此人')}`)).items).toEqual([]);
    expect((await list('&step=supervisor')).items.map((i) => i.id).sort()).toEqual([ids['早发起'], ids['晚发起']].sort());
    expect((await list('&step=gm')).items).toEqual([]);
  });

  it('only `me`: another person’s list is not asked for this way (400 naming startedBy)', async () => {
    const res = await api.request('GET', `/api/v1/requests?startedBy=${org.supA.id}`, { token: tokens.lead });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('startedBy');
  });

  it('the tab counts: my running requests, the supervisor’s tasks to decide, and a 抄送 notice unread until opened', async () => {
    const counts = async (token: string) => (await (await api.request('GET', '/api/v1/approvals/counts', { token })).json()) as Record<string, number>;
    expect(await counts(tokens.lead)).toMatchObject({ startedOpen: 2, pending: 0, cap: 100 });
    expect(await counts(tokens.supA)).toMatchObject({ pending: 2, startedOpen: 0, ccUnread: 0 });
    const cc = await api.request('POST', `/api/v1/requests/probation/${ids['晚发起']}/cc`, { token: tokens.lead, body: { users: [await userIdOf(tokens.supA)] } });
    expect(cc.status, await cc.clone().text()).toBe(200);
    expect((await counts(tokens.supA)).ccUnread).toBe(1);
    const notices = (await (await api.request('GET', '/api/v1/approvals?cc=true', { token: tokens.supA })).json()) as { items: { id: string; readAt: string | null }[] };
    expect(notices.items[0]!.readAt).toBeNull();
    const opened = await api.request('GET', `/api/v1/approvals/${notices.items[0]!.id}`, { token: tokens.supA });
    expect(((await opened.json()) as { readAt: string | null }).readAt).toBeTruthy();
    expect((await counts(tokens.supA)).ccUnread).toBe(0);
  });

  it('a withdrawn request moves from the open ones to the closed ones, shown as 已撤回', async () => {
    const res = await api.request('POST', `/api/v1/requests/probation/${ids['早发起']}/withdraw`, { token: tokens.lead });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await list('&state=open')).items.map((i) => i.id)).toEqual([ids['晚发起']]);
    const closed = await list('&state=closed&kind=probation');
    expect(closed.items).toHaveLength(1);
    expect(closed.items[0]).toMatchObject({ id: ids['早发起'], status: 'withdrawn', statusLabel: '已撤回', open: false, currentStep: null });
    expect(((await (await api.request('GET', '/api/v1/approvals/counts', { token: tokens.lead })).json()) as { startedOpen: number }).startedOpen).toBe(1);
  });
});
