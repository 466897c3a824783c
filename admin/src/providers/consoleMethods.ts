import type { DataProvider } from 'react-admin';
import type { Http } from './http.js';
import type { AttachmentRef, AttachmentUpload } from '../attachments/uploads.js';
import type { WebhookMethods } from '../webhooks/webhookMethods.js';
import type { RequisitionMethods } from '../requisitions/requisitionMethods.js';
import type { OfferMethods } from '../offers/offerMethods.js';
import type { OnboardingMethods } from '../onboarding-checklists/onboardingMethods.js';
import type { OpeningMethods } from '../openings/openingMethods.js';
import type { CandidateMethods } from '../candidates/candidateMethods.js';
import type { InterviewMethods } from '../interviews/interviewMethods.js';
import type { OffboardingMethods } from '../offboardings/offboardingMethods.js';
import type { ResignationMethods } from '../resignations/resignationMethods.js';

/**
 * The API's verbs that are not CRUD, as data-provider methods (react-admin's way: pages call
 * `useDataProvider().approve(…)`, never fetch). Each throws the same HttpError as the CRUD
 * methods, so field errors land on the form and 401 signs out.
 */

/**
 * POST /approvals/{id}/decision, less the decision itself (the method names it): the comment
 * and the fields the step declares, each at its path (probation: `scores.interview`).
 */
export interface DecisionInput {
  comment?: string;
  [field: string]: unknown;
}

export interface TransferInput {
  toUserId: string;
  comment?: string;
}

/** POST /approvals/{id}/return: back to an earlier step of the request, with why. */
export interface ReturnInput {
  toStep: string;
  comment: string;
}

/** POST /approvals/{id}/add-approvers (加签): who, where relative to me, and how they decide. */
export interface AddApproversInput {
  users: string[];
  /** 前加签 `before` (they decide first, then me), 后加签 `after`, 并加签 `parallel` (with me). */
  position: 'before' | 'after' | 'parallel';
  /** 或签 `any` / 会签 `all` for the added group (for `parallel`: the whole stage). */
  mode: 'any' | 'all';
  comment?: string;
}

/** POST /requests/{kind}/{id}/cc (抄送): a read-only notice to these people. */
export interface CcInput {
  users: string[];
  comment?: string;
}

/** GET /users/{id}/delegation (代理): who acts for the person, over which days (inclusive). */
export interface Delegation {
  delegateId: string;
  delegateName: string;
  from: string;
  to: string;
  setById: string;
  setByName: string;
  setAt: string;
}

export interface DelegationInput {
  delegateId: string;
  /** YYYY-MM-DD, company time, both inclusive. */
  from: string;
  to: string;
  /** Also move the tasks the person holds now. */
  movePending?: boolean;
}

/** PUT /users/{id}/delegation: the delegation and, with movePending, what moved. */
export interface DelegationResult {
  delegation: Delegation;
  moved: string[];
  failed: Array<{ id: string; code: string }>;
}

/** One task's answer in POST /approvals/batch-decision. */
export interface BatchDecisionResult {
  id: string;
  /** The HTTP status this task's decision would have had on its own: 200 when approved. */
  status: number;
  code?: string;
  detail?: string;
}

export interface StartProbationReviewInput {
  employeeId: string;
  kind: 'early' | 'scheduled';
  /** 申请说明 (optional). */
  statement?: string;
  /** Files the review starts with (attachment ids). */
  attachments?: string[];
}

/** GET /probation-reviews/{id}/execution */
export interface WorkflowView {
  diagram: { startAt: string; states: Array<{ name: string; type: string; comment: string | null; next: string[] }> };
  execution: { status: string; currentState: string | null; visited: string[]; transitions: number } | null;
}

/** GET /policies/{name} */
export interface PolicyRecord<V = Record<string, unknown>> {
  name: string;
  version: number;
  values: V;
  defaults: V;
  /** Paths of values that fill a gap in the source documents (`weights`, `bands[2]`). */
  gaps: string[];
  updatedAt: string;
  /** The user id of whoever saved it; null for the seeded first version. */
  updatedBy: string | null;
}

/** One row's answer in POST /employees/batch: 201 created, 200 changed, or the problem. */
export interface EmployeeBatchRowResult {
  index: number;
  status: number;
  id: string | null;
  item: Record<string, unknown> | null;
  code?: string;
  detail?: string;
  /** Field errors, paths relative to the row (`email`, `superiorNo`). */
  errors?: Array<{ path: string; message: string; code: string }>;
}

export interface EmployeeBatchResult {
  results: EmployeeBatchRowResult[];
  created: number;
  updated: number;
  failed: number;
}

/** GET /dashboard (GM, HR, admin, CS manager): the department's numbers, kept by the writes. */
export interface DashboardData {
  pendingApprovals: Array<{ requestKind: string; stepKey: string; stepLabel: string; total: number; ages: Record<'lt1d' | 'd1to3' | 'd3to7' | 'gt7d', number> }>;
  /** Reviews by status; `scheduled` are the ones due. */
  probation: Record<string, number>;
  headcount: Array<{ teamId: string | null; teamName: string | null; level: string; status: string; count: number }>;
  decisions: Array<{ month: string; channel: string; count: number }>;
  /** The recruitment funnel by company month (#14); absent from a server before it. */
  recruitment?: Array<{ month: string; candidates: number; interviewed: number; offered: number; accepted: number; declined: number; hired: number; lapsed: number; averageDaysToHire: number | null }>;
  /** Leavers by the month of their last day and why, with the month's rate (#15); absent from a server before it. */
  turnover?: Array<{ month: string; resignation: number; probation_not_converted: number; dismissal: number; total: number; ratePercent: number | null }>;
  /** Disciplinary actions (#16) by the month they happened, the level issued and the team. */
  discipline?: Array<{ month: string; level: string; teamId: string | null; teamName: string | null; count: number }>;
}

/** GET /approvals/counts: the numbers on the inbox tabs and the menu (each counted up to `cap`). */
export interface InboxCounts {
  pending: number;
  waiting: number;
  ccUnread: number;
  startedOpen: number;
  cap: number;
}

/** GET/POST /requests/{kind}/{id}/comments: one comment of a request's thread. */
export interface RequestComment {
  id: string;
  authorId: string;
  authorName: string;
  text: string;
  mentions: Array<{ id: string; name: string }>;
  attachments: AttachmentRef[];
  channel: string;
  createdAt: string;
}

export interface CommentInput {
  text: string;
  mentions?: string[];
  attachments?: string[];
}

/** GET /requests/{kind}/preview: who would be asked, in order, for a request about someone. */
export interface ChainPreviewStep {
  key: string;
  label: string;
  mode: 'any' | 'all';
  skipped: 'requester' | 'same_approver' | null;
  approvers: Array<{ id: string; name: string; onBehalfOfName: string | null }>;
}

/** Every page of a list (an export): the list's filter and sort, pages of the API's largest size. */
export interface ListAllParams {
  filter?: Record<string, unknown>;
  sort?: { field: string; order: 'ASC' | 'DESC' };
  /** Hears the number of records read so far after each page. */
  onProgress?: (count: number) => void;
  signal?: AbortSignal;
}

// The records are the API's JSON; the pages type them (approvals/types.ts, probation-reviews/types.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface ConsoleMethods {
  approve(id: string, input?: DecisionInput): Promise<{ data: Json }>;
  reject(id: string, input: DecisionInput): Promise<{ data: Json }>;
  transfer(id: string, input: TransferInput): Promise<{ data: Json }>;
  /** 退回: the task (status `returned`); 422 APPROVAL.INVALID_RETURN names `toStep`. */
  returnTask(id: string, input: ReturnInput): Promise<{ data: Json }>;
  /** 催办: remind the approver of a pending task (429 when reminded too recently). */
  remind(taskId: string): Promise<{ data: Json }>;
  /** 加签: the added people's tasks; 422 APPROVAL.INVALID_ADD names `users[i]`. */
  addApprovers(id: string, input: AddApproversInput): Promise<{ data: Json[] }>;
  /** 抄送 a request (403 APPROVAL.NOT_PARTICIPANT for someone not taking part). */
  carbonCopy(kind: string, requestId: string, input: CcInput): Promise<{ data: Json[] }>;
  getDelegation(userId: string): Promise<{ data: Delegation | null }>;
  setDelegation(userId: string, input: DelegationInput): Promise<{ data: DelegationResult }>;
  clearDelegation(userId: string): Promise<{ data: null }>;
  /** 批量同意: one answer per task; a failure on one does not stop the others. */
  batchApprove(ids: readonly string[], comment?: string): Promise<{ data: BatchDecisionResult[] }>;
  /** 撤回: the requester takes their probation review back (403 WORKFLOW.NOT_REQUESTER otherwise). */
  withdrawProbationReview(reviewId: string): Promise<{ data: Json }>;
  /** `message` is set when the application joins next month's round (§3). */
  startProbationReview(input: StartProbationReviewInput): Promise<{ data: Json; message: string | null }>;
  getExecution(reviewId: string): Promise<{ data: WorkflowView }>;
  getPolicy(name: string): Promise<{ data: PolicyRecord }>;
  savePolicy(name: string, input: { values: Record<string, unknown>; version: number }): Promise<{ data: PolicyRecord }>;
  /** Create and change people in one call (import); `dryRun` checks every row and writes nothing. */
  batchEmployees(items: ReadonlyArray<Record<string, unknown>>, dryRun: boolean): Promise<{ data: EmployeeBatchResult }>;
  /** 403 for the roles that do not see company-wide numbers. */
  getDashboard(): Promise<{ data: DashboardData }>;
  /** PATCH /users/me {language}: the language the system's mails to me are written in. */
  saveLanguage(language: 'zh-CN' | 'en'): Promise<{ data: null }>;
  getInboxCounts(): Promise<{ data: InboxCounts }>;
  previewChain(kind: string, subjectEmployeeId: string): Promise<{ data: ChainPreviewStep[] }>;
  /** The request's comment thread, oldest first (404 for a request the reader may not see). */
  getComments(kind: string, requestId: string): Promise<{ data: RequestComment[] }>;
  addComment(kind: string, requestId: string, input: CommentInput): Promise<{ data: RequestComment }>;
  /** POST /attachments: a presigned PUT for this file (422 names `size` or `contentType`, policy attachments.*). */
  startAttachment(input: { fileName: string; contentType: string; size: number }): Promise<{ data: AttachmentUpload }>;
  /** GET /attachments/{id} as JSON: a short-lived download link (audited); 404 for a file the reader may not see. */
  attachmentLink(id: string): Promise<{ data: { url: string; expiresAt: string; fileName: string } }>;
  /** 修改密码 (POST /users/me/password): 422 names currentPassword or newPassword; the answer's cookie is the new session. */
  changeOwnPassword(input: { currentPassword: string; newPassword: string }): Promise<{ data: null }>;
  /** 重置密码 (admin): mails the account a single-use link; when it stops working. */
  sendPasswordReset(userId: string): Promise<{ data: { expiresAt: string } }>;
  /** 停用 / 启用 (admin): the account as it is now. */
  disableUser(userId: string): Promise<{ data: Json }>;
  enableUser(userId: string): Promise<{ data: Json }>;
  /** 忘记密码: always accepted (202), whether or not the address has an account. */
  requestPasswordReset(email: string): Promise<{ data: null }>;
  /** The reset page: sets the password with the link's token (404/410 name `token`, 422 `newPassword`). */
  confirmPasswordReset(token: string, newPassword: string): Promise<{ data: null }>;
}

/** Methods that need the resource table of the data provider (dataProvider.ts). */
export interface ListMethods {
  /** All records of a list, page after page by cursor (no page cap). */
  getAll(resource: string, params: ListAllParams): Promise<{ data: Json[] }>;
}

export type ConsoleDataProvider = DataProvider & ConsoleMethods & ListMethods & WebhookMethods & RequisitionMethods & OnboardingMethods & OfferMethods & OpeningMethods & CandidateMethods & InterviewMethods & OffboardingMethods & ResignationMethods;

const segment = (id: string) => encodeURIComponent(id);

export function createConsoleMethods(http: Http, onChange: (resource: string) => void): ConsoleMethods {
  async function decide(id: string, decision: 'approve' | 'reject', input: DecisionInput = {}) {
    const { json } = await http<Json>(`/approvals/${segment(id)}/decision`, { method: 'POST', body: { decision, ...input } });
    onChange('approvals');
    onChange('probation-reviews');
    return { data: json };
  }

  return {
    async startAttachment(input) {
      const { json } = await http<AttachmentUpload>('/attachments', { method: 'POST', body: input });
      return { data: json };
    },

    async attachmentLink(id) {
      const { json } = await http<{ url: string; expiresAt: string; fileName: string }>(`/attachments/${segment(id)}`);
      return { data: json };
    },

    approve: (id, input) => decide(id, 'approve', input),
    reject: (id, input) => decide(id, 'reject', input),

    async transfer(id, input) {
      const { json } = await http<Json>(`/approvals/${segment(id)}/transfer`, { method: 'POST', body: input });
      onChange('approvals');
      return { data: json };
    },

    async returnTask(id, input) {
      const { json } = await http<Json>(`/approvals/${segment(id)}/return`, { method: 'POST', body: input });
      onChange('approvals');
      onChange('probation-reviews');
      return { data: json };
    },

    async addApprovers(id, input) {
      const { json } = await http<{ items: Json[] }>(`/approvals/${segment(id)}/add-approvers`, { method: 'POST', body: input });
      onChange('approvals');
      onChange('probation-reviews');
      return { data: json.items };
    },

    async carbonCopy(kind, requestId, input) {
      const { json } = await http<{ items: Json[] }>(`/requests/${segment(kind)}/${segment(requestId)}/cc`, { method: 'POST', body: input });
      return { data: json.items };
    },

    async getDelegation(userId) {
      const { json } = await http<{ delegation: Delegation | null }>(`/users/${segment(userId)}/delegation`);
      return { data: json.delegation };
    },

    async setDelegation(userId, input) {
      const { json } = await http<DelegationResult>(`/users/${segment(userId)}/delegation`, { method: 'PUT', body: input });
      if (input.movePending) onChange('approvals');
      return { data: json };
    },

    async previewChain(kind, subjectEmployeeId) {
      const { json } = await http<{ steps: ChainPreviewStep[] }>(`/requests/${segment(kind)}/preview`, { query: { subjectEmployeeId } });
      return { data: json.steps };
    },

    async getComments(kind, requestId) {
      const items: RequestComment[] = [];
      let cursor: string | null = null;
      // A thread is short; read it whole (bounded, in the API's largest pages).
      for (let page = 0; page < 10; page++) {
        const { json }: { json: { items: RequestComment[]; nextCursor: string | null } } = await http(`/requests/${segment(kind)}/${segment(requestId)}/comments`, { query: { limit: 200, cursor } });
        items.push(...json.items);
        cursor = json.nextCursor;
        if (!cursor) break;
      }
      return { data: items };
    },

    async addComment(kind, requestId, input) {
      const { json } = await http<RequestComment>(`/requests/${segment(kind)}/${segment(requestId)}/comments`, { method: 'POST', body: input });
      onChange('approvals');
      return { data: json };
    },

    async getInboxCounts() {
      const { json } = await http<InboxCounts>('/approvals/counts');
      return { data: json };
    },

    async saveLanguage(language) {
      await http('/users/me', { method: 'PATCH', body: { language } });
      return { data: null };
    },

    async clearDelegation(userId) {
      await http(`/users/${segment(userId)}/delegation`, { method: 'DELETE' });
      return { data: null };
    },

    async remind(taskId) {
      const { json } = await http<Json>(`/approvals/${segment(taskId)}/remind`, { method: 'POST' });
      onChange('probation-reviews');
      return { data: json };
    },

    async batchApprove(ids, comment) {
      const trimmed = comment?.trim();
      const { json } = await http<{ results?: BatchDecisionResult[] }>('/approvals/batch-decision', {
        method: 'POST',
        body: { ids: [...ids], decision: 'approve', ...(trimmed ? { comment: trimmed } : {}) },
      });
      onChange('approvals');
      onChange('probation-reviews');
      return { data: json?.results ?? [] };
    },

    async withdrawProbationReview(reviewId) {
      const { json } = await http<Json>(`/requests/probation/${segment(reviewId)}/withdraw`, { method: 'POST' });
      onChange('probation-reviews');
      onChange('approvals');
      return { data: json };
    },

    async startProbationReview(input) {
      const { json } = await http<Json>('/probation-reviews', {
        method: 'POST',
        body: input,
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      });
      onChange('probation-reviews');
      const { message, ...data } = json as { message?: string };
      return { data, message: message ?? null };
    },

    async getExecution(reviewId) {
      const { json } = await http<WorkflowView>(`/probation-reviews/${segment(reviewId)}/execution`);
      return { data: json };
    },

    async getPolicy(name) {
      const { json } = await http<PolicyRecord>(`/policies/${segment(name)}`);
      return { data: json };
    },

    async savePolicy(name, input) {
      const { json } = await http<PolicyRecord>(`/policies/${segment(name)}`, { method: 'PUT', body: input });
      return { data: json };
    },

    async batchEmployees(items, dryRun) {
      const { json } = await http<EmployeeBatchResult>('/employees/batch', { method: 'POST', body: { items, dryRun } });
      // New people change which page holds which row; changes alone leave the cursors valid.
      if (!dryRun && json.created > 0) onChange('employees');
      return { data: json };
    },

    async changeOwnPassword(input) {
      await http('/users/me/password', { method: 'POST', body: input });
      return { data: null };
    },

    async sendPasswordReset(userId) {
      const { json } = await http<{ expiresAt: string }>(`/users/${segment(userId)}/password-reset`, { method: 'POST' });
      return { data: json };
    },

    async disableUser(userId) {
      const { json } = await http<Json>(`/users/${segment(userId)}/disable`, { method: 'POST' });
      onChange('users');
      return { data: json };
    },

    async enableUser(userId) {
      const { json } = await http<Json>(`/users/${segment(userId)}/enable`, { method: 'POST' });
      onChange('users');
      return { data: json };
    },

    async requestPasswordReset(email) {
      await http('/auth/password-reset', { method: 'POST', body: { email } });
      return { data: null };
    },

    async confirmPasswordReset(token, newPassword) {
      await http('/auth/password-reset/confirm', { method: 'POST', body: { token, newPassword } });
      return { data: null };
    },

    async getDashboard() {
      const { json } = await http<DashboardData>('/dashboard');
      return { data: json };
    },
  };
}
