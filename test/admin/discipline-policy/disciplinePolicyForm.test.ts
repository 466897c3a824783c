import { describe, expect, it } from 'vitest';
import {
  DISCIPLINE_GROUPS,
  countByLevel,
  isDisciplinePolicyInput,
  newViolation,
  toDisciplineForm,
  toDisciplinePolicy,
  violationCellErrors,
} from '../../../admin/src/discipline-policy/disciplinePolicyForm.js';
import { DEFAULT_POLICIES } from '../../../functions/domain/policy/defaults.js';
import { validateDisciplinePolicy } from '../../../functions/domain/discipline/policy-validation.js';

/** 奖惩制度 (POLICIES.md §4; 004 第五条) as the API stores it: the seeded first version. */
const stored = (): Record<string, unknown> => structuredClone(DEFAULT_POLICIES.discipline) as unknown as Record<string, unknown>;
type Row = { code: string; level: string; fine: unknown; labelZh: string; labelEn: string };
const rowsOf = (form: Record<string, unknown>) => form.violations as Row[];

describe('the discipline policy form (奖惩制度, POLICIES.md §4)', () => {
  it('shows each of the 51 violations as a flat grid row, its words as 说明（中文）/（英文）', () => {
    const rows = rowsOf(toDisciplineForm(stored()));
    expect(rows).toHaveLength(51);
    expect(rows[1]).toEqual({ code: 'V02', level: 'verbal', fine: 10, labelZh: '迟到或早退', labelEn: 'Late arrival or leaving early' });
    expect(countByLevel(rows)).toEqual([
      { level: 'verbal', count: 13 },
      { level: 'written', count: 13 },
      { level: 'final', count: 11 },
      { level: 'dismissal', count: 14 },
    ]);
  });

  it('sends the stored values back unchanged when nothing was edited, and the API accepts them', () => {
    const out = toDisciplinePolicy(toDisciplineForm(stored()));
    expect(out).toEqual(stored());
    expect(validateDisciplinePolicy(out)).toEqual([]);
  });

  it('turning fines off is sent as false, and on again as true (乐捐 is an option)', () => {
    const form = toDisciplineForm(stored());
    const off = toDisciplinePolicy({ ...form, options: { fines: false, witnesses: 2 } });
    expect(off.options).toEqual({ fines: false, witnesses: 2 });
    const on = toDisciplinePolicy({ ...form, options: { fines: true, witnesses: '3' } });
    expect(on.options).toEqual({ fines: true, witnesses: 3 });
  });

  it('a changed fine, level or words in a row go back under the violation’s own keys', () => {
    const form = toDisciplineForm(stored());
    const rows = rowsOf(form).map((row, i) => (i === 3 ? { ...row, code: ' V04 ', level: 'written', fine: '60', labelEn: 'Personal calls at work' } : row));
    const out = toDisciplinePolicy({ ...form, violations: rows }).violations as Array<Record<string, unknown>>;
    expect(out[3]).toEqual({ code: 'V04', level: 'written', fine: 60, label: { 'zh-CN': '上班时间打私人电话，或利用电话、上网聊天', en: 'Personal calls at work' } });
    expect(out.filter((_, i) => i !== 3)).toEqual(DEFAULT_POLICIES.discipline.violations.filter((_, i) => i !== 3));
  });

  it('a row added in the grid is sent as a violation; emptied numbers as null for the API to name', () => {
    const form = toDisciplineForm(stored());
    const out = toDisciplinePolicy({
      ...form,
      ladder: { verbalToWritten: '4', writtenToFinal: '' },
      windows: { countingMonths: 6, signDays: '7', appealDays: '5', appealAnswerDays: undefined },
      stepDueHours: '24',
      violations: [...rowsOf(form), { ...newViolation(), code: 'V14', labelZh: '上班睡觉', labelEn: 'Sleeping at work', fine: null }],
    });
    expect(out.ladder).toEqual({ verbalToWritten: 4, writtenToFinal: null });
    expect(out.windows).toEqual({ countingMonths: 6, signDays: 7, appealDays: 5, appealAnswerDays: null });
    expect(out.stepDueHours).toBe(24);
    const added = (out.violations as unknown[])[51];
    expect(added).toEqual({ code: 'V14', level: 'verbal', fine: null, label: { 'zh-CN': '上班睡觉', en: 'Sleeping at work' } });
    // The API names the empty fine at its cell (values.violations[51].fine in the problem).
    expect(validateDisciplinePolicy(out).map((i) => i.path)).toEqual(['ladder.writtenToFinal', 'windows.appealAnswerDays', 'violations[51].fine']);
  });

  it('reduces each dismissal approver rule to its kind’s keys and trims the step keys', () => {
    const out = toDisciplinePolicy({
      ...toDisciplineForm(stored()),
      dismissalChain: [{ key: ' gm ', approver: { kind: 'role', role: 'gm', mode: 'any', post: 'supervisor' }, labelZh: '总经理审批', labelEn: 'GM approval' }],
    });
    expect(out.dismissalChain).toEqual([{ key: 'gm', approver: { kind: 'role', role: 'gm', mode: 'any' }, labelZh: '总经理审批', labelEn: 'GM approval' }]);
  });

  it('puts the server’s errors under the inputs; a violation’s on its grid cell; a list or a whole rule under its section', () => {
    for (const path of [
      'values.ladder.verbalToWritten',
      'values.windows.appealDays',
      'values.options.fines',
      'values.options.witnesses',
      'values.stepDueHours',
      'values.dismissalChain.1.approver.post',
      'values.dismissalChain.0.labelZh',
    ]) {
      expect(isDisciplinePolicyInput(path), path).toBe(true);
    }
    for (const path of ['values.ladder', 'values.windows', 'values.dismissalChain', 'values.dismissalChain.0.approver', 'values.violations.3.fine', 'values.violations', 'values.fines', 'windows.appealDays']) {
      expect(isDisciplinePolicyInput(path), path).toBe(false);
    }
    expect(DISCIPLINE_GROUPS).toEqual(['values.ladder', 'values.windows', 'values.options', 'values.dismissalChain', 'values.violations']);
  });

  it('names a row’s words as the grid’s cells, so the API’s label.zh-CN / label.en errors mark the cell', () => {
    expect(
      violationCellErrors({
        'values.violations.3.fine': '须为 0–100000 之间的整数',
        'values.violations.4.label.zh-CN': '必填',
        'values.violations.5.label.en': '不能超过 200 个字',
        'values.violations.6.label': '必填',
        'values.windows.appealDays': '须为 1–30 之间的整数',
      }),
    ).toEqual({
      'values.violations.3.fine': '须为 0–100000 之间的整数',
      'values.violations.4.labelZh': '必填',
      'values.violations.5.labelEn': '不能超过 200 个字',
      'values.violations.6.label': '必填',
      'values.windows.appealDays': '须为 1–30 之间的整数',
    });
  });
});
