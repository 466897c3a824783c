import { describe, expect, it } from 'vitest';
import { counts, countsUntil, explainRule, levelFor, type PriorAction } from '../../../../functions/domain/discipline/ladder.js';
import { DEFAULT_POLICIES } from '../../../../functions/domain/policy/defaults.js';

const policy = DEFAULT_POLICIES.discipline;
let n = 0;
const act = (level: PriorAction['level'], occurredOn: string, over: Partial<PriorAction> = {}): PriorAction => ({
  id: `a${++n}`, level, status: 'effective', occurredOn, rolledUpInto: null, ...over,
});

describe('3 verbal = 1 written (POLICIES.md §4; 004 第五条(一) 受三次口头警告等同一次书面警告)', () => {
  it('the 2nd verbal warning stays verbal', () => {
    const out = levelFor(policy, [act('verbal', '2026-03-01')], 'verbal', '2026-04-01');
    expect(out).toEqual({ level: 'verbal', rule: 'as_catalogued', rules: ['as_catalogued'], counted: [], rolledUp: [] });
  });

  it('the 3rd verbal warning is issued as written, citing and rolling up the two earlier ones', () => {
    const a = act('verbal', '2026-03-01');
    const b = act('verbal', '2026-02-01');
    const out = levelFor(policy, [a, b], 'verbal', '2026-04-01');
    expect(out.level).toBe('written');
    expect(out.rule).toBe('verbal_rollup');
    // Oldest first: the notice cites them in the order they happened.
    expect(out.counted).toEqual([b.id, a.id]);
    expect(out.rolledUp).toEqual([b.id, a.id]);
  });

  it('warnings already rolled up no longer count: after a roll-up the next verbal is the 1st again', () => {
    const history = [act('verbal', '2026-01-01', { rolledUpInto: 'w' }), act('verbal', '2026-01-02', { rolledUpInto: 'w' }), act('written', '2026-01-03')];
    expect(levelFor(policy, history, 'verbal', '2026-02-01').level).toBe('verbal');
  });

  it('a voided warning does not count (an upheld appeal, 004 第五条(六)1)', () => {
    const out = levelFor(policy, [act('verbal', '2026-03-01'), act('verbal', '2026-03-02', { status: 'voided' })], 'verbal', '2026-04-01');
    expect(out.level).toBe('verbal');
  });

  it('a warning still being signed or appealed counts (it is on the record until voided)', () => {
    const history = [act('verbal', '2026-03-01', { status: 'pending_signature' }), act('verbal', '2026-03-02', { status: 'under_appeal' })];
    expect(levelFor(policy, history, 'verbal', '2026-03-03').level).toBe('written');
  });

  it('the ladder is policy: verbalToWritten 4 needs three earlier verbal warnings', () => {
    const p = { ...policy, ladder: { ...policy.ladder, verbalToWritten: 4 } };
    const two = [act('verbal', '2026-03-01'), act('verbal', '2026-03-02')];
    expect(levelFor(p, two, 'verbal', '2026-03-03').level).toBe('verbal');
    expect(levelFor(p, [...two, act('verbal', '2026-03-03')], 'verbal', '2026-03-04').level).toBe('written');
  });
});

describe('3 written = 1 final (004 第五条(二) 受三次书面警告等同一次最后警告)', () => {
  it('the 2nd written stays written; the 3rd is final, citing the two', () => {
    const w1 = act('written', '2026-01-01');
    expect(levelFor(policy, [w1], 'written', '2026-02-01').level).toBe('written');
    const w2 = act('written', '2026-02-01');
    const out = levelFor(policy, [w1, w2], 'written', '2026-03-01');
    expect(out).toMatchObject({ level: 'final', rule: 'written_rollup', counted: [w1.id, w2.id] });
  });

  it('a verbal roll-up that makes the 3rd written warning goes on to final, citing all four', () => {
    const history = [act('written', '2026-01-01'), act('written', '2026-01-02'), act('verbal', '2026-02-01'), act('verbal', '2026-02-02')];
    const out = levelFor(policy, history, 'verbal', '2026-03-01');
    expect(out.level).toBe('final');
    expect(out.rules).toEqual(['verbal_rollup', 'written_rollup']);
    expect(out.rolledUp).toEqual([history[2]!.id, history[3]!.id, history[0]!.id, history[1]!.id]);
  });
});

describe('a violation after a final warning, or a dismissal offence, is a dismissal proposal (004 第五条(四)1–2)', () => {
  it('any violation while a final warning is active → dismissal, citing the final warning', () => {
    const f = act('final', '2026-01-01');
    expect(levelFor(policy, [f], 'verbal', '2026-06-01')).toMatchObject({ level: 'dismissal', rule: 'after_final', counted: [f.id], rolledUp: [] });
  });

  it('a final warning out of the window no longer leads to dismissal', () => {
    expect(levelFor(policy, [act('final', '2025-06-01')], 'verbal', '2026-06-01').level).toBe('verbal');
  });

  it('a dismissal-level offence is a dismissal proposal on a clean record', () => {
    expect(levelFor(policy, [], 'dismissal', '2026-06-01')).toMatchObject({ level: 'dismissal', rule: 'dismissal_offence', counted: [] });
  });
});

describe('the counting window (POLICIES.md §4: 12 months, gap) to the day', () => {
  it('a warning of 2026-01-10 counts through 2027-01-09 and not on 2027-01-10', () => {
    expect(countsUntil('2026-01-10', 12)).toBe('2027-01-09');
    const w = act('verbal', '2026-01-10');
    expect(counts(w, '2027-01-09', 12)).toBe(true);
    expect(counts(w, '2027-01-10', 12)).toBe(false);
    const history = [w, act('verbal', '2026-06-01')];
    expect(levelFor(policy, history, 'verbal', '2027-01-09').level).toBe('written');
    expect(levelFor(policy, history, 'verbal', '2027-01-10').level).toBe('verbal');
  });

  it('an action dated after the new violation does not count for it (recorded late, out of order)', () => {
    expect(counts(act('verbal', '2026-05-02'), '2026-05-01', 12)).toBe(false);
  });

  it('the month end: a warning of 2026-01-31 counts through 2027-01-30', () => {
    expect(countsUntil('2026-01-31', 12)).toBe('2027-01-30');
    expect(countsUntil('2026-03-31', 1)).toBe('2026-04-29');
  });
});

describe('the rule in words (the 处罚单 cites it)', () => {
  it('names the roll-up and the warnings counted, in zh-CN and English', () => {
    const out = { rules: ['verbal_rollup' as const], level: 'written' as const };
    expect(explainRule(out, policy, ['2026-02-01 迟到', '2026-03-01 串岗'], 'zh-CN')).toBe('受3次口头警告等同一次书面警告：本次为12个月内第3次口头警告（合并计算：2026-02-01 迟到；2026-03-01 串岗）');
    expect(explainRule(out, policy, ['a', 'b'], 'en')).toBe('3 verbal warnings equal one written warning: this is the 3rd verbal warning within 12 months (counted: a; b)');
  });
});
