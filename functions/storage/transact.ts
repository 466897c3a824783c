import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Store } from './client.js';
import { counterUpdates, type CountDelta } from './counters.js';

type TxWrite = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface TxItem {
  write: TxWrite;
  /** Dashboard counter changes this write makes (storage/counters.ts); merged into one update per metric. */
  counts?: CountDelta[];
  /** Builds the error to throw when this item's condition fails; gets the item as it is now. */
  onConditionFailed?: (current: Record<string, unknown> | undefined) => Error;
}

/**
 * Writes all items or none. When a condition fails, the matching item's error is thrown, so
 * callers learn *which* rule stopped the write (a taken employee number, a stale version).
 */
export async function transact(store: Store, items: TxItem[]): Promise<void> {
  const TransactItems = [
    ...items.map(({ write }) => withFailureValues(write)),
    ...(counterUpdates(store, items.flatMap((i) => i.counts ?? [])) as TxWrite[]),
  ];
  for (let attempt = 0; ; attempt++) {
    try {
      await store.doc.send(new TransactWriteCommand({ TransactItems }));
      return;
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const reasons = err.CancellationReasons ?? [];
      const failedAt = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failedAt >= 0) {
        const handler = items[failedAt]?.onConditionFailed;
        const current = reasons[failedAt]?.Item as Record<string, unknown> | undefined;
        throw handler ? handler(current ? unmarshallLoose(current) : undefined) : err;
      }
      // Another transaction touched the same items at the same moment: retry a few times.
      if (reasons.some((r) => r.Code === 'TransactionConflict') && attempt < 3) {
        await new Promise((r) => setTimeout(r, 20 * 2 ** attempt + Math.random() * 20));
        continue;
      }
      throw err;
    }
  }
}

function withFailureValues(write: TxWrite): TxWrite {
  if (write.Put?.ConditionExpression) return { Put: { ...write.Put, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } };
  if (write.Update?.ConditionExpression) return { Update: { ...write.Update, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } };
  return write;
}

/** Cancellation reasons carry raw attribute values; the document client does not convert them. */
function unmarshallLoose(item: Record<string, unknown>): Record<string, unknown> {
  try {
    return unmarshall(item as Parameters<typeof unmarshall>[0]);
  } catch {
    return item;
  }
}
