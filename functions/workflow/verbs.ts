/**
 * Approval verbs beyond deciding (approval verbs issue): 撤回 withdraw, 催办 remind and batch
 * approve. Each is permission-checked, audited with its channel, and safe under concurrency.
 */
import { StopExecutionCommand, ExecutionDoesNotExist } from '@aws-sdk/client-sfn';
import { DomainError } from '../domain/errors.js';
import { cancelSteps, getTasks, listSteps, markReminded, type ApprovalTask } from '../storage/approvals.js';
import type { Channel } from '../storage/audit.js';
import { getEmployee } from '../storage/employees.js';
import { getPolicy } from '../storage/policies.js';
import { getTask } from '../storage/approvals.js';
import { getUser } from '../storage/users.js';
import { decide } from './decisions.js';
import { kindOf, type WorkflowDeps } from './kinds.js';
import { mailApprover } from './notify.js';

type Actor = { id: string; name: string };

/** The requester withdraws an unfinished request: pending tasks are cancelled (their links say so) and the execution ends. */
export async function withdraw(deps: WorkflowDeps, r: { kind: string; requestId: string; actor: Actor; channel: Channel }): Promise<void> {
  const kind = kindOf(r.kind);
  const at = deps.now().toISOString();
  const { executionArn, writes } = await kind.prepareWithdraw(deps, r.requestId, r.actor, at);
  const pendingSteps = (await listSteps(deps.store, r.kind, r.requestId)).filter((s) => s.status === 'pending');
  const tasks = (await getTasks(deps.store, pendingSteps.flatMap((s) => s.taskIds))).filter((t) => t.status === 'pending');
  await cancelSteps(deps.store, pendingSteps, tasks, at, writes, {
    entityType: r.kind === 'probation' ? 'probationReview' : r.kind, entityId: r.requestId, action: 'withdraw', actor: r.actor, channel: r.channel, at,
    before: { pendingSteps: pendingSteps.map((s) => s.stepKey) }, after: { status: 'withdrawn' },
  });
  if (executionArn) {
    try {
      await deps.sfn.send(new StopExecutionCommand({ executionArn, error: 'Withdrawn', cause: 'The requester withdrew the request' }));
    } catch (err) {
      if (!(err instanceof ExecutionDoesNotExist)) throw err;
    }
  }
}

/**
 * 催办: the requester, or anyone above the approver in the org tree, nudges a pending approver
 * at most once per policy interval (gap: 4 h). The approver gets a new email.
 */
export async function remind(deps: WorkflowDeps, r: { taskId: string; actor: Actor & { employeeId: string | null }; channel: Channel }): Promise<ApprovalTask> {
  const task = await getTask(deps.store, r.taskId);
  if (!task) throw new DomainError('APPROVAL.NOT_FOUND', 'id');
  if (task.status !== 'pending') throw new DomainError('APPROVAL.ALREADY_DECIDED', undefined, { decidedBy: '', decidedAt: task.decidedAt ?? '' });
  if (task.requesterId !== r.actor.id && !(await isAbove(deps, r.actor.employeeId, task.approverId))) throw new DomainError('APPROVAL.REMIND_NOT_ALLOWED');
  const policy = await getPolicy(deps.store, 'approvals');
  const now = deps.now();
  const at = now.toISOString();
  const notBefore = new Date(now.getTime() - policy.values.remindIntervalHours * 3600_000).toISOString();
  const ok = await markReminded(deps.store, task, at, notBefore, {
    entityType: 'approvalTask', entityId: task.id, action: 'remind', actor: r.actor, channel: r.channel, at, before: null, after: { approverId: task.approverId },
  });
  if (!ok) throw new DomainError('APPROVAL.REMIND_TOO_SOON', undefined, { lastAt: task.lastRemindedAt ?? '', hours: policy.values.remindIntervalHours });
  const approver = await getUser(deps.store, task.approverId);
  if (approver) {
    const summary = await kindOf(task.requestKind).describe(deps, task.requestId);
    await mailApprover(deps, 'reminder', task, approver, summary, task.stepLabel, { overdueSince: task.createdAt });
  }
  return { ...task, lastRemindedAt: at };
}

/** Is the actor's employee record an ancestor of the approver's in the reporting tree? */
async function isAbove(deps: WorkflowDeps, actorEmployeeId: string | null, approverUserId: string): Promise<boolean> {
  if (!actorEmployeeId) return false;
  const approver = await getUser(deps.store, approverUserId);
  if (!approver?.employeeId) return false;
  const [actorEmployee, approverEmployee] = await Promise.all([getEmployee(deps.store, actorEmployeeId), getEmployee(deps.store, approver.employeeId)]);
  return !!actorEmployee && !!approverEmployee && approverEmployee.id !== actorEmployee.id && approverEmployee.path.startsWith(actorEmployee.path);
}

export interface BatchResult {
  id: string;
  status: number;
  code?: string;
  detail?: string;
}

/** Batch approve: each task decided and audited on its own; one failure undoes none of the others. */
export async function batchApprove(
  deps: WorkflowDeps,
  r: { ids: string[]; actor: Actor; comment: string | null; channel: Channel },
  describeError: (err: DomainError) => { status: number; detail: string },
): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  for (const id of [...new Set(r.ids)]) {
    try {
      await decide(deps, { taskId: id, actor: r.actor, decision: 'approve', comment: r.comment, channel: r.channel, extras: {} });
      results.push({ id, status: 200 });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const { status, detail } = describeError(err);
      results.push({ id, status, code: err.code, detail });
    }
  }
  return results;
}
