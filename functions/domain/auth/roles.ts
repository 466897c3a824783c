/**
 * Roles, what each may do, and whose data each may see (POLICIES.md §1: a supervisor sees
 * and acts on their own subtree; HR, GM and admin see the department).
 */
export const ROLES = ['agent', 'team_lead', 'supervisor', 'cs_manager', 'gm', 'hr', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'employees:read',
  'employees:write',
  // Change some fields (org policy managerEditableFields) of people strictly below oneself (§1).
  'employees:arrange',
  'org:read',
  'org:write',
  'users:read',
  'users:write',
  'api-keys:write',
  // Webhooks for integrations (#13): registering receivers, reading and replaying deliveries.
  'webhooks:manage',
  'audit:read',
  'policies:read',
  'policies:write',
  'approvals:read',
  'approvals:write',
  'probation:read',
  'probation:write',
  // The department's numbers (GET /dashboard): company-wide counts of approvals, probation,
  // headcount and decisions, which reading people does not imply (#13 item 7).
  'dashboard:read',
  // Recruitment (POLICIES.md §2, #14): reading requisitions and openings; raising a requisition
  // (a supervisor or above, for their own part of the organisation); HR's work on openings.
  'recruitment:read',
  'recruitment:write',
  'recruitment:manage',
  // Leaving (POLICIES.md §9, #15): reading resignations and offboardings in one's scope; handing
  // in one's own resignation and signing what is addressed to one; HR's work on every leaver.
  'offboarding:read',
  'offboarding:write',
  'offboarding:manage',
  // Discipline (POLICIES.md §4, #16): reading actions in one's scope (and one's own, and those
  // one witnesses or answers), signing, refusing and appealing one's own; recording an action
  // for someone under one (a team lead or above); HR's fines for payroll.
  'discipline:read',
  'discipline:write',
  'discipline:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * API key scopes are the same words as permissions; an admin picks them per key. A key reaches
 * only routes that declare the permission it holds (`requires`, http/middleware/requires.ts).
 * What makes or points credentials (accounts, keys, webhook receivers and their signing secrets)
 * stays with a signed-in administrator: a leaked key cannot mint another way in or out.
 */
export const API_KEY_SCOPES = PERMISSIONS.filter((p) => p !== 'api-keys:write' && p !== 'users:write' && p !== 'webhooks:manage');

const EVERYONE: Permission[] = ['employees:read', 'org:read', 'audit:read', 'policies:read', 'approvals:read', 'approvals:write', 'probation:read', 'probation:write', 'offboarding:read', 'offboarding:write', 'discipline:read'];
/** A team lead or above records a disciplinary action for people under them (#16). */
const LEADS: Permission[] = [...EVERYONE, 'discipline:write'];

const RECRUITING: Permission[] = ['recruitment:read', 'recruitment:write'];

const GRANTS: Record<Role, Permission[]> = {
  agent: EVERYONE,
  team_lead: LEADS,
  // 主管 and 客服经理 arrange their own people (team, superior, contact); HR owns the rest.
  // A supervisor or above asks for headcount (人才增补单, §2).
  supervisor: [...LEADS, 'employees:arrange', ...RECRUITING],
  // The company-wide numbers: the roles that see the whole organisation, and the CS manager,
  // who runs the department the product serves.
  cs_manager: [...LEADS, 'employees:arrange', 'dashboard:read', ...RECRUITING],
  gm: [...LEADS, 'users:read', 'dashboard:read', ...RECRUITING],
  hr: [...LEADS, 'discipline:manage', 'employees:write', 'org:write', 'users:read', 'policies:write', 'dashboard:read', ...RECRUITING, 'recruitment:manage', 'offboarding:manage'],
  admin: [...PERMISSIONS],
};

/** Roles whose data scope is the whole organisation rather than their own subtree. */
const ORGANISATION_WIDE: Role[] = ['gm', 'hr', 'admin'];

export interface Principal {
  kind: 'user' | 'apiKey';
  /** user id or API key id */
  id: string;
  name: string;
  roles: Role[];
  /** API key scopes; undefined for users. */
  scopes?: Permission[];
  employeeId: string | null;
  language: 'zh-CN' | 'en';
}

export function can(principal: Principal, permission: Permission): boolean {
  if (principal.kind === 'apiKey') return principal.scopes?.includes(permission) ?? false;
  return principal.roles.some((role) => GRANTS[role].includes(permission));
}

/** True when the principal sees every employee; otherwise they see the subtree of their own employee record. */
export function seesWholeOrganisation(principal: Principal): boolean {
  return principal.kind === 'apiKey' || principal.roles.some((r) => ORGANISATION_WIDE.includes(r));
}

/** Whether an employee whose reporting path is `path` lies in a scope rooted at `scopePath` (null = everything). */
export function inScope(scopePath: string | null, path: string): boolean {
  return scopePath === null || path.startsWith(scopePath);
}
