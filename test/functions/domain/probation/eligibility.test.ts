import { describe, expect, it } from 'vitest';
import { planReview, reviewDueToStart, type ReviewRequest } from '../../../../functions/domain/probation/eligibility.js';
import { codeOf, errorOf, policy, trainee } from './builders.js';

const request = (over: Partial<ReviewRequest> = {}): ReviewRequest => ({
  employee: trainee(), kind: 'early', applicant: 'employee', today: '2026-04-10', policy: policy(), hasOpenReview: false, ...over,
});

describe('who may start a probation review (POLICIES.md §3)', () => {
  it('someone not on probation has nothing to review', () => {
    expect(codeOf(() => planReview(request({ employee: trainee({ status: 'regular' }) })))).toBe('PROBATION.NOT_ON_PROBATION');
    expect(codeOf(() => planReview(request({ employee: trainee({ probationEndDate: null }) })))).toBe('PROBATION.NOT_ON_PROBATION');
  });

  it('a second review is refused while one is open', () => {
    expect(codeOf(() => planReview(request({ hasOpenReview: true })))).toBe('PROBATION.REVIEW_OPEN');
  });

  it('an early application before one month of service is refused (§3)', () => {
    const err = errorOf(() => planReview(request({ today: '2026-04-09' })));
    expect(err.code).toBe('PROBATION.TOO_EARLY');
    expect(err.params).toEqual({ months: 0, minMonths: 1 });
    expect(planReview(request({ today: '2026-04-10' }))).toEqual({ startsOn: '2026-04-10', deferred: false });
  });

  it('the minimum service for early conversion is the policy’s, not a constant', () => {
    const twoMonths = policy({ earlyConversionMinMonths: 2 });
    expect(codeOf(() => planReview(request({ today: '2026-05-09', policy: twoMonths })))).toBe('PROBATION.TOO_EARLY');
    expect(codeOf(() => planReview(request({ today: '2026-05-10', policy: twoMonths })))).toBeUndefined();
  });
});

describe('when a review starts (§3: applications up to and including the 15th)', () => {
  it('an application on the 15th starts this month, on the 16th joins next month’s round (§3)', () => {
    expect(planReview(request({ today: '2026-04-15' }))).toEqual({ startsOn: '2026-04-15', deferred: false });
    expect(planReview(request({ today: '2026-04-16' }))).toEqual({ startsOn: '2026-05-01', deferred: true, reason: 'after_cutoff' });
  });

  it('a December application after the cut-off joins January’s round', () => {
    const employee = trainee({ hireDate: '2026-10-01', probationEndDate: '2027-01-01' });
    expect(planReview(request({ employee, today: '2026-12-16' })).startsOn).toBe('2027-01-01');
  });

  it('the cut-off day is the policy’s', () => {
    expect(planReview(request({ today: '2026-04-11', policy: policy({ applicationCutoffDay: 10 }) })).deferred).toBe(true);
  });

  it('a supervisor’s start is not an application: it starts on the day, even after the 15th', () => {
    expect(planReview(request({ applicant: 'supervisor', today: '2026-04-20' }))).toEqual({ startsOn: '2026-04-20', deferred: false });
  });
});

describe('the scheduled review window (reviewLeadDays before the end date, gap)', () => {
  const scheduled = (today: string) => request({ kind: 'scheduled', applicant: 'supervisor', today });

  it.each([
    ['2026-05-26', 'PROBATION.OUTSIDE_WINDOW'],
    ['2026-05-27', undefined],
    ['2026-06-10', undefined],
    ['2026-06-11', 'PROBATION.OUTSIDE_WINDOW'],
  ])('a supervisor starting it on %s → %s (probation ends 2026-06-10, 14 days’ lead)', (today, expected) => {
    expect(codeOf(() => planReview(scheduled(today)))).toBe(expected);
  });

  it('tells the client when the window opens and closes', () => {
    expect(errorOf(() => planReview(scheduled('2026-05-01'))).params).toEqual({ opensOn: '2026-05-27', endsOn: '2026-06-10' });
  });

  it.each([
    ['2026-05-26', false],
    ['2026-05-27', true],
    ['2026-06-10', true],
    ['2026-06-11', false],
  ])('the daily job starts it on %s: %s', (today, due) => {
    expect(reviewDueToStart(trainee(), today, policy())).toBe(due);
  });

  it('the daily job leaves alone anyone no longer on probation, and follows the policy’s lead time', () => {
    expect(reviewDueToStart(trainee({ status: 'regular' }), '2026-06-01', policy())).toBe(false);
    expect(reviewDueToStart(trainee(), '2026-05-27', policy({ reviewLeadDays: 7 }))).toBe(false);
    expect(reviewDueToStart(trainee(), '2026-06-03', policy({ reviewLeadDays: 7 }))).toBe(true);
  });
});
