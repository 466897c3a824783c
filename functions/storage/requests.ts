/**
 * Requests of the kinds that keep their record in the generic shape (one item per request,
 * stored whole, `version` guarding every update), so a new request kind needs no storage code
 * of its own for its record. Probation reviews predate it and keep their own items.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from './cursor.js';
import { DomainError } from '../domain/errors.js';
import { auditPut, type AuditInput } from './audit.js';
import type { Store } from './client.js';
import { requestKey, requestsByStatusPk, requestsOfKindPk, stripKeys } from './keys.js';
import { startedIndex } from './started.js';
import { transact, type TxItem } from './transact.js';
import { batchGetById } from './batch-get.js';

export interface StoredRequestBase {
  id: string;
  version: number;
}

/** A kind's own index attributes on its record (gsi4–gsi6; the generic lists use gsi1–gsi3). */
export type RequestIndexes = Record<string, string>;

function item<T extends StoredRequestBase>(kind: string, record: T, indexes: RequestIndexes = {}): Record<string, unknown> {
  const r = record as unknown as Record<string, unknown>;
  const requesterId = typeof r.requesterId === 'string' ? r.requesterId : null;
  const createdAt = typeof r.createdAt === 'string' ? r.createdAt : undefined;
  const status = typeof r.status === 'string' ? r.status : null;
  // A kind's list (newest first) and its list by status: a sheet of one kind reads a key, not the table.
  const lists = createdAt ? {
    gsi1pk: requestsOfKindPk(kind), gsi1sk: `${createdAt}#${record.id}`,
    ...(status ? { gsi2pk: requestsByStatusPk(kind, status), gsi2sk: `${createdAt}#${record.id}` } : {}),
  } : {};
  return { ...requestKey(kind, record.id), entity: 'request', requestKind: kind, ...r, ...lists, ...startedIndex(kind, { id: record.id, requesterId, createdAt }), ...indexes };
}

export async function getRequest<T extends StoredRequestBase>(store: Store, kind: string, id: string): Promise<T | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: requestKey(kind, id), ConsistentRead: true }));
  if (!out.Item) return null;
  const { requestKind: _kind, ...rest } = stripKeys(out.Item);
  return rest as T;
}

/** Several records of one kind, in the order asked, those that exist (BatchGet, 100 keys per call). */
export async function getRequests<T extends StoredRequestBase>(store: Store, kind: string, ids: readonly string[]): Promise<T[]> {
  return (await batchGetById<T & { requestKind?: string }>(store, ids, (id) => requestKey(kind, id))).map(({ requestKind: _kind, ...rest }) => rest as unknown as T);
}

/** A new request with its audit record and whatever must be written with it (its start marker). */
export async function createRequest<T extends StoredRequestBase>(store: Store, kind: string, record: T, audit: AuditInput, extra: TxItem[] = [], indexes?: RequestIndexes): Promise<void> {
  await transact(store, [
    { write: { Put: { TableName: store.table, Item: item(kind, record, indexes), ConditionExpression: 'attribute_not_exists(pk)' } } },
    { write: auditPut(store, audit) },
    ...extra,
  ]);
}

/** A transaction item creating a request (a request another request's write creates with it). */
export function requestCreate<T extends StoredRequestBase>(store: Store, kind: string, record: T, indexes?: RequestIndexes): TxItem {
  return { write: { Put: { TableName: store.table, Item: item(kind, record, indexes), ConditionExpression: 'attribute_not_exists(pk)' } } };
}

/** A transaction item replacing the request if it is still at `previous.version`. */
export function requestPut<T extends StoredRequestBase>(store: Store, kind: string, next: T, previous: Pick<T, 'version'>, indexes?: RequestIndexes): TxItem {
  return {
    write: { Put: { TableName: store.table, Item: item(kind, next, indexes), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } } },
    onConditionFailed: () => new DomainError('RECORD.VERSION_CONFLICT', undefined, { version: previous.version }),
  };
}

/**
 * A kind's records, newest first, one page: all of them, or those in one status; `scopePath`
 * keeps those whose `scopeAttribute` (a reporting path) lies in it (a filter on the page read).
 */
export async function listRequests<T extends StoredRequestBase>(
  store: Store,
  kind: string,
  q: {
    status?: string | undefined; scopePath: string | null; scopeAttribute: string; limit: number; cursor?: string | undefined;
    /** Keeps records whose attributes hold these values (a filter on the page read, like the scope). */
    where?: Record<string, string>;
  },
): Promise<{ items: T[]; nextCursor: string | null }> {
  const fp = { t: 'requests', k: kind, s: q.status ?? null, p: q.scopePath, w: q.where ?? null };
  const filters: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (q.scopePath) {
    filters.push('begins_with(#scope, :scope)');
    names['#scope'] = q.scopeAttribute;
    values[':scope'] = q.scopePath;
  }
  Object.entries(q.where ?? {}).forEach(([attribute, value], i) => {
    filters.push(`#w${i} = :w${i}`);
    names[`#w${i}`] = attribute;
    values[`:w${i}`] = value;
  });
  const index = q.status ? 'gsi2' : 'gsi1';
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk`,
      ...(filters.length ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: { ':pk': q.status ? requestsByStatusPk(kind, q.status) : requestsOfKindPk(kind), ...values },
      ScanIndexForward: false,
      Limit: q.limit,
      ExclusiveStartKey: decodeCursor(q.cursor, fp),
    }),
  );
  return {
    items: (out.Items ?? []).map((i) => {
      const { requestKind: _kind, ...rest } = stripKeys(i);
      return rest as unknown as T;
    }),
    nextCursor: encodeCursor(out.LastEvaluatedKey, fp),
  };
}
