import { describe, expect, it } from 'vitest';
import { scoreReview, type ProbationScores } from '../../../../functions/domain/probation/scoring.js';
import { codeOf, policy } from './builders.js';

const even = (x: number): ProbationScores => ({ dailyPerformance: x, professionalTest: x, interview: x });

describe('the weighted probation score and its band (POLICIES.md §3)', () => {
  it('a weighted 90.0 is early conversion, 89.9 on-time (§3)', () => {
    expect(scoreReview(even(90), policy())).toEqual({ weighted: 90, band: { min: 90, outcome: 'convert_early', gap: false } });
    const r = scoreReview({ dailyPerformance: 90, professionalTest: 90, interview: 89.7 }, policy());
    expect(r.weighted).toBe(89.9);
    expect(r.band.outcome).toBe('convert');
  });

  it('80.0 converts on time; 79.9 does not (§3)', () => {
    expect(scoreReview(even(80), policy()).band).toEqual({ min: 80, outcome: 'convert', gap: false });
    expect(scoreReview(even(79.9), policy()).band.outcome).toBe('extend');
  });

  it.each([
    [70, false],
    [65, false],
    [70.1, true],
    [79.9, true],
    [64.9, true],
    [60, true],
  ])('65–70 extension; 70–79 and 60–64 are extension as a gap (§3): %d → gap %s', (score, gap) => {
    expect(scoreReview(even(score), policy()).band).toMatchObject({ outcome: 'extend', gap });
  });

  it('<60 not hired (§3)', () => {
    expect(scoreReview(even(59.9), policy()).band).toEqual({ min: 0, outcome: 'end', gap: false });
    expect(scoreReview(even(0), policy()).band.outcome).toBe('end');
  });

  it('weights come from the policy, not constants: changing one changes the result', () => {
    const scores = { dailyPerformance: 100, professionalTest: 80, interview: 80 };
    expect(scoreReview(scores, policy())).toMatchObject({ weighted: 88, band: { outcome: 'convert' } });
    const heavier = policy({ weights: { dailyPerformance: 70, professionalTest: 15, interview: 15 } });
    expect(scoreReview(scores, heavier)).toMatchObject({ weighted: 94, band: { outcome: 'convert_early' } });
  });

  it('bands come from the policy: HR can move a threshold', () => {
    const bands = policy().bands.map((b) => (b.outcome === 'convert_early' ? { ...b, min: 85 } : b));
    expect(scoreReview(even(85), policy({ bands })).band.outcome).toBe('convert_early');
  });

  it('rounds to one decimal, half up, before reading the band (89.75 → 89.8)', () => {
    expect(scoreReview({ dailyPerformance: 89.9, professionalTest: 90, interview: 89.3 }, policy()).weighted).toBe(89.8);
    expect(scoreReview({ dailyPerformance: 99.9, professionalTest: 80.1, interview: 80.2 }, policy()).weighted).toBe(88.1);
  });

  it.each([[-1], [100.1], [85.25], [Number.NaN]])('a score of %d is refused (0–100, one decimal)', (bad) => {
    expect(codeOf(() => scoreReview({ ...even(80), interview: bad }, policy()))).toBe('PROBATION.SCORE_RANGE@scores.interview');
  });

  it('0 and 100 are valid scores', () => {
    expect(scoreReview({ dailyPerformance: 100, professionalTest: 0, interview: 100 }, policy()).weighted).toBe(70);
  });
});
