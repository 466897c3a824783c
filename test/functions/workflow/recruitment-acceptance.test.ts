import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, companyToday } from '../../../functions/domain/people/dates.js';
import { TEST_PASSWORD, testApi, type TestApi } from '../../support/api.js';
import { decisionLinks, until, waitForMail } from '../../support/mail.js';
import { buildOrg, type TestOrg } from '../../support/org.js';

/**
 * #14's "Done when", as one story on the real engines, every step's mail read from the catcher:
 * a supervisor raises a requisition; the CS manager approves from the mail, HR and the GM through
 * the API; HR adds candidates (a repeated phone is flagged); two rounds are scored; the GM decides;
 * the candidate accepts from the letter's link; the hire reports, sets their password from the
 * invitation and ends on probation with every checklist item done; a second offer lapses when the
 * clock moves 11 days, its head reopens and HR is told (POLICIES.md §2).
 */
let api: TestApi;
let org: TestOrg;
const who = { sup: 'acc.sup@example.com', mgr: 'acc.mgr@example.com', hr: 'acc.hr@example.com', gm: 'acc.gm@example.com' };
type Who = keyof typeof who;
const tokens = {} as Record<Who, string>;

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  const links: Record<Who, [string, string | null]> = { sup: ['supervisor', org.supA.id], mgr: ['cs_manager', org.csManager.id], hr: ['hr', null], gm: ['gm', org.gm.id] };
  for (const [key, [role, employeeId]] of Object.entries(links) as [Who, [string, string | null]][]) tokens[key] = await api.signIn([role as never], employeeId, who[key]);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

const as = async (key: Who | string, method: string, path: string, body?: unknown) => {
  const res = await api.request(method, path, { token: key in tokens ? tokens[key as Who] : key, ...(body === undefined ? {} : { body }) });
  const json = res.status === 204 ? null : await res.json();
  return { status: res.status, json: json as Record<string, unknown> & { items?: Record<string, unknown>[] } };
};
const ok = async (key: Who | string, method: string, path: string, body?: unknown) => {
  const r = await as(key, method, path, body);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.json)}`).toBeLessThan(300);
  return r.json;
};
async function task(key: Who, requestId: string, stepKey: string): Promise<string> {
  return until(async () => (await ok(key, 'GET', '/api/v1/approvals?status=pending&limit=100')).items!.find((t) => t.requestId === requestId && t.stepKey === stepKey)?.id as string | undefined, `${key} at ${stepKey}`);
}
const decide = async (key: Who, requestId: string, stepKey: string, body: Record<string, unknown>) => ok(key, 'POST', `/api/v1/approvals/${await task(key, requestId, stepKey)}/decision`, body);
const form = (url: string, body: string) => api.request('POST', new URL(url).pathname, { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('#14 Done when: from 人才增补单 to a hire on probation, and an offer that lapses', () => {
  it('runs the whole story through mail, API and the controllable clock', async () => {
    const today = companyToday(api.clock.now);

    // 1. The supervisor asks for two heads; the CS manager approves from the mail, HR and the GM by API.
    const req = await ok('sup', 'POST', '/api/v1/requisitions', { post: 'agent', teamId: org.units.center, headcount: 2, reason: '话务量增长', requirements: '普通话标准', level: 'trainee', wantedBy: addDays(today, 30) });
    const ask = await waitForMail(api.mail!, who.mgr, /人才增补/);
    const { approve } = decisionLinks(ask);
    expect((await api.request('GET', new URL(approve).pathname)).status).toBe(200);
    expect((await form(approve, `comment=${encodeURIComponent('同意（邮件）')}`)).status).toBe(200);
    await decide('hr', req.id as string, 'hr', { decision: 'approve', comment: '同意' });
    await decide('gm', req.id as string, 'gm', { decision: 'approve', comment: '同意' });
    const opening = await until(async () => (await ok('hr', 'GET', `/api/v1/openings?requisitionId=${req.id}`)).items!.find((o) => o.status === 'open'), 'the opening');
    await waitForMail(api.mail!, who.sup, /已通过|approved/i);

    // 2. HR adds candidates; the same phone again is flagged, never merged.
    const a = await ok('hr', 'POST', '/api/v1/candidates', { openingId: opening.id, name: '林晓', phone: '13800138001', email: 'lin.xiao@example.net', source: 'boss' });
    const b = await ok('hr', 'POST', '/api/v1/candidates', { openingId: opening.id, name: '周宁', phone: '13900139002', email: 'zhou.ning@example.net', source: 'zhaopin' });
    const again = await ok('hr', 'POST', '/api/v1/candidates', { openingId: opening.id, name: '林晓', phone: '+86 138-0013-8001', source: '51job' });
    expect(again.duplicateOf).toEqual([a.id]);

    // 3. Two rounds each, scored; the GM decides.
    const at = (hours: number) => new Date(api.clock.now.getTime() + hours * 3600_000).toISOString();
    for (const c of [a, b]) {
      const r1 = await ok('hr', 'POST', '/api/v1/interviews', { candidateId: c.id, round: 1, at: at(2), place: '3楼会议室', interviewerIds: [org.supA.id] });
      await waitForMail(api.mail!, c.email as string, /面试邀请/);
      await decide('sup', r1.hiringId as string, 'round_1', { decision: 'approve', score: 82, recommendation: 'hire', notes: '表达清楚' });
      await task('hr', r1.hiringId as string, 'schedule_2');
      await ok('hr', 'POST', '/api/v1/interviews', { candidateId: c.id, round: 2, at: at(5), place: '总经理办公室', interviewerIds: [org.csManager.id, org.gm.id] });
      await decide('mgr', r1.hiringId as string, 'round_2', { decision: 'approve', score: 85, recommendation: 'hire' });
      await decide('gm', r1.hiringId as string, 'round_2', { decision: 'approve', score: 90, recommendation: 'hire' });
      await decide('gm', r1.hiringId as string, 'decision', { decision: 'approve', comment: '同意录用' });
      const seen = await until(async () => { const x = await ok('hr', 'GET', `/api/v1/candidates/${c.id}`); return x.stage === 'offer' && x; }, 'the hire approved');
      expect((seen.hiring as { rounds: { average: number }[] }).rounds.map((r) => r.average)).toEqual([82, 87.5]);
    }

    // 4. Offers to both; the first accepts from the letter's link.
    const offerA = await ok('hr', 'POST', '/api/v1/offers', { candidateId: a.id, startDate: today, level: 'trainee', baseSalary: 1800, probationMonths: 3 });
    const offerB = await ok('hr', 'POST', '/api/v1/offers', { candidateId: b.id, startDate: today, level: 'trainee', baseSalary: 1900 });
    expect([offerA.status, offerB.status, offerB.reportBy]).toEqual(['sent', 'sent', addDays(today, 10)]);
    const letter = await waitForMail(api.mail!, 'lin.xiao@example.net', /录用通知书/);
    const link = /https?:\/\/\S+\/a\/offer\/[A-Za-z0-9_.-]+/.exec(letter.text)![0];
    expect((await form(link, 'answer=accept')).status).toBe(200);
    expect((await ok('hr', 'GET', `/api/v1/offers/${offerA.id}`)).status).toBe('accepted');

    // 5. The hire reports: an employee on probation; they set their password from the invitation.
    const reported = await ok('hr', 'POST', `/api/v1/offers/${offerA.id}/report`, { documentsSeen: ['id_card', 'diploma', 'health_check'], mentorId: org.agentA1.id });
    const employee = await ok('hr', 'GET', `/api/v1/employees/${reported.employeeId}`);
    expect(employee).toMatchObject({ status: 'probation', level: 'trainee', hireDate: today });
    const invitation = await waitForMail(api.mail!, 'lin.xiao@example.net', /欢迎入职/);
    const token = /#\/reset-password\/([A-Za-z0-9_-]+)/.exec(invitation.text)![1];
    expect((await as('', 'POST', '/api/v1/auth/password-reset/confirm', { token, newPassword: 'Lin-Xiao-2026!q' })).status).toBe(204);
    const hire = (await ok('', 'POST', '/api/v1/auth/login', { email: 'lin.xiao@example.net', password: 'Lin-Xiao-2026!q' })).token as string;

    // The checklist: the new hire ticks their own item; HR the rest; it ends done.
    const list = (await ok('hr', 'GET', `/api/v1/onboarding-checklists?employeeId=${employee.id}`)).items![0]!;
    const items = list.items as { key: string; owner: string }[];
    for (const item of items) await ok(item.owner === 'new_hire' ? hire : 'hr', 'POST', `/api/v1/onboarding-checklists/${list.id}/items/${item.key}`, { done: true });
    const done = (await ok('hr', 'GET', `/api/v1/onboarding-checklists?employeeId=${employee.id}`)).items![0]!;
    expect(done.status).toBe('done');
    expect((done.items as { done: boolean }[]).every((i) => i.done)).toBe(true);

    // 6. The second offer: 11 days later it has lapsed, its head is free again, HR and the candidate are told.
    await api.clock.advance(11 * 86_400_000);
    tokens.hr = (await ok('', 'POST', '/api/v1/auth/login', { email: who.hr, password: TEST_PASSWORD })).token as string;
    await until(async () => (await ok('hr', 'GET', `/api/v1/offers/${offerB.id}`)).status === 'lapsed', 'the lapse');
    const after = (await ok('hr', 'GET', `/api/v1/openings?requisitionId=${req.id}`)).items![0]!;
    expect(after).toMatchObject({ headcount: 2, filled: 1, held: 0, free: 1, status: 'open' });
    await waitForMail(api.mail!, who.hr, /未按期报到/);
    await waitForMail(api.mail!, 'zhou.ning@example.net', /已失效/);
  }, 240_000);
});
