import { describe, expect, it } from 'vitest';
import { gridLocaleText } from '../../../admin/src/sheet/grid/gridLocale.js';

/** #12 item 16: an empty grid says what is empty and what to do, never "无显示行". */
describe('an empty grid', () => {
  it('a list says nothing matches and how to see everything; a policy table how to add a row', () => {
    expect(gridLocaleText('zh-CN').noRowsToShow).toContain('清除');
    expect(gridLocaleText('zh-CN', 'table').noRowsToShow).toContain('插入行');
    expect(gridLocaleText('en').noRowsToShow).toMatch(/clear it/);
    for (const text of [gridLocaleText('zh-CN').noRowsToShow, gridLocaleText('zh-CN', 'table').noRowsToShow]) expect(text).not.toBe('无显示行');
    // The rest of AG Grid's words stay in the console's language.
    expect(gridLocaleText('zh-CN').loadingOoo).not.toBe(gridLocaleText('en').loadingOoo);
  });
});
