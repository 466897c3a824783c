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
  /** The reminder before it (the policy's interviewReminderHours), not the invitation. */
  reminder?: boolean;
}

export function interviewInvitation(d: InterviewInvitationData, lang: Lang): MailContent {
  const zh = lang === 'zh-CN';
  const online = /^https?:\/\//i.test(d.place);
  const [tagZh, tagEn] = d.reminder ? ['提醒', ' reminder'] : d.rescheduled ? ['时间变更', ' moved'] : ['邀请', ''];
  return renderEmail(zh ? `【面试${tagZh}】${d.post}（${d.teamName}）— ${d.roundLabel}` : `[Interview${tagEn}] ${d.post} (${d.teamName}) — ${d.roundLabel}`, {
    lang,
    heading: zh ? `面试${tagZh}` : d.reminder ? 'Interview reminder' : d.rescheduled ? 'Your interview has moved' : 'Interview invitation',
    greeting: zh ? `${d.candidateName}，您好：` : `Dear ${d.candidateName},`,
    paragraphs: [d.reminder
      ? (zh ? `提醒您：${d.post}岗位的${d.roundLabel}即将开始，安排如下：` : `A reminder: your ${d.roundLabel} for the ${d.post} post is coming up:`)
      : zh
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
