import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../functions/domain/errors.js';
import { roundStatus, scheduleRange } from '../../../../functions/domain/recruitment/interview-schedule.js';

// 2026-11-02 10:00 in Shanghai.
const NOW = new Date('2026-11-02T02:00:00.000Z');

function refused(q: { from?: string; to?: string }): { code: string; field: string | undefined } {
  try {
    scheduleRange(q, NOW);
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, field: err.field };
    throw err;
  }
  throw new Error('not refused');
}

describe('面试安排: the range read', () => {
  it('by default, the two weeks from the start of today in company time', () => {
    expect(scheduleRange({}, NOW)).toEqual({ from: '2026-11-01T16:00:00.000Z', to: '2026-11-15T15:59:59.999Z' });
  });

  it('a date is the whole company day at either end; a date-time is itself; a + read as a space is a +', () => {
    expect(scheduleRange({ from: '2026-11-10', to: '2026-11-10' }, NOW)).toEqual({ from: '2026-11-09T16:00:00.000Z', to: '2026-11-10T15:59:59.999Z' });
    expect(scheduleRange({ from: '2026-11-10T09:00:00+08:00', to: '2026-11-10T09:30:00 08:00' }, NOW)).toEqual({ from: '2026-11-10T01:00:00.000Z', to: '2026-11-10T01:30:00.000Z' });
    expect(scheduleRange({ from: '2026-11-10T01:00Z' }, NOW).to).toBe('2026-11-24T00:59:59.999Z');
  });

  it('62 whole days at most; `to` before `from` and anything but a date or a date-time with its offset are refused by field', () => {
    expect(scheduleRange({ from: '2026-11-01', to: '2027-01-01' }, NOW).to).toBe('2027-01-01T15:59:59.999Z');
    expect(refused({ from: '2026-11-01', to: '2027-01-02' })).toEqual({ code: 'INTERVIEW.RANGE_TOO_LONG', field: 'to' });
    expect(refused({ from: '2026-11-10', to: '2026-11-09' })).toEqual({ code: 'INTERVIEW.RANGE_ORDER', field: 'to' });
    expect(refused({ from: '2026-02-30' })).toEqual({ code: 'INTERVIEW.RANGE_FORMAT', field: 'from' });
    expect(refused({ from: '2026-11-10T09:00:00' })).toEqual({ code: 'INTERVIEW.RANGE_FORMAT', field: 'from' });
    expect(refused({ to: 'next week' })).toEqual({ code: 'INTERVIEW.RANGE_FORMAT', field: 'to' });
  });
});

describe('面试安排: where a round stands', () => {
  it('asking while its process runs and it is not decided; done once decided; ended when the process ended first', () => {
    expect(roundStatus({ status: 'interviewing', decidedSteps: [] }, 'round_1')).toBe('asking');
    expect(roundStatus({ status: 'interviewing', decidedSteps: ['round_1'] }, 'round_1')).toBe('done');
    expect(roundStatus({ status: 'not_hired', decidedSteps: ['round_1'] }, 'round_1')).toBe('done');
    expect(roundStatus({ status: 'not_hired', decidedSteps: [] }, 'round_1')).toBe('ended');
  });
});
