/** To the requester of a requisition: HR paused, reopened or cancelled its opening, and why. */
import { renderEmail, type Lang, type MailContent } from '../render.js';

export type OpeningChange = 'paused' | 'reopened' | 'cancelled';

export interface OpeningChangedData {
  recipientName: string;
  /** The requisition's title (人才增补：专员 2 人（客户服务中心）). */
  title: string;
  change: OpeningChange;
  byName: string;
  reason: string;
  headcount: number;
  filled: number;
  openUrl: string;
}

const WORDS: Record<Lang, Record<OpeningChange, string>> = {
  'zh-CN': { paused: '已暂停招聘', reopened: '已恢复招聘', cancelled: '已取消招聘' },
  en: { paused: 'recruiting paused', reopened: 'recruiting resumed', cancelled: 'recruiting cancelled' },
};

export function openingChanged(d: OpeningChangedData, lang: Lang): MailContent {
  const zh = lang === 'zh-CN';
  const what = WORDS[lang][d.change];
  return renderEmail(zh ? `【招聘职位】${d.title} — ${what}` : `[Opening] ${d.title} — ${what}`, {
    lang,
    heading: `${d.title} — ${what}`,
    greeting: zh ? `${d.recipientName}，您好：` : `Hello ${d.recipientName},`,
    paragraphs: [zh ? `${d.byName} 对您申请的人才增补：${what}。` : `${d.byName} changed the opening of your requisition: ${what}.`],
    rows: [
      [zh ? '增补人数' : 'Headcount', String(d.headcount)],
      [zh ? '已录用' : 'Filled', String(d.filled)],
    ],
    quote: { label: zh ? '原因' : 'Reason', text: d.reason },
    buttons: [{ label: zh ? '在系统中查看' : 'Open in the console', url: d.openUrl, kind: 'secondary' }],
  });
}
