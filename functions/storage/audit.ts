import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { auditActorPk, auditPk } from './keys.js';
import { newId } from './ids.js';

export type Channel = 'console' | 'email' | 'api' | 'system';

export interface AuditRecord {
  id: string;
  at: string;
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  channel: Channel;
  /** Only the fields that changed, before and after. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditInput {
  entityType: string;
  entityId: string;
  action: string;
  actor: { id: string; name: string } | null;
  channel: Channel;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
}

/** A Put for a transaction: every change is written together with its audit record. */
export function auditPut(store: Store, input: AuditInput) {
  const id = newId(Date.parse(input.at));
  const { before, after } = diff(input.before, input.after);
  const record: AuditRecord = {
    id,
    at: input.at,
    entityType: input.entityType,
    entityId: input.entityId,
    action: input.action,
    actorId: input.actor?.id ?? null,
    actorName: input.actor?.name ?? null,
    channel: input.channel,
    before,
    after,
  };
  return {
    Put: {
      TableName: store.table,
      Item: {
        pk: auditPk(input.entityType, input.entityId),
        sk: `${input.at}#${id}`,
        entity: 'audit',
        ...(input.actor ? { gsi1pk: auditActorPk(input.actor.id), gsi1sk: `${input.at}#${id}` } : {}),
        ...record,
      },
    },
  };
}

/** Audit trail of one record, newest first. */
export async function listAudit(
  store: Store,
  query: { entityType: string; entityId: string; limit: number; cursor?: string | undefined },
): Promise<{ items: AuditRecord[]; nextCursor: string | null }> {
  const fp = { t: 'audit', e: query.entityType, i: query.entityId };
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': auditPk(query.entityType, query.entityId) },
      ScanIndexForward: false,
      Limit: query.limit,
      ExclusiveStartKey: decodeCursor(query.cursor, fp),
    }),
  );
  const items = (out.Items ?? []).map(toRecord);
  return { items, nextCursor: encodeCursor(out.LastEvaluatedKey, fp) };
}

const SECRET_FIELDS = new Set(['passwordHash', 'secretHash', 'path']);

function diff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  const clean = (r: Record<string, unknown> | null) =>
    r ? Object.fromEntries(Object.entries(r).filter(([k]) => !SECRET_FIELDS.has(k) && k !== 'updatedAt' && k !== 'version')) : null;
  const b = clean(before);
  const a = clean(after);
  if (!b || !a) return { before: b, after: a };
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const k of keys) {
    if (JSON.stringify(b[k]) !== JSON.stringify(a[k])) {
      changedBefore[k] = b[k] ?? null;
      changedAfter[k] = a[k] ?? null;
    }
  }
  return { before: changedBefore, after: changedAfter };
}

function toRecord(item: Record<string, unknown>): AuditRecord {
  return {
    id: item.id as string,
    at: item.at as string,
    entityType: item.entityType as string,
    entityId: item.entityId as string,
    action: item.action as string,
    actorId: (item.actorId as string | null) ?? null,
    actorName: (item.actorName as string | null) ?? null,
    channel: item.channel as Channel,
    before: (item.before as Record<string, unknown> | null) ?? null,
    after: (item.after as Record<string, unknown> | null) ?? null,
  };
}
