/** To the requester or the employee concerned: how a request ended. */
import { renderEmail, type Lang, type MailContent, type Rows } from '../render.js';

export type RequestOutcome = 'approved' | 'rejected' | 'converted' | 'extended' | 'ended';

export interface RequestOutcomeData {
  recipientName: string;
  requestTitle: string;
  outcome: RequestOutcome;
  /** e.g. [['转正日期', '2026-12-01'], ['延长至', '2027-01-31']] */
  details: Rows;
  /** The deciding approver's comment, if they wrote one. */
  comment?: string;
  openUrl: string;
}

const OUTCOME: Record<Lang, Record<RequestOutcome, string>> = {
  'zh-CN': { approved: '已通过', rejected: '已驳回', converted: '已转正', extended: '试用期已延长', ended: '已终止' },
  en: { approved: 'Approved', rejected: 'Rejected', converted: 'Confirmed in post', extended: 'Probation extended', ended: 'Ended' },
};

export function requestOutcome(d: RequestOutcomeData, lang: Lang): MailContent {
  const label = OUTCOME[lang][d.outcome];
  const zh = lang === 'zh-CN';
  const comment = d.comment?.trim();
  return renderEmail(zh ? `【审批结果】${d.requestTitle} — ${label}` : `[Decision] ${d.requestTitle} — ${label}`, {
    lang,
    heading: `${d.requestTitle} — ${label}`,
    greeting: zh ? `${d.recipientName}，您好：` : `Hello ${d.recipientName},`,
    paragraphs: [zh ? `「${d.requestTitle}」已有结果：${label}。` : `“${d.requestTitle}” has been decided: ${label}.`],
    rows: d.details,
    ...(comment ? { quote: { label: zh ? '审批意见' : 'Comment', text: comment } } : {}),
    buttons: [{ label: zh ? '在系统中查看' : 'Open in the console', url: d.openUrl, kind: 'primary' }],
  });
}
