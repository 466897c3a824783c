import { describe, expect, it } from 'vitest';
import { blockPage, headerSort, lastRowOf, loadBlock, toListSort, type GetListPage } from '../../../admin/src/sheet/blocks.js';
import { createDataProvider } from '../../../admin/src/providers/dataProvider.js';
import type { Http, RequestOptions } from '../../../admin/src/providers/http.js';

/** The people API over `total` rows: the cursor is the index of the next row, `limit` rows a page. */
function peopleApi(total: number) {
  const calls: Array<Record<string, unknown>> = [];
  const http = (async (_path: string, options: RequestOptions = {}) => {
    const query = (options.query ?? {}) as Record<string, unknown>;
    calls.push(query);
    const start = query.cursor ? Number(query.cursor) : 0;
    const limit = Number(query.limit);
    const items = Array.from({ length: Math.max(0, Math.min(limit, total - start)) }, (_, i) => ({ id: `e${start + i}`, version: 1 }));
    const next = start + limit;
    return { status: 200, headers: new Headers(), json: { items, nextCursor: next < total ? String(next) : null } };
  }) as Http;
  return { calls, http };
}

describe('the sheet’s blocks over the cursor API', () => {
  it('block n is page n + 1 of the block size', () => {
    expect(blockPage(0, 100)).toEqual({ page: 1, perPage: 100 });
    expect(blockPage(300, 400)).toEqual({ page: 4, perPage: 100 });
    expect(() => blockPage(30, 100)).toThrow();
  });

  it('the last row is known once a block has no next page', () => {
    expect(lastRowOf(200, 100, true)).toBeUndefined();
    expect(lastRowOf(200, 37, false)).toBe(237);
  });

  it('reads blocks in order with one request each, each from the cursor the previous block returned', async () => {
    const { calls, http } = peopleApi(250);
    const provider = createDataProvider(http);
    const getList: GetListPage = (p) => provider.getList('employees', p);
    const query = { filter: { status: 'regular' }, sort: { field: 'name', order: 'ASC' as const } };

    const blocks = [];
    for (const start of [0, 100, 200]) blocks.push(await loadBlock(getList, query, start, start + 100));

    expect(calls.map((c) => c.cursor ?? null)).toEqual([null, '100', '200']);
    expect(calls[0]).toMatchObject({ status: 'regular', sort: 'name', order: 'asc', limit: 100 });
    expect(blocks.map((b) => [b.rows.length, b.lastRow])).toEqual([[100, undefined], [100, undefined], [50, 250]]);
  });

  it('a block dropped from the grid’s cache and asked again starts from its remembered cursor', async () => {
    const { calls, http } = peopleApi(1000);
    const provider = createDataProvider(http);
    const getList: GetListPage = (p) => provider.getList('employees', p);
    const query = { filter: {}, sort: null };
    for (let start = 0; start < 500; start += 100) await loadBlock(getList, query, start, start + 100);
    calls.length = 0;

    const again = await loadBlock(getList, query, 300, 400);
    expect(calls.map((c) => c.cursor)).toEqual(['300']);
    expect((again.rows[0] as { id: string }).id).toBe('e300');
  });

  it('a block asked before the ones above it walks there from the nearest known cursor', async () => {
    const { calls, http } = peopleApi(1000);
    const provider = createDataProvider(http);
    const getList: GetListPage = (p) => provider.getList('employees', p);
    await loadBlock(getList, { filter: {}, sort: null }, 0, 100);
    calls.length = 0;
    const block = await loadBlock(getList, { filter: {}, sort: null }, 300, 400);
    expect(calls.map((c) => c.cursor)).toEqual(['100', '200', '300']);
    expect((block.rows[0] as { id: string }).id).toBe('e300');
  });

  it('a new filter or sort starts from the first block again', async () => {
    const { calls, http } = peopleApi(1000);
    const provider = createDataProvider(http);
    const getList: GetListPage = (p) => provider.getList('employees', p);
    await loadBlock(getList, { filter: {}, sort: null }, 0, 100);
    await loadBlock(getList, { filter: {}, sort: null }, 100, 200);
    calls.length = 0;
    await loadBlock(getList, { filter: { post: 'agent' }, sort: null }, 0, 100);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ post: 'agent' });
    expect(calls[0]?.cursor ?? null).toBeNull();
  });

  it('the header’s sort becomes the list’s for the columns the API sorts by, and back', () => {
    expect(toListSort([{ colId: 'hireDate', sort: 'desc' }], ['employeeNo', 'hireDate'])).toEqual({ field: 'hireDate', order: 'DESC' });
    expect(toListSort([{ colId: 'phone', sort: 'asc' }], ['employeeNo'])).toBeNull();
    expect(toListSort([], ['employeeNo'])).toBeNull();
    expect(headerSort({ field: 'name', order: 'DESC' }, 'name')).toBe('desc');
    expect(headerSort({ field: 'name', order: 'ASC' }, 'employeeNo')).toBeNull();
  });
});
