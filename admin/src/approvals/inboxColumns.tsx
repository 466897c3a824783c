import type { SheetColumn } from '../sheet/types';
import { ApprovalDueField } from './ApprovalDueField';
import { ApprovalStatusField } from './ApprovalStatusField';
import type { InboxTab } from './inboxTabs';
import type { ApprovalTask } from './types';

type Column = SheetColumn<ApprovalTask>;

// Read-only everywhere: a task is decided on its page, never edited as a cell. The API lists a
// tab newest first and sorts nothing else, so no header sorts. Kinds and channels are labelled
// from the catalog, falling back to the raw value for a kind added later.
const title: Column = { field: 'title', width: 200 };
const requestKind: Column = { field: 'requestKind', type: 'choice', width: 90 };
const stepLabel: Column = { field: 'stepLabel', width: 120 };
const requesterName: Column = { field: 'requesterName', width: 90 };
// 代理: whose task a delegate or a stand-in holds; empty for one's own.
const onBehalfOfName: Column = { field: 'onBehalfOfName', width: 90 };
const addedByName: Column = { field: 'addedByName', width: 90, hidden: true };
const createdAt: Column = { field: 'createdAt', type: 'datetime', width: 160 };
// The live countdown (red once overdue), the due time in its tooltip and in a copy.
const dueAt: Column = { field: 'dueAt', type: 'datetime', width: 170, render: (r) => <ApprovalDueField record={r} inline /> };
const status: Column = { field: 'status', type: 'choice', width: 150, render: (r) => <ApprovalStatusField record={r} /> };
const decidedAt: Column = { field: 'decidedAt', type: 'datetime', width: 160 };
const comment: Column = { field: 'comment', width: 220 };
const channel: Column = { field: 'channel', type: 'choice', width: 90, hidden: true, choiceKey: (v) => `audit.channels.${v}` };

/**
 * One layout per tab (each kept per user as `approvals.<tab>`): what to decide and by when for
 * open tasks, who sent it and when for a CC notice, how and when it went for decided ones.
 */
export const INBOX_COLUMNS: Record<InboxTab, readonly Column[]> = {
  pending: [title, requestKind, stepLabel, requesterName, onBehalfOfName, addedByName, createdAt, dueAt, status],
  waiting: [title, requestKind, stepLabel, requesterName, onBehalfOfName, addedByName, createdAt, dueAt, status],
  cc: [
    title,
    requestKind,
    stepLabel,
    requesterName,
    { ...addedByName, hidden: false, label: 'resources.approvals.fields.ccBy' },
    { ...createdAt, label: 'resources.approvals.fields.ccAt' },
  ],
  decided: [title, requestKind, stepLabel, requesterName, onBehalfOfName, createdAt, decidedAt, status, comment, channel],
};
