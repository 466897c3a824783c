import { describe, expect, it } from 'vitest';
import { DEFAULT_VIOLATIONS } from '../../../functions/domain/discipline/catalogue.js';
import { violationOptions } from '../../../admin/src/discipline-record/violationOptions.js';
import type { Violation } from '../../../admin/src/discipline-policy/disciplinePolicyForm.js';
import { translator } from './translate.js';

const catalogue = DEFAULT_VIOLATIONS as readonly Violation[];

describe('违纪条款 as the record dialog offers them (the discipline policy’s catalogue)', () => {
  it('each reads code, words, level and — with fines on — the 乐捐: “V02 迟到或早退 · 口头警告 · 乐捐 10 元”', () => {
    const options = violationOptions(catalogue, 'zh-CN', true, translator('zh-CN'));
    expect(options).toHaveLength(51);
    expect(options.find((o) => o.id === 'V02')).toMatchObject({ name: 'V02 迟到或早退 · 口头警告 · 乐捐 10 元', level: 'verbal', group: '口头警告', fine: 10 });
    expect(options.find((o) => o.id === 'W11')?.name).toBe('W11 造成旷工 · 书面警告 · 乐捐 50 元');
    expect(options.find((o) => o.id === 'F01')?.name).toMatch(/^F01 .+ · 最后警告 · 乐捐 200 元$/);
  });

  it('a dismissal offence names no fine (a dismissal carries none), and with fines off no violation does', () => {
    const on = violationOptions(catalogue, 'zh-CN', true, translator('zh-CN'));
    expect(on.filter((o) => o.level === 'dismissal').every((o) => o.name.endsWith(' · 辞退'))).toBe(true);
    const off = violationOptions(catalogue, 'zh-CN', false, translator('zh-CN'));
    expect(off.find((o) => o.id === 'V02')?.name).toBe('V02 迟到或早退 · 口头警告');
    expect(off.some((o) => o.name.includes('乐捐'))).toBe(false);
  });

  it('are grouped by level, lightest first, each level in the catalogue’s order (whatever order HR keeps the rows in)', () => {
    const shuffled = [catalogue[40]!, catalogue[1]!, catalogue[20]!, catalogue[0]!, catalogue[30]!];
    const options = violationOptions(shuffled, 'zh-CN', true, translator('zh-CN'));
    expect(options.map((o) => o.group)).toEqual(['口头警告', '口头警告', '书面警告', '最后警告', '辞退']);
    expect(options.map((o) => o.id)).toEqual([catalogue[1]!.code, catalogue[0]!.code, catalogue[20]!.code, catalogue[30]!.code, catalogue[40]!.code]);
    const all = violationOptions(catalogue, 'zh-CN', true, translator('zh-CN')).map((o) => o.level);
    expect([...new Set(all)]).toEqual(['verbal', 'written', 'final', 'dismissal']);
  });

  it('read in English for an English reader', () => {
    const options = violationOptions(catalogue, 'en', true, translator('en'));
    expect(options.find((o) => o.id === 'V02')).toMatchObject({ name: 'V02 Late arrival or leaving early · Verbal warning · fine ¥10', group: 'Verbal warning' });
  });
});
