import { describe, expect, it } from 'vitest';
import { normalizeDate, parseCellText, type ChoiceLabels } from '../../../admin/src/sheet/cellValues.js';
import { batchItems, planFill, planPaste, planRows, planWrite, readResults, type GridSnapshot, type RowOutcome } from '../../../admin/src/sheet/changePlan.js';
import type { SheetColumn, SheetRow } from '../../../admin/src/sheet/types.js';

const LABELS: Record<string, string> = { agent: '专员', team_lead: '组长', trainee: '新客服(试用)', junior: '初级', mid: '中级' };
const label: ChoiceLabels = (_column, value) => LABELS[value] ?? value;

const COLUMNS: SheetColumn[] = [
  { field: 'employeeNo', editable: true },
  { field: 'name', editable: true },
  { field: 'level', type: 'choice', choices: ['trainee', 'junior', 'mid'], editable: true },
  { field: 'teamName' }, // shown, not written here
  { field: 'hireDate', type: 'date', editable: true },
  { field: 'probationEndDate', type: 'date', editable: true, nullable: true },
];

interface Person extends SheetRow {
  employeeNo: string;
  name: string;
  level: string;
  teamName: string;
  hireDate: string;
  probationEndDate: string | null;
}

const person = (n: number): Person => ({
  id: `e${n}`,
  version: n,
  employeeNo: `CS000${n}`,
  name: `员工${n}`,
  level: 'junior',
  teamName: '一组',
  hireDate: '2025-01-0' + n,
  probationEndDate: null,
});

/** Rows 0–4 exist; rows 3–4 are not loaded yet (their block is still on its way). */
function grid(loaded = 3, total = 5): GridSnapshot {
  const rows = Array.from({ length: total }, (_, i) => person(i + 1));
  return { rowCount: total, rowAt: (i) => (i < loaded ? rows[i] : undefined), columns: COLUMNS };
}

describe('a pasted block laid over the sheet', () => {
  it('starts at the focused cell and reads each column by its type: labels or codes for choices, dates as people write them', () => {
    const plan = planPaste([['中级', '', '2025/3/1', '2025年6月1日'], ['trainee', '二组', '2025-03-02', '']], { rowIndex: 0, colIndex: 2 }, grid(), label);
    expect(plan.changes).toEqual([
      { id: 'e1', field: 'level', before: 'junior', after: 'mid' },
      { id: 'e1', field: 'hireDate', before: '2025-01-01', after: '2025-03-01' },
      { id: 'e1', field: 'probationEndDate', before: null, after: '2025-06-01' },
      { id: 'e2', field: 'level', before: 'junior', after: 'trainee' },
      { id: 'e2', field: 'hireDate', before: '2025-01-02', after: '2025-03-02' },
    ]);
    // teamName is read-only (twice); the empty probation end of row 2 was already empty.
    expect(plan.ignored).toEqual({ readOnly: 2, outside: 0, notLoaded: 0, unchanged: 1 });
  });

  it('marks text a column cannot take, with what was pasted, and keeps that whole row out of the write', () => {
    const plan = planPaste([['CS0101', '', '高级']], { rowIndex: 1, colIndex: 0 }, grid(), label);
    expect(plan.changes).toEqual([
      { id: 'e2', field: 'employeeNo', before: 'CS0002', after: 'CS0101' },
      { id: 'e2', field: 'name', before: '员工2', after: null, error: 'required', text: '' },
      { id: 'e2', field: 'level', before: 'junior', after: null, error: 'choice', text: '高级' },
    ]);
    const rows = planRows(plan);
    expect(rows).toMatchObject([{ id: 'e2', blocked: true }]);
    expect(batchItems(rows, () => 2)).toEqual([]);
  });

  it('counts cells past the last column or row, or in rows not loaded yet, and changes none of them', () => {
    const block = [
      ['x1', 'y1', 'z1'],
      ['x2', 'y2', 'z2'],
      ['x3', 'y3', 'z3'],
      ['x4', 'y4', 'z4'],
    ];
    // From the second-to-last column: the third pasted column falls off the right edge.
    const plan = planPaste(block, { rowIndex: 2, colIndex: 4 }, grid(3, 5), label);
    expect(plan.changes.map((c) => `${c.id}.${c.field}`)).toEqual(['e3.hireDate', 'e3.probationEndDate']);
    expect(plan.changes[0]).toMatchObject({ error: 'date', text: 'x1' });
    // Row 2: 2 in place + 1 outside; rows 3–4 not loaded (2 + 2) + 2 outside; row 5 past the end (3).
    expect(plan.ignored).toEqual({ readOnly: 0, outside: 1 + 2 + 3, notLoaded: 4, unchanged: 0 });
  });

  it('turns the rows into one batch item each, with the version each row was read at', () => {
    const plan = planPaste([['CS0201', '新名字'], ['CS0202', '员工2']], { rowIndex: 0, colIndex: 0 }, grid(), label);
    const rows = planRows(plan);
    expect(batchItems(rows, (id) => (id === 'e1' ? 7 : 8))).toEqual([
      { id: 'e1', version: 7, employeeNo: 'CS0201', name: '新名字' },
      { id: 'e2', version: 8, employeeNo: 'CS0202' },
    ]);
  });
});

describe('fill down and bulk edit', () => {
  const level = COLUMNS[2]!;
  const targets = [person(2), { ...person(3), level: 'mid' }, person(4)];

  it('writes the value into the column of every target row that does not already hold it', () => {
    const plan = planFill(level, 'mid', targets);
    expect(plan.changes).toEqual([
      { id: 'e2', field: 'level', before: 'junior', after: 'mid' },
      { id: 'e4', field: 'level', before: 'junior', after: 'mid' },
    ]);
    expect(plan.ignored.unchanged).toBe(1);
  });

  it('clears a nullable column, refuses to clear a required one, and never writes a read-only one', () => {
    expect(planFill(COLUMNS[5]!, null, [{ ...person(2), probationEndDate: '2025-07-01' } as Person]).changes).toEqual([
      { id: 'e2', field: 'probationEndDate', before: '2025-07-01', after: null },
    ]);
    expect(planFill(COLUMNS[4]!, null, [person(2)]).changes[0]).toMatchObject({ error: 'required' });
    expect(planFill(COLUMNS[3]!, '二组', targets)).toMatchObject({ changes: [], ignored: { readOnly: 3 } });
  });
});

describe('reading the batch answer', () => {
  const items = [
    { id: 'e1', version: 1, phone: '13800138000' },
    { id: 'e2', version: 1, phone: 'abc' },
    { id: 'e3', version: 1, phone: '13900139000' },
  ];

  it('says for each row sent whether it was saved, and which field the server refused and why', () => {
    const outcomes = readResults(items, [
      { index: 0, status: 200, id: 'e1', item: { id: 'e1', version: 2 } },
      { index: 1, status: 400, id: 'e2', item: null, code: 'REQUEST.INVALID', detail: '请求内容有误', errors: [{ path: 'phone', message: '电话格式不正确' }] },
      { index: 2, status: 409, id: 'e3', item: null, code: 'RECORD.VERSION_CONFLICT', detail: '记录已被他人修改' },
    ]);
    expect(outcomes).toEqual([
      { id: 'e1', ok: true, item: { id: 'e1', version: 2 }, fieldErrors: {} },
      { id: 'e2', ok: false, item: null, fieldErrors: { phone: '电话格式不正确' }, detail: '请求内容有误', code: 'REQUEST.INVALID' },
      { id: 'e3', ok: false, item: null, fieldErrors: {}, detail: '记录已被他人修改', code: 'RECORD.VERSION_CONFLICT' },
    ]);
  });

  it('reports a row the server did not answer for as not saved', () => {
    const outcomes = readResults(items, [{ index: 0, status: 200, id: 'e1', item: { id: 'e1' } }]);
    expect(outcomes.map((o) => [o.id, o.ok, o.code])).toEqual([
      ['e1', true, undefined],
      ['e2', false, 'NO_ANSWER'],
      ['e3', false, 'NO_ANSWER'],
    ]);
  });
});

describe('what the confirmation promises (#12 item 16)', () => {
  // Four rows pasted, two cells each: row 1's level cannot be read; the dry run refuses rows 3 and 4.
  const plan = planPaste(
    // level, 团队 (read-only, skipped), hire date
    [['某级', '', '2025-03-01'], ['中级', '', '2025-03-02'], ['中级', '', '2025-03-03'], ['中级', '', '2025-03-04']],
    { rowIndex: 0, colIndex: 2 },
    { ...grid(4, 5) },
    label,
  );
  const rows = planRows(plan);
  const items = batchItems(rows, (id) => Number(id.slice(1)));
  const refusal = (id: string): RowOutcome => ({ id, ok: false, item: null, code: 'EMPLOYEE.PROBATION_LENGTH', detail: '试用期过长', fieldErrors: {} });

  it('before the check: the readable rows and their cells, the unreadable row apart', () => {
    expect(planWrite(rows, items, new Map())).toMatchObject({ blocked: 1, cells: 6, refused: [] });
    expect(planWrite(rows, items, new Map()).send.map((i) => i.id)).toEqual(['e2', 'e3', 'e4']);
  });

  it('after the check: only the rows it passed, their cells, and the refused rows named apart — never "0 rows, 11 cells" then "save 3 rows"', () => {
    const check = new Map<string, RowOutcome>([
      ['e2', { id: 'e2', ok: true, item: null, fieldErrors: {} }],
      ['e3', refusal('e3')],
      ['e4', refusal('e4')],
    ]);
    const write = planWrite(rows, items, check);
    expect(write.send.map((i) => i.id)).toEqual(['e2']);
    expect(write.cells).toBe(2);
    expect(write.refused.map((r) => [r.item.id, r.outcome.detail])).toEqual([['e3', '试用期过长'], ['e4', '试用期过长']]);
    expect(write.blocked).toBe(1);
  });

  it('every row unreadable: nothing to send and no cells, not the unreadable rows’ cells', () => {
    const all = planRows(planPaste([['某级', '', '2025-03-01'], ['某级', '', '2025-03-02']], { rowIndex: 0, colIndex: 2 }, grid(), label));
    expect(planWrite(all, batchItems(all, () => 1), new Map())).toEqual({ send: [], refused: [], blocked: 2, cells: 0 });
  });
});

describe('cell text by column type', () => {
  it('reads the calendar dates people type, and refuses days that do not exist', () => {
    expect(['2025-03-01', '2025/3/1', '2025.3.1', '2025年3月1日', ' 2025 年 3 月 1 日 '].map(normalizeDate)).toEqual(Array(5).fill('2025-03-01'));
    expect(['2025-02-30', '3/1/2025', '2025-13-01', 'soon'].map(normalizeDate)).toEqual([null, null, null, null]);
  });

  it('reads numbers with thousands separators and a currency sign', () => {
    const money: SheetColumn = { field: 'baseSalary', type: 'money', editable: true };
    expect(parseCellText(money, '¥6,500.50', label)).toEqual({ value: 6500.5 });
    expect(parseCellText(money, 'six', label)).toEqual({ error: 'number' });
  });

  it('matches choice labels and codes whatever their case', () => {
    const level = COLUMNS[2]!;
    expect(parseCellText(level, 'MID', label)).toEqual({ value: 'mid' });
    expect(parseCellText(level, '新客服(试用)', label)).toEqual({ value: 'trainee' });
  });
});
