/**
 * The chain preview (#12 "What to add"): before starting a request, who will be asked, in
 * order, from the org tree and the policy as they stand — delegations and policy skips included —
 * and only about someone the caller may see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../../support/api.js';
import { buildOrg, createEmployee, type Employee, type TestOrg } from '../../../support/org.js';

interface Preview { steps: { key: string; label: string; mode: string; skipped: string | null; approvers: { id: string; name: string; onBehalfOfName: string | null }[] }[] }

let api: TestApi;
let org: TestOrg;
let trainee: Employee;
const tokens = {} as Record<'lead' | 'supA' | 'manager' | 'gm' | 'agentB', string>;
const ids = {} as Record<keyof typeof tokens | 'hr', string>;

const me = async (token: string) => ((await (await api.request('GET', '/api/v1/users/me', { token })).json()) as { id: string }).id;
const preview = async (token: string, subject = trainee.id) => api.request('GET', `/api/v1/requests/probation/preview?subjectEmployeeId=${subject}`, { token });

beforeAll(async () => {
  api = await testApi();
  org = await buildOrg(api);
  tokens.lead = await api.signIn(['team_lead'], org.leadA.id);
  tokens.supA = await api.signIn(['supervisor'], org.supA.id);
  tokens.manager = await api.signIn(['cs_manager'], org.csManager.id);
  tokens.gm = await api.signIn(['gm'], org.gm.id);
  tokens.agentB = await api.signIn(['agent'], org.agentB1.id);
  for (const k of Object.keys(tokens) as (keyof typeof tokens)[]) ids[k] = await me(tokens[k]);
  ids.hr = await me(org.hr);
  trainee = await createEmployee(api, org.hr, { name: '预览对象', level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe('the chain preview: GET /api/v1/requests/{kind}/preview', () => {
  it('names each step of the probation policy in order, with the people the org tree gives it (§3 chain)', async () => {
    const res = await preview(tokens.lead);
    expect(res.status, await res.clone().text()).toBe(200);
    const { steps } = (await res.json()) as Preview;
    expect(steps.map((s) => s.key)).toEqual(['supervisor', 'cs_manager', 'gm', 'hr']);
    expect(steps.map((s) => s.label)).not.toContain('supervisor');
    expect(steps[0]!.approvers.map((a) => a.id)).toEqual([ids.supA]);
    expect(steps[1]!.approvers.map((a) => a.id)).toEqual([ids.manager]);
    expect(steps[2]!.approvers.map((a) => a.id)).toEqual([ids.gm]);
    expect(steps[3]!.approvers.map((a) => a.id)).toContain(ids.hr);
    expect(steps.every((s) => s.skipped === null)).toBe(true);
  });

  it('a delegation in force shows who will act, for whom', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(api.clock.now);
    const set = await api.request('PUT', `/api/v1/users/${ids.supA}/delegation`, { token: tokens.supA, body: { delegateId: ids.manager, from: today, to: today } });
    expect(set.status, await set.clone().text()).toBe(200);
    const { steps } = (await (await preview(tokens.lead)).json()) as Preview;
    expect(steps[0]!.approvers).toEqual([{ id: ids.manager, name: expect.any(String), onBehalfOfName: expect.any(String) }]);
    expect((await api.request('DELETE', `/api/v1/users/${ids.supA}/delegation`, { token: tokens.supA })).status).toBeLessThan(300);
  });

  it('the same approver at two steps is asked once (policy approvals.sameApproverDecidesOnce): the later step shows as skipped', async () => {
    // Someone whose supervisor is the CS manager: the manager is asked at both steps.
    const direct = await createEmployee(api, org.hr, { name: '经理直属', level: 'trainee', hireDate: '2026-09-01', superiorId: org.csManager.id, teamId: org.units.center });
    const { steps } = (await (await preview(tokens.manager, direct.id)).json()) as Preview;
    const asked = steps.filter((s) => s.approvers.some((a) => a.id === ids.manager));
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(asked.slice(1).every((s) => s.skipped === 'same_approver')).toBe(true);
    expect(asked[0]!.skipped).toBeNull();
  });

  it('about someone out of the caller’s scope: 404, as for the employee', async () => {
    expect((await preview(tokens.agentB)).status).toBe(404);
  });
});
