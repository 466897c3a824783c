import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, companyToday } from '../../../functions/domain/people/dates.js';
import { candidatePut, getCandidate } from '../../../functions/storage/candidates.js';
import { getOpening } from '../../../functions/storage/openings.js';
import { transact } from '../../../functions/storage/transact.js';
import { TEST_PASSWORD, testApi, type TestApi } from '../../support/api.js';
import { inbox, until, waitForMail } from '../../support/mail.js';
import { buildOrg, type TestOrg } from '../../support/org.js';

/**
 * Offers on the real engines (POLICIES.md §2 steps 5–6; seeds 000 第三章, 001 第二篇): the letter
 * with its signed accept/decline link, the GM for a salary outside the ladder, the report window
 * (reportWithinDays: 10) as a durable timer on the controllable clock, the report (报到) making an
 * employee on probation, and the opening's heads under concurrency.
 */
let api: TestApi;
let org: TestOrg;
const who = { supA: 'offer.supa@example.com', hr: 'offer.hr@example.com', manager: 'offer.mgr@example.com', gm: 'offer.gm@example.com' };
const tokens: Record<keyof typeof who, string> = {} as never;

beforeAll(async () => {
  api = await testApi({ workflows: true, log: (l, m, f) => { if (l === 'error') console.error('LOG', m, JSON.stringify(f)); } });
  org = await buildOrg(api);
  const links: Record<keyof typeof who, [string, string | null]> = { supA: ['supervisor', org.supA.id], hr: ['hr', null], manager: ['cs_manager', org.csManager.id], gm: ['gm', org.gm.id] };
  for (const [key, [role, employeeId]] of Object.entries(links) as [keyof typeof who, [string, string | null]][]) {
    tokens[key] = await api.signIn([role as never], employeeId, who[key]);
  }
}, 120_000);

/** Sessions end after SESSION_HOURS: after the clock jumps days ahead, everyone signs in again. */
async function signInAgain() {
  for (const key of Object.keys(who) as (keyof typeof who)[]) {
    const res = await api.request('POST', '/api/v1/auth/login', { body: { email: who[key], password: TEST_PASSWORD } });
    expect(res.status).toBe(200);
    tokens[key] = ((await res.json()) as { token: string }).token;
  }
}

afterAll(async () => {
  await api?.stop();
});

interface Task { id: string; requestId: string; stepKey: string }
interface OfferView { id: string; status: string; reportBy: string; lapseAt: string; outsideLadder: boolean; report: { employeeId: string } | null }
const hr = (method: string, path: string, body?: unknown) => api.request(method, path, { token: tokens.hr, ...(body === undefined ? {} : { body }) });
async function pending(key: keyof typeof who, requestId: string, stepKey: string): Promise<Task> {
  return until(async () => {
    const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: tokens[key] })).json()) as { items: Task[] };
    return page.items.find((t) => t.requestId === requestId && t.stepKey === stepKey);
  }, `${key}'s task at ${stepKey}`);
}
const decide = (key: keyof typeof who, taskId: string, body: Record<string, unknown>) => api.request('POST', `/api/v1/approvals/${taskId}/decision`, { token: tokens[key], body });
const offerOf = async (id: string) => (await (await hr('GET', `/api/v1/offers/${id}`)).json()) as OfferView;
const openingOf = async (id: string) => (await getOpening(api.store, id))!;
const today = () => companyToday(api.clock.now);
let seq = 0;

/** An open opening: a requisition by supervisor A, approved along its chain. */
async function opening(headcount: number): Promise<string> {
  const raised = await api.request('POST', '/api/v1/requisitions', { token: tokens.supA, body: { post: 'agent', teamId: org.units.center, headcount, reason: '业务增长', requirements: '普通话标准', level: 'trainee', wantedBy: addDays(today(), 30) } });
  expect(raised.status, await raised.clone().text()).toBe(201);
  const { id } = (await raised.json()) as { id: string };
  for (const [key, step] of [['manager', 'cs_manager'], ['hr', 'hr'], ['gm', 'gm']] as const) expect((await decide(key, (await pending(key, id, step)).id, { decision: 'approve', comment: '同意' })).status).toBe(200);
  await until(async () => (await getOpening(api.store, id))?.status === 'open', 'the opening');
  return id;
}

/** A candidate of the opening whose hire the GM approved (the hiring flow's end, tested in hiring-flow.test.ts). */
async function approvedCandidate(openingId: string, name: string, stage: 'offer' | 'new' = 'offer'): Promise<{ id: string; email: string }> {
  seq += 1;
  const email = `cand${seq}.${Date.now() % 100000}@example.net`;
  const added = await hr('POST', '/api/v1/candidates', { openingId, name, phone: `139${String(10_000_000 + seq * 7919 + (Date.now() % 1000)).slice(-8)}`, email, source: 'boss' });
  expect(added.status, await added.clone().text()).toBe(201);
  const { id } = (await added.json()) as { id: string };
  if (stage === 'offer') {
    const c = (await getCandidate(api.store, id))!;
    await transact(api.store, [candidatePut(api.store, { ...c, stage: 'offer', version: c.version + 1 }, c)]);
  }
  return { id, email };
}

const offerBody = (candidateId: string, over: Record<string, unknown> = {}) => ({ candidateId, startDate: addDays(today(), 1), level: 'trainee', baseSalary: 1800, probationMonths: 3, ...over });
const path = (url: string) => new URL(url).pathname;
const letterLink = (text: string) => /https?:\/\/\S+\/a\/offer\/[A-Za-z0-9_.-]+/.exec(text)?.[0] ?? '';

describe('offers (POLICIES.md §2 steps 5–6)', () => {
  it('the letter goes by mail; the candidate opens it without an account and accepts once; HR and the requester are told', async () => {
    const openingId = await opening(2);
    const cand = await approvedCandidate(openingId, '白候选');
    const made = await hr('POST', '/api/v1/offers', offerBody(cand.id));
    expect(made.status, await made.clone().text()).toBe(201);
    const offer = (await made.json()) as OfferView;
    // §2: report within 10 days of the start date.
    expect(offer).toMatchObject({ status: 'sent', reportBy: addDays(addDays(today(), 1), 10), outsideLadder: false });
    expect((await openingOf(openingId)).held).toBe(1);

    const letter = await waitForMail(api.mail!, cand.email, /录用通知书/);
    expect(letter.text).toContain('1,800');
    const link = letterLink(letter.text);
    expect(link).not.toBe('');
    // GET shows the letter and changes nothing (mail scanners prefetch links).
    const page = await api.request('GET', path(link));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('接受录用');
    expect((await offerOf(offer.id)).status).toBe('sent');
    // A tampered link does not work.
    expect((await api.request('GET', `${path(link)}x`)).status).toBe(404);

    const accepted = await api.request('POST', path(link), { body: 'answer=accept', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain('您已于');
    expect((await offerOf(offer.id)).status).toBe('accepted');
    // Once: the same link cannot decline it now.
    const again = await api.request('POST', path(link), { body: 'answer=decline', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(again.status).toBe(409);
    expect((await offerOf(offer.id)).status).toBe('accepted');
    await waitForMail(api.mail!, who.hr, /候选人已接受/);
    await waitForMail(api.mail!, who.supA, /候选人已接受/);
  }, 120_000);

  it('§2 reportWithinDays (10): on day 10 after the start date the offer still stands; from day 11 it has lapsed by itself — its head reopens, HR and the requester are told, the candidate politely', async () => {
    const openingId = await opening(1);
    const cand = await approvedCandidate(openingId, '黄候选');
    const startDate = addDays(today(), 1);
    const offer = (await (await hr('POST', '/api/v1/offers', offerBody(cand.id, { startDate }))).json()) as OfferView;
    await until(async () => ((await offerOf(offer.id)) as { currentStep?: string }).currentStep === 'report_window' || undefined, 'the report window');
    expect((await openingOf(openingId)).held).toBe(1);

    // Day 10, late in the evening (company time): still waiting for them.
    const day10 = new Date(`${addDays(startDate, 10)}T23:00:00+08:00`);
    await api.clock.advance(day10.getTime() - api.clock.now.getTime());
    await signInAgain();
    expect(addDays(startDate, 10)).toBe(offer.reportBy);
    await new Promise((r) => setTimeout(r, 300));
    expect((await offerOf(offer.id)).status).toBe('sent');

    // Day 11 begins: it lapses.
    await api.clock.advance(2 * 3600_000);
    await until(async () => (await offerOf(offer.id)).status === 'lapsed', 'the offer to lapse');
    expect((await openingOf(openingId)).held ?? 0).toBe(0);
    expect((await getCandidate(api.store, cand.id))?.stage).toBe('withdrawn');
    const told = await waitForMail(api.mail!, who.hr, /未按期报到/);
    expect(told.text).toContain('重新开放');
    await waitForMail(api.mail!, who.supA, /未按期报到/);
    const polite = await waitForMail(api.mail!, cand.email, /已失效/);
    expect(polite.text).toContain('感谢');
    // Reporting after the lapse is refused, naming the offer.
    const late = await hr('POST', `/api/v1/offers/${offer.id}/report`, {});
    expect(late.status).toBe(409);
    expect(((await late.json()) as { code: string }).code).toBe('OFFER.LAPSED');
  }, 120_000);

  it('报到: the hire becomes an employee on probation with an invitation and a checklist; the last head closes the opening and the requisition', async () => {
    const openingId = await opening(1);
    const cand = await approvedCandidate(openingId, '石候选');
    const offer = (await (await hr('POST', '/api/v1/offers', offerBody(cand.id, { startDate: today(), probationMonths: 2 }))).json()) as OfferView;
    // 001: the documents are seen, all of them.
    const short = await hr('POST', `/api/v1/offers/${offer.id}/report`, { documentsSeen: ['id_card', 'diploma'] });
    expect(short.status).toBe(422);
    expect(JSON.stringify(await short.json())).toContain('documentsSeen');
    expect((await offerOf(offer.id)).status).toBe('sent');

    const reported = await hr('POST', `/api/v1/offers/${offer.id}/report`, { documentsSeen: ['id_card', 'diploma', 'health_check'], mentorId: org.agentA1.id });
    expect(reported.status, await reported.clone().text()).toBe(201);
    const { employeeId } = (await reported.json()) as { employeeId: string };
    const employee = (await (await hr('GET', `/api/v1/employees/${employeeId}`)).json()) as { status: string; level: string; probationEndDate: string; hireDate: string; superiorId: string };
    // The probation end from the offer (2 months); the superior is the requisition's requester.
    expect(employee).toMatchObject({ status: 'probation', level: 'trainee', hireDate: today(), probationEndDate: addMonths(today(), 2), superiorId: org.supA.id });
    const invitation = await waitForMail(api.mail!, cand.email, /欢迎入职/);
    expect(invitation.text).toContain('/#/reset-password/');
    const lists = (await (await hr('GET', `/api/v1/onboarding-checklists?employeeId=${employeeId}`)).json()) as { items: { items: { key: string; done: boolean }[] }[] };
    expect(lists.items).toHaveLength(1);
    expect(lists.items[0]!.items.length).toBeGreaterThan(0);
    expect(lists.items[0]!.items.every((i) => !i.done)).toBe(true);

    const o = await openingOf(openingId);
    expect(o).toMatchObject({ filled: 1, held: 0, status: 'filled' });
    const requisition = (await (await hr('GET', `/api/v1/requisitions/${openingId}`)).json()) as { status: string; filled: number };
    expect(requisition).toMatchObject({ status: 'filled', filled: 1 });
    expect((await getCandidate(api.store, cand.id))?.stage).toBe('hired');
    expect((await offerOf(offer.id)).status).toBe('reported');
    // Reported twice: the second is refused and nothing is written again.
    expect((await hr('POST', `/api/v1/offers/${offer.id}/report`, {})).status).toBe(409);
  }, 120_000);

  it('bad input is named and changes nothing: a past start date, probation outside 1–6 months, a candidate the GM has not approved, a second offer, no head left', async () => {
    const openingId = await opening(1);
    const cand = await approvedCandidate(openingId, '钟候选');
    const fresh = await approvedCandidate(openingId, '叶候选', 'new');
    for (const [body, status, field] of [
      [offerBody(cand.id, { startDate: addDays(today(), -1) }), 400, 'startDate'],
      [offerBody(cand.id, { probationMonths: 7 }), 400, 'probationMonths'],
      [offerBody(cand.id, { probationMonths: 0 }), 400, 'probationMonths'],
      [offerBody(fresh.id), 409, 'candidateId'],
      [offerBody('nobody'), 404, 'candidateId'],
      [offerBody(cand.id, { baseSalary: -5 }), 400, 'baseSalary'],
    ] as [Record<string, unknown>, number, string][]) {
      const res = await hr('POST', '/api/v1/offers', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(JSON.stringify(await res.json()), JSON.stringify(body)).toContain(field);
    }
    expect((await openingOf(openingId)).held ?? 0).toBe(0);
    // §3 boundaries: 1 and 6 months are allowed (the first made; the second is a second offer).
    expect((await hr('POST', '/api/v1/offers', offerBody(cand.id, { probationMonths: 6 }))).status).toBe(201);
    const second = await hr('POST', '/api/v1/offers', offerBody(cand.id, { probationMonths: 1 }));
    expect(second.status).toBe(409);
    expect(((await second.json()) as { code: string }).code).toBe('OFFER.EXISTS');
    const other = await approvedCandidate(openingId, '简候选');
    const full = await hr('POST', '/api/v1/offers', offerBody(other.id));
    expect(full.status).toBe(409);
    expect(((await full.json()) as { code: string }).code).toBe('OFFER.NO_HEADS');
  }, 120_000);

  it('a salary outside the ladder waits for the GM before the letter goes; refused, the head is free again', async () => {
    const openingId = await opening(2);
    const cand = await approvedCandidate(openingId, '高候选');
    // trainee: 1800 up to 20% above (2160).
    const atTop = await hr('POST', '/api/v1/offers', offerBody(cand.id, { baseSalary: 2160 }));
    expect(((await atTop.json()) as OfferView).outsideLadder).toBe(false);
    const cand2 = await approvedCandidate(openingId, '邓候选');
    const above = (await (await hr('POST', '/api/v1/offers', offerBody(cand2.id, { baseSalary: 2161 }))).json()) as OfferView;
    expect(above).toMatchObject({ status: 'pending_approval', outsideLadder: true });
    expect(await inbox(api.mail!, cand2.email)).toHaveLength(0);
    const task = await pending('gm', above.id, 'gm_salary');
    expect((await decide('gm', task.id, { decision: 'approve', comment: '同意特批' })).status).toBe(200);
    await until(async () => (await offerOf(above.id)).status === 'sent', 'the letter after the GM');
    await waitForMail(api.mail!, cand2.email, /录用通知书/);

    // Refused by the GM: rejected, and the candidate may be offered again.
    const cand3 = await approvedCandidate(await opening(1), '田候选');
    const third = (await (await hr('POST', '/api/v1/offers', offerBody(cand3.id, { baseSalary: 9000 }))).json()) as OfferView;
    const t3 = await pending('gm', third.id, 'gm_salary');
    expect((await decide('gm', t3.id, { decision: 'reject', comment: '超出预算' })).status).toBe(200);
    await until(async () => (await offerOf(third.id)).status === 'rejected', 'refused');
    expect((await getCandidate(api.store, cand3.id))).toMatchObject({ stage: 'offer', offerId: null });
  }, 120_000);

  it('declined from the letter or withdrawn by HR: the head is free again, and a withdrawn candidate may get a new offer', async () => {
    const openingId = await opening(2);
    const a = await approvedCandidate(openingId, '罗候选');
    const b = await approvedCandidate(openingId, '梁候选');
    const offerA = (await (await hr('POST', '/api/v1/offers', offerBody(a.id))).json()) as OfferView;
    const offerB = (await (await hr('POST', '/api/v1/offers', offerBody(b.id))).json()) as OfferView;
    expect((await openingOf(openingId)).held).toBe(2);
    const link = letterLink((await waitForMail(api.mail!, a.email, /录用通知书/)).text);
    const declined = await api.request('POST', path(link), { body: 'answer=decline&reason=%E5%B7%B2%E6%9C%89%E5%85%B6%E4%BB%96%E5%B7%A5%E4%BD%9C', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(declined.status).toBe(200);
    expect((await offerOf(offerA.id)).status).toBe('declined');
    await waitForMail(api.mail!, who.hr, /候选人已婉拒/);

    const noReason = await hr('POST', `/api/v1/offers/${offerB.id}/withdraw`, {});
    expect(noReason.status).toBe(400);
    const withdrawn = await hr('POST', `/api/v1/offers/${offerB.id}/withdraw`, { reason: '岗位调整' });
    expect(withdrawn.status, await withdrawn.clone().text()).toBe(200);
    expect(await offerOf(offerB.id)).toMatchObject({ status: 'withdrawn', withdrawal: { reason: '岗位调整' } });
    await waitForMail(api.mail!, b.email, /已撤回/);
    expect((await openingOf(openingId)).held).toBe(0);
    // Accepting a withdrawn offer is refused.
    const linkB = letterLink((await waitForMail(api.mail!, b.email, /录用通知书/)).text);
    expect((await api.request('POST', path(linkB), { body: 'answer=accept', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(409);
    expect((await offerOf(offerB.id)).status).toBe('withdrawn');
    expect((await hr('POST', '/api/v1/offers', offerBody(b.id))).status).toBe(201);
  }, 120_000);

  it('the last head under concurrency: two offers at once for one free head — exactly one is made; one offer reported twice at once — one employee', async () => {
    const openingId = await opening(1);
    const [x, y] = [await approvedCandidate(openingId, '甲候选'), await approvedCandidate(openingId, '乙候选')];
    const both = await Promise.all([hr('POST', '/api/v1/offers', offerBody(x.id, { startDate: today() })), hr('POST', '/api/v1/offers', offerBody(y.id, { startDate: today() }))]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await openingOf(openingId)).held).toBe(1);
    const made = (await both.find((r) => r.status === 201)!.json()) as OfferView;
    const reports = await Promise.all([hr('POST', `/api/v1/offers/${made.id}/report`, {}), hr('POST', `/api/v1/offers/${made.id}/report`, {})]);
    expect(reports.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await openingOf(openingId)).toMatchObject({ filled: 1, held: 0, status: 'filled' });
  }, 120_000);

  it('the dashboard’s recruitment funnel counts what happened in this file: candidates, offers, answers, hires, the lapse, and the time to hire', async () => {
    const gmToken = tokens.gm;
    const res = await api.request('GET', '/api/v1/dashboard', { token: gmToken });
    expect(res.status).toBe(200);
    const months = ((await res.json()) as { recruitment: Record<string, number | string | null>[] }).recruitment;
    const total = (k: string) => months.reduce((n, m) => n + Number(m[k] ?? 0), 0);
    // 13 candidates added; 11 offers made; 1 accepted and 1 declined from the letter; 2 reported; 2 lapsed
    // (the day-11 jump lapsed the first test's accepted offer too: accepting is not reporting).
    expect({ candidates: total('candidates'), offered: total('offered'), accepted: total('accepted'), declined: total('declined'), hired: total('hired'), lapsed: total('lapsed') })
      .toEqual({ candidates: 13, offered: 11, accepted: 1, declined: 1, hired: 2, lapsed: 2 });
    // Both hires reported within the days after their opening: a whole number of days, averaged.
    const withHires = months.filter((m) => Number(m.hired) > 0);
    for (const m of withHires) expect(m.averageDaysToHire).toBeGreaterThanOrEqual(0);
  }, 60_000);
});
