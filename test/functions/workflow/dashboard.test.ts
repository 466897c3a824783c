import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.js';
import { until } from '../../support/mail.js';
import { buildOrg, createEmployee, type TestOrg } from '../../support/org.js';

/**
 * GET /api/v1/dashboard — the console's dashboards (console issue) from counters the writes
 * keep in the same transaction: open approvals by step and age, the probation pipeline,
 * headcount by team/level/status, decisions by channel. Each number is checked as it moves.
 */
let api: TestApi;
let org: TestOrg;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  tokens.supA = await api.signIn(['supervisor'], org.supA.id, 'd.sup@example.com');
  tokens.lead = await api.signIn(['team_lead'], org.leadA.id, 'd.lead@example.com');
  tokens.manager = await api.signIn(['cs_manager'], org.csManager.id, 'd.manager@example.com');
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

interface Dashboard {
  pendingApprovals: { stepKey: string; stepLabel: string; total: number; ages: Record<string, number> }[];
  probation: Record<string, number>;
  headcount: { teamId: string | null; teamName: string | null; level: string; status: string; count: number }[];
  decisions: { month: string; channel: string; count: number }[];
}

const dashboard = async (token = org.hr) => (await (await api.request('GET', '/api/v1/dashboard', { token })).json()) as Dashboard;
const pendingAt = (d: Dashboard, step: string) => d.pendingApprovals.find((p) => p.stepKey === step);
const heads = (d: Dashboard, f: (h: Dashboard['headcount'][number]) => boolean) => d.headcount.filter(f).reduce((n, h) => n + h.count, 0);

describe('dashboard', () => {
  it('counts follow the work: a review opens, is decided, ages; an employee changes level', async () => {
    const start = await dashboard();
    expect(heads(start, () => true)).toBe(8);
    expect(heads(start, (h) => h.teamName === '客户服务中心')).toBe(4);

    const e = await createEmployee(api, org.hr, { name: '计数员', level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
    const res = await api.request('POST', '/api/v1/probation-reviews', { token: tokens.lead, body: { employeeId: e.id, kind: 'early' } });
    expect(res.status).toBe(201);
    const opened = await until(async () => {
      const d = await dashboard();
      return pendingAt(d, 'supervisor')?.total === 1 ? d : undefined;
    }, 'the supervisor step to count as open');
    expect(pendingAt(opened, 'supervisor')).toMatchObject({ stepLabel: '主管评估', ages: { lt1d: 1, d1to3: 0, d3to7: 0, gt7d: 0 } });
    expect(opened.probation.in_review).toBe(1);
    expect(heads(opened, (h) => h.level === 'trainee' && h.status === 'probation')).toBe(heads(start, (h) => h.level === 'trainee' && h.status === 'probation') + 1);

    const inbox = (await (await api.request('GET', '/api/v1/approvals', { token: tokens.supA })).json()) as { items: { id: string }[] };
    const decided = await api.request('POST', `/api/v1/approvals/${inbox.items[0]!.id}/decision`, { token: tokens.supA, body: { decision: 'approve', scores: { dailyPerformance: 90, professionalTest: 90, interview: 90 } } });
    expect(decided.status).toBe(200);
    const next = await until(async () => {
      const d = await dashboard();
      return pendingAt(d, 'cs_manager')?.total === 1 ? d : undefined;
    }, 'the CS manager step to count as open');
    expect(pendingAt(next, 'supervisor')).toBeUndefined();
    expect(next.decisions).toEqual([{ month: '2026-11', channel: 'api', count: 1 }]);

    // Four days later the open step is in the 3–7 day bucket.
    api.clock.now = new Date(api.clock.now.getTime() + 4 * 86_400_000);
    try {
      // (a new sign-in: sessions do not last four days)
      expect(pendingAt(await dashboard(await api.signIn(['hr'])), 'cs_manager')!.ages).toEqual({ lt1d: 0, d1to3: 0, d3to7: 1, gt7d: 0 });
    } finally {
      api.clock.now = new Date(api.clock.now.getTime() - 4 * 86_400_000);
    }

    const current = (await (await api.request('GET', `/api/v1/employees/${org.agentA1.id}`, { token: org.hr })).json()) as { version: number };
    expect((await api.request('PATCH', `/api/v1/employees/${org.agentA1.id}`, { token: org.hr, body: { version: current.version, level: 'senior' } })).status).toBe(200);
    const after = await dashboard();
    expect(heads(after, (h) => h.level === 'senior')).toBe(heads(next, (h) => h.level === 'senior') + 1);
    expect(heads(after, () => true)).toBe(9);
  }, 60_000);

  it('is for the roles that see the whole organisation', async () => {
    const res = await api.request('GET', '/api/v1/dashboard', { token: tokens.lead });
    expect(res.status).toBe(403);
    expect((await api.request('GET', '/api/v1/dashboard', { token: tokens.manager })).status).toBe(200);
  });
});
