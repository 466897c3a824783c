/**
 * Start markers: a request and the marker "start my execution" are written in one
 * transaction; the marker is removed once StartExecution has answered. If the process dies in
 * between, the `startPending` job finds the marker and starts the execution (idempotent: the
 * execution's name is derived from the request). One partition, sorted by creation time.
 */
import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client.js';
import type { TxItem } from './transact.js';

export interface StartMarker {
  requestKind: string;
  requestId: string;
  /** The execution's `startAt` (a deferred round starts later). */
  startAt: string;
  createdAt: string;
}

const PK = 'STARTS';
const key = (m: StartMarker) => ({ pk: PK, sk: `${m.createdAt}#${m.requestKind}#${m.requestId}` });

export function startMarkerPut(store: Store, marker: StartMarker): TxItem {
  return { write: { Put: { TableName: store.table, Item: { ...key(marker), entity: 'startMarker', ...marker } } } };
}

/** Markers written before `before` (older ones first; one Query of at most `limit`). */
export async function startMarkersBefore(store: Store, before: string, limit = 50): Promise<StartMarker[]> {
  const out = await store.doc.send(new QueryCommand({
    TableName: store.table,
    KeyConditionExpression: 'pk = :pk AND sk < :before',
    ExpressionAttributeValues: { ':pk': PK, ':before': before },
    Limit: limit,
  }));
  return (out.Items ?? []).map((i) => ({ requestKind: i.requestKind, requestId: i.requestId, startAt: i.startAt, createdAt: i.createdAt }) as StartMarker);
}

export async function removeStartMarker(store: Store, marker: StartMarker): Promise<void> {
  await store.doc.send(new DeleteCommand({ TableName: store.table, Key: key(marker) }));
}
