import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRequest } from '../../../functions/storage/requests.js';
import { getTask } from '../../../functions/storage/approvals.js';
import { decisionLinks as signLinks } from '../../../functions/workflow/notify.js';
import { testApi, TEST_PASSWORD, type TestApi } from '../../support/api.js';
import { DRILL, drillKind, startDrill, type DrillRequest } from '../../support/drill-kind.js';
import { decisionLinks, inbox as mailsTo, until, waitForMail } from '../../support/mail.js';
import { buildOrg, createEmployee, type Employee, type TestOrg } from '../../support/org.js';

/**
 * The engine with a kind that is not probation (test/support/drill-kind.ts): a person's
 * decision with typed fields, a step the subject takes with a deadline, a wait until a time,
 * and a signed-in-only step — driven through the API, the emailed links and the test clock,
 * with return, transfer and withdraw, and nothing in the generic routes written for it.
 */
let api: TestApi;
let org: TestOrg;
let subject: Employee;
const emails = { requester: 'drill.req@example.com', sup: 'drill.sup@example.com', manager: 'drill.mgr@example.com', subject: 'drill.subject@example.com', hr: 'drill.hr@example.com' };
const users: Record<keyof typeof emails, { id: string; token: string }> = {} as never;

beforeAll(async () => {
  api = await testApi({ workflows: true, kinds: [drillKind] });
  org = await buildOrg(api);
  subject = await createEmployee(api, org.hr, { name: '程演练', level: 'junior', hireDate: '2026-06-01', superiorId: org.supA.id, teamId: org.units.center });
  const who: Record<keyof typeof emails, [string, string | null]> = {
    requester: ['hr', null], sup: ['supervisor', org.supA.id], manager: ['cs_manager', org.csManager.id], subject: ['agent', subject.id], hr: ['hr', null],
  };
  for (const [key, [role, employeeId]] of Object.entries(who) as [keyof typeof emails, [string, string | null]][]) {
    const token = await api.signIn([role as never], employeeId, emails[key]);
    const me = (await (await api.request('GET', '/api/v1/users/me', { token })).json()) as { id: string };
    users[key] = { id: me.id, token };
  }
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

interface Task { id: string; requestId: string; stepKey: string; status: string }
interface Detail extends Task { summary: [string, string][]; chain: { key: string; label: string }[]; fields: { name: string; path: string; type: string; required: boolean; min?: number; max?: number }[]; step: { type: string; verbs: string[]; subjectActs: boolean; signedInOnly: boolean; deadlineHours?: number } }

/** Sessions last hours: after the clock moved by days, people sign in again. */
async function fresh(key: keyof typeof emails): Promise<string> {
  const res = await api.request('POST', '/api/v1/auth/login', { body: { email: emails[key], password: TEST_PASSWORD } });
  users[key].token = ((await res.json()) as { token: string }).token;
  return users[key].token;
}

async function pending(key: keyof typeof emails, requestId: string, stepKey: string): Promise<Task | undefined> {
  const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: users[key].token })).json()) as { items: Task[] };
  return page.items.find((t) => t.requestId === requestId && t.stepKey === stepKey);
}

const record = async (id: string) => (await getRequest<DrillRequest>(api.store, DRILL, id))!;
const post = (key: keyof typeof emails, path: string, body: unknown) => api.request('POST', path, { token: users[key].token, body });
const form = (values: Record<string, string>) => ({ body: new URLSearchParams(values).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const path = (url: string) => new URL(url).pathname;

describe('a request kind that is not probation runs every step type', () => {
  it('a person’s step: the API describes its fields; bad values get the same 400 from the API and the emailed form; return and transfer work', async () => {
    const drill = await startDrill(api.workflow, { id: users.requester.id, name: 'HR' }, { id: subject.id, name: subject.name });
    const task = await until(() => pending('sup', drill.id, 'review'), 'the supervisor’s task');
    const detail = (await (await api.request('GET', `/api/v1/approvals/${task.id}`, { token: users.sup.token })).json()) as Detail;
    expect(detail.step).toEqual({ type: 'decision', verbs: ['return', 'addApprovers', 'transfer'], subjectActs: false, signedInOnly: false });
    expect(detail.fields.map((f) => [f.path, f.type, f.required])).toEqual([['note', 'text', true], ['days', 'integer', false]]);
    // What the request is about, and its steps' labels, come with the task: no kind-specific read.
    expect(detail.summary).toEqual([['员工', '程演练']]);
    expect(detail.chain.map((s) => s.key)).toEqual(['requester', 'review', 'acknowledge', 'coolOff', 'confirm']);
    expect(detail.chain.find((s) => s.key === 'acknowledge')?.label).toBe('本人签收');

    // Bad input: named, 400, nothing decided — the API ...
    for (const [body, field] of [
      [{ note: '好', days: 2.5 }, 'days'],
      [{ note: '好', days: -1 }, 'days'],
      [{ note: '好', days: 'NaN' }, 'days'],
      [{ note: '好', days: 1e308 }, 'days'],
      [{ days: 2 }, 'note'],
      [{ note: '好', bogus: 1 }, 'bogus'],
    ] as [Record<string, unknown>, string][]) {
      const res = await post('sup', `/api/v1/approvals/${task.id}/decision`, { decision: 'approve', ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path), JSON.stringify(body)).toContain(field);
    }
    // ... and the emailed form, with the same schema.
    const mail = await waitForMail(api.mail!, emails.sup, /演练：程演练/);
    const links = decisionLinks(mail);
    const page = await api.request('GET', path(links.approve));
    expect(await page.text()).toMatch(/<textarea[^>]*name="note"[^>]*required/);
    const token = path(links.approve).slice(3);
    const bad = await api.app.request(path(links.approve), { method: 'POST', ...form({ token, decision: 'approve', note: '好', days: '2.5' }) });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('天数');
    expect((await getTask(api.store, task.id))?.status).toBe('pending');

    // 退回 to the requester, who resubmits; the step is asked again as a new round.
    expect((await post('sup', `/api/v1/approvals/${task.id}/return`, { toStep: 'requester', comment: '请补充' })).status).toBe(200);
    const resubmit = await until(() => pending('requester', drill.id, 'requester'), 'the requester’s resubmission');
    expect((await post('requester', `/api/v1/approvals/${resubmit.id}/decision`, { decision: 'approve' })).status).toBe(200);
    const again = await until(() => pending('sup', drill.id, 'review'), 'the review asked again');
    expect(again.id).not.toBe(task.id);

    // 转交 to the CS manager, who approves from the emailed link with the fields.
    expect((await post('sup', `/api/v1/approvals/${again.id}/transfer`, { toUserId: users.manager.id })).status).toBe(200);
    const transferred = await waitForMail(api.mail!, emails.manager, /演练：程演练/);
    const managerLink = decisionLinks(transferred).approve;
    const done = await api.app.request(path(managerLink), { method: 'POST', ...form({ token: path(managerLink).slice(3), decision: 'approve', note: ' 已核实 ', days: '3' }) });
    expect(done.status, await done.clone().text()).toBe(200);
    await until(async () => ((await record(drill.id)).currentStep === 'acknowledge' ? true : undefined), 'the acknowledgement step');
    expect(await record(drill.id)).toMatchObject({ note: '已核实', days: 3 });
  }, 90_000);

  it('the subject’s step: only they act, nobody takes it over; when 3 days pass it takes effect by itself; the wait ends a day later; the signed-in-only step refuses the link', async () => {
    const drill = await startDrill(api.workflow, { id: users.requester.id, name: 'HR' }, { id: subject.id, name: subject.name });
    const review = await until(() => pending('sup', drill.id, 'review'), 'the review');
    expect((await post('sup', `/api/v1/approvals/${review.id}/decision`, { decision: 'approve', note: '属实' })).status).toBe(200);

    const sign = await until(() => pending('subject', drill.id, 'acknowledge'), 'the subject’s task');
    const detail = (await (await api.request('GET', `/api/v1/approvals/${sign.id}`, { token: users.subject.token })).json()) as Detail;
    expect(detail.step).toMatchObject({ type: 'waitForSubject', verbs: [], subjectActs: true, deadlineHours: 72 });
    expect((await post('subject', `/api/v1/approvals/${sign.id}/transfer`, { toUserId: users.sup.id })).status).toBe(409);
    expect((await post('subject', `/api/v1/approvals/${sign.id}/return`, { toStep: 'review', comment: '不服' })).status).toBe(409);
    // Nobody else holds it: the supervisor cannot decide the subject's task.
    expect((await post('sup', `/api/v1/approvals/${sign.id}/decision`, { decision: 'approve' })).status).toBe(404);

    // Nobody acts for 3 days: the step takes effect by itself, decided by the system.
    await api.clock.advance(72 * 3600_000 - 60_000);
    expect((await getTask(api.store, sign.id))?.status).toBe('pending');
    await api.clock.advance(60_000);
    expect((await getTask(api.store, sign.id))).toMatchObject({ status: 'approved', channel: 'system' });
    const cooling = await record(drill.id);
    expect(cooling.currentStep).toBe('coolOff');
    expect(Date.parse(cooling.coolOffUntil!)).toBe(api.clock.now.getTime() + 86_400_000);

    // A day later the wait ends and HR is asked — signed in only.
    await api.clock.advance(86_400_000 - 1000);
    expect((await record(drill.id)).currentStep).toBe('coolOff');
    await api.clock.advance(1000);
    await fresh('hr');
    const confirm = await until(() => pending('hr', drill.id, 'confirm'), 'HR’s confirmation');
    const hrMail = await waitForMail(api.mail!, emails.hr, /演练：程演练/);
    expect(hrMail.text).not.toMatch(/\/a\//);
    expect(hrMail.text).toContain('须登录系统后处理');
    // A link signed for the task (as a leaked or older mail would carry) is refused, naming the console.
    const link = signLinks(api.workflow, (await getTask(api.store, confirm.id))!).approveUrl;
    const get = await api.request('GET', path(link));
    expect(get.status).toBe(403);
    const getText = await get.text();
    expect(getText).toContain('请登录系统处理');
    expect(getText).toContain(`/#/approvals/${confirm.id}/show`);
    const postLink = await api.app.request(path(link), { method: 'POST', ...form({ token: path(link).slice(3), decision: 'approve' }) });
    expect(postLink.status).toBe(403);
    expect((await getTask(api.store, confirm.id))?.status).toBe('pending');
    // Signed in, HR decides; the request is done.
    expect((await post('hr', `/api/v1/approvals/${confirm.id}/decision`, { decision: 'approve' })).status).toBe(200);
    await until(async () => ((await record(drill.id)).status === 'done' ? true : undefined), 'the drill to finish');
  }, 90_000);

  it('the subject refuses: the chain ends rejected; a request withdrawn while the subject is asked cancels their task', async () => {
    await fresh('sup');
    await fresh('subject');
    await fresh('requester');
    const refused = await startDrill(api.workflow, { id: users.requester.id, name: 'HR' }, { id: subject.id, name: subject.name });
    const r1 = await until(() => pending('sup', refused.id, 'review'), 'the review');
    expect((await post('sup', `/api/v1/approvals/${r1.id}/decision`, { decision: 'approve', note: '属实' })).status).toBe(200);
    const sign = await until(() => pending('subject', refused.id, 'acknowledge'), 'the subject’s task');
    expect((await post('subject', `/api/v1/approvals/${sign.id}/decision`, { decision: 'reject', comment: '事实不符' })).status).toBe(200);
    await until(async () => ((await record(refused.id)).status === 'rejected' ? true : undefined), 'the rejection');

    const withdrawn = await startDrill(api.workflow, { id: users.requester.id, name: 'HR' }, { id: subject.id, name: subject.name });
    const r2 = await until(() => pending('sup', withdrawn.id, 'review'), 'the review');
    expect((await post('sup', `/api/v1/approvals/${r2.id}/decision`, { decision: 'approve', note: '属实' })).status).toBe(200);
    const sign2 = await until(() => pending('subject', withdrawn.id, 'acknowledge'), 'the subject’s task');
    // Withdraw goes through the generic route, which takes its kinds from the registry.
    expect((await post('requester', `/api/v1/requests/${DRILL}/${withdrawn.id}/withdraw`, undefined)).status).toBe(200);
    expect((await getTask(api.store, sign2.id))?.status).toBe('cancelled');
    expect((await record(withdrawn.id)).status).toBe('withdrawn');
    expect((await post('requester', `/api/v1/requests/nosuchkind/${withdrawn.id}/withdraw`, undefined)).status).toBe(400);
    expect((await mailsTo(api.mail!, emails.subject)).length).toBeGreaterThan(0);
  }, 90_000);
});
