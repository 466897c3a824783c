/**
 * Read once per engine call: one decision, one task of the workflow, one verb reads the request,
 * its policy, the people on the reporting line and the step several times over, from several
 * functions that each load what they need. A store wrapped here answers a repeated read (the
 * same GetItem, Query or BatchGet) from its first answer, and forgets everything as soon as the
 * call writes anything — so nothing read after a write is stale, and a retried transaction
 * reads afresh. It lives as long as the one call (never across requests or invocations).
 */
import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client.js';

type Send = Store['doc']['send'];

export function readOnce(store: Store): Store {
  const memo = new Map<string, Promise<unknown>>();
  const send = ((command: { input: unknown }, ...rest: unknown[]) => {
    const forward = () => (store.doc.send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
    const read = command instanceof GetCommand ? 'get' : command instanceof QueryCommand ? 'query' : command instanceof BatchGetCommand ? 'batch' : null;
    if (!read) {
      memo.clear();
      return forward();
    }
    const key = `${read}:${JSON.stringify(command.input)}`;
    let first = memo.get(key);
    if (!first) {
      first = forward();
      memo.set(key, first);
      first.catch(() => memo.delete(key));
    }
    // Each caller gets its own copy: one mutating what it read cannot change another's.
    return first.then((out) => structuredClone(out));
  }) as Send;
  const doc = new Proxy(store.doc, { get: (target, prop, receiver) => (prop === 'send' ? send : Reflect.get(target, prop, receiver)) });
  return { ...store, doc };
}
