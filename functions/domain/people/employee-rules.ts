/**
 * Rules for creating and changing an employee record (POLICIES.md §1, §3). Pure: the
 * caller loads the superior, team and policies and passes the clock and the new id.
 */
import { DomainError } from '../errors.js';
import type { OrgPolicy, ProbationPolicy } from '../policy/defaults.js';
import { addDays, addMonths, companyToday, monthsBetween } from './dates.js';
import type { Employee, EmployeeInput, EmployeePatch, OrgUnit } from './model.js';

export interface EmployeeContext {
  superior: Employee | null;
  team: OrgUnit | null;
  org: OrgPolicy;
  probation: ProbationPolicy;
  now: string;
}

export function newEmployee(id: string, input: EmployeeInput, ctx: EmployeeContext): Employee & { baseSalary: number } {
  checkHireDate(input.hireDate, ctx);
  const status = input.status ?? (input.level === 'trainee' ? 'probation' : 'regular');
  const placement = place(id, input.post, input.superiorId, input.teamId ?? null, ctx, null);
  const probationEndDate = probationEnd(input.hireDate, status, input.probationEndDate, ctx.probation);
  return {
    id,
    employeeNo: input.employeeNo,
    name: input.name,
    email: input.email,
    phone: input.phone,
    post: input.post,
    level: input.level,
    status,
    superiorId: input.superiorId,
    teamId: input.teamId ?? null,
    departmentId: placement.departmentId,
    hireDate: input.hireDate,
    probationEndDate,
    path: placement.path,
    baseSalary: ctx.org.levelBaseSalary[input.level],
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
}

/** A hire date within the org policy's plausible window around today (company time). */
function checkHireDate(hireDate: string, ctx: EmployeeContext): void {
  const { pastYears, futureDays } = ctx.org.hireDateWindow;
  const today = companyToday(new Date(ctx.now));
  const from = addMonths(today, -12 * pastYears);
  const to = addDays(today, futureDays);
  if (hireDate < from || hireDate > to) throw new DomainError('EMPLOYEE.HIRE_DATE_RANGE', 'hireDate', { from, to, pastYears, futureDays });
}

/** Applies a patch to an employee; returns the new record (version bumped). */
export function changeEmployee(
  current: Employee & { baseSalary: number },
  patch: EmployeePatch,
  ctx: EmployeeContext,
): Employee & { baseSalary: number } {
  if (patch.hireDate !== undefined && patch.hireDate !== current.hireDate) checkHireDate(patch.hireDate, ctx);
  const merged = { ...current, ...definedOnly(patch) };
  const placement = place(current.id, merged.post, merged.superiorId, merged.teamId ?? null, ctx, current);
  const probationChanged = patch.hireDate !== undefined || patch.probationEndDate !== undefined || patch.status !== undefined;
  const probationEndDate = probationChanged
    ? probationEnd(merged.hireDate, merged.status, patch.probationEndDate === undefined ? current.probationEndDate : patch.probationEndDate, ctx.probation)
    : current.probationEndDate;
  return {
    ...merged,
    teamId: merged.teamId ?? null,
    departmentId: placement.departmentId,
    path: placement.path,
    probationEndDate,
    baseSalary: patch.level !== undefined && patch.level !== current.level ? ctx.org.levelBaseSalary[patch.level] : current.baseSalary,
    version: current.version + 1,
    updatedAt: ctx.now,
  };
}

function place(
  id: string,
  post: Employee['post'],
  superiorId: string | null,
  teamId: string | null,
  ctx: EmployeeContext,
  current: Employee | null,
): { departmentId: string | null; path: string } {
  if (superiorId === null) {
    // Only the top of the company (the GM) reports to nobody.
    if (post !== 'gm') throw new DomainError('EMPLOYEE.SUPERIOR_REQUIRED', 'superiorId');
  } else if (!ctx.superior || ctx.superior.id !== superiorId) {
    throw new DomainError('EMPLOYEE.SUPERIOR_NOT_FOUND', 'superiorId');
  }
  if (teamId !== null && (!ctx.team || ctx.team.id !== teamId)) {
    throw new DomainError('EMPLOYEE.TEAM_NOT_FOUND', 'teamId');
  }
  const superior = superiorId === null ? null : ctx.superior;
  if (current && superior && (superior.id === current.id || superior.path.startsWith(current.path))) {
    throw new DomainError('EMPLOYEE.SUPERIOR_CYCLE', 'superiorId', { superior: superior.name });
  }
  const departmentId = ctx.team
    ? ctx.team.kind === 'department' ? ctx.team.id : ctx.team.departmentId
    : superior?.departmentId ?? null;
  // A superior must be in the same department; the GM stands above every department.
  if (superior && superior.post !== 'gm' && departmentId !== null && superior.departmentId !== departmentId) {
    throw new DomainError('EMPLOYEE.SUPERIOR_OTHER_DEPARTMENT', 'superiorId', { superior: superior.name });
  }
  return { departmentId, path: `${superior?.path ?? '/'}${id}/` };
}

function probationEnd(
  hireDate: string,
  status: Employee['status'],
  requested: string | null | undefined,
  policy: ProbationPolicy,
): string | null {
  if (status !== 'probation') return requested ?? null;
  const end = requested ?? addMonths(hireDate, policy.defaultMonths);
  if (end <= hireDate) throw new DomainError('EMPLOYEE.PROBATION_BEFORE_HIRE', 'probationEndDate');
  const months = monthsBetween(hireDate, end);
  const tooShort = end < addMonths(hireDate, policy.minMonths);
  const tooLong = end > addMonths(hireDate, policy.maxMonths);
  if (tooShort || tooLong) {
    throw new DomainError('EMPLOYEE.PROBATION_LENGTH', 'probationEndDate', {
      min: policy.minMonths,
      max: policy.maxMonths,
      months,
    });
  }
  return end;
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
