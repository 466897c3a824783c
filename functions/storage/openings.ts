/**
 * Openings (招聘职位, POLICIES.md §2 step 3): one per approved requisition, with its id, holding
 * the headcount to fill. Stored whole; `version` guards every change.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import type { Level } from '../domain/people/model.js';
import type { Store } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { OPENINGS, openingKey, openingsByStatusPk, stripKeys } from './keys.js';
import type { TxItem } from './transact.js';
import { batchGetById } from './batch-get.js';

export const OPENING_STATUSES = ['open', 'paused', 'filled', 'cancelled'] as const;
export type OpeningStatus = (typeof OPENING_STATUSES)[number];

export interface Opening {
  /** The requisition's id: one opening per requisition. */
  id: string;
  requisitionId: string;
  post: string;
  teamId: string;
  teamName: string;
  level: Level;
  salaryMin: number;
  salaryMax: number;
  headcount: number;
  filled: number;
  /** Heads held by offers out (sent, accepted, or waiting for the GM): not free to offer again. Absent on openings from before offers. */
  held?: number;
  status: OpeningStatus;
  /** Why HR last paused, reopened or cancelled it. */
  statusReason: string | null;
  requesterId: string | null;
  requesterName: string | null;
  /** The requester's reporting path: who sees the opening besides HR (their superiors). */
  scopePath: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

function item(o: Opening): Record<string, unknown> {
  return {
    ...openingKey(o.id), entity: 'opening', ...o,
    gsi1pk: OPENINGS, gsi1sk: `${o.createdAt}#${o.id}`,
    gsi2pk: openingsByStatusPk(o.status), gsi2sk: `${o.createdAt}#${o.id}`,
  };
}

export async function getOpening(store: Store, id: string): Promise<Opening | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: openingKey(id), ConsistentRead: true }));
  return out.Item ? (stripKeys(out.Item) as Opening) : null;
}

/** Several openings, in the order asked, those that exist (BatchGet, 100 keys per call). */
export async function getOpenings(store: Store, ids: readonly string[]): Promise<Opening[]> {
  return batchGetById<Opening>(store, ids, openingKey);
}

/** A new opening, as a transaction item (written with the requisition's approval). */
export function openingCreate(store: Store, o: Opening): TxItem {
  return { write: { Put: { TableName: store.table, Item: item(o), ConditionExpression: 'attribute_not_exists(pk)' } } };
}

/** A transaction item replacing the opening if it is still at `previous.version`. */
export function openingPut(store: Store, next: Opening, previous: Pick<Opening, 'version'>): TxItem {
  return {
    write: { Put: { TableName: store.table, Item: item(next), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } } },
    onConditionFailed: () => new DomainError('RECORD.VERSION_CONFLICT', undefined, { version: previous.version }),
  };
}

/** Openings newest first, one page: all, or those in one status; `scopePath` keeps those raised within it. */
export async function listOpenings(
  store: Store,
  q: { status?: OpeningStatus | undefined; scopePath: string | null; limit: number; cursor?: string | undefined },
): Promise<{ items: Opening[]; nextCursor: string | null }> {
  const fp = { t: 'openings', s: q.status ?? null, p: q.scopePath };
  const index = q.status ? 'gsi2' : 'gsi1';
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk`,
      ...(q.scopePath ? { FilterExpression: 'begins_with(scopePath, :scope)' } : {}),
      ExpressionAttributeValues: { ':pk': q.status ? openingsByStatusPk(q.status) : OPENINGS, ...(q.scopePath ? { ':scope': q.scopePath } : {}) },
      ScanIndexForward: false,
      Limit: q.limit,
      ExclusiveStartKey: decodeCursor(q.cursor, fp),
    }),
  );
  return { items: (out.Items ?? []).map((i) => stripKeys(i) as Opening), nextCursor: encodeCursor(out.LastEvaluatedKey, fp) };
}
