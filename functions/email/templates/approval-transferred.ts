/**
 * To someone given a task that was another person's or who was added to a step: after a
 * transfer (转交), 加签, a delegation (代理) or because the approver left. Their links carry a
 * new nonce; any older ones are superseded.
 */
import { formatDateTime, renderEmail, type Lang, type MailContent } from '../render.js';
import { approvalBody, approvalSubject, type ApprovalMailData } from './approval-mail.js';

export type Handover = 'transferred' | 'added' | 'delegated' | 'approver_left';

export interface ApprovalTransferredData extends ApprovalMailData {
  /** Who transferred or added the task (or, for a delegation or a leaver, whose task it was). */
  fromName: string;
  comment?: string;
  /** Why it came to this approver (default: a transfer). */
  via?: Handover;
}

const TAGS: Record<Handover, Record<Lang, string>> = {
  transferred: { 'zh-CN': '转交待审批', en: 'Approval transferred to you' },
  added: { 'zh-CN': '加签待审批', en: 'You were added as an approver' },
  delegated: { 'zh-CN': '代理审批', en: 'Approval as delegate' },
  approver_left: { 'zh-CN': '代为审批', en: 'Approval reassigned to you' },
};

function sentence(d: ApprovalTransferredData, lang: Lang, due: string): string {
  const via = d.via ?? 'transferred';
  if (lang === 'zh-CN') {
    const who = `（发起人：${d.requesterName}）。请在 ${due} 前处理。`;
    if (via === 'added') return `${d.fromName} 邀请您参与「${d.requestTitle}」的「${d.stepLabel}」环节审批（加签）${who}`;
    if (via === 'delegated') return `您是 ${d.fromName} 的代理人，请代其审批「${d.requestTitle}」的「${d.stepLabel}」环节${who}`;
    if (via === 'approver_left') return `${d.fromName} 已离职，「${d.requestTitle}」的「${d.stepLabel}」环节改由您审批${who}`;
    return `${d.fromName} 已将「${d.requestTitle}」的「${d.stepLabel}」环节转交给您审批${who}`;
  }
  const tail = ` (requested by ${d.requesterName}). Please decide by ${due}.`;
  if (via === 'added') return `${d.fromName} has added you as an approver of the “${d.stepLabel}” step of “${d.requestTitle}”${tail}`;
  if (via === 'delegated') return `You are ${d.fromName}’s delegate: please decide the “${d.stepLabel}” step of “${d.requestTitle}” on their behalf${tail}`;
  if (via === 'approver_left') return `${d.fromName} has left; the “${d.stepLabel}” step of “${d.requestTitle}” is now yours to decide${tail}`;
  return `${d.fromName} has transferred the “${d.stepLabel}” step of “${d.requestTitle}” to you${tail}`;
}

export function approvalTransferred(d: ApprovalTransferredData, lang: Lang): MailContent {
  const due = formatDateTime(d.dueAt, lang);
  const comment = d.comment?.trim();
  const quote = comment ? { label: lang === 'zh-CN' ? `${d.fromName} 的说明` : `Note from ${d.fromName}`, text: comment } : undefined;
  return renderEmail(
    approvalSubject(TAGS[d.via ?? 'transferred'], d, lang),
    approvalBody(d, lang, { greet: d.approverName, paragraphs: [sentence(d, lang, due)], decisionLinks: true, ...(quote ? { quote } : {}) }),
  );
}
