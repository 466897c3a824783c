import type { CellValue, SheetColumn } from './types.js';

/**
 * A cell's text ↔ its value, by column type: what a paste or a bulk edit means, and what a
 * copy puts on the clipboard. Choice columns read either the stored value (`agent`) or its
 * label in the UI language (专员), so a block copied from the sheet pastes back as it was.
 */

/** value → label, per choice column; built by the grid from the catalog. */
export type ChoiceLabels = (column: SheetColumn, value: string) => string;

export type ParseError = 'required' | 'choice' | 'date' | 'number';
export type Parsed = { value: CellValue } | { error: ParseError };

export function parseCellText(column: SheetColumn, raw: string, label: ChoiceLabels): Parsed {
  const text = raw.trim();
  if (text === '') return column.nullable ? { value: null } : { error: 'required' };
  switch (column.type ?? 'text') {
    case 'choice': {
      const wanted = text.toLowerCase();
      const found = (column.choices ?? []).find((v) => v.toLowerCase() === wanted || label(column, v).toLowerCase() === wanted);
      return found === undefined ? { error: 'choice' } : { value: found };
    }
    case 'date': {
      const date = normalizeDate(text);
      return date === null ? { error: 'date' } : { value: date };
    }
    case 'number':
    case 'money': {
      const n = Number(text.replace(/[,\s¥￥]/g, ''));
      return Number.isFinite(n) ? { value: n } : { error: 'number' };
    }
    default:
      return { value: text };
  }
}

/**
 * A calendar date as YYYY-MM-DD from the ways people type one: 2025-03-01, 2025/3/1,
 * 2025.3.1, 2025年3月1日. Null for anything else, or a day that does not exist (2月30日).
 */
export function normalizeDate(text: string): string | null {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${match[1]}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** What a copy puts on the clipboard: labels for choices, ISO dates, plain numbers. */
export function formatCellText(column: SheetColumn, value: unknown, label: ChoiceLabels): string {
  if (value === null || value === undefined) return '';
  if (column.type === 'choice') return label(column, String(value));
  return String(value);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}
