import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savePolicy } from '../../../../functions/storage/policies.js';
import { testApi, type TestApi } from '../../../support/api.js';
import { buildOrg, createEmployee, employeeBody, type Employee, type TestOrg } from '../../../support/org.js';

/**
 * 客服经理 and 主管 arrange their own people (POLICIES.md §1: a supervisor acts on their own
 * subtree): team, direct superior and the contact fields HR lists in the org policy's
 * `managerEditableFields`; everything else stays HR's (employees:arrange).
 */
let api: TestApi;
let org: TestOrg;
let manager: string;
let supA: string;

beforeAll(async () => {
  api = await testApi();
  org = await buildOrg(api);
  manager = await api.signIn(['cs_manager'], org.csManager.id);
  supA = await api.signIn(['supervisor'], org.supA.id);
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

interface Problem { status: number; code: string; detail: string; errors?: { path: string; code: string; message: string }[] }
interface Row { index: number; status: number; code?: string; errors?: { path: string }[]; item: Employee | null }

const json = async <T>(res: Response) => (await res.json()) as T;
const patch = (token: string, e: { id: string; version: number }, body: Record<string, unknown>, lang?: string) =>
  api.request('PATCH', `/api/v1/employees/${e.id}`, { token, body: { version: e.version, ...body }, ...(lang ? { headers: { 'accept-language': lang } } : {}) });
const read = async (id: string) => json<Employee>(await api.request('GET', `/api/v1/employees/${id}`, { token: org.hr }));
/** A fresh agent under team lead A (two levels below supervisor A, three below the CS manager). */
const agentUnderLeadA = (over: Record<string, unknown> = {}) => createEmployee(api, org.hr, { superiorId: org.leadA.id, teamId: org.units.center, ...over });

async function orgPolicy() {
  return json<{ version: number; values: Record<string, unknown>; defaults: Record<string, unknown>; gaps: string[] }>(await api.request('GET', '/api/v1/policies/org', { token: org.hr }));
}
async function setManagerEditable(fields: string[]) {
  const current = await orgPolicy();
  const res = await api.request('PUT', '/api/v1/policies/org', { token: org.hr, body: { version: current.version, values: { ...current.values, managerEditableFields: fields } } });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe('a CS manager or supervisor arranges the people below them (POLICIES.md §1)', () => {
  it('a CS manager moves an agent to another team and under another supervisor; the change is audited with the manager as actor', async () => {
    const agent = await createEmployee(api, org.hr, { superiorId: org.supA.id, teamId: org.units.center });
    const res = await patch(manager, agent, { teamId: org.units.scenic, superiorId: org.supB.id });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await json<Employee>(res)).toMatchObject({ superiorId: org.supB.id, superiorName: '李主管', teamName: '景区客服', version: agent.version + 1 });
    const me = await json<{ id: string }>(await api.request('GET', '/api/v1/users/me', { token: manager }));
    const audit = await json<{ items: { action: string; actorId: string; channel: string; after: Record<string, unknown> }[] }>(
      await api.request('GET', `/api/v1/audit?entityType=employee&entityId=${agent.id}`, { token: org.hr }),
    );
    expect(audit.items[0]).toMatchObject({ action: 'update', actorId: me.id, channel: 'api', after: { superiorId: org.supB.id, teamId: org.units.scenic } });
  });

  it('a supervisor changes the phone of someone two levels below them', async () => {
    const agent = await agentUnderLeadA();
    const res = await patch(supA, agent, { phone: '13900139000' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await read(agent.id)).phone).toBe('13900139000');
  });

  it('supervisor A cannot touch supervisor B’s agent: outside their scope it does not exist for them (404, as reading it)', async () => {
    const res = await patch(supA, org.agentB1, { phone: '13900139001' });
    expect(res.status).toBe(404);
    expect((await json<Problem>(res)).code).toBe('EMPLOYEE.NOT_FOUND');
    expect((await read(org.agentB1.id)).version).toBe(org.agentB1.version);
  });

  it('nobody arranges themselves, and someone they can see but who is not below them is not theirs either (403)', async () => {
    for (const [token, self] of [[manager, org.csManager], [supA, org.supA]] as const) {
      const res = await patch(token, self, { phone: '13900139002' }, 'en');
      expect(res.status).toBe(403);
      const problem = await json<Problem>(res);
      expect(problem.code).toBe('EMPLOYEE.NOT_YOURS_TO_ARRANGE');
      expect(problem.detail).toBe('You can arrange only the people who report to you (not yourself)');
    }
    // A supervisor who is also GM sees everyone, but arranges only their own people.
    const wide = await api.signIn(['gm', 'supervisor'], org.supA.id);
    const res = await patch(wide, org.agentB1, { phone: '13900139003' });
    expect(res.status).toBe(403);
    expect((await json<Problem>(res)).code).toBe('EMPLOYEE.NOT_YOURS_TO_ARRANGE');
  });

  it('level, status, name and hire date are HR’s: refused naming each field, and nothing changes', async () => {
    const agent = await agentUnderLeadA();
    const res = await patch(manager, agent, { level: 'senior', status: 'suspended', name: '改名', hireDate: '2026-01-05', phone: '13900139004' });
    expect(res.status).toBe(403);
    const problem = await json<Problem>(res);
    expect(problem.code).toBe('EMPLOYEE.FIELD_HR_ONLY');
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(['hireDate', 'level', 'name', 'status']);
    // Each field named in the reader's language, with what they may change instead.
    expect(problem.errors!.find((e) => e.path === 'level')!.message).toBe('职级由人力资源部修改（您可调整：团队、直属上级、电话）');
    const after = await read(agent.id);
    expect(after.version).toBe(agent.version);
    expect(after).toMatchObject({ level: agent.level, status: agent.status, name: agent.name, phone: agent.phone });
  });

  it('pay follows the level and is set by no one directly; a pasted row repeating HR’s current values is no change to them', async () => {
    const agent = await agentUnderLeadA();
    const salary = await patch(manager, agent, { baseSalary: 9999 });
    expect(salary.status).toBe(400);
    expect((await json<Problem>(salary)).errors!.map((e) => e.path)).toEqual(['baseSalary']);
    const pasted = await patch(manager, agent, { name: agent.name, level: agent.level, hireDate: agent.hireDate, phone: '13900139005' });
    expect(pasted.status, await pasted.clone().text()).toBe(200);
    expect(await json<Employee>(pasted)).toMatchObject({ phone: '13900139005', version: agent.version + 1 });
    // The same row pasted again changes nothing: no new version, no audit record.
    const again = await patch(manager, { ...agent, version: agent.version + 1 }, { name: agent.name, level: agent.level, phone: '13900139005' });
    expect(again.status, await again.clone().text()).toBe(200);
    expect(await json<Employee>(again)).toMatchObject({ phone: '13900139005', version: agent.version + 1 });
    expect((await read(agent.id)).version).toBe(agent.version + 1);
  });

  it('a new superior must be the arranger or someone below them; moving someone under their own report is still a cycle', async () => {
    const agent = await agentUnderLeadA();
    const outside = await patch(supA, agent, { superiorId: org.supB.id });
    expect(outside.status).toBe(422);
    expect(await json<Problem>(outside)).toMatchObject({ code: 'EMPLOYEE.SUPERIOR_NOT_FOUND', errors: [{ path: 'superiorId' }] });
    expect((await read(agent.id)).superiorId).toBe(org.leadA.id);

    const toSelf = await patch(supA, agent, { superiorId: org.supA.id });
    expect(toSelf.status, await toSelf.clone().text()).toBe(200);

    const lead = await createEmployee(api, org.hr, { post: 'team_lead', superiorId: org.supA.id, teamId: org.units.center });
    const report = await createEmployee(api, org.hr, { superiorId: lead.id, teamId: org.units.center });
    const cycle = await patch(supA, lead, { superiorId: report.id });
    expect(cycle.status).toBe(422);
    expect((await json<Problem>(cycle)).code).toBe('EMPLOYEE.SUPERIOR_CYCLE');
  });

  it('a new team must be one of the arranger’s own department', async () => {
    const agent = await agentUnderLeadA();
    const res = await patch(manager, agent, { teamId: org.units.other });
    expect(res.status).toBe(422);
    expect(await json<Problem>(res)).toMatchObject({ code: 'EMPLOYEE.TEAM_NOT_FOUND', errors: [{ path: 'teamId' }] });
    expect((await read(agent.id)).teamId).toBe(org.units.center);
  });
});

describe('HR decides what managers may arrange (org policy managerEditableFields, a gap)', () => {
  it('defaults to team, superior and phone, marked as our gap; HR adds email and removes team, and the API follows at once', async () => {
    const before = await orgPolicy();
    expect(before.values.managerEditableFields).toEqual(['teamId', 'superiorId', 'phone']);
    expect(before.gaps).toContain('managerEditableFields');
    const agent = await agentUnderLeadA();
    expect((await patch(manager, agent, { email: 'moved@example.com' })).status).toBe(403);
    try {
      await setManagerEditable(['superiorId', 'phone', 'email']);
      const email = await patch(manager, agent, { email: 'Moved@Example.com' });
      expect(email.status, await email.clone().text()).toBe(200);
      expect((await json<Employee>(email)).email).toBe('moved@example.com');
      const team = await patch(manager, { id: agent.id, version: agent.version + 1 }, { teamId: org.units.scenic });
      expect(team.status).toBe(403);
      expect(await json<Problem>(team)).toMatchObject({ code: 'EMPLOYEE.FIELD_HR_ONLY', errors: [{ path: 'teamId' }] });
      const me = await json<{ editableEmployeeFields: string[] }>(await api.request('GET', '/api/v1/users/me', { token: manager }));
      expect(me.editableEmployeeFields).toEqual(['superiorId', 'phone', 'email']);
    } finally {
      await setManagerEditable(['teamId', 'superiorId', 'phone']);
    }
  });

  it('the list may be empty but holds only arrangeable fields, each once (422 naming the entry)', async () => {
    const current = await orgPolicy();
    const bad = await api.request('PUT', '/api/v1/policies/org', { token: org.hr, body: { version: current.version, values: { ...current.values, managerEditableFields: ['level', 'phone', 'phone'] } } });
    expect(bad.status).toBe(422);
    expect((await json<Problem>(bad)).errors!.map((e) => `${e.code}@${e.path}`)).toEqual(['POLICY.ONE_OF@values.managerEditableFields[0]', 'POLICY.DUPLICATE_VALUE@values.managerEditableFields[2]']);
    expect((await orgPolicy()).version).toBe(current.version);
    try {
      await setManagerEditable([]);
      const agent = await agentUnderLeadA();
      expect((await patch(supA, agent, { phone: '13900139006' })).status).toBe(403);
    } finally {
      await setManagerEditable(['teamId', 'superiorId', 'phone']);
    }
  });

  it('an org policy saved before the field existed reads as the default: managers arrange as before, no migration', async () => {
    const current = await orgPolicy();
    const old = { levelBaseSalary: current.values.levelBaseSalary } as never;
    await savePolicy(api.store, 'org', old, current.version, null, api.clock.now.toISOString(), { channel: 'system' }, null);
    expect((await orgPolicy()).values.managerEditableFields).toEqual(['teamId', 'superiorId', 'phone']);
    const agent = await agentUnderLeadA();
    const res = await patch(manager, agent, { teamId: org.units.scenic, superiorId: org.supB.id });
    expect(res.status, await res.clone().text()).toBe(200);
    // An older console saving only the salaries keeps it that way.
    const now = await orgPolicy();
    const saved = await api.request('PUT', '/api/v1/policies/org', { token: org.hr, body: { version: now.version, values: { levelBaseSalary: now.values.levelBaseSalary } } });
    expect(saved.status).toBe(200);
  });
});

describe('paste and import by a manager (POST /employees/batch)', () => {
  it('each row on its own: a change of theirs is saved, an HR-only field and a new hire are refused (403), only the good row is written', async () => {
    const [good, hrOnly] = [await agentUnderLeadA(), await agentUnderLeadA()];
    const hire = employeeBody({ superiorId: org.leadA.id, teamId: org.units.center });
    const res = await api.request('POST', '/api/v1/employees/batch', {
      token: manager,
      body: { items: [{ id: good.id, version: good.version, phone: '13900139007' }, { id: hrOnly.id, version: hrOnly.version, level: 'senior' }, hire] },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const out = await json<{ results: Row[]; updated: number; created: number; failed: number }>(res);
    expect(out.results.map((r) => r.status)).toEqual([200, 403, 403]);
    expect(out.results.map((r) => r.code)).toEqual([undefined, 'EMPLOYEE.FIELD_HR_ONLY', 'EMPLOYEE.CREATE_HR_ONLY']);
    expect(out.results[1]!.errors!.map((e) => e.path)).toEqual(['level']);
    expect(out).toMatchObject({ updated: 1, created: 0, failed: 2 });
    expect((await read(good.id)).phone).toBe('13900139007');
    expect((await read(hrOnly.id)).version).toBe(hrOnly.version);
    const search = await json<{ items: unknown[] }>(await api.request('GET', `/api/v1/employees?q=${hire.employeeNo as string}`, { token: org.hr }));
    expect(search.items).toEqual([]);
  });

  it('dryRun checks the same rules and writes nothing', async () => {
    const agent = await agentUnderLeadA();
    const res = await api.request('POST', '/api/v1/employees/batch', {
      token: supA,
      body: { dryRun: true, items: [{ id: agent.id, version: agent.version, phone: '13900139008' }, { id: agent.id, version: agent.version, status: 'suspended' }, { id: org.agentB1.id, version: org.agentB1.version, phone: '13900139009' }] },
    });
    const out = await json<{ results: Row[] }>(res);
    expect(out.results.map((r) => r.status)).toEqual([200, 403, 404]);
    expect(out.results[0]!.item).toMatchObject({ phone: '13900139008' });
    const after = await read(agent.id);
    expect(after).toMatchObject({ phone: agent.phone, version: agent.version });
  });
});

describe('GET /users/me says which employee fields the caller may change', () => {
  it('HR every field PATCH takes, a CS manager the policy’s list, an agent none; API keys by scope', async () => {
    const fields = async (token: string) => (await json<{ editableEmployeeFields: string[] }>(await api.request('GET', '/api/v1/users/me', { token }))).editableEmployeeFields;
    expect((await fields(org.hr)).sort()).toEqual(['email', 'employeeNo', 'hireDate', 'level', 'name', 'phone', 'post', 'probationEndDate', 'status', 'superiorId', 'teamId']);
    expect(await fields(manager)).toEqual(['teamId', 'superiorId', 'phone']);
    expect(await fields(await api.signIn(['agent'], org.agentA1.id))).toEqual([]);
    const admin = await api.signIn(['admin']);
    const key = async (scopes: string[]) => (await json<{ key: string }>(await api.request('POST', '/api/v1/api-keys', { token: admin, body: { name: `me ${scopes.join(' ')}`, scopes } }))).key;
    expect(await fields(await key(['employees:write']))).toHaveLength(11);
    // A key has no place in the reporting tree, so there is no one below it to arrange.
    expect(await fields(await key(['employees:arrange']))).toEqual([]);
  });
});
