import type { Http } from '../providers/http.js';
import type { StageMoveInput } from './stageMoves.js';
import type { Candidate, InterviewInput, ScheduledInterview } from './types.js';

/**
 * The candidates' verbs (候选人, 面试, POLICIES.md §2 steps 3–4) as data-provider methods, kept
 * with the pages that use them and merged into the data provider in one line. Adding, listing
 * and reading candidates are the CRUD methods (`candidates` in the resource table).
 */
export interface CandidateMethods {
  /** 安排面试: round 1 starts the candidate's hiring request; a later round when it waits for one (422/409 name the field). */
  scheduleInterview(input: InterviewInput): Promise<{ data: ScheduledInterview }>;
  /** The CV as a short-lived link (GET /candidates/{id}/cv, audited); 404 CANDIDATE.NO_CV without one. */
  candidateCvLink(id: string): Promise<{ data: { url: string; expiresAt: string; fileName: string } }>;
  /** 进入筛选, 退回新投递, 不合适, 候选人放弃 before round 1 (409 CANDIDATE.STAGE_MOVE for the moves the processes own). */
  moveCandidate(id: string, input: StageMoveInput): Promise<{ data: Candidate }>;
}

export function createCandidateMethods(http: Http, onChange: (resource: string) => void): CandidateMethods {
  return {
    async scheduleInterview(input) {
      const { json } = await http<ScheduledInterview>('/interviews', { method: 'POST', body: input });
      onChange('candidates');
      onChange('approvals');
      return { data: json };
    },
    async candidateCvLink(id) {
      // JSON, not the 302: the console never keeps an object-storage address, it opens it.
      const { json } = await http<{ url: string; expiresAt: string; fileName: string }>(`/candidates/${encodeURIComponent(id)}/cv`, { headers: { Accept: 'application/json' } });
      return { data: json };
    },
    async moveCandidate(id, input) {
      const body: Record<string, unknown> = { stage: input.stage, version: input.version };
      if (input.reason?.trim()) body.reason = input.reason.trim();
      const { json } = await http<Candidate>(`/candidates/${encodeURIComponent(id)}/stage`, { method: 'POST', body });
      onChange('candidates');
      return { data: json };
    },
  };
}
