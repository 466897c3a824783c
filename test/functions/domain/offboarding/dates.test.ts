import { describe, expect, it } from 'vitest';
import { daysBetween, finalPayDate, handoverCompletedOn, isShortenedNotice, noticeTerms } from '../../../../functions/domain/offboarding/dates.js';

const NOTICE = { months: 1, probationDays: 3 };
const PAY = { dayOfMonth: 15, monthsAfter: 1 };

describe('the notice of a resignation (POLICIES.md §9; 001 六(一): 1 month, 3 days in probation)', () => {
  it('a regular employee: the same day next month is the earliest last day', () => {
    expect(noticeTerms(NOTICE, '2026-03-10', false)).toEqual({ noticeDays: 31, earliestLastDay: '2026-04-10' });
    expect(noticeTerms(NOTICE, '2026-04-10', false)).toEqual({ noticeDays: 30, earliestLastDay: '2026-05-10' });
  });

  it('handed in on the 31st, the month after ends sooner: its last day', () => {
    expect(noticeTerms(NOTICE, '2026-01-31', false)).toEqual({ noticeDays: 28, earliestLastDay: '2026-02-28' });
    expect(noticeTerms(NOTICE, '2028-01-31', false).earliestLastDay).toBe('2028-02-29');
  });

  it('in probation: 3 days', () => {
    expect(noticeTerms(NOTICE, '2026-03-30', true)).toEqual({ noticeDays: 3, earliestLastDay: '2026-04-02' });
  });

  it('the numbers are the policy’s: 2 months, 7 days', () => {
    expect(noticeTerms({ months: 2, probationDays: 7 }, '2026-03-10', false).earliestLastDay).toBe('2026-05-10');
    expect(noticeTerms({ months: 2, probationDays: 7 }, '2026-03-10', true).earliestLastDay).toBe('2026-03-17');
  });

  it('a last day the day before the earliest is a shortened notice; the earliest itself is not', () => {
    expect(isShortenedNotice('2026-04-09', '2026-04-10')).toBe(true);
    expect(isShortenedNotice('2026-04-10', '2026-04-10')).toBe(false);
    expect(isShortenedNotice('2026-05-01', '2026-04-10')).toBe(false);
  });
});

describe('the final-pay date (POLICIES.md §9; 001 六(三): the 15th of the month after the handover is complete)', () => {
  it('the last handover signed on the 31st pays on the 15th of the next month; on the 1st, a month later', () => {
    expect(finalPayDate(PAY, '2026-01-31')).toBe('2026-02-15');
    expect(finalPayDate(PAY, '2026-02-01')).toBe('2026-03-15');
  });

  it('across the year: December pays in January', () => {
    expect(finalPayDate(PAY, '2026-12-31')).toBe('2027-01-15');
  });

  it('a pay day past the month’s end falls on its last day (policy day 31 in February)', () => {
    expect(finalPayDate({ dayOfMonth: 31, monthsAfter: 1 }, '2026-01-10')).toBe('2026-02-28');
    expect(finalPayDate({ dayOfMonth: 31, monthsAfter: 1 }, '2026-02-10')).toBe('2026-03-31');
  });

  it('the months after are the policy’s: 0 pays in the same month', () => {
    expect(finalPayDate({ dayOfMonth: 15, monthsAfter: 0 }, '2026-02-01')).toBe('2026-02-15');
  });
});

describe('when the handover is complete', () => {
  it('the latest signature once all are signed; null while one is not; the last day when there is nothing to hand over', () => {
    expect(handoverCompletedOn([{ receivedOn: '2026-01-20' }, { receivedOn: '2026-02-01' }, { receivedOn: '2026-01-31' }], '2026-01-31')).toBe('2026-02-01');
    expect(handoverCompletedOn([{ receivedOn: '2026-01-20' }, { receivedOn: null }], '2026-01-31')).toBeNull();
    expect(handoverCompletedOn([], '2026-01-31')).toBe('2026-01-31');
  });

  it('counts whole days', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });
});
