import type { Employee } from '../employees/types.js';
import { cellText, choiceLabel, type Cell } from './cellValues.js';
import { ERROR_COLUMN, headerOf, INFO_COLUMNS, PEOPLE_COLUMNS, type FileLanguage } from './peopleColumns.js';

/**
 * People as a file: the same columns an import reads (so an export re-imports cleanly), headers
 * and choice labels in the UI language, dates as calendar days. CSV starts with a UTF-8 BOM —
 * without it Excel reads the file as the system's ANSI code page and Chinese turns to mojibake.
 */

export const UTF8_BOM = '\uFEFF';

export interface SheetData {
  headers: string[];
  /** Text cells, dates as YYYY-MM-DD; the xlsx writer turns the date columns into date cells. */
  rows: string[][];
  /** Indexes of the columns that hold dates. */
  dateColumns: number[];
  /** Indexes of the columns that hold plain numbers (amounts a payroll sheet adds up); written as number cells. */
  numberColumns?: number[];
}

const EXPORT_COLUMNS = [...PEOPLE_COLUMNS, ...INFO_COLUMNS] as const;

/** `superiorNoById` names each superior by 工号, also the ones outside the exported rows. */
export function peopleSheet(employees: readonly Employee[], language: FileLanguage, superiorNoById: ReadonlyMap<string, string>): SheetData {
  const value = (e: Employee, column: (typeof EXPORT_COLUMNS)[number]): string => {
    switch (column) {
      case 'post':
      case 'level':
      case 'status':
        return choiceLabel(column, e[column], language);
      case 'superiorNo':
        return e.superiorId ? superiorNoById.get(e.superiorId) ?? '' : '';
      case 'superiorName':
        return e.superiorName ?? '';
      case 'team':
        return e.teamName ?? '';
      default:
        return e[column] ?? '';
    }
  };
  return {
    headers: EXPORT_COLUMNS.map((c) => headerOf(c, language)),
    rows: employees.map((e) => EXPORT_COLUMNS.map((c) => value(e, c))),
    dateColumns: EXPORT_COLUMNS.flatMap((c, i) => (c === 'hireDate' || c === 'probationEndDate' ? [i] : [])),
  };
}

/**
 * The rows an import refused, as the file had them plus a column saying why: fix them in
 * Excel and import the file again (the errors column is skipped then).
 */
export function failedRowsSheet(
  headers: readonly string[],
  rows: ReadonlyArray<{ cells: readonly Cell[]; reasons: string }>,
  language: FileLanguage,
): SheetData {
  return {
    headers: [...headers, headerOf(ERROR_COLUMN, language)],
    rows: rows.map((r) => [...headers.map((_, i) => cellText(r.cells[i] ?? null)), r.reasons]),
    dateColumns: [],
  };
}

/** RFC 4180 CSV with CRLF line ends and the BOM; text Excel would run as a formula is escaped. */
export async function toCsv(sheet: SheetData): Promise<string> {
  const { default: Papa } = await import('papaparse');
  return UTF8_BOM + Papa.unparse({ fields: sheet.headers, data: sheet.rows }, { newline: '\r\n', escapeFormulae: true }) + '\r\n';
}

type ExcelModule = typeof import('exceljs');

/** An .xlsx workbook: bold, frozen header row with filters, text cells kept as text, date cells as dates. */
export async function toXlsx(sheet: SheetData, sheetName: string): Promise<Uint8Array> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  const ExcelJS = mod.default ?? mod;
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.headers.map((header, i) => ({
    header,
    key: String(i),
    width: Math.min(40, Math.max(10, header.length * 2 + 2, ...sheet.rows.slice(0, 200).map((r) => (r[i] ?? '').length + 2))),
    ...(sheet.dateColumns.includes(i) ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of sheet.rows) {
    ws.addRow(row.map((text, i) => {
      if (text === '') return null;
      if (sheet.dateColumns.includes(i) && /^\d{4}-\d{2}-\d{2}$/u.test(text)) return new Date(`${text}T00:00:00Z`);
      if (sheet.numberColumns?.includes(i) && /^-?\d+(\.\d+)?$/u.test(text)) return Number(text);
      return text;
    }));
  }
  if (sheet.headers.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.headers.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The 工号 of the superiors the rows name, from the rows themselves; the ids still missing. */
export function superiorNumbers(employees: readonly Employee[]): { known: Map<string, string>; missing: string[] } {
  const known = new Map(employees.map((e) => [e.id, e.employeeNo]));
  // The API names each superior's 工号, also outside the reader's scope (where a read by id finds nothing).
  for (const e of employees) if (e.superiorId && e.superiorNo) known.set(e.superiorId, e.superiorNo);
  const missing = [...new Set(employees.map((e) => e.superiorId).filter((id): id is string => !!id && !known.has(id)))];
  return { known, missing };
}
