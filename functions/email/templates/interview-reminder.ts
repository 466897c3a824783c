/** 面试提醒: to an interviewer (their language) before a round they interview in. */
import { formatDateTime, renderEmail, type Lang, type MailContent } from '../render.js';

export interface InterviewReminderData {
  recipientName: string;
  candidateName: string;
  post: string;
  roundLabel: string;
  at: string;
  place: string;
  openUrl: string;
}

export function interviewReminder(d: InterviewReminderData, lang: Lang): MailContent {
  const zh = lang === 'zh-CN';
  return renderEmail(zh ? `【面试提醒】${formatDateTime(d.at, lang)} ${d.roundLabel}：${d.candidateName}` : `[Interview reminder] ${formatDateTime(d.at, lang)} ${d.roundLabel}: ${d.candidateName}`, {
    lang,
    heading: zh ? '面试提醒' : 'Interview reminder',
    greeting: zh ? `${d.recipientName}，您好：` : `Hello ${d.recipientName},`,
    paragraphs: [zh ? `您有一场面试即将开始（${d.post}）。面试后请在「待我审批」中给出评分和建议。` : `You interview soon (${d.post}). Afterwards, give your score and recommendation in your inbox (待我审批).`],
    rows: [
      [zh ? '候选人' : 'Candidate', d.candidateName],
      [zh ? '轮次' : 'Round', d.roundLabel],
      [zh ? '时间' : 'When', formatDateTime(d.at, lang)],
      [zh ? '地点' : 'Where', d.place],
    ],
    buttons: [{ label: zh ? '在系统中查看' : 'Open in the console', url: d.openUrl, kind: 'secondary' }],
  });
}
