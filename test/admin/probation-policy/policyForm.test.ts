import { describe, expect, it } from 'vitest';
import { groupErrors, isGap, isPolicyInput, toSaveValues } from '../../../admin/src/probation-policy/policyForm.js';

const gaps = ['reviewLeadDays', 'weights', 'bands[2]', 'bands[4]', 'extensionMonths'];

describe('the probation policy form', () => {
  it('marks a value as a gap when it is, or lies inside, a path the API lists', () => {
    expect(isGap('reviewLeadDays', gaps)).toBe(true);
    expect(isGap('weights.interview', gaps)).toBe(true);
    expect(isGap('values.weights.interview', gaps)).toBe(true);
    expect(isGap('bands.2.min', gaps)).toBe(true);
    expect(isGap('bands[4].outcome', gaps)).toBe(true);
    expect(isGap('bands.1.min', gaps)).toBe(false);
    expect(isGap('bands.20.min', gaps)).toBe(false);
    expect(isGap('defaultMonths', gaps)).toBe(false);
  });

  it('tells the inputs’ paths from whole groups, whose errors the sections show', () => {
    expect(isPolicyInput('values.weights.interview')).toBe(true);
    expect(isPolicyInput('values.bands.2.min')).toBe(true);
    expect(isPolicyInput('values.chain.0.approver.post')).toBe(true);
    expect(isPolicyInput('values.weights')).toBe(false);
    expect(isPolicyInput('values.chain.0.approver')).toBe(false);
    const others = { 'values.weights': '三项权重之和须为 100（现为 90）', 'values.chain.1.approver': '必填', 'values.chain': '必填' };
    expect(groupErrors(others, 'values.weights')).toEqual(['三项权重之和须为 100（现为 90）']);
    expect(groupErrors(others, 'values.chain')).toEqual(['必填', '必填']);
    expect(groupErrors(others, 'values.bands')).toEqual([]);
  });

  it('sends numbers as numbers, "records nothing" as null and each approver with only its kind’s keys', () => {
    const saved = toSaveValues({
      defaultMonths: '3',
      stepDueHours: '',
      weights: { dailyPerformance: '40', professionalTest: 30, interview: 30 },
      attendance: { maxPersonalLeave: '5', maxLate: 3, allowEarlyLeave: undefined, allowDisciplinaryRecord: false },
      bands: [{ min: '90', outcome: 'convert_early', gap: undefined }],
      chain: [
        { key: ' supervisor ', approver: { kind: 'post_in_line', post: 'supervisor', fallback: 'superior', role: 'hr' }, records: 'scores', labelZh: '主管评估', labelEn: 'Supervisor' },
        { key: 'manager', approver: { kind: 'post_in_line', post: 'cs_manager', fallback: '' }, records: '', labelZh: '经理', labelEn: 'Manager' },
        { key: 'hr', approver: { kind: 'role', role: 'hr', post: 'gm' }, records: 'outcome', labelZh: '人力', labelEn: 'HR' },
        { key: 'boss', approver: { kind: 'superior', post: 'gm' }, records: null, labelZh: '上级', labelEn: 'Boss' },
      ],
    });
    expect(saved).toMatchObject({
      defaultMonths: 3,
      stepDueHours: null,
      weights: { dailyPerformance: 40, professionalTest: 30, interview: 30 },
      attendance: { maxPersonalLeave: 5, maxLate: 3, allowEarlyLeave: false, allowDisciplinaryRecord: false },
      bands: [{ min: 90, outcome: 'convert_early', gap: false }],
    });
    expect(saved.chain.map((s) => [s.key, s.approver, s.records])).toEqual([
      ['supervisor', { kind: 'post_in_line', post: 'supervisor', fallback: 'superior' }, 'scores'],
      ['manager', { kind: 'post_in_line', post: 'cs_manager' }, null],
      ['hr', { kind: 'role', role: 'hr', mode: 'any' }, 'outcome'],
      ['boss', { kind: 'superior' }, null],
    ]);
  });
});
