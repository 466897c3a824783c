import { BatchGetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
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
