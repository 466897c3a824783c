import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { createStore, type Store } from '../../../functions/storage/client.js';
import { newId } from '../../../functions/storage/ids.js';
import { prefetch, readOnce } from '../../../functions/storage/read-once.js';
import { ensureTable, localClientConfig } from '../../../infra/local/dynamodb.js';
import { recordCalls } from '../../bench/recorder.js';

/**
 * Read once (storage/read-once.ts) on DynamoDB Local: within one engine call an item is read
 * once, whether by GetItem, BatchGet or a prefetch; strong reads are never answered from
 * eventual ones; any write makes everything read afresh.
 */
let store: Store;
const key = (n: number) => ({ pk: `ITEM#${n}`, sk: 'ITEM' });
const get = (s: Store, n: number, strong = false) => s.doc.send(new GetCommand({ TableName: s.table, Key: key(n), ...(strong ? { ConsistentRead: true } : {}) }));
const batch = (s: Store, ns: number[], strong = false) =>
  s.doc.send(new BatchGetCommand({ RequestItems: { [s.table]: { Keys: ns.map(key), ...(strong ? { ConsistentRead: true } : {}) } } }));

beforeEach(async () => {
  const endpoint = inject('dynamoEndpoint');
  const table = `t-${newId()}`;
  await ensureTable(new DynamoDBClient(localClientConfig(endpoint)), table);
  store = createStore({ table, endpoint });
  for (let n = 0; n < 5; n++) await store.doc.send(new PutCommand({ TableName: table, Item: { ...key(n), value: n } }));
});

describe('read once per engine call', () => {
  it('answers a repeated GetItem, and GetItems of what a BatchGet read, without another call', async () => {
    const once = readOnce(store);
    const { calls, result } = await recordCalls(store, async () => {
      const a = await get(once, 1);
      const b = await get(once, 1);
      const listed = await batch(once, [1, 2, 9]);
      const c = await get(once, 2);
      const gone = await get(once, 9);
      return { a, b, listed, c, gone };
    });
    expect(result.a.Item?.value).toBe(1);
    expect(result.b.Item?.value).toBe(1);
    expect(result.listed.Responses?.[store.table]?.map((i) => i.value).sort()).toEqual([1, 2]);
    expect(result.c.Item?.value).toBe(2);
    expect(result.gone.Item).toBeUndefined();
    // One GetItem, then a BatchGet asking only for the two keys not read yet.
    expect(calls.map((c) => c.command)).toEqual(['GetItemCommand', 'BatchGetItemCommand']);
    expect(((calls[1]!.input.RequestItems as Record<string, { Keys: unknown[] }>)[store.table]!.Keys)).toHaveLength(2);
  });

  it('a prefetch answers the reads that follow, strong ones included; each caller gets its own copy', async () => {
    const once = readOnce(store);
    const { calls, result } = await recordCalls(store, async () => {
      await prefetch(once, [{ key: key(0), strong: true }, { key: key(3) }]);
      const strong = await get(once, 0, true);
      strong.Item!.value = 'changed by one caller';
      const again = await get(once, 0);
      const listed = await batch(once, [3]);
      return { strong, again, listed };
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.command).toBe('BatchGetItemCommand');
    expect(result.again.Item?.value).toBe(0);
    expect(result.listed.Responses?.[store.table]?.[0]?.value).toBe(3);
  });

  it('never answers a strongly consistent read from an eventual one', async () => {
    const once = readOnce(store);
    const { calls } = await recordCalls(store, async () => {
      await get(once, 4);
      await get(once, 4, true);
      await batch(once, [4], true);
      await get(once, 4);
    });
    expect(calls.map((c) => c.input.ConsistentRead ?? (c.input.RequestItems ? 'batch' : false))).toEqual([false, true]);
  });

  it('forgets everything at a write, so nothing read after it is stale', async () => {
    const once = readOnce(store);
    const { calls, result } = await recordCalls(store, async () => {
      await get(once, 1);
      await once.doc.send(new QueryCommand({ TableName: store.table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'ITEM#1' } }));
      await once.doc.send(new QueryCommand({ TableName: store.table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'ITEM#1' } }));
      await once.doc.send(new PutCommand({ TableName: store.table, Item: { ...key(1), value: 'new' } }));
      return get(once, 1);
    });
    expect(result.Item?.value).toBe('new');
    expect(calls.map((c) => c.command)).toEqual(['GetItemCommand', 'QueryCommand', 'PutItemCommand', 'GetItemCommand']);
  });

  it('a prefetch on a plain store reads nothing', async () => {
    const { calls } = await recordCalls(store, () => prefetch(store, [{ key: key(1) }]));
    expect(calls).toHaveLength(0);
  });
});
