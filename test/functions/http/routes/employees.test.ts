import { beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../../support/api.js';
import { buildOrg, createEmployee, employeeBody, type Employee, type TestOrg } from '../../../support/org.js';

let api: TestApi;
let org: TestOrg;

beforeAll(async () => {
  api = await testApi();
  org = await buildOrg(api);
});

async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

async function auditOf(id: string, token = org.hr) {
  const res = await api.request('GET', `/api/v1/audit?entityType=employee&entityId=${id}`, { token });
  return (await json<{ items: { action: string; channel: string; actorId: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[] }>(res)).items;
}

describe('creating an employee', () => {
  it('field problems are written for people: which values a field takes, by name; a missing field is 必填 (#12 item 8)', async () => {
    const res = await api.request('POST', '/api/v1/employees', { token: org.hr, body: { ...employeeBody({ superiorId: org.leadA.id }), post: 'boss', name: undefined } });
    expect(res.status).toBe(400);
    const { errors } = await json<{ errors: { path: string; message: string }[] }>(res);
    expect(errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'post', message: '岗位须为：专员、组长、主管、客服经理、总经理、人力资源' }),
      expect.objectContaining({ path: 'name', message: '必填' }),
    ]));
    for (const e of errors) expect(e.message).not.toMatch(/期望|实际接收|expected|received/i);
  });
  it('a hire date outside the plausible window (org.hireDateWindow) is refused naming the field, in words, and nothing is written (#12 item 7)', async () => {
    const res = await api.request('POST', '/api/v1/employees', { token: org.hr, body: employeeBody({ name: '错日期', hireDate: '2099-12-31', superiorId: org.leadA.id, teamId: org.units.center }) });
    expect(res.status).toBe(422);
    const body = await json<{ code: string; errors: { path: string; message: string }[] }>(res);
    expect(body.code).toBe('EMPLOYEE.HIRE_DATE_RANGE');
    expect(body.errors[0]).toMatchObject({ path: 'hireDate' });
    expect(body.errors[0]!.message).toMatch(/^入职日期须在 \d{4}年\d{1,2}月\d{1,2}日 至 \d{4}年\d{1,2}月\d{1,2}日 之间/);
    const list = await json<{ items: { name: string }[] }>(await api.request('GET', '/api/v1/employees?limit=200', { token: org.hr }));
    expect(list.items.some((e) => e.name === '错日期')).toBe(false);
  });

  it('returns 201 with the record, and the change is audited with its channel', async () => {
    const res = await api.request('POST', '/api/v1/employees', { token: org.hr, body: employeeBody({ name: '新员工', superiorId: org.leadA.id, teamId: org.units.center }) });
    expect(res.status).toBe(201);
    const e = await json<Employee>(res);
    expect(e).toMatchObject({ name: '新员工', superiorId: org.leadA.id, superiorName: '周组长', teamName: '客户服务中心', version: 1 });
    expect(res.headers.get('location')).toBe(`/api/v1/employees/${e.id}`);
    const audit = await auditOf(e.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', channel: 'api' });
    expect(audit[0]!.after).toMatchObject({ name: '新员工' });
  });

  it('a trainee starts on probation ending 3 months after hire, at the trainee base salary (POLICIES.md §1, §3)', async () => {
    const e = await createEmployee(api, org.hr, { level: 'trainee', hireDate: '2026-08-31', superiorId: org.leadA.id });
    expect(e.status).toBe('probation');
    expect(e.probationEndDate).toBe('2026-11-30');
    expect(e.baseSalary).toBe(1800);
  });

  it.each([
    ['exactly 1 month is allowed (§3 minimum)', '2026-09-01', 201],
    ['one day short of 1 month is refused (§3)', '2026-08-31', 422],
    ['exactly 6 months is allowed (§3 maximum)', '2027-02-01', 201],
    ['one day past 6 months is refused (§3)', '2027-02-02', 422],
  ])('probation length: %s', async (_name, end, status) => {
    const res = await api.request('POST', '/api/v1/employees', {
      token: org.hr,
      body: employeeBody({ level: 'trainee', hireDate: '2026-08-01', probationEndDate: end, superiorId: org.leadA.id }),
    });
    expect(res.status).toBe(status);
    if (status === 422) {
      const p = await json<{ code: string; errors: { path: string; message: string }[] }>(res);
      expect(p.code).toBe('EMPLOYEE.PROBATION_LENGTH');
      expect(p.errors[0]).toMatchObject({ path: 'probationEndDate' });
      expect(p.errors[0]!.message).toContain('1–6');
    }
  });

  it('a duplicate employee number gets 409 naming the field, and nothing is written', async () => {
    const first = await createEmployee(api, org.hr, { superiorId: org.leadA.id, name: '唯一' });
    const before = await json<{ items: Employee[] }>(await api.request('GET', `/api/v1/employees?superiorId=${org.leadA.id}&limit=200`, { token: org.hr }));
    const res = await api.request('POST', '/api/v1/employees', {
      token: org.hr,
      body: employeeBody({ employeeNo: first.employeeNo, superiorId: org.leadA.id, name: '重复' }),
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const p = await json<{ code: string; errors: { path: string; message: string }[] }>(res);
    expect(p.code).toBe('EMPLOYEE.NUMBER_TAKEN');
    expect(p.errors[0]!.path).toBe('employeeNo');
    expect(p.errors[0]!.message).toContain(first.employeeNo);
    const after = await json<{ items: Employee[] }>(await api.request('GET', `/api/v1/employees?superiorId=${org.leadA.id}&limit=200`, { token: org.hr }));
    expect(after.items.map((e) => e.id)).toEqual(before.items.map((e) => e.id));
  });

  it('a superior in another department is refused; the GM may be anyone’s superior', async () => {
    const res = await api.request('POST', '/api/v1/employees', {
      token: org.hr,
      body: employeeBody({ superiorId: org.supA.id, teamId: org.units.other }),
    });
    expect(res.status).toBe(422);
    expect(await json(res)).toMatchObject({ code: 'EMPLOYEE.SUPERIOR_OTHER_DEPARTMENT', errors: [{ path: 'superiorId' }] });
    const ok = await api.request('POST', '/api/v1/employees', {
      token: org.hr,
      body: employeeBody({ post: 'hr', superiorId: org.gm.id, teamId: org.units.hrDept }),
    });
    expect(ok.status).toBe(201);
  });

  it('everyone but the GM needs a superior', async () => {
    const res = await api.request('POST', '/api/v1/employees', { token: org.hr, body: employeeBody({ superiorId: null }) });
    expect(res.status).toBe(422);
    expect(await json(res)).toMatchObject({ code: 'EMPLOYEE.SUPERIOR_REQUIRED', errors: [{ path: 'superiorId' }] });
  });

  it('only HR and admin may create employees', async () => {
    const supervisor = await api.signIn(['supervisor'], org.supA.id);
    const res = await api.request('POST', '/api/v1/employees', { token: supervisor, body: employeeBody({ superiorId: org.leadA.id }) });
    expect(res.status).toBe(403);
    expect((await json(res)).code).toBe('AUTH.FORBIDDEN');
  });

  it('a retried POST with the same Idempotency-Key creates one record and returns the same answer', async () => {
    const body = employeeBody({ superiorId: org.leadA.id, name: '幂等' });
    const headers = { 'idempotency-key': 'retry-key-0001' };
    const a = await api.request('POST', '/api/v1/employees', { token: org.hr, body, headers });
    const b = await api.request('POST', '/api/v1/employees', { token: org.hr, body, headers });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect((await json(b)).id).toBe((await json(a)).id);
    const other = await api.request('POST', '/api/v1/employees', { token: org.hr, body: { ...body, name: '别的' }, headers });
    expect(other.status).toBe(422);
    expect((await json(other)).code).toBe('IDEMPOTENCY.KEY_REUSED');
  });
});

describe('bad input gets a problem naming the field, and changes nothing', () => {
  it.each([
    ['an unknown field', { ...employeeBody(), salary: 9999 }, 'salary'],
    ['a wrong type', { ...employeeBody(), phone: 13800138000 }, 'phone'],
    ['an invalid post', { ...employeeBody(), post: 'boss' }, 'post'],
    ['an impossible date', { ...employeeBody(), hireDate: '2026-02-30' }, 'hireDate'],
    ['a bad email', { ...employeeBody(), email: 'not-an-email' }, 'email'],
  ])('%s → 400', async (_name, body, field) => {
    const res = await api.request('POST', '/api/v1/employees', { token: org.hr, body });
    expect(res.status).toBe(400);
    const p = await json<{ code: string; errors: { path: string; message: string }[] }>(res);
    expect(p.code).toBe('REQUEST.INVALID');
    expect(p.errors.map((e) => e.path)).toContain(field);
    expect(p.errors.every((e) => e.message.length > 0)).toBe(true);
  });

  it('messages follow Accept-Language: zh-CN by default, English on request', async () => {
    const zh = await api.request('POST', '/api/v1/employees', { token: org.hr, body: { ...employeeBody(), extra: 1 } });
    expect((await json<{ errors: { message: string }[] }>(zh)).errors[0]!.message).toMatch(/不允许的字段/);
    const en = await api.request('POST', '/api/v1/employees', { token: org.hr, body: { ...employeeBody(), extra: 1 }, headers: { 'accept-language': 'en-US,en' } });
    expect((await json<{ errors: { message: string }[] }>(en)).errors[0]!.message).toMatch(/Unknown field/);
  });

  it('malformed JSON → 400 problem, not a stack trace', async () => {
    const res = await api.request('POST', '/api/v1/employees', { token: org.hr, body: '{"name": ' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ code: 'REQUEST.MALFORMED_JSON' });
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('a body that is not JSON → 415', async () => {
    const res = await api.request('POST', '/api/v1/employees', { token: org.hr, body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(415);
  });

  it('an oversized body → 413', async () => {
    const res = await api.request('POST', '/api/v1/employees', { token: org.hr, body: { ...employeeBody(), name: 'x'.repeat(300_000) } });
    expect(res.status).toBe(413);
    expect((await json(res)).code).toBe('REQUEST.TOO_LARGE');
  });
});

describe('changing an employee', () => {
  it('needs the current version: a stale one gets 409 with the record as it is now', async () => {
    const e = await createEmployee(api, org.hr, { superiorId: org.leadA.id });
    const ok = await api.request('PATCH', `/api/v1/employees/${e.id}`, { token: org.hr, body: { phone: '13900000001', version: 1 } });
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({ phone: '13900000001', version: 2 });
    const stale = await api.request('PATCH', `/api/v1/employees/${e.id}`, { token: org.hr, body: { phone: '13900000002', version: 1 } });
    expect(stale.status).toBe(409);
    const p = await json<{ code: string; current: { phone: string; version: number } }>(stale);
    expect(p.code).toBe('RECORD.VERSION_CONFLICT');
    expect(p.current).toMatchObject({ phone: '13900000001', version: 2 });
    const audit = await auditOf(e.id);
    expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
    expect(audit[0]!.before).toEqual({ phone: '13800138000' });
    expect(audit[0]!.after).toEqual({ phone: '13900000001' });
  });

  it('refuses a cycle in the reporting tree and changes nothing', async () => {
    const res = await api.request('PATCH', `/api/v1/employees/${org.supA.id}`, {
      token: org.hr,
      body: { superiorId: org.agentA1.id, version: org.supA.version },
    });
    expect(res.status).toBe(422);
    expect(await json(res)).toMatchObject({ code: 'EMPLOYEE.SUPERIOR_CYCLE', errors: [{ path: 'superiorId' }] });
    const now = await json<Employee>(await api.request('GET', `/api/v1/employees/${org.supA.id}`, { token: org.hr }));
    expect(now.superiorId).toBe(org.csManager.id);
    expect(now.version).toBe(org.supA.version);
  });

  it('moving someone moves their whole subtree into the new superior’s scope', async () => {
    const local = await testApi();
    const o = await buildOrg(local);
    const supB = await local.signIn(['supervisor'], o.supB.id);
    const before = await json<{ items: Employee[] }>(await local.request('GET', '/api/v1/employees?limit=100', { token: supB }));
    expect(before.items.map((e) => e.id)).not.toContain(o.agentA1.id);
    const res = await local.request('PATCH', `/api/v1/employees/${o.leadA.id}`, { token: o.hr, body: { superiorId: o.supB.id, teamId: o.units.scenic, version: o.leadA.version } });
    expect(res.status).toBe(200);
    const after = await json<{ items: Employee[] }>(await local.request('GET', '/api/v1/employees?limit=100', { token: supB }));
    expect(after.items.map((e) => e.id)).toEqual(expect.arrayContaining([o.leadA.id, o.agentA1.id, o.agentA2.id]));
    const supA = await local.signIn(['supervisor'], o.supA.id);
    const gone = await local.request('GET', `/api/v1/employees/${o.agentA1.id}`, { token: supA });
    expect(gone.status).toBe(404);
  });
});

describe('data scope (POLICIES.md §1: a supervisor sees their subtree; HR, GM, admin see the department)', () => {
  it('a supervisor lists only their own subtree and cannot read outside it', async () => {
    const token = await api.signIn(['supervisor'], org.supA.id);
    const page = await json<{ items: Employee[] }>(await api.request('GET', '/api/v1/employees?limit=200', { token }));
    const ids = page.items.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([org.supA.id, org.leadA.id, org.agentA1.id]));
    expect(ids).not.toContain(org.agentB1.id);
    expect(ids).not.toContain(org.csManager.id);
    const outside = await api.request('GET', `/api/v1/employees/${org.agentB1.id}`, { token });
    expect(outside.status).toBe(404);
    const audit = await api.request('GET', `/api/v1/audit?entityType=employee&entityId=${org.agentB1.id}`, { token });
    expect(audit.status).toBe(404);
  });

  it('scope also holds on sorted and searched lists', async () => {
    const token = await api.signIn(['supervisor'], org.supB.id);
    for (const qs of ['sort=name', 'sort=employeeNo&order=desc', 'sort=hireDate', 'q=王', 'status=regular', 'post=agent']) {
      const page = await json<{ items: Employee[] }>(await api.request('GET', `/api/v1/employees?limit=200&${qs}`, { token }));
      for (const e of page.items) expect([org.supB.id, org.agentB1.id], qs).toContain(e.id);
    }
  });

  it('an agent sees only themselves; HR and the GM see everyone', async () => {
    const agent = await api.signIn(['agent'], org.agentA1.id);
    const mine = await json<{ items: Employee[] }>(await api.request('GET', '/api/v1/employees', { token: agent }));
    expect(mine.items.map((e) => e.id)).toEqual([org.agentA1.id]);
    // Their superior is outside their scope, yet named by 工号 as by name: an export re-imports to no change (#12 item 15).
    const lead = await json<Employee>(await api.request('GET', `/api/v1/employees/${org.leadA.id}`, { token: org.hr }));
    expect(mine.items[0]).toMatchObject({ superiorId: lead.id, superiorName: lead.name, superiorNo: lead.employeeNo });
    const gm = await api.signIn(['gm'], org.gm.id);
    const all = await json<{ items: Employee[] }>(await api.request('GET', '/api/v1/employees?limit=200', { token: gm }));
    expect(all.items.map((e) => e.id)).toEqual(expect.arrayContaining([org.gm.id, org.agentA1.id, org.agentB1.id]));
  });

  it('anonymous callers get 401', async () => {
    const res = await api.request('GET', '/api/v1/employees');
    expect(res.status).toBe(401);
    expect((await json(res)).code).toBe('AUTH.UNAUTHENTICATED');
  });
});

describe('listing', () => {
  it('walks every employee exactly once through cursor pages', async () => {
    const all = await json<{ items: Employee[] }>(await api.request('GET', '/api/v1/employees?limit=200', { token: org.hr }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: { items: Employee[]; nextCursor: string | null } = await json(await api.request('GET', `/api/v1/employees?limit=3${qs}`, { token: org.hr }));
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(all.items.length);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('sorts by name, number and hire date, both ways', async () => {
    for (const field of ['name', 'employeeNo', 'hireDate'] as const) {
      const asc = await json<{ items: Employee[] }>(await api.request('GET', `/api/v1/employees?limit=200&sort=${field}`, { token: org.hr }));
      const values = asc.items.map((e) => String(e[field]));
      expect(values).toEqual([...values].sort());
      const desc = await json<{ items: Employee[] }>(await api.request('GET', `/api/v1/employees?limit=200&sort=${field}&order=desc`, { token: org.hr }));
      expect(desc.items.map((e) => String(e[field]))).toEqual([...values].reverse());
    }
  });

  it('filters by status, superior, team, post, and searches by name or number prefix', async () => {
    const get = async (qs: string) => (await json<{ items: Employee[] }>(await api.request('GET', `/api/v1/employees?limit=200&${qs}`, { token: org.hr }))).items;
    expect((await get('status=probation')).every((e) => e.status === 'probation')).toBe(true);
    expect((await get('status=probation')).map((e) => e.id)).toContain(org.agentA2.id);
    expect((await get(`superiorId=${org.leadA.id}`)).every((e) => e.superiorId === org.leadA.id)).toBe(true);
    expect((await get(`teamId=${org.units.scenic}`)).map((e) => e.id)).toEqual(expect.arrayContaining([org.supB.id, org.agentB1.id]));
    expect((await get('post=supervisor')).map((e) => e.id).sort()).toEqual([org.supA.id, org.supB.id].sort());
    expect((await get(`q=${encodeURIComponent('孙')}`)).map((e) => e.name)).toEqual(['孙主管']);
    expect((await get(`q=${org.agentB1.employeeNo}`)).map((e) => e.id)).toEqual([org.agentB1.id]);
    const byLetters = await get('q=T');
    expect(byLetters.length).toBeGreaterThan(5);
    expect(byLetters.every((e) => e.employeeNo.startsWith('T'))).toBe(true);
    expect((await get(`ids=${org.gm.id},${org.agentB1.id}`)).map((e) => e.id)).toEqual([org.gm.id, org.agentB1.id]);
  });

  it('a cursor from another query, or a forged one, is refused with 400', async () => {
    const page = await json<{ nextCursor: string }>(await api.request('GET', '/api/v1/employees?limit=1', { token: org.hr }));
    const res = await api.request('GET', `/api/v1/employees?limit=1&sort=name&cursor=${encodeURIComponent(page.nextCursor)}`, { token: org.hr });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ code: 'REQUEST.INVALID_CURSOR', errors: [{ path: 'cursor' }] });
    const forged = await api.request('GET', '/api/v1/employees?cursor=abc', { token: org.hr });
    expect(forged.status).toBe(400);
  });

  it('rejects an unknown sort field with 400 naming it', async () => {
    const res = await api.request('GET', '/api/v1/employees?sort=salary', { token: org.hr });
    expect(res.status).toBe(400);
    expect((await json<{ errors: { path: string }[] }>(res)).errors[0]!.path).toBe('sort');
  });
});
