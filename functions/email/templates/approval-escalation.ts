/**
 * To the approver's superior when the next deadline has passed too. No Approve/Reject
 * buttons: the signed links are bound to the approver, and must never be forwarded to
 * someone else. The superior follows up, or transfers the task in the console.
 */
import { formatDateTime, renderEmail, type Lang, type MailContent } from '../render.js';
import { approvalBody, approvalSubject, type ApprovalMailData } from './approval-mail.js';

export interface ApprovalEscalationData extends Omit<ApprovalMailData, 'approveUrl' | 'rejectUrl'> {
  superiorName: string;
  /** UTC ISO-8601; when omitted the mail speaks of the due time. */
  overdueSince?: string;
}

const TAG = { 'zh-CN': '超时上报', en: 'Escalation' };

export function approvalEscalation(d: ApprovalEscalationData, lang: Lang): MailContent {
  const since = formatDateTime(d.overdueSince ?? d.dueAt, lang);
  const paragraphs = lang === 'zh-CN'
    ? [
        `${d.approverName} 尚未处理「${d.requestTitle}」的「${d.stepLabel}」环节，自 ${since} 起已超期，且催办后仍未处理。`,
        '请督促其尽快处理，或在系统中将此审批转交给其他审批人。',
      ]
    : [
        `${d.approverName} has not yet decided the “${d.stepLabel}” step of “${d.requestTitle}”. It has been overdue since ${since}, and a reminder did not help.`,
        'Please follow up with them, or transfer the approval to another approver in the console.',
      ];
  return renderEmail(
    approvalSubject(TAG, d, lang),
    approvalBody(d, lang, { greet: d.superiorName, paragraphs, decisionLinks: false, showApprover: true }),
  );
}
