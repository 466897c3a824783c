import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEmployee } from '../../../../functions/storage/employees.js';
import { getLeavingGuard } from '../../../../functions/storage/offboardings.js';
import { transact } from '../../../../functions/storage/transact.js';
import { openOffboarding } from '../../../../functions/workflow/offboarding.js';
import { testApi, type TestApi } from '../../../support/api.js';
import { buildOrg, createEmployee, type TestOrg } from '../../../support/org.js';

/**
 * The offboarding routes' edges (#15 "Bad input and edge cases"): who may sign, check, add, name
 * and cancel; each refusal a 4xx naming the field and writing nothing; two resignations at once.
 */
let api: TestApi;
let org: TestOrg;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  api = await testApi();
  org = await buildOrg(api);
  tokens.supA = await api.signIn(['supervisor'], org.supA.id);
  tokens.lead = await api.signIn(['team_lead'], org.leadA.id);
  tokens.agentB = await api.signIn(['agent'], org.agentB1.id);
  tokens.hr = await api.signIn(['hr']);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

interface Offboarding { id: string; version: number; status: string; handover: { id: string; source: string; receiverEmployeeId: string | null; receivedAt: string | null }[]; inventory: { id: string; returned: boolean | null }[]; can: { receive: string[]; manage: boolean; cancel: boolean } }

/** An offboarding opened for a new agent under the team lead (as an approved resignation would). */
async function leaver(name: string): Promise<{ id: string; employeeId: string; token: string }> {
  const e = await createEmployee(api, org.hr, { name, level: 'junior', superiorId: org.leadA.id, teamId: org.units.center });
  const token = await api.signIn(['agent'], e.id);
  const employee = (await getEmployee(api.store, e.id))!;
  const at = api.clock.now.toISOString();
  const opened = await openOffboarding(api.workflow, { employee, reason: 'resignation', lastDay: '2026-12-02', actor: null, channel: 'system', at });
  await transact(api.store, opened.writes);
  return { id: opened.record.id, employeeId: e.id, token };
}
const read = async (id: string, token = tokens.hr!) => (await (await api.request('GET', `/api/v1/offboardings/${id}`, { token })).json()) as Offboarding;
const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

describe('offboarding routes (#15)', () => {
  it('the leaver adds a free-text item for their team lead; only the team lead signs it (403 NOT_YOUR_ITEM for the leaver, 404 for someone outside the line)', async () => {
    const o = await leaver('孔交接');
    const leaverToken = o.token;
    const added = await api.request('POST', `/api/v1/offboardings/${o.id}/handover`, { token: leaverToken, body: { description: '未结工单 12 张', receiverEmployeeId: org.leadA.id } });
    expect(added.status, await added.clone().text()).toBe(200);
    const item = ((await added.json()) as Offboarding).handover.at(-1)!;
    expect(item).toMatchObject({ source: 'other', receiverEmployeeId: org.leadA.id, receivedAt: null });
    const before = await read(o.id);
    const byLeaver = await api.request('POST', `/api/v1/offboardings/${o.id}/handover/${item.id}/receive`, { token: leaverToken });
    expect(byLeaver.status).toBe(403);
    expect(await byLeaver.json()).toMatchObject({ code: 'OFFBOARDING.NOT_YOUR_ITEM' });
    expect((await api.request('POST', `/api/v1/offboardings/${o.id}/handover/${item.id}/receive`, { token: tokens.agentB })).status).toBe(404);
    expect((await read(o.id)).version).toBe(before.version);
    expect((await read(o.id, tokens.lead)).can.receive).toEqual([item.id]);
    expect((await api.request('POST', `/api/v1/offboardings/${o.id}/handover/${item.id}/receive`, { token: tokens.lead })).status).toBe(200);
    expect((await api.request('POST', `/api/v1/offboardings/${o.id}/handover/no-such-item/receive`, { token: tokens.lead })).status).toBe(404);
  });

  it('bad input names the field and changes nothing: a receiver who is the leaver or unknown, an empty description, an amount for a returned item, a negative amount', async () => {
    const o = await leaver('曹边界');
    const before = await read(o.id);
    const cases: [string, string, string, Record<string, unknown>, number, string][] = [
      ['the leaver as receiver', 'POST', `/api/v1/offboardings/${o.id}/handover`, { description: '钥匙', receiverEmployeeId: o.employeeId }, 422, 'receiverEmployeeId'],
      ['an unknown receiver', 'POST', `/api/v1/offboardings/${o.id}/handover`, { description: '钥匙', receiverEmployeeId: 'nobody' }, 422, 'receiverEmployeeId'],
      ['an empty description', 'POST', `/api/v1/offboardings/${o.id}/handover`, { description: '   ' }, 400, 'description'],
      ['an amount with a returned item', 'POST', `/api/v1/offboardings/${o.id}/inventory/headset`, { returned: true, amount: 150 }, 400, 'amount'],
      ['a negative amount', 'POST', `/api/v1/offboardings/${o.id}/inventory/headset`, { returned: false, amount: -1 }, 400, 'amount'],
      ['an unknown inventory item', 'POST', `/api/v1/offboardings/${o.id}/inventory/spaceship`, { returned: true }, 404, 'itemId'],
      ['an unknown exit reason', 'PUT', `/api/v1/offboardings/${o.id}/exit-form`, { reasonCategory: 'moon', rehireEligible: true }, 422, 'reasonCategory'],
    ];
    for (const [what, method, path, body, status, field] of cases) {
      const res = await api.request(method, path, { token: tokens.hr, body });
      expect(res.status, what).toBe(status);
      expect(res.headers.get('content-type'), what).toContain('application/problem+json');
      expect(paths((await res.json()) as { errors?: { path: string }[] }), what).toContain(field);
    }
    expect((await read(o.id)).version).toBe(before.version);
  });

  it('the leaver cannot check their own inventory or name another receiver; their team lead can', async () => {
    const o = await leaver('严盘点');
    expect((await api.request('POST', `/api/v1/offboardings/${o.id}/inventory/badge`, { token: o.token, body: { returned: true } })).status).toBe(403);
    const added = (await (await api.request('POST', `/api/v1/offboardings/${o.id}/handover`, { token: o.token, body: { description: '培训资料' } })).json()) as Offboarding;
    const item = added.handover.at(-1)!;
    expect(item.receiverEmployeeId).toBeNull();
    expect((await api.request('PUT', `/api/v1/offboardings/${o.id}/handover/${item.id}`, { token: o.token, body: { receiverEmployeeId: org.supA.id } })).status).toBe(403);
    const named = await api.request('PUT', `/api/v1/offboardings/${o.id}/handover/${item.id}`, { token: tokens.lead, body: { receiverEmployeeId: org.supA.id } });
    expect(((await named.json()) as Offboarding).handover.find((h) => h.id === item.id)?.receiverEmployeeId).toBe(org.supA.id);
    const checked = await api.request('POST', `/api/v1/offboardings/${o.id}/inventory/badge`, { token: tokens.lead, body: { returned: true } });
    expect(checked.status).toBe(200);
    expect(((await checked.json()) as Offboarding).inventory.find((i) => i.id === 'badge')?.returned).toBe(true);
  });

  it('HR cancels by agreement before the last day has passed: the leaving guard goes and a new resignation may be handed in', async () => {
    const o = await leaver('华留任');
    expect((await getLeavingGuard(api.store, o.employeeId))?.offboardingId).toBe(o.id);
    expect((await api.request('POST', `/api/v1/offboardings/${o.id}/cancel`, { token: tokens.supA, body: { reason: '协商留任' } })).status).toBe(403);
    expect((await api.request('POST', `/api/v1/offboardings/${o.id}/cancel`, { token: tokens.hr, body: { reason: '' } })).status).toBe(400);
    const cancelled = await api.request('POST', `/api/v1/offboardings/${o.id}/cancel`, { token: tokens.hr, body: { reason: '经协商，员工留任' } });
    expect(cancelled.status, await cancelled.clone().text()).toBe(200);
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', cancellation: { reason: '经协商，员工留任' } });
    expect(await getLeavingGuard(api.store, o.employeeId)).toBeNull();
    expect((await api.request('POST', '/api/v1/resignations', { token: o.token, body: { employeeId: o.employeeId, reason: '再次提出', lastDay: '2026-12-31' } })).status).toBe(201);
    // Closed records change no more.
    expect((await api.request('POST', `/api/v1/offboardings/${o.id}/inventory/badge`, { token: tokens.hr, body: { returned: true } })).status).toBe(409);
  });

  it('two resignations for one employee at the same moment: exactly one is accepted (the guard is a condition in the same transaction)', async () => {
    const e = await createEmployee(api, org.hr, { name: '金并发', level: 'junior', superiorId: org.leadA.id, teamId: org.units.center });
    const token = await api.signIn(['agent'], e.id);
    const body = { employeeId: e.id, reason: '个人原因', lastDay: '2026-12-31' };
    const answers = await Promise.all([1, 2, 3].map(() => api.request('POST', '/api/v1/resignations', { token, body })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });
});
