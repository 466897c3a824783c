/**
 * Discipline's error codes (POLICIES.md §4, #16) with their words (zh-CN first) and HTTP
 * statuses; errors.ts, http/messages.ts and http/problem.ts merge them.
 */
export const DISCIPLINE_MESSAGES = {
  'DISCIPLINE.NOT_FOUND': { 'zh-CN': '处罚记录不存在', en: 'Disciplinary action not found' },
  'DISCIPLINE.EMPLOYEE_NOT_FOUND': { 'zh-CN': '员工不存在或不在您的管理范围内', en: 'Employee not found, or not in your part of the organisation' },
  'DISCIPLINE.SELF': { 'zh-CN': '不能对自己发起处罚', en: 'You cannot record an action against yourself' },
  'DISCIPLINE.EMPLOYEE_LEFT': { 'zh-CN': '该员工已离职', en: 'The employee has left' },
  'DISCIPLINE.TEAM_LEAD_OR_ABOVE': { 'zh-CN': '只有组长及以上人员可以对下属发起处罚', en: 'Only a team lead or above may record an action, for people under them' },
  'DISCIPLINE.VIOLATION_UNKNOWN': { 'zh-CN': '违纪条款不在当前制度中', en: 'The violation is not in the current catalogue' },
  'DISCIPLINE.OCCURRED_IN_FUTURE': { 'zh-CN': '违纪时间不能晚于现在', en: 'The violation cannot be in the future' },
  'DISCIPLINE.OCCURRED_TOO_LONG_AGO': { 'zh-CN': '违纪时间早于计算期（{months}个月），不能再处理', en: 'The violation is older than the counting window ({months} months)' },
  'DISCIPLINE.NOT_THE_EMPLOYEE': { 'zh-CN': '只有被处罚员工本人可以进行此操作', en: 'Only the employee the notice is about may do this' },
  'DISCIPLINE.NOT_PENDING_SIGNATURE': { 'zh-CN': '处罚单已不在待签收状态', en: 'The notice is no longer waiting for a signature' },
  'DISCIPLINE.ALREADY_REFUSED': { 'zh-CN': '员工已拒签，等待见证人签字', en: 'The employee has refused; witnesses are to sign' },
  'DISCIPLINE.NOT_REFUSED': { 'zh-CN': '员工未拒签，无需见证人', en: 'The employee has not refused; no witnesses are needed' },
  'DISCIPLINE.SIGNATURE_INVALID': { 'zh-CN': '签名须为手写签名图片（PNG 或 JPEG，不超过 {maxKb} KB）', en: 'The signature must be a handwritten image (PNG or JPEG, at most {maxKb} KB)' },
  'DISCIPLINE.WITNESS_INVALID': { 'zh-CN': '见证人须为在职员工，且不能是被处罚员工或发起人', en: 'A witness must be a current employee other than the employee and the issuer' },
  'DISCIPLINE.WITNESS_COUNT': { 'zh-CN': '须指定 {count} 名不同的见证人', en: 'Name {count} different witnesses' },
  'DISCIPLINE.NOT_A_WITNESS': { 'zh-CN': '您不是此处罚单指定的见证人', en: 'You are not a witness named on this notice' },
  'DISCIPLINE.ALREADY_SIGNED': { 'zh-CN': '您已签过字', en: 'You have already signed' },
  'DISCIPLINE.APPEAL_WINDOW_CLOSED': { 'zh-CN': '申诉期已过（截至 {until}）', en: 'The appeal window has closed ({until})' },
  'DISCIPLINE.NOT_APPEALABLE': { 'zh-CN': '处罚单尚未送达或已不在申诉期', en: 'The notice is not served yet, or no longer open to appeal' },
  'DISCIPLINE.APPEAL_BY_ISSUER': { 'zh-CN': '申诉不能由处罚发起人本人处理', en: 'The issuer cannot answer an appeal against their own action' },
  'DISCIPLINE.ISSUER_ONLY': { 'zh-CN': '只有发起人或其上级、人力资源部可以指定见证人', en: 'Only the issuer, a manager over the employee or HR may name witnesses' },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type DisciplineErrorCode = keyof typeof DISCIPLINE_MESSAGES;

export const DISCIPLINE_STATUS: Record<DisciplineErrorCode, 400 | 403 | 404 | 409 | 422> = {
  'DISCIPLINE.NOT_FOUND': 404,
  'DISCIPLINE.EMPLOYEE_NOT_FOUND': 422,
  'DISCIPLINE.SELF': 422,
  'DISCIPLINE.EMPLOYEE_LEFT': 409,
  'DISCIPLINE.TEAM_LEAD_OR_ABOVE': 403,
  'DISCIPLINE.VIOLATION_UNKNOWN': 422,
  'DISCIPLINE.OCCURRED_IN_FUTURE': 422,
  'DISCIPLINE.OCCURRED_TOO_LONG_AGO': 422,
  'DISCIPLINE.NOT_THE_EMPLOYEE': 403,
  'DISCIPLINE.NOT_PENDING_SIGNATURE': 409,
  'DISCIPLINE.ALREADY_REFUSED': 409,
  'DISCIPLINE.NOT_REFUSED': 409,
  'DISCIPLINE.SIGNATURE_INVALID': 400,
  'DISCIPLINE.WITNESS_INVALID': 422,
  'DISCIPLINE.WITNESS_COUNT': 422,
  'DISCIPLINE.NOT_A_WITNESS': 403,
  'DISCIPLINE.ALREADY_SIGNED': 409,
  'DISCIPLINE.APPEAL_WINDOW_CLOSED': 409,
  'DISCIPLINE.NOT_APPEALABLE': 409,
  'DISCIPLINE.APPEAL_BY_ISSUER': 403,
  'DISCIPLINE.ISSUER_ONLY': 403,
};
