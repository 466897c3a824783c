import { describe, expect, it } from 'vitest';
import { checkProbationAttendance, type ProbationAttendance } from '../../../../functions/domain/probation/attendance.js';
import { policy } from './builders.js';

const record = (over: Partial<ProbationAttendance> = {}): ProbationAttendance => ({
  personalLeaveCount: 0, lateCount: 0, earlyLeaveCount: 0, disciplinaryRecords: 0, ...over,
});

describe('attendance during probation (POLICIES.md §3)', () => {
  it('leave 5 times OK, 6 times breaches (§3)', () => {
    expect(checkProbationAttendance(record({ personalLeaveCount: 5 }), policy())).toEqual([]);
    expect(checkProbationAttendance(record({ personalLeaveCount: 6 }), policy())).toEqual([{ rule: 'personal_leave', count: 6, limit: 5 }]);
  });

  it('late 3 OK, 4 breaches (§3)', () => {
    expect(checkProbationAttendance(record({ lateCount: 3 }), policy())).toEqual([]);
    expect(checkProbationAttendance(record({ lateCount: 4 }), policy())).toEqual([{ rule: 'late', count: 4, limit: 3 }]);
  });

  it('leaving early even once breaches; so does any disciplinary record (§3)', () => {
    expect(checkProbationAttendance(record({ earlyLeaveCount: 1, disciplinaryRecords: 1 }), policy())).toEqual([
      { rule: 'early_leave', count: 1, limit: 0 },
      { rule: 'discipline', count: 1, limit: 0 },
    ]);
  });

  it('the limits are the policy’s', () => {
    const lenient = policy({ attendance: { maxPersonalLeave: 8, maxLate: 5, allowEarlyLeave: true, allowDisciplinaryRecord: false } });
    expect(checkProbationAttendance(record({ personalLeaveCount: 8, lateCount: 5, earlyLeaveCount: 2 }), lenient)).toEqual([]);
  });
});
