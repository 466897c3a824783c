import { describe, expect, it } from 'vitest';
import { summarizeBatch } from '../../../admin/src/approvals/batchResults.js';

describe('summarising a batch approval', () => {
  it('counts the approved and lists the failures with the server’s detail and the task’s title', () => {
    const titles: Record<string, string> = { t1: '张三 转正', t2: '李四 转正' };
    const summary = summarizeBatch(
      ['t1', 't2', 't3'],
      [
        { id: 't1', status: 200 },
        { id: 't2', status: 422, code: 'APPROVAL.FIELDS_REQUIRED', detail: '此环节需要录入评分' },
        { id: 't3', status: 200 },
      ],
      (id) => titles[id],
    );
    expect(summary).toEqual({
      succeeded: 2,
      failed: [{ id: 't2', title: '李四 转正', code: 'APPROVAL.FIELDS_REQUIRED', detail: '此环节需要录入评分' }],
    });
  });

  it('treats a code on an otherwise approved result, and an id without an answer, as failures', () => {
    const summary = summarizeBatch(['a', 'b'], [{ id: 'a', status: 200, code: 'APPROVAL.ALREADY_DECIDED', detail: '已处理' }]);
    expect(summary.succeeded).toBe(0);
    expect(summary.failed).toEqual([
      { id: 'a', title: 'a', code: 'APPROVAL.ALREADY_DECIDED', detail: '已处理' },
      { id: 'b', title: 'b', code: null, detail: null },
    ]);
  });

  it('all approved: no failures', () => {
    expect(summarizeBatch(['a'], [{ id: 'a', status: 200 }])).toEqual({ succeeded: 1, failed: [] });
  });
});
