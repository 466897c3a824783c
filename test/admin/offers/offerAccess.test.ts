import { describe, expect, it } from 'vitest';
import { createAuthProvider } from '../../../admin/src/providers/authProvider.js';
import { createDataProvider } from '../../../admin/src/providers/dataProvider.js';
import type { Http, RequestOptions } from '../../../admin/src/providers/http.js';

function signedInAs(roles: string[]) {
  const http = (async () => ({ status: 200, headers: new Headers(), json: { id: 'u1', email: 'a@example.com', roles, employeeId: 'e1', name: '甲', language: 'zh-CN' } })) as Http;
  return createAuthProvider(http);
}
const can = async (roles: string[], action: string) => signedInAs(roles).canAccess!({ action, resource: 'offers' } as never);

describe('who sees 录用通知 (the API’s recruitment:manage for the list)', () => {
  it('HR and administrators have the list; other recruiters may open an offer’s page; agents neither', async () => {
    for (const role of ['hr', 'admin']) expect(await can([role], 'list'), role).toBe(true);
    for (const role of ['supervisor', 'cs_manager', 'gm', 'agent']) expect(await can([role], 'list'), role).toBe(false);
    expect(await can(['gm'], 'show')).toBe(true);
    expect(await can(['agent'], 'show')).toBe(false);
  });

  it('nobody creates, edits or deletes an offer as a record (its verbs do)', async () => {
    for (const action of ['create', 'edit', 'delete']) expect(await can(['admin'], action), action).toBe(false);
  });
});

describe('the offers in the data provider', () => {
  function fakeHttp(answer: unknown) {
    const calls: Array<{ path: string; options: RequestOptions }> = [];
    const http = (async (path: string, options: RequestOptions = {}) => {
      calls.push({ path, options });
      return { status: 200, headers: new Headers(), json: answer };
    }) as Http;
    return { calls, http };
  }

  it('makes one with POST /offers and lists them by status', async () => {
    const { calls, http } = fakeHttp({ items: [], nextCursor: null, id: 'o1' });
    const provider = createDataProvider(http);
    const body = { candidateId: 'c1', startDate: '2027-01-15', level: 'trainee', baseSalary: 1800, probationMonths: 3 };
    await provider.create('offers', { data: body });
    await provider.getList('offers', { filter: { status: 'sent' }, pagination: { page: 1, perPage: 25 }, sort: { field: 'createdAt', order: 'DESC' } });
    expect(calls[0]).toMatchObject({ path: '/offers', options: { method: 'POST', body } });
    expect(calls[1]).toMatchObject({ path: '/offers', options: { query: { status: 'sent', limit: 25 } } });
  });

  it('answer, withdrawal and report are the offer’s own verbs', async () => {
    const { calls, http } = fakeHttp({ employeeId: 'e9' });
    const provider = createDataProvider(http);
    await provider.respondToOffer('o/1', { answer: 'decline', reason: '已接受其他公司' });
    await provider.withdrawOffer('o1', '岗位调整');
    const { data } = await provider.reportOffer('o1', { documentsSeen: ['id_card', 'diploma', 'health_check'], mentorId: 'e2' });
    expect(data.employeeId).toBe('e9');
    expect(calls.map((c) => [c.path, c.options.method, c.options.body])).toEqual([
      ['/offers/o%2F1/response', 'POST', { answer: 'decline', reason: '已接受其他公司' }],
      ['/offers/o1/withdraw', 'POST', { reason: '岗位调整' }],
      ['/offers/o1/report', 'POST', { documentsSeen: ['id_card', 'diploma', 'health_check'], mentorId: 'e2' }],
    ]);
  });

  it('the form’s choosers read the open openings and an opening’s candidates, page after page', async () => {
    const calls: string[] = [];
    const http = (async (path: string, options: RequestOptions = {}) => {
      calls.push(`${path}?${new URLSearchParams(Object.entries(options.query ?? {}).filter(([, v]) => v !== null && v !== undefined).map(([k, v]): [string, string] => [k, String(v)])).toString()}`);
      const second = options.query?.cursor === 'n1';
      return { status: 200, headers: new Headers(), json: { items: [{ id: second ? 'c2' : 'c1' }], nextCursor: second ? null : 'n1' } };
    }) as Http;
    const provider = createDataProvider(http);
    const { data } = await provider.openingCandidates('q1');
    expect(data.map((c) => c.id)).toEqual(['c1', 'c2']);
    await provider.offerOpenings();
    expect(calls).toEqual(['/candidates?openingId=q1&limit=200', '/candidates?openingId=q1&limit=200&cursor=n1', '/openings?status=open&limit=200', '/openings?status=open&limit=200&cursor=n1']);
  });
});
