import { Box, useMediaQuery, useTheme } from '@mui/material';
import type { CellEditRequestEvent, ColumnState, GridApi, RowClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCreatePath, useGetIdentity, useListContext, useRedirect } from 'react-admin';
import { ChangeDialog } from '../ChangeDialog';
import { BulkEditDialog } from '../BulkEditDialog';
import { ConflictAlert } from '../ConflictAlert';
import type { ChangePlan } from '../changePlan';
import { SheetToolbar } from '../SheetToolbar';
import type { SheetContextValue } from '../sheetContext';
import { SHEET_BLOCK_SIZE } from '../sheetLists';
import type { SheetColumn, SheetProps, SheetRow } from '../types';
import { OPEN_COLUMN, toColDefs } from './colDefs';
import { displayedColumns, selectedNodes } from './gridReads';
import { GRID_MODULES, gridLocaleText, gridTheme } from './gridSetup';
import { useBlockSource, useRefreshSignal } from './useBlockSource';
import { useCellWrites } from './useCellWrites';
import { useColumnLayout } from './useColumnLayout';
import { useSheetKeys } from './useSheetKeys';
import { useSheetLabels } from './useSheetLabels';

const DEFAULT_COL_DEF = { resizable: true, suppressHeaderMenuButton: true };
const rowId = (p: { data: SheetRow }) => String(p.data.id);

type Dialog = { kind: 'change'; title: string; plan: ChangePlan } | { kind: 'bulk' } | null;

const SELECTION_COLUMN = 'ag-Grid-SelectionColumn';
const SELECTION_COLUMN_DEF = { pinned: 'left', width: 40, maxWidth: 40, resizable: false, suppressMovable: true, lockPosition: 'left' } as const;

/**
 * The spreadsheet grid of a react-admin list (AG Grid Community, infinite row model): it reads
 * the list context (resource, filters, sort, selection) and writes through the data provider.
 * Loaded on demand through ../Sheet.tsx, so the console's first screen carries no grid code.
 */
const SheetGrid = (props: SheetProps) => {
  const { sheetId, editable = false, batchWrite, rowClick, openLink, selectable = false, blockSize = SHEET_BLOCK_SIZE } = props;
  const columns = props.columns as readonly SheetColumn[];
  const list = useListContext();
  const { resource, filterValues, sort, setSort, selectedIds, onSelect } = list;
  const muiTheme = useTheme();
  // On a phone the sheet scrolls sideways: pinned columns would leave it no room to.
  const narrow = useMediaQuery(muiTheme.breakpoints.down('sm'));
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const { identity } = useGetIdentity();
  const [api, setApi] = useState<GridApi<SheetRow> | null>(null);
  const apiRef = useRef<GridApi<SheetRow> | null>(null);
  apiRef.current = api;
  const [selectedRows, setSelectedRows] = useState<SheetRow[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);

  const { translate, locale, label, labelOf, formatOf, fieldMessage } = useSheetLabels(resource, columns);
  const rowOf = useCallback((id: string) => apiRef.current?.getRowNode(id)?.data, []);
  const rowLabel = useCallback((id: string) => {
    const row = rowOf(id);
    return row && props.rowLabel ? props.rowLabel(row as never) : id;
  }, [rowOf, props]);

  const writes = useCellWrites(resource, apiRef, columns, fieldMessage);
  const layout = useColumnLayout(api, identity?.id, sheetId, columns, resource, translate);
  const datasource = useBlockSource(resource, filterValues, columns.filter((c) => c.sortable).map((c) => c.field));
  useRefreshSignal(resource, sheetId, () => apiRef.current?.refreshInfiniteCache());

  const colDefs = useMemo(
    () =>
      toColDefs(narrow ? columns.map(({ pinned: _, ...c }) => c) : columns, {
        resource, translate, locale, sort, editable, openLink, statusOf: writes.statusOf,
        href: (id) => `#${createPath({ resource, id, type: openLink ?? 'show' })}`,
      }),
    [columns, narrow, resource, translate, locale, sort, editable, openLink, writes.statusOf, createPath],
  );
  const theme = useMemo(() => gridTheme(muiTheme), [muiTheme]);
  const rowSelection = useMemo(
    () => (selectable ? ({ mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false } as const) : undefined),
    [selectable],
  );

  // A selection left in react-admin's store by an earlier visit is not shown by the grid: drop
  // it, once, when the sheet opens.
  const stale = useRef(selectedIds.length > 0);
  useEffect(() => {
    if (stale.current) onSelect([]);
    stale.current = false;
  }, [onSelect]);
  // A bulk action that clears the list's selection (批量同意) clears the grid's too.
  useEffect(() => {
    if (selectedIds.length === 0 && api && api.getSelectedNodes().length > 0) api.deselectAll();
  }, [selectedIds, api]);

  const canBatch = editable && !!batchWrite;
  const open = (row: SheetRow) => redirect(rowClick ?? 'show', resource, row.id);
  const keys = useSheetKeys({
    api,
    columns,
    label,
    canBatch,
    onPlan: (title, plan) => setDialog({ kind: 'change', title, plan }),
    onOpen: rowClick ? open : undefined,
  });
  const onRowClicked = (event: RowClickedEvent<SheetRow>) => {
    const target = event.event?.target as HTMLElement | null | undefined;
    if (!rowClick || !event.data || target?.closest(`[col-id="${SELECTION_COLUMN}"], [col-id="${OPEN_COLUMN}"]`)) return;
    open(event.data);
  };
  const onSelectionChanged = () => {
    if (!api) return;
    const rows = selectedNodes(api).map((n) => n.data!);
    setSelectedRows(rows);
    onSelect(rows.map((r) => r.id));
  };
  const onSortChanged = () => {
    const current = api?.getColumnState().find((c: ColumnState) => c.sort);
    if (current && (current.colId !== sort?.field || (current.sort === 'desc') !== (sort?.order === 'DESC'))) {
      setSort({ field: current.colId, order: current.sort === 'desc' ? 'DESC' : 'ASC' });
    }
  };

  const sheet: SheetContextValue = {
    resource,
    selectedRows,
    visibleColumns: () => (api ? displayedColumns(api, columns).map((c) => ({ field: c.field, label: labelOf(c.field) })) : []),
    refresh: () => api?.refreshInfiniteCache(),
  };

  return (
    <Box sx={{ width: '100%', minWidth: 0 }}>
      <SheetToolbar
        sheet={sheet}
        columns={layout}
        onBulkEdit={canBatch ? () => setDialog({ kind: 'bulk' }) : undefined}
        bulkActions={props.bulkActions}
        toolbarExtra={props.toolbarExtra}
        hints={canBatch ? 'edit' : 'read'}
        onClearSelection={() => api?.deselectAll()}
      />
      <ConflictAlert conflicts={writes.conflicts} rowLabel={rowLabel} columnLabel={labelOf} format={formatOf} onRetry={writes.retry} onDismiss={writes.dismiss} />
      <Box
        onCopy={keys.onCopy}
        onPaste={keys.onPaste}
        data-testid="sheet"
        data-sheet={sheetId}
        sx={{
          height: { xs: 'calc(100dvh - 230px)', sm: 'calc(100dvh - 250px)' },
          minHeight: 320,
          width: '100%',
          '& .sheet-cell-saving': { fontStyle: 'italic', color: 'text.secondary' },
          '& .sheet-cell-error': { bgcolor: 'rgba(211, 47, 47, 0.12)', boxShadow: 'inset 0 0 0 1px #d32f2f' },
          '& .sheet-cell-conflict': { bgcolor: 'rgba(237, 108, 2, 0.14)', boxShadow: 'inset 0 0 0 1px #ed6c02' },
          [`& .ag-row [col-id="${OPEN_COLUMN}"]`]: { display: 'flex', alignItems: 'center', justifyContent: 'center', px: 0 },
          '& .sheet-open-link': { display: 'inline-flex', color: 'action.active', '&:hover': { color: 'primary.main' } },
        }}
      >
        <AgGridReact<SheetRow>
          key={locale}
          modules={GRID_MODULES}
          theme={theme}
          localeText={gridLocaleText(locale)}
          columnDefs={colDefs}
          defaultColDef={DEFAULT_COL_DEF}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={blockSize}
          maxConcurrentDatasourceRequests={1}
          blockLoadDebounceMillis={60}
          getRowId={rowId}
          rowSelection={rowSelection}
          selectionColumnDef={SELECTION_COLUMN_DEF}
          readOnlyEdit
          onCellEditRequest={(e: CellEditRequestEvent<SheetRow>) => writes.onEditRequest(e)}
          stopEditingWhenCellsLoseFocus
          enterNavigatesVerticallyAfterEdit
          maintainColumnOrder
          suppressColumnVirtualisation
          tooltipShowDelay={300}
          onGridReady={(e) => setApi(e.api)}
          onFirstDataRendered={() => props.onRowsShown?.()}
          onCellKeyDown={keys.onCellKeyDown}
          onRowClicked={onRowClicked}
          onSelectionChanged={onSelectionChanged}
          onSortChanged={onSortChanged}
          onColumnMoved={(e) => e.finished && layout.save(e.source)}
          onColumnResized={(e) => e.finished && layout.save(e.source)}
          onColumnVisible={(e) => layout.save(e.source)}
          onColumnPinned={(e) => layout.save(e.source)}
          // A phone has no room for pinned columns: only the checkbox and the link stay put.
          processUnpinnedColumns={(p) => p.columns.filter((c) => c.getColId() !== SELECTION_COLUMN && c.getColId() !== OPEN_COLUMN)}
          rowClass={rowClick ? 'sheet-row-link' : undefined}
        />
      </Box>
      {dialog?.kind === 'bulk' && (
        <BulkEditDialog
          columns={columns}
          rows={selectedRows}
          columnLabel={labelOf}
          choiceLabel={label}
          onPlan={(plan) => setDialog({ kind: 'change', title: 'sheet.preview.bulk', plan })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'change' && batchWrite && (
        <ChangeDialog
          title={dialog.title}
          plan={dialog.plan}
          columns={columns}
          rowOf={rowOf}
          rowLabel={rowLabel}
          columnLabel={labelOf}
          fieldMessage={fieldMessage}
          format={formatOf}
          batchWrite={batchWrite}
          onWritten={writes.onBatchWritten}
          onUnknown={() => api?.refreshInfiniteCache()}
          onClose={() => setDialog(null)}
        />
      )}
    </Box>
  );
};

export default SheetGrid;
