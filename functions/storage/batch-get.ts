/**
 * Records by id with BatchGetItem: the way every "several of these" read goes (candidates,
 * requests, tasks, openings, attachments), so a page of any size costs one call per 100 ids.
 */
import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client.js';
import { stripKeys } from './keys.js';

/** How often keys DynamoDB left unprocessed (throttling) are asked again before giving up on them. */
const ATTEMPTS = 5;

/**
 * The records with these ids (each item's `id`), in the order asked, those that exist: one
 * strongly consistent BatchGet per 100 keys, asking again for what came back unprocessed.
 */
export async function batchGetById<T>(store: Store, ids: readonly string[], keyOf: (id: string) => Record<string, unknown>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const found = new Map<string, T>();
  for (let i = 0; i < unique.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map(keyOf);
    for (let attempt = 0; keys?.length && attempt < ATTEMPTS; attempt++) {
      const out: BatchGetCommandOutput = await store.doc.send(new BatchGetCommand({ RequestItems: { [store.table]: { Keys: keys, ConsistentRead: true } } }));
      for (const item of out.Responses?.[store.table] ?? []) found.set(item.id as string, stripKeys(item) as T);
      keys = out.UnprocessedKeys?.[store.table]?.Keys;
    }
  }
  return unique.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
}
