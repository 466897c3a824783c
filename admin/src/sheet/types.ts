import type { ReactNode } from 'react';

/**
 * What the sheet knows about a column: plain data, so the paste and fill rules can be tested
 * without a grid. The grid's own column definitions are built from these (grid/colDefs.ts).
 */
export type SheetColumnType = 'text' | 'choice' | 'date' | 'datetime' | 'number' | 'money' | 'ref';

/** One thing a `ref` cell can point to: a person as superior, a team. */
export interface RefOption {
  id: string;
  /** What the cell shows (徐欣怡). */
  name: string;
  /** What a copy puts on the clipboard and the pick list shows (徐欣怡 (E0003)); unique among the options. */
  label: string;
  /** A code that names it on its own: the employee number. */
  code?: string;
}

/**
 * A column that shows one field (`superiorName`) and writes another (`superiorId`), picked from
 * a list loaded once per sheet.
 */
export interface SheetRef {
  writeField: string;
  options: readonly RefOption[];
}

export interface SheetColumn<T = SheetRow> {
  /** The record field; also the column id and the label key `resources.<resource>.fields.<field>`. */
  field: string;
  type?: SheetColumnType;
  /** The closed vocabulary of a `choice` column. */
  choices?: readonly string[];
  /** What a `ref` column writes and offers. */
  ref?: SheetRef;
  /** Label key of a choice value; `resources.<resource>.choices.<field>.<value>` by default. */
  choiceKey?: (value: string) => string;
  /** Written by inline editing, paste, fill and bulk edit. */
  editable?: boolean;
  /** An empty cell clears the value (null); otherwise an empty cell is an error. */
  nullable?: boolean;
  /** The API sorts by it (the list's sort follows the header). */
  sortable?: boolean;
  /** Label key, when not the field's. */
  label?: string;
  width?: number;
  /** Hidden until the user shows it. */
  hidden?: boolean;
  pinned?: 'left' | 'right';
  /** A value computed from the record (a step's label); read-only. */
  value?(record: T): unknown;
  /** A cell drawn by a component of ours (a chip, a countdown); read-only. */
  render?(record: T): ReactNode;
}

/** The record field a column's edits write: a reference column's id field, else its own. */
export function writeFieldOf(column: Pick<SheetColumn, 'field' | 'ref'>): string {
  return column.ref?.writeField ?? column.field;
}

/** A record the sheet shows: an id, and a version when it can be written. */
export interface SheetRow {
  id: string;
  version?: number;
}

/** A field of a record by name (records are interfaces of their own, without an index signature). */
export function fieldOf(row: SheetRow, field: string): unknown {
  return (row as unknown as Record<string, unknown>)[field];
}

export type CellValue = string | number | null;

/** One row of a batch write: `{id, version, ...changed fields}` (POST /employees/batch). */
export interface BatchItem {
  id: string;
  version: number;
  [field: string]: unknown;
}

/** `results[i]` of a batch answer, for `items[i]`. */
export interface BatchRowResult {
  index: number;
  status: number;
  id: string | null;
  item: SheetRow | null;
  code?: string;
  detail?: string;
  errors?: Array<{ path: string; message: string }>;
}

export type BatchWrite = (items: BatchItem[], options: { dryRun: boolean }) => Promise<BatchRowResult[]>;

/** What <Sheet> takes (the grid itself is loaded on demand: sheet/Sheet.tsx). */
export interface SheetProps<T extends SheetRow = SheetRow> {
  /** Names the column layout a user keeps (with their id): `employees`, `approvals.pending`. */
  sheetId: string;
  columns: ReadonlyArray<SheetColumn<T>>;
  /** Inline editing (PATCH with version) of the editable columns. */
  editable?: boolean;
  /** Paste, Ctrl+D and bulk edit: one batch write with a preview and per-row results. */
  batchWrite?: BatchWrite;
  /** How a row is named in previews, results and conflicts. */
  rowLabel?(row: T): string;
  /** A click on a row opens the record (read-only sheets). */
  rowClick?: 'show' | 'edit';
  /** A leading column with a link to the record (editable sheets, where a click picks a cell). */
  openLink?: 'show' | 'edit';
  /** Row checkboxes: copy rows, bulk edit, and `bulkActions`. */
  selectable?: boolean;
  /** Shown while rows are selected; they read the selection from the list context. */
  bulkActions?: ReactNode;
  /** Buttons of other features (import, export): they read the sheet through useSheetContext(). */
  toolbarExtra?: ReactNode;
  /** Rows per request (the API's largest page is 200). */
  blockSize?: number;
  /**
   * Called once, when the first rows are on screen: for reads the page needs but the first rows
   * do not (pick lists), so they do not compete with the rows for the network and the server.
   */
  onRowsShown?(): void;
}
