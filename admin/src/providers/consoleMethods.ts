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
