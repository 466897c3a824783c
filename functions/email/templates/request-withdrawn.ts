/**
 * 撤回: the requester took the request back. The approvers it was waiting for, the people it
 * was copied to and the employee it is about are told — each what it means for them.
 */
import { renderEmail, type Lang, type MailContent } from '../render.js';

export interface RequestWithdrawnData {
  recipientName: string;
  requestTitle: string;
  /** Who withdrew it. */
  byName: string;
  /** Why the recipient hears of it: their decision was waiting, they were copied, it is about them. */
  role: 'approver' | 'cc' | 'subject';
  /** The step that was waiting (for an approver). */
  stepLabel?: string;
  openUrl: string;
}

export function requestWithdrawn(d: RequestWithdrawnData, lang: Lang): MailContent {
  const zh = lang === 'zh-CN';
  const what = zh ? `「${d.requestTitle}」已由 ${d.byName} 撤回。` : `${d.byName} has withdrawn “${d.requestTitle}”.`;
  const meaning = {
    approver: zh ? `您在「${d.stepLabel ?? ''}」环节的审批已取消，无需再处理；邮件中的审批链接已失效。` : `Your decision at the “${d.stepLabel ?? ''}” step is no longer needed; the links in earlier emails no longer work.`,
    cc: zh ? '此前抄送给您的申请已结束，仅供知悉。' : 'You were copied on it; this is for your information only.',
    subject: zh ? '这份与您有关的申请不再进行。' : 'The request about you will not go ahead.',
  }[d.role];
  return renderEmail(zh ? `【已撤回】${d.requestTitle}` : `[Withdrawn] ${d.requestTitle}`, {
    lang,
    heading: zh ? `${d.requestTitle} — 已撤回` : `${d.requestTitle} — withdrawn`,
    greeting: zh ? `${d.recipientName}，您好：` : `Hello ${d.recipientName},`,
    paragraphs: [what, meaning],
    buttons: [{ label: zh ? '在系统中查看' : 'Open in the console', url: d.openUrl, kind: 'secondary' }],
  });
}
