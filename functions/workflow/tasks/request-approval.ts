/**
 * The human step's Task (lambda:invoke.waitForTaskToken). `ask` opens the step for the
 * approvers the policy names; `remind` (the due time passed) renews the wait and reminds
 * them; `escalate` (the next period passed too) also asks each approver's superior. The
 * token is stored on the step, server-side only; emails carry signed links instead.
 * Idempotent: step and task ids are deterministic, so a retried invocation sends nothing twice.
 */
import { getEmployee } from '../../storage/employees.js';
import { getStep, getTasks, listSteps, openStep, renewStep, resumedItems, type ApprovalStep, type ApprovalTask } from '../../storage/approvals.js';
import { employeeKey, userKey } from '../../storage/keys.js';
import { prefetch } from '../../storage/read-once.js';
import type { TxItem } from '../../storage/transact.js';
import { findUserByEmployee, getUser, getUsersByIds, type User } from '../../storage/users.js';
import { kindOf, REQUESTER_STEP, type Lang, type RequestSummary, type WorkflowDeps } from '../kinds.js';
import { assign, type Assignee } from '../assignees.js';
import { approverMail, escalationMail, guardMail, newNonce, sendGuarded, type Returned } from '../notify.js';
import { resumeStep } from '../resume.js';
import { webhookEvents, webhookPrefetch } from '../webhooks.js';

export interface RequestApprovalInput {
  taskToken: string;
  attempt: 'ask' | 'remind' | 'escalate';
  requestKind: string;
  requestId: string;
  stepKey: string;
  stepId: string;
  dueSeconds: number;
  /** The people planned for the step (PlannedStep.approverIds; an ask without them resolves them). */
  approverIds?: string[];
  /** Employees the ask reads (PlannedStep.employeeIds). */
  employeeIds?: string[];
  /** The decided step this one follows, when the decision planned it (PlannedStep.resumes). */
  resumes?: string | null;
}

export class NoApproverError extends Error {
  override readonly name = 'NoApprover';
}

export async function requestApproval(deps: WorkflowDeps, p: RequestApprovalInput): Promise<{ status: string }> {
  const kind = kindOf(deps, p.requestKind);
  const now = deps.now();
  const at = now.toISOString();
  const dueAt = new Date(now.getTime() + p.dueSeconds * 1000).toISOString();
  // The request, the people planned, their employee records and who hears of the step (webhooks): one call.
  await prefetch(deps.store, [
    { key: kind.recordKey(p.requestId), strong: true },
    ...(p.approverIds ?? []).map((id) => ({ key: userKey(id) })),
    ...(p.employeeIds ?? []).map((id) => ({ key: employeeKey(id) })),
    ...(p.attempt === 'ask' ? [webhookPrefetch('step.opened')] : []),
  ]);
  const [summary, spec] = await Promise.all([kind.describe(deps, p.requestId), kind.specFor(deps, p.requestId, p.stepKey)]);
  const { label, approvers, mode } = await kind.approversFor(deps, p.requestId, p.stepKey, p.attempt === 'ask' ? p.approverIds : undefined);

  if (p.attempt === 'ask') {
    if (approvers.length === 0) throw new NoApproverError(`no approver for step ${p.stepKey} of ${p.requestKind} ${p.requestId}`);
    const opened = await webhookEvents(deps, 'step.opened');
    const step: ApprovalStep = {
      id: p.stepId, requestKind: p.requestKind, requestId: p.requestId, stepKey: p.stepKey, status: 'pending',
      token: p.taskToken, attempt: 'ask', taskIds: [], dueAt, createdAt: at, decision: null, decidedById: null,
      decidedByName: null, decidedAt: null, channel: null, comment: null, resumedAt: null, version: 1,
    };
    // The subject's own step is theirs: no delegate or stand-in acts for them.
    const assignees = spec.subjectActs
      ? approvers.map((user): Assignee => ({ user, onBehalfOf: null, reason: null }))
      : await assign(deps, approvers, { subjectEmployeeId: summary.subjectEmployeeId });
    const tasks = assignees.map((a, i) => newTask(step, a, summary, label, 'assigned', at, dueAt, i));
    step.taskIds = tasks.map((t) => t.id);
    step.stages = [{ taskIds: step.taskIds, mode: mode ?? 'any' }];
    step.activeStage = 0;
    // Each approver's mail is in the outbox with the step: a crash after the commit delays it, never loses it.
    const returned = await returnedBy(deps, p, summary);
    const mails = tasks.map((t, i) => guardMail(deps, approverMail(deps, 'request', t, assignees[i]!.user, summary, label, { signedInOnly: spec.signedInOnly, subjectStep: spec.subjectActs, ...(returned ? { returned } : {}) })));
    // The decision that planned this step sent it here without clearing its marker: done now, with the opening.
    const resumed = p.resumes ? resumedItems(deps.store, p.resumes, at) : [];
    const event = opened({ requestKind: p.requestKind, requestId: p.requestId, stepKey: p.stepKey, stepId: step.id, dueAt, approverIds: tasks.map((t) => t.approverId) });
    if ((await openStep(deps.store, step, tasks, [...mails.map((m) => m.tx), ...resumed, ...event])) === 'exists') {
      await renewOrResume(deps, p, dueAt, []);
      return { status: 'exists' };
    }
    await Promise.all(mails.map((m) => sendGuarded(deps, m)));
    return { status: 'asked' };
  }

  const step = await getStep(deps.store, p.stepId);
  if (!step) throw new Error(`step ${p.stepId} is missing`);
  const pending = (await getTasks(deps.store, step.taskIds)).filter((t) => t.status === 'pending');
  const added: ApprovalTask[] = [];
  const superiors: [ApprovalTask, User, string][] = [];
  if (p.attempt === 'escalate') {
    const asked = new Set(pending.map((t) => t.approverId));
    for (const t of pending) {
      const superior = await superiorOf(deps, t.approverId);
      if (!superior) continue;
      const [who] = await assign(deps, [superior], { subjectEmployeeId: summary.subjectEmployeeId });
      if (!who || asked.has(who.user.id)) continue;
      asked.add(who.user.id);
      const task = newTask(step, who, summary, label, 'escalated', at, dueAt, step.taskIds.length + added.length);
      added.push(task);
      superiors.push([task, who.user, t.approverName]);
    }
  }
  // The reminders and the escalation mails are in the outbox with the renewed wait.
  const pendingUsers = await getUsersByIds(deps.store, pending.map((t) => t.approverId));
  const mails = [
    ...pending.flatMap((t) => {
      const approver = pendingUsers.find((u) => u.id === t.approverId);
      return approver ? [guardMail(deps, approverMail(deps, 'reminder', t, approver, summary, label, { dueAt: step.dueAt, signedInOnly: spec.signedInOnly }))] : [];
    }),
    ...superiors.map(([task, superior, approverName]) => guardMail(deps, escalationMail(deps, task, superior, approverName, summary, label, step.dueAt))),
  ];
  if (!(await renewOrResume(deps, p, dueAt, added, mails.map((m) => m.tx)))) return { status: 'already-decided' };
  await Promise.all(mails.map((m) => sendGuarded(deps, m)));
  return { status: p.attempt === 'remind' ? 'reminded' : 'escalated' };
}

/**
 * A step asked again right after a 退回 to it (a later round, or the requester's resubmission):
 * who returned it, from which step and why, so the mail can say so. A first round reads nothing.
 */
async function returnedBy(deps: WorkflowDeps, p: RequestApprovalInput, summary: RequestSummary): Promise<Returned | null> {
  const round = Number(p.stepId.slice(p.stepId.lastIndexOf('.') + 1));
  if (p.stepKey !== REQUESTER_STEP && !(round > 1)) return null;
  const decided = (await listSteps(deps.store, p.requestKind, p.requestId)).filter((s) => s.status === 'decided' && s.decidedAt);
  const last = decided.sort((a, b) => a.decidedAt!.localeCompare(b.decidedAt!)).at(-1);
  if (!last || last.decision !== 'return' || last.returnTo !== p.stepKey) return null;
  const label = summary.steps?.find((s) => s.key === last.stepKey)?.label ?? { 'zh-CN': last.stepKey, en: last.stepKey };
  return { byName: last.decidedByName ?? '—', fromStepLabel: label, comment: last.comment };
}

/** Renews the step's wait; if the step was decided meanwhile, resumes with the new token. */
async function renewOrResume(deps: WorkflowDeps, p: RequestApprovalInput, dueAt: string, addTasks: ApprovalTask[], extra: TxItem[] = []): Promise<boolean> {
  const renewed = await renewStep(deps.store, { id: p.stepId } as ApprovalStep, { token: p.taskToken, attempt: p.attempt, dueAt, addTasks }, extra);
  if (!renewed) await resumeStep(deps, p.stepId, { token: p.taskToken });
  return renewed;
}

export function newTask(step: ApprovalStep, who: Assignee, summary: RequestSummary, label: Record<Lang, string>, reason: ApprovalTask['reason'], at: string, dueAt: string, index: number): ApprovalTask {
  const approver = who.user;
  return {
    onBehalfOfId: who.onBehalfOf?.id ?? null,
    onBehalfOfName: who.onBehalfOf?.name ?? null,
    id: `${step.id}.${index}`,
    stepId: step.id,
    requestKind: step.requestKind,
    requestId: step.requestId,
    title: summary.title,
    stepLabel: label,
    subjectEmployeeId: summary.subjectEmployeeId,
    stepKey: step.stepKey,
    approverId: approver.id,
    approverName: approver.name,
    requesterId: summary.requester?.id ?? null,
    requesterName: summary.requester?.name ?? null,
    status: 'pending',
    linkNonce: newNonce(),
    reason: who.reason && reason === 'assigned' ? who.reason : reason,
    createdAt: at,
    dueAt,
    decision: null,
    decidedAt: null,
    comment: null,
    channel: null,
    version: 1,
  };
}

/** The user account of an approver's direct superior in the org tree, if any. */
async function superiorOf(deps: WorkflowDeps, userId: string): Promise<User | null> {
  const user = await getUser(deps.store, userId);
  if (!user?.employeeId) return null;
  const employee = await getEmployee(deps.store, user.employeeId);
  if (!employee?.superiorId) return null;
  return findUserByEmployee(deps.store, employee.superiorId);
}
