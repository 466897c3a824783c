/**
 * Approval verbs beyond deciding (approval verbs issue): 撤回 withdraw, 催办 remind and batch
 * approve. Each is permission-checked, audited with its channel, and safe under concurrency.
 */
import { StopExecutionCommand, ExecutionDoesNotExist } from '@aws-sdk/client-sfn';
import { addToStages, type Position, type StageMode } from '../domain/approvals/stages.js';
import { DomainError } from '../domain/errors.js';
import { actsForRequester } from '../domain/approvals/requester.js';
import {
  addTasksToStep, cancelSteps, getStep, getTask, getTasks, listSteps, markReminded, putNotices, stagesOf, StepChanged, type ApprovalTask,
} from '../storage/approvals.js';
import type { Channel } from '../storage/audit.js';
import { getEmployee } from '../storage/employees.js';
import { newId } from '../storage/ids.js';
import { getPolicy } from '../storage/policies.js';
import { findUserByEmployee, getUser, getUsersByIds } from '../storage/users.js';
import { listAudit } from '../storage/audit.js';
import { requestWithdrawn } from '../email/templates/index.js';
import { assign } from './assignees.js';
import { assertVerb, decide, loadOwnTask } from './decisions.js';
import { engineCall, kindOf, type RequestKind, type WorkflowDeps } from './kinds.js';
import { approverMail, ccMail, guardMail, sendGuarded, type GuardedMail } from './notify.js';
import { newTask } from './tasks/request-approval.js';
import { webhookEvents } from './webhooks.js';

type Actor = { id: string; name: string };
type Person = Actor & { roles: readonly string[]; employeeId: string | null };

/**
 * The requester withdraws an unfinished request: pending tasks are cancelled (their links say
 * so) and the execution ends. The approvers it waited for, the people it was copied to and the
 * employee it is about are told; their mails are in the outbox with the withdrawal.
 */
export async function withdraw(outer: WorkflowDeps, r: { kind: string; requestId: string; actor: Actor & { roles: readonly string[] }; channel: Channel; reason?: string | null }): Promise<void> {
  // The engine may move the request at the same moment (its first step opening just after it
  // was started): the withdrawal is tried again on the request as it now stands — unless someone
  // decided meanwhile, which the requester must see first (a clear 409).
  const decided = async () => (await listSteps(outer.store, r.kind, r.requestId)).filter((s) => s.status === 'decided').length;
  const before = await decided();
  for (let attempt = 0; ; attempt++) {
    try {
      return await withdrawOnce(engineCall(outer), r);
    } catch (err) {
      const moved = err instanceof DomainError && (err.code === 'RECORD.VERSION_CONFLICT' || err.code === 'WORKFLOW.REQUEST_CHANGED');
      if (!moved || attempt >= 4) throw err;
      if ((await decided()) !== before) throw new DomainError('WORKFLOW.REQUEST_CHANGED');
      await new Promise((res) => setTimeout(res, 20 + Math.random() * 80));
    }
  }
}

async function withdrawOnce(deps: WorkflowDeps, r: { kind: string; requestId: string; actor: Actor & { roles: readonly string[] }; channel: Channel; reason?: string | null }): Promise<void> {
  const kind = kindOf(deps, r.kind);
  const at = deps.now().toISOString();
  const { executionArn, writes, mails: kindMails = [] } = await kind.prepareWithdraw(deps, r.requestId, r.actor, at, r.reason ?? null);
  const pendingSteps = (await listSteps(deps.store, r.kind, r.requestId)).filter((s) => s.status === 'pending');
  const tasks = (await getTasks(deps.store, pendingSteps.flatMap((s) => s.taskIds))).filter((t) => t.status === 'pending' || t.status === 'waiting');
  const mails = await withdrawnMails(deps, kind, r, tasks);
  const finished = (await webhookEvents(deps, 'request.finished'))({ requestKind: r.kind, requestId: r.requestId, outcome: 'withdrawn', status: 'withdrawn' });
  await cancelSteps(deps.store, pendingSteps, tasks, at, [...writes, ...mails.map((m) => m.tx), ...finished], {
    entityType: kind.auditEntity ?? r.kind, entityId: r.requestId, action: 'withdraw', actor: r.actor, channel: r.channel, at,
    before: { pendingSteps: pendingSteps.map((s) => s.stepKey) }, after: { status: 'withdrawn', ...(r.reason ? { reason: r.reason } : {}) },
  });
  await Promise.all([...mails, ...kindMails].map((m) => sendGuarded(deps, m)));
  if (executionArn) {
    try {
      await deps.sfn.send(new StopExecutionCommand({ executionArn, error: 'Withdrawn', cause: 'The requester withdrew the request' }));
    } catch (err) {
      if (!(err instanceof ExecutionDoesNotExist)) throw err;
    }
  }
}

/** Who hears of a withdrawal, each once: the approvers asked or waiting, the people copied (by person or policy), the employee. */
async function withdrawnMails(deps: WorkflowDeps, kind: RequestKind, r: { kind: string; requestId: string; actor: Actor }, tasks: ApprovalTask[]): Promise<GuardedMail[]> {
  const summary = await kind.describe(deps, r.requestId);
  const copied = (await listAudit(deps.store, { entityType: kind.auditEntity ?? r.kind, entityId: r.requestId, limit: 200 })).items
    .filter((e) => e.action === 'cc')
    .flatMap((e) => ((e.after?.toIds as string[] | undefined) ?? []));
  const subject = summary.subjectEmployeeId ? await findUserByEmployee(deps.store, summary.subjectEmployeeId) : null;
  const roles = new Map<string, { role: 'approver' | 'cc' | 'subject'; task?: ApprovalTask }>();
  for (const t of tasks) if (!roles.has(t.approverId)) roles.set(t.approverId, { role: 'approver', task: t });
  for (const id of copied) if (!roles.has(id)) roles.set(id, { role: 'cc' });
  if (subject && !roles.has(subject.id)) roles.set(subject.id, { role: 'subject' });
  roles.delete(r.actor.id);
  const users = await getUsersByIds(deps.store, [...roles.keys()]);
  return users.filter((u) => u.status === 'active').map((u) => {
    const { role, task } = roles.get(u.id)!;
    const lang = u.language;
    const content = requestWithdrawn({
      recipientName: u.name, requestTitle: summary.title[lang], byName: r.actor.name, role,
      ...(task ? { stepLabel: task.stepLabel[lang] } : {}),
      openUrl: `${deps.publicUrl}/${role === 'subject' ? '#/' : summary.consolePath.replace(/^\//, '')}`,
    }, lang);
    return guardMail(deps, { to: u.email, content, ids: { requestId: r.requestId, kind: 'withdrawn', userId: u.id } });
  });
}

/**
 * 催办: the requester, or anyone above the approver in the org tree, nudges a pending approver
 * at most once per policy interval (gap: 4 h). The approver gets a new email.
 */
export async function remind(outer: WorkflowDeps, r: { taskId: string; actor: Person; channel: Channel }): Promise<ApprovalTask> {
  const deps = engineCall(outer);
  const task = await getTask(deps.store, r.taskId);
  if (!task) throw new DomainError('APPROVAL.NOT_FOUND', 'id');
  if (task.status !== 'pending') throw new DomainError('APPROVAL.ALREADY_DECIDED', undefined, { decidedBy: '', decidedAt: task.decidedAt ?? '' });
  if (!(await mayRemind(deps, r.actor, task))) throw new DomainError('APPROVAL.REMIND_NOT_ALLOWED');
  const policy = await getPolicy(deps.store, 'approvals');
  const now = deps.now();
  const at = now.toISOString();
  const notBefore = new Date(now.getTime() - policy.values.remindIntervalHours * 3600_000).toISOString();
  // The reminder is in the outbox with the record of the 催办.
  const approver = await getUser(deps.store, task.approverId);
  const mail = approver ? guardMail(deps, approverMail(deps, 'reminder', task, approver, await kindOf(deps, task.requestKind).describe(deps, task.requestId), task.stepLabel, { byName: r.actor.name })) : null;
  const ok = await markReminded(deps.store, task, at, notBefore, {
    entityType: 'approvalTask', entityId: task.id, action: 'remind', actor: r.actor, channel: r.channel, at, before: null, after: { approverId: task.approverId },
  }, mail ? [mail.tx] : []);
  if (!ok) throw new DomainError('APPROVAL.REMIND_TOO_SOON', undefined, { lastAt: task.lastRemindedAt ?? '', hours: policy.values.remindIntervalHours });
  if (mail) await sendGuarded(deps, mail);
  return { ...task, lastRemindedAt: at };
}

/** 催办 is for whoever acts for the requester, or anyone above the approver in the org tree. */
export async function mayRemind(deps: WorkflowDeps, actor: Person, task: ApprovalTask): Promise<boolean> {
  return actsForRequester(task.requesterId, actor) || isAbove(deps, actor.employeeId, task.approverId);
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
      await decide(deps, { taskId: id, actor: r.actor, decision: 'approve', comment: r.comment, channel: r.channel });
      results.push({ id, status: 200 });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const { status, detail } = describeError(err);
      results.push({ id, status, code: err.code, detail });
    }
  }
  return results;
}

/**
 * 加签: the approver of a pending task adds people before themselves, after themselves or in
 * parallel, deciding as any one (或签) or all (会签). Every added person is resolved through
 * delegation; the step's order lives on the step (stages), so the workflow waits on the same
 * task token until the last stage completes.
 */
export async function addApprovers(
  deps: WorkflowDeps,
  r: { taskId: string; actor: Actor; userIds: string[]; position: Position; mode: StageMode; comment: string | null; channel: Channel },
): Promise<ApprovalTask[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await addApproversOnce(engineCall(deps), r);
    } catch (err) {
      if (!(err instanceof StepChanged) || attempt >= 5) throw err;
    }
  }
}

async function addApproversOnce(
  deps: WorkflowDeps,
  r: { taskId: string; actor: Actor; userIds: string[]; position: Position; mode: StageMode; comment: string | null; channel: Channel },
): Promise<ApprovalTask[]> {
  const task = await loadOwnTask(deps, r.taskId, r.actor.id);
  const step = await getStep(deps.store, task.stepId);
  if (task.status === 'waiting') throw new DomainError('APPROVAL.WAITING', undefined, { names: '—' });
  if (!step || step.status !== 'pending' || task.status !== 'pending') {
    throw new DomainError('APPROVAL.ALREADY_DECIDED', undefined, { decidedBy: step?.decidedByName ?? '', decidedAt: step?.decidedAt ?? '' });
  }
  assertVerb(await kindOf(deps, task.requestKind).specFor(deps, task.requestId, task.stepKey), 'addApprovers');
  const state = stagesOf(step);
  if (!state.stages[state.active]?.taskIds.includes(task.id)) throw new DomainError('APPROVAL.INVALID_ADD', 'id', { reason: 'escalated' });
  const ids = [...new Set(r.userIds)];
  if (ids.includes(r.actor.id)) throw new DomainError('APPROVAL.INVALID_ADD', 'users', { reason: 'self' });
  const named = await getUsersByIds(deps.store, ids);
  const missing = ids.findIndex((id) => !named.some((u) => u.id === id && u.status === 'active'));
  if (missing >= 0) throw new DomainError('APPROVAL.INVALID_ADD', `users[${missing}]`, { reason: 'not_found' });
  const kind = kindOf(deps, task.requestKind);
  const summary = await kind.describe(deps, task.requestId);
  const assignees = await assign(deps, named, { subjectEmployeeId: summary.subjectEmployeeId });
  const siblings = await getTasks(deps.store, step.taskIds);
  for (const [i, a] of assignees.entries()) {
    if (a.user.id === r.actor.id) throw new DomainError('APPROVAL.INVALID_ADD', `users[${i}]`, { reason: 'self' });
    if (summary.subjectEmployeeId && a.user.employeeId === summary.subjectEmployeeId) throw new DomainError('APPROVAL.INVALID_ADD', `users[${i}]`, { reason: 'subject' });
    if (siblings.some((t) => (t.status === 'pending' || t.status === 'waiting') && t.approverId === a.user.id)) throw new DomainError('APPROVAL.INVALID_ADD', `users[${i}]`, { reason: 'already_asked' });
  }
  const at = deps.now().toISOString();
  const comment = r.comment?.trim() || null;
  const tasks = assignees.map((a, i) => ({
    ...newTask(step, a, summary, task.stepLabel, 'added', at, step.dueAt, step.taskIds.length + i),
    addedById: r.actor.id, addedByName: r.actor.name, comment,
  }));
  const next = addToStages(state, task.id, tasks.map((t) => t.id), r.position, r.mode);
  for (const t of tasks) t.status = next.addedStatus;
  const changed = siblings.filter((t) => next.waiting.includes(t.id) && t.status === 'pending').map((t) => ({ before: t, after: { ...t, status: 'waiting' as const, version: t.version + 1 } }));
  // Those asked now are mailed; the mails are in the outbox with the change (guardMail).
  const mails = tasks.filter((x) => x.status === 'pending').map((t) => {
    const user = assignees.find((a) => a.user.id === t.approverId)!.user;
    return guardMail(deps, approverMail(deps, 'added', t, user, summary, t.stepLabel, { fromName: r.actor.name, comment }));
  });
  await addTasksToStep(deps.store, {
    step, actorTask: task, stages: next.stages, activeStage: next.active, added: tasks, changed, extra: mails.map((m) => m.tx),
    audit: {
      entityType: 'approvalTask', entityId: task.id, action: 'add_approvers', actor: r.actor, channel: r.channel, at, before: null,
      after: { position: r.position, mode: r.mode, approvers: tasks.map((t) => t.approverName), taskIds: tasks.map((t) => t.id), comment },
    },
  });
  await Promise.all(mails.map((m) => sendGuarded(deps, m)));
  return tasks;
}

/**
 * 抄送: the requester, or anyone who has a task on the request, sends a read-only notice to
 * others: it lands in their "CC'd to me" inbox and mailbox, and never decides anything.
 * Also used for the CC recipients a policy names (actor null).
 */
export async function carbonCopy(
  outer: WorkflowDeps,
  r: { kind: string; requestId: string; actor: Actor | null; userIds: string[]; comment: string | null; channel: Channel },
): Promise<ApprovalTask[]> {
  const deps = engineCall(outer);
  const kind = kindOf(deps, r.kind);
  const summary = await kind.describe(deps, r.requestId);
  const steps = await listSteps(deps.store, r.kind, r.requestId);
  const tasks = await getTasks(deps.store, steps.flatMap((s) => s.taskIds));
  if (r.actor && summary.requester?.id !== r.actor.id && !tasks.some((t) => t.approverId === r.actor!.id && t.status !== 'cc')) {
    throw new DomainError('APPROVAL.NOT_PARTICIPANT');
  }
  const ids = [...new Set(r.userIds)];
  const users = await getUsersByIds(deps.store, ids);
  const missing = ids.findIndex((id) => !users.some((u) => u.id === id && u.status === 'active'));
  if (missing >= 0) throw new DomainError('APPROVAL.INVALID_ADD', `users[${missing}]`, { reason: 'not_found' });
  const current = steps.at(-1);
  const at = deps.now().toISOString();
  const comment = r.comment?.trim() || null;
  const label = current ? tasks.find((t) => t.stepId === current.id)?.stepLabel : undefined;
  const notices: ApprovalTask[] = users.map((u) => ({
    id: `${r.kind}.${r.requestId}.cc.${newId()}`, stepId: current?.id ?? '', requestKind: r.kind, requestId: r.requestId, title: summary.title,
    stepLabel: label ?? summary.kindLabel, subjectEmployeeId: summary.subjectEmployeeId, stepKey: current?.stepKey ?? '', approverId: u.id, approverName: u.name,
    requesterId: summary.requester?.id ?? null, requesterName: summary.requester?.name ?? null, status: 'cc', linkNonce: '', reason: 'cc',
    addedById: r.actor?.id ?? null, addedByName: r.actor?.name ?? null, createdAt: at, dueAt: at, decision: null, decidedAt: null, comment, channel: r.channel, version: 1,
  }));
  // The notices' mails are in the outbox with the notices.
  const mails = notices.map((n, i) => guardMail(deps, ccMail(deps, n, users[i]!, summary, r.actor?.name ?? null, comment)));
  await putNotices(deps.store, notices, {
    entityType: kind.auditEntity ?? r.kind, entityId: r.requestId, action: 'cc', actor: r.actor, channel: r.channel, at,
    before: null, after: { to: users.map((u) => u.name), toIds: users.map((u) => u.id), comment },
  }, mails.map((m) => m.tx));
  await Promise.all(mails.map((m) => sendGuarded(deps, m)));
  return notices;
}
