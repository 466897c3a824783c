import { describe, expect, it } from 'vitest';
import { headerOf, mapHeaders, PEOPLE_COLUMNS } from '../../../admin/src/import-export/peopleColumns.js';

describe('the header row of a people file', () => {
  it('finds every column by its Chinese header', () => {
    const headers = ['工号', '姓名', '邮箱', '电话', '岗位', '职级', '上级工号', '团队', '入职日期', '试用期截止', '状态'];
    expect(mapHeaders(headers).columns).toEqual(Object.fromEntries(PEOPLE_COLUMNS.map((c, i) => [c, i])));
  });

  it('finds every column by its English header, in any order and case', () => {
    const english = PEOPLE_COLUMNS.map((c) => headerOf(c, 'en').toUpperCase()).reverse();
    const { columns, unknown } = mapHeaders(english);
    expect(unknown).toEqual([]);
    expect(columns.employeeNo).toBe(PEOPLE_COLUMNS.length - 1);
    expect(columns.status).toBe(0);
  });

  it('reads the headers people type: stars, hints in brackets, spaces and common synonyms', () => {
    const { columns } = mapHeaders(['工号*', '姓 名', '手机号', '入职日期（YYYY-MM-DD）', 'Employee No', 'superiorNo', '所属团队']);
    expect(columns).toMatchObject({ employeeNo: 0, name: 1, phone: 2, hireDate: 3, superiorNo: 5, team: 6 });
  });

  it('lists the headers it does not know, skips the informational and error columns, and reads a repeated column once', () => {
    const { columns, unknown, duplicates } = mapHeaders(['工号', '备注', '上级姓名', '错误', 'Employee no.', '']);
    expect(columns).toEqual({ employeeNo: 0 });
    expect(unknown).toEqual(['备注']);
    expect(duplicates).toEqual(['Employee no.']);
  });
});
