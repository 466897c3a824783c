/**
 * Creating and changing one employee: every check first (prepare*, no write), then the write
 * with its audit record. The single routes and each row of a batch go through these.
 */
import type { Context } from 'hono';
import { can, inScope, type Principal } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { arrangeablePatch, assertArrangeable, assertPlacementInReach } from '../../domain/people/arrangement.js';
import { changeEmployee, newEmployee } from '../../domain/people/employee-rules.js';
import { getDescendants, getEmployee, updateEmployee, type StoredEmployee } from '../../storage/employees.js';
import { newId } from '../../storage/ids.js';
import { assertEmployeeEmailFree, employeeEmailChangeWrites } from '../../storage/emails.js';
import { getOrgUnit } from '../../storage/org-units.js';
import { userKey } from '../../storage/keys.js';
import { transact } from '../../storage/transact.js';
import { userStatusWrites } from '../../storage/user-accounts.js';
import { findAccountOfEmployee, findUserByEmployee, getUser, type StoredUser, type User } from '../../storage/users.js';
import { reassignTasksOfLeaver } from '../../workflow/leavers.js';
import { actorOf, type AppEnv } from '../env.js';
import { requestPolicy } from '../request-memo.js';
import type { CreateBody, PatchBody, ShownEmployee } from './employee-schemas.js';
import { present, scopeOf, visibleEmployeeAndSelf } from './employee-scope.js';

type Ctx = Context<AppEnv>;

/**
 * A transaction holds 100 items; moving a subtree writes the employee, the audit, everyone
 * below, and with a changed number or address their guards and the linked account (up to 10).
 */
const MAX_MOVED_SUBTREE = 88;

export interface PreparedPatch {
  current: StoredEmployee;
  next: StoredEmployee;
  moved: StoredEmployee[];
  superior: StoredEmployee | null;
  team: Awaited<ReturnType<typeof getOrgUnit>>;
  at: string;
  /** Every field sent holds its current value (a re-pasted or re-imported row): nothing to write. */
  unchanged: boolean;
  /** When the address changes: the employee's account, whose sign-in address follows it (null: none). */
  account: User | null;
  /** When the employee leaves (离职): their account, disabled with the change (null: none). */
  leaver: StoredUser | null;
}

/** Every check of a new employee, no write: the record to create and what it refers to. Hiring is HR's (employees:write). */
export async function prepareCreate(c: Ctx, p: Principal, body: CreateBody, at: string) {
  if (!can(p, 'employees:write')) throw new DomainError('EMPLOYEE.CREATE_HR_ONLY');
  const { store } = c.get('deps');
  const [superior, team, org, probation] = await Promise.all([
    body.superiorId ? getEmployee(store, body.superiorId) : null,
    body.teamId ? getOrgUnit(store, body.teamId) : null,
    requestPolicy(c, 'org'),
    requestPolicy(c, 'probation'),
  ]);
  const employee = newEmployee(newId(), body, { superior, team, org: org.values, probation: probation.values, now: at });
  const scopePath = await scopeOf(c, p);
  if (superior && (scopePath === undefined || !inScope(scopePath, superior.path))) throw new DomainError('EMPLOYEE.SUPERIOR_NOT_FOUND', 'superiorId');
  await assertEmployeeEmailFree(store, employee.email, employee.id);
  return { employee, superior, team };
}

/**
 * Every check of a change, no write: the changed record and, when the line moved, everyone
 * below. Without employees:write the principal is arranging their own people
 * (employees:arrange, domain/people/arrangement.ts): whom, which fields, and where to — all
 * answered from reads this function makes anyway (their own record is the one their scope needs).
 */
export async function preparePatch(c: Ctx, p: Principal, id: string, body: PatchBody, at: string): Promise<PreparedPatch> {
  const { store } = c.get('deps');
  const { version, ...requested } = body;
  const arranging = !can(p, 'employees:write');
  const [{ employee: current, self }, org, probation] = await Promise.all([
    visibleEmployeeAndSelf(c, p, id, arranging),
    requestPolicy(c, 'org'),
    requestPolicy(c, 'probation'),
  ]);
  let patch = requested;
  if (arranging) {
    if (!self) throw new DomainError('EMPLOYEE.NOT_YOURS_TO_ARRANGE', 'id');
    assertArrangeable(self, current);
    patch = arrangeablePatch(current, requested, org.values.managerEditableFields);
  }
  if (current.version !== version) {
    throw new DomainError('RECORD.VERSION_CONFLICT', undefined, { version }, { current: (await present(c, [current]))[0] });
  }
  const superiorId = patch.superiorId === undefined ? current.superiorId : patch.superiorId;
  const teamId = patch.teamId === undefined ? current.teamId : patch.teamId;
  const emailChanges = patch.email !== undefined && patch.email !== current.email;
  const leaves = patch.status === 'terminated' && current.status !== 'terminated';
  const [superior, team, account, leaver] = await Promise.all([
    superiorId ? getEmployee(store, superiorId) : null,
    teamId ? getOrgUnit(store, teamId) : null,
    emailChanges ? findUserByEmployee(store, current.id) : null,
    leaves ? findAccountOfEmployee(store, current.id) : null,
    emailChanges ? assertEmployeeEmailFree(store, patch.email!, current.id) : null,
  ]);
  if (arranging) assertPlacementInReach(self!, current, patch, { superior, team });
  const next = changeEmployee(current, patch, { superior, team, org: org.values, probation: probation.values, now: at });
  let moved: StoredEmployee[] = [];
  if (next.path !== current.path) {
    const below = await getDescendants(store, current.path, MAX_MOVED_SUBTREE);
    moved = below.map((d) => ({ ...d, path: next.path + d.path.slice(current.path.length), version: d.version + 1, updatedAt: at }));
  }
  const unchanged = Object.entries(patch).every(([field, value]) => value === undefined || value === current[field as keyof StoredEmployee]);
  return { current, next, moved, superior, team, at, unchanged, account, leaver };
}

export async function writePatch(c: Ctx, p: Principal, r: PreparedPatch): Promise<ShownEmployee> {
  const { current, next, moved, at } = r;
  // No new version and no audit record for a change that changes nothing.
  if (r.unchanged) return (await present(c, [current], { superior: r.superior, team: r.team }))[0]!;
  const { store } = c.get('deps');
  const emailWrites = next.email === current.email
    ? []
    : employeeEmailChangeWrites(store, { employeeId: current.id, from: current.email, to: next.email, account: r.account }, { actor: actorOf(p), channel: c.get('channel'), at });
  // 离职 disables the account in the same transaction (#13 item 4) — unless the address changes
  // too and its account is already in it: one transaction cannot write an item twice, so then
  // the account is disabled right after.
  const leaver = r.leaver?.status === 'active' ? r.leaver : null;
  const accountInEmailWrites = !!leaver && emailWrites.some((w) => w.write.Update?.Key?.pk === userKey(leaver.id).pk);
  const disable = (user: StoredUser) => userStatusWrites(store, user, 'disabled', { actor: actorOf(p), channel: c.get('channel'), at }, 'left');
  await updateEmployee(
    store,
    current,
    next,
    { entityType: 'employee', entityId: current.id, action: 'update', actor: actorOf(p), channel: c.get('channel'), before: current as unknown as Record<string, unknown>, after: next as unknown as Record<string, unknown>, at },
    moved,
    [...emailWrites, ...(leaver && !accountInEmailWrites ? disable(leaver) : [])],
  );
  if (leaver && accountInEmailWrites) {
    const fresh = await getUser(store, leaver.id);
    if (fresh?.status === 'active') await transact(store, disable(fresh));
  }
  if (next.status === 'terminated' && current.status !== 'terminated') await handOverTasks(c, current.id, actorOf(p));
  const [shown] = await present(c, [next], { superior: r.superior, team: r.team });
  return shown!;
}

/**
 * 离职: the leaver's open approval tasks go to their stand-in (policy approvals.approverLeft).
 * The employee change is already saved; a task that cannot move is logged, never an error here.
 */
async function handOverTasks(c: Ctx, employeeId: string, actor: { id: string; name: string }): Promise<void> {
  const deps = c.get('deps');
  try {
    await reassignTasksOfLeaver(deps.workflow, employeeId, actor, c.get('channel'));
  } catch (err) {
    deps.log('error', 'tasks of an approver who left not moved', { requestId: c.get('requestId'), employeeId, error: err instanceof Error ? err.message : String(err) });
  }
}
