import { Box, Button, Stack, Typography, useTheme } from '@mui/material';
import {
  CellStyleModule,
  ClientSideRowModelModule,
  LocaleModule,
  NumberEditorModule,
  RowApiModule,
  SelectEditorModule,
  TextEditorModule,
  TooltipModule,
  ValidationModule,
  type CellEditRequestEvent,
  type ColDef,
  type GridApi,
  type Module,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState, type ClipboardEvent } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { cellKey, cellValue, copyText, insertRow, pasteIntoRows, removeRow, type PolicyTableColumn, type PolicyTableGridProps, type TableRow } from '../policyTable';
import { choiceLabel, columnLabel, formatter } from './colDefs';
import { gridLocaleText, gridTheme } from './gridSetup';

// A handful of rows held by the form: the client-side row model, and nothing the big sheet's
// infinite model, selection or column layout needs.
const MODULES: Module[] = [
  ClientSideRowModelModule,
  TextEditorModule,
  NumberEditorModule,
  SelectEditorModule,
  RowApiModule,
  CellStyleModule,
  TooltipModule,
  LocaleModule,
  ...(import.meta.env.DEV ? [ValidationModule] : []),
];
const EDITORS = { number: 'agNumberCellEditor', money: 'agNumberCellEditor', choice: 'agSelectCellEditor', text: 'agTextCellEditor' } as const;
const rowId = (p: { data: TableRow }) => p.data.id;

/**
 * A form's table as a spreadsheet (AG Grid Community, client-side rows): arrows and Tab move,
 * Enter/F2 or typing edits, Esc cancels, Ctrl+V pastes a block from Excel at the focused cell,
 * Ctrl+C copies the focused cell. Every change goes back to the form through `onRows`; nothing
 * is saved until the page is. Loaded on demand through components/PolicyTable.tsx.
 */
const PolicyTableGrid = ({ resource, columns, rows, readOnly, cellErrors, onRows, shape, testId }: PolicyTableGridProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const muiTheme = useTheme();
  const [api, setApi] = useState<GridApi<TableRow> | null>(null);
  const label = useMemo(() => choiceLabel(resource, translate), [resource, translate]);
  const theme = useMemo(() => gridTheme(muiTheme), [muiTheme]);
  const rowData = useMemo(() => rows.map((r) => ({ ...r })), [rows]);

  const colDefs = useMemo(
    () => columns.map((column) => toColDef(column, { resource, translate, locale, readOnly, cellErrors })),
    [columns, resource, translate, locale, readOnly, cellErrors],
  );

  const focused = () => {
    const cell = api?.getFocusedCell();
    return cell ? { rowIndex: cell.rowIndex, field: cell.column.getColId() } : null;
  };

  const onEdit = (event: CellEditRequestEvent<TableRow>) => {
    const field = event.colDef.colId!;
    const id = event.data?.id;
    if (!id) return;
    const next = rows.map((r) => (r.id === id ? { ...r, [field]: event.newValue ?? null } : r));
    onRows(next, { cells: [cellKey(id, field)] });
  };

  const onPaste = (event: ClipboardEvent) => {
    if (isInput(event.target) || (api?.getEditingCells().length ?? 0) > 0) return;
    const text = event.clipboardData.getData('text/plain');
    if (!text) return;
    event.preventDefault();
    if (readOnly) return notify('sheet.read_only', { type: 'warning' });
    const start = focused();
    if (!start) return notify('app.policy_table.no_cell', { type: 'warning' });
    const pasted = pasteIntoRows({ shape, rows, columns, start, text, label });
    const problem = pasted.problems[0];
    if (problem) {
      const column = columns.find((c) => c.field === problem.field)!;
      return notify('app.policy_table.paste_problem', {
        type: 'error',
        messageArgs: { row: problem.row, column: columnLabel(column, resource, translate), problem: translate(`sheet.parse.${problem.error}`, { text: problem.text }) },
      });
    }
    const touched = pasted.rows.flatMap((r) => columns.map((c) => cellKey(r.id, c.field)));
    onRows(pasted.rows, { cells: touched, structure: pasted.rows.length !== rows.length });
    notify(pasted.outside > 0 ? 'app.policy_table.pasted_outside' : 'app.policy_table.pasted', {
      type: pasted.outside > 0 ? 'warning' : 'info',
      messageArgs: { smart_count: pasted.changed, outside: pasted.outside },
    });
  };

  const onCopy = (event: ClipboardEvent) => {
    if (isInput(event.target) || (api?.getEditingCells().length ?? 0) > 0) return;
    const at = focused();
    if (!at) return;
    event.clipboardData.setData('text/plain', copyText(rows, columns, label, at));
    event.preventDefault();
  };

  const copyAll = async () => {
    await navigator.clipboard.writeText(copyText(rows, columns, label));
    notify('app.policy_table.copied', { type: 'info', messageArgs: { smart_count: rows.length } });
  };

  // Rows come and go only in a list that says what a new row holds (the score bands).
  const newRow = shape.kind === 'list' ? shape.newRow : undefined;
  const insert = () => newRow && onRows(insertRow(rows, focused()?.rowIndex ?? rows.length, newRow()), { structure: true });
  const remove = () => {
    const at = focused()?.rowIndex;
    if (at === undefined) return notify('app.policy_table.no_row', { type: 'warning' });
    onRows(removeRow(rows, at), { structure: true });
  };

  return (
    <Box data-testid={testId} sx={{ maxWidth: 720 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }}>
          {translate(readOnly ? 'app.policy_table.hints.read' : 'app.policy_table.hints.edit')}
        </Typography>
        {!readOnly && newRow && (
          <>
            <Button size="small" onClick={insert}>
              {translate('app.policy_table.insert_row')}
            </Button>
            <Button size="small" color="error" onClick={remove}>
              {translate('app.policy_table.remove_row')}
            </Button>
          </>
        )}
        <Button size="small" onClick={() => void copyAll()}>
          {translate('app.policy_table.copy_all')}
        </Button>
      </Stack>
      <Box
        onPaste={onPaste}
        onCopy={onCopy}
        sx={{
          '& .policy-cell-error': { bgcolor: 'rgba(211, 47, 47, 0.12)', boxShadow: 'inset 0 0 0 1px #d32f2f' },
          '& .policy-cell-gap': { color: 'warning.dark' },
        }}
      >
        <AgGridReact<TableRow>
          key={locale}
          modules={MODULES}
          theme={theme}
          localeText={gridLocaleText(locale, 'table')}
          columnDefs={colDefs}
          rowData={rowData}
          getRowId={rowId}
          domLayout="autoHeight"
          readOnlyEdit
          onCellEditRequest={onEdit}
          stopEditingWhenCellsLoseFocus
          enterNavigatesVerticallyAfterEdit
          tooltipShowDelay={200}
          onGridReady={(e) => setApi(e.api)}
        />
      </Box>
    </Box>
  );
};

function toColDef(
  column: PolicyTableColumn,
  options: { resource: string; translate: ReturnType<typeof useTranslate>; locale: string; readOnly: boolean; cellErrors: ReadonlyMap<string, string> },
): ColDef<TableRow> {
  const type = column.type ?? 'text';
  const format = formatter(column, { ...options, sort: undefined, editable: false, statusOf: () => undefined });
  const editable = !options.readOnly && !!column.editable && !column.value;
  const error = (data: TableRow | undefined) => (data ? options.cellErrors.get(cellKey(data.id, column.field)) : undefined);
  const editor = type in EDITORS ? EDITORS[type as keyof typeof EDITORS] : undefined;
  return {
    colId: column.field,
    headerName: columnLabel(column, options.resource, options.translate),
    valueGetter: (p) => (p.data ? cellValue(column, p.data) : undefined),
    valueFormatter: (p) => format(p.value),
    cellDataType: false,
    // The columns share the table's width, none narrower than its own.
    flex: 1,
    minWidth: column.width ?? 160,
    sortable: false,
    suppressMovable: true,
    editable,
    ...(editable && editor ? { cellEditor: editor } : {}),
    ...(editable && (type === 'number' || type === 'money') ? { cellEditorParams: { precision: column.precision ?? 0 } } : {}),
    ...(editable && type === 'choice' ? { cellEditorParams: { values: [...(column.choices ?? [])] } } : {}),
    ...(type === 'number' || type === 'money' ? { type: 'rightAligned' } : {}),
    cellClassRules: {
      'policy-cell-error': (p) => !!error(p.data),
      'policy-cell-gap': () => !!column.value,
    },
    tooltipValueGetter: (p) => error(p.data) ?? (column.tooltip && p.value != null ? options.translate(column.tooltip) : undefined),
  };
}

function isInput(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export default PolicyTableGrid;
