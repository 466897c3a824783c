/**
 * Page numbers over a cursor-paginated API.
 *
 * react-admin asks for "page N of size S"; the API only knows "the page after cursor C".
 * For each query (resource + filter + sort + page size) we remember the cursor that starts
 * each page we have seen, so page N+1 is fetched with page N's nextCursor. A different
 * filter, sort or page size is a different query and starts again from page 1. A page whose
 * start is unknown (a reload on page 4, a bookmarked URL) is reached by walking forward from
 * the nearest known page.
 *
 * The API never counts, but the last page tells the total when every page before it was
 * full: then react-admin shows "51-60 of 60" rather than "51-75 of more than 75".
 */

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export type FetchPage<T> = (cursor: string | null) => Promise<CursorPage<T>>;

export interface PageResult<T> {
  data: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
  /** Only on the last page, and only when every earlier page was full. */
  total?: number;
}

interface Query {
  /** starts[i] = cursor that starts page i + 1 (starts[0] is always null) */
  starts: Array<string | null>;
  /** sizes[i] = number of items page i + 1 had when last fetched */
  sizes: number[];
}

export class CursorPages {
  private readonly queries = new Map<string, Query>();

  /**
   * @param maxQueries how many distinct queries to remember; the list page and a reference
   * input's search can be live at the same time, so this must be more than one.
   */
  constructor(private readonly maxQueries = 20) {}

  static key(resource: string, filter: unknown, sort: unknown, perPage: number): string {
    return JSON.stringify([resource, canonical(filter), canonical(sort), perPage]);
  }

  async getPage<T>(key: string, page: number, perPage: number, fetchPage: FetchPage<T>): Promise<PageResult<T>> {
    if (!Number.isInteger(page) || page < 1) page = 1;
    const { starts, sizes } = this.touch(key);

    // Walk forward from the last known page start up to the requested page.
    let index = Math.min(page, starts.length) - 1;
    for (;;) {
      const result = await fetchPage(starts[index] ?? null);
      sizes[index] = result.items.length;
      if (result.nextCursor) {
        starts[index + 1] = result.nextCursor;
      } else {
        // The end (it may have moved): forget what lay beyond it.
        starts.length = index + 1;
        sizes.length = index + 1;
      }
      if (index === page - 1) {
        const earlierFull = Array.from({ length: index }, (_, i) => sizes[i]).every((size) => size === perPage);
        return {
          data: result.items,
          pageInfo: { hasNextPage: Boolean(result.nextCursor), hasPreviousPage: page > 1 },
          ...(!result.nextCursor && earlierFull ? { total: index * perPage + result.items.length } : {}),
        };
      }
      if (!result.nextCursor) {
        // Asked for a page past the end.
        return { data: [], pageInfo: { hasNextPage: false, hasPreviousPage: page > 1 } };
      }
      index += 1;
    }
  }

  /** Forget every query of a resource (after a create, the pages may have shifted). */
  forget(resource: string): void {
    const prefix = JSON.stringify([resource]).slice(0, -1) + ',';
    for (const key of this.queries.keys()) if (key.startsWith(prefix)) this.queries.delete(key);
  }

  private touch(key: string): Query {
    let query = this.queries.get(key);
    if (query) {
      this.queries.delete(key); // re-insert: Map order doubles as least-recently-used order
    } else {
      query = { starts: [null], sizes: [] };
    }
    this.queries.set(key, query);
    while (this.queries.size > this.maxQueries) {
      const oldest = this.queries.keys().next().value;
      if (oldest === undefined) break;
      this.queries.delete(oldest);
    }
    return query;
  }
}

/** JSON with sorted object keys and empty values dropped, so equal filters give equal keys. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined || v === null || v === '') continue;
      out[key] = canonical(v);
    }
    return out;
  }
  return value;
}
