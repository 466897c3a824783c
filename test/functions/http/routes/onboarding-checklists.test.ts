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
 * read by who may see the new hire or owns one of its items, ticked by an item's owner, HR, or a
 * manager with recruitment:write over the new hire; every tick audited.
 */
let api: TestApi;
let org: TestOrg;
type Who = 'hr' | 'supA' | 'supB' | 'manager' | 'mentor' | 'newHire' | 'agentB';
const tokens = {} as Record<Who, string>;

interface Item { key: string; label: string; labels: Record<string, string>; owner: string; ownerId: string | null; ownerName: string | null; dueDate: string; overdue: boolean; done: boolean; doneByName: string | null; canMark: boolean }
interface Checklist { id: string; employeeId: string; status: 'open' | 'done'; items: Item[]; version: number }
interface Problem { status: number; code: string; errors?: { path: string; code: string }[] }

/** A new hire under supervisor A, reported on the test clock's day (2026-11-02), with agent A1 as mentor. */
async function hireWithChecklist(name: string): Promise<Employee> {
  const hire = await createEmployee(api, org.hr, { name, level: 'trainee', superiorId: org.supA.id, teamId: org.units.center, hireDate: '2026-11-02' });
  const policy = await getPolicy(api.store, 'recruitment');
  const at = api.clock.now.toISOString();
  const checklist = buildChecklist({
    employee: { id: hire.id, name: hire.name, superiorId: org.supA.id }, superiorName: org.supA.name, mentor: { id: org.agentA1.id, name: org.agentA1.name },
    reportDate: '2026-11-02', offerId: null, policy: { version: policy.version, values: policy.values }, at,
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

  it('employeeId is required (400 naming it)', async () => {
    const res = await api.request('GET', '/api/v1/onboarding-checklists', { token: tokens.hr });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors?.map((e) => e.path)).toEqual(['employeeId']);
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
