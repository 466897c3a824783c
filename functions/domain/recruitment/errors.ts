/**
 * Recruitment's error codes (POLICIES.md §2) with their words (zh-CN first) and HTTP statuses,
 * kept together like the other areas'; errors.ts, http/messages.ts and http/problem.ts merge them.
 */
export const RECRUITMENT_MESSAGES = {
  'POLICY.CHAIN_ALWAYS_ONE': { 'zh-CN': '至少一个审批步骤须对任何人数都审批（不设最少人数）', en: 'At least one step must be asked whatever the headcount (no minimum)' },
  'REQUISITION.NOT_FOUND': { 'zh-CN': '人才增补单不存在', en: 'Requisition not found' },
  'REQUISITION.HEADCOUNT_RANGE': { 'zh-CN': '增补人数须在 1 到 {max} 之间（招聘制度）', en: 'The headcount must be 1 to {max} (recruitment policy)' },
  'REQUISITION.WANTED_BY_PAST': { 'zh-CN': '期望到岗日期不能早于今天（{today}）', en: 'The wanted-by date cannot be before today ({today})' },
  'REQUISITION.TEAM_NOT_FOUND': { 'zh-CN': '团队不存在', en: 'Team not found' },
  'REQUISITION.TEAM_OUT_OF_SCOPE': { 'zh-CN': '只能为自己管辖范围内的团队申请增补', en: 'You can ask for headcount only for a team in your own part of the organisation' },
  'REQUISITION.REQUESTER_NOT_EMPLOYEE': { 'zh-CN': '发起人须关联员工档案（审批链从发起人的上级开始）', en: 'The requester must have an employee record (the chain is found up from them)' },
  'OPENING.NOT_FOUND': { 'zh-CN': '招聘职位不存在', en: 'Opening not found' },
  'OPENING.TRANSITION': { 'zh-CN': '招聘职位当前为「{status}」，不能{action}', en: 'The opening is {status}: it cannot be {action}' },
  'OPENING.FULL': { 'zh-CN': '该职位的 {headcount} 个名额已招满', en: 'All {headcount} places of the opening are filled' },
  'OPENING.CLOSED': { 'zh-CN': '该招聘职位已{status}，不能再添加候选人或安排面试', en: 'The opening is {status}: no more candidates or interviews' },
  'CANDIDATE.NOT_FOUND': { 'zh-CN': '候选人不存在', en: 'Candidate not found' },
  'INTERVIEW.NOT_SCHEDULED': { 'zh-CN': '请先安排第 {round} 轮面试（时间、地点、面试官），再完成此步骤', en: 'Schedule round {round} (time, place, interviewers) before completing this step' },
  'INTERVIEW.NOT_WAITING': { 'zh-CN': '该候选人当前不在等待安排第 {round} 轮面试', en: 'The candidate’s process is not waiting for round {round} to be scheduled' },
  'CANDIDATE.CONTACT_REQUIRED': { 'zh-CN': '手机号和邮箱至少填写一项', en: 'Give a phone number or an email address' },
  'CANDIDATE.SOURCE_UNKNOWN': { 'zh-CN': '来源须为招聘制度中列出的渠道之一：{allowed}', en: 'The source must be one the recruitment policy lists: {allowed}' },
  'CANDIDATE.PHONE_FORMAT': { 'zh-CN': '手机号须为 1 开头的 11 位大陆手机号（可带 +86、空格或连字符）', en: 'A mainland mobile number: 11 digits starting with 1 (+86, spaces and dashes are fine)' },
  'CANDIDATE.EMAIL_FORMAT': { 'zh-CN': '邮箱格式不正确', en: 'Not an email address' },
  'CANDIDATE.NO_CV': { 'zh-CN': '该候选人没有简历', en: 'This candidate has no CV' },
  'CANDIDATE.CONTACT_BUSY': { 'zh-CN': '有人正在同时添加相同手机号或邮箱的候选人，请稍后重试', en: 'Someone is adding a candidate with the same phone or email right now; try again in a moment' },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type RecruitmentErrorCode = keyof typeof RECRUITMENT_MESSAGES;

export const RECRUITMENT_STATUS: Record<RecruitmentErrorCode, 400 | 403 | 404 | 409 | 422> = {
  'POLICY.CHAIN_ALWAYS_ONE': 422,
  'REQUISITION.NOT_FOUND': 404,
  'REQUISITION.HEADCOUNT_RANGE': 400,
  'REQUISITION.WANTED_BY_PAST': 400,
  'REQUISITION.TEAM_NOT_FOUND': 400,
  'REQUISITION.TEAM_OUT_OF_SCOPE': 403,
  'REQUISITION.REQUESTER_NOT_EMPLOYEE': 403,
  'OPENING.NOT_FOUND': 404,
  'OPENING.TRANSITION': 409,
  'OPENING.FULL': 409,
  'OPENING.CLOSED': 409,
  'CANDIDATE.NOT_FOUND': 404,
  'INTERVIEW.NOT_SCHEDULED': 422,
  'INTERVIEW.NOT_WAITING': 409,
  'CANDIDATE.CONTACT_REQUIRED': 400,
  'CANDIDATE.SOURCE_UNKNOWN': 400,
  'CANDIDATE.PHONE_FORMAT': 400,
  'CANDIDATE.EMAIL_FORMAT': 400,
  'CANDIDATE.NO_CV': 404,
  'CANDIDATE.CONTACT_BUSY': 409,
};
