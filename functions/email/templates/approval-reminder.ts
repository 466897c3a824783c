/**
 * To the same approver: the automatic reminder once the step's due time has passed, or a
 * 催办 by a person (the requester, someone above the approver), which may come before it.
 * It says what is true at the moment it is sent: due in so long, or overdue since when.
 */
import { formatDateTime, renderEmail, type Lang, type MailContent } from '../render.js';
import { approvalBody, approvalSubject, type ApprovalMailData } from './approval-mail.js';

export interface ApprovalReminderData extends ApprovalMailData {
  /** UTC ISO-8601: when the reminder is sent (the step is overdue if `dueAt` is not after it). */
  at: string;
  /** Who sent the 催办; absent for the automatic reminder. */
  byName?: string;
}

const TAG = { 'zh-CN': '催办', en: 'Reminder' };

/** "3 天" / "5 小时" / "不到 1 小时" — how long until the due time, rounded down. */
export function timeLeft(fromIso: string, toIso: string, lang: Lang): string {
  const hours = Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / 3_600_000);
  if (hours < 1) return lang === 'zh-CN' ? '不到 1 小时' : 'less than an hour';
  if (hours < 48) return lang === 'zh-CN' ? `${hours} 小时` : `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.floor(hours / 24);
  return lang === 'zh-CN' ? `${days} 天` : `${days} days`;
}

export function approvalReminder(d: ApprovalReminderData, lang: Lang): MailContent {
  const zh = lang === 'zh-CN';
  const due = formatDateTime(d.dueAt, lang);
  const overdue = Date.parse(d.dueAt) <= Date.parse(d.at);
  const who = d.byName ? (zh ? `${d.byName} 提醒您：` : `${d.byName} sent you a reminder. `) : '';
  const paragraphs = zh
    ? [overdue
      ? `${who}「${d.requestTitle}」的「${d.stepLabel}」环节仍在等待您审批，自 ${due} 起已超期，请尽快处理。`
      : `${who}「${d.requestTitle}」的「${d.stepLabel}」环节正在等待您审批，将于 ${timeLeft(d.at, d.dueAt, lang)}后到期（${due}），请及时处理。`]
    : [overdue
      ? `${who}The “${d.stepLabel}” step of “${d.requestTitle}” is still waiting for your decision and has been overdue since ${due}. Please decide as soon as you can.`
      : `${who}The “${d.stepLabel}” step of “${d.requestTitle}” is waiting for your decision; it is due in ${timeLeft(d.at, d.dueAt, lang)} (${due}).`];
  return renderEmail(approvalSubject(TAG, d, lang), approvalBody(d, lang, { greet: d.approverName, paragraphs, decisionLinks: true }));
}
