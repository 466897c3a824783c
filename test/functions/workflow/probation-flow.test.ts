import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.js';
import { decisionLinks, until, waitForMail } from '../../support/mail.js';
import { buildOrg, createEmployee, type Employee, type TestOrg } from '../../support/org.js';

/**
 * Probation conversion (POLICIES.md §3) end to end on the real engines: the ASL on the local
 * Step Functions endpoint with the real task handlers, DynamoDB Local, mail through the catcher.
 */
let api: TestApi;
let org: TestOrg;
const tokens: Record<string, string> = {};
const emails: Record<string, string> = {};

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  const user = async (key: string, roles: Parameters<TestApi['signIn']>[0], employeeId: string | null) => {
    emails[key] = `${key}@example.com`;
    tokens[key] = await api.signIn(roles, employeeId, emails[key]);
  };
  await user('supA', ['supervisor'], org.supA.id);
  await user('manager', ['cs_manager'], org.csManager.id);
  await user('gm', ['gm'], org.gm.id);
  await user('hr1', ['hr'], null);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

interface Task { id: string; stepKey: string; status: string; title: string }
interface Review { id: string; status: string; currentStep: string | null; weighted: number | null; recommendation: { outcome: string } | null; steps: { stepKey: string; decision: string | null; channel: string | null; decidedByName: string | null }[]; message?: string }

async function pending(who: string, stepKey: string): Promise<Task> {
  return until(async () => {
    const res = await api.request('GET', '/api/v1/approvals?status=pending', { token: tokens[who] });
    const page = (await res.json()) as { items: Task[] };
    return page.items.find((t) => t.stepKey === stepKey);
  }, `${who}'s ${stepKey} task`);
}

async function review(id: string, token = org.hr): Promise<Review> {
  return (await (await api.request('GET', `/api/v1/probation-reviews/${id}`, { token })).json()) as Review;
}

async function trainee(name: string, hireDate: string): Promise<{ employee: Employee; token: string; email: string }> {
  const employee = await createEmployee(api, org.hr, { name, level: 'trainee', hireDate, superiorId: org.leadA.id, teamId: org.units.center });
  const email = `${employee.employeeNo.toLowerCase()}@example.com`;
  const token = await api.signIn(['agent'], employee.id, email);
  return { employee, token, email };
}

const path = (url: string) => new URL(url).pathname;

describe('probation conversion through the whole chain (POLICIES.md §3)', () => {
  it('an early application is scored from the emailed link, signed by CS manager and GM, recorded by HR, and converts the trainee', async () => {
    const t = await trainee('钱新人', '2026-09-20');
    const started = await api.request('POST', '/api/v1/probation-reviews', { token: t.token, body: { employeeId: t.employee.id, kind: 'early' } });
    expect(started.status, await started.clone().text()).toBe(201);
    const created = (await started.json()) as Review;
    expect(created.status).toBe('in_review');

    // 1. The supervisor is emailed; the link's GET only shows a form.
    const mail = await waitForMail(api.mail!, emails.supA!, /转正评审：钱新人/);
    const { approve } = decisionLinks(mail);
    const page = await api.request('GET', path(approve));
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('name="scores_interview"');
    const task = await pending('supA', 'supervisor');
    expect(task.status).toBe('pending');
    const detail = (await (await api.request('GET', `/api/v1/approvals/${task.id}`, { token: tokens.supA })).json()) as { summary: [string, string][]; fields: { name: string }[] };
    expect(detail.summary).toEqual(expect.arrayContaining([['入职日期', '2026年9月20日']]));
    expect(detail.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['scores_dailyPerformance', 'scores_professionalTest', 'scores_interview']));

    // 2. POST the form with the three scores: weighted 0.4*95 + 0.3*92 + 0.3*90 = 92.6 → early band.
    const form = new URLSearchParams({ token: path(approve).slice(3), decision: 'approve', comment: '表现优秀', scores_dailyPerformance: '95', scores_professionalTest: '92', scores_interview: '90', attendance_personalLeaveCount: '1', attendance_lateCount: '0', attendance_earlyLeaveCount: '0' });
    const posted = await api.request('POST', path(approve), { body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(posted.status).toBe(200);
    const scored = await until(async () => {
      const r = await review(created.id);
      return r.weighted !== null && r.currentStep === 'cs_manager' ? r : undefined;
    }, 'the scores to be recorded');
    expect(scored.weighted).toBe(92.6);
    expect(scored.recommendation?.outcome).toBe('convert');

    // 3. The same link again: used, says who decided.
    const reused = await api.request('GET', path(approve));
    expect(reused.status).toBe(409);
    const supervisorName = ((await (await api.request('GET', '/api/v1/users/me', { token: tokens.supA })).json()) as { name: string }).name;
    expect(await reused.text()).toContain(supervisorName);

    // 4. CS manager, GM, HR decide through the API.
    for (const [who, step] of [['manager', 'cs_manager'], ['gm', 'gm'], ['hr1', 'hr']] as const) {
      const next = await pending(who, step);
      const res = await api.request('POST', `/api/v1/approvals/${next.id}/decision`, { token: tokens[who], body: { decision: 'approve', comment: '同意' } });
      expect(res.status, await res.clone().text()).toBe(200);
    }

    const done = await until(async () => {
      const r = await review(created.id);
      return r.status === 'converted' ? r : undefined;
    }, 'the conversion to be applied');
    expect(done.steps.map((s) => [s.stepKey, s.decision, s.channel])).toEqual([
      ['supervisor', 'approve', 'email'],
      ['cs_manager', 'approve', 'api'],
      ['gm', 'approve', 'api'],
      ['hr', 'approve', 'api'],
    ]);
    const employee = (await (await api.request('GET', `/api/v1/employees/${t.employee.id}`, { token: org.hr })).json()) as Employee;
    expect(employee).toMatchObject({ status: 'regular', level: 'junior', baseSalary: 2200 });
    await waitForMail(api.mail!, t.email, /已转正/);
  }, 90_000);

  it('a reject needs a comment, ends the review with no change, and a second decision on the same step gets 409', async () => {
    const t = await trainee('孙待定', '2026-09-25');
    const created = (await (await api.request('POST', '/api/v1/probation-reviews', { token: tokens.supA, body: { employeeId: t.employee.id, kind: 'early' } })).json()) as Review;
    const task = await until(async () => {
      const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: tokens.supA })).json()) as { items: (Task & { requestId: string })[] };
      return page.items.find((x) => x.requestId === created.id);
    }, 'the supervisor task');
    const noComment = await api.request('POST', `/api/v1/approvals/${task.id}/decision`, { token: tokens.supA, body: { decision: 'reject' } });
    expect(noComment.status).toBe(422);
    expect(await noComment.json()).toMatchObject({ code: 'APPROVAL.COMMENT_REQUIRED', errors: [{ path: 'comment' }] });
    const [a, b] = await Promise.all([
      api.request('POST', `/api/v1/approvals/${task.id}/decision`, { token: tokens.supA, body: { decision: 'reject', comment: '需要更多观察' } }),
      api.request('POST', `/api/v1/approvals/${task.id}/decision`, { token: tokens.supA, body: { decision: 'reject', comment: '重复点击' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(await loser.json()).toMatchObject({ code: 'APPROVAL.ALREADY_DECIDED' });
    const ended = await until(async () => {
      const r = await review(created.id);
      return r.status === 'rejected' ? r : undefined;
    }, 'the rejection');
    expect(ended.steps).toHaveLength(1);
    const employee = (await (await api.request('GET', `/api/v1/employees/${t.employee.id}`, { token: org.hr })).json()) as Employee;
    expect(employee.status).toBe('probation');
  }, 60_000);

  it('an early application before one month of service is refused with the rule named (§3)', async () => {
    const t = await trainee('周太早', '2026-10-10');
    const res = await api.request('POST', '/api/v1/probation-reviews', { token: t.token, body: { employeeId: t.employee.id, kind: 'early' } });
    expect(res.status).toBe(422);
    const p = (await res.json()) as { code: string; detail: string };
    expect(p.code).toBe('PROBATION.TOO_EARLY');
    expect(p.detail).toContain('§3');
  });
});
