import { describe, expect, it } from 'vitest';
import { CursorPages, type CursorPage } from '../../../admin/src/providers/cursorPages.js';

/** A fake cursor API over `total` numbered rows: the cursor is the index of the next row. */
function api(total: number, perPage: number) {
  const calls: Array<string | null> = [];
  const fetchPage = async (cursor: string | null): Promise<CursorPage<number>> => {
    calls.push(cursor);
    const start = cursor ? Number(cursor) : 0;
    const items = Array.from({ length: Math.max(0, Math.min(perPage, total - start)) }, (_, i) => start + i);
    const next = start + perPage;
    return { items, nextCursor: next < total ? String(next) : null };
  };
  return { calls, fetchPage };
}

const key = CursorPages.key('employees', { status: 'regular' }, { field: 'name', order: 'ASC' }, 10);

describe('page numbers over cursors', () => {
  it('page 2 is fetched with the cursor page 1 returned', async () => {
    const pages = new CursorPages();
    const { calls, fetchPage } = api(25, 10);
    const first = await pages.getPage(key, 1, 10, fetchPage);
    const second = await pages.getPage(key, 2, 10, fetchPage);
    expect(calls).toEqual([null, '10']);
    expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    expect(second.data[0]).toBe(10);
    expect(second.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
  });

  it('the last page says there is no next page, and how many there are in all', async () => {
    const pages = new CursorPages();
    const { fetchPage } = api(25, 10);
    const first = await pages.getPage(key, 1, 10, fetchPage);
    await pages.getPage(key, 2, 10, fetchPage);
    const last = await pages.getPage(key, 3, 10, fetchPage);
    expect(last.data).toEqual([20, 21, 22, 23, 24]);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(last.total).toBe(25);
    expect(first.total).toBeUndefined();
  });

  it('no total is claimed when an earlier page came back short', async () => {
    const pages = new CursorPages();
    // An API that filters after reading returns short pages that still have a next cursor.
    const fetchPage = async (cursor: string | null): Promise<CursorPage<number>> =>
      cursor ? { items: [10, 11], nextCursor: null } : { items: [1, 2, 3], nextCursor: 'c' };
    const last = await pages.getPage(key, 2, 10, fetchPage);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(last.total).toBeUndefined();
  });

  it('a page opened directly (a reload on page 3) is reached by walking from page 1', async () => {
    const pages = new CursorPages();
    const { calls, fetchPage } = api(45, 10);
    const third = await pages.getPage(key, 3, 10, fetchPage);
    expect(calls).toEqual([null, '10', '20']);
    expect(third.data[0]).toBe(20);
  });

  it('going back to a page already seen asks for that page only', async () => {
    const pages = new CursorPages();
    const { calls, fetchPage } = api(45, 10);
    await pages.getPage(key, 3, 10, fetchPage);
    calls.length = 0;
    await pages.getPage(key, 2, 10, fetchPage);
    expect(calls).toEqual(['10']);
  });

  it('a different filter, sort or page size starts again from the first page', async () => {
    const pages = new CursorPages();
    const { calls, fetchPage } = api(45, 10);
    await pages.getPage(key, 2, 10, fetchPage);
    calls.length = 0;
    const otherFilter = CursorPages.key('employees', { status: 'probation' }, { field: 'name', order: 'ASC' }, 10);
    await pages.getPage(otherFilter, 2, 10, fetchPage);
    expect(calls).toEqual([null, '10']);
  });

  it('filters that differ only in key order or empty values are the same query', () => {
    expect(CursorPages.key('employees', { a: 1, b: 2, c: '' }, undefined, 25)).toBe(
      CursorPages.key('employees', { b: 2, a: 1 }, undefined, 25),
    );
  });

  it('a page past the end is empty and offers no next page', async () => {
    const pages = new CursorPages();
    const { fetchPage } = api(15, 10);
    const beyond = await pages.getPage(key, 4, 10, fetchPage);
    expect(beyond).toEqual({ data: [], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  });

  it('forgetting a resource drops its cursors, not other resources’', async () => {
    const pages = new CursorPages();
    const { calls, fetchPage } = api(45, 10);
    const auditKey = CursorPages.key('audit', {}, undefined, 10);
    await pages.getPage(key, 2, 10, fetchPage);
    await pages.getPage(auditKey, 2, 10, fetchPage);
    pages.forget('employees');
    calls.length = 0;
    await pages.getPage(key, 2, 10, fetchPage);
    await pages.getPage(auditKey, 2, 10, fetchPage);
    expect(calls).toEqual([null, '10', '10']);
  });
});
