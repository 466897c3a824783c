/**
 * Resources several figures share (DynamoDB Local, the seeded data sets, the local runtime),
 * started on first use and stopped by main as soon as no figure still to run needs them —
 * two Java processes and a browser at once would only add noise on a small machine.
 */

interface Entry {
  value: Promise<unknown>;
  stop: () => Promise<void>;
  /** Keys this one was built on: stopping them stops it first. */
  deps: string[];
}

const entries = new Map<string, Entry>();

/**
 * The resource named `key`, started by `start` the first time. `deps` names the shared
 * resources `start` itself uses, so that releasing one of those releases this one too.
 */
export function shared<T>(key: string, start: () => Promise<{ value: T; stop: () => Promise<void> }>, deps: string[] = []): Promise<T> {
  const existing = entries.get(key);
  if (existing) return existing.value as Promise<T>;
  let stop: () => Promise<void> = async () => {};
  const value = start().then((started) => {
    stop = started.stop;
    return started.value;
  });
  entries.set(key, { value, stop: () => value.then(() => stop(), () => undefined), deps });
  // A failed start is not cached: the next figure may try again (and will say why it failed).
  value.catch(() => entries.delete(key));
  return value;
}

/** Stops every resource not named in `keep` (nor needed by one that is), dependents first. */
export async function releaseExcept(keep: string[]): Promise<void> {
  const needed = new Set<string>();
  const need = (key: string) => {
    if (needed.has(key)) return;
    needed.add(key);
    for (const dep of entries.get(key)?.deps ?? []) need(dep);
  };
  for (const key of keep) need(key);
  const toStop = new Set([...entries.keys()].filter((key) => !needed.has(key)));
  while (toStop.size > 0) {
    // Dependents first: a key goes once nothing left to stop is built on it.
    const key = [...toStop].find((k) => ![...toStop].some((other) => entries.get(other)?.deps.includes(k))) ?? [...toStop][0]!;
    toStop.delete(key);
    const entry = entries.get(key)!;
    entries.delete(key);
    await entry.stop().catch((err: unknown) => console.error(`stopping ${key}: ${String(err)}`));
  }
}

export const releaseAll = () => releaseExcept([]);
