/**
 * Composes and sends the emails of the approval machinery. Composing and sending are apart
 * from deciding: a mail that fails to send is logged and never undoes or repeats a decision.
 */
import { randomBytes } from 'node:crypto';
import { approvalCc, approvalEscalation, approvalReminder, approvalRequest, approvalTransferred, type Handover } from '../email/templates/index.js';
import { signLink } from '../email/links.js';
import type { ApprovalTask } from '../storage/approvals.js';
import type { User } from '../storage/users.js';
import type { Lang, RequestSummary, WorkflowDeps } from './kinds.js';

/** Links stay valid this long unless the policy says otherwise (POLICIES: gap, 7 days). */
export const DEFAULT_LINK_DAYS = 7;

export function newNonce(): string {
  return randomBytes(9).toString('base64url');
}

export function decisionLinks(deps: WorkflowDeps, task: ApprovalTask, linkDays = DEFAULT_LINK_DAYS): { approveUrl: string; rejectUrl: string } {
  const expiresAt = Math.floor(deps.now().getTime() / 1000) + linkDays * 86400;
  const link = (action: 'approve' | 'reject') =>
    `${deps.publicUrl}/a/${signLink({ taskId: task.id, approverId: task.approverId, action, expiresAt, nonce: task.linkNonce }, deps.linkSecret)}`;
  return { approveUrl: link('approve'), rejectUrl: link('reject') };
}

type Kind = 'request' | 'reminder' | Handover;

export async function mailApprover(
  deps: WorkflowDeps,
  kind: Kind,
  task: ApprovalTask,
  approver: User,
  summary: RequestSummary,
  stepLabel: Record<Lang, string>,
  extra: { fromName?: string; comment?: string | null; overdueSince?: string } = {},
): Promise<void> {
  const lang = approver.language;
  const data = {
    approverName: approver.name,
    requestTitle: summary.title[lang],
    requestKindLabel: summary.kindLabel[lang],
    stepLabel: stepLabel[lang],
    requesterName: summary.requester?.name ?? '—',
    dueAt: task.dueAt,
    summary: summary.summary[lang],
    ...decisionLinks(deps, task),
    openUrl: `${deps.publicUrl}/#/approvals/${task.id}/show`,
  };
  const content =
    kind === 'request'
      ? approvalRequest(data, lang)
      : kind === 'reminder'
        ? approvalReminder({ ...data, overdueSince: extra.overdueSince ?? task.dueAt }, lang)
        : approvalTransferred({ ...data, fromName: extra.fromName ?? '', comment: extra.comment ?? '', via: kind }, lang);
  await send(deps, approver.email, content, { taskId: task.id, kind });
}

/** 抄送: a read-only notice; the console page of the notice shows the request and its timeline. */
export async function mailCc(deps: WorkflowDeps, notice: ApprovalTask, to: User, summary: RequestSummary, fromName: string | null, comment: string | null): Promise<void> {
  const lang = to.language;
  const content = approvalCc({
    approverName: to.name, requestTitle: summary.title[lang], requestKindLabel: summary.kindLabel[lang], stepLabel: notice.stepLabel[lang],
    requesterName: summary.requester?.name ?? '—', dueAt: notice.createdAt, summary: summary.summary[lang],
    openUrl: `${deps.publicUrl}/#/approvals/${notice.id}/show`, fromName, ...(comment ? { comment } : {}),
  }, lang);
  await send(deps, to.email, content, { taskId: notice.id, kind: 'cc' });
}

export async function mailEscalation(
  deps: WorkflowDeps,
  task: ApprovalTask,
  superior: User,
  approverName: string,
  summary: RequestSummary,
  stepLabel: Record<Lang, string>,
  overdueSince: string,
): Promise<void> {
  const lang = superior.language;
  const content = approvalEscalation(
    {
      superiorName: superior.name,
      approverName,
      requestTitle: summary.title[lang],
      requestKindLabel: summary.kindLabel[lang],
      stepLabel: stepLabel[lang],
      requesterName: summary.requester?.name ?? '—',
      dueAt: task.dueAt,
      overdueSince,
      summary: summary.summary[lang],
      openUrl: `${deps.publicUrl}/#/approvals/${task.id}/show`,
    },
    lang,
  );
  await send(deps, superior.email, content, { taskId: task.id, kind: 'escalation' });
}

export async function send(deps: WorkflowDeps, to: string, content: { subject: string; html: string; text: string }, ids: Record<string, string>): Promise<void> {
  try {
    await deps.mailer.send({ to, ...content });
  } catch (err) {
    deps.log('error', 'mail not sent', { ...ids, error: err instanceof Error ? err.message : String(err) });
  }
}
