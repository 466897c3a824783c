/**
 * The weighted probation score and its band (POLICIES.md §3: daily performance + professional
 * test + interview; weights and bands are policy data HR edits).
 */
import { DomainError } from '../errors.js';
import { PROBATION_SCORE_NAMES, type ProbationBand, type ProbationPolicy, type ProbationScoreName } from '../policy/defaults.js';

export type ProbationScores = Record<ProbationScoreName, number>;

export interface ScoreResult {
  /** 0–100, one decimal. */
  weighted: number;
  band: ProbationBand;
}

export function scoreReview(scores: ProbationScores, policy: Pick<ProbationPolicy, 'weights' | 'bands'>): ScoreResult {
  // Work in integer tenths so that 89.95 is not 89.94999… : the one-decimal score people see
  // is the one the band is read from (rounded half up).
  let sum = 0;
  for (const name of PROBATION_SCORE_NAMES) {
    const tenths = scoreTenths(scores[name], name);
    sum += tenths * policy.weights[name];
  }
  const weighted = Math.round(sum / 100) / 10;
  return { weighted, band: bandOf(weighted, policy.bands) };
}

/** The first band (highest first) whose minimum the score reaches. */
export function bandOf(weighted: number, bands: readonly ProbationBand[]): ProbationBand {
  const band = bands.find((b) => weighted >= b.min);
  // validateProbationPolicy makes the last band start at 0, so only a bad stored policy lands here.
  if (!band) throw new Error(`no probation band for ${weighted}`);
  return { min: band.min, outcome: band.outcome, gap: band.gap };
}

function scoreTenths(score: number, name: ProbationScoreName): number {
  const tenths = score * 10;
  const rounded = Math.round(tenths);
  // Number.isFinite also refuses a missing score (undefined) from an untyped caller.
  if (!Number.isFinite(score) || score < 0 || score > 100 || Math.abs(tenths - rounded) > 1e-9) {
    throw new DomainError('PROBATION.SCORE_RANGE', `scores.${name}`, { min: 0, max: 100, decimals: 1 });
  }
  return rounded;
}
