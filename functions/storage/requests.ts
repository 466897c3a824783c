/**
 * Requests of the kinds that keep their record in the generic shape (one item per request,
 * stored whole, `version` guarding every update), so a new request kind needs no storage code
 * of its own for its record. Probation reviews predate it and keep their own items.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import { auditPut, type AuditInput } from './audit.js';
import type { Store } from './client.js';
import { requestKey, stripKeys } from './keys.js';
import { startedIndex } from './started.js';
import { transact, type TxItem } from './transact.js';

export interface StoredRequestBase {
  id: string;
  version: number;
}

function item<T extends StoredRequestBase>(kind: string, record: T): Record<string, unknown> {
  const r = record as unknown as Record<string, unknown>;
  const requesterId = typeof r.requesterId === 'string' ? r.requesterId : null;
  const createdAt = typeof r.createdAt === 'string' ? r.createdAt : undefined;
  return { ...requestKey(kind, record.id), entity: 'request', requestKind: kind, ...r, ...startedIndex(kind, { id: record.id, requesterId, createdAt }) };
}

export async function getRequest<T extends StoredRequestBase>(store: Store, kind: string, id: string): Promise<T | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: requestKey(kind, id), ConsistentRead: true }));
  if (!out.Item) return null;
  const { requestKind: _kind, ...rest } = stripKeys(out.Item);
  return rest as T;
}

/** A new request with its audit record and whatever must be written with it (its start marker). */
export async function createRequest<T extends StoredRequestBase>(store: Store, kind: string, record: T, audit: AuditInput, extra: TxItem[] = []): Promise<void> {
  await transact(store, [
    { write: { Put: { TableName: store.table, Item: item(kind, record), ConditionExpression: 'attribute_not_exists(pk)' } } },
    { write: auditPut(store, audit) },
    ...extra,
  ]);
}

/** A transaction item replacing the request if it is still at `previous.version`. */
export function requestPut<T extends StoredRequestBase>(store: Store, kind: string, next: T, previous: Pick<T, 'version'>): TxItem {
  return {
    write: { Put: { TableName: store.table, Item: item(kind, next), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } } },
    onConditionFailed: () => new DomainError('RECORD.VERSION_CONFLICT', undefined, { version: previous.version }),
  };
}
