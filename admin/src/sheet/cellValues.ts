import { parseRef } from './refValues.js';
import type { CellValue, SheetColumn } from './types.js';

/**
 * A cell's text ↔ its value, by column type: what a paste or a bulk edit means, and what a
 * copy puts on the clipboard. Choice columns read either the stored value (`agent`) or its
 * label in the UI language (专员), so a block copied from the sheet pastes back as it was;
 * reference columns read names, codes and the label they copy (./refValues.ts).
 */

/** value → label, per choice column; built by the grid from the catalog. */
export type ChoiceLabels = (column: SheetColumn, value: string) => string;

export type ParseError = 'required' | 'choice' | 'date' | 'number' | 'ref_unknown' | 'ref_ambiguous';
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
    case 'ref':
      return parseRef(column.ref?.options ?? [], text);
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
 * A calendar date as YYYY-MM-DD from the ways people type or paste one: 2025-03-01, 2025/3/1,
 * 2025.3.1, 2025年3月1日, a date-time whose time is dropped (2025-3-1 0:00:00, as WPS copies a
 * date cell), or an Excel date serial (45678). Null for anything else, or a day that does not
 * exist (2月30日).
 */
export function normalizeDate(text: string): string | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return excelSerialDate(Number(trimmed));
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(trimmed);
  if (!match) return null;
  return isoDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

function isoDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 2099-12-31: a bigger whole number in a date column is a mistake, not a date anyone means. */
const LAST_SERIAL = 73050;
const DAY_MS = 86_400_000;

/**
 * Excel's 1900 date system, which WPS copies: serial 1 is 1900-01-01. Excel counts a 1900-02-29
 * that never was (serial 60, kept for Lotus 1-2-3), so from serial 61 (1900-03-01) on every
 * serial is one day ahead of a plain count: day 0 is 1899-12-30 for them, 1899-12-31 before.
 */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > LAST_SERIAL || serial === 60) return null;
  const epoch = serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + serial * DAY_MS).toISOString().slice(0, 10);
}

/** What a copy puts on the clipboard: labels for choices, ISO dates, plain numbers (references: refText). */
export function formatCellText(column: SheetColumn, value: unknown, label: ChoiceLabels): string {
  if (value === null || value === undefined) return '';
  if (column.type === 'choice') return label(column, String(value));
  return String(value);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}
