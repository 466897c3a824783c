import { describe, expect, it } from 'vitest';
import {
  cellKey,
  copyText,
  fromRows,
  insertRow,
  pasteIntoRows,
  removeRow,
  tableErrors,
  toRows,
  type PolicyTableColumn,
  type TableShape,
} from '../../../admin/src/sheet/policyTable.js';

/**
 * The policy tables (the score bands of POLICIES.md §3, the base salary per level of §1) as the
 * grid edits them: the form value ↔ rows, a block pasted from Excel, a copy, and which server
 * error goes on which cell.
 */
const LEVELS = ['trainee', 'junior', 'mid', 'senior', 'reserve_supervisor'];
const SALARY: TableShape = { kind: 'record', keys: LEVELS, keyField: 'level', valueField: 'baseSalary' };
const SALARY_COLUMNS: PolicyTableColumn[] = [
  { field: 'level', type: 'choice', choices: LEVELS },
  { field: 'baseSalary', type: 'money', editable: true },
];
const BANDS: TableShape = { kind: 'list', newRow: () => ({ min: null, outcome: null, gap: false }) };
const FIXED_BANDS: TableShape = { kind: 'list' };
const BAND_COLUMNS: PolicyTableColumn[] = [
  { field: 'min', type: 'number', editable: true, precision: 1 },
  { field: 'outcome', type: 'choice', choices: ['convert_early', 'convert', 'extend', 'end'], editable: true },
  { field: 'gap', type: 'choice', choices: ['gap'], value: (row) => ((row as unknown as { gap: boolean }).gap ? 'gap' : null) },
];
const LABELS: Record<string, string> = { convert_early: '提前转正', convert: '按期转正', extend: '延长试用', end: '不予录用', gap: '系统默认', mid: '中级' };
const label = (_: unknown, value: string) => LABELS[value] ?? value;

const salaries = { trainee: 1800, junior: 2200, mid: 2500, senior: 3000, reserve_supervisor: 4000 };
const bands = [
  { min: 90, outcome: 'convert_early', gap: false },
  { min: 80, outcome: 'convert', gap: false },
  { min: 70.1, outcome: 'extend', gap: true },
  { min: 0, outcome: 'end', gap: false },
];

describe('a policy table’s rows (POLICIES.md §1, §3)', () => {
  it('shows one row per level in the fixed order, and gives the salaries back as the policy’s record, keeping keys it does not show', () => {
    const rows = toRows(SALARY, { ...salaries, intern: 1500 });
    expect(rows.map((r) => r.id)).toEqual([...LEVELS, 'intern']);
    expect(rows[2]).toEqual({ id: 'mid', level: 'mid', baseSalary: 2500 });
    const changed = rows.map((r) => (r.id === 'mid' ? { ...r, baseSalary: 2600 } : r));
    expect(fromRows(SALARY, changed, { ...salaries, intern: 1500 })).toEqual({ ...salaries, mid: 2600, intern: 1500 });
  });

  it('a level missing from the stored record is an empty row, not a missing one', () => {
    const { senior: _, ...rest } = salaries;
    expect(toRows(SALARY, rest).find((r) => r.id === 'senior')).toEqual({ id: 'senior', level: 'senior', baseSalary: null });
    expect(toRows(SALARY, '')).toHaveLength(LEVELS.length);
  });

  it('shows the score bands in their order and gives them back without the row ids', () => {
    const rows = toRows(BANDS, bands);
    expect(rows.map((r) => r.id)).toEqual(['0', '1', '2', '3']);
    expect(fromRows(BANDS, rows, bands)).toEqual(bands);
  });

  it('inserts a band above a row and removes one; the rows are numbered by place again', () => {
    const inserted = insertRow(toRows(BANDS, bands), 3, { min: 60, outcome: 'extend', gap: false });
    expect(fromRows(BANDS, inserted, bands)).toEqual([...bands.slice(0, 3), { min: 60, outcome: 'extend', gap: false }, bands[3]]);
    expect(inserted.map((r) => r.id)).toEqual(['0', '1', '2', '3', '4']);
    expect(fromRows(BANDS, removeRow(inserted, 2), bands)).toEqual([bands[0], bands[1], { min: 60, outcome: 'extend', gap: false }, bands[3]]);
  });
});

describe('pasting a block from Excel into a policy table', () => {
  it('a 2×2 block of scores and outcome labels lands from the focused cell on; the gap marker stays with its row', () => {
    const result = pasteIntoRows({ shape: BANDS, rows: toRows(BANDS, bands), columns: BAND_COLUMNS, start: { rowIndex: 1, field: 'min' }, text: '85\t按期转正\r\n72.5\t延长试用\r\n', label });
    expect(result.problems).toEqual([]);
    expect(result.changed).toBe(2);
    expect(fromRows(BANDS, result.rows, bands)).toEqual([bands[0], { min: 85, outcome: 'convert', gap: false }, { min: 72.5, outcome: 'extend', gap: true }, bands[3]]);
  });

  it('reads salaries as Excel formats them (¥, thousands separators) and leaves the read-only level column alone', () => {
    const result = pasteIntoRows({ shape: SALARY, rows: toRows(SALARY, salaries), columns: SALARY_COLUMNS, start: { rowIndex: 2, field: 'level' }, text: '中级\t¥2,650.00\n高级\t3100', label });
    expect(result.readOnly).toBe(2);
    expect(fromRows(SALARY, result.rows, salaries)).toEqual({ ...salaries, mid: 2650, senior: 3100 });
  });

  it('one cell it cannot read and nothing is pasted: the problem names the row and the column', () => {
    const rows = toRows(BANDS, bands);
    const result = pasteIntoRows({ shape: BANDS, rows, columns: BAND_COLUMNS, start: { rowIndex: 0, field: 'min' }, text: '95\t提前转正\n八十\t按期转正', label });
    expect(result.problems).toEqual([{ row: 2, field: 'min', text: '八十', error: 'number' }]);
    expect(result.changed).toBe(0);
    expect(fromRows(BANDS, result.rows, bands)).toEqual(bands);
    const badChoice = pasteIntoRows({ shape: BANDS, rows, columns: BAND_COLUMNS, start: { rowIndex: 0, field: 'outcome' }, text: '升职', label });
    expect(badChoice.problems[0]).toMatchObject({ row: 1, field: 'outcome', error: 'choice' });
  });

  it('a block longer than the bands adds rows; the salary table, whose rows are the levels, leaves the rest out', () => {
    const grown = pasteIntoRows({ shape: BANDS, rows: toRows(BANDS, bands), columns: BAND_COLUMNS, start: { rowIndex: 3, field: 'min' }, text: '20\t不予录用\n0\t不予录用', label });
    expect(fromRows(BANDS, grown.rows, bands)).toEqual([...bands.slice(0, 3), { min: 20, outcome: 'end', gap: false }, { min: 0, outcome: 'end', gap: false }]);
    expect(grown.rows.map((r) => r.id)).toEqual(['0', '1', '2', '3', '4']);

    const fixed = pasteIntoRows({ shape: FIXED_BANDS, rows: toRows(FIXED_BANDS, bands), columns: BAND_COLUMNS, start: { rowIndex: 3, field: 'min' }, text: '1\n2\n3', label });
    expect(fixed.outside).toBe(2);
    expect(fixed.rows).toHaveLength(4);

    const salary = pasteIntoRows({ shape: SALARY, rows: toRows(SALARY, salaries), columns: SALARY_COLUMNS, start: { rowIndex: 4, field: 'baseSalary' }, text: '4100\t9\n5000', label });
    expect(salary.outside).toBe(2);
    expect(fromRows(SALARY, salary.rows, salaries)).toEqual({ ...salaries, reserve_supervisor: 4100 });
  });

  it('an emptied score cell is refused, not saved as nothing', () => {
    const result = pasteIntoRows({ shape: BANDS, rows: toRows(BANDS, bands), columns: BAND_COLUMNS, start: { rowIndex: 0, field: 'min' }, text: ' ', label });
    expect(result.problems).toEqual([{ row: 1, field: 'min', text: '', error: 'required' }]);
  });
});

describe('copying a policy table', () => {
  it('copies the whole table as Excel reads it, with labels, so it pastes back unchanged', () => {
    const rows = toRows(BANDS, bands);
    const text = copyText(rows, BAND_COLUMNS, label);
    expect(text).toBe('90\t提前转正\t\r\n80\t按期转正\t\r\n70.1\t延长试用\t系统默认\r\n0\t不予录用\t');
    const again = pasteIntoRows({ shape: BANDS, rows, columns: BAND_COLUMNS, start: { rowIndex: 0, field: 'min' }, text, label });
    expect(again.problems).toEqual([]);
    expect(again.changed).toBe(0);
  });

  it('copies the focused cell alone', () => {
    expect(copyText(toRows(SALARY, salaries), SALARY_COLUMNS, label, { rowIndex: 2, field: 'level' })).toBe('中级');
    expect(copyText(toRows(SALARY, salaries), SALARY_COLUMNS, label, { rowIndex: 2, field: 'baseSalary' })).toBe('2500');
  });
});

describe('the server’s errors on a policy table', () => {
  it('puts `values.bands.2.min` on that cell and lists what is about the table as a whole', () => {
    const rows = toRows(BANDS, bands);
    const { cells, rest } = tableErrors(BANDS, 'values.bands', rows, BAND_COLUMNS, {
      'values.bands.2.min': '分数段须从高到低，须低于上一段 80',
      'values.bands': '必填',
      'values.weights': '三项权重之和须为 100',
    });
    expect([...cells]).toEqual([[cellKey('2', 'min'), '分数段须从高到低，须低于上一段 80']]);
    expect(rest).toEqual(['必填']);
  });

  it('puts a level’s salary error on its salary cell', () => {
    const { cells, rest } = tableErrors(SALARY, 'values.levelBaseSalary', toRows(SALARY, salaries), SALARY_COLUMNS, { 'values.levelBaseSalary.mid': '须为 0–1000000 之间的整数' });
    expect(cells.get(cellKey('mid', 'baseSalary'))).toBe('须为 0–1000000 之间的整数');
    expect(rest).toEqual([]);
  });
});
