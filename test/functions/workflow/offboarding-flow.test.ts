import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEmployee } from '../../../functions/storage/employees.js';
import { jobNamed } from '../../../functions/workflow/jobs.js';
import { TEST_PASSWORD, testApi, type TestApi } from '../../support/api.js';
import { decisionLinks, until, waitForMail } from '../../support/mail.js';
import { buildOrg, createEmployee, type TestOrg } from '../../support/org.js';

/**
 * Leaving the company (POLICIES.md §9; seed 001 六; #15) on the real engines and the test's
 * clock: a resignation's notice (1 month; 3 days in probation), its chain (supervisor → CS
 * manager → HR) deciding by API and emailed link, the offboarding it opens, the handover signed
 * by its receivers, the inventory, the reminder before the last day, the last day's work
 * (terminated, account disabled, people moved, HR told), the final-pay date (the 15th of the
 * month after the last signature) moving with a late signature, and HR closing the record.
 */
let api: TestApi;
let org: TestOrg;
const emails = { supA: 'off.supa@example.com', manager: 'off.mgr@example.com', hr: 'off.hr@example.com', agent: 'off.agent@example.com' };
const tokens: Record<string, string> = {};

interface Resignation { id: string; status: string; noticeDays: number; earliestLastDay: string; shortenedNotice: boolean; lastDay: string; lastDayMovedFrom: string | null; onProbation: boolean; onBehalf: { byName: string } | null; chain: { key: string }[]; offboardingId: string | null; can?: { withdraw: boolean } }
interface Offboarding {
  id: string; employeeId: string; reason: string; lastDay: string; finalPayDate: string; finalPayDateFixed: boolean; status: string; amountOwed: number; leftAt: string | null;
  handover: { id: string; source: string; description: string; refId: string | null; receiverEmployeeId: string | null; receivedAt: string | null }[];
  inventory: { id: string; item: string; returned: boolean | null; amount: number }[];
  can: { receive: string[]; close: boolean; closeBlockers: { field: string; code: string }[] };
}
interface Task { id: string; requestId: string; stepKey: string }

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  tokens.supA = await api.signIn(['supervisor'], org.supA.id, emails.supA);
  tokens.manager = await api.signIn(['cs_manager'], org.csManager.id, emails.manager);
  tokens.hr = await api.signIn(['hr'], null, emails.hr);
  tokens.agent = await api.signIn(['agent'], org.agentA1.id, emails.agent);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

const resign = (token: string, body: Record<string, unknown>) => api.request('POST', '/api/v1/resignations', { token, body });
const readResignation = async (id: string, token = tokens.hr!) => (await (await api.request('GET', `/api/v1/resignations/${id}`, { token })).json()) as Resignation;
const readOffboarding = async (id: string, token = tokens.hr!) => (await (await api.request('GET', `/api/v1/offboardings/${id}`, { token })).json()) as Offboarding;
async function pending(who: string, requestId: string, stepKey: string): Promise<Task> {
  return until(async () => {
    const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: tokens[who] })).json()) as { items: Task[] };
    return page.items.find((t) => t.requestId === requestId && t.stepKey === stepKey);
  }, `${who}'s task at ${stepKey}`);
}
const approve = (who: string, taskId: string) => api.request('POST', `/api/v1/approvals/${taskId}/decision`, { token: tokens[who], body: { decision: 'approve', comment: '同意' } });
const runDays = async () => (await jobNamed('offboardingDays')!.run(api.workflow)) as { reminded: string[]; left: string[] };
/** The company clock to 00:30 (Asia/Shanghai) of a day: after that night's 00:15 run. */
const setDay = (day: string) => { api.clock.now = new Date(`${day}T00:30:00+08:00`); };

/** Signs everyone in again (after the clock moved past their sessions' lifetime). */
async function signInAll(): Promise<void> {
  const login = async (email: string) => {
    const res = await api.request('POST', '/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } });
    if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status}`);
    return ((await res.json()) as { token: string }).token;
  };
  tokens.supA = await login(emails.supA);
  tokens.manager = await login(emails.manager);
  tokens.hr = await login(emails.hr);
  tokens.agent = await login(emails.agent);
  if (tokens.lead && leadId) tokens.lead = await login('off.lead.user@example.com');
}
let leadId = '';

async function throughChain(id: string): Promise<Resignation> {
  expect((await approve('supA', (await pending('supA', id, 'supervisor')).id)).status).toBe(200);
  expect((await approve('manager', (await pending('manager', id, 'cs_manager')).id)).status).toBe(200);
  expect((await approve('hr', (await pending('hr', id, 'hr')).id)).status).toBe(200);
  return until(async () => {
    const r = await readResignation(id);
    return r.status === 'approved' ? r : undefined;
  }, 'the approval');
}

describe('resignation (辞职申请, POLICIES.md §9; 001 六(一))', () => {
  it('refuses bad input with a 4xx naming the field, and writes nothing', async () => {
    const before = ((await (await api.request('GET', '/api/v1/resignations?limit=100', { token: tokens.hr })).json()) as { items: unknown[] }).items.length;
    const cases: [string, string, Record<string, unknown>, number, string][] = [
      ['a last day before today', tokens.agent!, { employeeId: org.agentA1.id, reason: '个人发展', lastDay: '2026-11-01' }, 400, 'lastDay'],
      ['a last day that is not a date', tokens.agent!, { employeeId: org.agentA1.id, reason: '个人发展', lastDay: '2026-13-01' }, 400, 'lastDay'],
      ['no reason', tokens.agent!, { employeeId: org.agentA1.id, reason: '  ', lastDay: '2026-12-31' }, 400, 'reason'],
      ['an agent resigning for someone else', tokens.agent!, { employeeId: org.agentA2.id, reason: '代人辞职', lastDay: '2026-12-31' }, 403, 'employeeId'],
      ['a supervisor resigning for their report', tokens.supA!, { employeeId: org.agentA1.id, reason: '代人辞职', lastDay: '2026-12-31' }, 403, 'employeeId'],
      ['HR naming nobody', tokens.hr!, { employeeId: 'no-such-employee', reason: '个人发展', lastDay: '2026-12-31' }, 400, 'employeeId'],
    ];
    for (const [what, token, body, status, field] of cases) {
      const res = await resign(token, body);
      expect(res.status, what).toBe(status);
      expect(res.headers.get('content-type'), what).toContain('application/problem+json');
      const problem = (await res.json()) as { field?: string; errors?: { path: string }[] };
      expect([problem.field, ...(problem.errors ?? []).map((e) => e.path)], what).toContain(field);
    }
    const after = ((await (await api.request('GET', '/api/v1/resignations?limit=100', { token: tokens.hr })).json()) as { items: unknown[] }).items.length;
    expect(after).toBe(before);
  });

  it('the notice is one month (001 六(一)): handed in on 11-02 the earliest last day is 12-02; a day earlier is a shortened notice; a second open one is refused', async () => {
    const atNotice = await resign(tokens.agent!, { employeeId: org.agentA1.id, reason: '个人发展', lastDay: '2026-12-02' });
    expect(atNotice.status, await atNotice.clone().text()).toBe(201);
    const r = (await atNotice.json()) as Resignation;
    expect(r).toMatchObject({ status: 'pending_approval', noticeDays: 30, earliestLastDay: '2026-12-02', shortenedNotice: false, onProbation: false, onBehalf: null });
    expect(r.chain.map((s) => s.key)).toEqual(['supervisor', 'cs_manager', 'hr']);
    // One open resignation per employee.
    const second = await resign(tokens.agent!, { employeeId: org.agentA1.id, reason: '再交一份', lastDay: '2026-12-20' });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ code: 'RESIGNATION.ALREADY_OPEN', errors: [{ path: 'employeeId' }] });
    // The employee withdraws it before approval; then a new one, a day short of the notice, is accepted as shortened.
    expect((await readResignation(r.id, tokens.agent!)).can?.withdraw).toBe(true);
    expect((await api.request('POST', `/api/v1/requests/resignation/${r.id}/withdraw`, { token: tokens.agent, body: {} })).status).toBe(200);
    expect((await readResignation(r.id)).status).toBe('withdrawn');
    const short = await resign(tokens.agent!, { employeeId: org.agentA1.id, reason: '家庭原因', lastDay: '2026-12-01' });
    expect(short.status, await short.clone().text()).toBe(201);
    const s = (await short.json()) as Resignation;
    expect(s).toMatchObject({ earliestLastDay: '2026-12-02', shortenedNotice: true });
    expect((await api.request('POST', `/api/v1/requests/resignation/${s.id}/withdraw`, { token: tokens.agent, body: {} })).status).toBe(200);
  }, 60_000);

  it('in probation the notice is 3 days (§9): 11-05 is not shortened, 11-04 is; HR may hand it in on the employee’s behalf', async () => {
    const trainee = await createEmployee(api, org.hr, { name: '钱试用', level: 'trainee', hireDate: '2026-10-10', superiorId: org.leadA.id, teamId: org.units.center });
    expect(trainee.status).toBe('probation');
    const res = await resign(tokens.hr!, { employeeId: trainee.id, reason: '不适应倒班', lastDay: '2026-11-05' });
    expect(res.status, await res.clone().text()).toBe(201);
    const r = (await res.json()) as Resignation;
    expect(r).toMatchObject({ onProbation: true, noticeDays: 3, earliestLastDay: '2026-11-05', shortenedNotice: false });
    expect(r.onBehalf?.byName).toBeTruthy();
    expect((await api.request('POST', `/api/v1/requests/resignation/${r.id}/withdraw`, { token: tokens.hr, body: {} })).status).toBe(200);
    const earlier = (await (await resign(tokens.hr!, { employeeId: trainee.id, reason: '不适应倒班', lastDay: '2026-11-04' })).json()) as Resignation;
    expect(earlier.shortenedNotice).toBe(true);
    expect((await api.request('POST', `/api/v1/requests/resignation/${earlier.id}/withdraw`, { token: tokens.hr, body: {} })).status).toBe(200);
  }, 60_000);
});

describe('offboarding (离职办理, 001 六(二)(三)(四))', () => {
  it('approved by API and by emailed link, it opens the offboarding; receivers sign, the inventory is checked, the last day terminates and disables, and the pay date follows the last signature', async () => {
    // A team lead with two people reporting to them resigns, a month ahead.
    const lead = await createEmployee(api, org.hr, { name: '冯组长', post: 'team_lead', level: 'senior', superiorId: org.supA.id, teamId: org.units.center, email: 'off.lead@example.com' });
    const r1 = await createEmployee(api, org.hr, { name: '陈下属', level: 'junior', superiorId: lead.id, teamId: org.units.center });
    const r2 = await createEmployee(api, org.hr, { name: '褚下属', level: 'junior', superiorId: lead.id, teamId: org.units.center });
    leadId = lead.id;
    tokens.lead = await api.signIn(['team_lead'], lead.id, 'off.lead.user@example.com');
    const res = await resign(tokens.lead!, { employeeId: lead.id, reason: '回老家发展', lastDay: '2026-12-02' });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = (await res.json()) as Resignation;

    // Supervisor and CS manager by API; HR from the emailed link.
    expect((await approve('supA', (await pending('supA', created.id, 'supervisor')).id)).status).toBe(200);
    expect((await approve('manager', (await pending('manager', created.id, 'cs_manager')).id)).status).toBe(200);
    const mail = await waitForMail(api.mail!, emails.hr, /辞职申请：冯组长/);
    const link = new URL(decisionLinks(mail).approve).pathname;
    const form = new URLSearchParams({ token: link.slice(3), decision: 'approve', comment: '同意' });
    expect((await api.request('POST', link, { body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(200);
    const approved = await until(async () => {
      const r = await readResignation(created.id);
      return r.status === 'approved' ? r : undefined;
    }, 'the approval');
    expect(approved.offboardingId).toBeTruthy();
    await waitForMail(api.mail!, 'off.lead.user@example.com', /辞职申请：冯组长.*已通过/);

    const opened = await readOffboarding(approved.offboardingId!);
    expect(opened).toMatchObject({ employeeId: lead.id, reason: 'resignation', lastDay: '2026-12-02', status: 'open', leftAt: null });
    // Until everything is signed, the pay date is the earliest it can be: the 15th of the month after the last day.
    expect(opened).toMatchObject({ finalPayDate: '2027-01-15', finalPayDateFixed: false });
    const reports = opened.handover.filter((h) => h.source === 'report');
    expect(reports.map((h) => h.refId).sort()).toEqual([r1.id, r2.id].sort());
    expect(reports.every((h) => h.receiverEmployeeId === org.supA.id)).toBe(true);
    // Their own resignation is not work to hand over; nothing else is open for them.
    expect(opened.handover.map((h) => h.source)).toEqual(['report', 'report']);
    expect(opened.inventory.map((i) => i.item)).toContain('耳麦');
    // The leaver's line and HR are told.
    await waitForMail(api.mail!, emails.supA, /【离职办理】冯组长/);
    // Only the receiver signs an item: the leaver's report cannot sign their own move.
    const report1 = reports.find((h) => h.refId === r1.id)!;
    const report2 = reports.find((h) => h.refId === r2.id)!;
    const notMine = await api.request('POST', `/api/v1/offboardings/${opened.id}/handover/${report1.id}/receive`, { token: tokens.agent });
    expect([403, 404]).toContain(notMine.status);
    // The supervisor signs for one report before the last day: that person now reports to them.
    const signed = await api.request('POST', `/api/v1/offboardings/${opened.id}/handover/${report1.id}/receive`, { token: tokens.supA });
    expect(signed.status, await signed.clone().text()).toBe(200);
    expect((await getEmployee(api.store, r1.id))?.superiorId).toBe(org.supA.id);
    const twice = await api.request('POST', `/api/v1/offboardings/${opened.id}/handover/${report1.id}/receive`, { token: tokens.supA });
    expect(twice.status).toBe(409);

    // 盘点: a returned item owes nothing (an amount with it is refused); the headset is missing at the policy's amount.
    const check = (itemId: string, body: Record<string, unknown>, token = tokens.hr) => api.request('POST', `/api/v1/offboardings/${opened.id}/inventory/${itemId}`, { token, body });
    expect((await check('badge', { returned: true, amount: 5 })).status).toBe(400);
    expect((await check('badge', { returned: true }, tokens.lead)).status).toBe(403);
    for (const item of opened.inventory.filter((i) => i.id !== 'headset')) expect((await check(item.id, { returned: true })).status).toBe(200);
    const missing = (await (await check('headset', { returned: false })).json()) as Offboarding;
    expect(missing.amountOwed).toBe(150);

    // Three days before the last day (policy reminderDaysBefore), the owner of what is unsigned is reminded, once.
    setDay('2026-11-28');
    expect((await runDays()).reminded).not.toContain(opened.id);
    setDay('2026-11-29');
    expect((await runDays()).reminded).toContain(opened.id);
    const reminder = await waitForMail(api.mail!, emails.supA, /冯组长 将于/);
    expect(reminder.text).toContain('褚下属');
    expect((await runDays()).reminded).not.toContain(opened.id);

    // The last day itself: still at work. The night after it, the day's work runs.
    setDay('2026-12-02');
    expect((await runDays()).left).not.toContain(opened.id);
    // Sessions do not outlive the month the clock moved: everyone signs in again.
    await signInAll();
    expect((await api.request('GET', '/api/v1/users/me', { token: tokens.lead })).status).toBe(200);
    setDay('2026-12-03');
    expect((await runDays()).left).toContain(opened.id);
    expect((await getEmployee(api.store, lead.id))?.status).toBe('terminated');
    expect((await api.request('GET', '/api/v1/users/me', { token: tokens.lead })).status).toBe(401);
    // The report nobody signed for is not stranded: they move to the leaver's superior, and HR is told.
    expect((await getEmployee(api.store, r2.id))?.superiorId).toBe(org.supA.id);
    const told = await waitForMail(api.mail!, emails.hr, /冯组长 已离职/);
    expect(told.text).toContain('褚下属');
    expect((await runDays()).left).not.toContain(opened.id);
    leadId = '';
    await signInAll();
    // Turnover on the dashboard: counted once, in the month of the last day, by reason.
    const dashboard = (await (await api.request('GET', '/api/v1/dashboard', { token: tokens.hr })).json()) as { turnover: { month: string; resignation: number; total: number; ratePercent: number | null }[] };
    expect(dashboard.turnover.find((m) => m.month === '2026-12')).toMatchObject({ resignation: 1, total: 1 });
    expect(dashboard.turnover.find((m) => m.month === '2026-12')!.ratePercent).toBeGreaterThan(0);

    // HR cannot close while an item is unsigned and the exit form is empty.
    const early = await api.request('POST', `/api/v1/offboardings/${opened.id}/close`, { token: tokens.hr });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'OFFBOARDING.HANDOVER_UNSIGNED', errors: [{ path: 'handover' }] });

    // The last signature comes late, on 2027-01-02: the pay date moves from 01-15 to 02-15 (the 15th of the month after it).
    setDay('2027-01-02');
    await signInAll();
    const late = await api.request('POST', `/api/v1/offboardings/${opened.id}/handover/${report2.id}/receive`, { token: tokens.supA });
    expect(late.status, await late.clone().text()).toBe(200);
    expect(await late.json()).toMatchObject({ finalPayDate: '2027-02-15', finalPayDateFixed: true });

    const noForm = await api.request('POST', `/api/v1/offboardings/${opened.id}/close`, { token: tokens.hr });
    expect(await noForm.json()).toMatchObject({ code: 'OFFBOARDING.EXIT_FORM_INCOMPLETE', errors: [{ path: 'exitForm' }] });
    expect((await api.request('PUT', `/api/v1/offboardings/${opened.id}/exit-form`, { token: tokens.hr, body: { reasonCategory: 'astrology', rehireEligible: true } })).status).toBe(422);
    expect((await api.request('PUT', `/api/v1/offboardings/${opened.id}/exit-form`, { token: tokens.supA, body: { reasonCategory: 'family', rehireEligible: true } })).status).toBe(403);
    expect((await api.request('PUT', `/api/v1/offboardings/${opened.id}/exit-form`, { token: tokens.hr, body: { reasonCategory: 'family', interviewNotes: '家中老人需照顾', rehireEligible: true } })).status).toBe(200);
    const closed = await api.request('POST', `/api/v1/offboardings/${opened.id}/close`, { token: tokens.hr });
    expect(closed.status, await closed.clone().text()).toBe(200);
    expect(await closed.json()).toMatchObject({ status: 'completed', finalPayDate: '2027-02-15' });
    // The employee's file keeps the record; the supervisor reads it without HR's exit interview notes.
    const onFile = (await (await api.request('GET', `/api/v1/offboardings?employeeId=${lead.id}`, { token: tokens.supA })).json()) as { items: (Offboarding & { exitForm: unknown })[] };
    expect(onFile.items).toHaveLength(1);
    expect(onFile.items[0]!.exitForm).toBeNull();
    // Someone outside the leaver's line does not see it.
    expect((await api.request('GET', `/api/v1/offboardings/${opened.id}`, { token: tokens.agent })).status).toBe(404);
  }, 120_000);

  it('the only administrator may resign: the handover says someone else must be made administrator, and on the last day the account still closes and HR is told how to make one', async () => {
    await signInAll();
    const admin = await createEmployee(api, tokens.hr!, { name: '蒋管理', level: 'senior', superiorId: org.supA.id, teamId: org.units.center });
    const adminToken = await api.signIn(['admin'], admin.id, 'off.admin@example.com');
    const today = new Date(api.clock.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const created = (await (await resign(adminToken, { employeeId: admin.id, reason: '另谋高就', lastDay: today })).json()) as Resignation;
    expect(created.shortenedNotice).toBe(true);
    const done = await throughChain(created.id);
    const opened = await readOffboarding(done.offboardingId!);
    expect(opened.handover.filter((h) => h.source === 'account')).toHaveLength(1);
    setDay(new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
    expect((await runDays()).left).toContain(opened.id);
    expect((await api.request('GET', '/api/v1/users/me', { token: adminToken })).status).toBe(401);
    const told = await waitForMail(api.mail!, emails.hr, /蒋管理 已离职/);
    expect(told.text).toContain('npm run admin:create');
  }, 90_000);

  it('approved after the wished last day has passed, the last day becomes the day of approval (the account is not closed behind the chain’s back)', async () => {
    await signInAll();
    const agent = await createEmployee(api, tokens.hr!, { name: '卫迟批', level: 'junior', superiorId: org.leadA.id, teamId: org.units.center });
    tokens.late = await api.signIn(['agent'], agent.id, 'off.late@example.com');
    const today = new Date(api.clock.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const created = (await (await resign(tokens.late!, { employeeId: agent.id, reason: '另有安排', lastDay: today })).json()) as Resignation;
    // The chain takes three days; nothing happens to the employee meanwhile.
    await api.clock.advance(3 * 86_400_000);
    await signInAll();
    expect((await runDays()).left).toEqual([]);
    expect((await getEmployee(api.store, agent.id))?.status).toBe('regular');
    const done = await throughChain(created.id);
    const approvedOn = new Date(api.clock.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(done).toMatchObject({ lastDay: approvedOn, lastDayMovedFrom: today });
    expect((await readOffboarding(done.offboardingId!)).lastDay).toBe(approvedOn);
  }, 90_000);
});
