import type { ListParams } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { createEarlyReads, EARLY_READ_MAX_AGE_MS, sheetFirstBlockUrl } from '../../../admin/src/providers/earlyReads.js';
import { createHttp } from '../../../admin/src/providers/http.js';

/**
 * Reads started before React (docs/benchmarks.md, 5b): which URL a sheet's address reads
 * first, and when the console may use that answer. The browser side (one request, sent before
 * the sign-in check; a 401 read before sign-in not used) is in test/e2e/sheet.test.ts.
 */

const none = () => undefined;

/** List params as react-admin stores them when a list is left. */
const stored = (over: Partial<ListParams>): ListParams => ({ sort: '', order: 'ASC', page: 1, perPage: 25, filter: {}, displayedFilters: {}, ...over });

describe('the first block a sheet’s address reads before React', () => {
  it('is the people list by employee number, 100 rows, when nothing is stored', () => {
    expect(sheetFirstBlockUrl('#/employees', '/api/v1', none, false)).toBe('/api/v1/employees?sort=employeeNo&order=asc&limit=100');
  });

  it('follows the sort and filters the user left the list with, as react-admin restores them', () => {
    const left = stored({ filter: { status: 'regular', q: '王' }, sort: 'name', order: 'DESC' });
    const url = sheetFirstBlockUrl('#/employees', '/api/v1', (key) => (key === 'employees.listParams' ? left : undefined), false);
    expect(url).toBe(`/api/v1/employees?status=regular&q=${encodeURIComponent('王')}&sort=name&order=desc&limit=100`);
  });

  it('keeps the defaults when nothing is stored, and the list’s default sort when the stored one is empty', () => {
    expect(sheetFirstBlockUrl('#/approvals', '/api/v1', none, false)).toBe('/api/v1/approvals?status=pending&limit=100');
    const url = sheetFirstBlockUrl('#/employees', '/api/v1', () => stored({ filter: { status: 'regular' } }), false);
    expect(url).toBe('/api/v1/employees?status=regular&sort=employeeNo&order=asc&limit=100');
  });

  it('asks the inbox’s CC tab as the API reads it, and a sort the API has not got is left out', () => {
    const url = sheetFirstBlockUrl('#/approvals', '/api/v1', () => stored({ filter: { status: 'cc' }, sort: 'id' }), false);
    expect(url).toBe('/api/v1/approvals?cc=true&limit=100');
  });

  it('is nothing on a phone (a simple list, not the grid), on another page, or for an address carrying list params', () => {
    expect(sheetFirstBlockUrl('#/employees', '/api/v1', none, true)).toBeUndefined();
    expect(sheetFirstBlockUrl('#/dashboard', '/api/v1', none, false)).toBeUndefined();
    expect(sheetFirstBlockUrl('#/employees/e1/show', '/api/v1', none, false)).toBeUndefined();
    expect(sheetFirstBlockUrl('#/employees?filter=%7B%7D', '/api/v1', none, false)).toBeUndefined();
  });
});

describe('an early answer', () => {
  // The network is not the subject here: a stand-in fetch counts the requests and answers.
  function counting(status: number) {
    const urls: string[] = [];
    const fetch = (async (url: string | URL | Request) => {
      urls.push(String(url));
      return new Response(JSON.stringify({ items: [{ id: 'e1' }] }), { status, headers: { 'Content-Type': 'application/json' } });
    }) as typeof globalThis.fetch;
    return { urls, fetch };
  }

  it('serves the first matching request in the same language, once; the next one asks the API', async () => {
    const { urls, fetch } = counting(200);
    const early = createEarlyReads(fetch);
    const http = createHttp({ baseUrl: '/api/v1', getLocale: () => 'zh-CN', fetch, early });
    early.start('/api/v1/employees?limit=100', 'zh-CN');
    expect(urls).toHaveLength(1);
    expect((await http('/employees', { query: { limit: 100 } })).json).toEqual({ items: [{ id: 'e1' }] });
    expect(urls).toHaveLength(1);
    await http('/employees', { query: { limit: 100 } });
    expect(urls).toHaveLength(2);
  });

  it('is not used for another language, when older than its limit, after sign-out, or when it was a failure', async () => {
    let clock = 0;
    const ok = counting(200);
    const early = createEarlyReads(ok.fetch, () => clock);
    const http = createHttp({ baseUrl: '/api/v1', getLocale: () => 'en', fetch: ok.fetch, early });

    early.start('/api/v1/approvals?limit=100', 'zh-CN');
    await http('/approvals', { query: { limit: 100 } });
    expect(ok.urls).toHaveLength(2);

    early.start('/api/v1/approvals?limit=100', 'en');
    clock += EARLY_READ_MAX_AGE_MS + 1;
    await http('/approvals', { query: { limit: 100 } });
    expect(ok.urls).toHaveLength(4);

    early.start('/api/v1/approvals?limit=100', 'en');
    early.clear();
    await http('/approvals', { query: { limit: 100 } });
    expect(ok.urls).toHaveLength(6);

    const refused = counting(401);
    const before = createEarlyReads(refused.fetch);
    before.start('/api/v1/approvals?limit=100', 'en');
    const signedIn = createHttp({ baseUrl: '/api/v1', getLocale: () => 'en', fetch: ok.fetch, early: before });
    expect((await signedIn('/approvals', { query: { limit: 100 } })).status).toBe(200);
    expect(ok.urls).toHaveLength(7);
  });
});
