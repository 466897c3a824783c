/**
 * The inbox's tabs, one `status` filter (the data provider turns `cc` into the API's `cc=true`):
 * 待我审批 to decide now, 等待中 my turn after others' (加签), 抄送我的 read-only notices, 已处理.
 */
export const INBOX_TABS = ['pending', 'waiting', 'cc', 'decided'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

export function inboxTabOf(status: unknown): InboxTab {
  return INBOX_TABS.find((t) => t === status) ?? 'pending';
}
