/**
 * Who may read a request (and so its files, #12): the rule GET /probation-reviews/{id} applies,
 * shared here so an attachment is never easier to reach than the request it belongs to.
 */
import type { Context } from 'hono';
import { can, inScope, type Principal } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import type { Store } from '../../storage/client.js';
import { getTasks, listSteps } from '../../storage/approvals.js';
import { getReview, type ProbationReview } from '../../storage/probation-reviews.js';
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
 * May the principal read this request? A probation review by `visibleReview` (with
 * `probation:read`); any other kind, which has no page of its own yet, to whoever holds or
 * held a task on it.
 */
export async function mayReadRequest(c: Context<AppEnv>, p: Principal, kind: string, requestId: string): Promise<boolean> {
  if (kind === 'probation') {
    if (!can(p, 'probation:read')) return false;
    return visibleReview(c, p, requestId).then(() => true, (err: unknown) => {
      if (err instanceof DomainError && err.code === 'EMPLOYEE.NOT_FOUND') return false;
      throw err;
    });
  }
  return p.kind === 'user' && tookPart(c.get('deps').store, kind, requestId, p.id);
}
