import { describe, expect, it } from 'vitest';
import { createAuthProvider } from '../../../admin/src/providers/authProvider.js';
import { createDataProvider } from '../../../admin/src/providers/dataProvider.js';
import type { Http, RequestOptions } from '../../../admin/src/providers/http.js';

/** The console signed in with these roles (and an employee record or not). */
function signedInAs(roles: string[], employeeId: string | null) {
  const http = (async () => ({ status: 200, headers: new Headers(), json: { id: 'u1', email: 'a@example.com', roles, employeeId, name: '甲', language: 'zh-CN' } })) as Http;
  return createAuthProvider(http);
}

const can = async (roles: string[], action: string, employeeId: string | null = 'e1') => signedInAs(roles, employeeId).canAccess!({ action, resource: 'requisitions' } as never);

describe('who sees 人才增补 and raises a requisition (the API’s recruitment:read / recruitment:write)', () => {
  it('supervisors, CS managers, the GM, HR and administrators read them; agents and team leads do not see the menu', async () => {
    for (const role of ['supervisor', 'cs_manager', 'gm', 'hr', 'admin']) expect(await can([role], 'list'), role).toBe(true);
    for (const role of ['agent', 'team_lead']) expect(await can([role], 'list'), role).toBe(false);
    expect(await can(['team_lead'], 'show')).toBe(false);
  });

  it('raising one needs an employee record (its chain is found up from the requester); nobody edits or deletes one', async () => {
    expect(await can(['supervisor'], 'create')).toBe(true);
    expect(await can(['hr'], 'create', null)).toBe(false);
    expect(await can(['agent'], 'create')).toBe(false);
    for (const action of ['edit', 'delete']) expect(await can(['admin'], action)).toBe(false);
  });

  it('the recruitment policy page is read by everyone and saved by HR and administrators', async () => {
    const policy = async (roles: string[], action: string) => signedInAs(roles, 'e1').canAccess!({ action, resource: 'recruitment-policy' } as never);
    expect(await policy(['agent'], 'list')).toBe(true);
    expect(await policy(['supervisor'], 'edit')).toBe(false);
    expect(await policy(['hr'], 'edit')).toBe(true);
  });
});

describe('the requisitions in the data provider', () => {
  function fakeHttp(answer: unknown) {
    const calls: Array<{ path: string; options: RequestOptions }> = [];
    const http = (async (path: string, options: RequestOptions = {}) => {
      calls.push({ path, options });
      return { status: 200, headers: new Headers(), json: answer };
    }) as Http;
    return { calls, http };
  }

  it('raises one with POST /requisitions (with an Idempotency-Key) and lists them by status', async () => {
    const { calls, http } = fakeHttp({ items: [], nextCursor: null, id: 'q1' });
    const provider = createDataProvider(http);
    const body = { post: 'agent', teamId: 'center', headcount: 2, reason: '旺季', requirements: '普通话', level: 'trainee', wantedBy: '2027-01-15' };
    await provider.create('requisitions', { data: body });
    await provider.getList('requisitions', { filter: { status: 'pending_approval' }, pagination: { page: 1, perPage: 25 }, sort: { field: 'createdAt', order: 'DESC' } });
    expect(calls[0]).toMatchObject({ path: '/requisitions', options: { method: 'POST', body } });
    expect(calls[0]?.options.headers?.['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls[1]).toMatchObject({ path: '/requisitions', options: { query: { status: 'pending_approval', limit: 25 } } });
  });

  it('撤回 is the generic request verb of kind requisition', async () => {
    const { calls, http } = fakeHttp({ status: 'withdrawn' });
    const { data } = await createDataProvider(http).withdrawRequisition('q/1');
    expect(data).toEqual({ status: 'withdrawn' });
    expect(calls.map((c) => [c.path, c.options.method])).toEqual([['/requests/requisition/q%2F1/withdraw', 'POST']]);
  });
});
