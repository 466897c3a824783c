/** 抄送: a read-only notice about a request — no decision links, only the way to look at it. */
import { formatDateTime, renderEmail, type Lang, type MailContent } from '../render.js';
import { approvalBody, approvalSubject, type ApprovalMailData } from './approval-mail.js';

export interface ApprovalCcData extends Omit<ApprovalMailData, 'approveUrl' | 'rejectUrl'> {
  /** Who sent the notice; null for a CC the policy names. */
  fromName: string | null;
  comment?: string;
}

const TAG = { 'zh-CN': '抄送', en: 'CC' };

export function approvalCc(d: ApprovalCcData, lang: Lang): MailContent {
  const at = formatDateTime(d.dueAt, lang);
  const paragraphs = lang === 'zh-CN'
    ? [d.fromName ? `${d.fromName} 将「${d.requestTitle}」抄送给您（发起人：${d.requesterName}），供您知悉，无需审批。` : `按制度，「${d.requestTitle}」抄送给您（发起人：${d.requesterName}），供您知悉，无需审批。`, `当前环节：${d.stepLabel}（${at}）。`]
    : [d.fromName ? `${d.fromName} has copied you on “${d.requestTitle}” (requested by ${d.requesterName}) for your information; no decision is needed.` : `By policy you are copied on “${d.requestTitle}” (requested by ${d.requesterName}) for your information; no decision is needed.`, `Current step: ${d.stepLabel} (${at}).`];
  const comment = d.comment?.trim();
  const quote = comment && d.fromName ? { label: lang === 'zh-CN' ? `${d.fromName} 的说明` : `Note from ${d.fromName}`, text: comment } : undefined;
  return renderEmail(approvalSubject(TAG, d, lang), approvalBody(d, lang, { greet: d.approverName, paragraphs, decisionLinks: false, ...(quote ? { quote } : {}) }));
}
