import { describe, expect, it } from 'vitest';
import { missingColumnsText, planImport, rowsToSend, type ImportPlan } from '../../../admin/src/import-export/planImport.js';
import type { Table } from '../../../admin/src/import-export/readTable.js';
import { aTeam, ORG_UNITS } from './builders.js';

const HEADERS = ['工号', '姓名', '邮箱', '电话', '岗位', '职级', '上级工号', '团队', '入职日期', '试用期截止', '状态'];
const table = (...rows: Array<Array<string | number | Date | null>>): Table => ({ headers: HEADERS, rows: rows.map((cells, i) => ({ line: i + 2, cells })) });
const plan = (t: Table): ImportPlan => planImport(t, { employees: aTeam(), orgUnits: ORG_UNITS });

describe('rows of a people file as batch items', () => {
  it('a new 工号 is a new employee, with Chinese labels and names turned into the API’s values', () => {
    const { rows } = plan(table(['N001', '赵六', 'Liu.Zhao@example.com', 13900000001, '专员', '新客服(试用)', 'CS0001', '客户服务中心', '2026/3/1', new Date(Date.UTC(2026, 5, 1)), '试用期']));
    expect(rows[0]).toMatchObject({ line: 2, action: 'create', problems: [] });
    expect(rows[0]!.item).toEqual({
      employeeNo: 'N001', name: '赵六', email: 'Liu.Zhao@example.com', phone: '13900000001', post: 'agent', level: 'trainee',
      superiorNo: 'CS0001', teamId: 'u-center', hireDate: '2026-03-01', probationEndDate: '2026-06-01', status: 'probation',
    });
  });

  it('English labels and the values themselves are accepted too', () => {
    const { rows } = plan(table(['N002', 'Sam', 's@example.com', '13900000002', 'Team lead', 'senior', '', '景区客服', '2026-03-01', '', 'Regular']));
    expect(rows[0]!.item).toMatchObject({ post: 'team_lead', level: 'senior', status: 'regular', superiorId: null });
    expect(rows[0]!.item).not.toHaveProperty('superiorNo');
  });

  it('an existing 工号 is a change of that employee: its id and version, and only the cells that differ', () => {
    const { rows } = plan(table(['CS0002', '李娜', 'NA.LI@example.com', '13800000009', '专员', '中级', 'CS0001', '客户服务中心', '', '', '']));
    expect(rows[0]).toMatchObject({ action: 'change', problems: [] });
    expect(rows[0]!.item).toEqual({ id: 'e-2', version: 2, phone: '13800000009', level: 'mid' });
  });

  it('a row equal to the record (an exported file read back) changes nothing and is not sent', () => {
    const result = plan(table(['CS0003', '张敏', 'min.zhang@example.com', '+86 138 0000 0003', '专员', '新客服(试用)', 'CS0001', '客户服务中心', '2026-01-10', '2026-04-10', '试用期']));
    expect(result.rows[0]!.action).toBe('unchanged');
    expect(rowsToSend(result)).toEqual([]);
  });

  it('moving someone under another superior sends the new superior’s 工号', () => {
    const { rows } = plan(table(['CS0003', '', '', '', '', '', 'CS0002', '', '', '', '']));
    expect(rows[0]!.item).toEqual({ id: 'e-3', version: 1, superiorNo: 'CS0002' });
  });

  it('what the console can tell is wrong lands on the cell, and such a row is not imported', () => {
    const result = plan(table(
      ['N010', '甲', 'a@example.com', '13900000010', '经理', '初级', '', '不存在的组', '2026-13-01', '', ''],
      ['N010', '乙', 'b@example.com', '13900000011', '专员', '初级', '', '', '2026-01-01', '', ''],
    ));
    expect(result.rows[0]!.problems).toEqual([
      { column: 'post', message: 'app.import_export.errors.unknown_choice', params: { value: '经理', field: 'post' } },
      { column: 'hireDate', message: 'app.import_export.errors.bad_date', params: { value: '2026-13-01' } },
      { column: 'team', message: 'app.import_export.errors.unknown_team', params: { value: '不存在的组' } },
    ]);
    expect(result.rows[1]!.problems).toEqual([{ column: 'employeeNo', message: 'app.import_export.errors.duplicate_no', params: { line: 2 } }]);
    expect(rowsToSend(result)).toEqual([]);
  });

  it('a file without a 工号 column cannot be imported, and names every required column it lacks (#12 item 8)', () => {
    const result = planImport({ headers: ['姓名', '邮箱'], rows: [{ line: 2, cells: ['甲', 'a@b.c'] }] }, { employees: [], orgUnits: [] });
    expect(result.fileProblem).toEqual({
      key: 'app.import_export.errors.missing_columns',
      params: { headers: '姓名、邮箱' },
      missing: ['employeeNo', 'phone', 'post', 'level', 'hireDate'],
    });
    expect(result.rows).toEqual([]);
    expect(missingColumnsText(result.fileProblem!.missing!, 'zh-CN')).toBe('工号、电话、岗位、职级、入职日期');
    expect(missingColumnsText(['employeeNo', 'name'], 'en')).toBe('Employee no., Name');
  });

  it('new employees without a 姓名 column: the file is refused before any row is sent, naming 姓名 (#12 item 8)', () => {
    const headers = HEADERS.filter((h) => h !== '姓名');
    const result = planImport({ headers, rows: [{ line: 2, cells: ['N030', 'd@example.com', '13900000030', '专员', '初级', '', '', '2026-01-01', '', ''] }] }, { employees: aTeam(), orgUnits: ORG_UNITS });
    expect(result.fileProblem).toMatchObject({ key: 'app.import_export.errors.missing_columns', missing: ['name'] });
    expect(rowsToSend(result)).toEqual([]);
  });

  it('a file that only changes existing people needs no more than the 工号 column', () => {
    const result = planImport({ headers: ['工号', '电话'], rows: [{ line: 2, cells: ['CS0002', '13800000009'] }] }, { employees: aTeam(), orgUnits: ORG_UNITS });
    expect(result.fileProblem).toBeUndefined();
    expect(result.rows[0]!.item).toEqual({ id: 'e-2', version: 2, phone: '13800000009' });
  });

  it('a team is found by name, preferring a team over a department of the same name', () => {
    const units = [...ORG_UNITS, { id: 'u-dup', name: '客户服务中心', kind: 'department' }];
    const result = planImport(table(['N020', '丙', 'c@example.com', '13900000020', '专员', '初级', '', '客户服务中心', '2026-01-01', '', '']), { employees: [], orgUnits: units });
    expect(result.rows[0]!.item).toMatchObject({ teamId: 'u-center' });
  });
});
