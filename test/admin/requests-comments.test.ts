import { describe, expect, it } from 'vitest';
import { COMMENT_MAX, commentCounter } from '../../admin/src/requests/comments.js';

describe('the comment box counter (#12 item 8: 评论最多 2000 字, with a counter in the box)', () => {
  it('counts what is typed, and is over the limit only past 2000', () => {
    expect(COMMENT_MAX).toBe(2000);
    expect(commentCounter('')).toEqual({ count: 0, left: 2000, over: false });
    expect(commentCounter(undefined).count).toBe(0);
    expect(commentCounter('请补充成绩单')).toEqual({ count: 6, left: 1994, over: false });
    expect(commentCounter('长'.repeat(2000)).over).toBe(false);
    expect(commentCounter('长'.repeat(2001))).toEqual({ count: 2001, left: -1, over: true });
  });
});
