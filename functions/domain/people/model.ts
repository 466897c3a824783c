/** People and organisation (POLICIES.md §1). */
export const POSTS = ['agent', 'team_lead', 'supervisor', 'cs_manager', 'gm', 'hr'] as const;
export type Post = (typeof POSTS)[number];

export const LEVELS = ['trainee', 'junior', 'mid', 'senior', 'reserve_supervisor'] as const;
export type Level = (typeof LEVELS)[number];

export const EMPLOYEE_STATUSES = ['probation', 'regular', 'suspended', 'terminated'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

export const ORG_UNIT_KINDS = ['company', 'department', 'team'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export interface OrgUnit {
  id: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  /** The department this unit belongs to (itself for a department; null for the company). */
  departmentId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Employee {
  id: string;
  employeeNo: string;
  name: string;
  email: string;
  phone: string;
  post: Post;
  level: Level;
  status: EmployeeStatus;
  superiorId: string | null;
  teamId: string | null;
  departmentId: string | null;
  hireDate: string;
  probationEndDate: string | null;
  /**
   * 转正日期: the day a probation review converted the employee (POLICIES.md §3). Absent on
   * records from before it was kept and on people hired as regular.
   */
  conversionDate?: string | null;
  /**
   * Materialised reporting line: ancestor ids then the employee's own id, each followed by
   * '/'. A subtree is everything whose path starts with its root's path, which is how data
   * scope and cycle checks stay single key lookups (docs/data-model.md).
   */
  path: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What a client may set when creating an employee. */
export interface EmployeeInput {
  employeeNo: string;
  name: string;
  email: string;
  phone: string;
  post: Post;
  level: Level;
  superiorId: string | null;
  teamId?: string | null | undefined;
  hireDate: string;
  probationEndDate?: string | null | undefined;
  status?: EmployeeStatus | undefined;
}

export type EmployeePatch = Partial<EmployeeInput>;

/** Every field a client may set on an employee (create and PATCH take the same ones). */
export const EMPLOYEE_INPUT_FIELDS = [
  'employeeNo', 'name', 'email', 'phone', 'post', 'level', 'superiorId', 'teamId', 'hireDate', 'probationEndDate', 'status',
] as const satisfies readonly (keyof EmployeeInput)[];

/**
 * The fields HR may let supervisors and CS managers change for their own people (org policy
 * `managerEditableFields`); hiring, post, level, pay, status and dates stay with HR.
 */
export const ARRANGEABLE_FIELDS = ['teamId', 'superiorId', 'phone', 'email'] as const satisfies readonly (keyof EmployeeInput)[];
export type ArrangeableField = (typeof ARRANGEABLE_FIELDS)[number];
