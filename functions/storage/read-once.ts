/**
 * Read once per engine call: one decision, one task of the workflow, one verb reads the request,
 * its policy, the people on the reporting line and the step several times over, from several
 * functions that each load what they need. A store wrapped here keeps what the call has read,
 * item by item, and forgets everything as soon as the call writes anything — so nothing read
 * after a write is stale, and a retried transaction reads afresh. It lives as long as the one
 * call (never across requests or invocations).
 *
 * - A GetItem is answered from the item already read, by a GetItem or as part of a BatchGet
 *   (a strongly consistent read is answered only from a strongly consistent one).
 * - A BatchGet asks only for the keys not read yet.
 * - `prefetch` reads, in one BatchGet, items the call is about to need one by one.
 * - A Query (and any read with a projection) is answered from the same Query.
 */
import { BatchGetCommand, GetCommand, QueryCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client.js';

type Send = Store['doc']['send'];
type Item = Record<string, unknown>;
type Key = Record<string, unknown>;

const CACHE = Symbol('readOnce');

interface Cache {
  /** `strong|table|key` or `eventual|table|key` → the item (null: not there). */
  items: Map<string, Promise<Item | null>>;
  /** Queries and projected reads, by their input. */
  other: Map<string, Promise<unknown>>;
}

const itemId = (strong: boolean, table: string, key: Key) => `${strong ? 'strong' : 'eventual'}|${table}|${JSON.stringify(Object.entries(key).sort(([a], [b]) => a.localeCompare(b)))}`;

export function readOnce(store: Store): Store {
  const cache: Cache = { items: new Map(), other: new Map() };
  const forward = (command: unknown, ...rest: unknown[]) => (store.doc.send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);

  const cached = (table: string, key: Key, strong: boolean): Promise<Item | null> | undefined =>
    cache.items.get(itemId(true, table, key)) ?? (strong ? undefined : cache.items.get(itemId(false, table, key)));

  const get = (input: { TableName: string; Key: Key; ConsistentRead?: boolean }, rest: unknown[]) => {
    const strong = input.ConsistentRead === true;
    let item = cached(input.TableName, input.Key, strong);
    if (!item) {
      const id = itemId(strong, input.TableName, input.Key);
      item = (forward(new GetCommand(input), ...rest) as Promise<{ Item?: Item }>).then((out) => out.Item ?? null);
      cache.items.set(id, item);
      item.catch(() => cache.items.delete(id));
    }
    // Each caller gets its own copy: one mutating what it read cannot change another's.
    return item.then((found) => (found ? { Item: structuredClone(found) } : {}));
  };

  const batch = async (input: BatchGetCommand['input'], rest: unknown[]): Promise<BatchGetCommandOutput> => {
    const responses: Record<string, Item[]> = {};
    const unprocessed: NonNullable<BatchGetCommandOutput['UnprocessedKeys']> = {};
    const waits: Promise<void>[] = [];
    const missing: Record<string, { Keys: Key[]; ConsistentRead?: boolean }> = {};
    const pending = new Map<string, (item: Item | null) => void>();
    const failing: ((err: unknown) => void)[] = [];
    for (const [table, ask] of Object.entries(input.RequestItems ?? {})) {
      const strong = ask.ConsistentRead === true;
      responses[table] = [];
      for (const key of (ask.Keys ?? []) as Key[]) {
        const known = cached(table, key, strong);
        if (known) {
          waits.push(known.then((found) => void (found && responses[table]!.push(structuredClone(found)))));
          continue;
        }
        (missing[table] ??= { Keys: [], ...(strong ? { ConsistentRead: true } : {}) }).Keys.push(key);
        const id = itemId(strong, table, key);
        const promise = new Promise<Item | null>((resolve, reject) => {
          pending.set(id, resolve);
          failing.push(reject);
        });
        promise.catch(() => cache.items.delete(id));
        cache.items.set(id, promise);
      }
    }
    if (Object.keys(missing).length > 0) {
      try {
        const out = (await forward(new BatchGetCommand({ RequestItems: missing }), ...rest)) as BatchGetCommandOutput;
        for (const [table, items] of Object.entries(out.Responses ?? {})) {
          const strong = missing[table]?.ConsistentRead === true;
          const names = Object.keys(missing[table]?.Keys[0] ?? {});
          for (const item of items) {
            const id = itemId(strong, table, Object.fromEntries(names.map((k) => [k, item[k]])));
            pending.get(id)?.(item);
            pending.delete(id);
            (responses[table] ??= []).push(structuredClone(item));
          }
        }
        // Keys DynamoDB did not get to are not "not there": they are forgotten and handed back.
        for (const [table, left] of Object.entries(out.UnprocessedKeys ?? {})) {
          const strong = missing[table]?.ConsistentRead === true;
          for (const key of (left.Keys ?? []) as Key[]) {
            const id = itemId(strong, table, key);
            cache.items.delete(id);
            pending.get(id)?.(null);
            pending.delete(id);
          }
          unprocessed[table] = left;
        }
        for (const resolve of pending.values()) resolve(null);
      } catch (err) {
        for (const reject of failing) reject(err);
        throw err;
      }
    }
    await Promise.all(waits);
    return { Responses: responses, UnprocessedKeys: unprocessed, $metadata: {} };
  };

  const send = ((command: { input: unknown }, ...rest: unknown[]) => {
    if (command instanceof GetCommand && !command.input.ProjectionExpression && !command.input.AttributesToGet) {
      return get(command.input as { TableName: string; Key: Key; ConsistentRead?: boolean }, rest);
    }
    if (command instanceof BatchGetCommand && Object.values(command.input.RequestItems ?? {}).every((ask) => !ask.ProjectionExpression && !ask.AttributesToGet)) {
      return batch(command.input, rest);
    }
    if (command instanceof GetCommand || command instanceof QueryCommand || command instanceof BatchGetCommand) {
      const id = `${command.constructor.name}:${JSON.stringify(command.input)}`;
      let first = cache.other.get(id);
      if (!first) {
        first = forward(command, ...rest);
        cache.other.set(id, first);
        first.catch(() => cache.other.delete(id));
      }
      return first.then((out) => structuredClone(out));
    }
    cache.items.clear();
    cache.other.clear();
    return forward(command, ...rest);
  }) as Send;
  const doc = new Proxy(store.doc, { get: (target, prop, receiver) => (prop === 'send' ? send : Reflect.get(target, prop, receiver)) });
  return Object.assign({ ...store, doc }, { [CACHE]: true });
}

/**
 * Reads `keys` in one BatchGet so that the GetItems and BatchGets that follow within the same
 * engine call are answered without another call. A store not made by `readOnce` reads nothing.
 */
export async function prefetch(store: Store, reads: { key: Key; strong?: boolean }[]): Promise<void> {
  if (!(CACHE in store) || reads.length === 0) return;
  const strong = reads.filter((r) => r.strong).map((r) => r.key);
  const eventual = reads.filter((r) => !r.strong).map((r) => r.key);
  // One table per store: a BatchGet holds both kinds of read only as two tables, so strong wins
  // (a strongly consistent item answers an eventual read too).
  const keys = dedupe([...strong, ...eventual]).slice(0, 100);
  await store.doc.send(new BatchGetCommand({ RequestItems: { [store.table]: { Keys: keys, ...(strong.length ? { ConsistentRead: true } : {}) } } }));
}

function dedupe(keys: Key[]): Key[] {
  const seen = new Set<string>();
  return keys.filter((k) => {
    const id = JSON.stringify(Object.entries(k).sort(([a], [b]) => a.localeCompare(b)));
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
