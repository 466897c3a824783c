import { describe, expect, it } from 'vitest';
import { decisionBody, fieldPath, groupFields } from '../../../admin/src/approvals/decisionBody.js';
import type { DecisionField } from '../../../admin/src/approvals/types.js';

/** The probation supervisor step's fields, as GET /approvals/{id} lists them. */
const supervisorFields: DecisionField[] = [
  { name: 'scores_dailyPerformance', label: '日常表现', min: 0, max: 100 },
  { name: 'scores_professionalTest', label: '专业测试', min: 0, max: 100 },
  { name: 'scores_interview', label: '面试', min: 0, max: 100 },
  { name: 'attendance_personalLeaveCount', label: '事假次数', min: 0, max: 100 },
  { name: 'attendance_lateCount', label: '迟到次数', min: 0, max: 100 },
  { name: 'attendance_earlyLeaveCount', label: '早退次数', min: 0, max: 100 },
];

describe('the decision form’s body', () => {
  it('a field name is split at its first underscore: the input’s source and the API’s error path', () => {
    expect(fieldPath('scores_interview')).toBe('scores.interview');
    expect(fieldPath('attendance_personalLeaveCount')).toBe('attendance.personalLeaveCount');
    expect(fieldPath('a_b_c')).toBe('a.b_c');
    expect(fieldPath('plain')).toBe('plain');
  });

  it('an approval with scores sends them grouped, with the attendance counts and the comment', () => {
    const values = {
      comment: '  表现优秀 ',
      scores: { dailyPerformance: 95, professionalTest: 92, interview: 90 },
      attendance: { personalLeaveCount: 1, lateCount: 0, earlyLeaveCount: 0 },
      outcome: '' as const,
    };
    expect(decisionBody('approve', values, supervisorFields)).toEqual({
      comment: '表现优秀',
      scores: { dailyPerformance: 95, professionalTest: 92, interview: 90 },
      attendance: { personalLeaveCount: 1, lateCount: 0, earlyLeaveCount: 0 },
    });
  });

  it('empty inputs are left out, numbers typed as text are sent as numbers', () => {
    const values = { scores: { dailyPerformance: '88.5', professionalTest: '', interview: null } };
    expect(groupFields(values, supervisorFields)).toEqual({ scores: { dailyPerformance: 88.5 } });
  });

  it('a step without fields sends only the comment, and nothing at all without one', () => {
    expect(decisionBody('approve', { comment: '同意' }, [])).toEqual({ comment: '同意' });
    expect(decisionBody('approve', { comment: '   ' }, [])).toEqual({});
  });

  it('a rejection carries only its comment, whatever else was typed', () => {
    const values = { comment: '需要更多观察', scores: { interview: 50 }, outcome: 'end' as const };
    expect(decisionBody('reject', values, supervisorFields)).toEqual({ comment: '需要更多观察' });
  });

  it('a changed outcome is sent, with the extension length only for an extension', () => {
    expect(decisionBody('approve', { comment: '再观察', outcome: 'extend', extensionMonths: 2 }, [])).toEqual({
      comment: '再观察',
      outcome: 'extend',
      extensionMonths: 2,
    });
    expect(decisionBody('approve', { comment: '直接转正', outcome: 'convert', extensionMonths: 2 }, [])).toEqual({
      comment: '直接转正',
      outcome: 'convert',
    });
  });
});
