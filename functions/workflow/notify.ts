/**
 * Composes and sends the emails of the approval machinery. Every mail the engine sends —
 * requests, reminders, escalations, CC notices, outcomes — is composed first and written to
 * the outbox in the same transaction as the change that calls for it (`guardMail`), then sent
 * (`sendGuarded`): a crash between the two delays a mail, never loses it, and a mail that fails
 * to send never undoes or repeats a decision.
 */
import { randomBytes } from 'node:crypto';
import { approvalCc, approvalEscalation, approvalReminder, approvalRequest, approvalTransferred, type Handover } from '../email/templates/index.js';
import { signLink } from '../email/links.js';
import type { ApprovalTask } from '../storage/approvals.js';
import { dueMail, guardedMail, removeMail, retryMailLater } from '../storage/outbox.js';
import type { User } from '../storage/users.js';
import { REQUESTER_STEP, type Lang, type RequestSummary, type WorkflowDeps } from './kinds.js';

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

export interface Returned {
  byName: string;
  fromStepLabel: Record<Lang, string>;
  comment: string | null;
}

/** Who started the request, as a mail names them: a person, or the system (a review opened by policy). */
export function starterName(summary: RequestSummary, lang: Lang): string {
  return summary.requester?.name ?? (lang === 'zh-CN' ? '系统' : 'the system');
}

/** A refused mail is tried again after this, then less and less often (flushOutbox). */
const OUTBOX_FIRST_RETRY_MS = 30_000;

/** A composed message: who, what, and the ids logs name it by. */
export interface Mail {
  to: string;
  content: { subject: string; html: string; text: string; attachments?: { filename: string; contentType: string; content: string }[] };
  ids: Record<string, string>;
}

export function approverMail(
  deps: WorkflowDeps,
  kind: Kind,
  task: ApprovalTask,
  approver: User,
  summary: RequestSummary,
  stepLabel: Record<Lang, string>,
  extra: {
    fromName?: string; comment?: string | null; /** A reminder: the due time it speaks of (default the task's). */ dueAt?: string; /** A 催办: who sent it. */ byName?: string; signedInOnly?: boolean; /** The subject's own step (sign, appeal, accept). */ subjectStep?: boolean;
    /** A step asked again after a 退回: who returned it, from which step, why. */
    returned?: Returned;
  } = {},
): Mail {
  const lang = approver.language;
  const data = {
    approverName: approver.name,
    requestTitle: summary.title[lang],
    requestKindLabel: summary.kindLabel[lang],
    stepLabel: stepLabel[lang],
    requesterName: starterName(summary, lang),
    dueAt: task.dueAt,
    summary: summary.summary[lang],
    ...decisionLinks(deps, task),
    openUrl: `${deps.publicUrl}/#/approvals/${task.id}/show`,
    ...(extra.signedInOnly ? { signedInOnly: true } : {}),
  };
  const content =
    kind === 'request'
      ? approvalRequest({
        ...data,
        ...(extra.returned ? { returned: { byName: extra.returned.byName, fromStepLabel: extra.returned.fromStepLabel[lang], comment: extra.returned.comment } } : {}),
        ...(task.stepKey === REQUESTER_STEP ? { resubmit: true } : {}),
        ...(extra.subjectStep ? { subjectStep: true } : {}),
      }, lang)
      : kind === 'reminder'
        ? approvalReminder({ ...data, dueAt: extra.dueAt ?? task.dueAt, at: deps.now().toISOString(), ...(extra.byName ? { byName: extra.byName } : {}) }, lang)
        : approvalTransferred({ ...data, fromName: extra.fromName ?? '', comment: extra.comment ?? '', via: kind }, lang);
  // A reminder carries the step's files again (the interview's calendar entry); a transfer's new holder gets them too.
  const attachments = summary.askAttachments?.[task.stepKey];
  return { to: approver.email, content: attachments?.length ? { ...content, attachments } : content, ids: { taskId: task.id, kind } };
}


/**
 * A mail that must survive a crash between the change that calls for it and its sending:
 * the returned `tx` goes into that change's transaction and puts the mail in the outbox, due
 * when a refused mail's first retry would be; `sendGuarded` then sends it and takes it out.
 * If the process dies in between, `flushOutbox` sends it (at least once, never lost).
 */
export function guardMail(deps: WorkflowDeps, mail: Mail): GuardedMail {
  const now = deps.now();
  return guardedMail(deps.store, { to: mail.to, ...mail.content, ids: mail.ids, createdAt: now.toISOString() }, new Date(now.getTime() + OUTBOX_FIRST_RETRY_MS).toISOString());
}

export type GuardedMail = ReturnType<typeof guardedMail>;

/** Sends a guarded mail; refused, it stays in the outbox for `flushOutbox`. Never throws. */
export async function sendGuarded(deps: WorkflowDeps, { mail }: GuardedMail): Promise<void> {
  try {
    await deps.mailer.send({ to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, ...(mail.attachments?.length ? { attachments: mail.attachments } : {}) });
  } catch (err) {
    deps.log('warn', 'mail deferred to the outbox', { ...mail.ids, error: err instanceof Error ? err.message : String(err) });
    return;
  }
  try {
    await removeMail(deps.store, mail);
  } catch (err) {
    deps.log('warn', 'sent mail left in the outbox: it may go out twice', { ...mail.ids, error: err instanceof Error ? err.message : String(err) });
  }
}

/** 抄送: a read-only notice; the console page of the notice shows the request and its timeline. */
export function ccMail(deps: WorkflowDeps, notice: ApprovalTask, to: User, summary: RequestSummary, fromName: string | null, comment: string | null): Mail {
  const lang = to.language;
  const content = approvalCc({
    approverName: to.name, requestTitle: summary.title[lang], requestKindLabel: summary.kindLabel[lang], stepLabel: notice.stepLabel[lang],
    requesterName: starterName(summary, lang), dueAt: notice.createdAt, summary: summary.summary[lang],
    openUrl: `${deps.publicUrl}/#/approvals/${notice.id}/show`, fromName, ...(comment ? { comment } : {}),
  }, lang);
  return { to: to.email, content, ids: { taskId: notice.id, kind: 'cc' } };
}

export function escalationMail(
  deps: WorkflowDeps,
  task: ApprovalTask,
  superior: User,
  approverName: string,
  summary: RequestSummary,
  stepLabel: Record<Lang, string>,
  overdueSince: string,
): Mail {
  const lang = superior.language;
  const content = approvalEscalation(
    {
      superiorName: superior.name,
      approverName,
      requestTitle: summary.title[lang],
      requestKindLabel: summary.kindLabel[lang],
      stepLabel: stepLabel[lang],
      requesterName: starterName(summary, lang),
      dueAt: task.dueAt,
      overdueSince,
      summary: summary.summary[lang],
      openUrl: `${deps.publicUrl}/#/approvals/${task.id}/show`,
    },
    lang,
  );
  return { to: superior.email, content, ids: { taskId: task.id, kind: 'escalation' } };
}

/** Backoff between attempts, capped; after MAX_ATTEMPTS (about two days) a message is given up and logged. */
const OUTBOX_MAX_DELAY_MS = 3600_000;
const OUTBOX_MAX_ATTEMPTS = 60;

/** Sends what the outbox holds that is due; returns how many went out. Run every few minutes. */
export async function flushOutbox(deps: WorkflowDeps): Promise<{ sent: number; failed: number }> {
  const now = deps.now();
  let sent = 0;
  let failed = 0;
  for (const mail of await dueMail(deps.store, now.toISOString())) {
    try {
      await deps.mailer.send({ to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, ...(mail.attachments?.length ? { attachments: mail.attachments } : {}) });
      await removeMail(deps.store, mail);
      sent += 1;
    } catch (err) {
      failed += 1;
      const error = err instanceof Error ? err.message : String(err);
      if (mail.attempts >= OUTBOX_MAX_ATTEMPTS) {
        deps.log('error', 'mail given up after retries', { ...mail.ids, attempts: mail.attempts, error });
        await removeMail(deps.store, mail);
        continue;
      }
      const delay = Math.min(OUTBOX_MAX_DELAY_MS, OUTBOX_FIRST_RETRY_MS * 2 ** mail.attempts);
      await retryMailLater(deps.store, mail, new Date(now.getTime() + delay).toISOString());
      // Still down: the rest would fail the same way; try them on the next run.
      break;
    }
  }
  if (sent > 0) deps.log('info', 'outbox flushed', { sent });
  return { sent, failed };
}
