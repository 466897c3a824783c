/** To the same approver once the step's due time has passed. */
import { formatDateTime, renderEmail, type Lang, type MailContent } from '../render.js';
import { approvalBody, approvalSubject, type ApprovalMailData } from './approval-mail.js';

export interface ApprovalReminderData extends ApprovalMailData {
  /** UTC ISO-8601: when the step became overdue. */
  overdueSince: string;
}

const TAG = { 'zh-CN': '催办', en: 'Reminder' };

export function approvalReminder(d: ApprovalReminderData, lang: Lang): MailContent {
  const since = formatDateTime(d.overdueSince, lang);
  const paragraphs = lang === 'zh-CN'
    ? [`「${d.requestTitle}」的「${d.stepLabel}」环节仍在等待您审批，自 ${since} 起已超期，请尽快处理。`]
    : [`The “${d.stepLabel}” step of “${d.requestTitle}” is still waiting for your decision and has been overdue since ${since}. Please decide as soon as you can.`];
  return renderEmail(approvalSubject(TAG, d, lang), approvalBody(d, lang, { greet: d.approverName, paragraphs, decisionLinks: true }));
}
