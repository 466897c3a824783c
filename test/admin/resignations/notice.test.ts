import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, isShortenedNotice, noticeTerms } from '../../../admin/src/resignations/notice.js';

/** The notice the 申请离职 form shows before submitting (POLICIES.md §9; seed 001 六(一)). */
const rule = { months: 1, probationDays: 3 };

describe('the notice a resignation gives, as the form shows it', () => {
  it('a regular employee gives one month: the same day of the next month, counted in days', () => {
    expect(noticeTerms(rule, '2026-03-10', false)).toEqual({ noticeDays: 31, earliestLastDay: '2026-04-10', onProbation: false, ahead: 1 });
    expect(noticeTerms(rule, '2026-04-10', false)).toEqual({ noticeDays: 30, earliestLastDay: '2026-05-10', onProbation: false, ahead: 1 });
  });

  it('handed in on 31 January, the earliest last day is the end of February (28 or 29 days)', () => {
    expect(noticeTerms(rule, '2026-01-31', false)?.earliestLastDay).toBe('2026-02-28');
    expect(noticeTerms(rule, '2028-01-31', false)).toMatchObject({ earliestLastDay: '2028-02-29', noticeDays: 29 });
  });

  it('over the turn of the year', () => {
    expect(noticeTerms(rule, '2026-12-15', false)?.earliestLastDay).toBe('2027-01-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('an employee on probation gives the policy’s days', () => {
    expect(noticeTerms(rule, '2026-03-30', true)).toEqual({ noticeDays: 3, earliestLastDay: '2026-04-02', onProbation: true, ahead: 3 });
    expect(noticeTerms({ months: 1, probationDays: 7 }, '2026-12-28', true)?.earliestLastDay).toBe('2027-01-04');
  });

  it('follows the policy’s numbers: two months when the policy says so', () => {
    expect(noticeTerms({ months: 2, probationDays: 3 }, '2026-03-10', false)).toMatchObject({ earliestLastDay: '2026-05-10', noticeDays: 61 });
  });

  it('says nothing while the policy is not known', () => {
    expect(noticeTerms(undefined, '2026-03-10', false)).toBeUndefined();
    expect(noticeTerms({ probationDays: 3 }, '2026-03-10', false)).toBeUndefined();
  });

  it('a last day before the earliest is a shortened notice; the earliest itself and later are not; no day chosen is not', () => {
    expect(isShortenedNotice('2026-04-09', '2026-04-10')).toBe(true);
    expect(isShortenedNotice('2026-04-10', '2026-04-10')).toBe(false);
    expect(isShortenedNotice('2026-05-01', '2026-04-10')).toBe(false);
    expect(isShortenedNotice('', '2026-04-10')).toBe(false);
    expect(isShortenedNotice(null, '2026-04-10')).toBe(false);
    expect(isShortenedNotice('2026-04-09', undefined)).toBe(false);
  });

  it('counts whole days either way', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });
});
