/**
 * Timers for deadlines that may be months away. Node fires a setTimeout above 2^31-1 ms
 * (≈ 24.8 days) at once, so a far deadline is reached in steps, re-reading the clock after
 * each: with an injected clock, time passes when it says so.
 */
export const MAX_TIMER_MS = 2_147_483_647;

export class Timers {
  private readonly handles = new Set<NodeJS.Timeout>();

  /** Calls `fn` after `ms` of real time; returns a cancel function. */
  after(ms: number, fn: () => void): () => void {
    const handle = setTimeout(() => {
      this.handles.delete(handle);
      fn();
    }, Math.min(Math.max(ms, 0), MAX_TIMER_MS));
    this.handles.add(handle);
    return () => {
      clearTimeout(handle);
      this.handles.delete(handle);
    };
  }

  /** Calls `fn` once `now()` reaches `atMs`; returns a cancel function. */
  at(atMs: number, now: () => Date, fn: () => void): () => void {
    let cancel = () => {};
    let cancelled = false;
    const step = () => {
      if (cancelled) return;
      const remaining = atMs - now().getTime();
      if (remaining <= 0) return fn();
      cancel = this.after(remaining, step);
    };
    cancel = this.after(0, step);
    return () => {
      cancelled = true;
      cancel();
    };
  }

  clear(): void {
    for (const handle of this.handles) clearTimeout(handle);
    this.handles.clear();
  }
}

/** Resolves after the current macrotask: lets queued library events be consumed first. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
