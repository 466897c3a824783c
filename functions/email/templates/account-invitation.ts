/**
 * 欢迎入职: a new hire's invitation to the system — a single-use link to set their password —
 * sent when HR records that they reported (报到). The link expires; HR can send a new one with
 * an administrator's password reset.
 */
import { formatDateTime, renderEmail, type Lang, type MailContent } from '../render.js';

export interface AccountInvitationData {
  recipientName: string;
  /** The sign-in name (their email). */
  email: string;
  setPasswordUrl: string;
  expiresAt: string;
}

export function accountInvitation(d: AccountInvitationData, lang: Lang): MailContent {
  const zh = lang === 'zh-CN';
  return renderEmail(zh ? '【欢迎入职】请设置您的登录密码' : '[Welcome] Set your password', {
    lang,
    heading: zh ? '欢迎加入客服部' : 'Welcome to the team',
    greeting: zh ? `${d.recipientName}，您好：` : `Hello ${d.recipientName},`,
    paragraphs: [
      zh ? '您已完成报到，我们为您开通了客服部管理系统的账号。入职清单、转正考核和审批都在这里办理。' : 'You have reported, and we have opened your account in the department’s system: your onboarding checklist, your probation review and approvals are there.',
      zh ? '请点击下方按钮设置登录密码，之后用您的邮箱登录。' : 'Use the button below to set your password, then sign in with your email address.',
    ],
    rows: [
      [zh ? '登录账号' : 'Sign-in name', d.email],
      [zh ? '链接有效期至' : 'The link works until', formatDateTime(d.expiresAt, lang)],
    ],
    buttons: [{ label: zh ? '设置登录密码' : 'Set your password', url: d.setPasswordUrl, kind: 'primary' }],
    notes: [zh ? '此链接只能使用一次。链接过期后，请联系人力资源部重新发送。' : 'The link works once. If it has expired, ask HR to send a new one.'],
  });
}
