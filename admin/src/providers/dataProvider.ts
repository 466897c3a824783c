import { HttpError, type DataProvider } from 'react-admin';
import { createConsoleMethods, type ConsoleDataProvider, type ListAllParams } from './consoleMethods.js';
import { createWebhookMethods } from '../webhooks/webhookMethods.js';
import { createRequisitionMethods } from '../requisitions/requisitionMethods.js';
import { createOfferMethods } from '../offers/offerMethods.js';
import { createOnboardingMethods } from '../onboarding-checklists/onboardingMethods.js';
import { createOpeningMethods } from '../openings/openingMethods.js';
import { createCandidateMethods } from '../candidates/candidateMethods.js';
import { createInterviewMethods } from '../interviews/interviewMethods.js';
import { createOffboardingMethods } from '../offboardings/offboardingMethods.js';
import { createResignationMethods } from '../resignations/resignationMethods.js';
import { createDisciplinaryActionMethods } from '../disciplinary-actions/disciplinaryActionMethods.js';
import { disciplinaryActionsQuery } from '../disciplinary-actions/listQuery.js';
import { createDisciplineRecordMethods } from '../discipline-record/disciplineRecordMethods.js';
import { CursorPages } from './cursorPages.js';
import type { Http, QueryValue } from './http.js';

/**
 * react-admin's data provider over the public API (/api/v1). One table says how each
 * resource is served; the methods below are the same for all of them.
 */
interface ResourceConfig {
  path: string;
  /** Fields the API sorts by; any other sort react-admin asks for is left to the API default. */
  sortable: readonly string[];
  /** A small collection the API returns whole: filtered, sorted and paged here. */
  whole?: boolean;
  /** Query parameters of a whole collection's one request (its page size). */
  wholeQuery?: Record<string, QueryValue>;
  /** Fields the API computes; never sent in a POST or PATCH (its request schemas are strict). */
  computed?: readonly string[];
  /** The list filter as the API's query, where the two differ. */
  filterQuery?: (filter: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * The inbox's tabs are one `status` filter in the console; the API reads 抄送我的 as its own
 * flag (`cc=true`) and the others as `status` = pending | waiting | decided.
 */
export function approvalsQuery({ status, ...rest }: Record<string, unknown>): Record<string, unknown> {
  return status === 'cc' ? { ...rest, cc: 'true' } : { ...rest, status };
}

/** The API's largest `limit`; a bigger console page takes several requests. */
const API_MAX_LIMIT = 200;

const RESOURCES: Record<string, ResourceConfig> = {
  employees: {
    path: '/employees',
    sortable: ['employeeNo', 'name', 'hireDate'],
    computed: ['id', 'version', 'createdAt', 'updatedAt', 'superiorName', 'teamName', 'departmentId', 'baseSalary', 'conversionDate'],
  },
  'org-units': { path: '/org-units', sortable: [], whole: true },
  audit: { path: '/audit', sortable: [] },
  // 待我审批: the caller's own tasks, newest first; filter `status` = pending | waiting | cc | decided.
  approvals: { path: '/approvals', sortable: [], filterQuery: approvalsQuery },
  // 我发起的: the requests I started, newest first; filters kind, state, from, to.
  requests: { path: '/requests', sortable: [], filterQuery: (filter) => ({ ...filter, startedBy: 'me' }) },
  // 转正评审: by `status` (default in_review) or of one `employeeId`.
  'probation-reviews': { path: '/probation-reviews', sortable: [] },
  // 人才增补: newest first, all statuses or one (`status`); created by POST (its chain starts at once).
  requisitions: { path: '/requisitions', sortable: [] },
  // 招聘职位: read one by its requisition's id (or `requisitionId`); changed by HR's verbs (openingMethods.ts).
  openings: { path: '/openings', sortable: [] },
  // 候选人: the candidates of one `openingId`, newest first; added by POST (a repeated phone or email comes back flagged).
  candidates: { path: '/candidates', sortable: [], computed: ['id', 'stage', 'stageLabel', 'sourceLabel', 'duplicateOf', 'duplicates', 'hiringId', 'hiring', 'offerId', 'createdById', 'createdByName', 'createdAt', 'updatedAt', 'version'] },
  // 录用通知 (HR): newest first, all statuses or one (`status`), or of one `openingId`; made by POST (the letter goes at once, or after the GM).
  offers: { path: '/offers', sortable: [] },
  // 入职清单 (HR): one `status` (open | done, default open), newest report first; ticked on the new hire's file (onboardingMethods.ts).
  'onboarding-checklists': { path: '/onboarding-checklists', sortable: [] },
  // 离职办理: one `employeeId`'s (newest first), or one `status` (default open) by last day (`from`, `to`); changed by its verbs (offboardingMethods.ts).
  offboardings: { path: '/offboardings', sortable: [] },
  // 辞职申请: newest first, of one `employeeId` or one `status`; handed in by POST (its chain starts at once).
  resignations: { path: '/resignations', sortable: [] },
  // 处罚记录: the open ones by deadline (`status` = open, the console's 待处理), one `status`, or one `employeeId`'s; changed by its verbs (disciplinaryActionMethods.ts).
  'disciplinary-actions': { path: '/disciplinary-actions', sortable: [], filterQuery: disciplinaryActionsQuery },
  // 账号: the accounts (GM, HR and administrators read them; administrators act on them).
  users: { path: '/users', sortable: [] },
  // Who a task can be transferred to (names only); the API's largest page is the whole list.
  'user-directory': { path: '/users/directory', sortable: [], whole: true, wholeQuery: { limit: API_MAX_LIMIT } },
};

const GET_MANY_CHUNK = 100;

// The API may answer a filtered query with a short (even empty) page and a cursor to go on:
// it reads a bounded number of items per request. A console page is filled from further
// requests, within this bound, so "page 2" is always 25 rows when there are 25 more.
const MAX_REQUESTS_PER_PAGE = 10;

// react-admin's DataProvider is generic in the record type the *caller* expects; the provider
// only passes JSON through, so its records are honestly untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = any;

interface ListBody<T> {
  items: T[];
  nextCursor?: string | null;
}

export function createDataProvider(http: Http): ConsoleDataProvider {
  const pages = new CursorPages();

  function config(resource: string): ResourceConfig {
    const found = RESOURCES[resource];
    if (!found) throw new Error(`No API route is configured for resource "${resource}"`);
    return found;
  }

  async function fetchWhole(cfg: ResourceConfig): Promise<Row[]> {
    const { json } = await http<ListBody<Row>>(cfg.path, cfg.wholeQuery ? { query: cfg.wholeQuery } : {});
    return json.items;
  }

  const provider: DataProvider = {
    async getList(resource, params) {
      const cfg = config(resource);
      const { page = 1, perPage = 25 } = params.pagination ?? {};
      const filter = params.filter ?? {};
      const sort = params.sort && cfg.sortable.includes(params.sort.field) ? params.sort : undefined;

      if (cfg.whole) {
        const all = sortLocally(filterLocally(await fetchWhole(cfg), filter), params.sort);
        return { data: all.slice((page - 1) * perPage, page * perPage), total: all.length };
      }

      const key = CursorPages.key(resource, filter, sort, perPage);
      const query = listQuery(cfg, filter, sort);
      return pages.getPage(key, page, perPage, async (cursor) => {
        const items: Row[] = [];
        let next = cursor;
        for (let request = 0; request < MAX_REQUESTS_PER_PAGE; request += 1) {
          const { json } = await http<ListBody<Row>>(cfg.path, { query: pageQuery(query, perPage - items.length, next) });
          items.push(...json.items);
          next = json.nextCursor ?? null;
          if (!next || items.length >= perPage) break;
        }
        return { items, nextCursor: next };
      });
    },

    async getOne(resource, params) {
      const cfg = config(resource);
      const { json } = await http<Row>(`${cfg.path}/${encodeURIComponent(String(params.id))}`);
      return { data: json };
    },

    async getMany(resource, params) {
      const cfg = config(resource);
      const ids = [...new Set(params.ids.map(String))];
      if (cfg.whole) {
        const wanted = new Set(ids);
        return { data: (await fetchWhole(cfg)).filter((r) => wanted.has(String(r.id))) };
      }
      const chunks: string[][] = [];
      for (let i = 0; i < ids.length; i += GET_MANY_CHUNK) chunks.push(ids.slice(i, i + GET_MANY_CHUNK));
      const answers = await Promise.all(
        chunks.map((chunk) => http<ListBody<Row>>(cfg.path, { query: { ids: chunk, limit: chunk.length } })),
      );
      return { data: answers.flatMap(({ json }) => json.items) };
    },

    async getManyReference(resource, params) {
      const { target, id, filter, ...rest } = params;
      return provider.getList(resource, { ...rest, filter: { ...filter, [target]: id } });
    },

    async create(resource, params) {
      const cfg = config(resource);
      const { json } = await http<Row>(cfg.path, {
        method: 'POST',
        body: writable(params.data as Record<string, unknown>, cfg.computed ?? []),
        // Lets the API recognise a resent create (ARCHITECTURE.md: Idempotency-Key on POSTs).
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      });
      pages.forget(resource);
      return { data: json };
    },

    async update(resource, params) {
      const cfg = config(resource);
      const previous = (params.previousData ?? {}) as Record<string, unknown>;
      const changes = changedFields(params.data as Record<string, unknown>, previous, cfg.computed ?? []);
      // Optimistic locking: the version of the record the form was loaded from, so a change
      // made by someone else in between is refused (409) instead of silently overwritten.
      const version = previous.version ?? (params.data as Record<string, unknown>).version;
      const { json } = await http<Row>(`${cfg.path}/${encodeURIComponent(String(params.id))}`, {
        method: 'PATCH',
        body: { ...changes, version },
      });
      return { data: json };
    },

    async updateMany() {
      throw notSupported();
    },
    async delete() {
      throw notSupported();
    },
    async deleteMany() {
      throw notSupported();
    },
  };
  /** Every record of a list, page after page (an export); the same query as the list's pages. */
  async function getAll(resource: string, { filter = {}, sort, onProgress, signal }: ListAllParams): Promise<{ data: Row[] }> {
    const cfg = config(resource);
    if (cfg.whole) return { data: sortLocally(filterLocally(await fetchWhole(cfg), filter), sort) };
    const query = listQuery(cfg, filter, sort && cfg.sortable.includes(sort.field) ? sort : undefined);
    const data: Row[] = [];
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      if (signal?.aborted) throw new HttpError('ra.notification.canceled', 0, null);
      const { json }: { json: ListBody<Row> } = await http<ListBody<Row>>(cfg.path, { query: { ...query, limit: API_MAX_LIMIT, cursor } });
      data.push(...json.items);
      onProgress?.(data.length);
      cursor = json.nextCursor ?? null;
      // A cursor seen before would loop forever: the list is read to its end once.
      if (cursor && seen.has(cursor)) break;
      if (cursor) seen.add(cursor);
    } while (cursor);
    return { data };
  }

  // A decision or a new review changes what the lists show: their page cursors start again.
  const forget = (resource: string) => pages.forget(resource);
  return { ...provider, getAll, ...createConsoleMethods(http, forget), ...createWebhookMethods(http), ...createRequisitionMethods(http, forget), ...createOnboardingMethods(http), ...createOpeningMethods(http, forget), ...createCandidateMethods(http, forget), ...createInterviewMethods(http), ...createOffboardingMethods(http, forget), ...createOfferMethods(http, forget), ...createResignationMethods(http, forget), ...createDisciplinaryActionMethods(http, forget), ...createDisciplineRecordMethods(http, forget) };
}

/**
 * The API request that reads the first rows of a list, as getList sends it for page 1 of
 * `perPage` (main.tsx starts it before React: earlyReads.ts). Undefined for a resource read whole.
 */
export function firstPageRequest(
  resource: string,
  filter: Record<string, unknown>,
  sort: { field: string; order: string } | undefined,
  perPage: number,
): { path: string; query: Record<string, QueryValue> } | undefined {
  const cfg = RESOURCES[resource];
  if (!cfg || cfg.whole) return undefined;
  const query = listQuery(cfg, filter, sort && cfg.sortable.includes(sort.field) ? sort : undefined);
  return { path: cfg.path, query: pageQuery(query, perPage, null) };
}

/** One request of a page: at most the API's largest `limit`, from `cursor` (none: the start). */
function pageQuery(query: Record<string, QueryValue>, wanted: number, cursor: string | null): Record<string, QueryValue> {
  return { ...query, limit: Math.min(API_MAX_LIMIT, wanted), cursor };
}

/** A list's filter and sort as the API's query parameters. */
function listQuery(cfg: ResourceConfig, filter: Record<string, unknown>, sort: { field: string; order: string } | undefined): Record<string, QueryValue> {
  return { ...toQuery(cfg.filterQuery ? cfg.filterQuery(filter) : filter), sort: sort?.field, order: sort ? sort.order.toLowerCase() : undefined };
}

/** Filter values as query parameters; arrays become comma lists (`ids=a,b`). */
function toQuery(filter: Record<string, unknown>): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) query[key] = value.map(String);
    else if (typeof value === 'string') query[key] = value.trim(); // "  " is no search; empty values are dropped
    else if (typeof value !== 'object') query[key] = value as number | boolean; // nested filters are not part of the API
  }
  return query;
}

function filterLocally(records: Row[], filter: Record<string, unknown>): Row[] {
  return records.filter((record) =>
    Object.entries(filter).every(([key, value]) => {
      if (value === undefined || value === null || value === '') return true;
      if (key === 'q') {
        const needle = String(value).toLowerCase();
        return Object.values(record).some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
      }
      if (Array.isArray(value)) return value.map(String).includes(String(record[key]));
      return String(record[key]) === String(value);
    }),
  );
}

function sortLocally(records: Row[], sort: { field: string; order: string } | undefined): Row[] {
  if (!sort?.field) return records;
  const direction = sort.order === 'DESC' ? -1 : 1;
  const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true });
  return [...records].sort((a, b) => direction * collator.compare(String(a[sort.field] ?? ''), String(b[sort.field] ?? '')));
}

function changedFields(
  data: Record<string, unknown>,
  previous: Record<string, unknown>,
  computed: readonly string[],
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (computed.includes(key)) continue;
    if (JSON.stringify(value ?? null) !== JSON.stringify(previous[key] ?? null)) changes[key] = value ?? null;
  }
  return changes;
}

/** A create body: no computed fields, and an empty input is an explicit null (`superiorId: null`). */
function writable(data: Record<string, unknown>, computed: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data)
      .filter(([key, value]) => value !== undefined && !computed.includes(key))
      .map(([key, value]) => [key, value === '' ? null : value]),
  );
}

function notSupported(): HttpError {
  return new HttpError('app.errors.not_supported', 405, null);
}
