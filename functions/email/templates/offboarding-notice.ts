/**
 * 离职办理 (#15) mails: the procedure opened (to the leaver's superior and HR), the reminder
 * before the last day (to each owner of something still unsigned), and what the last day
 * moved (to HR: the leaver's people now report to someone else).
 */
import { renderEmail, type Lang, type MailContent } from '../render.js';
import { formatDate } from '../values.js';

export type OffboardingEvent = 'opened' | 'reminder' | 'left';

export interface OffboardingNoticeData {
  event: OffboardingEvent;
  recipientName: string;
  employeeName: string;
  lastDay: string;
  /** Why they leave, in the reader's language (辞职 / 试用期未转正 / 辞退). */
  reasonLabel: string;
  /** What the recipient has to do, or what happened (one line each). */
  items: string[];
  openUrl: string;
}

export function offboardingNotice(d: OffboardingNoticeData, lang: Lang): MailContent {
  const zh = lang === 'zh-CN';
  const day = formatDate(d.lastDay, lang);
  const subject = {
    opened: zh ? `【离职办理】${d.employeeName} — 最后工作日 ${day}` : `[Offboarding] ${d.employeeName} — last day ${day}`,
    reminder: zh ? `【离职办理】${d.employeeName} 将于 ${day} 离职 — 请完成交接` : `[Offboarding] ${d.employeeName} leaves on ${day} — please complete the handover`,
    left: zh ? `【离职办理】${d.employeeName} 已离职 — 工作与人员已转交` : `[Offboarding] ${d.employeeName} has left — work and people moved`,
  }[d.event];
  const lead = {
    opened: zh
      ? `${d.employeeName}（${d.reasonLabel}）的离职办理已开始，最后工作日为 ${day}。离职工作移交单与物品盘点如下，请相关负责人在最后工作日前签收：`
      : `Offboarding has started for ${d.employeeName} (${d.reasonLabel}); their last day is ${day}. The handover and the inventory are below; each owner signs before the last day:`,
    reminder: zh
      ? `${d.employeeName} 的最后工作日是 ${day}。以下事项仍待您签收或办理：`
      : `${d.employeeName}’s last day is ${day}. These are still waiting for you:`,
    left: zh
      ? `${d.employeeName} 的最后工作日（${day}）已过：员工状态已改为离职，账号已停用。以下事项已自动转交：`
      : `${d.employeeName}’s last day (${day}) has passed: they are now marked as left and their account is disabled. These were moved:`,
  }[d.event];
  return renderEmail(subject, {
    lang,
    heading: subject.replace(/^【离职办理】|^\[Offboarding\] /, ''),
    greeting: zh ? `${d.recipientName}，您好：` : `Hello ${d.recipientName},`,
    paragraphs: [lead],
    rows: d.items.map((text, i) => [String(i + 1), text] as const),
    buttons: [{ label: zh ? '查看离职办理' : 'Open the offboarding', url: d.openUrl, kind: 'primary' }],
  });
}
