/** To the candidate, politely: their offer lapsed (they did not report in time) or was withdrawn. */
import { renderEmail, type Lang, type MailContent } from '../render.js';
import { formatDate } from '../values.js';

export interface OfferToCandidateData {
  candidateName: string;
  post: string;
  teamName: string;
  event: 'lapsed' | 'withdrawn';
  reportBy: string;
}

export function offerToCandidate(d: OfferToCandidateData, lang: Lang): MailContent {
  const zh = lang === 'zh-CN';
  const lapsed = d.event === 'lapsed';
  return renderEmail(zh ? `【录用通知】${d.post}（${d.teamName}）— ${lapsed ? '已失效' : '已撤回'}` : `[Offer] ${d.post} (${d.teamName}) — ${lapsed ? 'lapsed' : 'withdrawn'}`, {
    lang,
    heading: zh ? (lapsed ? '录用通知已失效' : '录用通知已撤回') : (lapsed ? 'Your offer has lapsed' : 'Your offer was withdrawn'),
    greeting: zh ? `${d.candidateName}，您好：` : `Dear ${d.candidateName},`,
    paragraphs: lapsed
      ? [zh
        ? `我们未能在 ${formatDate(d.reportBy, lang)} 前收到您的报到，按公司规定，本次${d.post}岗位的录用通知已自动失效。感谢您对我们的关注，祝您一切顺利；如仍有意向，欢迎与人力资源部联系。`
        : `We did not see you report by ${formatDate(d.reportBy, lang)}, so under company rules the offer for the ${d.post} post has lapsed. Thank you for your interest, and all the best; if you are still interested, please contact HR.`]
      : [zh
        ? `很抱歉地通知您，公司已撤回本次${d.post}岗位的录用通知。感谢您对我们的关注，如有疑问请与人力资源部联系。`
        : `We are sorry to tell you that the offer for the ${d.post} post has been withdrawn. Thank you for your interest; please contact HR with any questions.`],
    buttons: [],
  });
}
