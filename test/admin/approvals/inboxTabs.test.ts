import { describe, expect, it } from 'vitest';
import { APPROVAL_TABS, countBadge, inboxTabOf, tabCount } from '../../../admin/src/approvals/inboxTabs.js';

describe('the inbox tabs and their counts (#12 我发起的)', () => {
  it('我发起的 sits among the inbox tabs, before 已处理; an unknown status opens 待我审批', () => {
    expect(APPROVAL_TABS).toEqual(['pending', 'waiting', 'cc', 'started', 'decided']);
    expect(inboxTabOf('started')).toBe('pending');
    expect(inboxTabOf('cc')).toBe('cc');
  });

  it('a count shows as a number, nothing when there is none, and 99+ at the API’s cap of 100', () => {
    expect(countBadge(0, 100)).toBe('');
    expect(countBadge(undefined, 100)).toBe('');
    expect(countBadge(1, 100)).toBe('1');
    expect(countBadge(99, 100)).toBe('99');
    expect(countBadge(100, 100)).toBe('99+');
  });

  it('each tab shows its own number: unread 抄送, running requests; 已处理 none', () => {
    const counts = { pending: 3, waiting: 1, ccUnread: 2, startedOpen: 4 };
    expect(APPROVAL_TABS.map((t) => tabCount(t, counts))).toEqual([3, 1, 2, 4, undefined]);
    expect(tabCount('pending', undefined)).toBeUndefined();
  });
});
