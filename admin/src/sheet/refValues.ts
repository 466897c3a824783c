import { fieldOf, type RefOption, type SheetColumn, type SheetRow } from './types.js';

/**
 * Reference cells (直属上级, 团队): what a pasted or typed text points to, and what a copy puts
 * on the clipboard. A text is read as the label the sheet copies (徐欣怡 (E0003)), a code on
 * its own (E0003), or a name when exactly one option has it; two people of one name are never
 * guessed between.
 */

export type RefParsed = { value: string } | { error: 'ref_unknown' | 'ref_ambiguous' };

/** Full-width brackets and spaces as Chinese input methods type them, case ignored. */
function normalize(text: string): string {
  return text
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/\s*\(\s*/g, ' (')
    .replace(/\s*\)/g, ')')
    .trim()
    .toLowerCase();
}

export function parseRef(options: readonly RefOption[], raw: string): RefParsed {
  const text = normalize(raw);
  const byLabel = options.find((o) => normalize(o.label) === text);
  if (byLabel) return { value: byLabel.id };
  const byCode = options.find((o) => o.code !== undefined && normalize(o.code) === text);
  if (byCode) return { value: byCode.id };
  const named = options.filter((o) => normalize(o.name) === text);
  if (named.length === 1) return { value: named[0]!.id };
  return { error: named.length > 1 ? 'ref_ambiguous' : 'ref_unknown' };
}

/** The option a reference cell points to, when it is among the loaded ones. */
export function refOption(column: SheetColumn, id: unknown): RefOption | undefined {
  return typeof id === 'string' ? column.ref?.options.find((o) => o.id === id) : undefined;
}

/**
 * A reference as the cell shows it: the option's name, else the name the record came with
 * (someone outside the options, say a superior above the user's own scope).
 */
export function refName(column: SheetColumn, id: unknown, row?: SheetRow): string {
  if (id === null || id === undefined || id === '') return '';
  const option = refOption(column, id);
  if (option) return option.name;
  return row && column.ref && fieldOf(row, column.ref.writeField) === id ? String(fieldOf(row, column.field) ?? '') : '';
}

/** A reference as a copy writes it: the option's label, so it pastes back to the same id. */
export function refText(column: SheetColumn, row: SheetRow): string {
  const id = column.ref ? fieldOf(row, column.ref.writeField) : undefined;
  return refOption(column, id)?.label ?? refName(column, id, row);
}
