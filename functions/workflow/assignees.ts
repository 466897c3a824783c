/**
 * Who actually receives a task for the people a step names: 代理 delegation (a person away
 * for a date range has a delegate) and approvers who have left (policy approvals.approverLeft).
 * Every way a task is created — a step opening, an escalation, a transfer, 加签 — goes through
 * `assign`, so the rules hold everywhere.
 *
 * Cost per named person is fixed: one GetItem for their employee record; with a delegation in
 * force two GetItems (the delegate and the delegate's employee); for someone who left one
 * BatchGet of the reporting line and at most MAX_SUPERIOR_TRIES user lookups. The policy and the HR
 * members are read at most once per call.
 */
import { reportingLine } from '../domain/approvals/chain.js';
import type { ApprovalsPolicy } from '../domain/policy/defaults.js';
import { getEmployee, getEmployees } from '../storage/employees.js';
import { getPolicy } from '../storage/policies.js';
import { findUserByEmployee, getUser, publicUser, usersWithRole, type User } from '../storage/users.js';
import type { WorkflowDeps } from './kinds.js';
import { companyToday } from '../domain/people/dates.js';

export interface Assignee {
  /** Who gets the task. */
  user: User;
  /** The person named by the step, when someone else acts for them. */
  onBehalfOf: { id: string; name: string } | null;
  /** Why someone else acts: a delegation, or the named person has left. */
  reason: 'delegated' | 'approver_left' | null;
}

/** Superiors above someone who left whose accounts are looked up before giving up (bounds the walk). */
const MAX_SUPERIOR_TRIES = 3;

/** Employees who can still sign: someone suspended or terminated cannot (as resolveApprover). */
const SIGNING = ['probation', 'regular'];

/**
 * Resolves each named person to the one who acts for them today; duplicates are dropped. A
 * person named directly keeps their own task even when they also act for someone else.
 */
export async function assign(deps: WorkflowDeps, users: User[], opts: { subjectEmployeeId?: string | null } = {}): Promise<Assignee[]> {
  const resolver = new Resolver(deps, opts.subjectEmployeeId ?? null);
  const resolved: Assignee[] = [];
  const named = new Set<string>();
  for (const user of users) {
    if (named.has(user.id)) continue;
    named.add(user.id);
    resolved.push(...(await resolver.resolve(user)));
  }
  const direct = new Set(resolved.filter((a) => a.reason === null).map((a) => a.user.id));
  const seen = new Set<string>();
  const out: Assignee[] = [];
  for (const a of resolved) {
    if (seen.has(a.user.id) || (a.reason !== null && direct.has(a.user.id))) continue;
    seen.add(a.user.id);
    out.push(a);
  }
  return out;
}

/** Has this person left: their account is disabled, or their employee record is terminated? */
export async function hasLeft(deps: WorkflowDeps, user: User): Promise<boolean> {
  if (user.status !== 'active') return true;
  if (!user.employeeId) return false;
  return (await getEmployee(deps.store, user.employeeId))?.status === 'terminated';
}

/** Reads shared by every named person of one `assign` call. */
class Resolver {
  private policy: Promise<ApprovalsPolicy> | undefined;
  private hr: Promise<User[]> | undefined;
  private readonly today: string;

  /** The person the request is about never decides on it, not even as a delegate or stand-in. */
  constructor(private readonly deps: WorkflowDeps, private readonly subjectEmployeeId: string | null) {
    this.today = companyToday(deps.now());
  }

  async resolve(user: User): Promise<Assignee[]> {
    const employee = user.employeeId ? await getEmployee(this.deps.store, user.employeeId) : null;
    const onBehalfOf = { id: user.id, name: user.name };
    // A delegation in force wins even for someone who left: it is the one explicit instruction
    // (HR sets it for a leaver to hand their work to a named person), the policy the default.
    const found = await this.delegateOf(user);
    const delegate = found && found.employeeId !== this.subjectEmployeeId ? found : null;
    if (delegate) return [{ user: delegate, onBehalfOf, reason: 'delegated' }];
    if (user.status !== 'active' || employee?.status === 'terminated') {
      const instead = (await this.replacementsFor(user, employee?.path ?? null)).filter((u) => !this.subjectEmployeeId || u.employeeId !== this.subjectEmployeeId);
      if (instead.length > 0) return instead.map((u) => ({ user: u, onBehalfOf, reason: 'approver_left' as const }));
      // Nobody to stand in: the task stays with them so the step still has an approver;
      // escalation reaches their superior, and HR can transfer it.
      this.deps.log('warn', 'no stand-in for an approver who left', { userId: user.id });
      return [{ user, onBehalfOf: null, reason: null }];
    }
    return [{ user, onBehalfOf: null, reason: null }];
  }

  /** The delegate while today is within the delegation's dates; one hop only (a delegate's own delegation is not followed). */
  private async delegateOf(user: User): Promise<User | null> {
    const d = user.delegation;
    if (!d || d.delegateId === user.id || this.today < d.from || this.today > d.to) return null;
    const stored = await getUser(this.deps.store, d.delegateId);
    const delegate = stored ? publicUser(stored) : null;
    if (!delegate || (await hasLeft(this.deps, delegate))) {
      this.deps.log('warn', 'delegate unavailable; the approver is asked', { userId: user.id, delegateId: d.delegateId });
      return null;
    }
    return delegate;
  }

  /** Policy approvals.approverLeft: the nearest superior who can sign, or every HR member. */
  async replacementsFor(user: User, path: string | null): Promise<User[]> {
    this.policy ??= getPolicy(this.deps.store, 'approvals').then((p) => p.values);
    const policy = await this.policy;
    if (policy.approverLeft === 'superior' && path) {
      const superior = await this.nearestSuperior(user, path);
      if (superior) return [superior];
    }
    // Policy `hr`, or nobody above them can sign (the top, or a user without an employee record).
    this.hr ??= usersWithRole(this.deps.store, 'hr');
    return (await this.hr).filter((u) => u.id !== user.id);
  }

  private async nearestSuperior(user: User, path: string): Promise<User | null> {
    const ownId = path.split('/').filter(Boolean).at(-1) ?? '';
    const line = await getEmployees(this.deps.store, reportingLine({ id: ownId, path }));
    const signing = line.filter((e) => SIGNING.includes(e.status)).slice(0, MAX_SUPERIOR_TRIES);
    for (const e of signing) {
      const found = await findUserByEmployee(this.deps.store, e.id);
      if (found && found.status === 'active' && found.id !== user.id) return found;
    }
    return null;
  }
}
