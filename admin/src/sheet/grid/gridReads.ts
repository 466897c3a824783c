import type { GridApi, IRowNode } from 'ag-grid-community';
import { formatCellText, type ChoiceLabels } from '../cellValues';
import { planFill, planPaste, type ChangePlan } from '../changePlan';
import { refText } from '../refValues';
import { parseTsv, toTsv } from '../tsv';
import { fieldOf, writeFieldOf, type SheetColumn, type SheetRow } from '../types';

/**
 * What the keyboard's copy, paste and fill read from the grid: its displayed columns (as the
 * user ordered, pinned and hid them), the focused cell and the selected rows.
 */

/** The sheet's columns as displayed, left to right (the checkbox and link columns left out). */
export function displayedColumns(api: GridApi, columns: readonly SheetColumn[]): SheetColumn[] {
  const byField = new Map(columns.map((c) => [c.field, c]));
  return api
    .getAllDisplayedColumns()
    .map((col) => byField.get(col.getColId()))
    .filter((c): c is SheetColumn => !!c);
}

/** The selected rows that are loaded, top to bottom. */
export function selectedNodes(api: GridApi): IRowNode<SheetRow>[] {
  return (api.getSelectedNodes() as IRowNode<SheetRow>[])
    .filter((n) => n.data)
    .sort((a, b) => (a.rowIndex ?? 0) - (b.rowIndex ?? 0));
}

export function cellValue(column: SheetColumn, row: SheetRow): unknown {
  return column.value ? column.value(row) : fieldOf(row, column.field);
}

/** A cell as a copy writes it; a reference as its label (徐欣怡 (E0003)), which pastes back. */
function cellText(column: SheetColumn, row: SheetRow, label: ChoiceLabels): string {
  return column.ref ? refText(column, row) : formatCellText(column, cellValue(column, row), label);
}

/**
 * Ctrl+C: the selected rows when the focused cell is in one of them (or nothing is focused),
 * else the focused cell. Null when there is nothing to copy.
 */
export function copyText(api: GridApi, columns: readonly SheetColumn[], label: ChoiceLabels): { text: string; rows: number } | null {
  const shown = displayedColumns(api, columns);
  const focused = api.getFocusedCell();
  const selected = selectedNodes(api);
  if (selected.length > 0 && (!focused || selected.some((n) => n.rowIndex === focused.rowIndex))) {
    const rows = selected.map((n) => shown.map((c) => cellText(c, n.data!, label)));
    return { text: toTsv(rows), rows: rows.length };
  }
  if (!focused) return null;
  const row = api.getDisplayedRowAtIndex(focused.rowIndex)?.data as SheetRow | undefined;
  const column = shown.find((c) => c.field === focused.column.getColId());
  if (!row || !column) return null;
  return { text: cellText(column, row, label), rows: 1 };
}

/** Ctrl+V: the pasted block laid from the focused cell (the first column if on the checkbox). */
export function pastePlan(api: GridApi, columns: readonly SheetColumn[], text: string, label: ChoiceLabels): ChangePlan | null {
  const focused = api.getFocusedCell();
  if (!focused) return null;
  const shown = displayedColumns(api, columns);
  const colIndex = Math.max(0, shown.findIndex((c) => c.field === focused.column.getColId()));
  return planPaste(parseTsv(text), { rowIndex: focused.rowIndex, colIndex }, {
    rowCount: api.getDisplayedRowCount(),
    rowAt: (i) => api.getDisplayedRowAtIndex(i)?.data as SheetRow | undefined,
    columns: shown,
  }, label);
}

export type FillResult = { plan: ChangePlan } | { problem: 'no_cell' | 'read_only' | 'no_rows' };

/** Ctrl+D: the focused cell's value into the same column of the other selected rows. */
export function fillPlan(api: GridApi, columns: readonly SheetColumn[]): FillResult {
  const focused = api.getFocusedCell();
  const source = focused ? (api.getDisplayedRowAtIndex(focused.rowIndex)?.data as SheetRow | undefined) : undefined;
  const column = focused ? columns.find((c) => c.field === focused.column.getColId()) : undefined;
  if (!source || !column) return { problem: 'no_cell' };
  if (!column.editable) return { problem: 'read_only' };
  const targets = selectedNodes(api).map((n) => n.data!).filter((r) => r.id !== source.id);
  if (targets.length === 0) return { problem: 'no_rows' };
  const value = fieldOf(source, writeFieldOf(column));
  return { plan: planFill(column, value === undefined ? null : (value as string | number | null), targets) };
}
