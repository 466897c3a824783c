import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client.js';
import { idempotencyKey } from './keys.js';
import type { TxItem } from './transact.js';

/** How long a creating POST's Idempotency-Key is remembered. */
const RETENTION_SECONDS = 24 * 3600;

export interface IdempotencyRecord {
  principalId: string;
  key: string;
  requestHash: string;
  status: number;
  body: unknown;
  now: string;
}

export class IdempotentReplay extends Error {
  override readonly name = 'IdempotentReplay';
  constructor(readonly stored: { requestHash: string; status: number; body: unknown } | undefined) {
    super('idempotent replay');
  }
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('base64url');
}

/**
 * The idempotency record is written in the same transaction as the change it guards, so a
 * retried request either finds the finished result or writes it — never half of it.
 */
export function idempotencyPut(store: Store, r: IdempotencyRecord): TxItem {
  return {
    write: {
      Put: {
        TableName: store.table,
        Item: {
          ...idempotencyKey(r.principalId, r.key),
          requestHash: r.requestHash,
          status: r.status,
          body: r.body,
          createdAt: r.now,
          expiresAt: Math.floor(Date.parse(r.now) / 1000) + RETENTION_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
        ExpressionAttributeValues: { ':now': Math.floor(Date.parse(r.now) / 1000) },
      },
    },
    onConditionFailed: (current) =>
      new IdempotentReplay(
        current
          ? { requestHash: current.requestHash as string, status: current.status as number, body: current.body }
          : undefined,
      ),
  };
}

/** Looks up an earlier result first, so a plain retry costs one read and no write. */
export async function findIdempotent(
  store: Store,
  principalId: string,
  key: string,
  now: string,
): Promise<{ requestHash: string; status: number; body: unknown } | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: idempotencyKey(principalId, key) }));
  const item = out.Item;
  if (!item || (item.expiresAt as number) < Math.floor(Date.parse(now) / 1000)) return null;
  return { requestHash: item.requestHash as string, status: item.status as number, body: item.body };
}
