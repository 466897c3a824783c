/**
 * Who may read a request (and so its comments and files, #12), shared here so a comment or an
 * attachment is never easier to reach than the request it belongs to.
 */
import type { Context } from 'hono';
import { can, inScope, type Principal } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import type { Store } from '../../storage/client.js';
import { getTasks, listSteps } from '../../storage/approvals.js';
import { getReview, type ProbationReview } from '../../storage/probation-reviews.js';
import { getEmployee } from '../../storage/employees.js';
import { participation, type Participation } from '../../workflow/comments.js';
import { engineCall } from '../../workflow/kinds.js';
import type { AppEnv } from '../env.js';
import { scopeOf } from './employee-scope.js';

/**
 * A review the reader may see: one in their data scope, or one they hold or held a task on (a
 * task transferred to them, 加签 from another team): they read what they decide on.
 * The employee's own file stays out of their reach (GET /employees/{id} still answers 404).
 */
export async function visibleReview(c: Context<AppEnv>, p: Principal, id: string): Promise<ProbationReview> {
  const { store } = c.get('deps');
  const [review, scope] = await Promise.all([getReview(store, id), scopeOf(c, p)]);
  if (!review) throw new DomainError('EMPLOYEE.NOT_FOUND', 'id');
  if (scope !== undefined && inScope(scope, review.employeePath)) return review;
  if (p.kind === 'user' && (await tookPart(store, 'probation', review.id, p.id))) return review;
  throw new DomainError('EMPLOYEE.NOT_FOUND', 'id');
}

/** Does this user hold, or did they hold, a task on the request? (Two reads, on this path only.) */
export async function tookPart(store: Store, kind: string, requestId: string, userId: string): Promise<boolean> {
  const steps = await listSteps(store, kind, requestId);
  return (await getTasks(store, steps.flatMap((s) => s.taskIds))).some((t) => t.approverId === userId);
}

/**
 * A request the reader may see, of any kind (its comments and files): they started it, hold or
 * held a task or a 抄送 notice on it, or the employee it is about is in their data scope;
 * otherwise WORKFLOW.REQUEST_NOT_FOUND (404: not revealed to exist).
 */
export async function readableRequest(c: Context<AppEnv>, p: Principal, kind: string, requestId: string): Promise<Participation> {
  if (p.kind !== 'user') throw new DomainError('WORKFLOW.REQUEST_NOT_FOUND', 'id');
  const deps = c.get('deps');
  const seen = await participation(engineCall(deps.workflow), kind, requestId, p.id);
  if (seen.participant) return seen;
  const [subject, scope] = await Promise.all([
    seen.summary.subjectEmployeeId ? getEmployee(deps.store, seen.summary.subjectEmployeeId) : null,
    can(p, 'probation:read') ? scopeOf(c, p) : undefined,
  ]);
  if (subject && scope !== undefined && inScope(scope, subject.path)) return seen;
  throw new DomainError('WORKFLOW.REQUEST_NOT_FOUND', 'id');
}

/** May the principal read this request? (readableRequest, as a yes or no.) */
export async function mayReadRequest(c: Context<AppEnv>, p: Principal, kind: string, requestId: string): Promise<boolean> {
  return readableRequest(c, p, kind, requestId).then(() => true, (err: unknown) => {
    if (err instanceof DomainError && err.code === 'WORKFLOW.REQUEST_NOT_FOUND') return false;
    throw err;
  });
}
