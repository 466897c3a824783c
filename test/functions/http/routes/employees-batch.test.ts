import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../../support/api.js';
import { buildOrg, employeeBody, type TestOrg } from '../../../support/org.js';
import { recordCalls } from '../../../bench/recorder.js';

/**
 * POST /api/v1/employees/batch — the write behind paste and import (console issue): each row
 * is checked like a single create or change, written on its own with its audit record, and
 * reported; a bad row stops nothing and undoes nothing; `dryRun` is the import preview.
 */
let api: TestApi;
let org: TestOrg;

beforeAll(async () => {
  api = await testApi();
  org = await buildOrg(api);
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

interface Row { index: number; status: number; id: string | null; code?: string; errors?: { path: string }[]; item: { id: string; name: string; superiorId: string | null; version: number } | null }
interface Result { results: Row[]; created: number; updated: number; failed: number }

const batch = async (body: unknown, token = org.hr) => api.request('POST', '/api/v1/employees/batch', { token, body });
const count = async () => {
  const page = (await (await api.request('GET', '/api/v1/employees?limit=200', { token: org.hr })).json()) as { items: unknown[] };
  return page.items.length;
};

describe('employee batch writes', () => {
  it('dryRun checks every row — schema, taken numbers, duplicates within the batch — and writes nothing', async () => {
    const before = await count();
    const taken = employeeBody({ superiorId: org.supA.id });
    expect((await api.request('POST', '/api/v1/employees', { token: org.hr, body: taken })).status).toBe(201);
    const fresh = employeeBody({ superiorId: org.supA.id });
    const res = await batch({
      dryRun: true,
      items: [fresh, employeeBody({ phone: 'abc', superiorId: org.supA.id }), { ...employeeBody({ superiorId: org.supA.id }), employeeNo: taken.employeeNo }, { ...employeeBody({ superiorId: org.supA.id }), employeeNo: fresh.employeeNo }],
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const out = (await res.json()) as Result;
    expect(out.results.map((r) => r.status)).toEqual([201, 400, 409, 409]);
    expect(out.results[0]).toMatchObject({ id: null, item: { name: '测试员工' } });
    expect(out.results[1]!.errors!.map((e) => e.path)).toEqual(['phone']);
    expect(out.results[2]).toMatchObject({ code: 'EMPLOYEE.NUMBER_TAKEN', errors: [{ path: 'employeeNo' }] });
    expect(await count()).toBe(before + 1);
  });

  it('writes the good rows, reports the bad one, and a later row may name an earlier one as superior (superiorNo)', async () => {
    const before = await count();
    const lead = employeeBody({ post: 'team_lead', superiorId: org.supA.id, name: '批量组长' });
    const rows = [
      lead,
      { ...employeeBody({ name: '批量一' }), superiorId: undefined, superiorNo: lead.employeeNo },
      employeeBody({ hireDate: '2026-13-01', superiorId: org.supA.id }),
      { ...employeeBody({ name: '批量二' }), superiorId: undefined, superiorNo: 'NO-SUCH' },
      employeeBody({ name: '批量三', superiorId: org.supA.id }),
    ];
    const out = (await (await batch({ items: rows })).json()) as Result;
    expect(out.results.map((r) => r.status)).toEqual([201, 201, 400, 422, 201]);
    expect(out).toMatchObject({ created: 3, updated: 0, failed: 2 });
    expect(out.results[1]!.item!.superiorId).toBe(out.results[0]!.id);
    expect(out.results[3]!.errors!.map((e) => e.path)).toEqual(['superiorNo']);
    expect(await count()).toBe(before + 3);
    const audit = (await (await api.request('GET', `/api/v1/audit?entityType=employee&entityId=${out.results[4]!.id}`, { token: org.hr })).json()) as { items: { action: string }[] };
    expect(audit.items.map((a) => a.action)).toEqual(['create']);
  });

  it('changes rows by id with their version; a stale version fails that row only (409), the others are saved', async () => {
    const made = (await (await batch({ items: [employeeBody({ superiorId: org.supA.id }), employeeBody({ superiorId: org.supA.id })] })).json()) as Result;
    const [a, b] = made.results.map((r) => r.item!);
    const out = (await (await batch({ items: [{ id: a!.id, version: a!.version, name: '改名甲' }, { id: b!.id, version: b!.version + 5, name: '改名乙' }] })).json()) as Result;
    expect(out.results.map((r) => r.status)).toEqual([200, 409]);
    expect(out.results[1]!.code).toBe('RECORD.VERSION_CONFLICT');
    const after = (await (await api.request('GET', `/api/v1/employees/${b!.id}`, { token: org.hr })).json()) as { name: string };
    expect(after.name).toBe('测试员工');
    expect(out.results[0]!.item!.name).toBe('改名甲');
  });

  it('reads the policies and the caller’s own record once per batch, not once per row', async () => {
    const manager = await api.signIn(['cs_manager'], org.csManager.id);
    const people = [org.agentA1, org.agentA2, org.leadA, org.agentB1];
    const current = await Promise.all(people.map(async (e) => (await (await api.request('GET', `/api/v1/employees/${e.id}`, { token: org.hr })).json()) as { id: string; version: number }));
    const items = current.map((e, i) => ({ id: e.id, version: e.version, phone: `1390013${String(i).padStart(4, '0')}` }));
    const { result, calls } = await recordCalls(api.store, async () => (await (await batch({ items }, manager)).json()) as Result);
    expect(result.results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const gets = (pk: string) => calls.filter((c) => c.command === 'GetItemCommand' && (c.input.Key as { pk: { S: string } }).pk.S === pk).length;
    expect(gets('POLICY#org')).toBe(1);
    expect(gets('POLICY#probation')).toBe(1);
    expect(gets(`EMP#${org.csManager.id}`)).toBe(1);
  });

  it('is refused whole for a caller who may not write employees, and for more than 500 rows', async () => {
    const agent = await api.signIn(['agent'], org.agentA1.id);
    expect((await batch({ items: [employeeBody()] }, agent)).status).toBe(403);
    const tooMany = await batch({ items: Array.from({ length: 501 }, () => ({})) });
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('items');
  });
});
