import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyToday, addDays } from '../../../functions/domain/people/dates.js';
import { getOpening } from '../../../functions/storage/openings.js';
import { testApi, type TestApi } from '../../support/api.js';
import { decisionLinks, until, waitForMail } from '../../support/mail.js';
import { buildOrg, type TestOrg } from '../../support/org.js';

/**
 * 人才增补单 (POLICIES.md §2) on the real engines: the recruitment policy's chain found up from
 * the requester, decided through the API and the emailed links; approved it opens the opening,
 * rejected it ends with the reason and the requester is told; withdrawn mid-approval its task
 * is cancelled; the GM step is a condition on the headcount (policy data).
 */
let api: TestApi;
let org: TestOrg;
const emails = { supA: 'req.supa@example.com', manager: 'req.mgr@example.com', hr: 'req.hr@example.com', gm: 'req.gm@example.com', agent: 'req.agent@example.com' };
const tokens: Record<keyof typeof emails, string> = {} as never;

interface Requisition { id: string; status: string; headcount: number; filled: number; chain: { key: string }[]; currentStep: string | null; rejection: { stepKey: string; comment: string | null } | null; openingId: string | null; salaryMin: number; salaryMax: number; can?: { withdraw: boolean } }
interface Task { id: string; requestId: string; requestKind: string; stepKey: string; status: string }

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  tokens.supA = await api.signIn(['supervisor'], org.supA.id, emails.supA);
  tokens.manager = await api.signIn(['cs_manager'], org.csManager.id, emails.manager);
  tokens.hr = await api.signIn(['hr'], null, emails.hr);
  tokens.gm = await api.signIn(['gm'], org.gm.id, emails.gm);
  tokens.agent = await api.signIn(['agent'], org.agentA1.id, emails.agent);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

const today = () => companyToday(api.clock.now);
const body = (over: Record<string, unknown> = {}) => ({
  post: 'agent', teamId: org.units.center, headcount: 2, reason: '业务量增长，旺季需增加坐席', requirements: '普通话标准，能适应倒班', level: 'trainee', wantedBy: addDays(today(), 30), ...over,
});
const raise = (token: string, over: Record<string, unknown> = {}) => api.request('POST', '/api/v1/requisitions', { token, body: body(over) });
const read = async (id: string, token = tokens.supA) => (await (await api.request('GET', `/api/v1/requisitions/${id}`, { token })).json()) as Requisition;
async function pending(who: keyof typeof emails, requestId: string, stepKey: string): Promise<Task> {
  return until(async () => {
    const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: tokens[who] })).json()) as { items: Task[] };
    return page.items.find((t) => t.requestId === requestId && t.stepKey === stepKey);
  }, `${who}'s task at ${stepKey}`);
}
const decide = (who: keyof typeof emails, taskId: string, decision: 'approve' | 'reject', comment: string) =>
  api.request('POST', `/api/v1/approvals/${taskId}/decision`, { token: tokens[who], body: { decision, comment } });
async function listed(): Promise<number> {
  const page = (await (await api.request('GET', '/api/v1/requisitions?limit=100', { token: tokens.hr })).json()) as { items: unknown[] };
  return page.items.length;
}

describe('人才增补单 (POLICIES.md §2)', () => {
  it('refuses bad input with a 400/403 naming the field, and writes nothing', async () => {
    const before = await listed();
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['headcount 0 (§2: at least 1)', { headcount: 0 }, 400, 'headcount'],
      ['headcount above the policy cap (20)', { headcount: 21 }, 400, 'headcount'],
      ['wanted-by yesterday', { wantedBy: addDays(today(), -1) }, 400, 'wantedBy'],
      ['a post that does not exist', { post: 'astronaut' }, 400, 'post'],
      ['a team that does not exist', { teamId: 'no-such-team' }, 400, 'teamId'],
      ['a team outside the requester’s part of the organisation', { teamId: org.units.scenic }, 403, 'teamId'],
      ['a level that does not exist', { level: 'emperor' }, 400, 'level'],
      ['a reason with a right-to-left override', { reason: 'abc\u202Edef' }, 400, 'reason'],
    ];
    for (const [what, over, status, field] of cases) {
      const res = await raise(tokens.supA, over);
      expect(res.status, what).toBe(status);
      expect(res.headers.get('content-type'), what).toContain('application/problem+json');
      const problem = (await res.json()) as { errors?: { path: string }[]; field?: string; detail: string };
      expect([problem.field, ...(problem.errors ?? []).map((e) => e.path)], what).toContain(field);
    }
    // An agent does not ask for headcount.
    expect((await raise(tokens.agent)).status).toBe(403);
    expect(await listed()).toBe(before);
  });

  it('boundaries: the cap itself and today as wanted-by are accepted (§2, recruitment policy maxHeadcount 20)', async () => {
    const res = await raise(tokens.supA, { headcount: 20, wantedBy: today() });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = (await res.json()) as Requisition;
    expect(created.headcount).toBe(20);
    // Withdrawn again at once so it does not wait in the approvers' inboxes.
    expect((await api.request('POST', `/api/v1/requests/requisition/${created.id}/withdraw`, { token: tokens.supA, body: {} })).status).toBe(200);
  });

  it('approved by the CS manager (API), HR (API) and the GM (emailed link): the opening opens and the requester is told', async () => {
    const res = await raise(tokens.supA);
    expect(res.status, await res.clone().text()).toBe(201);
    const created = (await res.json()) as Requisition;
    expect(created.status).toBe('pending_approval');
    expect(created.chain.map((s) => s.key)).toEqual(['cs_manager', 'hr', 'gm']);
    // The level ladder (org policy: trainee ¥1,800) and the policy's range (20 % above).
    expect([created.salaryMin, created.salaryMax]).toEqual([1800, 2160]);

    const t1 = await pending('manager', created.id, 'cs_manager');
    expect((await decide('manager', t1.id, 'approve', '同意增补')).status).toBe(200);
    const t2 = await pending('hr', created.id, 'hr');
    expect((await decide('hr', t2.id, 'approve', '预算内')).status).toBe(200);
    const mail = await waitForMail(api.mail!, emails.gm, /人才增补：专员 2 人/);
    const { approve } = decisionLinks(mail);
    const link = new URL(approve).pathname;
    const form = new URLSearchParams({ token: link.slice(3), decision: 'approve', comment: '同意' });
    expect((await api.request('POST', link, { body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(200);

    const done = await until(async () => {
      const r = await read(created.id);
      return r.status === 'open' ? r : undefined;
    }, 'the requisition to open');
    expect(done.openingId).toBe(created.id);
    expect(done.filled).toBe(0);
    const opening = await getOpening(api.store, created.id);
    expect(opening).toMatchObject({ requisitionId: created.id, headcount: 2, filled: 0, status: 'open', post: 'agent', teamId: org.units.center });
    const told = await waitForMail(api.mail!, emails.supA, /【审批结果】人才增补：专员 2 人.*已通过/);
    expect(told.text).toContain('人力资源部已开始招聘');
  }, 90_000);

  it('a rejection ends it with the reason, and the requester is told why', async () => {
    const created = (await (await raise(tokens.supA, { headcount: 3 })).json()) as Requisition;
    const task = await pending('manager', created.id, 'cs_manager');
    // A reject without a comment is refused: the requester must learn why.
    expect((await api.request('POST', `/api/v1/approvals/${task.id}/decision`, { token: tokens.manager, body: { decision: 'reject' } })).status).toBe(422);
    expect((await decide('manager', task.id, 'reject', '本季度编制已满，下季度再议')).status).toBe(200);
    const done = await until(async () => {
      const r = await read(created.id);
      return r.status === 'rejected' ? r : undefined;
    }, 'the rejection');
    expect(done.rejection).toMatchObject({ stepKey: 'cs_manager', comment: '本季度编制已满，下季度再议' });
    expect(done.openingId).toBeNull();
    expect(await getOpening(api.store, created.id)).toBeNull();
    const told = await waitForMail(api.mail!, emails.supA, /人才增补：专员 3 人.*已驳回/);
    expect(told.text).toContain('本季度编制已满，下季度再议');
    expect(told.text).toContain('客服经理审批');
  }, 60_000);

  it('withdrawn mid-approval: its pending task is cancelled and its link says so', async () => {
    const created = (await (await raise(tokens.supA, { headcount: 1 })).json()) as Requisition;
    const task = await pending('manager', created.id, 'cs_manager');
    const mail = await waitForMail(api.mail!, emails.manager, /人才增补：专员 1 人/);
    expect((await read(created.id)).can?.withdraw).toBe(true);
    expect((await api.request('POST', `/api/v1/requests/requisition/${created.id}/withdraw`, { token: tokens.supA, body: {} })).status).toBe(200);
    expect((await read(created.id)).status).toBe('withdrawn');
    const after = (await (await api.request('GET', `/api/v1/approvals/${task.id}`, { token: tokens.manager })).json()) as { status: string };
    expect(after.status).not.toBe('pending');
    const page = await api.request('GET', new URL(decisionLinks(mail).approve).pathname);
    expect(page.status).toBeGreaterThanOrEqual(400);
    expect(await page.text()).toContain('撤回');
  }, 60_000);

  it('the GM step is a condition on the headcount (policy data: minHeadcount), and switching it off leaves CS manager → HR', async () => {
    const current = (await (await api.request('GET', '/api/v1/policies/recruitment', { token: tokens.hr })).json()) as { version: number; values: { chain: Record<string, unknown>[] } };
    const chain = current.values.chain.map((s) => (s.key === 'gm' ? { ...s, minHeadcount: 3 } : s));
    const saved = await api.request('PUT', '/api/v1/policies/recruitment', { token: tokens.hr, body: { version: current.version, values: { ...current.values, chain } } });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const two = (await (await raise(tokens.supA, { headcount: 2 })).json()) as Requisition;
    const three = (await (await raise(tokens.supA, { headcount: 3 })).json()) as Requisition;
    expect(two.chain.map((s) => s.key)).toEqual(['cs_manager', 'hr']);
    expect(three.chain.map((s) => s.key)).toEqual(['cs_manager', 'hr', 'gm']);
    for (const r of [two, three]) await api.request('POST', `/api/v1/requests/requisition/${r.id}/withdraw`, { token: tokens.supA, body: {} });
    // A chain in which every step has a minimum above one is refused: someone approves a single head.
    const bad = current.values.chain.map((s) => ({ ...s, minHeadcount: 2 }));
    const refused = await api.request('PUT', '/api/v1/policies/recruitment', { token: tokens.hr, body: { version: current.version + 1, values: { ...current.values, chain: bad } } });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain('values.chain');
  }, 60_000);

  it('the CS manager’s own requisition is found up from them: they are its CS manager step (the approvals policy: requester as approver)', async () => {
    const res = await raise(tokens.manager, { teamId: org.units.scenic, headcount: 1 });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = (await res.json()) as Requisition;
    const task = await pending('manager', created.id, 'cs_manager');
    expect(task.requestKind).toBe('requisition');
    await api.request('POST', `/api/v1/requests/requisition/${created.id}/withdraw`, { token: tokens.manager, body: {} });
  }, 60_000);

  it('a supervisor does not see another supervisor’s requisition (404), HR sees all', async () => {
    const created = (await (await raise(tokens.supA, { headcount: 1 })).json()) as Requisition;
    const supB = await api.signIn(['supervisor'], org.supB.id);
    expect((await api.request('GET', `/api/v1/requisitions/${created.id}`, { token: supB })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/requisitions/${created.id}`, { token: tokens.hr })).status).toBe(200);
    const theirs = (await (await api.request('GET', '/api/v1/requisitions', { token: supB })).json()) as { items: Requisition[] };
    expect(theirs.items.map((r) => r.id)).not.toContain(created.id);
    await api.request('POST', `/api/v1/requests/requisition/${created.id}/withdraw`, { token: tokens.supA, body: {} });
  }, 60_000);

  it('the opening: found by requisition, its job text, and HR pauses, reopens and cancels it with a reason (the requester is told; wrong moves are 409)', async () => {
    const created = (await (await raise(tokens.supA, { headcount: 4, requirements: '两年以上呼叫中心经验' })).json()) as Requisition;
    for (const [who, step] of [['manager', 'cs_manager'], ['hr', 'hr'], ['gm', 'gm']] as const) {
      const task = await pending(who, created.id, step);
      expect((await decide(who, task.id, 'approve', '同意')).status).toBe(200);
    }
    await until(async () => (await read(created.id)).status === 'open', 'the opening');
    const found = (await (await api.request('GET', `/api/v1/openings?requisitionId=${created.id}`, { token: tokens.supA })).json()) as { items: Record<string, unknown>[] };
    expect(found.items).toEqual([expect.objectContaining({ id: created.id, requisitionId: created.id, headcount: 4, filled: 0, open: 4, status: 'open' })]);
    const job = (await (await api.request('GET', `/api/v1/openings/${created.id}/job-text`, { token: tokens.hr })).json()) as { text: string };
    expect(job.text).toContain('招聘人数：4 人');
    expect(job.text).toContain('两年以上呼叫中心经验');
    expect(job.text).toContain('¥1,800 – ¥2,160 / 月');

    const verb = (name: string, token: string, reason?: string) => api.request('POST', `/api/v1/openings/${created.id}/${name}`, { token, body: reason === undefined ? {} : { reason } });
    // Only HR changes an opening; a reason is required.
    expect((await verb('pause', tokens.supA, '暂缓')).status).toBe(403);
    const noReason = await verb('pause', tokens.hr);
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain('reason');

    const paused = await verb('pause', tokens.hr, '春节前暂停面试');
    expect(paused.status).toBe(200);
    expect(await paused.json()).toMatchObject({ status: 'paused', statusReason: '春节前暂停面试' });
    expect((await verb('pause', tokens.hr, '再暂停')).status).toBe(409);
    const told = await waitForMail(api.mail!, emails.supA, /【招聘职位】人才增补：专员 4 人.*已暂停招聘/);
    expect(told.text).toContain('春节前暂停面试');
    expect((await read(created.id)).status).toBe('open');

    expect((await verb('reopen', tokens.hr, '节后恢复')).status).toBe(200);
    expect((await verb('reopen', tokens.hr, '再恢复')).status).toBe(409);
    expect((await verb('cancel', tokens.hr, '业务调整，取消增补')).status).toBe(200);
    expect((await read(created.id)).status).toBe('cancelled');
    expect((await verb('reopen', tokens.hr, '又要了')).status).toBe(409);
    await waitForMail(api.mail!, emails.supA, /人才增补：专员 4 人.*已取消招聘/);
    // Another supervisor does not see it.
    const supB = await api.signIn(['supervisor'], org.supB.id);
    expect((await api.request('GET', `/api/v1/openings/${created.id}`, { token: supB })).status).toBe(404);
    const none = (await (await api.request('GET', `/api/v1/openings?requisitionId=${created.id}`, { token: supB })).json()) as { items: unknown[] };
    expect(none.items).toEqual([]);
  }, 90_000);
});
