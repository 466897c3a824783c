import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, testApi, type TestApi } from '../../support/api.js';
import { until, waitForMail } from '../../support/mail.js';
import { buildOrg, createEmployee, type Employee, type TestOrg } from '../../support/org.js';

/** Outcomes, overrides, deferral, or-sign races and policy versions of probation reviews (POLICIES.md §3). */
let api: TestApi;
let org: TestOrg;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  tokens.supA = await api.signIn(['supervisor'], org.supA.id, 'o.sup@example.com');
  tokens.manager = await api.signIn(['cs_manager'], org.csManager.id, 'o.manager@example.com');
  tokens.gm = await api.signIn(['gm'], org.gm.id, 'o.gm@example.com');
  tokens.hr1 = await api.signIn(['hr'], null, 'o.hr1@example.com');
  tokens.hr2 = await api.signIn(['hr'], null, 'o.hr2@example.com');
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

interface Task { id: string; requestId: string; stepKey: string; status: string }
interface Review { id: string; status: string; currentStep: string | null; weighted: number | null; recommendation: { outcome: string } | null; override: { outcome: string } | null; finalOutcome: Record<string, unknown> | null; policyVersion: number; message?: string; startsOn: string; deferred: boolean }

async function taskFor(who: string, requestId: string, stepKey: string): Promise<Task> {
  return until(async () => {
    const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: tokens[who] })).json()) as { items: Task[] };
    return page.items.find((t) => t.requestId === requestId && t.stepKey === stepKey);
  }, `${who}'s ${stepKey} task`);
}

async function decide(who: string, task: Task, body: Record<string, unknown>): Promise<Response> {
  return api.request('POST', `/api/v1/approvals/${task.id}/decision`, { token: tokens[who], body });
}

async function reviewOf(id: string): Promise<Review> {
  return (await (await api.request('GET', `/api/v1/probation-reviews/${id}`, { token: org.hr })).json()) as Review;
}

async function start(name: string, hireDate: string, token = tokens.supA!): Promise<{ employee: Employee; review: Review }> {
  const employee = await createEmployee(api, org.hr, { name, level: 'trainee', hireDate, superiorId: org.leadA.id, teamId: org.units.center });
  const res = await api.request('POST', '/api/v1/probation-reviews', { token, body: { employeeId: employee.id, kind: 'early' } });
  expect(res.status, await res.clone().text()).toBe(201);
  return { employee, review: (await res.json()) as Review };
}

async function throughChain(reviewId: string, scores: Record<string, number>, last: Record<string, unknown> = {}): Promise<Review> {
  expect((await decide('supA', await taskFor('supA', reviewId, 'supervisor'), { decision: 'approve', scores })).status).toBe(200);
  expect((await decide('manager', await taskFor('manager', reviewId, 'cs_manager'), { decision: 'approve' })).status).toBe(200);
  expect((await decide('gm', await taskFor('gm', reviewId, 'gm'), { decision: 'approve' })).status).toBe(200);
  const hr = await taskFor('hr1', reviewId, 'hr');
  expect((await decide('hr1', hr, { decision: 'approve', ...last })).status).toBe(200);
  return until(async () => {
    const r = await reviewOf(reviewId);
    return r.finalOutcome ? r : undefined;
  }, 'the outcome');
}

describe('probation outcomes', () => {
  it('a weighted 67 recommends an extension, and HR’s approval extends the end date by the policy’s month (§3)', async () => {
    const { employee, review } = await start('冯延期', '2026-09-10');
    const done = await throughChain(review.id, { dailyPerformance: 70, professionalTest: 65, interview: 65 });
    expect(done.weighted).toBe(67);
    expect(done.status).toBe('extended');
    const after = (await (await api.request('GET', `/api/v1/employees/${employee.id}`, { token: org.hr })).json()) as Employee;
    expect(after.status).toBe('probation');
    expect(after.probationEndDate).toBe('2027-01-10');
    expect(after).toMatchObject({ conversionDate: null });
  }, 60_000);

  it('the outcome mail names what changed in the reader’s words: 转正日期, 初级, ¥2,200 — never the stored codes (§3, policy org.levelBaseSalary)', async () => {
    const { employee, review } = await start('邵结果', '2026-08-20');
    const done = await throughChain(review.id, { dailyPerformance: 90, professionalTest: 90, interview: 90 });
    expect(done.status).toBe('converted');
    // An early conversion (#12 item 16): the employee's record keeps 转正日期, and the probation
    // planned to end on 2026-11-20 ended that day (the test clock's 2026-11-02), not later.
    const after = (await (await api.request('GET', `/api/v1/employees/${employee.id}`, { token: org.hr })).json()) as Employee & { conversionDate: string | null };
    expect(after).toMatchObject({ status: 'regular', level: 'junior', conversionDate: '2026-11-02', probationEndDate: '2026-11-02' });
    const doc = (await (await api.request('GET', '/api/v1/openapi.json')).json()) as { components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> } };
    expect(doc.components.schemas.Employee!.properties).toHaveProperty('conversionDate');
    expect(doc.components.schemas.Employee!.required).toContain('conversionDate');
    const mail = await waitForMail(api.mail!, 'o.sup@example.com', /【审批结果】转正评审：邵结果/);
    expect(mail.text).toMatch(/转正日期：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(mail.text).toContain('职级：初级');
    expect(mail.text).toContain('员工状态：正式');
    expect(mail.text).toContain('基本工资（月）：¥2,200');
    for (const code of ['baseSalary', 'conversionDate', 'regular', 'junior', 'status：']) expect(mail.text).not.toContain(code);
    expect(mail.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  }, 60_000);

  it('HR may override the recommendation with a comment: a convert becomes an end, the employee is terminated and their account disabled', async () => {
    const { employee, review } = await start('陈终止', '2026-09-12');
    const theirs = await api.signIn(['agent'], employee.id, 'o.leaver@example.com');
    const done = await throughChain(review.id, { dailyPerformance: 85, professionalTest: 85, interview: 85 }, { outcome: 'end', comment: '试用期内严重违纪' });
    expect(done.recommendation?.outcome).toBe('convert');
    expect(done.override?.outcome).toBe('end');
    expect(done.status).toBe('ended');
    const after = (await (await api.request('GET', `/api/v1/employees/${employee.id}`, { token: org.hr })).json()) as Employee;
    expect(after.status).toBe('terminated');
    // They left (#13 item 4): the account is disabled with the outcome, audited by the system.
    expect((await api.request('GET', '/api/v1/users/me', { token: theirs })).status).toBe(401);
    const users = (await (await api.request('GET', '/api/v1/users?limit=200', { token: tokens.gm! })).json()) as { items: { id: string; email: string; status: string }[] };
    const account = users.items.find((u) => u.email === 'o.leaver@example.com')!;
    expect(account.status).toBe('disabled');
    const audit = (await (await api.request('GET', `/api/v1/audit?entityType=user&entityId=${account.id}`, { token: tokens.gm! })).json()) as { items: { action: string; channel: string; after: unknown }[] };
    expect(audit.items[0]).toMatchObject({ action: 'disable', channel: 'system', after: { status: 'disabled', reason: 'left' } });
    // POLICIES.md §9 (#15): a probation ended without conversion opens the offboarding every
    // leaver gets — the handover, the inventory and the exit form — with today as the last day.
    const found = (await (await api.request('GET', `/api/v1/offboardings?employeeId=${employee.id}`, { token: org.hr })).json()) as { items: { reason: string; lastDay: string; reviewId: string; status: string; inventory: unknown[]; finalPayDate: string }[] };
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ reason: 'probation_not_converted', lastDay: '2026-11-02', reviewId: review.id, status: 'open', finalPayDate: '2026-12-15' });
    expect(found.items[0]!.inventory.length).toBeGreaterThan(0);
  }, 60_000);

  it('an override without a comment is refused (§3: "with a comment")', async () => {
    const { review } = await start('褚无因', '2026-09-14');
    const task = await taskFor('supA', review.id, 'supervisor');
    const res = await decide('supA', task, { decision: 'approve', scores: { dailyPerformance: 90, professionalTest: 90, interview: 90 }, outcome: 'extend' });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'APPROVAL.COMMENT_REQUIRED', errors: [{ path: 'comment' }] });
  }, 30_000);

  it('a score outside 0–100 is refused naming the field (400, the step’s schema), and nothing is decided', async () => {
    const { review } = await start('卫超分', '2026-09-15');
    const task = await taskFor('supA', review.id, 'supervisor');
    const res = await decide('supA', task, { decision: 'approve', scores: { dailyPerformance: 101, professionalTest: 90, interview: 90 } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'APPROVAL.FIELDS_INVALID', errors: [{ path: 'scores.dailyPerformance' }] });
    // More than one decimal (§3: 0–100, one decimal) is refused by the step's schema too, in words (#12 item 12).
    const fine = await decide('supA', task, { decision: 'approve', scores: { dailyPerformance: 80.25, professionalTest: 90, interview: 90 } });
    expect(fine.status).toBe(400);
    expect(await fine.json()).toMatchObject({ code: 'APPROVAL.FIELDS_INVALID', errors: [{ path: 'scores.dailyPerformance', message: '最多保留 1 位小数' }] });
    expect((await taskFor('supA', review.id, 'supervisor')).status).toBe('pending');
    // One decimal is fine: 99.9 at the edge is accepted.
    expect((await decide('supA', task, { decision: 'approve', scores: { dailyPerformance: 99.9, professionalTest: 90, interview: 90 } })).status).toBe(200);
  }, 30_000);

  it('"any HR member" is an or-sign: both are asked, two HR members deciding at once → exactly one wins', async () => {
    const { review } = await start('蒋会签', '2026-09-16');
    expect((await decide('supA', await taskFor('supA', review.id, 'supervisor'), { decision: 'approve', scores: { dailyPerformance: 85, professionalTest: 85, interview: 85 } })).status).toBe(200);
    expect((await decide('manager', await taskFor('manager', review.id, 'cs_manager'), { decision: 'approve' })).status).toBe(200);
    expect((await decide('gm', await taskFor('gm', review.id, 'gm'), { decision: 'approve' })).status).toBe(200);
    const [t1, t2] = await Promise.all([taskFor('hr1', review.id, 'hr'), taskFor('hr2', review.id, 'hr')]);
    const [a, b] = await Promise.all([decide('hr1', t1, { decision: 'approve' }), decide('hr2', t2, { decision: 'approve' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const done = await until(async () => {
      const r = await reviewOf(review.id);
      return r.finalOutcome ? r : undefined;
    }, 'the outcome');
    expect(done.status).toBe('converted');
    // The loser's task says someone else decided it (或签), not just "closed" (#12 item 10).
    const loser = a.status === 409 ? 'hr1' : 'hr2';
    const theirs = ((await (await api.request('GET', '/api/v1/approvals?status=decided', { token: tokens[loser] })).json()) as { items: (Task & { cancelledBy: string | null })[] }).items;
    expect(theirs.find((t) => t.requestId === review.id)).toMatchObject({ status: 'cancelled', cancelledBy: 'others' });
  }, 60_000);
});

describe('the same approver twice in one chain (policy approvals.sameApproverDecidesOnce, gap)', () => {
  it('decides once: a trainee reporting straight to the CS manager is scored by them, and their later signature step is recorded from that approval', async () => {
    const employee = await createEmployee(api, org.hr, { name: '孔直属', level: 'trainee', hireDate: '2026-09-20', superiorId: org.csManager.id, teamId: org.units.cs });
    const res = await api.request('POST', '/api/v1/probation-reviews', { token: tokens.manager, body: { employeeId: employee.id, kind: 'early' } });
    expect(res.status, await res.clone().text()).toBe(201);
    const review = (await res.json()) as Review;
    const first = await taskFor('manager', review.id, 'supervisor');
    expect((await decide('manager', first, { decision: 'approve', scores: { dailyPerformance: 85, professionalTest: 85, interview: 85 } })).status).toBe(200);
    await taskFor('gm', review.id, 'gm');
    const now = (await (await api.request('GET', `/api/v1/probation-reviews/${review.id}`, { token: org.hr })).json()) as { steps: { stepKey: string; decision: string; channel: string; decidedByName: string; comment: string | null }[]; chain: { key: string; label: string }[] };
    expect(now.steps.map((s) => [s.stepKey, s.decision, s.channel])).toEqual([
      ['supervisor', 'approve', 'api'],
      ['cs_manager', 'approve', 'system'],
      ['gm', null, null],
    ]);
    expect(now.steps[1]!.decidedByName).toBe(now.steps[0]!.decidedByName);
    // Why, naming the earlier step by its name, never its key (#12 item 10).
    const supervisorLabel = now.chain.find((c) => c.key === 'supervisor')!.label;
    expect(now.steps[1]!.comment).toContain(`同一审批人已在「${supervisorLabel}」环节同意`);
    expect(now.steps[1]!.comment).not.toContain('「supervisor」');
  }, 60_000);
});

describe('application rounds (§3: up to and including the 15th)', () => {
  it('an employee applying on the 16th joins next month’s round: the review waits, nobody is asked until midnight of the 1st, and the response says so', async () => {
    const local = await testApi({ workflows: true });
    try {
      local.clock.now = new Date('2026-11-16T02:00:00.000Z'); // 10:00 on the 16th in Asia/Shanghai
      const o = await buildOrg(local);
      const e = await createEmployee(local, o.hr, { name: '沈月中', level: 'trainee', hireDate: '2026-09-01', superiorId: o.leadA.id });
      const self = await local.signIn(['agent'], e.id);
      const res = await local.request('POST', '/api/v1/probation-reviews', { token: self, body: { employeeId: e.id, kind: 'early' } });
      expect(res.status, await res.clone().text()).toBe(201);
      const r = (await res.json()) as Review;
      expect(r).toMatchObject({ status: 'scheduled', deferred: true, startsOn: '2026-12-01' });
      expect(r.message).toContain('2026-12-01');
      // Sessions last hours: whoever looks after the clock moved by days signs in again.
      await local.signIn(['supervisor'], o.supA.id, 'round.sup@example.com');
      const signInAgain = async (email: string) => ((await (await local.request('POST', '/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } })).json()) as { token: string }).token;
      const inbox = async () => ((await (await local.request('GET', '/api/v1/approvals', { token: await signInAgain('round.sup@example.com') })).json()) as { items: { requestId: string; stepKey: string }[] }).items;
      await local.clock.advance(60_000);
      expect(await inbox()).toEqual([]);
      // Midnight of the 1st, company time: the round opens and the supervisor is asked.
      await local.clock.advance(Date.parse('2026-12-01T00:00:00+08:00') - local.clock.now.getTime() - 1000);
      expect(await inbox()).toEqual([]);
      await local.clock.advance(1000);
      expect((await inbox()).map((t) => [t.requestId, t.stepKey])).toEqual([[r.id, 'supervisor']]);
      const hr = await local.signIn(['hr'], null, 'round.hr@example.com');
      expect((await (await local.request('GET', `/api/v1/probation-reviews/${r.id}`, { token: hr })).json()) as Review).toMatchObject({ status: 'in_review', currentStep: 'supervisor' });
      // On the 15th the same application starts at once.
      local.clock.now = new Date('2026-11-15T02:00:00.000Z');
      const e2 = await createEmployee(local, o.hr, { name: '韩月半', level: 'trainee', hireDate: '2026-09-01', superiorId: o.leadA.id });
      const self2 = await local.signIn(['agent'], e2.id);
      const r2 = (await (await local.request('POST', '/api/v1/probation-reviews', { token: self2, body: { employeeId: e2.id, kind: 'early' } })).json()) as Review;
      expect(r2).toMatchObject({ status: 'in_review', deferred: false, startsOn: '2026-11-15' });
    } finally {
      await local.stop();
    }
  }, 60_000);
});

describe('probation policy (versioned data HR edits)', () => {
  it('rejects invalid values naming each field, refuses a stale version, and new reviews record the new version', async () => {
    const current = (await (await api.request('GET', '/api/v1/policies/probation', { token: tokens.hr1 })).json()) as { version: number; values: Record<string, unknown>; gaps: string[] };
    expect(current.gaps).toEqual(expect.arrayContaining(['weights', 'stepDueHours']));
    const bad = await api.request('PUT', '/api/v1/policies/probation', { token: tokens.hr1, body: { version: current.version, values: { ...current.values, weights: { dailyPerformance: 50, professionalTest: 30, interview: 30 } } } });
    expect(bad.status).toBe(422);
    const p = (await bad.json()) as { errors: { path: string; message: string }[] };
    expect(p.errors.map((e) => e.path)).toContain('values.weights');
    expect(p.errors[0]!.message).toContain('100');
    const supervisor = await api.request('PUT', '/api/v1/policies/probation', { token: tokens.supA, body: { version: current.version, values: current.values } });
    expect(supervisor.status).toBe(403);
    const ok = await api.request('PUT', '/api/v1/policies/probation', { token: tokens.hr1, body: { version: current.version, values: { ...current.values, stepDueHours: 24 } } });
    expect(ok.status, await ok.clone().text()).toBe(200);
    const saved = (await ok.json()) as { version: number };
    expect(saved.version).toBe(current.version + 1);
    const stale = await api.request('PUT', '/api/v1/policies/probation', { token: tokens.hr1, body: { version: current.version, values: current.values } });
    expect(stale.status).toBe(409);
    const { review } = await start('朱新版', '2026-09-18');
    expect(review.policyVersion).toBe(saved.version);
  }, 30_000);
});
