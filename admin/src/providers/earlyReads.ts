import { hasCustomParams, type ListParams } from 'react-admin';
import { SHEET_BLOCK_SIZE, SHEET_LISTS, sheetAtAddress, type SheetListDefaults } from '../sheet/sheetLists.js';
import { firstPageRequest } from './dataProvider.js';
import { toQueryString } from './http.js';

/**
 * GET requests started before React, while the page's scripts and the sign-in check load, and
 * handed to the first request for the same URL in the same language (http.ts).
 *
 * A page opened on a sheet's address (a link to the people list, the inbox) reads its first
 * block of rows this way (sheetLists.ts says which block), so the rows are on their way before
 * the grid mounts (docs/benchmarks.md, figure 5b). Safe because nothing is trusted early: the
 * API still checks the session and the caller's scope on the request, an answer is used only
 * if it is a success, only once, and only while fresh; signing out drops any left.
 */
export interface EarlyReads {
  start(url: string, locale: string): void;
  /** The early answer for this URL, if one is pending and fresh; it is no longer there after. */
  take(url: string, locale: string): Promise<Response> | undefined;
  clear(): void;
}

/** Older than this, an early answer is not used: the rows may have changed since. */
export const EARLY_READ_MAX_AGE_MS = 10_000;

export function createEarlyReads(fetchImpl: typeof fetch, now: () => number = () => Date.now()): EarlyReads {
  const pending = new Map<string, { response: Promise<Response>; at: number }>();
  const keyOf = (url: string, locale: string) => `${locale} ${url}`;
  return {
    start(url, locale) {
      const response = fetchImpl(url, {
        headers: { Accept: 'application/json, application/problem+json', 'Accept-Language': locale },
        credentials: 'include',
      });
      // Not signed in, offline: whoever takes it reads again; nobody may be waiting for it.
      response.catch(() => undefined);
      pending.set(keyOf(url, locale), { response, at: now() });
    },
    take(url, locale) {
      const key = keyOf(url, locale);
      const early = pending.get(key);
      if (!early) return undefined;
      pending.delete(key);
      return now() - early.at <= EARLY_READ_MAX_AGE_MS ? early.response : undefined;
    },
    clear() {
      pending.clear();
    },
  };
}

/** MUI's `breakpoints.down('sm')`: a phone gets a simple list, not the grid, so its first read differs. */
export const PHONE_MEDIA = '(max-width:599.95px)';

/**
 * The URL of the first block the sheet at this address will read, worked out as react-admin
 * does (its stored list params if they say anything, else the list's defaults); undefined
 * when that is not known before React: another page, an address carrying list params, a phone.
 */
export function sheetFirstBlockUrl(
  hash: string,
  apiBase: string,
  storedParams: (key: string) => ListParams | undefined,
  phone: boolean,
): string | undefined {
  const sheet = sheetAtAddress(hash);
  if (!sheet || sheet.withParams || phone) return undefined;
  const defaults: SheetListDefaults = SHEET_LISTS[sheet.resource];
  const stored = storedParams(`${sheet.resource}.listParams`);
  // As react-admin's getQuery: the stored params count when they say more than the first page.
  const custom = stored && hasCustomParams(stored) ? stored : undefined;
  const filter = custom?.filter ?? defaults.filter;
  const sort = custom?.sort ? { field: custom.sort, order: custom.order ?? 'ASC' } : defaults.sort;
  const request = firstPageRequest(sheet.resource, filter, sort, SHEET_BLOCK_SIZE);
  return request && apiBase + request.path + toQueryString(request.query);
}
