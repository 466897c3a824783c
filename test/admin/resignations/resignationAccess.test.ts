import { describe, expect, it } from 'vitest';
import { canManageOffboarding, createAuthProvider } from '../../../admin/src/providers/authProvider.js';
import { createDataProvider } from '../../../admin/src/providers/dataProvider.js';
import type { Http, RequestOptions } from '../../../admin/src/providers/http.js';

/** The console signed in with these roles (and an employee record or not). */
function signedInAs(roles: string[], employeeId: string | null) {
  const http = (async () => ({ status: 200, headers: new Headers(), json: { id: 'u1', email: 'a@example.com', roles, employeeId, name: '甲', language: 'zh-CN' } })) as Http;
  return createAuthProvider(http);
}

const can = async (roles: string[], action: string, employeeId: string | null = 'e1') => signedInAs(roles, employeeId).canAccess!({ action, resource: 'resignations' } as never);

describe('who resigns, and who hands in a resignation for someone (the API’s offboarding:write / offboarding:manage)', () => {
  it('申请离职 is there for everyone with an employee record, whatever their role', async () => {
    for (const role of ['agent', 'team_lead', 'supervisor', 'cs_manager', 'gm', 'hr', 'admin']) expect(await can([role], 'list'), role).toBe(true);
    expect(await can(['admin'], 'list', null)).toBe(false);
  });

  it('HR and administrators hand one in for others (代为提交) even without a record of their own; nobody edits or deletes one', async () => {
    expect(canManageOffboarding(['hr'])).toBe(true);
    expect(canManageOffboarding(['admin'])).toBe(true);
    for (const role of ['agent', 'team_lead', 'supervisor', 'cs_manager', 'gm']) expect(canManageOffboarding([role]), role).toBe(false);
    expect(await can(['hr'], 'create', null)).toBe(true);
    expect(await can(['supervisor'], 'create', null)).toBe(false);
    for (const action of ['edit', 'delete']) expect(await can(['admin'], action)).toBe(false);
    // Its page: the API says who may read it (404 otherwise).
    expect(await can(['agent'], 'show')).toBe(true);
  });
});

describe('resignations in the data provider', () => {
  function fakeHttp(answer: unknown) {
    const calls: Array<{ path: string; options: RequestOptions }> = [];
    const http = (async (path: string, options: RequestOptions = {}) => {
      calls.push({ path, options });
      return { status: 200, headers: new Headers(), json: answer };
    }) as Http;
    return { calls, http };
  }

  it('hands one in with POST /resignations (with an Idempotency-Key) and lists an employee’s', async () => {
    const { calls, http } = fakeHttp({ items: [], nextCursor: null, id: 'r1' });
    const provider = createDataProvider(http);
    const body = { employeeId: 'e1', lastDay: '2027-01-15', reason: '个人发展' };
    await provider.create('resignations', { data: body });
    await provider.getList('resignations', { filter: { employeeId: 'e1' }, pagination: { page: 1, perPage: 25 }, sort: { field: 'createdAt', order: 'DESC' } });
    expect(calls[0]).toMatchObject({ path: '/resignations', options: { method: 'POST', body } });
    expect(calls[0]?.options.headers?.['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls[1]).toMatchObject({ path: '/resignations', options: { query: { employeeId: 'e1', limit: 25 } } });
  });

  it('撤回 is the generic request verb of kind resignation, with the reason when one is given', async () => {
    const { calls, http } = fakeHttp({ status: 'withdrawn' });
    const provider = createDataProvider(http);
    expect((await provider.withdrawResignation('r/1', '  家里有变  ')).data).toEqual({ status: 'withdrawn' });
    await provider.withdrawResignation('r2', '   ');
    expect(calls[0]).toMatchObject({ path: '/requests/resignation/r%2F1/withdraw', options: { method: 'POST', body: { reason: '家里有变' } } });
    expect(calls[1]).toMatchObject({ path: '/requests/resignation/r2/withdraw', options: { method: 'POST', body: {} } });
  });
});
