import { LinearProgress } from '@mui/material';
import { lazy, Suspense } from 'react';
import type { SheetProps, SheetRow } from './types';

// The grid and AG Grid are a chunk of their own, fetched the first time a sheet is shown: the
// login page and the dashboard never load them (test/admin/sheet/codeSplit.test.ts).
const SheetGrid = lazy(() => import('./grid/SheetGrid'));

/**
 * The spreadsheet view of a react-admin list: put it inside <List> in place of a DataTable.
 * See docs/console-sheet.md for what it does and how to give a resource one.
 */
export function Sheet<T extends SheetRow>(props: SheetProps<T>) {
  return (
    <Suspense fallback={<LinearProgress sx={{ m: 2 }} />}>
      <SheetGrid {...(props as unknown as SheetProps)} />
    </Suspense>
  );
}

/**
 * The list props a sheet needs: its rows come from the grid's own block reads, so the list
 * itself reads nothing, pages nothing and never shows the empty page (filters stay usable).
 */
export const SHEET_LIST_PROPS = {
  queryOptions: { enabled: false },
  pagination: false,
  empty: false,
  exporter: false,
} as const;
