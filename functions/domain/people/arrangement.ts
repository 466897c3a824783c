/**
 * 客服经理 and 主管 arrange their own people (POLICIES.md §1: a supervisor acts on their own
 * subtree): which team, which direct superior, how to reach them — the fields HR lists in the
 * org policy's `managerEditableFields`. Hiring, post, level, pay, status and dates stay with HR.
 * Pure: the caller loads the arranger's own employee record, the target, the new superior and
 * team (reads it makes anyway), so these checks cost no extra reads.
 */
import { can, type Principal } from '../auth/roles.js';
import { DomainError, DomainFieldsError } from '../errors.js';
import { EMPLOYEE_INPUT_FIELDS, type ArrangeableField, type Employee, type EmployeePatch, type OrgUnit } from './model.js';

/** The arranger's own place in the tree. */
export type Arranger = Pick<Employee, 'id' | 'path' | 'departmentId'>;

/**
 * Who may be arranged: someone strictly below the arranger — never themselves (nobody
 * moves their own team or superior), never a peer or someone above.
 */
export function assertArrangeable(arranger: Arranger, target: Pick<Employee, 'id' | 'path'>): void {
  if (target.id === arranger.id || !target.path.startsWith(arranger.path)) throw new DomainError('EMPLOYEE.NOT_YOURS_TO_ARRANGE', 'id');
}

/**
 * The part of a patch an arranger may make. A field repeating the current value is no change
 * (a pasted row carries every column) and is dropped; every other field outside `editable`
 * is refused, all of them named at once, and nothing is written.
 */
export function arrangeablePatch(target: Employee, patch: EmployeePatch, editable: readonly ArrangeableField[]): EmployeePatch {
  const kept: Record<string, unknown> = {};
  const refused: string[] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const allowed = (editable as readonly string[]).includes(field);
    if (!allowed && value === target[field as keyof Employee]) continue;
    if (allowed) kept[field] = value;
    else refused.push(field);
  }
  if (refused.length > 0) throw new DomainFieldsError('EMPLOYEE.FIELD_HR_ONLY', refused, { fields: refused.join(', '), editable: editable.join(', ') || '—' });
  return kept as EmployeePatch;
}

/**
 * Where an arranger may place someone: under a superior within their own subtree (themselves
 * included), in a team of their own department. Anything else answers as if it did not exist,
 * as a superior outside one's scope does for everyone (no names of other departments leak).
 */
export function assertPlacementInReach(
  arranger: Arranger,
  target: Pick<Employee, 'superiorId' | 'teamId'>,
  patch: EmployeePatch,
  found: { superior: Employee | null; team: OrgUnit | null },
): void {
  if (patch.superiorId !== undefined && patch.superiorId !== target.superiorId) {
    if (patch.superiorId === null || !found.superior || !found.superior.path.startsWith(arranger.path)) {
      throw new DomainError('EMPLOYEE.SUPERIOR_NOT_FOUND', 'superiorId');
    }
  }
  if (patch.teamId !== undefined && patch.teamId !== null && patch.teamId !== target.teamId) {
    const unitDepartment = found.team ? (found.team.kind === 'department' ? found.team.id : found.team.departmentId) : null;
    if (!found.team || arranger.departmentId === null || unitDepartment !== arranger.departmentId) {
      throw new DomainError('EMPLOYEE.TEAM_NOT_FOUND', 'teamId');
    }
  }
}

/**
 * The employee fields a principal may change on other people's records: every field for
 * employees:write; the policy's list for employees:arrange, when they have a place in the
 * tree to arrange below (an API key or an unlinked account has none); otherwise none.
 */
export function editableEmployeeFields(p: Principal, managerEditableFields: readonly ArrangeableField[]): string[] {
  if (can(p, 'employees:write')) return [...EMPLOYEE_INPUT_FIELDS];
  if (can(p, 'employees:arrange') && p.employeeId) return [...managerEditableFields];
  return [];
}
