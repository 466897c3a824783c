import { useQuery } from '@tanstack/react-query';
import type { IDatasource } from 'ag-grid-community';
import { useEffect, useMemo, useRef } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import { loadBlock, toListSort } from '../blocks';

/**
 * The grid's infinite row model fed from the list's resource and filters, through the data
 * provider's getList (which keeps each block's cursor, see ../blocks.ts). A new filter is a
 * new datasource: the grid starts again at the top. The sort is the grid's header, which the
 * list's sort drives (SheetGrid keeps the two together).
 */
export function useBlockSource(resource: string, filterValues: Record<string, unknown>, sortable: readonly string[]): IDatasource {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const filterKey = JSON.stringify(filterValues ?? {});
  const sortableKey = sortable.join(',');

  return useMemo<IDatasource>(() => {
    const filter = JSON.parse(filterKey) as Record<string, unknown>;
    const fields = sortableKey ? sortableKey.split(',') : [];
    return {
      getRows(params) {
        const sort = toListSort(params.sortModel, fields);
        loadBlock((p) => dataProvider.getList(resource, p), { filter, sort }, params.startRow, params.endRow).then(
          ({ rows, lastRow }) => params.successCallback(rows, lastRow),
          (error: Error) => {
            params.failCallback();
            notify(error?.message || 'ra.notification.http_error', { type: 'error' });
          },
        );
      },
    };
  }, [dataProvider, notify, resource, filterKey, sortableKey]);
}

/**
 * Calls `onRefresh` when react-admin asks its lists to read again (the refresh button, or a
 * page's refresh() after a batch decision or an import): that invalidates every query, and
 * this small one, kept under the resource's getList key, is read again.
 */
export function useRefreshSignal(resource: string, sheetId: string, onRefresh: () => void): void {
  const { data } = useQuery({
    queryKey: [resource, 'getList', { sheet: sheetId }],
    queryFn: () => Date.now(),
    staleTime: Infinity,
  });
  const first = useRef<number | undefined>(undefined);
  const callback = useRef(onRefresh);
  callback.current = onRefresh;
  useEffect(() => {
    if (data === undefined) return;
    if (first.current === undefined) {
      first.current = data;
      return;
    }
    if (data !== first.current) {
      first.current = data;
      callback.current();
    }
  }, [data]);
}
