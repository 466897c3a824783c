import { describe, expect, it } from 'vitest';
import { pickerLabel } from '../../admin/src/components/pickerLabel.js';

describe('people pickers show post and team beside names (#12)', () => {
  it('name · post · team, leaving out what an account without an employee lacks', () => {
    expect(pickerLabel('张伟', '主管', '客户服务中心')).toBe('张伟 · 主管 · 客户服务中心');
    expect(pickerLabel('张伟', '专员', null)).toBe('张伟 · 专员');
    expect(pickerLabel('系统管理员', null, null)).toBe('系统管理员');
  });
});
