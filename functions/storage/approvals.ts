/**
 * Approval steps and tasks. A *step* is one human decision in a workflow: it holds the
 * Step Functions task token (server-side only) and the ids of its *tasks*, one per person
 * asked (several for "any HR member", or when a late step is escalated to a superior).
 * The first decision on any task of a step wins: the step is updated with a condition
 * `status = pending`, so a second or concurrent decision fails and learns who decided.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import type { AttachmentRef } from '../domain/attachments/types.js';
import { auditPut, type AuditInput, type Channel } from './audit.js';
import type { Store } from './client.js';
import { prefetch } from './read-once.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { approvalStepKey, approvalTaskKey, inboxPk, stepsOfRequestPk, stripKeys, type InboxState } from './keys.js';
import { newId } from './ids.js';
import { move, type CountDelta } from './counters.js';
import { transact, type TxItem } from './transact.js';
import { batchGetById } from './batch-get.js';

export type CancelledBy = 'withdraw' | 'others' | 'deadline';

/** `return` (退回) sends the request back to an earlier step, which is asked again. */
export type Decision = 'approve' | 'reject' | 'return';

export interface ApprovalStep {
  id: string;
  requestKind: string;
  requestId: string;
  stepKey: string;
  status: 'pending' | 'decided' | 'cancelled';
  /** Step Functions task token of the execution's current wait (ask, remind or escalate). */
  token: string;
  attempt: 'ask' | 'remind' | 'escalate';
  taskIds: string[];
  dueAt: string;
  createdAt: string;
  decision: Decision | null;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  channel: Channel | null;
  comment: string | null;
  /** With a `return` decision: the earlier step asked again (or `requester`). */
  returnTo?: string | null;
  /**
   * 加签 / 会签: the step's approvers in the order they decide, one stage at a time. A stage
   * with mode `any` (或签) completes on its first approval, `all` (会签) on every member's.
   * Absent on steps opened before stages existed: one `any` stage of every task.
   */
  stages?: ApprovalStage[];
  /** Index into `stages` of the stage being asked now. */
  activeStage?: number;
  /** Set once the decision reached the workflow (SendTaskSuccess); unset = still to resume. */
  resumedAt: string | null;
  version: number;
}

export interface ApprovalStage {
  taskIds: string[];
  mode: 'any' | 'all';
}

export interface ApprovalTask {
  id: string;
  stepId: string;
  requestKind: string;
  requestId: string;
  /** What the request is about, shown in inboxes and emails (e.g. 转正评审：张三), per language. */
  title: Record<'zh-CN' | 'en', string>;
  stepLabel: Record<'zh-CN' | 'en', string>;
  subjectEmployeeId: string | null;
  stepKey: string;
  approverId: string;
  approverName: string;
  requesterId: string | null;
  requesterName: string | null;
  /**
   * `waiting`: in a later stage of its step (or its stage waits for people added before it);
   * `cc`: a read-only 抄送 notice, never decided.
   */
  status: 'pending' | 'waiting' | 'approved' | 'rejected' | 'returned' | 'cancelled' | 'transferred' | 'cc';
  /** Bound into email links: a new nonce (after a transfer) makes older links superseded. */
  linkNonce: string;
  /**
   * Why this person was asked: the step's approver, an escalation, a transfer, added by an
   * approver (加签), a delegate (代理), the superior of an approver who left, or a CC notice.
   */
  reason: 'assigned' | 'escalated' | 'transferred' | 'added' | 'delegated' | 'approver_left' | 'cc';
  /** 代理: the person this task is decided on behalf of (the absent approver). */
  onBehalfOfId?: string | null;
  onBehalfOfName?: string | null;
  /** Who added this person (加签) or sent the CC notice, and when relevant why. */
  addedById?: string | null;
  addedByName?: string | null;
  createdAt: string;
  dueAt: string;
  decision: Decision | null;
  decidedAt: string | null;
  comment: string | null;
  channel: Channel | null;
  /** Last 催办 (remind) of this task, to keep reminders at most one per policy interval. */
  lastRemindedAt?: string | null;
  /** What this person's decision recorded (the step's fields, e.g. `{ scores: { interview: 90 } }`). */
  fields?: Record<string, unknown> | null;
  /** Why a cancelled task ended: the request was withdrawn, someone else decided the step (或签), or the step's deadline passed. */
  cancelledBy?: CancelledBy | null;
  /** A 抄送 notice: when its reader first opened it (unread until then). */
  readAt?: string | null;
  /** Files this person's decision carries (#12), as the timeline shows them. */
  attachments?: AttachmentRef[] | null;
  version: number;
}

/** Dashboard bucket of an open task (by kind, step and the day it was asked), null when not open. */
function pendingBucket(t: ApprovalTask | null): string | null {
  return t?.status === 'pending' ? `${t.requestKind}|${t.stepKey}|${t.createdAt.slice(0, 10)}` : null;
}

/** Counter changes of a task going from `before` (null: new) to `after`. */
export function taskCounts(before: ApprovalTask | null, after: ApprovalTask): CountDelta[] {
  const decided = after.decision && after.channel && before?.decision == null && after.status !== 'cc';
  return [
    ...move('approvals.pending', pendingBucket(before), pendingBucket(after)),
    ...(decided ? move('approvals.decisions', null, `${after.channel}|${(after.decidedAt ?? after.createdAt).slice(0, 7)}`) : []),
  ];
}

export function taskItem(t: ApprovalTask): Record<string, unknown> {
  const state: InboxState = t.status === 'pending' || t.status === 'waiting' || t.status === 'cc' ? t.status : 'decided';
  return {
    ...approvalTaskKey(t.id),
    entity: 'approvalTask',
    ...t,
    gsi1pk: inboxPk(t.approverId, state),
    gsi1sk: `${state === 'decided' ? t.decidedAt ?? t.createdAt : t.createdAt}#${t.id}`,
  };
}

function stepItem(s: ApprovalStep): Record<string, unknown> {
  // newId() is monotonic: steps opened within one millisecond still list in opening order.
  return { ...approvalStepKey(s.id), entity: 'approvalStep', ...s, gsi2pk: stepsOfRequestPk(s.requestKind, s.requestId), gsi2sk: `${s.createdAt}#${newId()}` };
}

export async function getStep(store: Store, id: string): Promise<ApprovalStep | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: approvalStepKey(id), ConsistentRead: true }));
  return out.Item ? (stripKeys(out.Item) as ApprovalStep) : null;
}

/** A task's id is its step's id and its place in the step: `<stepId>.<n>`. */
export const stepIdOfTask = (taskId: string) => taskId.slice(0, Math.max(0, taskId.lastIndexOf('.')));

/**
 * Within one engine call (storage/read-once.ts), reads a task and its step in one BatchGet, so
 * the `getTask` and `getStep` that follow cost nothing more.
 */
export async function prefetchTaskAndStep(store: Store, taskId: string): Promise<void> {
  await prefetch(store, [{ key: approvalTaskKey(taskId), strong: true }, { key: approvalStepKey(stepIdOfTask(taskId)), strong: true }]);
}

export async function getTask(store: Store, id: string): Promise<ApprovalTask | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: approvalTaskKey(id), ConsistentRead: true }));
  return out.Item ? (stripKeys(out.Item) as ApprovalTask) : null;
}

/** Tasks by id, in the order asked (BatchGet, 100 keys per call; a request has a bounded number of tasks). */
export async function getTasks(store: Store, ids: string[]): Promise<ApprovalTask[]> {
  return batchGetById<ApprovalTask>(store, ids, approvalTaskKey);
}

/**
 * Opens a step with its first tasks. Idempotent: step ids are deterministic, so a retried or
 * replayed workflow task finds the step already open and changes nothing.
 */
export async function openStep(store: Store, step: ApprovalStep, tasks: ApprovalTask[], extra: TxItem[] = []): Promise<'opened' | 'exists'> {
  try {
    await transact(store, [
      { write: { Put: { TableName: store.table, Item: stepItem(step), ConditionExpression: 'attribute_not_exists(pk)' } }, onConditionFailed: () => new StepExists() },
      ...tasks.map((t) => ({ write: { Put: { TableName: store.table, Item: taskItem(t) } }, counts: taskCounts(null, t) })),
      ...extra,
    ]);
    return 'opened';
  } catch (err) {
    if (err instanceof StepExists) return 'exists';
    throw err;
  }
}

class StepExists extends Error {}

/** A remind or escalate wait replaces the token; new tasks (the superior) may join the step. */
export async function renewStep(
  store: Store,
  step: ApprovalStep,
  change: { token: string; attempt: ApprovalStep['attempt']; dueAt: string; addTasks: ApprovalTask[] },
  extra: TxItem[] = [],
): Promise<boolean> {
  try {
    await transact(store, [
      {
        write: {
          Update: {
            TableName: store.table,
            Key: approvalStepKey(step.id),
            UpdateExpression: 'SET #token = :t, attempt = :a, dueAt = :d, taskIds = list_append(taskIds, :new), version = version + :one',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#token': 'token', '#status': 'status' },
            ExpressionAttributeValues: { ':t': change.token, ':a': change.attempt, ':d': change.dueAt, ':new': change.addTasks.map((t) => t.id), ':one': 1, ':pending': 'pending' },
          },
        },
        onConditionFailed: () => new StepExists(),
      },
      ...change.addTasks.map((t) => ({ write: { Put: { TableName: store.table, Item: taskItem(t), ConditionExpression: 'attribute_not_exists(pk)' } }, counts: taskCounts(null, t) })),
      ...extra,
    ]);
    return true;
  } catch (err) {
    if (err instanceof StepExists) return false;
    throw err;
  }
}

export interface DecideInput {
  step: ApprovalStep;
  task: ApprovalTask;
  /** Other tasks of the step whose status changes with this decision (cancelled, or the next stage asked). */
  changed: { before: ApprovalTask; after: ApprovalTask }[];
  decision: Decision;
  /** The step is decided by this decision (the last stage completed, or a reject/return). */
  complete: boolean;
  stages: ApprovalStage[];
  activeStage: number;
  returnTo?: string | null;
  comment: string | null;
  /** What the decision recorded (the step's fields), kept on the task: the timeline shows it, the step asked again starts from it. */
  fields?: Record<string, unknown>;
  /** Files the decision carries (#12), kept on the task; their claims are in `extra`. */
  attachments?: AttachmentRef[];
  channel: Channel;
  actor: { id: string; name: string };
  at: string;
  audit: Omit<AuditInput, 'at' | 'actor' | 'channel'>;
  /** The request's own changes (e.g. the review's recorded scores), written atomically with the decision. */
  extra: TxItem[];
  /** False when no execution waits for this decision (a deadline decided it inside the execution): no RESUME marker. */
  resume?: boolean;
}

/** The step changed under a decision (another 会签 member, a 加签): read it again and retry. */
export class StepChanged extends Error {}

const TASK_STATUS: Record<Decision, ApprovalTask['status']> = { approve: 'approved', reject: 'rejected', return: 'returned' };

/**
 * Exactly one decision per step: the loser gets 409 naming who decided and when. Conditional
 * on the step's version, so two members of a 会签 stage deciding at once both count: the
 * second sees StepChanged and retries on the fresh step.
 */
export async function decideStep(store: Store, d: DecideInput): Promise<void> {
  const decided = {
    ...d.task, status: TASK_STATUS[d.decision], decision: d.decision, decidedAt: d.at, comment: d.comment, channel: d.channel, version: d.task.version + 1,
    ...(d.fields && Object.keys(d.fields).length ? { fields: d.fields } : {}),
    ...(d.attachments?.length ? { attachments: d.attachments } : {}),
  } as ApprovalTask;
  const conflict = (current: Record<string, unknown> | undefined) =>
    current?.status === 'pending'
      ? new StepChanged()
      : current?.status === 'cancelled'
      ? new DomainError('WORKFLOW.REQUEST_CLOSED', undefined, { status: 'withdrawn' })
      : new DomainError('APPROVAL.ALREADY_DECIDED', undefined, {
      decidedBy: String(current?.decidedByName ?? ''),
      decidedAt: String(current?.decidedAt ?? ''),
    }, { decidedBy: current?.decidedByName ?? null, decidedAt: current?.decidedAt ?? null, decision: current?.decision ?? null });
  const stepUpdate: { UpdateExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> } = d.complete
    ? {
        UpdateExpression: 'SET #status = :decided, decision = :dec, decidedById = :by, decidedByName = :name, decidedAt = :at, channel = :ch, #comment = :c, returnTo = :rt, stages = :st, activeStage = :as, version = version + :one',
        ExpressionAttributeNames: { '#status': 'status', '#comment': 'comment' },
        ExpressionAttributeValues: { ':decided': 'decided', ':dec': d.decision, ':by': d.actor.id, ':name': d.actor.name, ':at': d.at, ':ch': d.channel, ':c': d.comment, ':rt': d.returnTo ?? null, ':st': d.stages, ':as': d.activeStage, ':one': 1, ':pending': 'pending', ':v': d.step.version },
      }
    : {
        UpdateExpression: 'SET stages = :st, activeStage = :as, version = version + :one',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':st': d.stages, ':as': d.activeStage, ':one': 1, ':pending': 'pending', ':v': d.step.version },
      };
  await transact(store, [
    {
      write: { Update: { TableName: store.table, Key: approvalStepKey(d.step.id), ConditionExpression: '#status = :pending AND version = :v', ...stepUpdate } },
      onConditionFailed: conflict,
    },
    {
      write: {
        Put: {
          TableName: store.table,
          Item: taskItem(decided),
          ConditionExpression: '#status = :pending AND approverId = :me',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending', ':me': d.task.approverId },
        },
      },
      onConditionFailed: (current) => (current?.status === 'transferred' ? new DomainError('APPROVAL.TRANSFERRED') : conflict(undefined)),
      counts: taskCounts(d.task, decided),
    },
    ...d.changed.map((o) => ({ write: { Put: { TableName: store.table, Item: taskItem(o.after) } }, counts: taskCounts(o.before, o.after) })),
    ...d.extra,
    // Until the execution has the decision, the step is listed for the resume sweep.
    ...(d.complete && d.resume !== false ? [{ write: { Put: { TableName: store.table, Item: { ...resumeKey(d.step.id), stepId: d.step.id, at: d.at } } } }] : []),
    { write: auditPut(store, { ...d.audit, at: d.at, actor: d.actor, channel: d.channel }) },
  ]);
}

/**
 * 加签: writes the step's new stages and the added tasks (and the actor's stage waiting, for
 * `before`), conditional on the step's version and the actor's task still pending.
 */
export async function addTasksToStep(
  store: Store,
  r: { step: ApprovalStep; actorTask: ApprovalTask; stages: ApprovalStage[]; activeStage: number; added: ApprovalTask[]; changed: { before: ApprovalTask; after: ApprovalTask }[]; audit: AuditInput; extra?: TxItem[] },
): Promise<void> {
  const actorChange = r.changed.find((t) => t.after.id === r.actorTask.id)?.after;
  await transact(store, [
    {
      write: {
        Update: {
          TableName: store.table,
          Key: approvalStepKey(r.step.id),
          UpdateExpression: 'SET taskIds = list_append(taskIds, :new), stages = :st, activeStage = :as, version = version + :one',
          ConditionExpression: '#status = :pending AND version = :v',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':new': r.added.map((t) => t.id), ':st': r.stages, ':as': r.activeStage, ':one': 1, ':pending': 'pending', ':v': r.step.version },
        },
      },
      onConditionFailed: (current) => (current?.status === 'pending' ? new StepChanged() : new DomainError('APPROVAL.ALREADY_DECIDED', undefined, { decidedBy: String(current?.decidedByName ?? ''), decidedAt: String(current?.decidedAt ?? '') })),
    },
    // The actor's task must still be theirs and pending (for `before` it is written as waiting).
    {
      write: {
        ...(actorChange
          ? { Put: { TableName: store.table, Item: taskItem(actorChange), ConditionExpression: '#status = :pending AND approverId = :me', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':pending': 'pending', ':me': r.actorTask.approverId } } }
          : { ConditionCheck: { TableName: store.table, Key: approvalTaskKey(r.actorTask.id), ConditionExpression: '#status = :pending AND approverId = :me', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':pending': 'pending', ':me': r.actorTask.approverId } } }),
      },
      onConditionFailed: () => new DomainError('APPROVAL.ALREADY_DECIDED', undefined, { decidedBy: '', decidedAt: '' }),
      counts: actorChange ? taskCounts(r.actorTask, actorChange) : [],
    },
    ...r.added.map((t) => ({ write: { Put: { TableName: store.table, Item: taskItem(t), ConditionExpression: 'attribute_not_exists(pk)' } }, counts: taskCounts(null, t) })),
    ...r.changed.filter((t) => t.after.id !== r.actorTask.id).map((t) => ({ write: { Put: { TableName: store.table, Item: taskItem(t.after) } }, counts: taskCounts(t.before, t.after) })),
    { write: auditPut(store, r.audit) },
    ...(r.extra ?? []),
  ]);
}

const resumeKey = (stepId: string) => ({ pk: 'RESUME', sk: stepId });

/** Decided steps whose decision has not reached the execution yet (at most 100 per sweep). */
export async function stepsToResume(store: Store): Promise<string[]> {
  const out = await store.doc.send(
    new QueryCommand({ TableName: store.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'RESUME' }, Limit: 100 }),
  );
  return (out.Items ?? []).map((i) => i.stepId as string);
}

export async function markResumed(store: Store, stepId: string, at: string): Promise<void> {
  await transact(store, resumedItems(store, stepId, at));
}

/** The writes that record a decided step as resumed (its marker gone), to commit with other writes. */
export function resumedItems(store: Store, stepId: string, at: string): TxItem[] {
  return [
    { write: { Update: { TableName: store.table, Key: approvalStepKey(stepId), UpdateExpression: 'SET resumedAt = :at', ExpressionAttributeValues: { ':at': at } } } },
    { write: { Delete: { TableName: store.table, Key: resumeKey(stepId) } } },
  ];
}

/** The step's stages, reading a step opened before stages existed as one 或签 stage. */
export function stagesOf(step: ApprovalStep): { stages: ApprovalStage[]; active: number } {
  return { stages: step.stages ?? [{ taskIds: step.taskIds, mode: 'any' }], active: step.activeStage ?? 0 };
}

/**
 * Moves a pending or waiting task to someone else, in the same place of the step's stages:
 * the old task (and its links) ends as transferred. Conditional on the step's version, so a
 * concurrent decision or 加签 on the step makes this fail rather than lose either change.
 */
export async function transferTask(store: Store, from: ApprovalTask, to: ApprovalTask, step: ApprovalStep, audit: AuditInput, extra: TxItem[] = []): Promise<void> {
  const { stages } = stagesOf(step);
  const nextStages = stages.map((st) => ({ ...st, taskIds: st.taskIds.map((id) => (id === from.id ? to.id : id)) }));
  await transact(store, [
    {
      write: {
        Put: {
          TableName: store.table,
          Item: taskItem({ ...from, status: 'transferred', decidedAt: audit.at, comment: to.comment, channel: audit.channel, version: from.version + 1 }),
          ConditionExpression: '#status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': from.status },
        },
      },
      onConditionFailed: () => new DomainError('APPROVAL.ALREADY_DECIDED'),
      counts: taskCounts(from, { ...from, status: 'transferred' }),
    },
    {
      write: {
        Update: {
          TableName: store.table,
          Key: approvalStepKey(step.id),
          UpdateExpression: 'SET taskIds = list_append(taskIds, :new), stages = :stages, version = version + :one',
          ConditionExpression: '#status = :pending AND version = :v',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':new': [to.id], ':stages': nextStages, ':one': 1, ':pending': 'pending', ':v': step.version },
        },
      },
      onConditionFailed: () => new DomainError('APPROVAL.ALREADY_DECIDED'),
    },
    { write: { Put: { TableName: store.table, Item: taskItem(to), ConditionExpression: 'attribute_not_exists(pk)' } }, counts: taskCounts(null, to) },
    { write: auditPut(store, audit) },
    ...extra,
  ]);
}

/** The caller's inbox, newest first. */
export async function listInbox(
  store: Store,
  q: { userId: string; state: InboxState; limit: number; cursor?: string | undefined },
): Promise<{ items: ApprovalTask[]; nextCursor: string | null }> {
  const fp = { t: 'inbox', u: q.userId, s: q.state };
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': inboxPk(q.userId, q.state) },
      ScanIndexForward: false,
      Limit: q.limit,
      ExclusiveStartKey: decodeCursor(q.cursor, fp),
    }),
  );
  return { items: (out.Items ?? []).map((i) => stripKeys(i) as ApprovalTask), nextCursor: encodeCursor(out.LastEvaluatedKey, fp) };
}

/** Counts on the inbox tabs stop here (the console shows 99+): one bounded Query per tab, whatever the inbox's size. */
export const COUNT_CAP = 100;

/** How many of the newest (at most COUNT_CAP) tasks in one inbox state there are; `unread`: notices not opened yet. */
export async function countInbox(store: Store, userId: string, state: InboxState, unread = false): Promise<number> {
  const out = await store.doc.send(new QueryCommand({
    TableName: store.table,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': inboxPk(userId, state) },
    ...(unread ? { FilterExpression: 'attribute_not_exists(readAt)' } : {}),
    ScanIndexForward: false,
    Limit: COUNT_CAP,
    Select: 'COUNT',
  }));
  return out.Count ?? 0;
}

/** A 抄送 notice opened by its reader: read from now on (once; a second opening changes nothing). */
export async function markNoticeRead(store: Store, taskId: string, at: string): Promise<void> {
  try {
    await store.doc.send(new UpdateCommand({
      TableName: store.table,
      Key: approvalTaskKey(taskId),
      UpdateExpression: 'SET readAt = :at',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(readAt)',
      ExpressionAttributeValues: { ':at': at },
    }));
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
  }
}

/** Every step of one request, in the order they were opened (the timeline). */
export async function listSteps(store: Store, kind: string, requestId: string): Promise<ApprovalStep[]> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': stepsOfRequestPk(kind, requestId) },
      Limit: 200,
    }),
  );
  return (out.Items ?? []).map((i) => stripKeys(i) as ApprovalStep);
}

/** 催办: records the reminder unless one was sent after `notBefore`; false when too soon. */
export async function markReminded(store: Store, task: ApprovalTask, at: string, notBefore: string, audit: AuditInput, extra: TxItem[] = []): Promise<boolean> {
  try {
    await transact(store, [
      {
        write: {
          Update: {
            TableName: store.table,
            Key: approvalTaskKey(task.id),
            UpdateExpression: 'SET lastRemindedAt = :at',
            ConditionExpression: '#status = :pending AND (attribute_not_exists(lastRemindedAt) OR lastRemindedAt = :null OR lastRemindedAt < :notBefore)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':at': at, ':pending': 'pending', ':notBefore': notBefore, ':null': null },
          },
        },
        onConditionFailed: () => new StepExists(),
      },
      { write: auditPut(store, audit) },
      ...extra,
    ]);
    return true;
  } catch (err) {
    if (err instanceof StepExists) return false;
    throw err;
  }
}

/**
 * 撤回: every pending step of the request is cancelled with its pending tasks, together with
 * the request's own change. A step decided at the same moment makes the whole write fail:
 * exactly one of the two wins.
 */
export async function cancelSteps(store: Store, steps: ApprovalStep[], tasks: ApprovalTask[], at: string, extra: TxItem[], audit: AuditInput): Promise<void> {
  await transact(store, [
    ...steps.map((step) => ({
      write: {
        Update: {
          TableName: store.table,
          Key: approvalStepKey(step.id),
          UpdateExpression: 'SET #status = :cancelled, version = version + :one',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled', ':pending': 'pending', ':one': 1 },
        },
      },
      onConditionFailed: () => new DomainError('WORKFLOW.REQUEST_CHANGED'),
    })),
    ...tasks.map((t) => ({
      write: {
        Put: {
          TableName: store.table,
          Item: taskItem({ ...t, status: 'cancelled', cancelledBy: 'withdraw', decidedAt: at, version: t.version + 1 }),
          // A pending task, or one waiting for its stage (加签), as it was read.
          ConditionExpression: '#status = :was',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':was': t.status },
        },
      },
      onConditionFailed: () => new DomainError('WORKFLOW.REQUEST_CHANGED'),
      counts: taskCounts(t, { ...t, status: 'cancelled' }),
    })),
    ...extra,
    { write: auditPut(store, audit) },
  ]);
}

/** 抄送 notices: read-only tasks in each recipient's "CC'd to me" inbox, written with their audit record. */
export async function putNotices(store: Store, notices: ApprovalTask[], audit: AuditInput, extra: TxItem[] = []): Promise<void> {
  if (notices.length === 0) return;
  await transact(store, [
    ...notices.map((n) => ({ write: { Put: { TableName: store.table, Item: taskItem(n), ConditionExpression: 'attribute_not_exists(pk)' } } })),
    { write: auditPut(store, audit) },
    ...extra,
  ]);
}
