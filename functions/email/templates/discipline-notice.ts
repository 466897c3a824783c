/**
 * Discipline (#16) mails: to the witnesses named for a refused 处罚单, to the employee and the
 * issuer when an action takes effect or is voided, and when a dismissal proposal ends. The
 * notice itself reaches the employee as their step (签收处罚单), with its rows.
 */
import { renderEmail, type Lang, type MailContent, type Rows } from '../render.js';

export type DisciplineEvent = 'refused' | 'witness' | 'effective' | 'voided' | 'dismissed' | 'dismissal_rejected';

export interface DisciplineNoticeData {
  event: DisciplineEvent;
  recipientName: string;
  employeeName: string;
  /** The penalty in the reader's language (口头警告 …). */
  levelLabel: string;
  /** The notice's rows, and what happened (one row each). */
  rows: Rows;
  /** Why it was voided, or the comment of whoever rejected a dismissal. */
  comment?: string | null;
  openUrl: string;
}

export function disciplineNotice(d: DisciplineNoticeData, lang: Lang): MailContent {
  const zh = lang === 'zh-CN';
  const subject = {
    refused: zh ? `【处罚单】${d.employeeName} 拒绝签收 — 请指定见证人` : `[Penalty notice] ${d.employeeName} refused to sign — name the witnesses`,
    witness: zh ? `【处罚单见证】${d.employeeName} 拒签 — 请您见证签字` : `[Penalty notice] ${d.employeeName} refused to sign — please witness`,
    effective: zh ? `【处罚单】${d.employeeName} — ${d.levelLabel}已生效` : `[Penalty notice] ${d.employeeName} — the ${d.levelLabel} is in effect`,
    voided: zh ? `【处罚单】${d.employeeName} — ${d.levelLabel}已撤销` : `[Penalty notice] ${d.employeeName} — the ${d.levelLabel} is voided`,
    dismissed: zh ? `【辞退】${d.employeeName} — 辞退已批准` : `[Dismissal] ${d.employeeName} — dismissal approved`,
    dismissal_rejected: zh ? `【辞退】${d.employeeName} — 辞退未批准，按最后警告处理` : `[Dismissal] ${d.employeeName} — not approved; a final warning instead`,
  }[d.event];
  const lead = {
    refused: zh
      ? `${d.employeeName} 拒绝在处罚单上签字。处罚单须经见证人签字后生效：如尚未指定见证人，请在系统中指定（不能是员工本人或发起人）。`
      : `${d.employeeName} refused to sign the penalty notice. It takes effect once witnesses sign: if none are named yet, name them in the console (neither the employee nor the issuer).`,
    witness: zh
      ? `${d.employeeName} 拒绝在处罚单上签字。您被指定为见证人：请登录系统查看处罚单并手写签字确认员工已拒签。见证签字不表示您对处罚的意见。`
      : `${d.employeeName} refused to sign the penalty notice. You are named as a witness: sign in, read the notice and sign by hand that it was refused. Witnessing says nothing about your view of the penalty.`,
    effective: zh ? '申诉期已过或申诉已处理，以下处罚已生效，并记入员工档案：' : 'The appeal window has closed, or the appeal was answered: this penalty is in effect and on the employee’s file:',
    voided: zh ? '以下处罚已撤销，不再计入警告累计；因其合并计算的警告已恢复：' : 'This penalty is voided and no longer counts; warnings it had rolled up count again:',
    dismissed: zh ? '辞退已经审批通过，离职办理已开始：' : 'The dismissal was approved and offboarding has started:',
    dismissal_rejected: zh ? '辞退未获批准，该违纪按最后警告处理，处罚单需员工签收：' : 'The dismissal was not approved; the violation stands as a final warning, whose notice the employee signs:',
  }[d.event];
  const comment = d.comment?.trim();
  return renderEmail(subject, {
    lang,
    heading: subject.replace(/^【[^】]+】|^\[[^\]]+\] /, ''),
    greeting: zh ? `${d.recipientName}，您好：` : `Hello ${d.recipientName},`,
    paragraphs: [lead],
    rows: d.rows,
    ...(comment ? { quote: { label: zh ? '说明' : 'Note', text: comment } } : {}),
    buttons: [{ label: zh ? '在系统中查看' : 'Open in the console', url: d.openUrl, kind: 'primary' }],
  });
}
