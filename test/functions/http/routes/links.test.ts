import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signLink, verifyLink } from '../../../../functions/email/links.js';
import { getStep, getTask } from '../../../../functions/storage/approvals.js';
import { testApi, type TestApi } from '../../../support/api.js';
import { decisionLinks, until, waitForMail } from '../../../support/mail.js';
import { buildOrg, createEmployee, type TestOrg } from '../../../support/org.js';

/**
 * Emailed approval links: GET only shows a page (mail scanners prefetch); a tampered,
 * expired, reused or transferred link changes nothing and says why.
 */
let api: TestApi;
let org: TestOrg;
const tokens: Record<string, string> = {};
const path = (url: string) => new URL(url).pathname;

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  tokens.supA = await api.signIn(['supervisor'], org.supA.id, 'link.sup@example.com');
  tokens.manager = await api.signIn(['cs_manager'], org.csManager.id, 'link.manager@example.com');
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

async function openReview(name: string): Promise<{ reviewId: string; approve: string; reject: string; taskId: string }> {
  const employee = await createEmployee(api, org.hr, { name, level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
  const res = await api.request('POST', '/api/v1/probation-reviews', { token: tokens.supA, body: { employeeId: employee.id, kind: 'early' } });
  expect(res.status, await res.clone().text()).toBe(201);
  const reviewId = ((await res.json()) as { id: string }).id;
  const mail = await waitForMail(api.mail!, 'link.sup@example.com', new RegExp(`转正评审：${name}`));
  const links = decisionLinks(mail);
  const claims = verifyLink(path(links.approve).slice(3), api.workflow.linkSecret, Math.floor(api.clock.now.getTime() / 1000));
  if (!claims.ok) throw new Error('mail link does not verify');
  return { reviewId, ...links, taskId: claims.claims.taskId };
}

async function stillPending(taskId: string): Promise<void> {
  const task = await getTask(api.store, taskId);
  expect(task?.status).toBe('pending');
  expect((await getStep(api.store, task!.stepId))?.status).toBe('pending');
}

const form = (token: string, extra: Record<string, string> = {}) => ({
  body: new URLSearchParams({ token, decision: 'reject', comment: '不同意', ...extra }).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe('approval links', () => {
  it('never carry the Step Functions task token, and GET (a scanner prefetch) changes nothing', async () => {
    const r = await openReview('郑预取');
    const step = await getStep(api.store, (await getTask(api.store, r.taskId))!.stepId);
    expect(r.approve).not.toContain(step!.token);
    for (let i = 0; i < 3; i++) {
      const res = await api.request('GET', path(r.approve));
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(await res.text()).not.toMatch(/<script/i);
    }
    await stillPending(r.taskId);
  }, 30_000);

  it('a tampered link shows a clear page and changes nothing', async () => {
    const r = await openReview('冯篡改');
    const token = path(r.reject).slice(3);
    const [payload, sig] = token.split('.') as [string, string];
    const forged = `${payload.slice(0, -2)}${payload.endsWith('A') ? 'B' : 'A'}${payload.slice(-1)}.${sig}`;
    for (const bad of [forged, `${payload}.${sig.slice(0, -1)}x`, 'garbage']) {
      const page = await api.request('GET', `/a/${bad}`);
      expect([400, 404]).toContain(page.status);
      const post = await api.request('POST', `/a/${bad}`, form(bad));
      expect([400, 404]).toContain(post.status);
    }
    await stillPending(r.taskId);
  }, 30_000);

  it('an expired link shows that it expired and changes nothing', async () => {
    const r = await openReview('陈过期');
    const task = (await getTask(api.store, r.taskId))!;
    const expired = signLink({ taskId: task.id, approverId: task.approverId, action: 'approve', expiresAt: Math.floor(api.clock.now.getTime() / 1000) - 1, nonce: task.linkNonce }, api.workflow.linkSecret);
    const page = await api.request('GET', `/a/${expired}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toMatch(/过期/);
    expect((await api.request('POST', `/a/${expired}`, form(expired))).status).toBe(410);
    await stillPending(r.taskId);
  }, 30_000);

  it('a reject from the link needs a comment: the form comes back with the message, nothing decided', async () => {
    const r = await openReview('褚无言');
    const token = path(r.reject).slice(3);
    const res = await api.request('POST', path(r.reject), form(token, { comment: '' }));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('必须填写意见');
    await stillPending(r.taskId);
    const ok = await api.request('POST', path(r.reject), form(token));
    expect(ok.status).toBe(200);
    const used = await api.request('POST', path(r.reject), form(token));
    expect(used.status).toBe(409);
    const approveAfter = await api.request('GET', path(r.approve));
    expect(approveAfter.status).toBe(409);
    expect(await approveAfter.text()).toMatch(/驳回/);
  }, 30_000);

  it('after a transfer (转交) the old links are superseded and the new approver is emailed working links', async () => {
    const r = await openReview('卫转交');
    const directory = (await (await api.request('GET', '/api/v1/users/directory?limit=200', { token: tokens.supA })).json()) as { items: { id: string; employeeId: string | null }[] };
    const manager = directory.items.find((u) => u.employeeId === org.csManager.id)!;
    const moved = await api.request('POST', `/api/v1/approvals/${r.taskId}/transfer`, { token: tokens.supA, body: { toUserId: manager.id, comment: '请经理评估' } });
    expect(moved.status, await moved.clone().text()).toBe(200);
    const old = await api.request('GET', path(r.approve));
    expect(old.status).toBe(410);
    expect(await old.text()).toMatch(/转交/);
    expect((await api.request('POST', path(r.approve), form(path(r.approve).slice(3)))).status).toBe(410);
    const mail = await waitForMail(api.mail!, 'link.manager@example.com', /转交.*卫转交|卫转交.*转交/);
    const fresh = decisionLinks(mail);
    const token = path(fresh.approve).slice(3);
    const done = await api.request('POST', path(fresh.approve), form(token, {
      decision: 'approve', comment: '', scores_dailyPerformance: '80', scores_professionalTest: '80', scores_interview: '80',
    }));
    expect(done.status, await done.clone().text()).toBe(200);
    const decided = await until(async () => {
      const review = (await (await api.request('GET', `/api/v1/probation-reviews/${r.reviewId}`, { token: org.hr })).json()) as { weighted: number | null; steps: { stepKey: string; channel: string | null }[] };
      return review.weighted === 80 ? review : undefined;
    }, 'the transferred decision to take effect');
    expect(decided.steps[0]).toMatchObject({ stepKey: 'supervisor', channel: 'email' });
    const timeline = (await (await api.request('GET', `/api/v1/audit?entityType=approvalTask&entityId=${r.taskId}`, { token: org.hr })).json()) as { items: { action: string }[] };
    expect(timeline.items.map((a) => a.action)).toContain('transfer');
  }, 30_000);
});
