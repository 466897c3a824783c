/**
 * The words the API says to people, zh-CN first. One entry per domain error code; `{x}`
 * placeholders are filled from the error's params.
 */
import type { DomainErrorCode } from '../domain/errors.js';
import { ATTACHMENT_MESSAGES } from '../domain/attachments/errors.js';
import { WEBHOOK_MESSAGES } from '../domain/webhooks/errors.js';
import { ACCOUNT_MESSAGES } from '../domain/auth/errors.js';
import { RECRUITMENT_MESSAGES } from '../domain/recruitment/errors.js';
import { ONBOARDING_MESSAGES } from '../domain/recruitment/onboarding-errors.js';
import { OFFBOARDING_MESSAGES } from '../domain/offboarding/errors.js';
import { DISCIPLINE_MESSAGES } from '../domain/discipline/errors.js';
import { formatDateTime } from '../email/render.js';
import { formatDate } from '../email/values.js';

export type Language = 'zh-CN' | 'en';

/** The areas that keep their words beside their codes (domain/<area>/errors.ts). */
const AREAS = { ...ATTACHMENT_MESSAGES, ...ACCOUNT_MESSAGES, ...WEBHOOK_MESSAGES, ...RECRUITMENT_MESSAGES, ...ONBOARDING_MESSAGES, ...OFFBOARDING_MESSAGES, ...DISCIPLINE_MESSAGES };

type Catalog = Record<DomainErrorCode | 'REQUEST.INVALID' | 'REQUEST.MALFORMED_JSON' | 'REQUEST.TOO_LARGE' | 'REQUEST.UNSUPPORTED_MEDIA_TYPE' | 'REQUEST.INVALID_CURSOR' | 'REQUEST.NOT_FOUND' | 'SERVER.UNAVAILABLE' | 'SERVER.ERROR', string>;

const zhCN: Catalog = {
  ...areaMessages('zh-CN'),
  'EMPLOYEE.NOT_FOUND': '员工不存在或不在您的管理范围内',
  'EMPLOYEE.NUMBER_TAKEN': '员工编号 {employeeNo} 已被使用',
  'EMPLOYEE.EMAIL_TAKEN': '邮箱 {email} 已被其他员工或账号使用，每人的邮箱须不同',
  'EMPLOYEE.SUPERIOR_NOT_FOUND': '直属上级不存在',
  'EMPLOYEE.SUPERIOR_CYCLE': '不能把 {superior} 设为直属上级：他/她是该员工的下属，汇报关系会形成循环',
  'EMPLOYEE.SUPERIOR_OTHER_DEPARTMENT': '直属上级 {superior} 属于其他部门',
  'EMPLOYEE.SUPERIOR_REQUIRED': '除总经理外，每位员工都必须有直属上级',
  'EMPLOYEE.TEAM_NOT_FOUND': '所属团队不存在',
  'EMPLOYEE.PROBATION_LENGTH': '试用期须为 {min}–{max} 个月（制度 §3）',
  'EMPLOYEE.HIRE_DATE_RANGE': '入职日期须在 {from} 至 {to} 之间（制度：最早 {pastYears} 年前，最晚 {futureDays} 天后）',
  'EMPLOYEE.PROBATION_BEFORE_HIRE': '试用期截止日期必须晚于入职日期',
  'EMPLOYEE.SUBTREE_TOO_LARGE': '该员工下属超过 {max} 人，无法一次调整汇报关系',
  'EMPLOYEE.NOT_YOURS_TO_ARRANGE': '您只能调整向您汇报的人员（不含您本人）',
  'EMPLOYEE.FIELD_HR_ONLY': '{fields}由人力资源部修改（您可调整：{editable}）',
  'EMPLOYEE.CREATE_HR_ONLY': '新员工入职由人力资源部办理',
  'ORG_UNIT.NOT_FOUND': '组织单元不存在',
  'ORG_UNIT.PARENT_NOT_FOUND': '上级组织单元不存在',
  'USER.NOT_FOUND': '用户不存在',
  'USER.EMAIL_TAKEN': '邮箱 {email} 已被其他账号或员工使用',
  'USER.EMPLOYEE_NOT_FOUND': '关联的员工不存在',
  'USER.EMPLOYEE_LINKED': '该员工已关联其他账号',
  'USER.PASSWORD_WEAK': '密码至少 10 位，并包含大写字母、小写字母、数字或符号中的两类',
  'USER.DELEGATE_SELF': '不能把自己设为代理人',
  'USER.DELEGATE_UNAVAILABLE': '代理人须为在职且账号启用的用户',
  'USER.DELEGATION_RANGE': '结束日期不能早于开始日期，且代理期最长 {maxDays} 天',
  'API_KEY.NOT_FOUND': 'API 密钥不存在',
  'POLICY.NOT_FOUND': '制度不存在',
  'APPROVAL.NOT_FOUND': '审批任务不存在或不属于您',
  'APPROVAL.ALREADY_DECIDED': '此审批已由 {decidedBy} 于 {decidedAt} 处理',
  'APPROVAL.TRANSFERRED': '此审批已转交他人处理',
  'APPROVAL.NOT_YOURS': '此审批任务不属于您',
  'APPROVAL.COMMENT_REQUIRED': '驳回或退回时必须填写意见',
  'APPROVAL.INVALID_RETURN': '只能退回到之前已处理过的环节（可选：{allowed}）',
  'APPROVAL.INVALID_TRANSFER': '不能转交给该用户：{reason}',
  'APPROVAL.INVALID_ADD': '不能加签该用户：{reason}',
  'APPROVAL.WAITING': '请等待 {names} 先审批，之后会再通知您',
  'APPROVAL.READ_ONLY': '抄送仅供知悉，不能审批',
  'APPROVAL.VERB_NOT_ALLOWED': '此环节不能{verb}',
  'APPROVAL.FIELDS_INVALID': '审批内容有误：{fields}',
  'APPROVAL.SIGNED_IN_ONLY': '此环节须登录系统后处理，不能通过邮件链接决定：{url}',
  'APPROVAL.NOT_PARTICIPANT': '只有发起人或参与审批的人可以抄送',
  'REQUEST.UNKNOWN_KIND': '未知的申请类型',
  'REQUEST.CROSS_ORIGIN': '拒绝来自其他网页（{origin}）的修改请求：请在控制台中操作',
  'REQUEST.CONSOLE_HEADER_REQUIRED': '使用登录 Cookie 的修改请求须为 JSON 或带 {header} 请求头（防止跨站请求伪造）',
  'REQUEST.DATE_RANGE': '结束日期不能早于开始日期',
  'COMMENT.EMPTY': '评论不能为空',
  'COMMENT.TOO_LONG': '评论最多 {max} 字',
  'COMMENT.MENTION_UNKNOWN': '被提及的人不存在或账号已停用',
  'WORKFLOW.REQUEST_NOT_FOUND': '申请不存在或不在您的范围内',
  'WORKFLOW.NOT_REQUESTER': '只有申请发起人可以撤回（系统自动发起的申请由人力资源撤回）',
  'WORKFLOW.REQUEST_CLOSED': '申请已结束（{status}），不能再操作',
  'WORKFLOW.REQUEST_CHANGED': '申请刚刚被他人处理，请刷新后再试',
  'APPROVAL.REMIND_TOO_SOON': '已于 {lastAt} 催办过，{hours} 小时内只能催办一次',
  'APPROVAL.REMIND_NOT_ALLOWED': '只有发起人（系统发起的申请为人力资源）或审批人的上级可以催办',
  'POLICY.REQUIRED': '必填',
  'POLICY.ONE_OF': '须为以下之一：{allowed}',
  'POLICY.NUMBER_RANGE': '须为 {min}–{max} 之间的数，最多 {decimals} 位小数',
  'POLICY.INTEGER_RANGE': '须为 {min}–{max} 之间的整数',
  'POLICY.WEIGHTS_SUM': '三项权重之和须为 100（现为 {sum}）',
  'POLICY.MONTHS_ORDER': '须满足 最短 ≤ 默认 ≤ 最长（{min}–{max} 个月）',
  'POLICY.BANDS_ORDER': '分数段须从高到低，须低于上一段 {previous}',
  'POLICY.BANDS_LAST_ZERO': '最后一段须从 0 分起',
  'POLICY.DUPLICATE_KEY': '步骤标识 {key} 重复',
  'POLICY.DUPLICATE_VALUE': '{value} 重复列出',
  'POLICY.KEY_FORMAT': '步骤标识须为小写字母开头的字母、数字或下划线',
  'POLICY.CHAIN_SCORES_FIRST': '仅第一步记录评分',
  'POLICY.CHAIN_OUTCOME_LAST': '仅最后一步记录结果',
  'PROBATION.NOT_ON_PROBATION': '该员工不在试用期',
  'PROBATION.TOO_EARLY': '入职满 {minMonths} 个月方可提前转正（现 {months} 个月，制度 §3）',
  'PROBATION.REVIEW_OPEN': '已有进行中的转正评审',
  'PROBATION.OUTSIDE_WINDOW': '须在 {opensOn} 至 {endsOn} 之间发起',
  'PROBATION.SCORE_RANGE': '分数须为 {min}–{max}，最多 {decimals} 位小数',
  'PROBATION.EXTENSION_LENGTH': '延期须为至少 {min} 个整月',
  'PROBATION.EXTENSION_CAP': '延期后试用期总长不得超过 {maxMonths} 个月（制度 §3）',
  'RECORD.VERSION_CONFLICT': '记录已被他人修改（您编辑的是第 {version} 版），请刷新后重试',
  'IDEMPOTENCY.KEY_REUSED': '该 Idempotency-Key 已用于另一个不同的请求',
  'IDEMPOTENCY.KEY_FORMAT': 'Idempotency-Key 须为 8–128 个字符',
  'CLOCK.INVALID_ADVANCE': '时钟只能向前拨，时长须为 ISO-8601 格式（如 P10D、PT2H），不含年、月',
  'AUTH.INVALID_CREDENTIALS': '邮箱或密码不正确',
  'AUTH.UNAUTHENTICATED': '请先登录',
  'AUTH.FORBIDDEN': '您没有执行此操作的权限',
  'AUTH.OUT_OF_SCOPE': '该记录不在您的管理范围内',
  'AUTH.RATE_LIMITED': '尝试次数过多，请 {retryAfter} 秒后再试',
  'REQUEST.INVALID': '请求内容有误',
  'REQUEST.MALFORMED_JSON': '请求体不是有效的 JSON',
  'REQUEST.TOO_LARGE': '请求体过大（上限 {limit} 字节）',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': '请求体必须是 application/json',
  'REQUEST.INVALID_CURSOR': '分页游标无效或与当前查询不匹配',
  'REQUEST.NOT_FOUND': '接口不存在',
  'SERVER.UNAVAILABLE': '服务暂时不可用，请稍后重试',
  'SERVER.ERROR': '服务器内部错误，请稍后重试',
};

const en: Catalog = {
  ...areaMessages('en'),
  'EMPLOYEE.NOT_FOUND': 'Employee not found or outside your scope',
  'EMPLOYEE.NUMBER_TAKEN': 'Employee number {employeeNo} is already in use',
  'EMPLOYEE.EMAIL_TAKEN': 'The email {email} is already used by another employee or account; each person needs their own',
  'EMPLOYEE.SUPERIOR_NOT_FOUND': 'The superior does not exist',
  'EMPLOYEE.SUPERIOR_CYCLE': '{superior} reports to this employee: the reporting line would form a cycle',
  'EMPLOYEE.SUPERIOR_OTHER_DEPARTMENT': 'The superior {superior} is in another department',
  'EMPLOYEE.SUPERIOR_REQUIRED': 'Everyone except the GM must have a direct superior',
  'EMPLOYEE.TEAM_NOT_FOUND': 'The team does not exist',
  'EMPLOYEE.PROBATION_LENGTH': 'Probation must last {min}–{max} months (policy §3)',
  'EMPLOYEE.HIRE_DATE_RANGE': 'The hire date must be between {from} and {to} (policy: at most {pastYears} years ago, {futureDays} days ahead)',
  'EMPLOYEE.PROBATION_BEFORE_HIRE': 'The probation end date must be after the hire date',
  'EMPLOYEE.SUBTREE_TOO_LARGE': 'More than {max} people report to this employee; the move cannot be made in one step',
  'EMPLOYEE.NOT_YOURS_TO_ARRANGE': 'You can arrange only the people who report to you (not yourself)',
  'EMPLOYEE.FIELD_HR_ONLY': 'HR changes this: {fields} (you may change: {editable})',
  'EMPLOYEE.CREATE_HR_ONLY': 'HR adds new employees',
  'ORG_UNIT.NOT_FOUND': 'Organisation unit not found',
  'ORG_UNIT.PARENT_NOT_FOUND': 'The parent organisation unit does not exist',
  'USER.NOT_FOUND': 'User not found',
  'USER.EMAIL_TAKEN': 'The email {email} is already used by another account or employee',
  'USER.EMPLOYEE_NOT_FOUND': 'The linked employee does not exist',
  'USER.EMPLOYEE_LINKED': 'The employee is already linked to another account',
  'USER.PASSWORD_WEAK': 'Passwords need at least 10 characters of two kinds (lower-case, upper-case, digits, symbols)',
  'USER.DELEGATE_SELF': 'You cannot be your own delegate',
  'USER.DELEGATE_UNAVAILABLE': 'The delegate must be a current employee with an active account',
  'USER.DELEGATION_RANGE': 'The end date cannot be before the start date, and a delegation lasts at most {maxDays} days',
  'API_KEY.NOT_FOUND': 'API key not found',
  'POLICY.NOT_FOUND': 'Policy not found',
  'APPROVAL.NOT_FOUND': 'Approval task not found or not yours',
  'APPROVAL.ALREADY_DECIDED': 'Already decided by {decidedBy} at {decidedAt}',
  'APPROVAL.TRANSFERRED': 'This approval was transferred to someone else',
  'APPROVAL.NOT_YOURS': 'This approval task is not yours',
  'APPROVAL.COMMENT_REQUIRED': 'A rejection or a return needs a comment',
  'APPROVAL.INVALID_RETURN': 'You can only return to an earlier step (one of: {allowed})',
  'APPROVAL.INVALID_TRANSFER': 'Cannot transfer to this user: {reason}',
  'APPROVAL.INVALID_ADD': 'Cannot add this approver: {reason}',
  'APPROVAL.WAITING': 'Waiting for {names} to decide first; you will be notified',
  'APPROVAL.READ_ONLY': 'A CC notice is for information only and cannot be decided',
  'APPROVAL.VERB_NOT_ALLOWED': 'This step does not allow {verb}',
  'APPROVAL.FIELDS_INVALID': 'The decision’s fields are invalid: {fields}',
  'APPROVAL.SIGNED_IN_ONLY': 'This step is decided only when signed in to the console, not from an emailed link: {url}',
  'APPROVAL.NOT_PARTICIPANT': 'Only the requester or someone taking part in the approval can CC others',
  'REQUEST.UNKNOWN_KIND': 'Unknown request kind',
  'REQUEST.CROSS_ORIGIN': 'A change requested by another page ({origin}) is refused: use the console',
  'REQUEST.CONSOLE_HEADER_REQUIRED': 'A change authenticated by the session cookie must be JSON or carry the {header} header (request forgery protection)',
  'REQUEST.DATE_RANGE': 'The end date cannot be before the start date',
  'COMMENT.EMPTY': 'A comment cannot be empty',
  'COMMENT.TOO_LONG': 'A comment has at most {max} characters',
  'COMMENT.MENTION_UNKNOWN': 'The person mentioned does not exist or their account is disabled',
  'WORKFLOW.REQUEST_NOT_FOUND': 'Request not found or outside your scope',
  'WORKFLOW.NOT_REQUESTER': 'Only the requester can withdraw (HR, for a request the system started)',
  'WORKFLOW.REQUEST_CLOSED': 'The request has ended ({status})',
  'WORKFLOW.REQUEST_CHANGED': 'Someone acted on this request just now; reload and try again',
  'APPROVAL.REMIND_TOO_SOON': 'Already reminded at {lastAt}; one reminder per {hours} hours',
  'APPROVAL.REMIND_NOT_ALLOWED': 'Only the requester (HR, for a request the system started) or someone above the approver can remind',
  'POLICY.REQUIRED': 'Required',
  'POLICY.ONE_OF': 'Must be one of: {allowed}',
  'POLICY.NUMBER_RANGE': 'A number from {min} to {max}, at most {decimals} decimal',
  'POLICY.INTEGER_RANGE': 'A whole number from {min} to {max}',
  'POLICY.WEIGHTS_SUM': 'The weights must add up to 100 (now {sum})',
  'POLICY.MONTHS_ORDER': 'Shortest ≤ default ≤ longest ({min}–{max} months)',
  'POLICY.BANDS_ORDER': 'Bands go highest first: must be below {previous}',
  'POLICY.BANDS_LAST_ZERO': 'The last band must start at 0',
  'POLICY.DUPLICATE_KEY': 'Step key {key} is used twice',
  'POLICY.DUPLICATE_VALUE': '{value} is listed twice',
  'POLICY.KEY_FORMAT': 'Lowercase letters, digits, _; starting with a letter',
  'POLICY.CHAIN_SCORES_FIRST': 'Only the first step records the scores',
  'POLICY.CHAIN_OUTCOME_LAST': 'Only the last step records the outcome',
  'PROBATION.NOT_ON_PROBATION': 'This employee is not on probation',
  'PROBATION.TOO_EARLY': 'Early conversion needs {minMonths} month(s) of service (now {months}; policy §3)',
  'PROBATION.REVIEW_OPEN': 'A probation review is already open',
  'PROBATION.OUTSIDE_WINDOW': 'Can be started from {opensOn} to {endsOn}',
  'PROBATION.SCORE_RANGE': 'Scores are {min}–{max}, at most {decimals} decimal',
  'PROBATION.EXTENSION_LENGTH': 'An extension is at least {min} whole month(s)',
  'PROBATION.EXTENSION_CAP': 'Probation may not exceed {maxMonths} months in total (policy §3)',
  'RECORD.VERSION_CONFLICT': 'Someone else changed this record (you edited version {version}); reload and try again',
  'IDEMPOTENCY.KEY_REUSED': 'This Idempotency-Key was used for a different request',
  'IDEMPOTENCY.KEY_FORMAT': 'Idempotency-Key must be 8–128 characters',
  'CLOCK.INVALID_ADVANCE': 'The clock only moves forward, by an ISO-8601 duration such as P10D or PT2H (no years or months)',
  'AUTH.INVALID_CREDENTIALS': 'Wrong email or password',
  'AUTH.UNAUTHENTICATED': 'Please sign in',
  'AUTH.FORBIDDEN': 'You are not allowed to do this',
  'AUTH.OUT_OF_SCOPE': 'This record is outside your scope',
  'AUTH.RATE_LIMITED': 'Too many attempts; try again in {retryAfter} seconds',
  'REQUEST.INVALID': 'The request is invalid',
  'REQUEST.MALFORMED_JSON': 'The request body is not valid JSON',
  'REQUEST.TOO_LARGE': 'The request body is too large (limit {limit} bytes)',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 'The request body must be application/json',
  'REQUEST.INVALID_CURSOR': 'The cursor is invalid or belongs to another query',
  'REQUEST.NOT_FOUND': 'No such endpoint',
  'SERVER.UNAVAILABLE': 'The service is temporarily unavailable; try again shortly',
  'SERVER.ERROR': 'Internal server error; try again shortly',
};

export type MessageCode = keyof Catalog;

/** The areas that keep their words beside their codes (domain/<area>/errors.ts), in one language. */
function areaMessages(lang: Language): Record<keyof typeof AREAS, string> {
  return Object.fromEntries(Object.entries(AREAS).map(([code, words]) => [code, words[lang]])) as Record<keyof typeof AREAS, string>;
}

export const CATALOGS: Record<Language, Catalog> = { 'zh-CN': zhCN, en };

/** How a message names an employee field, for params that list fields (`{fields}`, `{editable}`). */
const FIELD_NAMES: Record<Language, Record<string, string>> = {
  'zh-CN': {
    employeeNo: '工号', name: '姓名', email: '邮箱', phone: '电话', post: '岗位', level: '职级', status: '状态',
    superiorId: '直属上级', teamId: '团队', hireDate: '入职日期', probationEndDate: '试用期截止',
  },
  en: {
    employeeNo: 'employee no.', name: 'name', email: 'email', phone: 'phone', post: 'post', level: 'level', status: 'status',
    superiorId: 'direct superior', teamId: 'team', hireDate: 'hire date', probationEndDate: 'probation end date',
  },
};
const FIELD_LIST_PARAMS = new Set(['fields', 'editable']);

/** A field by its name in the reader's language (employee fields; null for one without a name here). */
export function fieldName(lang: Language, key: string): string | null {
  return FIELD_NAMES[lang][key] ?? null;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function message(lang: Language, code: MessageCode, params: Record<string, string | number> = {}): string {
  return CATALOGS[lang][code].replace(/\{(\w+)\}/g, (_, k: string) => {
    const value = params[k];
    if (value === undefined) return `{${k}}`;
    // A stored time or date inside a sentence is read in the company's zone and the reader's words.
    if (typeof value === 'string' && ISO_TIME.test(value)) return formatDateTime(value, lang);
    if (typeof value === 'string' && ISO_DATE.test(value)) return formatDate(value, lang);
    if (!FIELD_LIST_PARAMS.has(k) || typeof value !== 'string') return String(value);
    // Domain code lists fields by their API names ("level, status"); people read them in their language.
    return value
      .split(',')
      .map((f) => f.trim())
      .map((f) => FIELD_NAMES[lang][f] ?? f)
      .join(lang === 'zh-CN' ? '、' : ', ');
  });
}

/** zh-CN unless the client clearly prefers English. */
export function pickLanguage(acceptLanguage: string | undefined, fallback: Language = 'zh-CN'): Language {
  if (!acceptLanguage) return fallback;
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  if (first.startsWith('zh')) return 'zh-CN';
  return fallback;
}
