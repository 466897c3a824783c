import { describe, expect, it } from 'vitest';
import { createDataProvider } from '../../../admin/src/providers/dataProvider.js';
import type { Http, RequestOptions } from '../../../admin/src/providers/http.js';

/** An Http that answers from a handler and records what was asked. */
function fakeHttp(handler: (path: string, options: RequestOptions) => unknown) {
  const calls: Array<{ path: string; options: RequestOptions }> = [];
  const http = (async (path: string, options: RequestOptions = {}) => {
    calls.push({ path, options });
    return { status: 200, headers: new Headers(), json: handler(path, options) };
  }) as Http;
  return { calls, http };
}

const employee = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  employeeNo: `CS${id}`,
  name: `员工${id}`,
  phone: '13800138000',
  version: 3,
  updatedAt: '2025-01-01T00:00:00Z',
  superiorName: null,
  ...extra,
});

describe('the data provider', () => {
  it('lists people page by page with the server cursor, sort and filters', async () => {
    const { calls, http } = fakeHttp((_path, { query }) =>
      query?.cursor ? { items: [employee('26')], nextCursor: null } : { items: [employee('1')], nextCursor: 'c2' },
    );
    const provider = createDataProvider(http);
    const params = {
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'hireDate', order: 'DESC' as const },
      filter: { status: 'probation', q: '张' },
    };
    const first = await provider.getList('employees', params);
    const second = await provider.getList('employees', { ...params, pagination: { page: 2, perPage: 1 } });

    expect(calls[0]?.path).toBe('/employees');
    expect(calls[0]?.options.query).toMatchObject({ status: 'probation', q: '张', limit: 1, sort: 'hireDate', order: 'desc' });
    expect(calls[1]?.options.query).toMatchObject({ cursor: 'c2' });
    expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    expect(second.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    expect(first.total).toBeUndefined();
    expect(second.total).toBe(2); // the last page, after full pages: the count is known
  });

  it('fills a page the API answered short, asking only for the rows still missing', async () => {
    // A filtered read: the API returns what it found within its read budget, and a cursor.
    const answers = [
      { items: [employee('1')], nextCursor: 'a' },
      { items: [], nextCursor: 'b' },
      { items: [employee('2'), employee('3')], nextCursor: 'c' },
    ];
    const { calls, http } = fakeHttp(() => answers.shift());
    const { data, pageInfo } = await createDataProvider(http).getList('employees', {
      pagination: { page: 1, perPage: 3 },
      sort: { field: 'name', order: 'ASC' },
      filter: { teamId: 't1' },
    });
    expect(data.map((e) => e.id)).toEqual(['1', '2', '3']);
    expect(calls.map((c) => [c.options.query?.cursor ?? null, c.options.query?.limit])).toEqual([
      [null, 3],
      ['a', 2],
      ['b', 2],
    ]);
    expect(pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
  });

  it('does not ask the API to sort by a field it cannot sort by', async () => {
    const { calls, http } = fakeHttp(() => ({ items: [], nextCursor: null }));
    await createDataProvider(http).getList('employees', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'id', order: 'DESC' },
      filter: {},
    });
    expect(calls[0]?.options.query?.sort).toBeUndefined();
    expect(calls[0]?.options.query?.order).toBeUndefined();
  });

  it('saves only the changed fields, with the version the form was loaded at', async () => {
    const { calls, http } = fakeHttp(() => employee('7', { phone: '13900139000', version: 4 }));
    const previousData = employee('7');
    const result = await createDataProvider(http).update('employees', {
      id: '7',
      data: { ...previousData, phone: '13900139000', superiorName: 'changed by the form, ignored' },
      previousData,
    });
    expect(calls[0]).toMatchObject({
      path: '/employees/7',
      options: { method: 'PATCH', body: { phone: '13900139000', version: 3 } },
    });
    expect(result.data.version).toBe(4);
  });

  it('fetches several people by id in one request', async () => {
    const { calls, http } = fakeHttp(() => ({ items: [employee('1'), employee('2')] }));
    const { data } = await createDataProvider(http).getMany('employees', { ids: ['1', '2', '1'] });
    expect(calls[0]?.options.query).toMatchObject({ ids: ['1', '2'] });
    expect(data).toHaveLength(2);
  });

  it('creates with an idempotency key, empty inputs sent as null', async () => {
    const { calls, http } = fakeHttp(() => employee('9'));
    await createDataProvider(http).create('employees', {
      data: { employeeNo: 'CS9', name: '王五', superiorId: null, probationEndDate: '', id: undefined },
    });
    expect(calls[0]?.options.body).toEqual({ employeeNo: 'CS9', name: '王五', superiorId: null, probationEndDate: null });
    expect(calls[0]?.options.headers?.['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('offers only teams as team choices, from the whole org-unit list', async () => {
    const units = [
      { id: 'd1', name: '客服部', kind: 'department', parentId: null },
      { id: 't2', name: '景区客服', kind: 'team', parentId: 'd1' },
      { id: 't1', name: '客户服务中心', kind: 'team', parentId: 'd1' },
    ];
    const { http } = fakeHttp(() => ({ items: units }));
    const { data, total } = await createDataProvider(http).getList('org-units', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'id', order: 'ASC' },
      filter: { kind: 'team' },
    });
    expect(data.map((u) => u.id)).toEqual(['t1', 't2']);
    expect(total).toBe(2);
  });

  it('reads every record of a filtered list for an export, 200 a request, to the last cursor, telling the progress', async () => {
    const pages: Record<string, { items: unknown[]; nextCursor: string | null }> = {
      start: { items: Array.from({ length: 200 }, (_, i) => employee(String(i))), nextCursor: 'c2' },
      c2: { items: [], nextCursor: 'c3' }, // a filtered read may come back empty, with a cursor
      c3: { items: [employee('200'), employee('201')], nextCursor: null },
    };
    const { calls, http } = fakeHttp((_path, { query }) => pages[String(query?.cursor ?? 'start')]);
    const progress: number[] = [];
    const { data } = await createDataProvider(http).getAll('employees', {
      filter: { status: 'probation' },
      sort: { field: 'name', order: 'DESC' },
      onProgress: (n) => progress.push(n),
    });
    expect(data).toHaveLength(202);
    expect(progress).toEqual([200, 200, 202]);
    expect(calls.map((c) => c.options.query)).toEqual([
      expect.objectContaining({ status: 'probation', sort: 'name', order: 'desc', limit: 200, cursor: null }),
      expect.objectContaining({ cursor: 'c2' }),
      expect.objectContaining({ cursor: 'c3' }),
    ]);
  });
});
