import { describe, expect, it } from 'vitest';
import type { ProbationChainStep, ProbationPolicy } from '../../../../functions/domain/policy/defaults.js';
import { validateProbationPolicy } from '../../../../functions/domain/probation/policy-validation.js';
import { policy } from './builders.js';

const issues = (over: Partial<ProbationPolicy> | Record<string, unknown>) =>
  validateProbationPolicy({ ...policy(), ...over }).map((i) => `${i.code}@${i.path}`);
const step = (key: string, records: ProbationChainStep['records']): ProbationChainStep => ({
  key, approver: { kind: 'role', role: 'hr', mode: 'any' }, records, labelZh: key, labelEn: key,
});

describe('a probation policy HR submits (POLICIES.md §3)', () => {
  it('the defaults are valid', () => {
    expect(validateProbationPolicy(policy())).toEqual([]);
  });

  it('weights are non-negative whole percents summing to 100', () => {
    expect(validateProbationPolicy(policy({ weights: { dailyPerformance: 40, professionalTest: 30, interview: 29 } }))).toEqual([
      { path: 'weights', code: 'POLICY.WEIGHTS_SUM', params: { sum: 99 } },
    ]);
    expect(issues({ weights: { dailyPerformance: 110, professionalTest: 20, interview: -30 } })).toEqual([
      'POLICY.INTEGER_RANGE@weights.dailyPerformance', 'POLICY.INTEGER_RANGE@weights.interview',
    ]);
  });

  it('bands are strictly descending and the last starts at 0', () => {
    const bands = policy().bands;
    expect(issues({ bands: [bands[0], bands[1], { ...bands[2]!, min: 80 }, ...bands.slice(3)] })).toEqual(['POLICY.BANDS_ORDER@bands[2].min']);
    expect(issues({ bands: bands.slice(0, 5) })).toEqual(['POLICY.BANDS_LAST_ZERO@bands[4].min']);
    expect(issues({ bands: [] })).toEqual(['POLICY.REQUIRED@bands']);
    expect(issues({ bands: [{ min: 0, outcome: 'fire', gap: 'no' }] })).toEqual(['POLICY.ONE_OF@bands[0].outcome', 'POLICY.ONE_OF@bands[0].gap']);
    expect(issues({ bands: [{ min: 70.05, outcome: 'extend', gap: true }, bands[5]] })).toEqual(['POLICY.NUMBER_RANGE@bands[0].min']);
  });

  it('1 ≤ minMonths ≤ defaultMonths ≤ maxMonths ≤ 12 (§3, 001)', () => {
    expect(issues({ minMonths: 0 })).toEqual(['POLICY.INTEGER_RANGE@minMonths']);
    expect(issues({ maxMonths: 13 })).toEqual(['POLICY.INTEGER_RANGE@maxMonths']);
    expect(issues({ defaultMonths: 7 })).toEqual(['POLICY.MONTHS_ORDER@defaultMonths']);
    expect(issues({ minMonths: 4 })).toEqual(['POLICY.MONTHS_ORDER@defaultMonths']);
    expect(issues({ minMonths: 5, defaultMonths: 5, maxMonths: 4 })).toEqual(['POLICY.MONTHS_ORDER@maxMonths']);
    expect(issues({ minMonths: 1, defaultMonths: 12, maxMonths: 12 })).toEqual([]);
  });

  it('the application cut-off is a day every month has (1–28)', () => {
    expect(issues({ applicationCutoffDay: 28 })).toEqual([]);
    expect(issues({ applicationCutoffDay: 29 })).toEqual(['POLICY.INTEGER_RANGE@applicationCutoffDay']);
    expect(issues({ applicationCutoffDay: 0 })).toEqual(['POLICY.INTEGER_RANGE@applicationCutoffDay']);
  });

  it('attendance limits are counts and yes/no rules', () => {
    expect(issues({ attendance: { maxPersonalLeave: -1, maxLate: 3, allowEarlyLeave: 'no', allowDisciplinaryRecord: false } })).toEqual([
      'POLICY.INTEGER_RANGE@attendance.maxPersonalLeave', 'POLICY.ONE_OF@attendance.allowEarlyLeave',
    ]);
  });

  it('the chain is non-empty with unique keys, scores first and the outcome last', () => {
    expect(issues({ chain: [] })).toEqual(['POLICY.REQUIRED@chain']);
    expect(issues({ chain: [step('a', 'scores'), step('a', 'outcome')] })).toEqual(['POLICY.DUPLICATE_KEY@chain[1].key']);
    expect(issues({ chain: [step('a', null), step('b', 'outcome')] })).toEqual(['POLICY.CHAIN_SCORES_FIRST@chain[0].records']);
    expect(issues({ chain: [step('a', 'scores'), step('b', 'scores'), step('c', 'outcome')] })).toEqual(['POLICY.CHAIN_SCORES_FIRST@chain[1].records']);
    expect(issues({ chain: [step('a', 'scores'), step('b', 'outcome'), step('c', null)] })).toEqual([
      'POLICY.CHAIN_OUTCOME_LAST@chain[1].records', 'POLICY.CHAIN_OUTCOME_LAST@chain[2].records',
    ]);
    expect(issues({ chain: [step('a', 'scores'), step('b', 'outcome'), step('c', 'outcome')] })).toEqual(['POLICY.CHAIN_OUTCOME_LAST@chain[1].records']);
  });

  it('each step names a known approver and carries both labels', () => {
    const bad = [
      { ...step('a', 'scores'), approver: { kind: 'post_in_line', post: 'boss' }, labelEn: '' },
      { ...step('b', null), approver: { kind: 'role', role: ' ', mode: 'some' } },
      { ...step('Bad Key', null), approver: { kind: 'someone' } },
      step('d', 'outcome'),
    ];
    expect(issues({ chain: bad })).toEqual([
      'POLICY.REQUIRED@chain[0].labelEn', 'POLICY.ONE_OF@chain[0].approver.post',
      'POLICY.REQUIRED@chain[1].approver.role', 'POLICY.ONE_OF@chain[1].approver.mode',
      'POLICY.KEY_FORMAT@chain[2].key', 'POLICY.ONE_OF@chain[2].approver.kind',
    ]);
  });

  it('something that is not a policy is refused as a whole', () => {
    expect(validateProbationPolicy(null)).toEqual([{ path: '', code: 'POLICY.REQUIRED' }]);
  });
});
