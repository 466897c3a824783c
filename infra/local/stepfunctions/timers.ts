/**
 * The timers of one execution run, so they all stop when it ends. Deadlines (waits, task
 * time limits) are set on the runtime's clock (../clock.ts): with a controllable clock they
 * fire when time is moved there. `after` is real time, for the library's own task timer.
 */
import { MAX_TIMER_MS, type Clock } from '../clock.js';

export { MAX_TIMER_MS };

export class Timers {
  private readonly cancels = new Set<() => void>();

  constructor(private readonly clock: Clock) {}

  /** Calls `fn` after `ms` of real time; returns a cancel function. */
  after(ms: number, fn: () => void): () => void {
    const handle = setTimeout(() => {
      this.cancels.delete(cancel);
      fn();
    }, Math.min(Math.max(ms, 0), MAX_TIMER_MS));
    const cancel = () => {
      clearTimeout(handle);
      this.cancels.delete(cancel);
    };
    this.cancels.add(cancel);
    return cancel;
  }

  /** Calls `fn` once the clock reaches `atMs`; returns a cancel function. */
  at(atMs: number, fn: () => void): () => void {
    const stop = this.clock.at(atMs, () => {
      this.cancels.delete(cancel);
      fn();
    });
    const cancel = () => {
      stop();
      this.cancels.delete(cancel);
    };
    this.cancels.add(cancel);
    return cancel;
  }

  clear(): void {
    for (const cancel of [...this.cancels]) cancel();
    this.cancels.clear();
  }
}

/** Resolves after the current macrotask: lets queued library events be consumed first. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
