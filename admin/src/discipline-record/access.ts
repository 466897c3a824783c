import type { Role } from '../providers/authProvider.js';

/**
 * Who may do what here, as the API grants it (functions/domain/auth/roles.ts): recording a
 * violation is `discipline:write` (a team lead or above, for people under them), the fines for
 * payroll `discipline:manage` (HR and administrators). The API still decides per employee: these
 * only keep buttons away from those it would refuse anyway.
 */
export const DISCIPLINE_RECORDERS: readonly Role[] = ['team_lead', 'supervisor', 'cs_manager', 'gm', 'hr', 'admin'];
export const FINES_READERS: readonly Role[] = ['hr', 'admin'];

const hasAny = (roles: readonly string[] | undefined, allowed: readonly Role[]) => !!roles?.some((role) => (allowed as readonly string[]).includes(role));

export function canRecordViolations(roles: readonly string[] | undefined): boolean {
  return hasAny(roles, DISCIPLINE_RECORDERS);
}

/** Whom a recorder may record for: not themselves (the API refuses DISCIPLINE.SELF), nor someone who has left. */
export function isRecordable(employee: { id: string; status: string }, ownEmployeeId: string | null | undefined): boolean {
  return employee.id !== ownEmployeeId && employee.status !== 'terminated';
}

/** 记录违纪 for this employee: a recorder, for someone recordable. */
export function canRecordViolationFor(
  identity: { roles?: readonly string[]; employeeId?: string | null } | undefined,
  employee: { id: string; status: string },
): boolean {
  return !!identity && canRecordViolations(identity.roles) && isRecordable(employee, identity.employeeId);
}

export function canExportFines(roles: readonly string[] | undefined): boolean {
  return hasAny(roles, FINES_READERS);
}
