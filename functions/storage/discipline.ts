/**
 * Discipline (#16): actions are request records of kind `discipline` (storage/requests.ts) with
 * their own indexes, and each employee has a ledger — their record as the ladder reads it, in
 * one item. Every change that changes what counts (a new action, its roll-ups, a void, a
 * dismissal's outcome) writes the ledger on a condition of the version read, in the same
 * transaction as the actions: two actions recorded at the same moment for one employee cannot
 * both count the same earlier warnings (the second is computed again from the first's result).
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { OPEN_STATUSES, type DisciplineRecordFields } from '../domain/discipline/action.js';
import type { PriorAction } from '../domain/discipline/ladder.js';
import { DomainError } from '../domain/errors.js';
import type { Store } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { DISCIPLINE_OPEN, disciplineFinesPk, disciplineLedgerKey, disciplineOfEmployeePk, requestKey, stripKeys } from './keys.js';
import type { RequestIndexes } from './requests.js';
import type { TxItem } from './transact.js';

export const DISCIPLINE = 'discipline';

export interface Ledger {
  employeeId: string;
  /** 0 before the employee's first action. */
  version: number;
  entries: PriorAction[];
}

export async function getLedger(store: Store, employeeId: string): Promise<Ledger> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: disciplineLedgerKey(employeeId), ConsistentRead: true }));
  return out.Item ? (stripKeys(out.Item) as unknown as Ledger) : { employeeId, version: 0, entries: [] };
}

/** The ledger's next version, written only if nobody changed it since `previous` was read. */
export function ledgerPut(store: Store, next: Omit<Ledger, 'version'>, previous: Pick<Ledger, 'version'>): TxItem {
  return {
    write: {
      Put: {
        TableName: store.table,
        Item: { ...disciplineLedgerKey(next.employeeId), entity: 'disciplineLedger', employeeId: next.employeeId, entries: next.entries, version: previous.version + 1 },
        ...(previous.version === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } }),
      },
    },
    onConditionFailed: () => new LedgerChanged(),
  };
}

/** Someone changed the employee's record meanwhile: compute again from the fresh ledger. */
export class LedgerChanged extends DomainError {
  constructor() {
    super('RECORD.VERSION_CONFLICT', undefined, { version: 0 });
  }
}

/**
 * Runs `attempt` on `first`, and again on a fresh read (`reload`) while another change to the
 * employee's ledger gets in between (at most 5 more times).
 */
export async function retryOnLedgerChange<T, R>(first: T, reload: () => Promise<T | null>, attempt: (record: T) => Promise<R>): Promise<R> {
  for (let n = 0; ; n++) {
    const record = n === 0 ? first : await reload();
    if (!record) throw new Error('the record went missing while its ledger changed');
    try {
      return await attempt(record);
    } catch (err) {
      if (!(err instanceof LedgerChanged) || n >= 5) throw err;
    }
  }
}

type IndexedFields = Pick<DisciplineRecordFields, 'employeeId' | 'occurredAt' | 'status' | 'fine' | 'effectiveAt'> & { id: string; appealUntil: string | null; createdAt: string; signDeadline?: string };

/**
 * The action's index attributes: the employee's actions by when they happened (gsi4); the fines
 * that took effect in a month, for payroll (gsi5, sparse); the open ones by their next deadline
 * (gsi6, sparse: `openDeadline`).
 */
export function disciplineIndexes(r: IndexedFields, openDeadline: string | null, effectiveMonth: string | null): RequestIndexes {
  return {
    gsi4pk: disciplineOfEmployeePk(r.employeeId), gsi4sk: `${r.occurredAt}#${r.id}`,
    ...(r.status === 'effective' && r.fine > 0 && effectiveMonth && r.effectiveAt ? { gsi5pk: disciplineFinesPk(effectiveMonth), gsi5sk: `${r.effectiveAt}#${r.id}` } : {}),
    ...((OPEN_STATUSES as readonly string[]).includes(r.status) && openDeadline ? { gsi6pk: DISCIPLINE_OPEN, gsi6sk: `${openDeadline}#${r.id}` } : {}),
  };
}

function fromItem<T>(i: Record<string, unknown>): T {
  const { requestKind: _kind, ...rest } = stripKeys(i);
  return rest as unknown as T;
}

/** An employee's actions, newest first (by when they happened), one page. */
export async function listActionsOfEmployee<T>(store: Store, employeeId: string, q: { limit: number; cursor?: string | undefined }): Promise<{ items: T[]; nextCursor: string | null }> {
  const fp = { t: 'discipline-emp', e: employeeId };
  const out = await store.doc.send(new QueryCommand({
    TableName: store.table, IndexName: 'gsi4', KeyConditionExpression: 'gsi4pk = :pk',
    ExpressionAttributeValues: { ':pk': disciplineOfEmployeePk(employeeId) },
    ScanIndexForward: false, Limit: q.limit, ExclusiveStartKey: decodeCursor(q.cursor, fp),
  }));
  return { items: (out.Items ?? []).map((i) => fromItem<T>(i)), nextCursor: encodeCursor(out.LastEvaluatedKey, fp) };
}

/** The fines that took effect in `month` (YYYY-MM), oldest first: every page (payroll reads the whole month). */
export async function listFinesOfMonth<T>(store: Store, month: string, cap = 5000): Promise<T[]> {
  const items: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await store.doc.send(new QueryCommand({
      TableName: store.table, IndexName: 'gsi5', KeyConditionExpression: 'gsi5pk = :pk',
      ExpressionAttributeValues: { ':pk': disciplineFinesPk(month) }, ExclusiveStartKey: start,
    }));
    items.push(...(out.Items ?? []).map((i) => fromItem<T>(i)));
    start = out.LastEvaluatedKey;
  } while (start && items.length < cap);
  return items;
}

/** Open actions by their next deadline (soonest first), one page; `scopePath` keeps those in the reader's part of the organisation. */
export async function listOpenActions<T>(store: Store, q: { scopePath: string | null; limit: number; cursor?: string | undefined }): Promise<{ items: T[]; nextCursor: string | null }> {
  const fp = { t: 'discipline-open', p: q.scopePath };
  const out = await store.doc.send(new QueryCommand({
    TableName: store.table, IndexName: 'gsi6', KeyConditionExpression: 'gsi6pk = :pk',
    ...(q.scopePath ? { FilterExpression: 'begins_with(employeePath, :scope)' } : {}),
    ExpressionAttributeValues: { ':pk': DISCIPLINE_OPEN, ...(q.scopePath ? { ':scope': q.scopePath } : {}) },
    Limit: q.limit, ExclusiveStartKey: decodeCursor(q.cursor, fp),
  }));
  return { items: (out.Items ?? []).map((i) => fromItem<T>(i)), nextCursor: encodeCursor(out.LastEvaluatedKey, fp) };
}

export const actionKey = (id: string) => requestKey(DISCIPLINE, id);
