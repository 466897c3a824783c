import { describe, expect, it } from 'vitest';
import { editableColumns, EMPLOYEE_WRITE_FIELDS, peopleEditing } from '../../../admin/src/employees/employeeEditing.js';
import { superiorOptions, teamOptions } from '../../../admin/src/employees/sheetRefOptions.js';
import type { Employee } from '../../../admin/src/employees/types.js';
import type { SheetColumn } from '../../../admin/src/sheet/types.js';

const COLUMNS: SheetColumn[] = [
  { field: 'name', editable: true },
  { field: 'level', type: 'choice', editable: true },
  { field: 'phone', editable: true },
  { field: 'superiorName', type: 'ref', ref: { writeField: 'superiorId', options: [] }, editable: true },
  { field: 'teamName', type: 'ref', ref: { writeField: 'teamId', options: [] }, editable: true },
  { field: 'baseSalary', type: 'money' },
];

const editableOf = (editing: ReturnType<typeof peopleEditing>) => editableColumns(COLUMNS, editing).filter((c) => c.editable).map((c) => c.field);

describe('which people-sheet columns a user may edit (/users/me editableEmployeeFields)', () => {
  it('a supervisor with the org policy’s default fields edits the superior, team and phone columns only, and opens records read-only', () => {
    const editing = peopleEditing({ roles: ['supervisor'], editableEmployeeFields: ['teamId', 'superiorId', 'phone'] });
    expect(editableOf(editing)).toEqual(['phone', 'superiorName', 'teamName']);
    expect(editing.full).toBe(false);
  });

  it('HR, given every field, edits every editable column and opens the edit form', () => {
    const editing = peopleEditing({ roles: ['hr'], editableEmployeeFields: [...EMPLOYEE_WRITE_FIELDS] });
    expect(editableOf(editing)).toEqual(['name', 'level', 'phone', 'superiorName', 'teamName']);
    expect(editing.full).toBe(true);
  });

  it('an empty list leaves the sheet read-only, whatever the roles', () => {
    expect(editableOf(peopleEditing({ roles: ['hr'], editableEmployeeFields: [] }))).toEqual([]);
  });

  it('an older API without the field: HR and admins edit everything, others nothing (POLICIES.md §1)', () => {
    expect(peopleEditing({ roles: ['admin'] }).full).toBe(true);
    expect(editableOf(peopleEditing({ roles: ['hr'] }))).toHaveLength(5);
    expect(editableOf(peopleEditing({ roles: ['supervisor', 'agent'] }))).toEqual([]);
    expect(editableOf(peopleEditing(undefined))).toEqual([]);
  });

  it('never makes a read-only column editable', () => {
    const editing = peopleEditing({ editableEmployeeFields: ['baseSalary'] });
    expect(editableOf(editing)).toEqual([]);
  });
});

describe('what the superior and team columns offer', () => {
  const person = (id: string, name: string, employeeNo: string, status = 'regular') => ({ id, name, employeeNo, status }) as Employee;

  it('superiors by number, labelled “name (number)”, without people who left', () => {
    expect(superiorOptions([person('b', '王芳', 'CS0009'), person('a', '徐欣怡', 'E0003'), person('c', '李雷', 'CS0001', 'terminated')])).toEqual([
      { id: 'b', name: '王芳', label: '王芳 (CS0009)', code: 'CS0009' },
      { id: 'a', name: '徐欣怡', label: '徐欣怡 (E0003)', code: 'E0003' },
    ]);
  });

  it('teams only, with the parent unit in the label when two teams share a name', () => {
    const units = [
      { id: 'cs', name: '客服部', kind: 'department', parentId: null },
      { id: 'c1', name: '客户服务中心', kind: 'team', parentId: 'cs' },
      { id: 'c2', name: '景区客服', kind: 'team', parentId: 'cs' },
      { id: 'g1', name: '一组', kind: 'team', parentId: 'c1' },
      { id: 'g2', name: '一组', kind: 'team', parentId: 'c2' },
    ];
    expect(teamOptions(units).map((o) => [o.id, o.label])).toEqual(
      expect.arrayContaining([['c1', '客户服务中心'], ['g1', '一组 (客户服务中心)'], ['g2', '一组 (景区客服)']]),
    );
    expect(teamOptions(units)).toHaveLength(4);
  });
});
