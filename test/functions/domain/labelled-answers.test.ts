import { describe, expect, it } from 'vitest';
import { labelledAnswers, type FieldSpec } from '../../../functions/domain/approvals/step-spec.js';

/** #12 item 4: the timeline shows what each decision recorded, by label, in the reader's language. */
describe('a decision’s recorded fields, as a person reads them', () => {
  const fields: FieldSpec[] = [
    { group: 'scores', name: 'interview', type: 'number', label: { 'zh-CN': '面试', en: 'Interview' } },
    { name: 'outcome', type: 'choice', label: { 'zh-CN': '调整结果', en: 'Override outcome' }, options: [{ value: 'extend', label: { 'zh-CN': '延长试用期', en: 'Extend probation' } }] },
    { name: 'note', type: 'text', label: { 'zh-CN': '说明', en: 'Note' } },
  ];
  it('labels each recorded value, a choice by its option, and leaves out what was not recorded', () => {
    const recorded = { scores: { interview: 88.5 }, outcome: 'extend' };
    expect(labelledAnswers({ fields }, recorded, 'zh-CN')).toEqual([['面试', '88.5'], ['调整结果', '延长试用期']]);
    expect(labelledAnswers({ fields }, recorded, 'en')).toEqual([['Interview', '88.5'], ['Override outcome', 'Extend probation']]);
    expect(labelledAnswers({ fields }, {}, 'zh-CN')).toEqual([]);
  });
});
