/**
 * To the owner of overdue onboarding items (入职清单, POLICIES.md §2 step 6): which items of which
 * new hire's checklist are past their due date. Sent once a day at most (workflow/onboarding-reminders.ts).
 */
import { renderEmail, type Lang, type MailContent } from '../render.js';
import { formatDate } from '../values.js';

export interface OnboardingReminderData {
  recipientName: string;
  employeeName: string;
  reportDate: string;
  /** The overdue items this recipient sees to, in checklist order. */
  items: { label: string; dueDate: string }[];
  /** Set when the recipient is asked as HR (items any HR member may tick). */
  asHr: boolean;
  openUrl: string;
}

export function onboardingReminder(d: OnboardingReminderData, lang: Lang): MailContent {
  const zh = lang === 'zh-CN';
  const count = d.items.length;
  return renderEmail(zh ? `【入职清单】${d.employeeName} — ${count} 项已逾期` : `[Onboarding] ${d.employeeName} — ${count} overdue item${count === 1 ? '' : 's'}`, {
    lang,
    heading: zh ? `${d.employeeName} 的入职清单有事项已逾期` : `${d.employeeName}’s onboarding checklist has overdue items`,
    greeting: zh ? `${d.recipientName}，您好：` : `Hello ${d.recipientName},`,
    paragraphs: [
      zh
        ? `${d.employeeName} 已于 ${formatDate(d.reportDate, lang)} 报到。以下${d.asHr ? '由人力资源部负责的' : '由您负责的'}入职事项已过期限，请尽快完成并在系统中勾选：`
        : `${d.employeeName} reported on ${formatDate(d.reportDate, lang)}. These onboarding items ${d.asHr ? 'for HR' : 'of yours'} are past their due date; please see to them and tick them in the console:`,
    ],
    rows: d.items.map((i) => [i.label, zh ? `应于 ${formatDate(i.dueDate, lang)} 完成` : `due ${formatDate(i.dueDate, lang)}`] as const),
    buttons: [{ label: zh ? '查看入职清单' : 'Open the checklist', url: d.openUrl, kind: 'primary' }],
  });
}
