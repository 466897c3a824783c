/**
 * The one decision path. The console, the email link page and the API all call `decide`:
 * checks, then the step's conditional write (exactly one decision wins, audited with its
 * channel), then the execution resumes.
 */
import { DomainError } from '../domain/errors.js';
import { advance, type TaskStatus } from '../domain/approvals/stages.js';
import { decideStep, getStep, prefetchTaskAndStep, getTask, getTasks, StepChanged, stagesOf, transferTask, type ApprovalStep, type ApprovalTask, type Decision } from '../storage/approvals.js';
import { assign, type Assignee } from './assignees.js';
import type { Channel } from '../storage/audit.js';
import { getUser, getUsersByIds } from '../storage/users.js';
import { engineCall, kindOf, type WorkflowDeps } from './kinds.js';
import { approverMail, guardMail, newNonce, sendGuarded, type GuardedMail } from './notify.js';
import { resumeOrLeave } from './resume.js';
import { webhookEvents, webhookPrefetch } from './webhooks.js';
import { prefetch } from '../storage/read-once.js';
import type { Claim } from '../storage/attachments.js';
import { employeeKey, policyCurrentKey } from '../storage/keys.js';
import { parseDecisionFields, type StepSpec, type StepVerb } from '../domain/approvals/step-spec.js';

/** A verb the step does not offer (a penalty notice the subject signs cannot be transferred). */
export function assertVerb(spec: StepSpec, verb: StepVerb): void {
  if (!spec.verbs.includes(verb)) throw new DomainError('APPROVAL.VERB_NOT_ALLOWED', undefined, { verb });
}

/**
 * A signed-in-only step (an irreversible one, ARCHITECTURE.md) is decided in the console or
 * through the API with a session, never from an emailed link alone; the refusal names where.
 */
function assertChannel(deps: WorkflowDeps, spec: StepSpec, channel: Channel, task: ApprovalTask): void {
  if (spec.signedInOnly && channel === 'email') {
    throw new DomainError('APPROVAL.SIGNED_IN_ONLY', undefined, { url: consoleTaskUrl(deps, task) }, { consoleUrl: consoleTaskUrl(deps, task) });
  }
}

export const consoleTaskUrl = (deps: WorkflowDeps, task: Pick<ApprovalTask, 'id'>) => `${deps.publicUrl}/#/approvals/${task.id}/show`;

export interface DecideRequest {
  taskId: string;
  actor: { id: string; name: string };
  decision: Decision;
  comment: string | null;
  channel: Channel;
  /** The step's fields as sent (validated here against the step's spec, the same for every channel). */
  fields?: Record<string, unknown>;
  /** 退回: the step (or `requester`) to go back to. */
  returnTo?: string;
  /** Files the decision carries (#12): validated and prepared by `claimAttachments`, claimed in the decision's transaction. */
  attachments?: Claim;
}

export async function loadOwnTask(deps: WorkflowDeps, taskId: string, userId: string): Promise<ApprovalTask> {
  // The step is read next: both in one call.
  await prefetchTaskAndStep(deps.store, taskId);
  const task = await getTask(deps.store, taskId);
  if (!task || task.approverId !== userId) throw new DomainError('APPROVAL.NOT_FOUND', 'id');
  return task;
}

export async function decide(outer: WorkflowDeps, r: DecideRequest): Promise<ApprovalTask> {
  const deps = engineCall(outer);
  // A 会签 member deciding at the same moment as another changes the step under us: retry on
  // the fresh step (bounded; each retry means someone else's decision landed).
  for (let attempt = 0; ; attempt++) {
    try {
      return await decideOnce(deps, r);
    } catch (err) {
      if (!(err instanceof StepChanged) || attempt >= 8) throw err;
      await new Promise((res) => setTimeout(res, 10 + Math.random() * 30));
    }
  }
}

async function decideOnce(deps: WorkflowDeps, r: DecideRequest): Promise<ApprovalTask> {
  const task = await loadOwnTask(deps, r.taskId, r.actor.id);
  const kind = kindOf(deps, task.requestKind);
  // What the checks, the request's own writes and the plan of what follows read, in one call.
  await prefetch(deps.store, [
    { key: kind.recordKey(task.requestId), strong: true },
    ...(task.subjectEmployeeId ? [{ key: employeeKey(task.subjectEmployeeId) }] : []),
    ...(r.decision === 'approve' ? [{ key: policyCurrentKey('approvals') }] : []),
    webhookPrefetch('step.decided'),
  ]);
  const decided = await webhookEvents(deps, 'step.decided');
  const step = await getStep(deps.store, task.stepId);
  if (task.status === 'transferred') throw new DomainError('APPROVAL.TRANSFERRED');
  if (task.status === 'cc') throw new DomainError('APPROVAL.READ_ONLY');
  if (step?.status === 'cancelled') throw new DomainError('WORKFLOW.REQUEST_CLOSED', undefined, { status: 'withdrawn' });
  const siblings = step ? await getTasks(deps.store, step.taskIds.filter((id) => id !== task.id)) : [];
  if (step?.status === 'pending' && task.status === 'waiting') {
    const { stages, active } = stagesOf(step);
    const asked = siblings.filter((t) => t.status === 'pending' && stages[active]?.taskIds.includes(t.id)).map((t) => t.approverName);
    throw new DomainError('APPROVAL.WAITING', undefined, { names: asked.join('、') || '—' });
  }
  if (!step || step.status !== 'pending' || task.status !== 'pending') {
    const decider = step?.decidedByName ?? siblings.find((t) => t.status === 'approved')?.approverName ?? '';
    const decidedAt = step?.decidedAt ?? siblings.find((t) => t.status === 'approved')?.decidedAt ?? '';
    throw new DomainError('APPROVAL.ALREADY_DECIDED', undefined, { decidedBy: decider, decidedAt }, {
      decidedBy: decider || null, decidedAt: decidedAt || null, decision: step?.decision ?? null,
    });
  }
  const spec = await kind.specFor(deps, task.requestId, task.stepKey);
  assertChannel(deps, spec, r.channel, task);
  if (r.decision === 'return') assertVerb(spec, 'return');
  const fields = parseDecisionFields(spec, r.decision, r.fields ?? {});
  const comment = r.comment?.trim() || null;
  if (r.decision !== 'approve' && !comment) throw new DomainError('APPROVAL.COMMENT_REQUIRED', 'comment');
  const at = deps.now().toISOString();
  const { stages, active } = stagesOf(step);
  const statuses = new Map<string, TaskStatus>([[task.id, task.status], ...siblings.map((t) => [t.id, t.status] as [string, TaskStatus])]);
  const next = advance({ stages, active }, statuses, task.id, r.decision);
  // An approval that completes the step plans what follows too: the execution goes on with it.
  const { writes: extra, plan, mails: kindMails = [] } = await kind.onDecision(deps, {
    requestId: task.requestId, stepKey: task.stepKey, decision: r.decision, completesStep: next.complete, comment,
    fields: r.decision === 'return' ? { returnTo: r.returnTo ?? '' } : fields, actor: r.actor, at, plan: true,
  });
  const byId = new Map(siblings.map((t) => [t.id, t]));
  const changed = next.changes.flatMap(({ id, status }) => {
    const t = byId.get(id);
    if (!t) return [];
    const after: ApprovalTask = status === 'pending'
      ? { ...t, status, createdAt: at, version: t.version + 1 }
      : { ...t, status, decidedAt: at, ...(status === 'cancelled' ? { cancelledBy: 'others' as const } : {}), version: t.version + 1 };
    return [{ before: t, after }];
  });
  // The next stage (people added after, or the approvers who waited for those added before) is
  // asked now; their mails are in the outbox with the decision (guardMail).
  const mails: GuardedMail[] = [];
  if (!next.complete && next.activated.length) {
    const asked = changed.map((c) => c.after).filter((c) => next.activated.includes(c.id));
    const [summary, users] = await Promise.all([kind.describe(deps, task.requestId), getUsersByIds(deps.store, asked.map((t) => t.approverId))]);
    for (const t of asked) {
      const user = users.find((u) => u.id === t.approverId);
      if (user) mails.push(guardMail(deps, approverMail(deps, 'request', t, user, summary, t.stepLabel)));
    }
  }
  await decideStep(deps.store, {
    step, task, changed, decision: r.decision, complete: next.complete, stages: next.stages, activeStage: next.active,
    returnTo: r.decision === 'return' ? (r.returnTo ?? '') : null, comment, channel: r.channel, actor: r.actor, at,
    extra: [
      ...extra, ...mails.map((m) => m.tx), ...(r.attachments?.items ?? []),
      // The step's decision is announced once, by the decision that completes it (a 会签 member's approval before the last does not).
      ...(next.complete ? decided({
        requestKind: task.requestKind, requestId: task.requestId, stepKey: task.stepKey, stepId: step.id, decision: r.decision, decidedBy: r.actor.id, channel: r.channel,
        ...(r.decision === 'return' ? { returnTo: r.returnTo ?? '' } : {}),
      }) : []),
    ],
    ...(r.decision !== 'return' ? { fields } : {}),
    ...(r.attachments?.refs.length ? { attachments: r.attachments.refs } : {}),
    audit: {
      entityType: 'approvalTask', entityId: task.id, action: r.decision,
      before: { status: 'pending' },
      after: {
        status: r.decision, comment, requestKind: task.requestKind, requestId: task.requestId, stepKey: task.stepKey,
        ...(task.onBehalfOfName ? { onBehalfOf: task.onBehalfOfName } : {}),
        ...(next.complete ? {} : { stepDecided: false }),
        ...(Object.keys(fields).length ? { fields } : {}),
        ...(r.attachments?.refs.length ? { attachments: r.attachments.refs.map((a) => a.id) } : {}),
      },
    },
  });
  if (next.complete) await resumeOrLeave(deps, { ...step, status: 'decided', decision: r.decision, decidedAt: at }, plan);
  await Promise.all([...mails, ...kindMails].map((m) => sendGuarded(deps, m)));
  return {
    ...task, status: r.decision === 'approve' ? 'approved' : r.decision === 'reject' ? 'rejected' : 'returned', decision: r.decision, decidedAt: at, comment, channel: r.channel,
    ...(r.attachments?.refs.length ? { attachments: r.attachments.refs } : {}),
  };
}

/** 转交: the task moves to another eligible person; the old links stop working; they are emailed. */
export async function transfer(
  outer: WorkflowDeps,
  r: { taskId: string; actor: { id: string; name: string }; toUserId: string; comment: string | null; channel: Channel },
): Promise<ApprovalTask> {
  const deps = engineCall(outer);
  const task = await loadOwnTask(deps, r.taskId, r.actor.id);
  const step = await getStep(deps.store, task.stepId);
  if (!step || step.status !== 'pending' || task.status !== 'pending') throw new DomainError('APPROVAL.ALREADY_DECIDED', undefined, { decidedBy: step?.decidedByName ?? '', decidedAt: step?.decidedAt ?? '' });
  assertVerb(await kindOf(deps, task.requestKind).specFor(deps, task.requestId, task.stepKey), 'transfer');
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
  const kind = kindOf(deps, task.requestKind);
  const [summary, spec] = await Promise.all([kind.describe(deps, task.requestId), kind.specFor(deps, task.requestId, task.stepKey)]);
  // The subject's own step (they sign, appeal, accept) is theirs alone: nobody takes it over.
  if (spec.subjectActs) throw new DomainError('APPROVAL.VERB_NOT_ALLOWED', undefined, { verb: 'transfer' });
  if (summary.subjectEmployeeId && target.employeeId === summary.subjectEmployeeId) throw new DomainError('APPROVAL.INVALID_TRANSFER', 'toUserId', { reason: 'subject' });
  const at = deps.now().toISOString();
  const moved: ApprovalTask = {
    ...task, id: `${step.id}.${step.taskIds.length}`, approverId: target.id, approverName: target.name, status: task.status,
    onBehalfOfId: to.onBehalfOf?.id ?? null, onBehalfOfName: to.onBehalfOf?.name ?? null,
    linkNonce: newNonce(), reason: to.reason ?? r.reason, createdAt: at, decision: null, decidedAt: null, comment: r.comment, channel: null, lastRemindedAt: null, version: 1,
  };
  // A pending task's new approver is mailed; the mail is in the outbox with the move (guardMail).
  const mail = moved.status === 'pending'
    ? guardMail(deps, approverMail(deps, moved.reason === 'delegated' || moved.reason === 'approver_left' ? moved.reason : 'transferred', moved, target, summary, task.stepLabel, {
      // A delegate or a leaver's stand-in is told whose task it is, not who arranged it.
      fromName: moved.reason === 'delegated' || moved.reason === 'approver_left' ? (to.onBehalfOf?.name ?? task.approverName) : r.actor?.name ?? task.approverName,
      comment: r.comment,
    }))
    : null;
  await transferTask(deps.store, task, moved, step, {
    entityType: 'approvalTask', entityId: task.id, action: r.reason === 'transferred' ? 'transfer' : r.reason, actor: r.actor, channel: r.channel, at,
    before: { approverId: task.approverId, approverName: task.approverName }, after: { approverId: target.id, approverName: target.name, taskId: moved.id, comment: r.comment },
  }, mail ? [mail.tx] : []);
  if (mail) await sendGuarded(deps, mail);
  return moved;
}
