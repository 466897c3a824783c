import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.js';
import { buildOrg, createEmployee, type TestOrg } from '../../support/org.js';

/** 抄送 on a request that has no step yet (a review deferred to next month's round): the notice reads as any other. */
let api: TestApi;
let org: TestOrg;

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe('a CC notice before any step', () => {
  it('opens with the request’s summary and nothing to decide (200, no fields, no verbs)', async () => {
    api.clock.now = new Date('2026-11-16T02:00:00.000Z'); // after the 15th: the round starts on the 1st (§3)
    const hr = await api.signIn(['hr']); // sessions age with the clock
    const e = await createEmployee(api, hr, { name: '郑抄送', level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id });
    const self = await api.signIn(['agent'], e.id, 'cc.self@example.com');
    const review = (await (await api.request('POST', '/api/v1/probation-reviews', { token: self, body: { employeeId: e.id, kind: 'early' } })).json()) as { id: string; status: string };
    expect(review.status).toBe('scheduled');
    const peerToken = await api.signIn(['team_lead'], org.leadA.id, 'cc.peer@example.com');
    const peer = (await (await api.request('GET', '/api/v1/users/me', { token: peerToken })).json()) as { id: string };
    const cc = await api.request('POST', `/api/v1/requests/probation/${review.id}/cc`, { token: self, body: { users: [peer.id] } });
    expect(cc.status, await cc.clone().text()).toBe(200);
    const [notice] = ((await cc.json()) as { items: { id: string }[] }).items;
    const res = await api.request('GET', `/api/v1/approvals/${notice!.id}`, { token: peerToken });
    expect(res.status, await res.clone().text()).toBe(200);
    const detail = (await res.json()) as { fields: unknown[]; step: { verbs: string[] }; summary: [string, string][] };
    expect(detail.fields).toEqual([]);
    expect(detail.step.verbs).toEqual([]);
    expect(detail.summary.map(([label]) => label)).toContain('员工');
  }, 60_000);
});
