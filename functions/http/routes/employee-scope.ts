/** Whose records a principal sees (POLICIES.md §1), and employees as the API shows them. */
import type { Context } from 'hono';
import { inScope, seesWholeOrganisation, type Principal } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { getEmployee, getEmployees, type StoredEmployee } from '../../storage/employees.js';
import { listOrgUnits } from '../../storage/org-units.js';
import type { AppEnv } from '../env.js';
import { requestSelf } from '../request-memo.js';
import type { ShownEmployee } from './employee-schemas.js';

type Ctx = Context<AppEnv>;

/**
 * The principal's own employee record (read when their scope needs it, or when `withSelf`)
 * and the reporting path whose subtree they may see: null = everyone, undefined = no one
 * (a user with a scoped role but no employee record).
 */
async function selfAndScope(c: Ctx, p: Principal, withSelf: boolean): Promise<{ self: StoredEmployee | null; scopePath: string | null | undefined }> {
  const wide = seesWholeOrganisation(p);
  const self = p.employeeId && (withSelf || !wide) ? await requestSelf(c, p.employeeId) : null;
  return { self, scopePath: wide ? null : self?.path };
}

export async function scopeOf(c: Ctx, p: Principal): Promise<string | null | undefined> {
  return (await selfAndScope(c, p, false)).scopePath;
}

/** An employee the principal may see, or 404 (out-of-scope records are not revealed to exist). */
export async function visibleEmployee(c: Ctx, p: Principal, id: string): Promise<StoredEmployee> {
  return (await visibleEmployeeAndSelf(c, p, id, false)).employee;
}

/** The same, also returning the principal's own record (the one read their scope took, so no extra read). */
export async function visibleEmployeeAndSelf(c: Ctx, p: Principal, id: string, withSelf: boolean): Promise<{ employee: StoredEmployee; self: StoredEmployee | null }> {
  const [employee, { self, scopePath }] = await Promise.all([getEmployee(c.get('deps').store, id), selfAndScope(c, p, withSelf)]);
  if (!employee || scopePath === undefined || !inScope(scopePath, employee.path)) {
    throw new DomainError('EMPLOYEE.NOT_FOUND', 'id');
  }
  return { employee, self };
}

/** Adds superior and team names: one batch read and one org-unit query per page, whatever its size. */
export async function present(
  c: Ctx,
  employees: StoredEmployee[],
  known: { superior?: StoredEmployee | null; team?: { id: string; name: string } | null } = {},
): Promise<ShownEmployee[]> {
  const { store } = c.get('deps');
  const superiorIds = [...new Set(employees.map((e) => e.superiorId).filter((id): id is string => !!id))];
  const needSuperiors = superiorIds.filter((id) => id !== known.superior?.id);
  const needUnits = employees.some((e) => e.teamId && e.teamId !== known.team?.id);
  const [superiors, units] = await Promise.all([
    needSuperiors.length ? getEmployees(store, needSuperiors) : Promise.resolve([]),
    needUnits ? listOrgUnits(store) : Promise.resolve([]),
  ]);
  const names = new Map(superiors.map((s) => [s.id, s.name]));
  if (known.superior) names.set(known.superior.id, known.superior.name);
  // The superior's 工号 with their name, even outside the reader's scope: an exported file names
  // each superior the way an import finds them, so it re-imports to no change.
  const numbers = new Map(superiors.map((s) => [s.id, s.employeeNo]));
  if (known.superior) numbers.set(known.superior.id, known.superior.employeeNo);
  const teams = new Map(units.map((u) => [u.id, u.name]));
  if (known.team) teams.set(known.team.id, known.team.name);
  return employees.map((e) => ({
    id: e.id,
    employeeNo: e.employeeNo,
    name: e.name,
    email: e.email,
    phone: e.phone,
    post: e.post,
    level: e.level,
    status: e.status,
    superiorId: e.superiorId,
    superiorName: e.superiorId ? names.get(e.superiorId) ?? null : null,
    superiorNo: e.superiorId ? numbers.get(e.superiorId) ?? null : null,
    teamId: e.teamId,
    teamName: e.teamId ? teams.get(e.teamId) ?? null : null,
    departmentId: e.departmentId,
    hireDate: e.hireDate,
    probationEndDate: e.probationEndDate,
    conversionDate: e.conversionDate ?? null,
    baseSalary: e.baseSalary,
    version: e.version,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  }));
}
