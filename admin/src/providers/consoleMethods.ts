import type { DataProvider } from 'react-admin';
import type { Http } from './http.js';

/**
 * The API's verbs that are not CRUD, as data-provider methods (react-admin's way: pages call
 * `useDataProvider().approve(…)`, never fetch). Each throws the same HttpError as the CRUD
 * methods, so field errors land on the form and 401 signs out.
 */

export type DecisionOutcome = 'convert' | 'extend' | 'end';

/** POST /approvals/{id}/decision, less the decision itself (the method names it). */
export interface DecisionInput {
  comment?: string;
  scores?: Record<string, number>;
  attendance?: Record<string, number>;
  /** Override of the recommended outcome (needs a comment). */
  outcome?: DecisionOutcome;
  extensionMonths?: number;
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
  /** 批量同意: one answer per task; a failure on one does not stop the others. */
  batchApprove(ids: readonly string[], comment?: string): Promise<{ data: BatchDecisionResult[] }>;
  /** 撤回: the requester takes their probation review back (403 WORKFLOW.NOT_REQUESTER otherwise). */
  withdrawProbationReview(reviewId: string): Promise<{ data: Json }>;
  /** `message` is set when the application joins next month's round (§3). */
  startProbationReview(input: StartProbationReviewInput): Promise<{ data: Json; message: string | null }>;
  getExecution(reviewId: string): Promise<{ data: WorkflowView }>;
  getPolicy(name: string): Promise<{ data: PolicyRecord }>;
  savePolicy(name: string, input: { values: Record<string, unknown>; version: number }): Promise<{ data: PolicyRecord }>;
}

export type ConsoleDataProvider = DataProvider & ConsoleMethods;

const segment = (id: string) => encodeURIComponent(id);

export function createConsoleMethods(http: Http, onChange: (resource: string) => void): ConsoleMethods {
  async function decide(id: string, decision: 'approve' | 'reject', input: DecisionInput = {}) {
    const { json } = await http<Json>(`/approvals/${segment(id)}/decision`, { method: 'POST', body: { decision, ...input } });
    onChange('approvals');
    onChange('probation-reviews');
    return { data: json };
  }

  return {
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
  };
}
