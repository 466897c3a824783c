import { describe, expect, it } from 'vitest';
import { formatPlainValue } from '../../../admin/src/employees/historyValue.js';
import en from '../../../admin/src/i18n/en.js';
import zhCN from '../../../admin/src/i18n/zh-CN.js';

/** #12 item 1: the 变更记录 tab shows what a probation outcome changed in people's words. */
describe('the history tab’s values', () => {
  it('money reads as ¥2,200 and a calendar date as the same day in the reader’s language', () => {
    expect(formatPlainValue('baseSalary', 2200, 'zh-CN')).toBe('¥2,200');
    expect(formatPlainValue('baseSalary', 2200.5, 'en')).toBe('¥2,200.5');
    expect(formatPlainValue('probationEndDate', '2026-12-01', 'zh-CN')).toBe('2026年12月1日');
    expect(formatPlainValue('hireDate', '2026-12-01', 'en')).toBe('Dec 1, 2026');
    expect(formatPlainValue('phone', '13800000000', 'zh-CN')).toBe('13800000000');
    expect(formatPlainValue('phone', null, 'zh-CN')).toBe('—');
  });

  it('a probation outcome is named as an action, not as its code', () => {
    for (const outcome of ['convert', 'extend', 'end'] as const) {
      expect(zhCN.audit.actions.probation[outcome]).toMatch(/\p{Script=Han}/u);
      expect(en.audit.actions.probation[outcome]).toMatch(/probation/i);
    }
  });
});
