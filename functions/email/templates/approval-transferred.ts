/** To the new approver after a transfer. Their links carry a new nonce; the old ones are superseded. */
import { formatDateTime, renderEmail, type Lang, type MailContent } from '../render.js';
import { approvalBody, approvalSubject, type ApprovalMailData } from './approval-mail.js';

export interface ApprovalTransferredData extends ApprovalMailData {
  /** Who transferred the task to this approver. */
  fromName: string;
  comment?: string;
}

const TAG = { 'zh-CN': '转交待审批', en: 'Approval transferred to you' };

export function approvalTransferred(d: ApprovalTransferredData, lang: Lang): MailContent {
  const due = formatDateTime(d.dueAt, lang);
  const paragraphs = lang === 'zh-CN'
    ? [`${d.fromName} 已将「${d.requestTitle}」的「${d.stepLabel}」环节转交给您审批（发起人：${d.requesterName}）。请在 ${due} 前处理。`]
    : [`${d.fromName} has transferred the “${d.stepLabel}” step of “${d.requestTitle}” (requested by ${d.requesterName}) to you. Please decide by ${due}.`];
  const comment = d.comment?.trim();
  const quote = comment ? { label: lang === 'zh-CN' ? `${d.fromName} 的转交说明` : `Note from ${d.fromName}`, text: comment } : undefined;
  return renderEmail(
    approvalSubject(TAG, d, lang),
    approvalBody(d, lang, { greet: d.approverName, paragraphs, decisionLinks: true, ...(quote ? { quote } : {}) }),
  );
}
