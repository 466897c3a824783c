import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../../../functions/domain/policy/defaults.js';
import { getRequest } from '../../../functions/storage/requests.js';
import { HIRING, roundResult, scheduleRound, startHiring, type HiringRequest } from '../../../functions/workflow/kinds/hiring.js';
import { testApi, type TestApi } from '../../support/api.js';
import { until, waitForMail } from '../../support/mail.js';
import { buildOrg, type TestOrg } from '../../support/org.js';

/**
 * A candidate's hiring request (POLICIES.md §2 step 4; seed 000 第三章: the first round by the
 * department, the second by HR + the department head + the GM, 会签; 001: the GM decides) on the
 * real engines: interviewers named per round (the engine's `named` approver), their scores and
 * recommendations, HR scheduling the next round, the GM's decision.
 */
let api: TestApi;
let org: TestOrg;
const who = { supA: 'hire.supa@example.com', lead: 'hire.lead@example.com', hr: 'hire.hr@example.com', manager: 'hire.mgr@example.com', gm: 'hire.gm@example.com' };
const tokens: Record<keyof typeof who, string> = {} as never;
const ids: Record<keyof typeof who, string> = {} as never;

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  const links: Record<keyof typeof who, [string, string | null]> = { supA: ['supervisor', org.supA.id], lead: ['team_lead', org.leadA.id], hr: ['hr', null], manager: ['cs_manager', org.csManager.id], gm: ['gm', org.gm.id] };
  for (const [key, [role, employeeId]] of Object.entries(links) as [keyof typeof who, [string, string | null]][]) {
    tokens[key] = await api.signIn([role as never], employeeId, who[key]);
    ids[key] = ((await (await api.request('GET', '/api/v1/users/me', { token: tokens[key] })).json()) as { id: string }).id;
  }
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

interface Task { id: string; requestId: string; stepKey: string }
async function pending(key: keyof typeof who, requestId: string, stepKey: string): Promise<Task> {
  return until(async () => {
    const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: tokens[key] })).json()) as { items: Task[] };
    return page.items.find((t) => t.requestId === requestId && t.stepKey === stepKey);
  }, `${key}'s task at ${stepKey}`);
}
const decide = (key: keyof typeof who, taskId: string, body: Record<string, unknown>) => api.request('POST', `/api/v1/approvals/${taskId}/decision`, { token: tokens[key], body });
const record = async (id: string) => (await getRequest<HiringRequest>(api.store, HIRING, id))!;
const person = (key: keyof typeof who, name: string) => ({ userId: ids[key], employeeId: null, name });

async function start(name: string) {
  return startHiring(api.workflow, {
    candidate: { id: `cand-${name}`, name },
    opening: { id: 'opening-1', post: 'agent', teamName: '客户服务中心', scopePath: org.supA.path as string },
    policy: { version: 0, values: DEFAULT_POLICIES.recruitment },
    by: { id: ids.hr, name: '人事' },
    interview: { at: '2026-12-10T10:00:00+08:00', place: '3楼会议室', interviewers: [person('supA', '孙主管'), person('lead', '周组长')] },
  });
}

describe('the hiring request: interviews and the hire decision (POLICIES.md §2 step 4)', () => {
  it('round 1 (或签) → HR schedules round 2 → round 2 (会签: every interviewer answers) → the GM decides', async () => {
    const r = await start('林候选');
    // Round 1 asks the named interviewers; the ask mail is their invitation, with the time and place.
    const mail = await waitForMail(api.mail!, who.lead, /招聘面试：林候选/);
    expect(mail.text).toContain('3楼会议室');
    const t1 = await pending('lead', r.id, 'round_1');
    // Bad answers name the field and decide nothing: a score outside 0–100, no recommendation.
    for (const [body, field] of [[{ decision: 'approve', score: 101, recommendation: 'hire' }, 'score'], [{ decision: 'approve', score: -1, recommendation: 'hire' }, 'score'], [{ decision: 'approve', score: 80 }, 'recommendation']] as const) {
      const res = await decide('lead', t1.id, body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain(field);
    }
    // The boundaries themselves are scores.
    expect((await decide('lead', t1.id, { decision: 'approve', score: 100, recommendation: 'hire', notes: '沟通流畅' })).status).toBe(200);

    // HR must schedule round 2 before its step completes.
    const s2 = await pending('hr', r.id, 'schedule_2');
    const early = await decide('hr', s2.id, { decision: 'approve', comment: '进入复试' });
    expect(early.status).toBe(422);
    expect(((await early.json()) as { code: string }).code).toBe('INTERVIEW.NOT_SCHEDULED');
    await scheduleRound(api.workflow, await record(r.id), {
      round: 2, at: '2026-12-12T14:00:00+08:00', place: '总经理办公室', interviewers: [person('hr', '人事'), person('manager', '钱经理'), person('gm', '赵总')], scheduledById: ids.hr, scheduledByName: '人事',
    });
    expect((await decide('hr', s2.id, { decision: 'approve', comment: '进入复试' })).status).toBe(200);

    // 会签: the round waits for all three.
    const answers: [keyof typeof who, number][] = [['hr', 80], ['manager', 85], ['gm', 90]];
    for (const [key, score] of answers) {
      const task = await pending(key, r.id, 'round_2');
      expect((await decide(key, task.id, { decision: 'approve', score, recommendation: 'hire' })).status).toBe(200);
      if (key !== 'gm') expect((await record(r.id)).currentStep).toBe('round_2');
    }
    const after = await until(async () => {
      const x = await record(r.id);
      return x.currentStep === 'decision' ? x : undefined;
    }, 'the decision step');
    expect(roundResult(after.answers['2'] ?? [])).toEqual({ average: 85, count: 3, recommendations: { hire: 3, hold: 0, reject: 0 } });
    expect(roundResult(after.answers['1'] ?? []).average).toBe(100);

    const d = await pending('gm', r.id, 'decision');
    expect((await decide('gm', d.id, { decision: 'approve', comment: '同意录用' })).status).toBe(200);
    await until(async () => (await record(r.id)).status === 'hire_approved', 'the hire approved');
  }, 120_000);

  it('an interviewer who rejects ends the process: not hired', async () => {
    const r = await start('郭候选');
    const t1 = await pending('supA', r.id, 'round_1');
    expect((await decide('supA', t1.id, { decision: 'reject', comment: '专业能力不足', score: 40, recommendation: 'reject' })).status).toBe(200);
    const done = await until(async () => {
      const x = await record(r.id);
      return x.status === 'not_hired' ? x : undefined;
    }, 'not hired');
    expect(done.answers['1']).toEqual([expect.objectContaining({ score: 40, recommendation: 'reject' })]);
  }, 60_000);
});
