import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useRef } from 'react';
import type { ColumnChoice } from '../ColumnsMenu';
import { clearColumnState, columnStateKey, readColumnState, writeColumnState } from '../columnState';
import type { SheetColumn, SheetRow } from '../types';
import { columnLabel } from './colDefs';

/**
 * Changes the user made (the header, the columns menu through the API), as opposed to the
 * grid's own (column definitions updated, pinned columns let go on a narrow screen).
 */
const SAVED_SOURCES = new Set(['api', 'uiColumnMoved', 'uiColumnResized', 'uiColumnDragged']);

/**
 * The user's column layout: restored when the grid (re)starts and the user is known, saved on
 * every move, resize, hide and pin, and reset to the sheet's defaults on request.
 */
export function useColumnLayout(
  api: GridApi<SheetRow> | null,
  userId: string | number | undefined,
  sheetId: string,
  columns: readonly SheetColumn[],
  resource: string,
  translate: (key: string, options?: Record<string, unknown>) => string,
) {
  const key = userId === undefined ? null : columnStateKey(String(userId), sheetId);
  // Until the saved layout is applied, the grid's own events must not overwrite it.
  const restored = useRef<{ api: GridApi | null; key: string | null }>({ api: null, key: null });

  useEffect(() => {
    if (!api || !key || (restored.current.api === api && restored.current.key === key)) return;
    const saved = readColumnState(localStorage, key, columns.map((c) => c.field));
    if (saved) api.applyColumnState({ state: saved, applyOrder: true });
    restored.current = { api, key };
  }, [api, key, columns]);

  const save = useCallback((source: string) => {
    if (!api || !key || restored.current.api !== api || !SAVED_SOURCES.has(source)) return;
    const known = new Set(columns.map((c) => c.field));
    writeColumnState(localStorage, key, api.getColumnState().filter((c) => known.has(c.colId)));
  }, [api, key, columns]);

  const getColumns = (): ColumnChoice[] => {
    if (!api) return [];
    const byField = new Map(columns.map((c) => [c.field, c]));
    return api.getColumnState().flatMap((state) => {
      const column = byField.get(state.colId);
      if (!column) return [];
      return [{ colId: state.colId, label: columnLabel(column, resource, translate), hide: !!state.hide, pinned: state.pinned === 'left' || state.pinned === 'right' ? state.pinned : null }];
    });
  };

  return {
    save,
    getColumns,
    onToggle: (colId: string, visible: boolean) => api?.setColumnsVisible([colId], visible),
    onPin: (colId: string, pinned: 'left' | 'right' | null) => api?.setColumnsPinned([colId], pinned),
    onReset: () => {
      if (key) clearColumnState(localStorage, key);
      api?.resetColumnState();
    },
  };
}
