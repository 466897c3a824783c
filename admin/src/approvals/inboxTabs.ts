/**
 * The inbox's tabs, one `status` filter (the data provider turns `cc` into the API's `cc=true`):
 * 待我审批 to decide now, 等待中 my turn after others' (加签), 抄送我的 read-only notices, 已处理.
 * 我发起的 (`started`) sits among them but is its own list, the `requests` resource.
 */
export const INBOX_TABS = ['pending', 'waiting', 'cc', 'decided'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

export function inboxTabOf(status: unknown): InboxTab {
  return INBOX_TABS.find((t) => t === status) ?? 'pending';
}

export const APPROVAL_TABS = ['pending', 'waiting', 'cc', 'started', 'decided'] as const;
export type ApprovalTab = (typeof APPROVAL_TABS)[number];

/** What a count shows on a tab or the menu: nothing for none, `99+` at the API's cap. */
export function countBadge(count: number | undefined, cap: number): string {
  if (!count || count <= 0) return '';
  return count >= cap ? `${cap - 1}+` : String(count);
}

/** The count each tab shows (已处理 none: it only grows). */
export function tabCount(tab: ApprovalTab, counts: { pending: number; waiting: number; ccUnread: number; startedOpen: number } | undefined): number | undefined {
  if (!counts) return undefined;
  return { pending: counts.pending, waiting: counts.waiting, cc: counts.ccUnread, started: counts.startedOpen, decided: undefined }[tab];
}
