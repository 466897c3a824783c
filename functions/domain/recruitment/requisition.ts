/**
 * The 人才增补单 (headcount requisition, POLICIES.md §2; seeds 000 第三章, 001 第二篇): what a
 * requester may ask for, the salary range a level offers, and the chain a requisition gets.
 * Pure: the policy and today's date are inputs.
 */
import { DomainError } from '../errors.js';
import type { Level } from '../people/model.js';
import type { RecruitmentChainStep, RecruitmentPolicy } from '../policy/defaults.js';

/** The posts a requisition may ask for: the department's working posts (the GM is not recruited by requisition). */
export const REQUISITION_POSTS = ['agent', 'team_lead', 'supervisor', 'cs_manager', 'hr'] as const;
export type RequisitionPost = (typeof REQUISITION_POSTS)[number];

export interface RequisitionDraft {
  headcount: number;
  /** YYYY-MM-DD, company time. */
  wantedBy: string;
}

/**
 * §2 and the recruitment policy: 1 to `maxHeadcount` heads (inclusive), and a wanted-by date
 * that is today or later. Throws the DomainError naming the field.
 */
export function checkRequisitionDraft(draft: RequisitionDraft, policy: Pick<RecruitmentPolicy, 'maxHeadcount'>, today: string): void {
  if (!Number.isInteger(draft.headcount) || draft.headcount < 1 || draft.headcount > policy.maxHeadcount) {
    throw new DomainError('REQUISITION.HEADCOUNT_RANGE', 'headcount', { max: policy.maxHeadcount });
  }
  if (draft.wantedBy < today) throw new DomainError('REQUISITION.WANTED_BY_PAST', 'wantedBy', { today });
}

/**
 * The salary range a level offers: its base salary on the level ladder (org policy) up to
 * `salaryRangePercent` above it, in whole yuan.
 */
export function salaryRange(level: Level, ladder: Record<Level, number>, percent: number): { min: number; max: number } {
  const base = ladder[level];
  return { min: base, max: Math.round(base * (1 + percent / 100)) };
}

/**
 * The steps a requisition of `headcount` heads is asked at: a step with `minHeadcount` only
 * from that many heads on (conditions are data: e.g. the GM only above N heads).
 */
export function requisitionChain(chain: readonly RecruitmentChainStep[], headcount: number): RecruitmentChainStep[] {
  return chain.filter((step) => step.minHeadcount === undefined || headcount >= step.minHeadcount);
}
