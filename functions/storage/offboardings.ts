/**
 * Offboarding records (离职办理, #15): one item each, stored whole; `version` guards every change.
 * gsi1 lists an employee's (newest first), gsi2 HR's leavers by status and last day, and gsi3
 * (sparse) holds a record while the daily job still has a reminder or the last day's work to do
 * on it, sorted by that date, so the job reads one Query (`<= today`), never a Scan. The leaving
 * guard (`LEAVING#<employeeId>`) keeps one resignation or offboarding open per employee.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import { nextTimerDate, type Offboarding } from '../domain/offboarding/record.js';
import type { Store } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { leavingKey, OFFBOARDINGS_DUE, offboardingKey, offboardingsByStatusPk, offboardingsOfEmployeePk, stripKeys } from './keys.js';
import type { TxItem } from './transact.js';

export type { Offboarding } from '../domain/offboarding/record.js';

function item(r: Offboarding): Record<string, unknown> {
  const due = nextTimerDate(r);
  return {
    ...offboardingKey(r.id), entity: 'offboarding', ...r,
    gsi1pk: offboardingsOfEmployeePk(r.employeeId), gsi1sk: `${r.createdAt}#${r.id}`,
    gsi2pk: offboardingsByStatusPk(r.status), gsi2sk: `${r.lastDay}#${r.id}`,
    ...(due ? { gsi3pk: OFFBOARDINGS_DUE, gsi3sk: `${due}#${r.id}` } : {}),
  };
}

export async function getOffboarding(store: Store, id: string): Promise<Offboarding | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: offboardingKey(id), ConsistentRead: true }));
  return out.Item ? (stripKeys(out.Item) as Offboarding) : null;
}

export function offboardingCreate(store: Store, r: Offboarding): TxItem {
  return { write: { Put: { TableName: store.table, Item: item(r), ConditionExpression: 'attribute_not_exists(pk)' } } };
}

/** A transaction item replacing the record if it is still at `previous.version`. */
export function offboardingPut(store: Store, next: Offboarding, previous: Pick<Offboarding, 'version'>): TxItem {
  return {
    write: { Put: { TableName: store.table, Item: item(next), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } } },
    onConditionFailed: () => new DomainError('RECORD.VERSION_CONFLICT', undefined, { version: previous.version }),
  };
}

/** An employee's offboardings, newest first (one Query; a person rehired may leave twice). */
export async function offboardingsOfEmployee(store: Store, employeeId: string): Promise<Offboarding[]> {
  const out = await store.doc.send(new QueryCommand({
    TableName: store.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': offboardingsOfEmployeePk(employeeId) }, ScanIndexForward: false, Limit: 20,
  }));
  return (out.Items ?? []).map((i) => stripKeys(i) as Offboarding);
}

/** The offboardings in one status by last day (latest first unless `ascending`), one page; optionally only last days in [from, to]. */
export async function listOffboardings(
  store: Store,
  q: { status: Offboarding['status']; from?: string | undefined; to?: string | undefined; ascending?: boolean; limit: number; cursor?: string | undefined },
): Promise<{ items: Offboarding[]; nextCursor: string | null }> {
  const fp = { t: 'offboardings', s: q.status, f: q.from ?? null, to: q.to ?? null, a: q.ascending ?? false };
  const range = q.from && q.to ? ' AND gsi2sk BETWEEN :from AND :to' : q.from ? ' AND gsi2sk >= :from' : q.to ? ' AND gsi2sk <= :to' : '';
  const out = await store.doc.send(new QueryCommand({
    TableName: store.table, IndexName: 'gsi2',
    KeyConditionExpression: `gsi2pk = :pk${range}`,
    // `<lastDay>#<id>`: from the day itself, up to the end of `to` ('~' sorts after '#').
    ExpressionAttributeValues: { ':pk': offboardingsByStatusPk(q.status), ...(q.from ? { ':from': q.from } : {}), ...(q.to ? { ':to': `${q.to}~` } : {}) },
    ScanIndexForward: q.ascending ?? false, Limit: q.limit, ExclusiveStartKey: decodeCursor(q.cursor, fp),
  }));
  return { items: (out.Items ?? []).map((i) => stripKeys(i) as Offboarding), nextCursor: encodeCursor(out.LastEvaluatedKey, fp) };
}

/** Open records with a timer due on or before `today` (company date), one page. */
export async function listDueOffboardings(store: Store, today: string, q: { limit: number; cursor?: string | undefined }): Promise<{ items: Offboarding[]; nextCursor: string | null }> {
  const fp = { t: 'offboardings-due', d: today };
  const out = await store.doc.send(new QueryCommand({
    TableName: store.table, IndexName: 'gsi3',
    KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk < :end',
    ExpressionAttributeValues: { ':pk': OFFBOARDINGS_DUE, ':end': `${today}~` },
    Limit: q.limit, ExclusiveStartKey: decodeCursor(q.cursor, fp),
  }));
  return { items: (out.Items ?? []).map((i) => stripKeys(i) as Offboarding), nextCursor: encodeCursor(out.LastEvaluatedKey, fp) };
}

export interface LeavingGuard {
  employeeId: string;
  resignationId: string | null;
  offboardingId: string | null;
}

export async function getLeavingGuard(store: Store, employeeId: string): Promise<LeavingGuard | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: leavingKey(employeeId), ConsistentRead: true }));
  return out.Item ? (stripKeys(out.Item) as unknown as LeavingGuard) : null;
}

/** The guard a new resignation writes: a second one while another is open is 409 RESIGNATION.ALREADY_OPEN. */
export function leavingGuardCreate(store: Store, g: LeavingGuard): TxItem {
  return {
    write: { Put: { TableName: store.table, Item: { ...leavingKey(g.employeeId), entity: 'leavingGuard', ...g }, ConditionExpression: 'attribute_not_exists(pk)' } },
    onConditionFailed: () => new DomainError('RESIGNATION.ALREADY_OPEN', 'employeeId'),
  };
}

/** The guard names the offboarding (it replaces whatever it said: an approved resignation's, or none). */
export function leavingGuardPut(store: Store, g: LeavingGuard): TxItem {
  return { write: { Put: { TableName: store.table, Item: { ...leavingKey(g.employeeId), entity: 'leavingGuard', ...g } } } };
}

/** Removes the guard when the thing it guards ends (only if it still names it). */
export function leavingGuardDelete(store: Store, employeeId: string, by: { resignationId: string } | { offboardingId: string }): TxItem {
  const [attr, value] = 'resignationId' in by ? ['resignationId', by.resignationId] : ['offboardingId', by.offboardingId];
  return {
    write: { Delete: { TableName: store.table, Key: leavingKey(employeeId), ConditionExpression: `attribute_not_exists(pk) OR #a = :v`, ExpressionAttributeNames: { '#a': attr }, ExpressionAttributeValues: { ':v': value } } },
    // Someone else's now (a probation ended while a resignation waited): theirs to remove.
    onConditionFailed: () => new DomainError('RECORD.VERSION_CONFLICT'),
  };
}
