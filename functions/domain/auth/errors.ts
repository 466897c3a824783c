/**
 * The accounts area's error codes with their words (zh-CN first): passwords, resets, disabling
 * (issue #13 item 4). Kept beside the rules like attachments/errors.ts; errors.ts and
 * http/messages.ts merge them. Statuses are the HTTP edge's (problem.ts).
 */
export const ACCOUNT_MESSAGES = {
  // password-policy.ts: in common-passwords.json, or a listed word with an ending or swapped letters.
  'USER.PASSWORD_COMMON': { 'zh-CN': '这是常见密码，很容易被猜中，请换一个', en: 'This is a common password that is easy to guess; choose another' },
  'USER.PASSWORD_SAME': { 'zh-CN': '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  // Counted as a failed sign-in (the same throttle as POST /auth/login).
  'USER.CURRENT_PASSWORD_WRONG': { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  'USER.DISABLE_SELF': { 'zh-CN': '不能停用自己的账号', en: 'You cannot disable your own account' },
  'USER.DISABLED': { 'zh-CN': '该账号已停用，请先启用', en: 'This account is disabled; enable it first' },
  // An account whose employee has left (离职) stays disabled until HR changes the record.
  'USER.EMPLOYEE_LEFT': { 'zh-CN': '该账号关联的员工已离职，不能启用', en: 'The account’s employee has left the company; it cannot be enabled' },
  'AUTH.RESET_LINK_INVALID': { 'zh-CN': '重置密码链接无效，请重新申请', en: 'This password reset link is not valid; ask for a new one' },
  'AUTH.RESET_LINK_EXPIRED': { 'zh-CN': '重置密码链接已过期，请重新申请', en: 'This password reset link has expired; ask for a new one' },
  'AUTH.RESET_LINK_USED': { 'zh-CN': '重置密码链接已使用或已失效（密码已在之后修改过），请重新申请', en: 'This password reset link was used already or superseded by a later change; ask for a new one' },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type AccountErrorCode = keyof typeof ACCOUNT_MESSAGES;
