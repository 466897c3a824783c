/**
 * The one decision path. The console, the email link page and the API all call `decide`:
 * checks, then the step's conditional write (exactly one decision wins, audited with its
 * channel), then the execution resumes.
 */
import { DomainError } from '../domain/errors.js';
import { decideStep, getStep, getTask, getTasks, transferTask, type ApprovalStep, type ApprovalTask, type Decision } from '../storage/approvals.js';
import { assign, type Assignee } from './assignees.js';
import type { Channel } from '../storage/audit.js';
import { getUser } from '../storage/users.js';
import { kindOf, type WorkflowDeps } from './kinds.js';
import { mailApprover, newNonce } from './notify.js';
import { resumeStep } from './resume.js';

export interface DecideRequest {
  taskId: string;
  actor: { id: string; name: string };
  decision: Decision;
  comment: string | null;
  channel: Channel;
  extras: Record<string, unknown>;
}

export async function loadOwnTask(deps: WorkflowDeps, taskId: string, userId: string): Promise<ApprovalTask> {
  const task = await getTask(deps.store, taskId);
  if (!task || task.approverId !== userId) throw new DomainError('APPROVAL.NOT_FOUND', 'id');
  return task;
}

export async function decide(deps: WorkflowDeps, r: DecideRequest): Promise<ApprovalTask> {
  const task = await loadOwnTask(deps, r.taskId, r.actor.id);
  const step = await getStep(deps.store, task.stepId);
  if (task.status === 'transferred') throw new DomainError('APPROVAL.TRANSFERRED');
  if (step?.status === 'cancelled') throw new DomainError('WORKFLOW.REQUEST_CLOSED', undefined, { status: 'withdrawn' });
  if (!step || step.status !== 'pending' || task.status !== 'pending') {
    throw new DomainError('APPROVAL.ALREADY_DECIDED', undefined, { decidedBy: step?.decidedByName ?? '', decidedAt: step?.decidedAt ?? '' }, {
      decidedBy: step?.decidedByName ?? null, decidedAt: step?.decidedAt ?? null, decision: step?.decision ?? null,
    });
  }
  const comment = r.comment?.trim() || null;
  if (r.decision !== 'approve' && !comment) throw new DomainError('APPROVAL.COMMENT_REQUIRED', 'comment');
  const at = deps.now().toISOString();
  const kind = kindOf(task.requestKind);
  const extra = await kind.onDecision(deps, { requestId: task.requestId, stepKey: task.stepKey, decision: r.decision, comment, extras: r.extras, actor: r.actor, at });
  const others = await getTasks(deps.store, step.taskIds.filter((id) => id !== task.id));
  await decideStep(deps.store, {
    step, task, others, decision: r.decision, returnTo: r.decision === 'return' ? String(r.extras.returnTo ?? '') : null, comment, channel: r.channel, actor: r.actor, at, extra,
    audit: {
      entityType: 'approvalTask', entityId: task.id, action: r.decision,
      before: { status: 'pending' },
      after: { status: r.decision, comment, requestKind: task.requestKind, requestId: task.requestId, stepKey: task.stepKey, ...(Object.keys(r.extras).length ? { extras: r.extras } : {}) },
    },
  });
  await resumeStep(deps, step.id);
  return { ...task, status: r.decision === 'approve' ? 'approved' : r.decision === 'reject' ? 'rejected' : 'returned', decision: r.decision, decidedAt: at, comment, channel: r.channel };
}

/** 转交: the task moves to another eligible person; the old links stop working; they are emailed. */
export async function transfer(
  deps: WorkflowDeps,
  r: { taskId: string; actor: { id: string; name: string }; toUserId: string; comment: string | null; channel: Channel },
): Promise<ApprovalTask> {
  const task = await loadOwnTask(deps, r.taskId, r.actor.id);
  const step = await getStep(deps.store, task.stepId);
  if (!step || step.status !== 'pending' || task.status !== 'pending') throw new DomainError('APPROVAL.ALREADY_DECIDED', undefined, { decidedBy: step?.decidedByName ?? '', decidedAt: step?.decidedAt ?? '' });
  if (r.toUserId === r.actor.id) throw new DomainError('APPROVAL.INVALID_TRANSFER', 'toUserId', { reason: 'self' });
  const target = await getUser(deps.store, r.toUserId);
  if (!target || target.status !== 'active') throw new DomainError('APPROVAL.INVALID_TRANSFER', 'toUserId', { reason: 'not_found' });
  const [who] = await assign(deps, [target]);
  return moveTask(deps, { task, step, to: who!, reason: 'transferred', actor: r.actor, channel: r.channel, comment: r.comment?.trim() || null });
}

/**
 * Moves a pending (or waiting) task to someone else — 转交, a delegate taking over existing
 * tasks, an approver who left — keeping its place in the step. The old task ends as
 * `transferred` (its links say so); the new one is emailed when it is pending.
 */
export async function moveTask(
  deps: WorkflowDeps,
  r: { task: ApprovalTask; step: ApprovalStep; to: Assignee; reason: ApprovalTask['reason']; actor: { id: string; name: string } | null; channel: Channel; comment: string | null },
): Promise<ApprovalTask> {
  const { task, step, to } = r;
  const target = to.user;
  if (target.id === task.approverId) throw new DomainError('APPROVAL.INVALID_TRANSFER', 'toUserId', { reason: 'self' });
  const siblings = await getTasks(deps.store, step.taskIds);
  if (siblings.some((t) => (t.status === 'pending' || t.status === 'waiting') && t.approverId === target.id)) throw new DomainError('APPROVAL.INVALID_TRANSFER', 'toUserId', { reason: 'already_asked' });
  // The person the request is about never decides on it.
  const kind = kindOf(task.requestKind);
  const summary = await kind.describe(deps, task.requestId);
  if (summary.subjectEmployeeId && target.employeeId === summary.subjectEmployeeId) throw new DomainError('APPROVAL.INVALID_TRANSFER', 'toUserId', { reason: 'subject' });
  const at = deps.now().toISOString();
  const moved: ApprovalTask = {
    ...task, id: `${step.id}.${step.taskIds.length}`, approverId: target.id, approverName: target.name, status: task.status,
    onBehalfOfId: to.onBehalfOf?.id ?? null, onBehalfOfName: to.onBehalfOf?.name ?? null,
    linkNonce: newNonce(), reason: to.reason ?? r.reason, createdAt: at, decision: null, decidedAt: null, comment: r.comment, channel: null, lastRemindedAt: null, version: 1,
  };
  await transferTask(deps.store, task, moved, step, {
    entityType: 'approvalTask', entityId: task.id, action: r.reason === 'transferred' ? 'transfer' : r.reason, actor: r.actor, channel: r.channel, at,
    before: { approverId: task.approverId, approverName: task.approverName }, after: { approverId: target.id, approverName: target.name, taskId: moved.id, comment: r.comment },
  });
  if (moved.status === 'pending') await mailApprover(deps, 'transferred', moved, target, summary, task.stepLabel, { fromName: r.actor?.name ?? task.approverName, comment: r.comment });
  return moved;
}
