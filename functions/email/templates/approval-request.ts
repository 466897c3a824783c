/** To an approver: a step of a request is waiting for their decision. */
import { formatDateTime, renderEmail, type Lang, type MailContent } from '../render.js';
import { approvalBody, approvalSubject, type ApprovalMailData } from './approval-mail.js';

const TAG = { 'zh-CN': '待审批', en: 'Approval needed' };

export function approvalRequest(d: ApprovalMailData, lang: Lang): MailContent {
  const due = formatDateTime(d.dueAt, lang);
  const paragraphs = lang === 'zh-CN'
    ? [`${d.requesterName} 发起的「${d.requestTitle}」已到「${d.stepLabel}」环节，需要您审批。请在 ${due} 前处理。`]
    : [`“${d.requestTitle}”, requested by ${d.requesterName}, has reached the “${d.stepLabel}” step and needs your decision. Please decide by ${due}.`];
  return renderEmail(approvalSubject(TAG, d, lang), approvalBody(d, lang, { greet: d.approverName, paragraphs, decisionLinks: true }));
}
