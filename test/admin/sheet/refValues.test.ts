import { describe, expect, it } from 'vitest';
import type { ChoiceLabels } from '../../../admin/src/sheet/cellValues.js';
import { batchItems, planFill, planPaste, planRows, type GridSnapshot } from '../../../admin/src/sheet/changePlan.js';
import { parseRef, refName, refText } from '../../../admin/src/sheet/refValues.js';
import type { RefOption, SheetColumn, SheetRow } from '../../../admin/src/sheet/types.js';

const label: ChoiceLabels = (_column, value) => value;

const SUPERIORS: RefOption[] = [
  { id: 's3', name: '徐欣怡', label: '徐欣怡 (E0003)', code: 'E0003' },
  { id: 's5', name: '王芳', label: '王芳 (CS0005)', code: 'CS0005' },
  { id: 's9', name: '王芳', label: '王芳 (CS0009)', code: 'CS0009' },
];
const TEAMS: RefOption[] = [
  { id: 't1', name: '客户服务中心', label: '客户服务中心' },
  { id: 't2', name: '景区客服', label: '景区客服' },
];

const superior: SheetColumn = { field: 'superiorName', type: 'ref', ref: { writeField: 'superiorId', options: SUPERIORS }, editable: true, nullable: true };
const team: SheetColumn = { field: 'teamName', type: 'ref', ref: { writeField: 'teamId', options: TEAMS }, editable: true, nullable: true };

interface Person extends SheetRow {
  superiorId: string | null;
  superiorName: string | null;
  teamId: string | null;
  teamName: string | null;
}

const rows: Person[] = [
  { id: 'e1', version: 3, superiorId: 's3', superiorName: '徐欣怡', teamId: 't1', teamName: '客户服务中心' },
  // Their superior is above the user's scope: not among the options, known by the name the record came with.
  { id: 'e2', version: 4, superiorId: 'boss', superiorName: '赵总', teamId: null, teamName: null },
];
const grid: GridSnapshot = { rowCount: rows.length, rowAt: (i) => rows[i], columns: [superior, team] };

describe('a reference cell read from text (直属上级, 团队)', () => {
  it('reads the label the sheet copies, also as a Chinese input method types its brackets', () => {
    expect(parseRef(SUPERIORS, '徐欣怡 (E0003)')).toEqual({ value: 's3' });
    expect(parseRef(SUPERIORS, ' 徐欣怡（E0003） ')).toEqual({ value: 's3' });
    expect(parseRef(SUPERIORS, '王芳 (CS0009)')).toEqual({ value: 's9' });
  });

  it('reads an employee number on its own, whatever its case', () => {
    expect(parseRef(SUPERIORS, 'cs0005')).toEqual({ value: 's5' });
  });

  it('reads a name when exactly one option has it', () => {
    expect(parseRef(SUPERIORS, '徐欣怡')).toEqual({ value: 's3' });
    expect(parseRef(TEAMS, '景区客服')).toEqual({ value: 't2' });
  });

  it('never guesses between two people of one name, and says so apart from a name nobody has', () => {
    expect(parseRef(SUPERIORS, '王芳')).toEqual({ error: 'ref_ambiguous' });
    expect(parseRef(SUPERIORS, '李四')).toEqual({ error: 'ref_unknown' });
    expect(parseRef(TEAMS, '二组')).toEqual({ error: 'ref_unknown' });
  });
});

describe('reference columns in a paste, a fill and a copy', () => {
  it('writes the id field from names, and keeps a row with an unreadable reference out of the batch', () => {
    const plan = planPaste([['王芳 (CS0005)', '景区客服'], ['王芳', '客户服务中心']], { rowIndex: 0, colIndex: 0 }, grid, label);
    expect(plan.changes).toEqual([
      { id: 'e1', field: 'superiorId', before: 's3', after: 's5' },
      { id: 'e1', field: 'teamId', before: 't1', after: 't2' },
      { id: 'e2', field: 'superiorId', before: 'boss', after: null, error: 'ref_ambiguous', text: '王芳' },
      { id: 'e2', field: 'teamId', before: null, after: 't1' },
    ]);
    expect(batchItems(planRows(plan), (id) => rows.find((r) => r.id === id)?.version)).toEqual([
      { id: 'e1', version: 3, superiorId: 's5', teamId: 't2' },
    ]);
  });

  it('copies labels that paste back as no change, even a superior outside the options', () => {
    const copied = rows.map((r) => [refText(superior, r), refText(team, r)]);
    expect(copied).toEqual([['徐欣怡 (E0003)', '客户服务中心'], ['赵总', '']]);
    const plan = planPaste(copied, { rowIndex: 0, colIndex: 0 }, grid, label);
    expect(plan.changes).toEqual([]);
    expect(plan.ignored.unchanged).toBe(4);
  });

  it('clears a team with an empty cell, as the API allows', () => {
    const plan = planPaste([['']], { rowIndex: 0, colIndex: 1 }, grid, label);
    expect(plan.changes).toEqual([{ id: 'e1', field: 'teamId', before: 't1', after: null }]);
  });

  it('fills the id down (Ctrl+D, bulk edit)', () => {
    expect(planFill(team, 't2', rows).changes).toEqual([
      { id: 'e1', field: 'teamId', before: 't1', after: 't2' },
      { id: 'e2', field: 'teamId', before: null, after: 't2' },
    ]);
  });

  it('shows the option’s name, or the record’s own name for an id outside the options', () => {
    expect(refName(superior, 's9')).toBe('王芳');
    expect(refName(superior, 'boss', rows[1])).toBe('赵总');
    expect(refName(superior, 'boss')).toBe('');
    expect(refName(team, null)).toBe('');
  });
});
