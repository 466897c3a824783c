/** To HR and the requisition's requester: what became of an offer (answered, lapsed, reported, withdrawn, refused). */
import { renderEmail, type Lang, type MailContent, type Rows } from '../render.js';

export type OfferEvent = 'sent' | 'accepted' | 'declined' | 'lapsed' | 'reported' | 'withdrawn' | 'rejected';

export interface OfferNoticeData {
  recipientName: string;
  /** 录用通知：张三（客服专员，一组） */
  title: string;
  event: OfferEvent;
  rows: Rows;
  comment?: string;
  /** Heads of the opening free to offer again after this. */
  openHeads?: number;
  openUrl: string;
}

const WORDS: Record<Lang, Record<OfferEvent, string>> = {
  'zh-CN': {
    sent: '已发出', accepted: '候选人已接受', declined: '候选人已婉拒', lapsed: '未按期报到，已自动失效',
    reported: '已报到入职', withdrawn: '已撤回', rejected: '总经理未批准薪资',
  },
  en: {
    sent: 'sent', accepted: 'accepted by the candidate', declined: 'declined by the candidate', lapsed: 'lapsed: the hire did not report in time',
    reported: 'the hire reported', withdrawn: 'withdrawn', rejected: 'the GM did not approve the salary',
  },
};

export function offerNotice(d: OfferNoticeData, lang: Lang): MailContent {
  const zh = lang === 'zh-CN';
  const what = WORDS[lang][d.event];
  const freed = d.openHeads !== undefined && ['declined', 'lapsed', 'withdrawn', 'rejected'].includes(d.event);
  return renderEmail(zh ? `【录用通知】${d.title} — ${what}` : `[Offer] ${d.title} — ${what}`, {
    lang,
    heading: `${d.title} — ${what}`,
    greeting: zh ? `${d.recipientName}，您好：` : `Hello ${d.recipientName},`,
    paragraphs: [
      zh ? `录用通知「${d.title}」${what}。` : `The offer “${d.title}”: ${what}.`,
      ...(freed ? [zh ? `该名额已重新开放，职位现有 ${d.openHeads} 个名额可发录用通知。` : `Its head is open again: the opening has ${d.openHeads} head(s) free to offer.`] : []),
    ],
    rows: d.rows,
    ...(d.comment ? { quote: { label: zh ? '说明' : 'Note', text: d.comment } } : {}),
    buttons: [{ label: zh ? '在系统中查看' : 'Open in the console', url: d.openUrl, kind: 'secondary' }],
  });
}
