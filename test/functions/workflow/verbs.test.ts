import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.js';
import { decisionLinks, inbox as mailbox, until, waitForMail } from '../../support/mail.js';
import { buildOrg, createEmployee, type TestOrg } from '../../support/org.js';

/** Approval verbs: 撤回 withdraw, 催办 remind, batch approve (approval verbs issue). */
let api: TestApi;
let org: TestOrg;
const tokens: Record<string, string> = {};
const path = (url: string) => new URL(url).pathname;

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  tokens.supA = await api.signIn(['supervisor'], org.supA.id, 'v.sup@example.com');
  tokens.lead = await api.signIn(['team_lead'], org.leadA.id, 'v.lead@example.com');
  tokens.manager = await api.signIn(['cs_manager'], org.csManager.id, 'v.manager@example.com');
  tokens.agent = await api.signIn(['agent'], org.agentB1.id, 'v.agent@example.com');
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

interface Task { cancelledBy?: string | null; id: string; requestId: string; stepKey: string; status: string }

async function startReview(name: string, by = 'lead'): Promise<string> {
  const e = await createEmployee(api, org.hr, { name, level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
  const res = await api.request('POST', '/api/v1/probation-reviews', { token: tokens[by], body: { employeeId: e.id, kind: 'early' } });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function taskOf(who: string, requestId: string, stepKey = 'supervisor'): Promise<Task> {
  return until(async () => {
    const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: tokens[who] })).json()) as { items: Task[] };
    return page.items.find((t) => t.requestId === requestId && t.stepKey === stepKey);
  }, `${who}'s task`);
}

const scores = { dailyPerformance: 88, professionalTest: 86, interview: 90 };

describe('撤回 withdraw', () => {
  it('the requester withdraws: tasks are cancelled, the link says withdrawn, the execution ends; others may not', async () => {
    const id = await startReview('欧撤回');
    await taskOf('supA', id);
    const mail = await waitForMail(api.mail!, 'v.sup@example.com', /欧撤回/);
    expect((await api.request('POST', `/api/v1/requests/probation/${id}/withdraw`, { token: tokens.supA })).status).toBe(403);
    const res = await api.request('POST', `/api/v1/requests/probation/${id}/withdraw`, { token: tokens.lead });
    expect(res.status, await res.clone().text()).toBe(200);
    const review = (await (await api.request('GET', `/api/v1/probation-reviews/${id}`, { token: org.hr })).json()) as { status: string };
    expect(review.status).toBe('withdrawn');
    // The approver it waited for is told, by whom, and that nothing is left to do (#12 item 14).
    const told = await waitForMail(api.mail!, 'v.sup@example.com', /【已撤回】转正评审：欧撤回/);
    expect(told.text).toMatch(/已由 .+ 撤回/);
    expect(told.text).toContain('无需再处理');
    const decided = (await (await api.request('GET', '/api/v1/approvals?status=decided', { token: tokens.supA })).json()) as { items: Task[] };
    expect(decided.items.find((t) => t.requestId === id)).toMatchObject({ status: 'cancelled', cancelledBy: 'withdraw' });
    const page = await api.request('GET', path(decisionLinks(mail).approve));
    expect(page.status).toBe(410);
    expect(await page.text()).toMatch(/撤回/);
    const view = await until(async () => {
      const v = (await (await api.request('GET', `/api/v1/probation-reviews/${id}/execution`, { token: org.hr })).json()) as { execution: { status: string } };
      return v.execution.status === 'ABORTED' ? v : undefined;
    }, 'the execution to end');
    expect(view.execution.status).toBe('ABORTED');
    const again = await api.request('POST', `/api/v1/requests/probation/${id}/withdraw`, { token: tokens.lead });
    expect(again.status).toBe(409);
  }, 30_000);

  it('withdraw and approve at the same moment: exactly one wins, the loser gets a clear 409', async () => {
    const id = await startReview('方竞争');
    const task = await taskOf('supA', id);
    const [w, a] = await Promise.all([
      api.request('POST', `/api/v1/requests/probation/${id}/withdraw`, { token: tokens.lead }),
      api.request('POST', `/api/v1/approvals/${task.id}/decision`, { token: tokens.supA, body: { decision: 'approve', scores } }),
    ]);
    expect([w.status, a.status].sort()).toEqual([200, 409]);
    const loser = (await (w.status === 409 ? w : a).json()) as { code: string };
    expect(['WORKFLOW.REQUEST_CHANGED', 'WORKFLOW.REQUEST_CLOSED']).toContain(loser.code);
  }, 30_000);
});

describe('退回 return', () => {
  it('sends the request back to an earlier step with a comment; that step is asked again and the chain continues; the timeline shows the loop', async () => {
    const id = await startReview('何退回');
    const first = await taskOf('supA', id);
    expect((await api.request('POST', `/api/v1/approvals/${first.id}/decision`, { token: tokens.supA, body: { decision: 'approve', scores } })).status).toBe(200);
    const managerTask = await taskOf('manager', id, 'cs_manager');
    const noComment = await api.request('POST', `/api/v1/approvals/${managerTask.id}/return`, { token: tokens.manager, body: { toStep: 'supervisor', comment: '' } });
    expect(noComment.status).toBe(422);
    const forward = await api.request('POST', `/api/v1/approvals/${managerTask.id}/return`, { token: tokens.manager, body: { toStep: 'gm', comment: '不行' } });
    expect(forward.status).toBe(422);
    expect(await forward.json()).toMatchObject({ code: 'APPROVAL.INVALID_RETURN', errors: [{ path: 'toStep' }] });
    const back = await api.request('POST', `/api/v1/approvals/${managerTask.id}/return`, { token: tokens.manager, body: { toStep: 'supervisor', comment: '面试分偏高，请复核' } });
    expect(back.status, await back.clone().text()).toBe(200);
    expect(((await back.json()) as { status: string }).status).toBe('returned');

    const again = await until(async () => {
      const t = await taskOf('supA', id);
      return t.id !== first.id ? t : undefined;
    }, 'the supervisor to be asked again');
    // Asked again, the step starts from its last answer; the timeline shows what each decision recorded (#12 item 4).
    const detail = (await (await api.request('GET', `/api/v1/approvals/${again.id}`, { token: tokens.supA })).json()) as {
      prefill?: Record<string, unknown>; timeline: { stepKey: string; tasks?: { answers?: [string, string][] }[] }[];
    };
    expect(detail.prefill).toMatchObject({ scores });
    const firstAnswers = detail.timeline.find((st) => st.stepKey === 'supervisor')?.tasks?.[0]?.answers ?? [];
    expect(firstAnswers).toEqual(expect.arrayContaining([['面试', String(scores.interview)], ['日常表现', String(scores.dailyPerformance)]]));
    // The mail says it was returned, by whom, from which step and why (#12 item 5).
    const returned = await waitForMail(api.mail!, 'v.sup@example.com', /【已退回】转正评审：何退回 — 主管评估/);
    expect(returned.text).toMatch(/被 .+ 在「客服经理评估签字」环节退回到「主管评估」，需要您重新审批/);
    expect(returned.text).toContain('退回原因');
    expect(returned.text).toContain('面试分偏高，请复核');
    expect((await api.request('POST', `/api/v1/approvals/${again.id}/decision`, { token: tokens.supA, body: { decision: 'approve', scores: { ...scores, interview: 80 } } })).status).toBe(200);
    await until(async () => {
      const t = await taskOf('manager', id, 'cs_manager');
      return t.id !== managerTask.id ? t : undefined;
    }, 'the CS manager to be asked again');
    const review = (await (await api.request('GET', `/api/v1/probation-reviews/${id}`, { token: org.hr })).json()) as { weighted: number; steps: { stepKey: string; decision: string | null; returnTo: string | null }[] };
    expect(review.steps.map((s) => [s.stepKey, s.decision, s.returnTo])).toEqual([
      ['supervisor', 'approve', null],
      ['cs_manager', 'return', 'supervisor'],
      ['supervisor', 'approve', null],
      ['cs_manager', null, null],
    ]);
    expect(review.weighted).toBe(0.4 * 88 + 0.3 * 86 + 0.3 * 80);
  }, 60_000);
});

describe('催办 remind', () => {
  it('the requester or the approver’s superior may nudge, at most once per 4 hours (policy, gap); the approver is emailed again', async () => {
    const id = await startReview('宋催办');
    const task = await taskOf('supA', id);
    expect((await api.request('POST', `/api/v1/approvals/${task.id}/remind`, { token: tokens.agent })).status).toBe(403);
    const first = await api.request('POST', `/api/v1/approvals/${task.id}/remind`, { token: tokens.lead });
    expect(first.status, await first.clone().text()).toBe(200);
    const nudge = await waitForMail(api.mail!, 'v.sup@example.com', /【催办】.*宋催办/);
    // Asked moments ago with 48 h to decide (policy stepDueHours): the 催办 says when it is due, not "overdue".
    expect(nudge.text).toContain('将于 2 天后到期');
    expect(nudge.text).not.toContain('超期');
    const tooSoon = await api.request('POST', `/api/v1/approvals/${task.id}/remind`, { token: tokens.manager });
    expect(tooSoon.status).toBe(429);
    expect(((await tooSoon.json()) as { code: string }).code).toBe('APPROVAL.REMIND_TOO_SOON');
    api.clock.now = new Date(api.clock.now.getTime() + 4 * 3600_000 + 1000);
    const later = await api.request('POST', `/api/v1/approvals/${task.id}/remind`, { token: tokens.manager });
    expect(later.status, await later.clone().text()).toBe(200);
    const reminders = (await mailbox(api.mail!, 'v.sup@example.com')).filter((m) => m.subject.includes('【催办】') && m.subject.includes('宋催办'));
    expect(reminders).toHaveLength(2);
    const audit = (await (await api.request('GET', `/api/v1/audit?entityType=approvalTask&entityId=${task.id}`, { token: org.hr })).json()) as { items: { action: string }[] };
    expect(audit.items.filter((x) => x.action === 'remind')).toHaveLength(2);
  }, 30_000);
});

describe('batch approve', () => {
  it('approves several tasks one by one; a failing one (an unknown id, someone else’s task) undoes none of the others', async () => {
    const ids = [await startReview('邱批一'), await startReview('邱批二'), await startReview('邱批三')];
    for (const id of ids.slice(0, 2)) {
      const t = await taskOf('supA', id);
      expect((await api.request('POST', `/api/v1/approvals/${t.id}/decision`, { token: tokens.supA, body: { decision: 'approve', scores } })).status).toBe(200);
    }
    const managerTasks = await Promise.all(ids.slice(0, 2).map((id) => taskOf('manager', id, 'cs_manager')));
    const supervisorTask = await taskOf('supA', ids[2]!);
    const res = await api.request('POST', '/api/v1/approvals/batch-decision', { token: tokens.manager, body: { ids: [...managerTasks.map((t) => t.id), 'no-such-task', supervisorTask.id], decision: 'approve', comment: '批量同意' } });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: { id: string; status: number; code?: string }[] };
    expect(results.map((r) => r.status)).toEqual([200, 200, 404, 404]);
    for (const t of managerTasks) {
      const decided = (await (await api.request('GET', `/api/v1/approvals/${t.id}`, { token: tokens.manager })).json()) as { status: string; comment: string };
      expect(decided).toMatchObject({ status: 'approved', comment: '批量同意' });
    }
  }, 60_000);
});
