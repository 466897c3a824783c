/**
 * The infinite row model's blocks over the data provider's cursor pages.
 *
 * The grid asks for rows [startRow, endRow) in fixed-size blocks; block n is page n + 1 of
 * that size. The data provider remembers, per query (resource, filter, sort, page size), the
 * cursor that starts each page it has read (providers/cursorPages.ts), so blocks read in order
 * each cost one request, and a block dropped from the grid's cache and asked again starts
 * from its remembered cursor. The API never counts: the last row is known when a block comes
 * back without a next page.
 */

export interface ListSort {
  field: string;
  order: 'ASC' | 'DESC';
}

export interface BlockQuery {
  filter: Record<string, unknown>;
  sort: ListSort | null;
}

/** react-admin's getList, as far as blocks need it. */
export type GetListPage = (params: {
  pagination: { page: number; perPage: number };
  sort: ListSort;
  filter: Record<string, unknown>;
}) => Promise<{ data: unknown[]; pageInfo?: { hasNextPage?: boolean }; total?: number }>;

export function blockPage(startRow: number, endRow: number): { page: number; perPage: number } {
  const perPage = endRow - startRow;
  if (perPage <= 0 || startRow % perPage !== 0) throw new Error(`not a block: rows ${startRow}–${endRow}`);
  return { page: startRow / perPage + 1, perPage };
}

/** The index after the last row, once a block shows the end; undefined while more may follow. */
export function lastRowOf(startRow: number, count: number, more: boolean): number | undefined {
  return more ? undefined : startRow + count;
}

export async function loadBlock(
  getList: GetListPage,
  query: BlockQuery,
  startRow: number,
  endRow: number,
): Promise<{ rows: unknown[]; lastRow: number | undefined }> {
  const { data, pageInfo, total } = await getList({
    pagination: blockPage(startRow, endRow),
    // No sort: the API's default order (reporting line for people, newest first for tasks).
    sort: query.sort ?? { field: '', order: 'ASC' },
    filter: query.filter,
  });
  const more = pageInfo?.hasNextPage ?? (total === undefined ? data.length === endRow - startRow : startRow + data.length < total);
  return { rows: data, lastRow: lastRowOf(startRow, data.length, more) };
}

/** The grid's sort model → the list's sort, for a column the API sorts by. */
export function toListSort(model: ReadonlyArray<{ colId: string; sort: 'asc' | 'desc' | null | undefined }>, sortable: readonly string[]): ListSort | null {
  const first = model.find((m) => m.sort && sortable.includes(m.colId));
  return first ? { field: first.colId, order: first.sort === 'desc' ? 'DESC' : 'ASC' } : null;
}

/** The list's sort as the header shows it (null: the API's default order). */
export function headerSort(sort: { field?: string; order?: string } | undefined, field: string): 'asc' | 'desc' | null {
  if (!sort?.field || sort.field !== field) return null;
  return sort.order === 'DESC' ? 'desc' : 'asc';
}
