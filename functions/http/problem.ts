/**
 * RFC 9457 problem+json, the one shape of every 4xx/5xx answer. Domain error codes are
 * mapped to a status once, here; messages come from messages.ts in the caller's language.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { en as zodEn, zhCN as zodZhCN } from 'zod/locales';
import type { z } from 'zod';
import { DomainFieldsError, type DomainError, type DomainErrorCode } from '../domain/errors.js';
import { fieldName, message, type Language, type MessageCode } from './messages.js';
import { enumName, type Enum } from '../email/values.js';
import { WEBHOOK_STATUS } from '../domain/webhooks/errors.js';
import { RECRUITMENT_STATUS } from '../domain/recruitment/errors.js';
import { ONBOARDING_STATUS } from '../domain/recruitment/onboarding-errors.js';
import { OFFBOARDING_STATUS } from '../domain/offboarding/errors.js';
import { DISCIPLINE_STATUS } from '../domain/discipline/errors.js';

export interface FieldError {
  path: string;
  message: string;
  code: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

const STATUS: Partial<Record<DomainErrorCode, ContentfulStatusCode>> = {
  'EMPLOYEE.NOT_FOUND': 404,
  'ORG_UNIT.NOT_FOUND': 404,
  'USER.NOT_FOUND': 404,
  'API_KEY.NOT_FOUND': 404,
  'POLICY.NOT_FOUND': 404,
  'EMPLOYEE.NUMBER_TAKEN': 409,
  'EMPLOYEE.EMAIL_TAKEN': 409,
  'COMMENT.EMPTY': 400,
  'COMMENT.TOO_LONG': 400,
  'USER.EMAIL_TAKEN': 409,
  'USER.EMPLOYEE_LINKED': 409,
  'RECORD.VERSION_CONFLICT': 409,
  'APPROVAL.NOT_FOUND': 404,
  'PROBATION.REVIEW_OPEN': 409,
  'WORKFLOW.REQUEST_NOT_FOUND': 404,
  'WORKFLOW.NOT_REQUESTER': 403,
  'WORKFLOW.REQUEST_CLOSED': 409,
  'WORKFLOW.REQUEST_CHANGED': 409,
  'APPROVAL.REMIND_TOO_SOON': 429,
  'APPROVAL.REMIND_NOT_ALLOWED': 403,
  'APPROVAL.NOT_YOURS': 404,
  'APPROVAL.ALREADY_DECIDED': 409,
  'APPROVAL.TRANSFERRED': 409,
  'APPROVAL.WAITING': 409,
  'IDEMPOTENCY.KEY_FORMAT': 400,
  'CLOCK.INVALID_ADVANCE': 400,
  'APPROVAL.READ_ONLY': 409,
  'APPROVAL.VERB_NOT_ALLOWED': 409,
  'APPROVAL.SIGNED_IN_ONLY': 403,
  'APPROVAL.FIELDS_INVALID': 400,
  'APPROVAL.NOT_PARTICIPANT': 403,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.UNAUTHENTICATED': 401,
  'AUTH.FORBIDDEN': 403,
  'AUTH.OUT_OF_SCOPE': 403,
  'EMPLOYEE.NOT_YOURS_TO_ARRANGE': 403,
  'EMPLOYEE.FIELD_HR_ONLY': 403,
  'EMPLOYEE.CREATE_HR_ONLY': 403,
  'AUTH.RATE_LIMITED': 429,
  'REQUEST.CROSS_ORIGIN': 403,
  'REQUEST.CONSOLE_HEADER_REQUIRED': 403,
  // Attachments (issue #12): one the reader may not see is as good as none.
  'ATTACHMENT.NOT_FOUND': 404,
  // Webhooks (issue #13): statuses beside their codes.
  ...WEBHOOK_STATUS,
  // Recruitment (issue #14): statuses beside their codes.
  ...RECRUITMENT_STATUS,
  ...ONBOARDING_STATUS,
  ...OFFBOARDING_STATUS,
  ...DISCIPLINE_STATUS,
  // Accounts (issue #13 item 4). A wrong current password is no 401: the console would sign out.
  'USER.DISABLE_SELF': 409,
  'USER.DISABLED': 409,
  'USER.EMPLOYEE_LEFT': 409,
  'AUTH.RESET_LINK_INVALID': 404,
  'AUTH.RESET_LINK_EXPIRED': 410,
  'AUTH.RESET_LINK_USED': 410,
};

export function statusOf(code: DomainErrorCode): ContentfulStatusCode {
  return STATUS[code] ?? 422;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(
  lang: Language,
  status: number,
  code: MessageCode,
  params: Record<string, string | number> = {},
  fields: { field?: string | undefined; errors?: FieldError[]; extra?: Record<string, unknown> | undefined } = {},
): Problem {
  const detail = message(lang, code, params);
  const errors = fields.errors ?? (fields.field ? [{ path: fields.field, message: detail, code }] : undefined);
  return {
    type: `urn:cs-department:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors ? { errors } : {}),
    ...(fields.extra ?? {}),
  };
}

/**
 * The field errors of a domain error: its one field, or each field of a DomainFieldsError
 * with the message filled for that field alone (`{fields}`).
 */
export function domainFieldErrors(lang: Language, err: DomainError): FieldError[] | undefined {
  if (err instanceof DomainFieldsError) {
    return err.fields.map((path) => ({ path, code: err.code, message: message(lang, err.code, { ...err.params, fields: path }) }));
  }
  return err.field ? [{ path: err.field, code: err.code, message: message(lang, err.code, err.params) }] : undefined;
}

export function sendProblem(c: Context, p: Problem, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(p), p.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
}

const ZOD_LOCALES = { 'zh-CN': zodZhCN(), en: zodEn() };

/** Zod issues → field errors with dotted paths (`scores.interview`, `users[0]`) in the caller's language. */
export function fieldErrors(lang: Language, issues: readonly z.core.$ZodIssue[], root?: string): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const base = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
    const prefix = root ? (base ? `${root}.${base}` : root) : base;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          path: prefix ? `${prefix}.${key}` : key,
          code: 'unrecognized_key',
          message: lang === 'en' ? `Unknown field "${key}"` : `不允许的字段“${key}”`,
        });
      }
      continue;
    }
    const localized = ZOD_LOCALES[lang].localeError(issue as never);
    const text = typeof localized === 'string' ? localized : localized?.message;
    const own = FORMAT_MESSAGES[issue.message]?.[lang];
    const key = [...issue.path].reverse().find((p): p is string => typeof p === 'string') ?? '';
    const human = isDefaultMessage(issue.message) ? forPeople(lang, issue, key) : null;
    // Our text rules name their finding as the code (`text.direction`), as the safety net does.
    const code = issue.code === 'custom' && issue.message.startsWith('text.') ? issue.message : issue.code;
    out.push({ path: prefix || '(body)', code, message: own ?? human ?? (issue.message && !isDefaultMessage(issue.message) ? issue.message : text ?? issue.message) });
  }
  return out;
}

/** One of our own format messages (`format.…`, `text.…`) in the caller's language. */
export function formatMessage(lang: Language, key: string): string {
  return FORMAT_MESSAGES[key]?.[lang] ?? key;
}

/** Messages of our own format checks (a schema's `{ message: 'format.…' }`), in each language. */
const FORMAT_MESSAGES: Record<string, Record<Language, string>> = {
  'format.phone': { 'zh-CN': '电话格式不正确：手机号为 1 开头的 11 位数字，固话须带区号（如 010-12345678）', en: 'Not a phone number: a mobile is 11 digits starting with 1; a landline needs its area code (010-12345678)' },
  'format.employeeNo': { 'zh-CN': '工号只能包含字母、数字、下划线或连字符', en: 'Letters, digits, _ or - only' },
  'format.date': { 'zh-CN': '日期格式应为 YYYY-MM-DD，且须为有效日期', en: 'A valid date as YYYY-MM-DD' },
  'format.comment.max': { 'zh-CN': '评论最多 2000 字', en: 'A comment has at most 2000 characters' },
  // Hidden characters in what people type (#13 item 5; domain/text/characters.ts).
  'text.control': { 'zh-CN': '不能包含换行、制表符等控制字符', en: 'No line breaks, tabs or other control characters' },
  'text.direction': { 'zh-CN': '不能包含改变文字方向的隐藏字符（如 U+202E），它们会让文字显示得与实际不同', en: 'No hidden direction characters (such as U+202E): they make text show as something it is not' },
  'text.invisible': { 'zh-CN': '不能包含零宽空格等不可见字符', en: 'No zero-width spaces or other invisible characters' },
  'text.blank': { 'zh-CN': '须包含可见的文字', en: 'Must contain visible text' },
  'format.decimals.0': { 'zh-CN': '须为整数', en: 'A whole number' },
  'format.decimals.1': { 'zh-CN': '最多保留 1 位小数', en: 'At most one decimal place' },
  'format.decimals.2': { 'zh-CN': '最多保留 2 位小数', en: 'At most two decimal places' },
};

/**
 * The common schema problems in words a person uses, naming the field and what it takes
 * ("岗位须为：专员、组长、主管…", "最多 2000 个字", "必填"), never a validator's
 * ("期望 int，实际接收 undefined"). Null for anything else (the zod locale's words stand).
 */
function forPeople(lang: Language, issue: z.core.$ZodIssue, key: string): string | null {
  const zh = lang === 'zh-CN';
  const i = issue as z.core.$ZodIssue & { expected?: string; origin?: string; maximum?: number | bigint; minimum?: number | bigint; values?: unknown[]; format?: string };
  switch (i.code) {
    case 'invalid_type':
      if (/received undefined$/.test(i.message)) return zh ? '必填' : 'Required';
      if (i.expected === 'number' || i.expected === 'int') return zh ? '须为数字' : 'A number';
      if (i.expected === 'string') return zh ? '须为文字' : 'Text';
      if (i.expected === 'boolean') return zh ? '须为“是”或“否”' : 'Yes or no';
      return null;
    case 'too_big':
      if (i.origin === 'string') return zh ? `最多 ${i.maximum} 个字` : `At most ${i.maximum} characters`;
      if (i.origin === 'number') return zh ? `不能大于 ${i.maximum}` : `At most ${i.maximum}`;
      if (i.origin === 'array') return zh ? `最多 ${i.maximum} 项` : `At most ${i.maximum} items`;
      return null;
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? (zh ? '必填' : 'Required') : zh ? `至少 ${i.minimum} 个字` : `At least ${i.minimum} characters`;
      if (i.origin === 'number') return zh ? `不能小于 ${i.minimum}` : `At least ${i.minimum}`;
      if (i.origin === 'array') return zh ? `至少 ${i.minimum} 项` : `At least ${i.minimum} items`;
      return null;
    case 'invalid_value': {
      const names = (i.values ?? []).map((v) => (ENUM_FIELDS.has(key) ? enumName(key as Enum, String(v), lang) : String(v)));
      const field = fieldName(lang, key);
      return zh ? `${field ? `${field}须为` : '须为'}：${names.join('、')}` : `${field ? `${field[0]!.toUpperCase()}${field.slice(1)} must be` : 'Must be'} one of: ${names.join(', ')}`;
    }
    case 'invalid_format':
      if (i.format === 'email') return zh ? '邮箱格式不正确' : 'Not an email address';
      return null;
    default:
      return null;
  }
}

const ENUM_FIELDS = new Set(['post', 'level', 'status']);

/** Schema-level custom messages are kept; zod's own English defaults are replaced by the locale's. */
function isDefaultMessage(msg: string): boolean {
  return /^(Invalid|Too (small|big)|Unrecognized|Expected|Required)/.test(msg);
}

/** Thrown by a handler that found several field problems at once (e.g. a policy edit). */
export class FieldErrorsProblem extends Error {
  override readonly name = 'FieldErrorsProblem';
  constructor(readonly status: 400 | 422, readonly errors: FieldError[]) {
    super('field errors');
  }
}
