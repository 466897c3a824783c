import type { BandOutcome } from '../probation-reviews/types.js';

/** The probation policy's values (GET /api/v1/policies/probation → values), POLICIES.md §3. */

export type ApproverRule =
  | { kind: 'superior' }
  | { kind: 'post_in_line'; post: string; fallback?: 'superior' }
  /** Everyone with the role is asked: 或签 `any` (the first decides) or 会签 `all`. */
  | { kind: 'role'; role: string; mode: 'any' | 'all' };

export interface ChainStep {
  key: string;
  approver: ApproverRule;
  records: 'scores' | 'outcome' | null;
  labelZh: string;
  labelEn: string;
}

export interface ProbationPolicyValues {
  defaultMonths: number;
  minMonths: number;
  maxMonths: number;
  earlyConversionMinMonths: number;
  applicationCutoffDay: number;
  reviewLeadDays: number;
  weights: { dailyPerformance: number; professionalTest: number; interview: number };
  bands: Array<{ min: number; outcome: BandOutcome; gap: boolean }>;
  attendance: { maxPersonalLeave: number; maxLate: number; allowEarlyLeave: boolean; allowDisciplinaryRecord: boolean };
  extensionMonths: number;
  chain: ChainStep[];
  stepDueHours: number;
  linkExpiryDays: number;
}
