/**
 * 评论: a comment thread on every request, separate from its decisions (a comment never moves
 * the request on). Whoever may read the request may comment; @-mentioning someone tells them by
 * mail, and one who had no part in the request yet gets a read-only 抄送 notice with it, so the
 * link in the mail opens what they were asked about. The comment, the notices, the audit record
 * and the mails are one transaction (the mails through the outbox).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import { requestMention } from '../email/templates/index.js';
import { getTasks, listSteps, putNotices, type ApprovalStep, type ApprovalTask } from '../storage/approvals.js';
import { auditPut, type Channel } from '../storage/audit.js';
import { commentPut, type RequestComment } from '../storage/comments.js';
import { newId } from '../storage/ids.js';
import { inboxPk } from '../storage/keys.js';
import { transact, type TxItem } from '../storage/transact.js';
import { getUsersByIds } from '../storage/users.js';
import { engineCall, kindOf, type RequestSummary, type WorkflowDeps } from './kinds.js';
import { guardMail, sendGuarded } from './notify.js';

/** A comment's longest text (the console counts down to it: admin/src/requests/comments.ts). */
export const COMMENT_MAX_CHARS = 2000;
/** People one comment may @-mention. */
export const MENTIONS_MAX = 20;
/** How many of a person's newest 抄送 notices are searched for one on this request. */
const NOTICES_SEARCHED = 200;

export interface Participation {
  summary: RequestSummary;
  /** The reader started the request, holds or held a task on it, or was copied on it. */
  participant: boolean;
  /** The reader's newest task or notice on it: where a link for them opens it. */
  taskId: string | null;
  steps: ApprovalStep[];
  tasks: ApprovalTask[];
}

/** How a person takes part in a request (a few bounded reads: its steps and tasks, their newest notices). */
export async function participation(deps: WorkflowDeps, kind: string, requestId: string, userId: string): Promise<Participation> {
  const k = kindOf(deps, kind);
  const [summary, steps] = await Promise.all([k.describe(deps, requestId), listSteps(deps.store, kind, requestId)]);
  const tasks = await getTasks(deps.store, steps.flatMap((s) => s.taskIds));
  const held = tasks.filter((t) => t.approverId === userId).at(-1);
  if (summary.requester?.id === userId || held) return { summary, participant: true, taskId: held?.id ?? null, steps, tasks };
  const notice = await noticeOf(deps, kind, requestId, userId);
  return { summary, participant: notice !== null, taskId: notice, steps, tasks };
}

async function noticeOf(deps: WorkflowDeps, kind: string, requestId: string, userId: string): Promise<string | null> {
  const out = await deps.store.doc.send(new QueryCommand({
    TableName: deps.store.table,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    FilterExpression: 'requestKind = :k AND requestId = :r',
    ExpressionAttributeValues: { ':pk': inboxPk(userId, 'cc'), ':k': kind, ':r': requestId },
    ScanIndexForward: false,
    Limit: NOTICES_SEARCHED,
  }));
  return (out.Items?.[0]?.id as string | undefined) ?? null;
}

export interface CommentInput {
  /** The comment's id (the attachments it claims name it). */
  id?: string;
  kind: string;
  requestId: string;
  actor: { id: string; name: string };
  text: string;
  mentions: string[];
  attachments: string[];
  channel: Channel;
  /** What the caller's read check found (participation above). */
  seen: Participation;
  /** Writes that must land with the comment (the attachments it claims). */
  extra?: TxItem[];
}

export async function addComment(outer: WorkflowDeps, input: CommentInput): Promise<RequestComment> {
  const deps = engineCall(outer);
  const kind = kindOf(deps, input.kind);
  const text = input.text.trim();
  if (!text) throw new DomainError('COMMENT.EMPTY', 'text');
  if ([...text].length > COMMENT_MAX_CHARS) throw new DomainError('COMMENT.TOO_LONG', 'text', { max: COMMENT_MAX_CHARS });
  const ids = [...new Set(input.mentions)].filter((id) => id !== input.actor.id);
  const users = await getUsersByIds(deps.store, ids);
  const missing = ids.findIndex((id) => !users.some((u) => u.id === id && u.status === 'active'));
  if (missing >= 0) throw new DomainError('COMMENT.MENTION_UNKNOWN', `mentions[${input.mentions.indexOf(ids[missing]!)}]`);
  const at = deps.now().toISOString();
  // The request's steps and tasks as the read check found them: not read again.
  const { summary, steps, tasks } = input.seen;
  const comment: RequestComment = {
    id: input.id ?? newId(deps.now().getTime()), requestKind: input.kind, requestId: input.requestId, authorId: input.actor.id, authorName: input.actor.name,
    text, mentions: users.map((u) => ({ id: u.id, name: u.name })), attachments: input.attachments, channel: input.channel, createdAt: at,
  };

  // Those with no part in the request yet get a read-only notice with the comment (抄送我的).
  const current = steps.at(-1);
  const label = current ? tasks.find((t) => t.stepId === current.id)?.stepLabel : undefined;
  const taskOf = new Map<string, string>();
  for (const t of tasks) taskOf.set(t.approverId, t.id);
  const outsiders = [];
  for (const u of users) {
    if (taskOf.has(u.id) || summary.requester?.id === u.id) continue;
    const notice = await noticeOf(deps, input.kind, input.requestId, u.id);
    if (notice) taskOf.set(u.id, notice);
    else outsiders.push(u);
  }
  const notices: ApprovalTask[] = outsiders.map((u) => ({
    id: `${input.kind}.${input.requestId}.cc.${newId()}`, stepId: current?.id ?? '', requestKind: input.kind, requestId: input.requestId, title: summary.title,
    stepLabel: label ?? summary.kindLabel, subjectEmployeeId: summary.subjectEmployeeId, stepKey: current?.stepKey ?? '', approverId: u.id, approverName: u.name,
    requesterId: summary.requester?.id ?? null, requesterName: summary.requester?.name ?? null, status: 'cc', linkNonce: '', reason: 'cc',
    addedById: input.actor.id, addedByName: input.actor.name, createdAt: at, dueAt: at, decision: null, decidedAt: null, comment: text, channel: input.channel, version: 1,
  }));
  for (const n of notices) taskOf.set(n.approverId, n.id);

  const mails = users.map((u) => {
    const lang = u.language;
    const taskId = taskOf.get(u.id);
    const openUrl = `${deps.publicUrl}${taskId ? `/#/approvals/${taskId}/show` : summary.consolePath}`;
    const content = requestMention({ recipientName: u.name, requestTitle: summary.title[lang], byName: input.actor.name, text, openUrl }, lang);
    return guardMail(deps, { to: u.email, content, ids: { commentId: comment.id, kind: 'mention' } });
  });
  const audit = {
    entityType: kind.auditEntity ?? input.kind, entityId: input.requestId, action: 'comment', actor: input.actor, channel: input.channel, at,
    before: null, after: { commentId: comment.id, mentions: comment.mentions.map((m) => m.name), mentionIds: comment.mentions.map((m) => m.id), attachments: comment.attachments },
  };
  const writes: TxItem[] = [commentPut(deps.store, comment), ...(input.extra ?? []), ...mails.map((m) => m.tx)];
  if (notices.length > 0) await putNotices(deps.store, notices, audit, writes);
  else await transact(deps.store, [...writes, { write: auditPut(deps.store, audit) }]);
  await Promise.all(mails.map((m) => sendGuarded(deps, m)));
  return comment;
}
