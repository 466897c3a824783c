import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.js';
import { decisionLinks, until, waitForMail } from '../../support/mail.js';
import { buildOrg, createEmployee, type Employee, type TestOrg } from '../../support/org.js';

/** 代理 delegation and approvers who have left (approval verbs issue). The test clock's company date is 2026-11-02. */
let api: TestApi;
let org: TestOrg;
const tokens: Record<string, string> = {};
const users: Record<string, { id: string; name: string }> = {};
const path = (url: string) => new URL(url).pathname;

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  tokens.supA = await api.signIn(['supervisor'], org.supA.id, 'd.sup@example.com');
  tokens.supB = await api.signIn(['supervisor'], org.supB.id, 'd.supb@example.com');
  tokens.lead = await api.signIn(['team_lead'], org.leadA.id, 'd.lead@example.com');
  tokens.manager = await api.signIn(['cs_manager'], org.csManager.id, 'd.manager@example.com');
  tokens.hr = org.hr;
  for (const who of Object.keys(tokens)) users[who] = await me(tokens[who]!);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

interface Task { id: string; requestId: string; stepKey: string; status: string; reason: string; onBehalfOfName: string | null; approverName: string }
interface Problem { code: string; errors?: { path: string }[] }

async function me(token: string): Promise<{ id: string; name: string }> {
  return (await (await api.request('GET', '/api/v1/users/me', { token })).json()) as { id: string; name: string };
}

function delegate(token: string, userId: string, body: Record<string, unknown>) {
  return api.request('PUT', `/api/v1/users/${userId}/delegation`, { token, body });
}

async function clearDelegation(userId: string): Promise<void> {
  expect((await api.request('DELETE', `/api/v1/users/${userId}/delegation`, { token: tokens.hr })).status).toBe(204);
}

async function startReview(name: string, superiorId = org.leadA.id, by = tokens.lead!): Promise<string> {
  const e = await createEmployee(api, org.hr, { name, level: 'trainee', hireDate: '2026-09-01', superiorId, teamId: org.units.center });
  const res = await api.request('POST', '/api/v1/probation-reviews', { token: by, body: { employeeId: e.id, kind: 'early' } });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function pendingTasks(token: string): Promise<Task[]> {
  return ((await (await api.request('GET', '/api/v1/approvals?status=pending&limit=200', { token })).json()) as { items: Task[] }).items;
}

async function taskOf(token: string, requestId: string, stepKey = 'supervisor'): Promise<Task> {
  return until(async () => (await pendingTasks(token)).find((t) => t.requestId === requestId && t.stepKey === stepKey), `a ${stepKey} task of ${requestId}`);
}

/** A supervisor of their own (under the CS manager) with an account, and a trainee reporting to them. */
async function supervisorWithAccount(name: string, email: string): Promise<{ employee: Employee; token: string; user: { id: string; name: string } }> {
  const employee = await createEmployee(api, org.hr, { name, post: 'supervisor', level: 'reserve_supervisor', superiorId: org.csManager.id, teamId: org.units.center });
  const token = await api.signIn(['supervisor'], employee.id, email);
  return { employee, token, user: await me(token) };
}

async function leave(employee: Employee): Promise<void> {
  const res = await api.request('PATCH', `/api/v1/employees/${employee.id}`, { token: tokens.hr, body: { status: 'terminated', version: employee.version } });
  expect(res.status, await res.clone().text()).toBe(200);
}

const scores = { dailyPerformance: 88, professionalTest: 86, interview: 90 };
const inForce = { from: '2026-11-01', to: '2026-11-10' };

describe('代理 who may set a delegation', () => {
  it('the person, anyone above them in the org tree and HR may set it; a peer or someone below may not (403); each change is audited', async () => {
    const body = { delegateId: users.supB!.id, from: '2026-12-01', to: '2026-12-05' };
    const own = await delegate(tokens.supA!, users.supA!.id, body);
    expect(own.status, await own.clone().text()).toBe(200);
    expect(await own.json()).toMatchObject({ delegation: { ...body, delegateName: users.supB!.name, setByName: users.supA!.name }, moved: [], failed: [] });
    expect((await delegate(tokens.manager!, users.supA!.id, body)).status).toBe(200);
    expect((await delegate(tokens.hr!, users.supA!.id, { ...body, to: '2026-12-06' })).status).toBe(200);

    for (const outsider of [tokens.supB!, tokens.lead!]) {
      const res = await delegate(outsider, users.supA!.id, { ...body, delegateId: users.lead!.id });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(((await res.json()) as Problem).code).toBe('AUTH.FORBIDDEN');
    }
    expect((await api.request('DELETE', `/api/v1/users/${users.supA!.id}/delegation`, { token: tokens.supB })).status).toBe(403);

    const shown = (await (await api.request('GET', `/api/v1/users/${users.supA!.id}/delegation`, { token: tokens.supA })).json()) as { delegation: { to: string; setByName: string } };
    expect(shown.delegation).toMatchObject({ to: '2026-12-06', setByName: users.hr!.name });
    expect((await api.request('DELETE', `/api/v1/users/${users.supA!.id}/delegation`, { token: tokens.supA })).status).toBe(204);
    expect(await (await api.request('GET', `/api/v1/users/${users.supA!.id}/delegation`, { token: tokens.supA })).json()).toEqual({ delegation: null });

    const audit = (await (await api.request('GET', `/api/v1/audit?entityType=user&entityId=${users.supA!.id}`, { token: tokens.hr })).json()) as { items: { action: string; actorName: string }[] };
    expect(audit.items.map((a) => a.action)).toEqual(['undelegate', 'delegate', 'delegate', 'delegate', 'create']);
    expect(audit.items[1]!.actorName).toBe(users.hr!.name);
  }, 30_000);

  it('only HR may set a delegation for someone who has left; their former superior may not', async () => {
    const leaver = await supervisorWithAccount('冯离职甲', 'd.leaver0@example.com');
    await leave(leaver.employee);
    const body = { delegateId: users.supB!.id, ...inForce };
    expect((await delegate(tokens.manager!, leaver.user.id, body)).status).toBe(403);
    const byHr = await delegate(tokens.hr!, leaver.user.id, body);
    expect(byHr.status, await byHr.clone().text()).toBe(200);
    expect((await api.request('GET', `/api/v1/users/${leaver.user.id}/delegation`, { token: tokens.manager })).status).toBe(200);
  }, 30_000);

  it('an API key may read a delegation with the users:read scope and never change one', async () => {
    const admin = await api.signIn(['admin']);
    const created = await api.request('POST', '/api/v1/api-keys', { token: admin, body: { name: 'hris', scopes: ['users:read'] } });
    expect(created.status, await created.clone().text()).toBe(201);
    const { key } = (await created.json()) as { key: string };
    expect((await api.request('GET', `/api/v1/users/${users.supA!.id}/delegation`, { token: key })).status).toBe(200);
    expect((await delegate(key, users.supA!.id, { delegateId: users.supB!.id, ...inForce })).status).toBe(403);
  }, 30_000);
});

describe('代理 what a delegation must be', () => {
  it('dates must be real YYYY-MM-DD days, the end not before the start, at most 366 days: the field is named and nothing is written', async () => {
    const bad = await delegate(tokens.supA!, users.supA!.id, { delegateId: users.supB!.id, from: '2026-02-30', to: '2026-03-02' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors?.map((e) => e.path)).toEqual(['from']);
    const backwards = await delegate(tokens.supA!, users.supA!.id, { delegateId: users.supB!.id, from: '2026-11-10', to: '2026-11-09' });
    expect(backwards.status).toBe(422);
    expect(await backwards.json()).toMatchObject({ code: 'USER.DELEGATION_RANGE', errors: [{ path: 'to' }] });
    const tooLong = await delegate(tokens.supA!, users.supA!.id, { delegateId: users.supB!.id, from: '2026-11-01', to: '2027-11-02' });
    expect(tooLong.status).toBe(422);
    const unknown = await delegate(tokens.supA!, users.supA!.id, { delegateId: users.supB!.id, ...inForce, reason: '出差' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as Problem).errors?.map((e) => e.path)).toEqual(['reason']);
    expect(await (await api.request('GET', `/api/v1/users/${users.supA!.id}/delegation`, { token: tokens.supA })).json()).toEqual({ delegation: null });
  });

  it('nobody is their own delegate, and the delegate must be an active user who has not left (422 naming delegateId)', async () => {
    const self = await delegate(tokens.supA!, users.supA!.id, { delegateId: users.supA!.id, ...inForce });
    expect(self.status).toBe(422);
    expect(await self.json()).toMatchObject({ code: 'USER.DELEGATE_SELF', errors: [{ path: 'delegateId' }] });
    const leaver = await supervisorWithAccount('冯离职乙', 'd.leaver1@example.com');
    await leave(leaver.employee);
    for (const delegateId of ['no-such-user', leaver.user.id]) {
      const res = await delegate(tokens.supA!, users.supA!.id, { delegateId, ...inForce });
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ code: 'USER.DELEGATE_UNAVAILABLE', errors: [{ path: 'delegateId' }] });
    }
    expect(await (await api.request('GET', `/api/v1/users/${users.supA!.id}/delegation`, { token: tokens.supA })).json()).toEqual({ delegation: null });
  }, 30_000);
});

describe('代理 tasks go to the delegate', () => {
  it('while a delegation is in force a new task goes to the delegate, shown “on behalf of” the approver in the task and the timeline, and the delegate decides it', async () => {
    expect((await delegate(tokens.supA!, users.supA!.id, { delegateId: users.supB!.id, ...inForce })).status).toBe(200);
    try {
      const id = await startReview('褚代理');
      const task = await taskOf(tokens.supB!, id);
      expect(task).toMatchObject({ reason: 'delegated', onBehalfOfName: users.supA!.name });
      expect((await pendingTasks(tokens.supA!)).some((t) => t.requestId === id)).toBe(false);
      await waitForMail(api.mail!, 'd.supb@example.com', /褚代理/);

      const shown = (await (await api.request('GET', `/api/v1/approvals/${task.id}`, { token: tokens.supB })).json()) as Task & { timeline: { stepKey: string; tasks?: { approverName: string; onBehalfOfName: string | null }[] }[] };
      expect(shown.onBehalfOfName).toBe(users.supA!.name);
      expect(shown.timeline.find((s) => s.stepKey === 'supervisor')?.tasks).toEqual([expect.objectContaining({ approverName: users.supB!.name, onBehalfOfName: users.supA!.name })]);

      const decided = await api.request('POST', `/api/v1/approvals/${task.id}/decision`, { token: tokens.supB, body: { decision: 'approve', scores } });
      expect(decided.status, await decided.clone().text()).toBe(200);
      await taskOf(tokens.manager!, id, 'cs_manager');
      const review = (await (await api.request('GET', `/api/v1/probation-reviews/${id}`, { token: tokens.hr })).json()) as { steps: { stepKey: string; decidedByName: string | null }[] };
      expect(review.steps.find((s) => s.stepKey === 'supervisor')?.decidedByName).toBe(users.supB!.name);
    } finally {
      await clearDelegation(users.supA!.id);
    }
  }, 60_000);

  it('movePending moves the tasks the person holds now to the delegate: the old email link answers 410 (transferred) and the delegate decides the moved task', async () => {
    const id = await startReview('卫移交');
    const original = await taskOf(tokens.supA!, id);
    const link = decisionLinks(await waitForMail(api.mail!, 'd.sup@example.com', /卫移交/)).approve;
    try {
      const res = await delegate(tokens.supA!, users.supA!.id, { delegateId: users.supB!.id, from: '2026-11-02', to: '2026-11-03', movePending: true });
      expect(res.status, await res.clone().text()).toBe(200);
      const report = (await res.json()) as { moved: string[]; failed: unknown[] };
      expect(report.moved).toContain(original.id);
      expect(report.failed).toEqual([]);

      expect((await api.request('GET', path(link))).status).toBe(410);
      expect((await pendingTasks(tokens.supA!)).some((t) => t.requestId === id)).toBe(false);
      const moved = await taskOf(tokens.supB!, id);
      expect(moved).toMatchObject({ reason: 'delegated', onBehalfOfName: users.supA!.name });
      expect(moved.id).not.toBe(original.id);
      await waitForMail(api.mail!, 'd.supb@example.com', /卫移交/);
      const decided = await api.request('POST', `/api/v1/approvals/${moved.id}/decision`, { token: tokens.supB, body: { decision: 'approve', scores } });
      expect(decided.status, await decided.clone().text()).toBe(200);
      const audit = (await (await api.request('GET', `/api/v1/audit?entityType=approvalTask&entityId=${original.id}`, { token: tokens.hr })).json()) as { items: { action: string }[] };
      expect(audit.items.map((a) => a.action)).toContain('delegated');
    } finally {
      await clearDelegation(users.supA!.id);
    }
  }, 60_000);

  it('a delegation outside its dates has no effect: the approver is asked themself', async () => {
    expect((await delegate(tokens.supA!, users.supA!.id, { delegateId: users.supB!.id, from: '2026-11-05', to: '2026-11-09' })).status).toBe(200);
    try {
      const id = await startReview('蒋未到期');
      expect(await taskOf(tokens.supA!, id)).toMatchObject({ reason: 'assigned', onBehalfOfName: null });
      expect((await pendingTasks(tokens.supB!)).some((t) => t.requestId === id)).toBe(false);
    } finally {
      await clearDelegation(users.supA!.id);
    }
  }, 30_000);
});

describe('an approver who has left', () => {
  it('when an approver leaves mid-flow their pending task moves to their nearest superior (policy approverLeft: superior), on behalf of them; their link answers 410', async () => {
    const s = await supervisorWithAccount('沈将离', 'd.leaver2@example.com');
    const id = await startReview('韩下属', s.employee.id, tokens.hr);
    const original = await taskOf(s.token, id);
    const link = decisionLinks(await waitForMail(api.mail!, 'd.leaver2@example.com', /韩下属/)).approve;
    await leave(s.employee);
    const moved = await taskOf(tokens.manager!, id);
    expect(moved).toMatchObject({ reason: 'approver_left', onBehalfOfName: s.user.name });
    // Leaving disabled their account (#13 item 4): their session no longer reads an inbox at all.
    expect((await api.request('GET', '/api/v1/approvals?status=pending', { token: s.token })).status).toBe(401);
    expect((await api.request('GET', path(link))).status).toBe(410);
    const audit = (await (await api.request('GET', `/api/v1/audit?entityType=approvalTask&entityId=${original.id}`, { token: tokens.hr })).json()) as { items: { action: string; actorName: string }[] };
    expect(audit.items[0]).toMatchObject({ action: 'approver_left', actorName: users.hr!.name });
  }, 60_000);

  it('when the policy says hr, a leaver’s pending task moves to HR instead (the policy is restored after)', async () => {
    const before = (await (await api.request('GET', '/api/v1/policies/approvals', { token: tokens.hr })).json()) as { version: number; values: Record<string, unknown> };
    const saved = await api.request('PUT', '/api/v1/policies/approvals', { token: tokens.hr, body: { values: { ...before.values, approverLeft: 'hr' }, version: before.version } });
    expect(saved.status, await saved.clone().text()).toBe(200);
    try {
      const s = await supervisorWithAccount('杨将离', 'd.leaver3@example.com');
      const id = await startReview('朱下属', s.employee.id, tokens.hr);
      await taskOf(s.token, id);
      await leave(s.employee);
      expect(await taskOf(tokens.hr!, id)).toMatchObject({ reason: 'approver_left', onBehalfOfName: s.user.name });
      expect((await pendingTasks(tokens.manager!)).some((t) => t.requestId === id)).toBe(false);
    } finally {
      const current = (await (await api.request('GET', '/api/v1/policies/approvals', { token: tokens.hr })).json()) as { version: number };
      const restored = await api.request('PUT', '/api/v1/policies/approvals', { token: tokens.hr, body: { values: before.values, version: current.version } });
      expect(restored.status).toBe(200);
    }
  }, 60_000);
});
