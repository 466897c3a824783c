/**
 * Attendance during probation (POLICIES.md §3, 000 第四节 2): personal leave at most 5 times,
 * late at most 3 times, no leaving early, no disciplinary record. The limits are policy data.
 */
import type { ProbationPolicy } from '../policy/defaults.js';

export interface ProbationAttendance {
  personalLeaveCount: number;
  lateCount: number;
  earlyLeaveCount: number;
  disciplinaryRecords: number;
}

export type AttendanceRule = 'personal_leave' | 'late' | 'early_leave' | 'discipline';

export interface AttendanceBreach {
  rule: AttendanceRule;
  count: number;
  /** The most allowed; 0 when any occurrence breaches. */
  limit: number;
}

export function checkProbationAttendance(
  record: ProbationAttendance,
  policy: Pick<ProbationPolicy, 'attendance'>,
): AttendanceBreach[] {
  const limits = policy.attendance;
  const checks: [AttendanceRule, number, number | null][] = [
    ['personal_leave', record.personalLeaveCount, limits.maxPersonalLeave],
    ['late', record.lateCount, limits.maxLate],
    ['early_leave', record.earlyLeaveCount, limits.allowEarlyLeave ? null : 0],
    ['discipline', record.disciplinaryRecords, limits.allowDisciplinaryRecord ? null : 0],
  ];
  return checks.flatMap(([rule, count, limit]) => (limit !== null && count > limit ? [{ rule, count, limit }] : []));
}
