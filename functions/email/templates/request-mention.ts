/**
 * @ in a comment: someone named the recipient in a request's comment thread. The mail says who,
 * on which request, and what they wrote, and opens the request in the console.
 */
import { renderEmail, type Lang, type MailContent } from '../render.js';

export interface RequestMentionData {
  recipientName: string;
  requestTitle: string;
  byName: string;
  text: string;
  openUrl: string;
}

export function requestMention(d: RequestMentionData, lang: Lang): MailContent {
  const zh = lang === 'zh-CN';
  return renderEmail(zh ? `【评论】${d.byName} 在「${d.requestTitle}」中提到了您` : `[Comment] ${d.byName} mentioned you on “${d.requestTitle}”`, {
    lang,
    heading: zh ? `${d.byName} 在评论中提到了您` : `${d.byName} mentioned you in a comment`,
    greeting: zh ? `${d.recipientName}，您好：` : `Hello ${d.recipientName},`,
    paragraphs: [zh ? '评论不是审批意见，不改变申请的进度。' : 'A comment is not a decision; it does not move the request on.'],
    quote: { label: zh ? `${d.byName} 在「${d.requestTitle}」的评论中写道：` : `${d.byName} wrote on “${d.requestTitle}”:`, text: d.text },
    buttons: [{ label: zh ? '查看并回复' : 'Open and reply', url: d.openUrl, kind: 'secondary' }],
  });
}
