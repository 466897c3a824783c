/**
 * 重置密码: a link to set a new password, sent when an administrator resets the account's
 * password or when its owner asked from the sign-in page (忘记密码). The link works once and
 * expires; it is all the mail carries, so it says what to do if the reader did not ask.
 */
import { formatDateTime, renderEmail, type Lang, type MailContent } from '../render.js';

export interface PasswordResetData {
  recipientName: string;
  /** The administrator who reset it; absent when the owner asked from the sign-in page. */
  byName?: string;
  resetUrl: string;
  expiresAt: string;
}

export function passwordReset(d: PasswordResetData, lang: Lang): MailContent {
  const zh = lang === 'zh-CN';
  const why = d.byName
    ? zh ? `系统管理员 ${d.byName} 为您的账号发起了密码重置。` : `${d.byName}, an administrator, reset the password of your account.`
    : zh ? '我们收到了为您的账号重置密码的申请（登录页的“忘记密码”）。' : 'Someone asked to reset the password of your account (“Forgot password” on the sign-in page).';
  return renderEmail(zh ? '【重置密码】请设置新密码' : '[Password reset] Set a new password', {
    lang,
    heading: zh ? '设置新密码' : 'Set a new password',
    greeting: zh ? `${d.recipientName}，您好：` : `Hello ${d.recipientName},`,
    paragraphs: [
      why,
      zh ? '请点击下方按钮设置新密码。设置后，您在其他设备上的登录将全部退出。' : 'Use the button below to set a new password. Once it is set, you are signed out everywhere else.',
    ],
    rows: [[zh ? '链接有效期至' : 'The link works until', formatDateTime(d.expiresAt, lang)]],
    buttons: [{ label: zh ? '设置新密码' : 'Set a new password', url: d.resetUrl, kind: 'primary' }],
    notes: [
      zh ? '此链接只能使用一次。如果您没有申请重置密码，请忽略此邮件，您的密码不会改变。' : 'The link works once. If you did not ask for this, ignore this mail: your password stays as it is.',
    ],
  });
}
