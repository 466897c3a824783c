import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../../../functions/domain/policy/defaults.js';
import { getRequest } from '../../../functions/storage/requests.js';
import { HIRING, roundResult, scheduleRound, startHiring, type HiringRequest } from '../../../functions/workflow/kinds/hiring.js';
import { testApi, type TestApi } from '../../support/api.js';
import { attachmentText, until, waitForMail } from '../../support/mail.js';
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

  it('POST /interviews: round 1 starts the candidate’s process, round 2 completes HR’s scheduling step; bad input is named and changes nothing', async () => {
    // An open opening: a requisition raised by supervisor A and approved along its chain.
    const raised = await api.request('POST', '/api/v1/requisitions', { token: tokens.supA, body: { post: 'agent', teamId: org.units.center, headcount: 1, reason: '补缺', requirements: '普通话标准', level: 'trainee', wantedBy: '2099-01-01' } });
    expect(raised.status, await raised.clone().text()).toBe(201);
    const requisition = (await raised.json()) as { id: string };
    for (const [key, step] of [['manager', 'cs_manager'], ['hr', 'hr'], ['gm', 'gm']] as const) {
      expect((await decide(key, (await pending(key, requisition.id, step)).id, { decision: 'approve', comment: '同意' })).status).toBe(200);
    }
    await until(async () => (await (await api.request('GET', `/api/v1/openings/${requisition.id}`, { token: tokens.hr })).json() as { status: string }).status === 'open', 'the opening');
    const added = await api.request('POST', '/api/v1/candidates', { token: tokens.hr, body: { openingId: requisition.id, name: '韩候选', phone: '13800138000', email: 'han.candidate@example.net', source: 'boss' } });
    expect(added.status, await added.clone().text()).toBe(201);
    const candidate = (await added.json()) as { id: string };
    const later = new Date(api.clock.now.getTime() + 3 * 86_400_000).toISOString();
    const schedule = (over: Record<string, unknown>) => api.request('POST', '/api/v1/interviews', { token: tokens.hr, body: { candidateId: candidate.id, round: 1, at: later, place: '2楼小会议室', interviewerIds: [org.supA.id], ...over } });

    for (const [over, status, field] of [
      [{ at: new Date(api.clock.now.getTime() - 60_000).toISOString() }, 400, 'at'],
      [{ interviewerIds: ['no-such-person'] }, 400, 'interviewerIds'],
      [{ interviewerIds: [org.agentB1.id] }, 400, 'interviewerIds'],
      [{ round: 3 }, 400, 'round'],
      [{ round: 2 }, 409, 'round'],
      [{ candidateId: 'nobody' }, 404, 'candidateId'],
    ] as [Record<string, unknown>, number, string][]) {
      const res = await schedule(over);
      expect(res.status, JSON.stringify(over)).toBe(status);
      expect(JSON.stringify(await res.json()), JSON.stringify(over)).toContain(field);
    }
    const first = await schedule({});
    expect(first.status, await first.clone().text()).toBe(201);
    const { hiringId } = (await first.json()) as { hiringId: string };
    // The candidate is invited with the time and place, and the calendar entry (.ics) — so is the interviewer.
    const invited = await waitForMail(api.mail!, 'han.candidate@example.net', /面试邀请/);
    expect(invited.text).toContain('2楼小会议室');
    const ics = await attachmentText(api.mail!, invited, 'interview.ics');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`DTSTART:${later.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}`);
    expect(ics).toContain('LOCATION:2楼小会议室');
    const asked = await waitForMail(api.mail!, who.supA, /韩候选/);
    expect(await attachmentText(api.mail!, asked, 'interview.ics')).toContain(`UID:${hiringId}-round-1@`);
    expect((await schedule({})).status).toBe(409);
    type Seen = { stage: string; hiringId: string | null; hiring: { id: string; currentStep: string | null; currentStepLabel: string | null; rounds: { round: number; interview: { place: string; interviewers: { employeeId: string | null; name: string }[] } | null; answers: { score: number; recommendationLabel: string }[]; average: number | null }[] } | null };
    const seen = (await (await api.request('GET', `/api/v1/candidates/${candidate.id}`, { token: tokens.hr })).json()) as Seen;
    expect(seen.stage).toBe('interview');
    // The candidate's page reads their process with them: the round scheduled, the next one not yet.
    expect(seen.hiringId).toBe(hiringId);
    expect(seen.hiring?.rounds.map((r) => r.round)).toEqual([1, 2]);
    expect(seen.hiring?.rounds[0]?.interview).toMatchObject({ place: '2楼小会议室', interviewers: [{ employeeId: org.supA.id }] });
    expect(seen.hiring?.rounds[1]?.interview).toBeNull();

    const t1 = await pending('supA', hiringId, 'round_1');
    expect((await decide('supA', t1.id, { decision: 'approve', score: 82, recommendation: 'hire' })).status).toBe(200);
    await pending('hr', hiringId, 'schedule_2');
    const answered = (await (await api.request('GET', `/api/v1/candidates/${candidate.id}`, { token: tokens.hr, headers: { 'accept-language': 'zh-CN' } })).json()) as Seen;
    expect(answered.hiring).toMatchObject({ currentStep: 'schedule_2', currentStepLabel: expect.stringContaining('安排') });
    expect(answered.hiring?.rounds[0]).toMatchObject({ average: 82, answers: [{ score: 82, recommendationLabel: '建议录用' }] });
    const second = await schedule({ round: 2, interviewerIds: [org.csManager.id, org.gm.id] });
    expect(second.status, await second.clone().text()).toBe(201);
    for (const key of ['manager', 'gm'] as const) {
      expect((await decide(key, (await pending(key, hiringId, 'round_2')).id, { decision: 'approve', score: 75, recommendation: 'hold' })).status).toBe(200);
    }
    expect((await decide('gm', (await pending('gm', hiringId, 'decision')).id, { decision: 'approve', comment: '录用' })).status).toBe(200);
    await until(async () => ((await (await api.request('GET', `/api/v1/candidates/${candidate.id}`, { token: tokens.hr })).json()) as { stage: string }).stage === 'offer', 'the candidate to reach the offer stage');
  }, 120_000);
});
