/**
 * Reads one request needs once however many rows it handles: a batch of 200 pasted rows checks
 * each row like a single PATCH, but the policies it applies and the caller's own employee record
 * are the same for every row. Kept per request (the Hono context), never across requests: a
 * policy HR saves applies from the next request on.
 */
import type { Context } from 'hono';
import type { PolicyName, StoredPolicy } from '../domain/policy/defaults.js';
import { getEmployee, type StoredEmployee } from '../storage/employees.js';
import { getPolicy } from '../storage/policies.js';
import type { AppEnv } from './env.js';

const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

function once<T>(c: Context<AppEnv>, key: string, load: () => Promise<T>): Promise<T> {
  let memo = memos.get(c);
  if (!memo) memos.set(c, (memo = new Map()));
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    memo.set(key, value);
    // A failed read is not kept: the next row reads again (and answers its own error).
    value.catch(() => memo.delete(key));
  }
  return value;
}

/** The current version of a policy, read once per request. */
export function requestPolicy<N extends PolicyName>(c: Context<AppEnv>, name: N): Promise<StoredPolicy<N>> {
  return once(c, `policy:${name}`, () => getPolicy(c.get('deps').store, name));
}

/** The caller's own employee record (their scope), read once per request. */
export function requestSelf(c: Context<AppEnv>, employeeId: string): Promise<StoredEmployee | null> {
  return once(c, `self:${employeeId}`, () => getEmployee(c.get('deps').store, employeeId));
}
