import { describe, expect, it } from 'vitest';
import { DEFAULT_VIOLATIONS } from '../../../../functions/domain/discipline/catalogue.js';
import { validateDisciplinePolicy } from '../../../../functions/domain/discipline/policy-validation.js';
import { DEFAULT_POLICIES } from '../../../../functions/domain/policy/defaults.js';

const policy = DEFAULT_POLICIES.discipline;
const issues = (over: Record<string, unknown>) => validateDisciplinePolicy({ ...policy, ...over }).map((i) => [i.path, i.code]);

describe('the discipline policy (POLICIES.md §4) as HR edits it', () => {
  it('the defaults are valid and follow seed 004: 3 = 1 twice, 3 days to appeal, a week to answer, two witnesses', () => {
    expect(validateDisciplinePolicy(policy)).toEqual([]);
    expect(policy.ladder).toEqual({ verbalToWritten: 3, writtenToFinal: 3 });
    expect(policy.windows).toMatchObject({ countingMonths: 12, appealDays: 3, appealAnswerDays: 7 });
    expect(policy.options.witnesses).toBe(2);
    expect(policy.dismissalChain.map((s) => s.key)).toEqual(['supervisor', 'cs_manager', 'hr', 'gm']);
  });

  it('the catalogue is seeded from 004 第五条: 13 verbal (fine 10), 13 written (50), 11 final (200), 14 dismissal', () => {
    const of = (level: string) => DEFAULT_VIOLATIONS.filter((v) => v.level === level);
    expect([of('verbal').length, of('written').length, of('final').length, of('dismissal').length]).toEqual([13, 13, 11, 14]);
    expect(new Set(of('verbal').map((v) => v.fine))).toEqual(new Set([10]));
    expect(new Set(of('written').map((v) => v.fine))).toEqual(new Set([50]));
    expect(new Set(of('final').map((v) => v.fine))).toEqual(new Set([200]));
    expect(new Set(DEFAULT_VIOLATIONS.map((v) => v.code)).size).toBe(51);
  });

  it('names each bad catalogue cell by its path', () => {
    const violations = [
      { code: 'V01', level: 'verbal', fine: 10, label: { 'zh-CN': '迟到', en: 'Late' } },
      { code: 'V01', level: 'warning', fine: -1, label: { 'zh-CN': '', en: 'x' } },
      { code: '1bad', level: 'final', fine: 1.5, label: { 'zh-CN': '说明', en: 'Words' }, extra: 1 },
    ];
    expect(issues({ violations })).toEqual([
      ['violations[1].code', 'POLICY.DUPLICATE_KEY'],
      ['violations[1].level', 'POLICY.ONE_OF'],
      ['violations[1].fine', 'POLICY.INTEGER_RANGE'],
      ['violations[1].label.zh-CN', 'POLICY.REQUIRED'],
      ['violations[2].code', 'POLICY.KEY_FORMAT'],
      ['violations[2].fine', 'POLICY.INTEGER_RANGE'],
      ['violations[2].extra', 'POLICY.ONE_OF'],
    ]);
  });

  it('the ladder needs at least 2, the windows at least a day; an unknown key is refused', () => {
    expect(issues({ ladder: { verbalToWritten: 1, writtenToFinal: 3 }, windows: { ...policy.windows, appealDays: 0 }, suspension: true })).toEqual([
      ['ladder.verbalToWritten', 'POLICY.INTEGER_RANGE'],
      ['windows.appealDays', 'POLICY.INTEGER_RANGE'],
      ['suspension', 'POLICY.ONE_OF'],
    ]);
  });

  it('fines may be turned off; witnesses stay between 1 and 5', () => {
    expect(issues({ options: { fines: false, witnesses: 2 } })).toEqual([]);
    expect(issues({ options: { fines: 'no', witnesses: 0 } })).toEqual([['options.fines', 'POLICY.ONE_OF'], ['options.witnesses', 'POLICY.INTEGER_RANGE']]);
  });
});
