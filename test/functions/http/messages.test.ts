import { describe, expect, it } from 'vitest';
import { message } from '../../../functions/http/messages.js';

/** #12 item 1: a time inside a sentence is read in the company's zone and the reader's words, never as stored. */
describe('API messages', () => {
  it('a stored UTC time in a conflict message reads as company time (Asia/Shanghai) in the reader’s language', () => {
    const params = { decidedBy: '张三', decidedAt: '2026-12-06T02:32:36.716Z' };
    expect(message('zh-CN', 'APPROVAL.ALREADY_DECIDED', params)).toBe('此审批已由 张三 于 2026年12月6日 10:32 处理');
    expect(message('en', 'APPROVAL.ALREADY_DECIDED', params)).toBe('Already decided by 张三 at 6 Dec 2026, 10:32 (GMT+8)');
  });

  it('the company day can differ from the UTC day: 16:30Z is the next morning in Shanghai', () => {
    expect(message('zh-CN', 'APPROVAL.REMIND_TOO_SOON', { lastAt: '2026-11-23T16:30:00Z', hours: 4 })).toBe('已于 2026年11月24日 00:30 催办过，4 小时内只能催办一次');
  });

  it('numbers and names pass through unchanged', () => {
    expect(message('zh-CN', 'APPROVAL.REMIND_TOO_SOON', { lastAt: '张三', hours: 12 })).toBe('已于 张三 催办过，12 小时内只能催办一次');
  });
});
