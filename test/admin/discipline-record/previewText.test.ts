import { describe, expect, it } from 'vitest';
import { previewWords } from '../../../admin/src/discipline-record/previewText.js';
import type { DisciplinePreview } from '../../../admin/src/discipline-record/types.js';
import { translator } from './translate.js';

/** A preview as POST /disciplinary-actions/preview answers it, with what a test changes. */
const aPreview = (over: Partial<DisciplinePreview> = {}): DisciplinePreview => ({
  level: 'verbal', levelLabel: '口头警告', rule: { code: 'as_catalogued', rules: ['as_catalogued'], text: '按违纪条款给予口头警告' }, counted: [], fine: 10, policyVersion: 1, ...over,
});
/** The seeded dismissal chain (functions/domain/policy/defaults.ts). */
const CHAIN = [
  { labelZh: '主管审批', labelEn: 'Supervisor approval' },
  { labelZh: '客服经理审批', labelEn: 'CS manager approval' },
  { labelZh: '人力资源部审核', labelEn: 'HR review' },
  { labelZh: '总经理审批', labelEn: 'GM approval' },
];
const zh = translator('zh-CN');

describe('the level shown before saving (POST /disciplinary-actions/preview)', () => {
  it('a first verbal warning reads as the catalogue has it, with its 乐捐', () => {
    expect(previewWords(aPreview(), 'verbal', CHAIN, 'zh-CN', zh)).toEqual({
      tone: 'as_catalogued', summary: '将按 口头警告 处理：按违纪条款给予口头警告', counted: null, differs: null, fine: '乐捐 10 元', dismissal: null,
    });
  });

  it('the third verbal warning reads as a written warning with the rule, the two it counts, and that it differs from the catalogue (§4: 3 verbal = 1 written)', () => {
    const rule = '受3次口头警告等同一次书面警告：本次为12个月内第3次口头警告（合并计算：2026-11-01 迟到或早退；2026-11-05 迟到或早退）';
    const words = previewWords(aPreview({ level: 'written', levelLabel: '书面警告', rule: { code: 'verbal_rollup', rules: ['verbal_rollup'], text: rule }, counted: ['a1', 'a2'] }), 'verbal', CHAIN, 'zh-CN', zh);
    expect(words.tone).toBe('escalated');
    expect(words.summary).toBe(`将按 书面警告 处理：${rule}`);
    expect(words.counted).toBe('合并计算 2 条此前的警告');
    expect(words.differs).toBe('与违纪条款规定的级别（口头警告）不同：按警告升级规则加重处理');
    expect(words.dismissal).toBeNull();
  });

  it('a dismissal proposal names the approvals it needs, in the policy’s order, and no fine', () => {
    const words = previewWords(
      aPreview({ level: 'dismissal', levelLabel: '辞退', rule: { code: 'after_final', rules: ['after_final'], text: '最后警告后观察期间又出现违纪行为，提请辞退' }, counted: ['f1'], fine: 0 }),
      'verbal', CHAIN, 'zh-CN', zh,
    );
    expect(words).toMatchObject({ tone: 'dismissal', summary: '将提请 辞退：最后警告后观察期间又出现违纪行为，提请辞退', counted: '合并计算 1 条此前的警告', fine: null });
    expect(words.dismissal).toBe('辞退须依次经 主管审批 → 客服经理审批 → 人力资源部审核 → 总经理审批 审批同意后方可执行');
    // A dismissal offence of the catalogue is a dismissal too, though it differs from nothing.
    expect(previewWords(aPreview({ level: 'dismissal', levelLabel: '辞退', fine: 0 }), 'dismissal', CHAIN, 'zh-CN', zh)).toMatchObject({ tone: 'dismissal', differs: null });
  });

  it('in English, with the chain’s English names', () => {
    const en = translator('en');
    const words = previewWords(aPreview({ level: 'dismissal', levelLabel: 'dismissal', rule: { code: 'after_final', rules: ['after_final'], text: 'A violation while a final warning is active: dismissal is proposed' }, counted: ['f1'], fine: 0 }), 'written', CHAIN, 'en', en);
    expect(words.counted).toBe('Counts 1 earlier warning');
    expect(words.dismissal).toBe('A dismissal needs the approval of Supervisor approval → CS manager approval → HR review → GM approval, in that order');
    expect(previewWords(aPreview({ counted: ['a', 'b'] }), 'verbal', CHAIN, 'en', en).counted).toBe('Counts 2 earlier warnings');
  });
});
