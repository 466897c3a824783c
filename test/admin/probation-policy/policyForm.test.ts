import { describe, expect, it } from 'vitest';
import { isPolicyInput, toSaveValues } from '../../../admin/src/probation-policy/policyForm.js';

describe('the probation policy form', () => {
  it('tells the inputs’ paths from whole groups, whose errors the sections show (the score bands’ go on the grid’s cells)', () => {
    expect(isPolicyInput('values.weights.interview')).toBe(true);
    expect(isPolicyInput('values.bands.2.min')).toBe(false);
    expect(isPolicyInput('values.chain.0.approver.post')).toBe(true);
    expect(isPolicyInput('values.chain.2.approver.mode')).toBe(true);
    expect(isPolicyInput('values.weights')).toBe(false);
    expect(isPolicyInput('values.chain.0.approver')).toBe(false);
  });

  it('sends numbers as numbers, "records nothing" as null and each approver with only its kind’s keys (a role step 或签 unless 会签 is chosen)', () => {
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
        { key: 'gm', approver: { kind: 'role', role: 'gm', mode: 'all' }, records: null, labelZh: '总经理', labelEn: 'GM' },
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
      ['gm', { kind: 'role', role: 'gm', mode: 'all' }, null],
    ]);
  });
});
