import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import { auditPut, type AuditInput } from './audit.js';
import type { Store } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { probationByEmployeePk, probationByStatusPk, probationReviewKey, stripKeys } from './keys.js';
import { move } from './counters.js';
import { startedIndex } from './started.js';
import { transact, type TxItem } from './transact.js';

export type ReviewStatus = 'scheduled' | 'in_review' | 'converted' | 'extended' | 'ended' | 'rejected' | 'failed' | 'withdrawn';

/** A probation review (转正评审), POLICIES.md §3. Stored whole; `version` guards updates. */
export interface ProbationReview {
  id: string;
  employeeId: string;
  employeeName: string;
  employeeNo: string;
  /** The reviewed employee's reporting path, for data scope on lists. */
  employeePath: string;
  kind: 'early' | 'scheduled';
  applicant: 'employee' | 'supervisor' | 'system';
  requesterId: string | null;
  requesterName: string | null;
  /** Files the requester started it with (attachment ids). */
  attachments?: string[];
  /** 申请说明: the requester's own words (optional; changed on resubmission, see `revisions`). */
  statement?: string | null;
  /** 重新提交: what each resubmission changed (workflow/chain-kind.ts Revision). */
  revisions?: { at: string; byId: string; byName: string; changes: { field: string; before: unknown; after: unknown }[] }[];
  status: ReviewStatus;
  startsOn: string;
  deferred: boolean;
  policyVersion: number;
  policy: Record<string, unknown>;
  scores: Record<string, number> | null;
  attendance: Record<string, number> | null;
  weighted: number | null;
  band: Record<string, unknown> | null;
  breaches: Record<string, unknown>[];
  recommendation: Record<string, unknown> | null;
  override: { outcome: string; extensionMonths?: number | undefined; byId: string; byName: string; stepKey: string; comment: string } | null;
  decidedSteps: string[];
  /** 退回给发起人: the requester is asked to resubmit; the chain then starts again from its first step. */
  returnedToRequester?: boolean;
  currentStep: string | null;
  result: Record<string, unknown> | null;
  executionArn: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function reviewItem(r: ProbationReview): Record<string, unknown> {
  return {
    ...probationReviewKey(r.id),
    entity: 'probationReview',
    ...r,
    gsi1pk: probationByEmployeePk(r.employeeId),
    gsi1sk: `${r.createdAt}#${r.id}`,
    gsi2pk: probationByStatusPk(r.status),
    gsi2sk: `${r.createdAt}#${r.id}`,
    ...startedIndex('probation', r, `${r.employeeName} ${r.employeeNo}`),
  };
}

/** Dashboard bucket (storage/counters.ts `probation.reviews`): the review's status. */
export function reviewBucket(r: Pick<ProbationReview, 'status'>): string {
  return r.status;
}

export async function getReview(store: Store, id: string): Promise<ProbationReview | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: probationReviewKey(id), ConsistentRead: true }));
  return out.Item ? (stripKeys(out.Item) as ProbationReview) : null;
}

export async function createReview(store: Store, review: ProbationReview, audit: AuditInput, extra: TxItem[] = []): Promise<void> {
  await transact(store, [
    { write: { Put: { TableName: store.table, Item: reviewItem(review), ConditionExpression: 'attribute_not_exists(pk)' } }, counts: move('probation.reviews', null, reviewBucket(review)) },
    { write: auditPut(store, audit) },
    ...extra,
  ]);
}

/** A transaction item replacing the review if it is still as `previous` was read (its version). */
export function reviewPut(store: Store, next: ProbationReview, previous: Pick<ProbationReview, 'version' | 'status'>): TxItem {
  const expectedVersion = previous.version;
  return {
    counts: move('probation.reviews', reviewBucket(previous), reviewBucket(next)),
    write: {
      Put: {
        TableName: store.table,
        Item: reviewItem(next),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': expectedVersion },
      },
    },
    onConditionFailed: () => new DomainError('RECORD.VERSION_CONFLICT', undefined, { version: expectedVersion }),
  };
}

export async function saveReview(store: Store, next: ProbationReview, previous: Pick<ProbationReview, 'version' | 'status'>, extra: TxItem[] = []): Promise<void> {
  await transact(store, [reviewPut(store, next, previous), ...extra]);
}

/** Reviews of one employee, newest first (few per person: one Query). */
export async function reviewsOfEmployee(store: Store, employeeId: string, limit = 50): Promise<ProbationReview[]> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': probationByEmployeePk(employeeId) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((i) => stripKeys(i) as ProbationReview);
}

/** Reviews in one status, newest first, filtered to a reporting subtree when scoped. */
export async function reviewsByStatus(
  store: Store,
  q: { status: ReviewStatus; scopePath: string | null; limit: number; cursor?: string | undefined },
): Promise<{ items: ProbationReview[]; nextCursor: string | null }> {
  const fp = { t: 'reviews', s: q.status, p: q.scopePath };
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ...(q.scopePath ? { FilterExpression: 'begins_with(employeePath, :scope)' } : {}),
      ExpressionAttributeValues: { ':pk': probationByStatusPk(q.status), ...(q.scopePath ? { ':scope': q.scopePath } : {}) },
      ScanIndexForward: false,
      Limit: q.limit,
      ExclusiveStartKey: decodeCursor(q.cursor, fp),
    }),
  );
  return { items: (out.Items ?? []).map((i) => stripKeys(i) as ProbationReview), nextCursor: encodeCursor(out.LastEvaluatedKey, fp) };
}
