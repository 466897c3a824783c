/**
 * 录用通知书: the offer letter to the candidate (seeds 000 第三章, 001 第二篇), with the link to
 * read it online, print it, and accept or decline it — no account needed. The hire reports
 * with the letter and their documents by the last day to report, or the offer lapses.
 */
import { renderEmail, type Lang, type MailContent } from '../render.js';
import { formatDate, formatMoney } from '../values.js';

export interface OfferLetterData {
  candidateName: string;
  post: string;
  teamName: string;
  level: string;
  baseSalary: number;
  probationMonths: number;
  startDate: string;
  reportBy: string;
  respondUrl: string;
}

export function offerLetter(d: OfferLetterData, lang: Lang): MailContent {
  const zh = lang === 'zh-CN';
  return renderEmail(zh ? `【录用通知书】${d.post}（${d.teamName}）` : `[Offer letter] ${d.post} (${d.teamName})`, {
    lang,
    heading: zh ? '录用通知书' : 'Offer letter',
    greeting: zh ? `${d.candidateName}，您好：` : `Dear ${d.candidateName},`,
    paragraphs: zh
      ? ['感谢您参加我司的面试。经综合评定，我们很高兴地通知您：您已被录用。录用条件如下：']
      : ['Thank you for interviewing with us. We are pleased to offer you the position, on these terms:'],
    rows: [
      [zh ? '岗位' : 'Post', `${d.post}（${d.teamName}）`],
      [zh ? '职级' : 'Level', d.level],
      [zh ? '基本工资' : 'Base salary', `${formatMoney(d.baseSalary, lang)}${zh ? '/月' : ' a month'}`],
      [zh ? '试用期' : 'Probation', zh ? `${d.probationMonths} 个月` : `${d.probationMonths} month(s)`],
      [zh ? '入职日期' : 'Start date', formatDate(d.startDate, lang)],
      [zh ? '最迟报到日期' : 'Report by', formatDate(d.reportBy, lang)],
    ],
    buttons: [{ label: zh ? '查看并答复录用通知' : 'Read and answer the offer', url: d.respondUrl, kind: 'primary' }],
    notes: [
      zh
        ? '请点击上方按钮接受或婉拒本次录用（可打印通知书）。报到时请携带本通知书、身份证、学历证书及体检报告。'
        : 'Use the button above to accept or decline the offer (the letter can be printed there). When you report, bring this letter, your ID card, your diploma and a health check report.',
      zh
        ? `如未能在 ${formatDate(d.reportBy, lang)} 前报到，本录用通知将自动失效。`
        : `If you have not reported by ${formatDate(d.reportBy, lang)}, this offer lapses by itself.`,
    ],
  });
}
