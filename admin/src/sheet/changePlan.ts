import { parseCellText, sameValue, type ChoiceLabels, type ParseError } from './cellValues.js';
import { refText } from './refValues.js';
import { fieldOf, writeFieldOf, type BatchItem, type BatchRowResult, type CellValue, type SheetColumn, type SheetRow } from './types.js';

/**
 * What a paste, a fill-down or a bulk edit would change, cell by cell, before anything is
 * written: the preview shows it, the batch write sends it, and the results are read back
 * against it row by row. A row with a cell the sheet cannot read is not sent at all, so no
 * row is ever half-written. A change names the field it writes: `superiorId` for the
 * 直属上级 column, which shows `superiorName`.
 */

export interface CellChange {
  id: string;
  /** The record field written (writeFieldOf the column). */
  field: string;
  before: unknown;
  after: CellValue;
  /** Why the text cannot go into this cell (the row is then not sent). */
  error?: ParseError;
  /** The pasted text, shown with the error. */
  text?: string;
}

export interface ChangePlan {
  changes: CellChange[];
  /** Cells left alone, and why (shown under the preview). */
  ignored: { readOnly: number; outside: number; notLoaded: number; unchanged: number };
}

/** The part of the grid a paste lands on: displayed rows and columns, in display order. */
export interface GridSnapshot {
  rowCount: number;
  /** undefined: the row's block is not loaded. */
  rowAt(index: number): SheetRow | undefined;
  columns: readonly SheetColumn[];
}

const emptyIgnored = () => ({ readOnly: 0, outside: 0, notLoaded: 0, unchanged: 0 });

/** A pasted block laid over the grid from the focused cell down and to the right. */
export function planPaste(
  matrix: ReadonlyArray<ReadonlyArray<string>>,
  start: { rowIndex: number; colIndex: number },
  grid: GridSnapshot,
  label: ChoiceLabels,
): ChangePlan {
  const plan: ChangePlan = { changes: [], ignored: emptyIgnored() };
  matrix.forEach((cells, r) => {
    const rowIndex = start.rowIndex + r;
    const row = rowIndex < grid.rowCount ? grid.rowAt(rowIndex) : undefined;
    cells.forEach((text, c) => {
      const column = grid.columns[start.colIndex + c];
      if (rowIndex >= grid.rowCount || !column) plan.ignored.outside += 1;
      else if (!row) plan.ignored.notLoaded += 1;
      else if (!column.editable) plan.ignored.readOnly += 1;
      // A reference pasted back as the sheet shows it, even one outside the options (a superior
      // above the user's scope), is no change.
      else if (column.ref && text.trim() !== '' && text.trim() === refText(column, row)) plan.ignored.unchanged += 1;
      else addChange(plan, row, column, parseCellText(column, text, label), text);
    });
  });
  return plan;
}

/** One value into one column of many rows (Ctrl+D from the focused cell, or a bulk edit). */
export function planFill(column: SheetColumn, value: CellValue, targets: readonly SheetRow[]): ChangePlan {
  const plan: ChangePlan = { changes: [], ignored: emptyIgnored() };
  for (const row of targets) {
    if (!column.editable) plan.ignored.readOnly += 1;
    else addChange(plan, row, column, value === null && !column.nullable ? { error: 'required' } : { value });
  }
  return plan;
}

function addChange(plan: ChangePlan, row: SheetRow, column: SheetColumn, parsed: { value: CellValue } | { error: ParseError }, text?: string) {
  const field = writeFieldOf(column);
  const before = fieldOf(row, field);
  if ('error' in parsed) {
    plan.changes.push({ id: row.id, field, before, after: null, error: parsed.error, ...(text === undefined ? {} : { text }) });
  } else if (sameValue(before, parsed.value)) {
    plan.ignored.unchanged += 1;
  } else {
    plan.changes.push({ id: row.id, field, before, after: parsed.value });
  }
}

export interface PlannedRow {
  id: string;
  cells: CellChange[];
  /** A cell of the row cannot be read: the row is not sent. */
  blocked: boolean;
}

/** The plan by row, in the order the rows were first touched. */
export function planRows(plan: ChangePlan): PlannedRow[] {
  const rows = new Map<string, PlannedRow>();
  for (const change of plan.changes) {
    const row = rows.get(change.id) ?? { id: change.id, cells: [], blocked: false };
    row.cells.push(change);
    row.blocked ||= change.error !== undefined;
    rows.set(change.id, row);
  }
  return [...rows.values()];
}

/** The batch body's items: one per row that can be sent, with the version it was read at. */
export function batchItems(rows: readonly PlannedRow[], versionOf: (id: string) => number | undefined): BatchItem[] {
  return rows
    .filter((row) => !row.blocked)
    .map((row) => ({
      id: row.id,
      version: versionOf(row.id) ?? 0,
      ...Object.fromEntries(row.cells.map((cell) => [cell.field, cell.after])),
    }));
}

export interface RowOutcome {
  id: string;
  ok: boolean;
  /** The row as saved (or as it would be, for a dry run). */
  item: SheetRow | null;
  /** The problem's message for the row, when it failed. */
  detail?: string;
  code?: string;
  /** field → message, from the problem's `errors[].path`. */
  fieldErrors: Record<string, string>;
}

/**
 * The answer for each item sent, by position. An item with no answer is reported as failed:
 * the results never claim more than the server said.
 */
export function readResults(items: readonly BatchItem[], results: readonly BatchRowResult[]): RowOutcome[] {
  return items.map((item, index) => {
    const result = results.find((r) => r.index === index) ?? results[index];
    if (!result) return { id: item.id, ok: false, item: null, code: 'NO_ANSWER', fieldErrors: {} };
    const fieldErrors: Record<string, string> = {};
    for (const error of result.errors ?? []) {
      const field = String(error.path ?? '').split(/[.[/]/)[0] || '';
      if (field && fieldErrors[field] === undefined) fieldErrors[field] = error.message;
    }
    const ok = result.status >= 200 && result.status < 300;
    return {
      id: item.id,
      ok,
      item: result.item,
      fieldErrors,
      ...(ok ? {} : { detail: result.detail, code: result.code }),
    };
  });
}

export interface WritePlan {
  /** What the write sends: rows the sheet can read that the server's check did not refuse. */
  send: BatchItem[];
  /** Rows the server's check (the dry run) refused, with its answer: named apart, not sent. */
  refused: Array<{ item: BatchItem; outcome: RowOutcome }>;
  /** Rows with a cell the sheet cannot read (never sent). */
  blocked: number;
  /** Cells the write changes, in the rows it sends. */
  cells: number;
}

/**
 * What the confirmation promises (#12 item 16): the rows and cells that will actually change —
 * not the cells of rows the sheet cannot send, nor rows the dry run refused, which are counted
 * apart. Before the check answers (or if it could not), every readable row is to be sent.
 */
export function planWrite(rows: readonly PlannedRow[], items: readonly BatchItem[], check: ReadonlyMap<string, RowOutcome>): WritePlan {
  const send: BatchItem[] = [];
  const refused: WritePlan['refused'] = [];
  for (const item of items) {
    const outcome = check.get(item.id);
    if (outcome && !outcome.ok) refused.push({ item, outcome });
    else send.push(item);
  }
  const cells = send.reduce((n, item) => n + Object.keys(item).filter((k) => k !== 'id' && k !== 'version').length, 0);
  return { send, refused, blocked: rows.filter((r) => r.blocked).length, cells };
}
