import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../functions/domain/errors.js';
import { changeEmployee, newEmployee, type EmployeeContext } from '../../../../functions/domain/people/employee-rules.js';
import type { Employee, EmployeeInput, OrgUnit } from '../../../../functions/domain/people/model.js';
import { DEFAULT_POLICIES } from '../../../../functions/domain/policy/defaults.js';

const NOW = '2026-11-02T00:00:00.000Z';
const unit = (id: string, kind: OrgUnit['kind'], departmentId: string | null): OrgUnit => ({
  id, name: id, kind, parentId: null, departmentId, version: 1, createdAt: NOW, updatedAt: NOW,
});
const TEAM = unit('team', 'team', 'cs');
const MARKETING = unit('mkt', 'department', 'mkt');

function person(id: string, over: Partial<Employee> = {}): Employee & { baseSalary: number } {
  return {
    id, employeeNo: id, name: id, email: `${id}@x.cn`, phone: '13800000000', post: 'agent', level: 'junior',
    status: 'regular', superiorId: null, teamId: null, departmentId: 'cs', hireDate: '2026-01-01',
    probationEndDate: null, path: `/${id}/`, version: 1, createdAt: NOW, updatedAt: NOW, baseSalary: 2200, ...over,
  };
}

const GM = person('gm', { post: 'gm', departmentId: 'gmo', path: '/gm/' });
const SUP = person('sup', { post: 'supervisor', superiorId: 'gm', path: '/gm/sup/' });
const ctx = (over: Partial<EmployeeContext> = {}): EmployeeContext => ({
  superior: SUP, team: TEAM, org: DEFAULT_POLICIES.org, probation: DEFAULT_POLICIES.probation, now: NOW, ...over,
});
const input = (over: Partial<EmployeeInput> = {}): EmployeeInput => ({
  employeeNo: 'CS1', name: '张三', email: 'z@x.cn', phone: '13800000000', post: 'agent', level: 'trainee',
  superiorId: 'sup', teamId: 'team', hireDate: '2026-08-01', ...over,
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof DomainError ? `${err.code}@${err.field}` : String(err);
  }
  return undefined;
}

describe('a new employee (POLICIES.md §1, §3)', () => {
  it('places them under their superior in the reporting path and in the team’s department', () => {
    const e = newEmployee('new', input(), ctx());
    expect(e.path).toBe('/gm/sup/new/');
    expect(e.departmentId).toBe('cs');
  });

  it('a trainee is on probation for the policy’s default 3 months at the trainee salary (1800)', () => {
    const e = newEmployee('new', input(), ctx());
    expect(e).toMatchObject({ status: 'probation', probationEndDate: '2026-11-01', baseSalary: 1800 });
  });

  it('probation length follows the stored policy, not a constant', () => {
    const e = newEmployee('new', input(), ctx({ probation: { ...DEFAULT_POLICIES.probation, defaultMonths: 2 } }));
    expect(e.probationEndDate).toBe('2026-10-01');
  });

  it.each([
    ['2026-09-01', undefined],
    ['2026-08-31', 'EMPLOYEE.PROBATION_LENGTH@probationEndDate'],
    ['2027-02-01', undefined],
    ['2027-02-02', 'EMPLOYEE.PROBATION_LENGTH@probationEndDate'],
    ['2026-08-01', 'EMPLOYEE.PROBATION_BEFORE_HIRE@probationEndDate'],
  ])('probation ending %s → %s (1–6 months, §3)', (end, expected) => {
    expect(codeOf(() => newEmployee('new', input({ probationEndDate: end }), ctx()))).toBe(expected);
  });

  it('needs a superior unless they are the GM', () => {
    expect(codeOf(() => newEmployee('n', input({ superiorId: null }), ctx({ superior: null })))).toBe('EMPLOYEE.SUPERIOR_REQUIRED@superiorId');
    expect(newEmployee('n', input({ superiorId: null, post: 'gm', teamId: null }), ctx({ superior: null, team: null })).path).toBe('/n/');
  });

  it('refuses a superior from another department, except the GM', () => {
    expect(codeOf(() => newEmployee('n', input({ teamId: 'mkt' }), ctx({ team: MARKETING })))).toBe('EMPLOYEE.SUPERIOR_OTHER_DEPARTMENT@superiorId');
    expect(codeOf(() => newEmployee('n', input({ superiorId: 'gm', teamId: 'mkt' }), ctx({ superior: GM, team: MARKETING })))).toBeUndefined();
  });
});

describe('changing an employee', () => {
  it('refuses to put someone under their own subordinate (a cycle)', () => {
    const below = person('agent', { superiorId: 'sup', path: '/gm/sup/agent/' });
    expect(codeOf(() => changeEmployee(SUP, { superiorId: 'agent' }, ctx({ superior: below, team: null })))).toBe('EMPLOYEE.SUPERIOR_CYCLE@superiorId');
    expect(codeOf(() => changeEmployee(SUP, { superiorId: 'sup' }, ctx({ superior: SUP, team: null })))).toBe('EMPLOYEE.SUPERIOR_CYCLE@superiorId');
  });

  it('a level change sets the new level’s base salary; other changes keep the salary', () => {
    const e = person('e', { superiorId: 'sup', path: '/gm/sup/e/', teamId: 'team' });
    expect(changeEmployee(e, { level: 'senior' }, ctx()).baseSalary).toBe(3000);
    expect(changeEmployee({ ...e, baseSalary: 2600 }, { phone: '13900000000' }, ctx()).baseSalary).toBe(2600);
    expect(changeEmployee(e, { phone: '13900000000' }, ctx()).version).toBe(2);
  });
});

describe('hire dates within the org policy’s plausible window (org.hireDateWindow, gap: 50 years back, 90 days ahead; #12 item 7)', () => {
  // NOW is 2026-11-02 in the company's zone: the window is 1976-11-02 … 2027-01-31.
  it('accepts the window’s edges and refuses a day beyond either, naming hireDate', () => {
    expect(newEmployee('a', input({ hireDate: '2027-01-31', probationEndDate: '2027-04-30' }), ctx()).hireDate).toBe('2027-01-31');
    expect(codeOf(() => newEmployee('b', input({ hireDate: '2027-02-01' }), ctx()))).toBe('EMPLOYEE.HIRE_DATE_RANGE@hireDate');
    expect(codeOf(() => newEmployee('c', input({ hireDate: '2099-12-31' }), ctx()))).toBe('EMPLOYEE.HIRE_DATE_RANGE@hireDate');
    expect(newEmployee('d', input({ hireDate: '1976-11-02', level: 'senior' }), ctx()).hireDate).toBe('1976-11-02');
    expect(codeOf(() => newEmployee('e', input({ hireDate: '1976-11-01', level: 'senior' }), ctx()))).toBe('EMPLOYEE.HIRE_DATE_RANGE@hireDate');
  });

  it('follows the policy HR saved, and a change that keeps the hire date is not judged again', () => {
    const strict = ctx({ org: { ...DEFAULT_POLICIES.org, hireDateWindow: { pastYears: 1, futureDays: 0 } } });
    expect(codeOf(() => newEmployee('f', input({ hireDate: '2026-11-03' }), strict))).toBe('EMPLOYEE.HIRE_DATE_RANGE@hireDate');
    const old = { ...newEmployee('g', input({ hireDate: '2026-08-01' }), ctx()), hireDate: '2020-01-01' };
    expect(changeEmployee(old, { phone: '13800000000' }, strict).hireDate).toBe('2020-01-01');
    expect(codeOf(() => changeEmployee(old, { hireDate: '2019-12-31' }, strict))).toBe('EMPLOYEE.HIRE_DATE_RANGE@hireDate');
  });
});

