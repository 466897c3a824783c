/**
 * Leaving's error codes (resignation and offboarding, POLICIES.md §9) with their words (zh-CN
 * first) and HTTP statuses; errors.ts, http/messages.ts and http/problem.ts merge them.
 */
export const OFFBOARDING_MESSAGES = {
  'RESIGNATION.NOT_FOUND': { 'zh-CN': '辞职申请不存在', en: 'Resignation not found' },
  'RESIGNATION.FOR_OTHERS_HR_ONLY': { 'zh-CN': '只能为自己提交辞职申请；人力资源部可代为提交', en: 'You can resign only for yourself; HR may submit one on an employee’s behalf' },
  'RESIGNATION.EMPLOYEE_NOT_FOUND': { 'zh-CN': '员工不存在', en: 'Employee not found' },
  'RESIGNATION.EMPLOYEE_LEFT': { 'zh-CN': '该员工已离职', en: 'The employee has left' },
  'RESIGNATION.ALREADY_OPEN': { 'zh-CN': '该员工已有进行中的辞职申请或离职办理', en: 'The employee already has a resignation or an offboarding in progress' },
  'RESIGNATION.LAST_DAY_PAST': { 'zh-CN': '最后工作日不能早于今天（{today}）', en: 'The last day cannot be before today ({today})' },
  'RESIGNATION.LAST_DAY_TOO_FAR': { 'zh-CN': '最后工作日不能晚于 {max}', en: 'The last day cannot be after {max}' },
  'OFFBOARDING.NOT_FOUND': { 'zh-CN': '离职办理记录不存在', en: 'Offboarding not found' },
  'OFFBOARDING.ITEM_NOT_FOUND': { 'zh-CN': '没有这一项', en: 'No such item' },
  'OFFBOARDING.NOT_OPEN': { 'zh-CN': '离职办理已结束', en: 'The offboarding is closed' },
  'OFFBOARDING.NOT_YOUR_ITEM': { 'zh-CN': '此交接事项应由{receiver}签收', en: 'This handover item is for {receiver} to sign' },
  'OFFBOARDING.ALREADY_RECEIVED': { 'zh-CN': '此事项已签收', en: 'This item is already signed for' },
  'OFFBOARDING.MANAGERS_ONLY': { 'zh-CN': '只有人力资源部或离职员工的上级可以办理此项', en: 'Only HR or a manager over the leaver may do this' },
  'OFFBOARDING.HR_ONLY': { 'zh-CN': '只有人力资源部可以办理此项', en: 'Only HR may do this' },
  'OFFBOARDING.RETURNED_WITH_AMOUNT': { 'zh-CN': '已归还的物品不应记赔偿金额', en: 'A returned item owes no amount' },
  'OFFBOARDING.RECEIVER_UNKNOWN': { 'zh-CN': '接收人须为在职员工，且不能是离职员工本人', en: 'The receiver must be a current employee other than the leaver' },
  'OFFBOARDING.EXIT_REASON_UNKNOWN': { 'zh-CN': '离职原因类别不在离职政策中', en: 'The reason category is not in the offboarding policy' },
  'OFFBOARDING.LAST_DAY_NOT_PASSED': { 'zh-CN': '最后工作日尚未过去', en: 'The last day has not passed yet' },
  'OFFBOARDING.HANDOVER_UNSIGNED': { 'zh-CN': '还有交接事项未签收', en: 'Some handover items are not signed for' },
  'OFFBOARDING.INVENTORY_UNCHECKED': { 'zh-CN': '还有物品未盘点', en: 'Some inventory items are not checked' },
  'OFFBOARDING.EXIT_FORM_INCOMPLETE': { 'zh-CN': '员工离职表未填写完整（离职原因类别、是否可再录用）', en: 'The exit form is incomplete (reason category, rehire eligibility)' },
  'OFFBOARDING.ALREADY_LEFT': { 'zh-CN': '最后工作日已过，不能再撤销', en: 'The last day has passed; it can no longer be cancelled' },
  'OFFBOARDING.REPORT_ITEM_FIXED': { 'zh-CN': '下属交接项由新上级签收（即调整汇报关系）', en: 'A report is signed for by their new superior (which moves them)' },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type OffboardingErrorCode = keyof typeof OFFBOARDING_MESSAGES;

export const OFFBOARDING_STATUS: Record<OffboardingErrorCode, 400 | 403 | 404 | 409 | 422> = {
  'RESIGNATION.NOT_FOUND': 404,
  'RESIGNATION.FOR_OTHERS_HR_ONLY': 403,
  'RESIGNATION.EMPLOYEE_NOT_FOUND': 400,
  'RESIGNATION.EMPLOYEE_LEFT': 409,
  'RESIGNATION.ALREADY_OPEN': 409,
  'RESIGNATION.LAST_DAY_PAST': 400,
  'RESIGNATION.LAST_DAY_TOO_FAR': 400,
  'OFFBOARDING.NOT_FOUND': 404,
  'OFFBOARDING.ITEM_NOT_FOUND': 404,
  'OFFBOARDING.NOT_OPEN': 409,
  'OFFBOARDING.NOT_YOUR_ITEM': 403,
  'OFFBOARDING.ALREADY_RECEIVED': 409,
  'OFFBOARDING.MANAGERS_ONLY': 403,
  'OFFBOARDING.HR_ONLY': 403,
  'OFFBOARDING.RETURNED_WITH_AMOUNT': 400,
  'OFFBOARDING.RECEIVER_UNKNOWN': 422,
  'OFFBOARDING.EXIT_REASON_UNKNOWN': 422,
  'OFFBOARDING.LAST_DAY_NOT_PASSED': 409,
  'OFFBOARDING.HANDOVER_UNSIGNED': 409,
  'OFFBOARDING.INVENTORY_UNCHECKED': 409,
  'OFFBOARDING.EXIT_FORM_INCOMPLETE': 409,
  'OFFBOARDING.ALREADY_LEFT': 409,
  'OFFBOARDING.REPORT_ITEM_FIXED': 409,
};
