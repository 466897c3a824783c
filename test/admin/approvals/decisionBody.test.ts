import { describe, expect, it } from 'vitest';
import { decisionBody, fieldValue } from '../../../admin/src/approvals/decisionBody.js';
import type { DecisionField } from '../../../admin/src/approvals/types.js';

const number = (path: string, label: string): DecisionField => ({ name: path.replace('.', '_'), path, label, type: 'number', required: true, min: 0, max: 100 });

/** The probation scoring step's fields, as GET /approvals/{id} lists them (its spec). */
const supervisorFields: DecisionField[] = [
  number('scores.dailyPerformance', '日常表现'),
  number('scores.professionalTest', '专业测试'),
  number('scores.interview', '面试'),
  { name: 'attendance_lateCount', path: 'attendance.lateCount', label: '迟到次数', type: 'integer', required: false, min: 0, max: 1000 },
  { name: 'outcome', path: 'outcome', label: '调整结果', type: 'choice', required: false, options: [{ value: 'convert', label: '转正' }, { value: 'extend', label: '延长试用期' }] },
  { name: 'extensionMonths', path: 'extensionMonths', label: '延长月数', type: 'integer', required: false, min: 1, max: 6 },
];

describe('the decision form’s body (built from the step’s spec)', () => {
  it('an approval sends each filled field at its path, with the comment trimmed', () => {
    const values = {
      comment: '  表现优秀 ',
      scores: { dailyPerformance: 95, professionalTest: 92, interview: 90 },
      attendance: { lateCount: 1 },
      outcome: '',
    };
    expect(decisionBody('approve', values, supervisorFields)).toEqual({
      comment: '表现优秀',
      scores: { dailyPerformance: 95, professionalTest: 92, interview: 90 },
      attendance: { lateCount: 1 },
    });
  });

  it('empty inputs are left out (the API names what is missing); numbers typed as text are sent as numbers, anything else as typed', () => {
    const values = { scores: { dailyPerformance: '88.5', professionalTest: '', interview: null }, extensionMonths: 'two' };
    expect(decisionBody('approve', values, supervisorFields)).toEqual({ scores: { dailyPerformance: 88.5 }, extensionMonths: 'two' });
    expect(fieldValue(number('x', 'x'), '  ')).toBeUndefined();
  });

  it('a choice, a date and a text are sent as their value', () => {
    const fields: DecisionField[] = [
      { name: 'outcome', path: 'outcome', label: '结果', type: 'choice', required: false, options: [{ value: 'extend', label: '延长' }] },
      { name: 'from', path: 'from', label: '起始', type: 'date', required: true },
      { name: 'note', path: 'note', label: '说明', type: 'text', required: true },
    ];
    expect(decisionBody('approve', { outcome: 'extend', from: '2026-12-01', note: ' 已核实 ', comment: '再观察' }, fields)).toEqual({
      comment: '再观察', outcome: 'extend', from: '2026-12-01', note: '已核实',
    });
  });

  it('a step without fields sends only the comment, and nothing at all without one', () => {
    expect(decisionBody('approve', { comment: '同意' }, [])).toEqual({ comment: '同意' });
    expect(decisionBody('approve', { comment: '   ' }, [])).toEqual({});
  });

  it('a rejection carries only its comment, whatever else was typed', () => {
    const values = { comment: '需要更多观察', scores: { interview: 50 }, outcome: 'end' };
    expect(decisionBody('reject', values, supervisorFields)).toEqual({ comment: '需要更多观察' });
  });
});
