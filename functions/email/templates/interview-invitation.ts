/**
 * 面试邀请: to the candidate when HR schedules (or reschedules) their interview round, with the
 * time, the place (a room, or an online meeting's link) and the calendar entry attached (.ics).
 * zh-CN: candidates have no account and no language setting.
 */
import { formatDateTime, renderEmail, type Lang, type MailContent } from '../render.js';

export interface InterviewInvitationData {
  candidateName: string;
  post: string;
  teamName: string;
  roundLabel: string;
  at: string;
  place: string;
  rescheduled: boolean;
}

export function interviewInvitation(d: InterviewInvitationData, lang: Lang): MailContent {
  const zh = lang === 'zh-CN';
  const online = /^https?:\/\//i.test(d.place);
  return renderEmail(zh ? `【面试${d.rescheduled ? '时间变更' : '邀请'}】${d.post}（${d.teamName}）— ${d.roundLabel}` : `[Interview${d.rescheduled ? ' moved' : ''}] ${d.post} (${d.teamName}) — ${d.roundLabel}`, {
    lang,
    heading: zh ? (d.rescheduled ? '面试时间变更' : '面试邀请') : (d.rescheduled ? 'Your interview has moved' : 'Interview invitation'),
    greeting: zh ? `${d.candidateName}，您好：` : `Dear ${d.candidateName},`,
    paragraphs: [zh
      ? `感谢您应聘${d.post}岗位。诚邀您参加${d.roundLabel}，安排如下：`
      : `Thank you for applying for the ${d.post} post. We invite you to the ${d.roundLabel}:`],
    rows: [
      [zh ? '时间' : 'When', formatDateTime(d.at, lang)],
      [zh ? (online ? '线上会议链接' : '地点') : (online ? 'Online meeting' : 'Where'), d.place],
    ],
    buttons: [],
    notes: [zh
      ? '附件中的日历文件（.ics）可直接添加到您的日历。如需调整时间，请回复人力资源部。'
      : 'The calendar file attached (.ics) adds the interview to your calendar. To change the time, please contact HR.'],
  });
}
