import { describe, expect, it } from 'vitest';
import { createDataProvider } from '../../../admin/src/providers/dataProvider.js';
import type { Http, RequestOptions } from '../../../admin/src/providers/http.js';

function fakeHttp(answer: unknown) {
  const calls: Array<{ path: string; options: RequestOptions }> = [];
  const http = (async (path: string, options: RequestOptions = {}) => {
    calls.push({ path, options });
    return { status: 200, headers: new Headers(), json: answer };
  }) as Http;
  return { calls, http };
}

const page = { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' as const } };

describe('处罚记录 in the data provider', () => {
  it('待处理 is the API’s open=true (soonest deadline first); any other choice is its status; an employee’s history passes through', async () => {
    const { calls, http } = fakeHttp({ items: [], nextCursor: null });
    const provider = createDataProvider(http);
    await provider.getList('disciplinary-actions', { ...page, filter: { status: 'open' } });
    await provider.getList('disciplinary-actions', { ...page, filter: { status: 'voided' } });
    await provider.getList('disciplinary-actions', { ...page, filter: { employeeId: 'e1' } });
    expect(calls.map((c) => c.options.query)).toEqual([
      expect.objectContaining({ open: 'true', limit: 25 }),
      expect.objectContaining({ status: 'voided', limit: 25 }),
      expect.objectContaining({ employeeId: 'e1', limit: 25 }),
    ]);
    expect(calls[0]?.options.query).not.toHaveProperty('status');
    expect(calls.every((c) => c.path === '/disciplinary-actions')).toBe(true);
  });

  it('the verbs are POSTs on the action, with the bodies the API takes', async () => {
    const { calls, http } = fakeHttp({ id: 'da/1' });
    const provider = createDataProvider(http);
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    await provider.acknowledgeDisciplinaryAction('da/1', png);
    await provider.refuseDisciplinaryAction('da/1', '我不认可');
    await provider.nameDisciplineWitnesses('da/1', ['u2', 'u3']);
    await provider.witnessDisciplinaryAction('da/1', png);
    await provider.appealDisciplinaryAction('da/1', { reason: '当天在岗', attachments: ['a1'] });
    expect(calls).toEqual([
      { path: '/disciplinary-actions/da%2F1/acknowledge', options: { method: 'POST', body: { signature: png } } },
      { path: '/disciplinary-actions/da%2F1/refuse', options: { method: 'POST', body: { reason: '我不认可' } } },
      { path: '/disciplinary-actions/da%2F1/witnesses', options: { method: 'POST', body: { userIds: ['u2', 'u3'] } } },
      { path: '/disciplinary-actions/da%2F1/witness', options: { method: 'POST', body: { signature: png } } },
      { path: '/disciplinary-actions/da%2F1/appeal', options: { method: 'POST', body: { reason: '当天在岗', attachments: ['a1'] } } },
    ]);
  });
});
