/**
 * Onboarding checklists (入职清单, POLICIES.md §2 step 6): one per new hire, under the employee's
 * id, stored whole; `version` guards every change. While open, it sits in gsi1 under
 * `ONBOARDING#open` sorted by the earliest due date of an item still to do, so the daily reminder
 * finds the overdue ones with one Query (`< today`), never a Scan; done, it leaves the index.
 * Open or done, it sits in gsi2 under `ONBOARDING#STATUS#<status>` sorted by report date, for
 * HR's list (newest report first); every write puts the whole item, so a tick of the last item
 * moves it from the open partition to the done one. Migration 0004 indexes those stored before.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import { nextDueDate, type OnboardingChecklist } from '../domain/recruitment/onboarding.js';
import { auditPut, type Channel } from './audit.js';
import type { Store } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { ONBOARDING_OPEN, onboardingByStatusPk, onboardingChecklistKey, stripKeys } from './keys.js';
import type { TxItem } from './transact.js';

export type { OnboardingChecklist, OnboardingItem } from '../domain/recruitment/onboarding.js';

/** The list index's keys (gsi2): also what migration 0004 sets on checklists stored before it. */
export function checklistListKeys(c: Pick<OnboardingChecklist, 'id' | 'status' | 'reportDate' | 'createdAt'>): { gsi2pk: string; gsi2sk: string } {
  // The same report date sorts by when it was recorded; the id keeps keys unique.
  return { gsi2pk: onboardingByStatusPk(c.status), gsi2sk: `${c.reportDate}#${c.createdAt}#${c.id}` };
}

function item(c: OnboardingChecklist): Record<string, unknown> {
  const next = c.status === 'open' ? nextDueDate(c) : null;
  return {
    ...onboardingChecklistKey(c.id), entity: 'onboardingChecklist', ...c,
    ...(next ? { gsi1pk: ONBOARDING_OPEN, gsi1sk: `${next}#${c.id}` } : {}),
    ...checklistListKeys(c),
  };
}

export async function getChecklist(store: Store, id: string): Promise<OnboardingChecklist | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: onboardingChecklistKey(id), ConsistentRead: true }));
  return out.Item ? (stripKeys(out.Item) as OnboardingChecklist) : null;
}

/** The checklist of one employee (its id is theirs), or null. */
export function getChecklistOfEmployee(store: Store, employeeId: string): Promise<OnboardingChecklist | null> {
  return getChecklist(store, employeeId);
}

/** A new checklist, as a transaction item: one per employee (a second is 409 ONBOARDING.EXISTS). */
export function onboardingChecklistCreate(store: Store, c: OnboardingChecklist): TxItem {
  return {
    write: { Put: { TableName: store.table, Item: item(c), ConditionExpression: 'attribute_not_exists(pk)' } },
    onConditionFailed: () => new DomainError('ONBOARDING.EXISTS', 'employeeId'),
  };
}

/** A transaction item replacing the checklist if it is still at `previous.version`. */
export function onboardingChecklistPut(store: Store, next: OnboardingChecklist, previous: Pick<OnboardingChecklist, 'version'>): TxItem {
  return {
    write: { Put: { TableName: store.table, Item: item(next), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } } },
    onConditionFailed: () => new DomainError('RECORD.VERSION_CONFLICT', undefined, { version: previous.version }),
  };
}

/**
 * What opening a checklist writes, for the caller's transaction (the report route: the employee,
 * the offer and this together): the checklist and its audit record (`create`, no personal data
 * beyond the names the checklist shows).
 */
export function checklistWrites(
  store: Store,
  checklist: OnboardingChecklist,
  audit: { actor: { id: string; name: string } | null; channel: Channel; at?: string },
): TxItem[] {
  return [
    onboardingChecklistCreate(store, checklist),
    {
      write: auditPut(store, {
        entityType: 'onboardingChecklist', entityId: checklist.id, action: 'create', actor: audit.actor, channel: audit.channel, at: audit.at ?? checklist.createdAt,
        before: null,
        after: { employeeId: checklist.employeeId, offerId: checklist.offerId, reportDate: checklist.reportDate, policyVersion: checklist.policyVersion, items: checklist.items.map((i) => `${i.key}@${i.dueDate}`) },
      }),
    },
  ];
}

/** Open checklists with an item still to do that was due before `today` (company date), one page. */
export async function listOverdueChecklists(store: Store, today: string, q: { limit: number; cursor?: string | undefined }): Promise<{ items: OnboardingChecklist[]; nextCursor: string | null }> {
  const fp = { t: 'onboarding-overdue', d: today };
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      IndexName: 'gsi1',
      // `<date>#<id>` sorts before `today` exactly when the date is earlier.
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :today',
      ExpressionAttributeValues: { ':pk': ONBOARDING_OPEN, ':today': today },
      Limit: q.limit,
      ExclusiveStartKey: decodeCursor(q.cursor, fp),
    }),
  );
  return { items: (out.Items ?? []).map((i) => stripKeys(i) as OnboardingChecklist), nextCursor: encodeCursor(out.LastEvaluatedKey, fp) };
}

/** The checklists in one status, newest report first, one page (one Query on gsi2). */
export async function listChecklists(store: Store, q: { status: OnboardingChecklist['status']; limit: number; cursor?: string | undefined }): Promise<{ items: OnboardingChecklist[]; nextCursor: string | null }> {
  const fp = { t: 'onboarding', s: q.status };
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': onboardingByStatusPk(q.status) },
      ScanIndexForward: false,
      Limit: q.limit,
      ExclusiveStartKey: decodeCursor(q.cursor, fp),
    }),
  );
  return { items: (out.Items ?? []).map((i) => stripKeys(i) as OnboardingChecklist), nextCursor: encodeCursor(out.LastEvaluatedKey, fp) };
}
