import { formatCellText, parseCellText, sameValue, type ChoiceLabels, type ParseError } from './cellValues.js';
import { parseTsv, toTsv } from './tsv.js';
import type { SheetColumn } from './types.js';

/**
 * A form value shown as a small spreadsheet (<PolicyTable>): the rows it becomes, the value the
 * rows give back, which server error belongs to which cell, and what a paste from Excel or a
 * copy means. Plain data, so all of it is tested without a grid.
 */

/** A column of a policy table: a sheet column, with the decimals its numbers take. */
export type PolicyTableColumn = SheetColumn & {
  precision?: number;
  /** Label key of what a filled cell's tooltip explains (系统默认 → 公司制度未规定，系统默认). */
  tooltip?: string;
};

/** One table row: its id (the item's index, or the record's key) and its cells. */
export type TableRow = { id: string } & Record<string, unknown>;

/**
 * How a value is laid out. `list`: an array of objects, one row each (the score bands), rows
 * added by `newRow` when the table may grow. `record`: an object whose keys are fixed rows
 * (levels → base salary), the key in `keyField` and the value in `valueField`.
 */
export type TableShape =
  | { kind: 'list'; newRow?: () => Record<string, unknown> }
  | { kind: 'record'; keys: readonly string[]; keyField: string; valueField: string };

export function toRows(shape: TableShape, value: unknown): TableRow[] {
  if (shape.kind === 'list') {
    return (Array.isArray(value) ? value : []).map((item, i) => ({ ...(item as Record<string, unknown>), id: String(i) }));
  }
  const record = isRecord(value) ? value : {};
  // The known keys in their order, then any the value has besides (kept, never dropped).
  const keys = [...shape.keys, ...Object.keys(record).filter((k) => !shape.keys.includes(k))];
  return keys.map((key) => ({ id: key, [shape.keyField]: key, [shape.valueField]: record[key] ?? null }));
}

/** The rows as the form's value again; a record keeps whatever the rows do not show. */
export function fromRows(shape: TableShape, rows: readonly TableRow[], previous: unknown): unknown {
  if (shape.kind === 'list') return rows.map(({ id: _, ...item }) => item);
  return { ...(isRecord(previous) ? previous : {}), ...Object.fromEntries(rows.map((row) => [row.id, row[shape.valueField]])) };
}

/** A cell's value: the row's field, or what the column computes from the row. */
export function cellValue(column: SheetColumn, row: TableRow): unknown {
  return column.value ? column.value(row as never) : row[column.field];
}

/** The form path of a cell, as the server's errors name it (`values.bands.2.min`, `values.levelBaseSalary.mid`). */
export function cellPath(shape: TableShape, source: string, rows: readonly TableRow[], rowId: string, field: string): string {
  if (shape.kind === 'record') return `${source}.${rowId}`;
  return `${source}.${rows.findIndex((r) => r.id === rowId)}.${field}`;
}

export const cellKey = (rowId: string, field: string) => `${rowId}\u0000${field}`;

/**
 * The server's errors (dotted paths, `PolicyFormContext.others`) about this table: those on a
 * cell by `cellKey`, and the rest (`values.bands` "must go from high to low", a row as a whole)
 * in order, for the table to list under itself.
 */
export function tableErrors(
  shape: TableShape,
  source: string,
  rows: readonly TableRow[],
  columns: readonly SheetColumn[],
  others: Record<string, string>,
): { cells: Map<string, string>; rest: string[] } {
  const byPath = new Map<string, string>();
  for (const row of rows) {
    for (const column of columns) {
      if (shape.kind === 'record' && column.field !== shape.valueField) continue;
      byPath.set(cellPath(shape, source, rows, row.id, column.field), cellKey(row.id, column.field));
    }
  }
  const cells = new Map<string, string>();
  const rest: string[] = [];
  for (const [path, message] of Object.entries(others)) {
    if (path !== source && !path.startsWith(`${source}.`)) continue;
    const key = byPath.get(path);
    if (key) cells.set(key, message);
    else rest.push(message);
  }
  return { cells, rest };
}

export interface PasteProblem {
  /** 1-based, as the table's rows are numbered for people. */
  row: number;
  field: string;
  text: string;
  error: ParseError;
}

export interface PasteResult {
  rows: TableRow[];
  /** Cells whose value changed. */
  changed: number;
  /** Cells that fell outside the table (past its last column, or its last row when it cannot grow). */
  outside: number;
  /** Cells of read-only columns (the gap marker): left as they are. */
  readOnly: number;
  /** Cells the table cannot read; when there is any, nothing is pasted. */
  problems: PasteProblem[];
}

/**
 * A block copied from Excel pasted with its top-left cell on `start`: each cell read by its
 * column's type (numbers with ¥ and thousands separators, choices by value or label in either
 * language). A list that may grow gets new rows for a block longer than the table. All or
 * nothing: one cell that cannot be read and the table stays as it was, so a half-pasted score
 * table is never what HR saves.
 */
export function pasteIntoRows(params: {
  shape: TableShape;
  rows: readonly TableRow[];
  columns: readonly SheetColumn[];
  start: { rowIndex: number; field: string };
  text: string;
  label: ChoiceLabels;
}): PasteResult {
  const { shape, columns, start, text, label } = params;
  const rows = params.rows.map((r) => ({ ...r }));
  const startColumn = Math.max(0, columns.findIndex((c) => c.field === start.field));
  const result: PasteResult = { rows, changed: 0, outside: 0, readOnly: 0, problems: [] };
  const block = parseTsv(text);
  block.forEach((cells, r) => {
    const rowIndex = start.rowIndex + r;
    if (rowIndex >= rows.length) {
      if (shape.kind !== 'list' || !shape.newRow) {
        result.outside += cells.length;
        return;
      }
      rows.push({ ...shape.newRow(), id: `new-${rowIndex}` });
    }
    const row = rows[rowIndex]!;
    cells.forEach((raw, c) => {
      const column = columns[startColumn + c];
      if (!column) return void (result.outside += 1);
      if (!column.editable || column.value) return void (result.readOnly += 1);
      const parsed = parseCellText(column, raw, label);
      if ('error' in parsed) return void result.problems.push({ row: rowIndex + 1, field: column.field, text: raw.trim(), error: parsed.error });
      if (!sameValue(row[column.field], parsed.value)) result.changed += 1;
      row[column.field] = parsed.value;
    });
  });
  if (result.problems.length > 0) return { ...result, rows: params.rows.map((r) => ({ ...r })), changed: 0 };
  // Rows added by the paste take their place's id, as toRows would give them.
  if (shape.kind === 'list') rows.forEach((row, i) => (row.id = String(i)));
  return result;
}

/** Rows as Excel takes them (tab-separated, choice labels in the UI language): the whole table, or one cell. */
export function copyText(
  rows: readonly TableRow[],
  columns: readonly SheetColumn[],
  label: ChoiceLabels,
  only?: { rowIndex: number; field: string },
): string {
  if (only) {
    const column = columns.find((c) => c.field === only.field);
    const row = rows[only.rowIndex];
    return column && row ? toTsv([[formatCellText(column, cellValue(column, row), label)]]) : '';
  }
  return toTsv(rows.map((row) => columns.map((column) => formatCellText(column, cellValue(column, row), label))));
}

/** A row inserted before `index` (or appended), and a row removed; ids follow the positions again. */
export function insertRow(rows: readonly TableRow[], index: number, item: Record<string, unknown>): TableRow[] {
  const at = Math.min(Math.max(index, 0), rows.length);
  return [...rows.slice(0, at), { ...item, id: 'new' }, ...rows.slice(at)].map((r, i) => ({ ...r, id: String(i) }));
}

export function removeRow(rows: readonly TableRow[], index: number): TableRow[] {
  return rows.filter((_, i) => i !== index).map((r, i) => ({ ...r, id: String(i) }));
}

/** What the grid (loaded on demand, grid/PolicyTableGrid.tsx) takes from <PolicyTable>. */
export interface PolicyTableGridProps {
  /** Catalog prefix of column and choice labels (`resources.<resource>.fields.<field>`). */
  resource: string;
  columns: readonly PolicyTableColumn[];
  rows: readonly TableRow[];
  readOnly: boolean;
  /** The server's message on a cell, by `cellKey`. */
  cellErrors: ReadonlyMap<string, string>;
  /** Apply; `cells` names the cells a person changed (their errors go), `structure` a row added or removed. */
  onRows(rows: TableRow[], change: { cells?: string[]; structure?: boolean }): void;
  /** Rows may be added (and removed) only in a list with a `newRow`. */
  shape: TableShape;
  testId: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
