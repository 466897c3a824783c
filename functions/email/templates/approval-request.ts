/**
 * To an approver: a step of a request is waiting for their decision. A step asked again after
 * a 退回 says so — who returned it, from which step, and why; the requester asked to resubmit
 * is told the same.
 */
import { formatDateTime, renderEmail, type Lang, type MailContent } from '../render.js';
import { approvalBody, approvalSubject, type ApprovalMailData } from './approval-mail.js';

export interface ApprovalRequestData extends ApprovalMailData {
  /** The step is asked again because someone returned the request to it. */
  returned?: { byName: string; fromStepLabel: string; comment: string | null };
  /** The step is the requester's resubmission (退回给发起人). */
  resubmit?: boolean;
  /** The step is the request's subject's own (they sign, appeal, accept): nothing to approve. */
  subjectStep?: boolean;
}

const TAG = { 'zh-CN': '待审批', en: 'Approval needed' };
const RETURNED_TAG = { 'zh-CN': '已退回', en: 'Returned' };
const SUBJECT_TAG = { 'zh-CN': '待您办理', en: 'For you' };

export function approvalRequest(d: ApprovalRequestData, lang: Lang): MailContent {
  const due = formatDateTime(d.dueAt, lang);
  const zh = lang === 'zh-CN';
  const r = d.returned;
  const paragraphs = d.subjectStep
    ? zh
      ? [`「${d.requestTitle}」到了由您本人办理的「${d.stepLabel}」环节，请在 ${due} 前登录系统查看并办理。`]
      : [`“${d.requestTitle}” has reached the “${d.stepLabel}” step, which is yours to take. Please sign in and do so by ${due}.`]
    : r
    ? d.resubmit
      ? zh
        ? [`您发起的「${d.requestTitle}」被 ${r.byName} 在「${r.fromStepLabel}」环节退回，请按意见修改后重新提交。请在 ${due} 前处理。`]
        : [`${r.byName} returned your request “${d.requestTitle}” at the “${r.fromStepLabel}” step. Please change what is asked and resubmit by ${due}.`]
      : zh
        ? [`「${d.requestTitle}」被 ${r.byName} 在「${r.fromStepLabel}」环节退回到「${d.stepLabel}」，需要您重新审批。请在 ${due} 前处理。`]
        : [`${r.byName} returned “${d.requestTitle}” at the “${r.fromStepLabel}” step to the “${d.stepLabel}” step: it needs your decision again. Please decide by ${due}.`]
    : zh
      ? [`${d.requesterName} 发起的「${d.requestTitle}」已到「${d.stepLabel}」环节，需要您审批。请在 ${due} 前处理。`]
      : [`“${d.requestTitle}”, requested by ${d.requesterName}, has reached the “${d.stepLabel}” step and needs your decision. Please decide by ${due}.`];
  const quote = r?.comment ? { label: zh ? '退回原因' : 'Reason for returning', text: r.comment } : undefined;
  return renderEmail(approvalSubject(d.subjectStep ? SUBJECT_TAG : r ? RETURNED_TAG : TAG, d, lang), approvalBody(d, lang, { greet: d.approverName, paragraphs, decisionLinks: !d.resubmit, ...(quote ? { quote } : {}) }));
}
