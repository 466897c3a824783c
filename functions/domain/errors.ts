/**
 * Coded domain errors. `domain` raises them; the HTTP edge maps each code once to a
 * status and a zh-CN / en message (functions/http/problem.ts). `field` is the request
 * path the error is about, so clients can show it on the right input.
 */
import type { AttachmentErrorCode } from './attachments/errors.js';
import type { WebhookErrorCode } from './webhooks/errors.js';
import type { AccountErrorCode } from './auth/errors.js';
import type { RecruitmentErrorCode } from './recruitment/errors.js';
import type { OnboardingErrorCode } from './recruitment/onboarding-errors.js';
import type { OffboardingErrorCode } from './offboarding/errors.js';
import type { DisciplineErrorCode } from './discipline/errors.js';

export type DomainErrorCode =
  // Attachments (issue #12): codes and words in attachments/errors.ts.
  | AttachmentErrorCode
  // Webhooks (issue #13): codes, words and statuses in webhooks/errors.ts.
  | WebhookErrorCode
  // Accounts (issue #13 item 4): codes and words in auth/errors.ts.
  | AccountErrorCode
  // Recruitment (issue #14): codes, words and statuses in recruitment/errors.ts.
  | RecruitmentErrorCode
  // Onboarding checklists (issue #14): codes, words and statuses in recruitment/onboarding-errors.ts.
  | OnboardingErrorCode
  // Leaving (issue #15): codes, words and statuses in offboarding/errors.ts.
  | OffboardingErrorCode
  // Discipline (issue #16): codes, words and statuses in discipline/errors.ts.
  | DisciplineErrorCode
  | 'EMPLOYEE.NOT_FOUND'
  | 'EMPLOYEE.NUMBER_TAKEN'
  | 'EMPLOYEE.EMAIL_TAKEN'
  | 'EMPLOYEE.SUPERIOR_NOT_FOUND'
  | 'EMPLOYEE.SUPERIOR_CYCLE'
  | 'EMPLOYEE.SUPERIOR_OTHER_DEPARTMENT'
  | 'EMPLOYEE.SUPERIOR_REQUIRED'
  | 'EMPLOYEE.TEAM_NOT_FOUND'
  | 'EMPLOYEE.PROBATION_LENGTH'
  // A hire date outside the org policy's plausible window (hireDateWindow).
  | 'EMPLOYEE.HIRE_DATE_RANGE'
  | 'EMPLOYEE.PROBATION_BEFORE_HIRE'
  | 'EMPLOYEE.SUBTREE_TOO_LARGE'
  // A supervisor or CS manager arranging their people (employees:arrange, POLICIES.md §1).
  | 'EMPLOYEE.NOT_YOURS_TO_ARRANGE'
  | 'EMPLOYEE.FIELD_HR_ONLY'
  | 'EMPLOYEE.CREATE_HR_ONLY'
  | 'ORG_UNIT.NOT_FOUND'
  | 'ORG_UNIT.PARENT_NOT_FOUND'
  | 'USER.NOT_FOUND'
  | 'USER.EMAIL_TAKEN'
  | 'USER.EMPLOYEE_NOT_FOUND'
  | 'USER.EMPLOYEE_LINKED'
  | 'USER.PASSWORD_WEAK'
  // 代理 delegation (approval verbs issue).
  | 'USER.DELEGATE_SELF'
  | 'USER.DELEGATE_UNAVAILABLE'
  | 'USER.DELEGATION_RANGE'
  | 'API_KEY.NOT_FOUND'
  | 'POLICY.NOT_FOUND'
  // Policy values HR submits (validateProbationPolicy); each names the offending path.
  | 'POLICY.REQUIRED'
  | 'POLICY.ONE_OF'
  | 'POLICY.NUMBER_RANGE'
  | 'POLICY.INTEGER_RANGE'
  | 'POLICY.WEIGHTS_SUM'
  | 'POLICY.MONTHS_ORDER'
  | 'POLICY.BANDS_ORDER'
  | 'POLICY.BANDS_LAST_ZERO'
  | 'POLICY.DUPLICATE_KEY'
  | 'POLICY.DUPLICATE_VALUE'
  | 'POLICY.KEY_FORMAT'
  | 'POLICY.CHAIN_SCORES_FIRST'
  | 'POLICY.CHAIN_OUTCOME_LAST'
  // Probation and conversion (POLICIES.md §3).
  | 'PROBATION.NOT_ON_PROBATION'
  | 'PROBATION.TOO_EARLY'
  | 'PROBATION.REVIEW_OPEN'
  | 'PROBATION.OUTSIDE_WINDOW'
  | 'PROBATION.SCORE_RANGE'
  | 'PROBATION.EXTENSION_LENGTH'
  | 'PROBATION.EXTENSION_CAP'
  | 'APPROVAL.NOT_FOUND'
  | 'APPROVAL.ALREADY_DECIDED'
  | 'APPROVAL.TRANSFERRED'
  | 'APPROVAL.NOT_YOURS'
  | 'APPROVAL.COMMENT_REQUIRED'
  | 'APPROVAL.INVALID_RETURN'
  | 'APPROVAL.INVALID_TRANSFER'
  | 'APPROVAL.INVALID_ADD'
  | 'APPROVAL.WAITING'
  | 'APPROVAL.READ_ONLY'
  | 'APPROVAL.NOT_PARTICIPANT'
  // A step's spec (domain/approvals/step-spec.ts): its verbs, and steps decided only when signed in.
  | 'APPROVAL.VERB_NOT_ALLOWED'
  | 'APPROVAL.SIGNED_IN_ONLY'
  | 'APPROVAL.FIELDS_INVALID'
  // Request forgery (#13 item 1): a cookie-authenticated change not from the console.
  | 'REQUEST.CROSS_ORIGIN'
  | 'REQUEST.CONSOLE_HEADER_REQUIRED'
  | 'REQUEST.UNKNOWN_KIND'
  | 'REQUEST.DATE_RANGE'
  | 'COMMENT.EMPTY'
  | 'COMMENT.TOO_LONG'
  | 'COMMENT.MENTION_UNKNOWN'
  | 'WORKFLOW.REQUEST_NOT_FOUND'
  | 'WORKFLOW.NOT_REQUESTER'
  | 'WORKFLOW.REQUEST_CLOSED'
  | 'WORKFLOW.REQUEST_CHANGED'
  | 'APPROVAL.REMIND_TOO_SOON'
  | 'APPROVAL.REMIND_NOT_ALLOWED'
  | 'RECORD.VERSION_CONFLICT'
  | 'IDEMPOTENCY.KEY_REUSED'
  | 'IDEMPOTENCY.KEY_FORMAT'
  | 'AUTH.INVALID_CREDENTIALS'
  | 'AUTH.UNAUTHENTICATED'
  | 'AUTH.FORBIDDEN'
  | 'AUTH.OUT_OF_SCOPE'
  | 'AUTH.RATE_LIMITED'
  // The local runtime's controllable clock (LOCAL_CLOCK=controllable).
  | 'CLOCK.INVALID_ADVANCE';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    readonly field?: string,
    readonly params: Record<string, string | number> = {},
    /** Extra machine-readable data for the client (e.g. the current record on a conflict). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(field ? `${code} (${field})` : code);
  }
}

/** One refusal about several request fields at once: the HTTP edge names each in `errors[]`. */
export class DomainFieldsError extends DomainError {
  constructor(
    code: DomainErrorCode,
    readonly fields: readonly string[],
    params: Record<string, string | number> = {},
  ) {
    super(code, fields[0], params);
  }
}
