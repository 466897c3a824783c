import { CHOICE_FIELDS, type ChoiceField } from '../employees/employeeChoices.js';
import en from '../i18n/en.js';
import zhCN from '../i18n/zh-CN.js';

/**
 * What a cell of a people file holds, and how it becomes a value of the API. A CSV gives
 * strings; an .xlsx also numbers, dates (exceljs gives date cells as Date at UTC midnight),
 * booleans and, for cells Excel formats, rich text, hyperlinks (an email typed in Excel) or
 * formulas with their last result.
 */
export type Cell = string | number | boolean | Date | null;

/** A cell as text: trimmed; numbers without exponent or grouping (a phone number typed as one). */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isoDay(cell) ?? '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return unescapeFormula(cell.trim());
}

/**
 * An export escapes text that Excel would run as a formula (="…", +86…) with a leading
 * apostrophe (CSV injection); reading it back removes the apostrophe again.
 */
export function unescapeFormula(text: string): string {
  return /^'[=+\-@\t\r]/u.test(text) ? text.slice(1) : text;
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDay(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

// Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included); serials of the years
// 1955–2100 are the plausible dates of an employee record.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const SERIAL_RANGE = [20_000, 73_000] as const;

/**
 * A calendar day as YYYY-MM-DD, or null when the cell is no date: a date cell, an Excel day
 * number, "2024-03-01", "2024/3/1", "2024.3.1" or "2024年3月1日".
 */
export function cellDate(cell: Cell): string | null {
  if (cell instanceof Date) return isoDay(cell);
  if (typeof cell === 'number') {
    if (cell < SERIAL_RANGE[0] || cell > SERIAL_RANGE[1]) return null;
    return isoDay(new Date(EXCEL_EPOCH_MS + Math.round(cell) * 86_400_000));
  }
  const text = cellText(cell);
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]00:00(?::00(?:\.0+)?)?Z?)?$/u.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // 2024-02-30 is no day.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return isoDay(date);
}

/**
 * The labels a choice is known by, normalized → its value: the value itself ("agent"), and
 * its label in either catalog ("专员", "Agent"), so a file may use whichever.
 */
const CHOICE_LABELS: Record<ChoiceField, Map<string, string>> = (() => {
  const catalogs = [zhCN.resources.employees.choices, en.resources.employees.choices];
  const out = {} as Record<ChoiceField, Map<string, string>>;
  for (const field of Object.keys(CHOICE_FIELDS) as ChoiceField[]) {
    const map = new Map<string, string>();
    for (const value of CHOICE_FIELDS[field]) {
      map.set(normalizeLabel(value), value);
      for (const catalog of catalogs) {
        const label = (catalog[field] as Record<string, string>)[value];
        if (label) map.set(normalizeLabel(label), value);
      }
    }
    out[field] = map;
  }
  return out;
})();

function normalizeLabel(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_\-()（）]/gu, '');
}

/** The value of a choice from its label or value, or null when it names none. */
export function choiceValue(field: ChoiceField, cell: Cell): string | null {
  const text = cellText(cell);
  return text ? CHOICE_LABELS[field].get(normalizeLabel(text)) ?? null : null;
}

/** The label an export writes for a choice value, in the file's language. */
export function choiceLabel(field: ChoiceField, value: string, language: 'zh-CN' | 'en'): string {
  const catalog = language === 'en' ? en.resources.employees.choices : zhCN.resources.employees.choices;
  return (catalog[field] as Record<string, string>)[value] ?? value;
}
