import type { Cell } from './cellValues.js';

/**
 * A people file as a table: its header row and data rows, each with the line number people
 * see in Excel, whatever the format. `.xlsx` is read with exceljs and CSV with papaparse; both
 * are loaded only when a file is opened (exceljs alone is larger than the rest of the page).
 */
export interface Table {
  headers: string[];
  /** Non-empty rows after the header; `line` counts from 1 with the header on line 1. */
  rows: Array<{ line: number; cells: Cell[] }>;
}

export class TableError extends Error {
  constructor(readonly key: string, readonly params: Record<string, unknown> = {}) {
    super(key);
    this.name = 'TableError';
  }
}

export type FileKind = 'xlsx' | 'csv';

export function fileKind(name: string): FileKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  return null;
}

export async function readTable(name: string, bytes: ArrayBuffer | Uint8Array): Promise<Table> {
  const kind = fileKind(name);
  if (kind === 'xlsx') return readXlsx(bytes);
  if (kind === 'csv') return readCsv(decodeText(bytes));
  throw new TableError('app.import_export.errors.file_type', { name });
}

const view = (bytes: ArrayBuffer | Uint8Array) => (bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));

/**
 * A text file's characters. UTF-8 first (with or without the BOM Excel writes for "CSV UTF-8");
 * a file that is not valid UTF-8 is what Chinese Excel saves as plain "CSV": GBK, read with its
 * superset GB18030.
 */
export function decodeText(bytes: ArrayBuffer | Uint8Array): string {
  const data = view(bytes);
  const start = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  const body = data.subarray(start);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('gb18030').decode(body);
  }
}

export async function readCsv(text: string): Promise<Table> {
  const { default: Papa } = await import('papaparse');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/u, ''), { skipEmptyLines: false });
  const lines = parsed.data;
  return toTable(lines.map((cells, index) => ({ line: index + 1, cells })));
}

type ExcelModule = typeof import('exceljs');

export async function readXlsx(bytes: ArrayBuffer | Uint8Array): Promise<Table> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  const ExcelJS = mod.default ?? mod;
  const workbook = new ExcelJS.Workbook();
  try {
    const data = view(bytes);
    await workbook.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  } catch {
    throw new TableError('app.import_export.errors.unreadable');
  }
  // The first sheet with anything on it: a workbook may start with an instructions sheet left empty.
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return { headers: [], rows: [] };
  const lines: Array<{ line: number; cells: Cell[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = excelCell(cell.value);
    });
    lines.push({ line, cells: Array.from(cells, (c) => c ?? null) });
  });
  return toTable(lines);
}

/** exceljs's cell value as a plain one: rich text joined, a hyperlink's text, a formula's result. */
export function excelCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return excelCell(v.result);
    if ('text' in v) return excelCell(v.text);
    if ('error' in v) return null;
  }
  return String(value);
}

const isBlank = (cell: Cell) => cell === null || (typeof cell === 'string' && cell.trim() === '');

/** The first non-empty row is the header; empty rows (Excel leaves a few) are dropped. */
function toTable(lines: Array<{ line: number; cells: Cell[] }>): Table {
  const filled = lines.filter((l) => !l.cells.every(isBlank));
  const [header, ...rows] = filled;
  if (!header) return { headers: [], rows: [] };
  return { headers: header.cells.map((c) => (c === null ? '' : String(c instanceof Date ? c.toISOString() : c).trim())), rows };
}
