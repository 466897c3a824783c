import type { CandidateStage } from './types.js';

/**
 * The moves HR makes by hand before round 1 (POST /candidates/{id}/stage): 进入筛选 and back,
 * or out — 不合适 (rejected) or 候选人放弃 (withdrawn), each with a reason. The interviews, the
 * hire decision and the offer move a candidate by themselves, so other stages offer nothing.
 */
export type ManualStage = 'new' | 'screening' | 'rejected' | 'withdrawn';

const MOVES: Partial<Record<CandidateStage, readonly ManualStage[]>> = {
  new: ['screening', 'rejected', 'withdrawn'],
  screening: ['new', 'rejected', 'withdrawn'],
};

export function manualMoves(stage: CandidateStage): readonly ManualStage[] {
  return MOVES[stage] ?? [];
}

/** Leaving the pipeline is said with a reason (the API refuses it without one). */
export const needsReason = (stage: ManualStage): boolean => stage === 'rejected' || stage === 'withdrawn';

export interface StageMoveInput {
  stage: ManualStage;
  reason?: string;
  /** The version read: a candidate changed meanwhile is refused (409), not overwritten. */
  version: number;
}
