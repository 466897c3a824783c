import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client.js';
import { rateKey } from './keys.js';

/**
 * Fixed-window counter: one atomic ADD per attempt. Returns the count in the current window,
 * so the caller decides whether it is over the limit. Counters expire by TTL.
 */
export async function hit(store: Store, bucket: string, windowSeconds: number, nowSeconds: number): Promise<number> {
  const window = Math.floor(nowSeconds / windowSeconds);
  const out = await store.doc.send(
    new UpdateCommand({
      TableName: store.table,
      Key: rateKey(bucket, window),
      UpdateExpression: 'ADD #count :one SET expiresAt = :exp',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':one': 1, ':exp': (window + 2) * windowSeconds },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return (out.Attributes?.count as number | undefined) ?? 1;
}

/** Current counts of several buckets in one read (0 for a bucket with no hits this window). */
export async function peek(store: Store, buckets: string[], windowSeconds: number, nowSeconds: number): Promise<number[]> {
  const window = Math.floor(nowSeconds / windowSeconds);
  const keys = buckets.map((b) => rateKey(b, window));
  const out = await store.doc.send(new BatchGetCommand({ RequestItems: { [store.table]: { Keys: keys } } }));
  const found = new Map((out.Responses?.[store.table] ?? []).map((i) => [i.pk as string, (i.count as number) ?? 0]));
  return keys.map((k) => found.get(k.pk) ?? 0);
}

/**
 * Takes one attempt from a bucket if it has one left in this window: a conditional ADD, so
 * however many callers race, at most `limit` of them get one (#13 item 2). False when full.
 */
export function take(store: Store, bucket: string, limit: number, windowSeconds: number, nowSeconds: number): Promise<boolean> {
  const window = Math.floor(nowSeconds / windowSeconds);
  return addIf(store, rateKey(bucket, window), 1, 'attribute_not_exists(#count) OR #count < :bound', limit, (window + 2) * windowSeconds);
}

/** Gives back an attempt taken in this window; after the window turned over there is nothing to give. */
export async function giveBack(store: Store, bucket: string, windowSeconds: number, nowSeconds: number): Promise<void> {
  await addIf(store, rateKey(bucket, Math.floor(nowSeconds / windowSeconds)), -1, '#count > :bound', 0);
}

/** ADD `delta` to a counter when `condition` (on `#count` and `:bound`) holds; false when it does not. */
async function addIf(store: Store, key: { pk: string; sk: string }, delta: number, condition: string, bound: number, expiresAt?: number): Promise<boolean> {
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.table,
        Key: key,
        UpdateExpression: expiresAt === undefined ? 'ADD #count :delta' : 'ADD #count :delta SET expiresAt = :exp',
        ConditionExpression: condition,
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':delta': delta, ':bound': bound, ...(expiresAt === undefined ? {} : { ':exp': expiresAt }) },
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}

/** A remembered fact with a lifetime (e.g. "this account signs in from this address"). */
export async function remember(store: Store, fact: string, untilSeconds: number): Promise<void> {
  await store.doc.send(new PutCommand({ TableName: store.table, Item: { ...rateKey(fact, 0), expiresAt: untilSeconds } }));
}

/** Whether a fact was remembered and has not expired (TTL deletion lags, so the time is checked). */
export async function remembered(store: Store, fact: string, nowSeconds: number): Promise<boolean> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: rateKey(fact, 0) }));
  return ((out.Item?.expiresAt as number | undefined) ?? 0) > nowSeconds;
}
