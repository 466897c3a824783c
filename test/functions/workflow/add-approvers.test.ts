import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.js';
import { decisionLinks, until, waitForMail } from '../../support/mail.js';
import { buildOrg, createEmployee, type TestOrg } from '../../support/org.js';

/**
 * 加签 add approvers (before / after / parallel, 或签 / 会签), 会签 declared in policy, 抄送 CC,
 * 退回给发起人 and the approver = requester policy, on the probation workflow and the local
 * Step Functions endpoint (approval verbs issue). Combinations: a return after an add, a
 * withdraw while a 会签 stage is half done, two 会签 members deciding at the same moment.
 */
let api: TestApi;
let org: TestOrg;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {} as Record<string, string>;
const path = (url: string) => new URL(url).pathname;

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  const people: [string, Parameters<TestApi['signIn']>[0], string | null][] = [
    ['supA', ['supervisor'], org.supA.id],
    ['lead', ['team_lead'], org.leadA.id],
    ['manager', ['cs_manager'], org.csManager.id],
    ['gm', ['gm'], org.gm.id],
    ['hr1', ['hr'], null],
    ['hr2', ['hr'], null],
    ['peer1', ['agent'], org.agentA1.id],
    ['peer2', ['agent'], org.agentB1.id],
    ['supB', ['supervisor'], org.supB.id],
  ];
  for (const [name, roles, employeeId] of people) {
    tokens[name] = await api.signIn(roles, employeeId, `aa.${name.toLowerCase()}@example.com`);
    ids[name] = ((await (await api.request('GET', '/api/v1/users/me', { token: tokens[name] })).json()) as { id: string }).id;
  }
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

interface Task { id: string; requestId: string; stepKey: string; status: string; reason: string; addedByName: string | null }
interface Step { stepKey: string; decision: string | null; returnTo: string | null; stages: { mode: string; size: number }[]; tasks?: { approverName: string; status: string; stage: number | null; reason: string }[] }

const scores = { dailyPerformance: 92, professionalTest: 90, interview: 91 };
const email = (who: string) => `aa.${who.toLowerCase()}@example.com`;

async function startReview(name: string, by = 'lead', superiorId = org.leadA.id): Promise<string> {
  const e = await createEmployee(api, org.hr, { name, level: 'trainee', hireDate: '2026-09-01', superiorId, teamId: org.units.center });
  const res = await api.request('POST', '/api/v1/probation-reviews', { token: tokens[by], body: { employeeId: e.id, kind: 'early' } });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function inbox(who: string, query = 'status=pending'): Promise<Task[]> {
  return ((await (await api.request('GET', `/api/v1/approvals?${query}`, { token: tokens[who] })).json()) as { items: Task[] }).items;
}

async function taskOf(who: string, requestId: string, stepKey: string, query = 'status=pending'): Promise<Task> {
  return until(async () => (await inbox(who, query)).find((t) => t.requestId === requestId && t.stepKey === stepKey), `${who}'s ${stepKey} task (${query})`);
}

async function approve(who: string, taskId: string, body: Record<string, unknown> = {}) {
  return api.request('POST', `/api/v1/approvals/${taskId}/decision`, { token: tokens[who], body: { decision: 'approve', ...body } });
}

async function add(who: string, taskId: string, body: Record<string, unknown>) {
  return api.request('POST', `/api/v1/approvals/${taskId}/add-approvers`, { token: tokens[who], body });
}

async function steps(id: string): Promise<Step[]> {
  return ((await (await api.request('GET', `/api/v1/probation-reviews/${id}`, { token: org.hr })).json()) as { steps: Step[] }).steps;
}

/** Supervisor scores, so the review is at the CS manager's step. */
async function atManagerStep(name: string): Promise<{ id: string; task: Task }> {
  const id = await startReview(name);
  const first = await taskOf('supA', id, 'supervisor');
  expect((await approve('supA', first.id, { scores })).status).toBe(200);
  return { id, task: await taskOf('manager', id, 'cs_manager') };
}

describe('加签 add approvers', () => {
  it('before (前加签): the added person decides first; my task waits (its link says so) and comes back to me', async () => {
    const id = await startReview('冯前加');
    const mine = await taskOf('supA', id, 'supervisor');
    const mail = await waitForMail(api.mail!, email('supA'), /冯前加/);
    const res = await add('supA', mine.id, { users: [ids.lead], position: 'before', mode: 'any', comment: '请组长先评分' });
    expect(res.status, await res.clone().text()).toBe(200);
    const [added] = ((await res.json()) as { items: Task[] }).items;
    expect(added).toMatchObject({ status: 'pending', reason: 'added', addedByName: expect.any(String) });

    const waiting = await taskOf('supA', id, 'supervisor', 'status=waiting');
    expect(waiting.id).toBe(mine.id);
    const early = await approve('supA', mine.id, { scores });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'APPROVAL.WAITING' });
    const page = await api.request('GET', path(decisionLinks(mail).approve));
    expect(page.status).toBe(409);
    expect(await page.text()).toContain('data-reason="waiting"');

    const addedMail = await waitForMail(api.mail!, email('lead'), /加签待审批/);
    expect(addedMail.text).toContain('请组长先评分');
    // The scoring step asks everyone who approves it for the scores.
    expect((await approve('lead', added!.id, { scores: { ...scores, interview: 80 } })).status).toBe(200);
    const back = await taskOf('supA', id, 'supervisor');
    expect(back.id).toBe(mine.id);
    expect((await approve('supA', mine.id, { scores })).status).toBe(200);
    await taskOf('manager', id, 'cs_manager');

    const [supervisor] = await steps(id);
    expect(supervisor!.stages).toEqual([{ mode: 'any', size: 1 }, { mode: 'any', size: 1 }]);
    expect(supervisor!.tasks!.map((t) => [t.status, t.stage, t.reason])).toEqual([['approved', 1, 'assigned'], ['approved', 0, 'added']]);
  }, 60_000);

  it('after (后加签) with 会签: two people decide after me, both must approve before the next step', async () => {
    const { id, task } = await atManagerStep('陈后加');
    expect((await add('manager', task.id, { users: [ids.peer1, ids.peer2], position: 'after', mode: 'all' })).status).toBe(200);
    expect(await inbox('peer1')).toEqual([]);
    expect((await approve('manager', task.id)).status).toBe(200);
    const p1 = await taskOf('peer1', id, 'cs_manager');
    const p2 = await taskOf('peer2', id, 'cs_manager');
    expect((await approve('peer1', p1.id)).status).toBe(200);
    // One of two: the GM is not asked yet.
    await new Promise((r) => setTimeout(r, 300));
    expect((await inbox('gm')).some((t) => t.requestId === id)).toBe(false);
    expect((await approve('peer2', p2.id)).status).toBe(200);
    await taskOf('gm', id, 'gm');
    const manager = (await steps(id)).find((s) => s.stepKey === 'cs_manager')!;
    expect(manager.decision).toBe('approve');
    expect(manager.stages).toEqual([{ mode: 'any', size: 1 }, { mode: 'all', size: 2 }]);
  }, 60_000);

  it('parallel (并加签) 会签: two members approving at the same moment both count and the chain moves on once', async () => {
    const { id, task } = await atManagerStep('褚并加');
    expect((await add('manager', task.id, { users: [ids.peer1], position: 'parallel', mode: 'all' })).status).toBe(200);
    const p1 = await taskOf('peer1', id, 'cs_manager');
    const [a, b] = await Promise.all([approve('manager', task.id), approve('peer1', p1.id)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await taskOf('gm', id, 'gm');
    const all = await steps(id);
    expect(all.filter((s) => s.stepKey === 'gm')).toHaveLength(1);
    expect(all.find((s) => s.stepKey === 'cs_manager')!.tasks!.every((t) => t.status === 'approved')).toBe(true);
  }, 60_000);

  it('parallel 或签: the first of us to decide decides; the other gets a 409 naming them', async () => {
    const { id, task } = await atManagerStep('卫或签');
    expect((await add('manager', task.id, { users: [ids.peer1], position: 'parallel', mode: 'any' })).status).toBe(200);
    const p1 = await taskOf('peer1', id, 'cs_manager');
    expect((await approve('peer1', p1.id)).status).toBe(200);
    const late = await approve('manager', task.id);
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: 'APPROVAL.ALREADY_DECIDED' });
    await taskOf('gm', id, 'gm');
  }, 60_000);

  it('bad input is refused with the field named and changes nothing', async () => {
    const { id, task } = await atManagerStep('蒋错误');
    const cases: [Record<string, unknown>, number, string][] = [
      [{ users: [ids.manager], position: 'before' }, 422, 'users'],
      [{ users: ['no-such-user'], position: 'before' }, 422, 'users[0]'],
      [{ users: [ids.peer1], position: 'sideways' }, 400, 'position'],
      [{ users: [], position: 'before' }, 400, 'users'],
    ];
    for (const [body, status, field] of cases) {
      const res = await add('manager', task.id, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      const problem = (await res.json()) as { errors: { path: string }[] };
      expect(problem.errors.map((e) => e.path)).toContain(field);
    }
    expect((await add('peer1', task.id, { users: [ids.peer2], position: 'before' })).status).toBe(404);
    expect((await add('manager', task.id, { users: [ids.peer1], position: 'after' })).status).toBe(200);
    const twice = await add('manager', task.id, { users: [ids.peer1], position: 'after' });
    expect(twice.status).toBe(422);
    const cs = (await steps(id)).find((s) => s.stepKey === 'cs_manager')!;
    expect(cs.stages).toEqual([{ mode: 'any', size: 1 }, { mode: 'any', size: 1 }]);
  }, 60_000);
});

describe('combinations', () => {
  it('return after an add: the added person returns the request; my waiting task ends and its link says returned', async () => {
    const { id, task } = await atManagerStep('沈退回');
    const mail = await waitForMail(api.mail!, email('manager'), /沈退回/);
    expect((await add('manager', task.id, { users: [ids.peer1], position: 'before' })).status).toBe(200);
    const p1 = await taskOf('peer1', id, 'cs_manager');
    const res = await api.request('POST', `/api/v1/approvals/${p1.id}/return`, { token: tokens.peer1, body: { toStep: 'supervisor', comment: '评分依据不足' } });
    expect(res.status, await res.clone().text()).toBe(200);
    const again = await taskOf('supA', id, 'supervisor');
    expect(again.status).toBe('pending');
    const decided = await inbox('manager', 'status=decided');
    expect(decided.find((t) => t.id === task.id)?.status).toBe('cancelled');
    const page = await api.request('GET', path(decisionLinks(mail).approve));
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('data-reason="returned"');
  }, 60_000);

  it('withdraw while a 会签 stage is half done: every open task is cancelled and the execution ends', async () => {
    const { id, task } = await atManagerStep('韩撤回');
    expect((await add('manager', task.id, { users: [ids.peer1], position: 'parallel', mode: 'all' })).status).toBe(200);
    expect((await approve('manager', task.id)).status).toBe(200);
    const p1 = await taskOf('peer1', id, 'cs_manager');
    const res = await api.request('POST', `/api/v1/requests/probation/${id}/withdraw`, { token: tokens.lead });
    expect(res.status, await res.clone().text()).toBe(200);
    const late = await approve('peer1', p1.id);
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: 'WORKFLOW.REQUEST_CLOSED' });
    await until(async () => {
      const v = (await (await api.request('GET', `/api/v1/probation-reviews/${id}/execution`, { token: org.hr })).json()) as { execution: { status: string } };
      return v.execution.status === 'ABORTED' ? v : undefined;
    }, 'the execution to end');
  }, 60_000);
});

describe('who holds a task reads what they decide on (#12 item 3)', () => {
  it('a supervisor of another team added by 加签 reads the review (before: 404), never the employee’s file', async () => {
    const { id, task } = await atManagerStep('岑跨组');
    const review = async () => api.request('GET', `/api/v1/probation-reviews/${id}`, { token: tokens.supB });
    expect((await review()).status).toBe(404);
    expect((await add('manager', task.id, { users: [ids.supB], position: 'parallel', mode: 'any' })).status).toBe(200);
    const seen = await review();
    expect(seen.status, await seen.clone().text()).toBe(200);
    const body = (await seen.json()) as { employeeId: string; weighted: number | null; scores: Record<string, number> | null };
    expect(body.weighted).not.toBeNull();
    expect(body.scores).toMatchObject(scores);
    expect((await api.request('GET', `/api/v1/employees/${body.employeeId}`, { token: tokens.supB })).status).toBe(404);
  }, 60_000);
});

describe('撤回 tells who it concerns (#12 item 14)', () => {
  it('the approver it waited for, the people copied and the employee it is about each get one mail saying what it means for them; the requester gets none', async () => {
    const e = await createEmployee(api, org.hr, { name: '姜告知', level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
    await api.signIn(['agent'], e.id, 'aa.subject@example.com');
    const started = await api.request('POST', '/api/v1/probation-reviews', { token: tokens.lead, body: { employeeId: e.id, kind: 'early' } });
    expect(started.status, await started.clone().text()).toBe(201);
    const id = ((await started.json()) as { id: string }).id;
    await taskOf('supA', id, 'supervisor');
    const cc = await api.request('POST', `/api/v1/requests/probation/${id}/cc`, { token: tokens.lead, body: { users: [ids.hr2] } });
    expect(cc.status, await cc.clone().text()).toBe(200);
    const res = await api.request('POST', `/api/v1/requests/probation/${id}/withdraw`, { token: tokens.lead });
    expect(res.status, await res.clone().text()).toBe(200);
    const subject = /【已撤回】转正评审：姜告知/;
    expect((await waitForMail(api.mail!, email('supA'), subject)).text).toContain('无需再处理');
    expect((await waitForMail(api.mail!, email('hr2'), subject)).text).toContain('仅供知悉');
    expect((await waitForMail(api.mail!, 'aa.subject@example.com', subject)).text).toContain('不再进行');
    const lead = await fetch(`${api.mail!.webUrl}/api/email`).then((r) => r.json() as Promise<{ subject: string; to: { address: string }[] }[]>);
    expect(lead.filter((m) => subject.test(m.subject) && m.to.some((t) => t.address === email('lead')))).toHaveLength(0);
    expect(lead.filter((m) => subject.test(m.subject))).toHaveLength(3);
  }, 60_000);
});

describe('会签 declared in policy', () => {
  it('a role step with mode all needs every member (all three HR) before the review is recorded', async () => {
    tokens.hr0 = org.hr;
    const current = (await (await api.request('GET', '/api/v1/policies/probation', { token: tokens.hr1 })).json()) as { version: number; values: { chain: { key: string; approver: Record<string, unknown> }[] } };
    const chain = current.values.chain.map((s) => (s.key === 'hr' ? { ...s, approver: { kind: 'role', role: 'hr', mode: 'all' } } : s));
    const saved = await api.request('PUT', '/api/v1/policies/probation', { token: tokens.hr1, body: { version: current.version, values: { ...current.values, chain } } });
    expect(saved.status, await saved.clone().text()).toBe(200);
    try {
      const { id, task } = await atManagerStep('杨会签');
      expect((await approve('manager', task.id)).status).toBe(200);
      expect((await approve('gm', (await taskOf('gm', id, 'gm')).id)).status).toBe(200);
      const h1 = await taskOf('hr1', id, 'hr');
      const h2 = await taskOf('hr2', id, 'hr');
      const h0 = await taskOf('hr0', id, 'hr');
      expect((await approve('hr1', h1.id)).status).toBe(200);
      expect((await approve('hr0', h0.id)).status).toBe(200);
      const half = (await (await api.request('GET', `/api/v1/probation-reviews/${id}`, { token: org.hr })).json()) as { status: string };
      expect(half.status).toBe('in_review');
      expect((await approve('hr2', h2.id)).status).toBe(200);
      await until(async () => {
        const r = (await (await api.request('GET', `/api/v1/probation-reviews/${id}`, { token: org.hr })).json()) as { status: string };
        return r.status === 'converted' ? r : undefined;
      }, 'the review to convert');
    } finally {
      const now = (await (await api.request('GET', '/api/v1/policies/probation', { token: tokens.hr1 })).json()) as { version: number };
      await api.request('PUT', '/api/v1/policies/probation', { token: tokens.hr1, body: { version: now.version, values: current.values } });
    }
  }, 90_000);
});

describe('抄送 CC', () => {
  it('the requester copies someone: a read-only notice in their CC inbox and mailbox, never decided', async () => {
    const id = await startReview('朱抄送');
    await taskOf('supA', id, 'supervisor');
    const res = await api.request('POST', `/api/v1/requests/probation/${id}/cc`, { token: tokens.lead, body: { users: [ids.peer2], comment: '供知悉' } });
    expect(res.status, await res.clone().text()).toBe(200);
    const notice = await taskOf('peer2', id, 'supervisor', 'cc=true');
    expect(notice).toMatchObject({ status: 'cc', reason: 'cc' });
    expect(await inbox('peer2')).toEqual([]);
    const view = (await (await api.request('GET', `/api/v1/approvals/${notice.id}`, { token: tokens.peer2 })).json()) as { fields: unknown[]; timeline: unknown[] };
    expect(view.fields).toEqual([]);
    expect(view.timeline.length).toBeGreaterThan(0);
    const decide = await approve('peer2', notice.id);
    expect(decide.status).toBe(409);
    expect(await decide.json()).toMatchObject({ code: 'APPROVAL.READ_ONLY' });
    const mail = await waitForMail(api.mail!, email('peer2'), /【抄送】/);
    expect(mail.text).toContain('供知悉');
    expect(mail.text).not.toMatch(/\/a\//);
    const outsider = await api.request('POST', `/api/v1/requests/probation/${id}/cc`, { token: tokens.supB, body: { users: [ids.peer1] } });
    expect(outsider.status).toBe(403);
  }, 60_000);

  it('a retried verb with the same Idempotency-Key replays the first answer and sends nothing twice', async () => {
    const id = await startReview('孔重试');
    await taskOf('supA', id, 'supervisor');
    const send = (users: (string | undefined)[]) =>
      api.request('POST', `/api/v1/requests/probation/${id}/cc`, { token: tokens.lead, body: { users }, headers: { 'idempotency-key': `cc-${id}` } });
    const first = await send([ids.peer1]);
    expect(first.status).toBe(200);
    const again = await send([ids.peer1]);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect((await inbox('peer1', 'cc=true')).filter((t) => t.requestId === id)).toHaveLength(1);
    const other = await send([ids.peer2]);
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
  }, 30_000);
});

describe('抄送 by policy (probation.cc)', () => {
  it('when the review ends, the employee’s direct superior gets a read-only notice (default cc: superior)', async () => {
    const id = await startReview('吕抄送', 'supA');
    expect((await approve('supA', (await taskOf('supA', id, 'supervisor')).id, { scores })).status).toBe(200);
    expect((await approve('manager', (await taskOf('manager', id, 'cs_manager')).id)).status).toBe(200);
    expect((await approve('gm', (await taskOf('gm', id, 'gm')).id)).status).toBe(200);
    expect((await approve('hr1', (await taskOf('hr1', id, 'hr')).id)).status).toBe(200);
    const notice = await until(async () => (await inbox('lead', 'cc=true')).find((t) => t.requestId === id), 'the superior’s CC notice');
    expect(notice).toMatchObject({ status: 'cc', addedByName: null });
    const mail = await waitForMail(api.mail!, email('lead'), /【抄送】转正评审：吕抄送/);
    expect(mail.text).toContain('按制度');
    // The requester is told by their own outcome email, not copied.
    expect((await inbox('supA', 'cc=true')).some((t) => t.requestId === id)).toBe(false);
  }, 60_000);
});

describe('退回给发起人 return to the requester', () => {
  it('the requester resubmits and the chain starts again from its first step', async () => {
    const { id, task } = await atManagerStep('秦发起');
    const res = await api.request('POST', `/api/v1/approvals/${task.id}/return`, { token: tokens.manager, body: { toStep: 'requester', comment: '请补充试用期总结' } });
    expect(res.status, await res.clone().text()).toBe(200);
    const resubmit = await taskOf('lead', id, 'requester');
    // The requester is told who returned it and why, and resubmits in the console (#12 item 5).
    const mail = await waitForMail(api.mail!, email('lead'), /【已退回】转正评审：秦发起 — 发起人修改后重新提交/);
    expect(mail.text).toMatch(/您发起的「转正评审：秦发起」被 .+ 在「客服经理评估签字」环节退回/);
    expect(mail.text).toContain('请补充试用期总结');
    expect(mail.text).not.toContain('/a/');
    expect((await approve('lead', resubmit.id, { comment: '已补充' })).status).toBe(200);
    await until(async () => (await inbox('supA')).find((t) => t.requestId === id && t.stepKey === 'supervisor'), 'the supervisor to be asked again');
    expect((await steps(id)).map((s) => [s.stepKey, s.decision, s.returnTo])).toEqual([
      ['supervisor', 'approve', null],
      ['cs_manager', 'return', 'requester'],
      ['requester', 'approve', null],
      ['supervisor', null, null],
    ]);
  }, 60_000);
});

describe('重新提交 editable resubmission (#12)', () => {
  it('the requester’s form starts from the request’s 申请说明; what they change is applied and shown as a diff in the timeline', async () => {
    const e = await createEmployee(api, org.hr, { name: '蒋修改', level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
    const started = await api.request('POST', '/api/v1/probation-reviews', { token: tokens.lead, body: { employeeId: e.id, kind: 'early', statement: '表现稳定，申请提前转正' } });
    expect(started.status, await started.clone().text()).toBe(201);
    const id = ((await started.json()) as { id: string; statement: string }).id;
    expect((await approve('supA', (await taskOf('supA', id, 'supervisor')).id, { scores })).status).toBe(200);
    const managerTask = await taskOf('manager', id, 'cs_manager');
    expect((await api.request('POST', `/api/v1/approvals/${managerTask.id}/return`, { token: tokens.manager, body: { toStep: 'requester', comment: '请写明季度考核成绩' } })).status).toBe(200);

    const resubmit = await taskOf('lead', id, 'requester');
    const opened = (await (await api.request('GET', `/api/v1/approvals/${resubmit.id}`, { token: tokens.lead })).json()) as { fields: { path: string; label: string }[]; prefill?: Record<string, unknown> };
    expect(opened.fields.map((f) => [f.path, f.label])).toEqual([['statement', '申请说明']]);
    expect(opened.prefill).toEqual({ statement: '表现稳定，申请提前转正' });
    // Too long is refused naming the field, nothing resubmitted.
    const long = await approve('lead', resubmit.id, { statement: '长'.repeat(501) });
    expect(long.status).toBe(400);
    expect(JSON.stringify(await long.json())).toContain('statement');

    expect((await approve('lead', resubmit.id, { statement: '表现稳定，季度考核 92 分，申请提前转正', comment: '已补充' })).status).toBe(200);
    const review = (await (await api.request('GET', `/api/v1/probation-reviews/${id}`, { token: org.hr })).json()) as { statement: string; steps: Step[] };
    expect(review.statement).toBe('表现稳定，季度考核 92 分，申请提前转正');
    const requesterStep = review.steps.find((s) => s.stepKey === 'requester') as Step & { tasks: { answers?: [string, string][] }[] };
    expect(requesterStep.tasks[0]!.answers).toEqual([['申请说明', '表现稳定，申请提前转正 → 表现稳定，季度考核 92 分，申请提前转正']]);
    // The approvers read the new statement in the request's summary.
    const supervisorAgain = await taskOf('supA', id, 'supervisor');
    const view = (await (await api.request('GET', `/api/v1/approvals/${supervisorAgain.id}`, { token: tokens.supA })).json()) as { summary: [string, string][] };
    expect(view.summary).toContainEqual(['申请说明', '表现稳定，季度考核 92 分，申请提前转正']);
  }, 60_000);
});

describe('审批人即发起人 approver = requester (policy approvals.requesterIsApprover)', () => {
  async function setPolicy(value: string) {
    const current = (await (await api.request('GET', '/api/v1/policies/approvals', { token: tokens.hr1 })).json()) as { version: number; values: Record<string, unknown> };
    const res = await api.request('PUT', '/api/v1/policies/approvals', { token: tokens.hr1, body: { version: current.version, values: { ...current.values, requesterIsApprover: value } } });
    expect(res.status, await res.clone().text()).toBe(200);
  }

  it('skip: a step whose only approver is the requester counts as approved (by the system); a scoring step is still asked', async () => {
    await setPolicy('skip');
    try {
      // The CS manager requests: the supervisor scores, the CS manager step is skipped, the GM is asked.
      const id = await startReview('许跳过', 'manager');
      expect((await approve('supA', (await taskOf('supA', id, 'supervisor')).id, { scores })).status).toBe(200);
      await taskOf('gm', id, 'gm');
      const cs = (await steps(id)).find((s) => s.stepKey === 'cs_manager') as Step & { channel: string };
      expect(cs).toMatchObject({ decision: 'approve', channel: 'system' });
    } finally {
      await setPolicy('self');
    }
  }, 60_000);

  it('superior: the requester’s direct superior is asked instead', async () => {
    await setPolicy('superior');
    try {
      // The supervisor requests for their own direct report: the supervisor step goes to the CS manager.
      const id = await startReview('何上级', 'supA', org.supA.id);
      const task = await taskOf('manager', id, 'supervisor');
      expect(task.status).toBe('pending');
      expect((await inbox('supA')).some((t) => t.requestId === id)).toBe(false);
    } finally {
      await setPolicy('self');
    }
  }, 60_000);

  it('an unknown value is refused with the field named', async () => {
    const current = (await (await api.request('GET', '/api/v1/policies/approvals', { token: tokens.hr1 })).json()) as { version: number; values: Record<string, unknown> };
    const res = await api.request('PUT', '/api/v1/policies/approvals', { token: tokens.hr1, body: { version: current.version, values: { ...current.values, requesterIsApprover: 'maybe' } } });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain('values.requesterIsApprover');
  });
});
