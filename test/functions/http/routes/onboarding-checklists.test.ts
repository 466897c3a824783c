import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChecklist } from '../../../../functions/domain/recruitment/onboarding.js';
import { checklistWrites, listOverdueChecklists } from '../../../../functions/storage/onboarding.js';
import { getPolicy } from '../../../../functions/storage/policies.js';
import { transact } from '../../../../functions/storage/transact.js';
import { testApi, type TestApi } from '../../../support/api.js';
import { buildOrg, createEmployee, type Employee, type TestOrg } from '../../../support/org.js';

/**
 * The onboarding checklist on the real API and DynamoDB Local (POLICIES.md §2 step 6; 000 第三章
 * 第二节): written here as the report route writes it (storage/onboarding.ts checklistWrites),
 * read by who may see the new hire or owns one of its items, listed by status for HR and the
 * managers over the new hires, ticked by an item's owner, HR, or a manager with recruitment:write
 * over the new hire; every tick audited.
 */
let api: TestApi;
let org: TestOrg;
type Who = 'hr' | 'supA' | 'supB' | 'manager' | 'mentor' | 'newHire' | 'agentB';
const tokens = {} as Record<Who, string>;

interface Item { key: string; label: string; labels: Record<string, string>; owner: string; ownerId: string | null; ownerName: string | null; dueDate: string; overdue: boolean; done: boolean; doneByName: string | null; canMark: boolean }
interface Checklist { id: string; employeeId: string; reportDate: string; status: 'open' | 'done'; items: Item[]; version: number; counts: { done: number; total: number; overdue: number } }
interface Problem { status: number; code: string; errors?: { path: string; code: string }[] }

/** A new hire under supervisor A (or B), reported on the test clock's day (2026-11-02) unless said, with agent A1 as mentor. */
async function hireWithChecklist(name: string, { reportDate = '2026-11-02', team = 'A' }: { reportDate?: string; team?: 'A' | 'B' } = {}): Promise<Employee> {
  const superior = team === 'A' ? org.supA : org.supB;
  const hire = await createEmployee(api, org.hr, { name, level: 'trainee', superiorId: superior.id, teamId: team === 'A' ? org.units.center : org.units.scenic, hireDate: reportDate });
  const policy = await getPolicy(api.store, 'recruitment');
  const at = api.clock.now.toISOString();
  const checklist = buildChecklist({
    employee: { id: hire.id, name: hire.name, superiorId: superior.id }, superiorName: superior.name, mentor: { id: org.agentA1.id, name: org.agentA1.name },
    reportDate, offerId: null, policy: { version: policy.version, values: policy.values }, at,
  });
  await transact(api.store, checklistWrites(api.store, checklist, { actor: null, channel: 'system' }));
  return hire;
}

async function checklistOf(employeeId: string, token: string, lang = 'zh-CN'): Promise<Checklist[]> {
  const res = await api.request('GET', `/api/v1/onboarding-checklists?employeeId=${employeeId}`, { token, headers: { 'accept-language': lang } });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { items: Checklist[] }).items;
}

const mark = (id: string, key: string, token: string, body: unknown = { done: true }) => api.request('POST', `/api/v1/onboarding-checklists/${id}/items/${key}`, { token, body });

let hire: Employee;

beforeAll(async () => {
  api = await testApi();
  org = await buildOrg(api);
  tokens.hr = org.hr;
  tokens.supA = await api.signIn(['supervisor'], org.supA.id);
  tokens.supB = await api.signIn(['supervisor'], org.supB.id);
  tokens.manager = await api.signIn(['cs_manager'], org.csManager.id);
  tokens.mentor = await api.signIn(['agent'], org.agentA1.id);
  tokens.agentB = await api.signIn(['agent'], org.agentB1.id);
  hire = await hireWithChecklist('新同事甲');
  tokens.newHire = await api.signIn(['agent'], hire.id);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe('GET /api/v1/onboarding-checklists?employeeId= (§2 step 6)', () => {
  it('000 第二节: the new hire’s checklist, each item with key, label in the caller’s language, owner, due date and done', async () => {
    const [zh] = await checklistOf(hire.id, tokens.hr);
    expect(zh).toMatchObject({ id: hire.id, employeeId: hire.id, status: 'open', version: 1 });
    expect(zh!.items.map((i) => [i.key, i.owner, i.dueDate, i.done])).toEqual([
      ['report_with_offer', 'new_hire', '2026-11-02', false],
      ['documents', 'hr', '2026-11-02', false],
      ['workstation', 'supervisor', '2026-11-02', false],
      ['tour_introductions', 'supervisor', '2026-11-02', false],
      ['company_overview', 'hr', '2026-11-03', false],
      ['mentor_guidance', 'mentor', '2026-11-03', false],
    ]);
    expect(zh!.items[1]).toMatchObject({ label: '收取证件：身份证、学历证书、体检表', labels: { en: 'Documents collected: ID, diploma, health check' }, ownerId: null, canMark: true });
    const [en] = await checklistOf(hire.id, tokens.hr, 'en');
    expect(en!.items[1]!.label).toBe('Documents collected: ID, diploma, health check');
  });

  it('the mentor sees it for their item only; someone outside the new hire’s part of the organisation sees nothing', async () => {
    const [seen] = await checklistOf(hire.id, tokens.mentor);
    expect(seen!.items.filter((i) => i.canMark).map((i) => i.key)).toEqual(['mentor_guidance']);
    expect(await checklistOf(hire.id, tokens.agentB)).toEqual([]);
    expect(await checklistOf(hire.id, tokens.supB)).toEqual([]);
    // An employee without a checklist: an empty list, not an error.
    expect(await checklistOf(org.agentA2.id, tokens.hr)).toEqual([]);
  });

  it('an empty employeeId is 400 naming it (not the list)', async () => {
    const res = await api.request('GET', '/api/v1/onboarding-checklists?employeeId=', { token: tokens.hr });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors?.map((e) => e.path)).toEqual(['employeeId']);
  });
});

/** Every page of the list, `limit` at a time, as the console follows `nextCursor`. */
async function listAll(token: string, query = '', limit = 2): Promise<{ items: Checklist[]; pages: number }> {
  const items: Checklist[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await api.request('GET', `/api/v1/onboarding-checklists?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`, { token });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { items: Checklist[]; nextCursor: string | null };
    expect(body.items.length).toBeLessThanOrEqual(limit);
    items.push(...body.items);
    cursor = body.nextCursor;
    pages += 1;
  } while (cursor && pages < 50);
  return { items, pages };
}

const idsIn = (items: Checklist[], ids: string[]) => items.map((c) => c.id).filter((id) => ids.includes(id));

describe('GET /api/v1/onboarding-checklists without employeeId: the list (HR’s 入职清单)', () => {
  it('open checklists, newest report first, each with its items and counts (done / total, overdue), over cursor pages', async () => {
    const older = await hireWithChecklist('早报到', { reportDate: '2026-10-20' });
    const middle = await hireWithChecklist('中报到', { reportDate: '2026-10-28', team: 'B' });
    const newer = await hireWithChecklist('晚报到', { reportDate: '2026-11-01' });
    expect((await mark(middle.id, 'documents', tokens.hr)).status).toBe(200);
    const mine = [older.id, middle.id, newer.id];

    const { items, pages } = await listAll(tokens.hr);
    expect(pages).toBeGreaterThan(1);
    expect(idsIn(items, mine)).toEqual([newer.id, middle.id, older.id]);
    expect(items.every((c) => c.status === 'open')).toBe(true);
    expect(items.map((c) => c.reportDate)).toEqual([...items.map((c) => c.reportDate)].sort().reverse());
    // The same shape as on the file, plus the counts: on 2026-11-02 every item of 10-20 is overdue (due 10-20 and 10-21).
    const old = items.find((c) => c.id === older.id)!;
    expect(old.items.map((i) => [i.key, i.owner, i.dueDate, i.done])[0]).toEqual(['report_with_offer', 'new_hire', '2026-10-20', false]);
    expect(old.counts).toEqual({ done: 0, total: 6, overdue: 6 });
    expect(items.find((c) => c.id === middle.id)!.counts).toEqual({ done: 1, total: 6, overdue: 5 });
    expect(items.find((c) => c.id === newer.id)!.counts).toEqual({ done: 0, total: 6, overdue: 4 });
    // A cursor belongs to its status: replayed on the other one it is refused.
    const first = (await (await api.request('GET', '/api/v1/onboarding-checklists?limit=1', { token: tokens.hr })).json()) as { nextCursor: string };
    expect((await api.request('GET', `/api/v1/onboarding-checklists?status=done&limit=1&cursor=${first.nextCursor}`, { token: tokens.hr })).status).toBe(400);
  });

  it('ticking the last item moves the checklist from the open list to the done list; unticking one brings it back', async () => {
    const hire = await hireWithChecklist('清单完成', { reportDate: '2026-10-30' });
    for (const key of ['report_with_offer', 'documents', 'workstation', 'tour_introductions', 'company_overview']) {
      expect((await mark(hire.id, key, tokens.hr)).status).toBe(200);
    }
    expect(idsIn((await listAll(tokens.hr, '&status=open', 200)).items, [hire.id])).toEqual([hire.id]);
    const last = await mark(hire.id, 'mentor_guidance', tokens.hr);
    expect(((await last.json()) as Checklist).status).toBe('done');
    expect(idsIn((await listAll(tokens.hr, '', 200)).items, [hire.id])).toEqual([]);
    const done = (await listAll(tokens.hr, '&status=done', 200)).items;
    expect(done.find((c) => c.id === hire.id)).toMatchObject({ status: 'done', counts: { done: 6, total: 6, overdue: 0 } });
    expect(done.every((c) => c.status === 'done')).toBe(true);
    expect((await mark(hire.id, 'documents', tokens.hr, { done: false })).status).toBe(200);
    expect(idsIn((await listAll(tokens.hr, '', 200)).items, [hire.id])).toEqual([hire.id]);
    expect(idsIn((await listAll(tokens.hr, '&status=done', 200)).items, [hire.id])).toEqual([]);
  });

  it('a manager sees the new hires in their part of the organisation (pages may be short); the CS manager over both teams sees both', async () => {
    const a = await hireWithChecklist('甲队新人', { reportDate: '2026-10-25' });
    const b = await hireWithChecklist('乙队新人', { reportDate: '2026-10-26', team: 'B' });
    const supA = (await listAll(tokens.supA, '', 1)).items;
    expect(idsIn(supA, [a.id, b.id])).toEqual([a.id]);
    expect(supA.find((c) => c.id === a.id)!.items.every((i) => i.canMark)).toBe(true);
    expect(idsIn((await listAll(tokens.supB, '', 1)).items, [a.id, b.id])).toEqual([b.id]);
    expect(idsIn((await listAll(tokens.manager)).items, [a.id, b.id])).toEqual([b.id, a.id]);
  });

  it('others get 403 problem+json: an agent (even a mentor), a team lead, a key that only reads people; a bad status is 400', async () => {
    const lead = await api.signIn(['team_lead'], org.leadA.id);
    const key = await api.request('POST', '/api/v1/api-keys', { token: await api.signIn(['admin']), body: { name: 'onboarding list', scopes: ['employees:read'] } });
    const readsPeople = ((await key.json()) as { key: string }).key;
    for (const token of [tokens.mentor, tokens.agentB, lead, readsPeople]) {
      const res = await api.request('GET', '/api/v1/onboarding-checklists', { token });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as Problem).code).toBe('AUTH.FORBIDDEN');
    }
    // The file's question is theirs as before.
    expect(await checklistOf(hire.id, tokens.mentor)).toHaveLength(1);
    const bad = await api.request('GET', '/api/v1/onboarding-checklists?status=closed', { token: tokens.hr });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors?.map((e) => e.path)).toEqual(['status']);
  });
});

describe('POST /api/v1/onboarding-checklists/{id}/items/{key} (§2 step 6)', () => {
  it('the mentor ticks their own item (200) and the tick is audited', async () => {
    const res = await mark(hire.id, 'mentor_guidance', tokens.mentor);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as Checklist;
    expect(body.items.find((i) => i.key === 'mentor_guidance')).toMatchObject({ done: true, doneByName: expect.any(String) });
    expect(body.status).toBe('open');
    const audit = (await (await api.request('GET', `/api/v1/audit?entityType=onboardingChecklist&entityId=${hire.id}`, { token: tokens.hr })).json()) as { items: { action: string; channel: string; before: unknown; after: unknown }[] };
    expect(audit.items.map((a) => a.action)).toEqual(['item_done', 'create']);
    expect(audit.items[0]).toMatchObject({ channel: 'api', before: { 'items.mentor_guidance.done': false }, after: { 'items.mentor_guidance.done': true } });
    // The same tick again changes nothing and writes nothing.
    expect((await mark(hire.id, 'mentor_guidance', tokens.mentor)).status).toBe(200);
    const again = (await (await api.request('GET', `/api/v1/audit?entityType=onboardingChecklist&entityId=${hire.id}`, { token: tokens.hr })).json()) as { items: unknown[] };
    expect(again.items).toHaveLength(2);
  });

  it('someone else’s item is refused: the new hire and the mentor cannot tick the supervisor’s (403), nothing written', async () => {
    for (const who of ['newHire', 'mentor'] as const) {
      const res = await mark(hire.id, 'workstation', tokens[who]);
      expect(res.status).toBe(403);
      const problem = (await res.json()) as Problem;
      expect(problem.code).toBe('ONBOARDING.NOT_YOURS');
      expect(problem.errors?.map((e) => e.path)).toEqual(['key']);
    }
    const [c] = await checklistOf(hire.id, tokens.hr);
    expect(c!.items.find((i) => i.key === 'workstation')!.done).toBe(false);
  });

  it('a checklist the caller may not see is not found (404), even for a supervisor of another team', async () => {
    for (const who of ['supB', 'agentB'] as const) {
      const res = await mark(hire.id, 'workstation', tokens[who]);
      expect(res.status).toBe(404);
      expect(((await res.json()) as Problem).code).toBe('ONBOARDING.NOT_FOUND');
    }
  });

  it('an unknown item is 404 naming `key`; a bad body is 400 naming `done`', async () => {
    const unknown = await mark(hire.id, 'no_such_item', tokens.hr);
    expect(unknown.status).toBe(404);
    const problem = (await unknown.json()) as Problem;
    expect(problem.code).toBe('ONBOARDING.ITEM_NOT_FOUND');
    expect(problem.errors?.map((e) => e.path)).toEqual(['key']);
    const bad = await mark(hire.id, 'documents', tokens.hr, { done: 'yes' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors?.map((e) => e.path)).toEqual(['done']);
  });

  it('every item done by its owners and HR → the checklist is done, and leaves the reminder index; unticking reopens it', async () => {
    const second = await hireWithChecklist('新同事乙');
    const newHire = await api.signIn(['agent'], second.id);
    const ticks: [string, string][] = [
      ['report_with_offer', newHire], ['documents', tokens.hr], ['workstation', tokens.supA], ['tour_introductions', tokens.supA],
      ['company_overview', tokens.hr], ['mentor_guidance', tokens.mentor],
    ];
    let last: Checklist | undefined;
    for (const [key, token] of ticks) {
      const res = await mark(second.id, key, token);
      expect(res.status, `${key}: ${await res.clone().text()}`).toBe(200);
      last = (await res.json()) as Checklist;
      expect(last.status).toBe(key === 'mentor_guidance' ? 'done' : 'open');
    }
    expect(last!.items.every((i) => i.done)).toBe(true);
    const overdue = await listOverdueChecklists(api.store, '2027-01-01', { limit: 100 });
    expect(overdue.items.map((c) => c.id)).not.toContain(second.id);
    // A manager over the new hire with recruitment:write (the CS manager) may untick any item.
    const undone = await mark(second.id, 'documents', tokens.manager, { done: false });
    expect(undone.status, await undone.clone().text()).toBe(200);
    expect(((await undone.json()) as Checklist).status).toBe('open');
    expect((await listOverdueChecklists(api.store, '2027-01-01', { limit: 100 })).items.map((c) => c.id)).toContain(second.id);
  });

  it('two ticks at once both land (a stale version is read again)', async () => {
    const third = await hireWithChecklist('新同事丙');
    const [a, b] = await Promise.all([mark(third.id, 'documents', tokens.hr), mark(third.id, 'company_overview', tokens.hr)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const [c] = await checklistOf(third.id, tokens.hr);
    expect(c!.items.filter((i) => i.done).map((i) => i.key).sort()).toEqual(['company_overview', 'documents']);
  });
});

describe('PUT /api/v1/onboarding-checklists/{id}/mentor: naming another mentor after the report (000 第二节 四)', () => {
  const setMentor = (id: string, mentorEmployeeId: string | null, token = tokens.hr) => api.request('PUT', `/api/v1/onboarding-checklists/${id}/mentor`, { token, body: { mentorEmployeeId } });
  const mentorItem = (c: Checklist) => c.items.find((i) => i.key === 'mentor_guidance')!;

  it('HR names agent A2 instead of A1: the mentor’s item moves to A2, who may tick it, and A1 no longer may; audited', async () => {
    const newHire = await hireWithChecklist('新同事导师甲');
    const res = await setMentor(newHire.id, org.agentA2.id);
    expect(res.status, await res.clone().text()).toBe(200);
    const changed = (await res.json()) as Checklist & { mentorEmployeeId: string | null };
    expect(changed.mentorEmployeeId).toBe(org.agentA2.id);
    expect(mentorItem(changed)).toMatchObject({ ownerId: org.agentA2.id, ownerName: org.agentA2.name });
    // A1 owns nothing on it any more: to them it is not there.
    expect((await mark(newHire.id, 'mentor_guidance', tokens.mentor)).status).toBe(404);
    const a2 = await api.signIn(['agent'], org.agentA2.id);
    expect((await mark(newHire.id, 'mentor_guidance', a2)).status).toBe(200);
    const trail = (await (await api.request('GET', `/api/v1/audit?entityType=onboardingChecklist&entityId=${newHire.id}`, { token: tokens.hr })).json()) as { items: { action: string; before: unknown; after: unknown }[] };
    expect(trail.items).toContainEqual(expect.objectContaining({ action: 'mentor', before: { mentorEmployeeId: org.agentA1.id }, after: { mentorEmployeeId: org.agentA2.id } }));
  });

  it('an item already done stays with whoever did it; clearing the mentor gives an open one back to the superior; the same mentor again writes nothing', async () => {
    const newHire = await hireWithChecklist('新同事导师乙');
    const cleared = (await (await setMentor(newHire.id, null, tokens.supA)).json()) as Checklist & { mentorEmployeeId: string | null; version: number };
    expect(cleared.mentorEmployeeId).toBeNull();
    expect(mentorItem(cleared)).toMatchObject({ ownerId: org.supA.id, ownerName: org.supA.name });
    expect((await mark(newHire.id, 'mentor_guidance', tokens.supA)).status).toBe(200);
    const named = (await (await setMentor(newHire.id, org.agentA2.id)).json()) as Checklist & { version: number };
    expect(mentorItem(named)).toMatchObject({ done: true, ownerId: org.supA.id, doneByName: expect.any(String) });
    const again = (await (await setMentor(newHire.id, org.agentA2.id)).json()) as Checklist & { version: number };
    expect(again.version).toBe(named.version);
  });

  it('refuses, changing nothing: the new hire as their own mentor or someone unknown (422 naming mentorEmployeeId), the mentor or another team’s supervisor (403 / 404)', async () => {
    const newHire = await hireWithChecklist('新同事导师丙');
    const self = await setMentor(newHire.id, newHire.id);
    expect(self.status).toBe(422);
    expect(((await self.json()) as Problem).errors?.[0]?.path).toBe('mentorEmployeeId');
    const unknown = await setMentor(newHire.id, '0000000000000000');
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as Problem).code).toBe('ONBOARDING.MENTOR_UNKNOWN');
    expect((await setMentor(newHire.id, org.agentA2.id, tokens.mentor)).status).toBe(403);
    expect((await setMentor(newHire.id, org.agentA2.id, tokens.supB)).status).toBe(404);
    const [unchanged] = await checklistOf(newHire.id, tokens.hr);
    expect(mentorItem(unchanged!).ownerId).toBe(org.agentA1.id);
    // What the console offers follows: HR may name the mentor, the mentor may not.
    expect((unchanged as Checklist & { canSetMentor: boolean }).canSetMentor).toBe(true);
    expect(((await checklistOf(newHire.id, tokens.mentor))[0] as Checklist & { canSetMentor: boolean }).canSetMentor).toBe(false);
  });
});

describe('a recruitment policy saved before onboarding items existed (POLICIES.md §2 step 6)', () => {
  it('reads with the default items (000 第二节) until HR saves it again: no migration needed', async () => {
    const { savePolicy } = await import('../../../../functions/storage/policies.js');
    const current = await getPolicy(api.store, 'recruitment');
    const { onboardingItems: _dropped, ...older } = current.values;
    await savePolicy(api.store, 'recruitment', older as typeof current.values, current.version, null, api.clock.now.toISOString(), { channel: 'system' }, current.values);
    const read = await getPolicy(api.store, 'recruitment');
    expect(read.version).toBe(current.version + 1);
    expect(read.values.onboardingItems.map((i) => i.key)).toEqual(['report_with_offer', 'documents', 'workstation', 'tour_introductions', 'company_overview', 'mentor_guidance']);
  });
});
