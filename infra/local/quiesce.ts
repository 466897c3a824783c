/**
 * Holding the local runtime still while `npm run backup` copies it (#13).
 *
 * DynamoDB Local has no snapshot of its own, and a Scan of a table that is being written reads
 * each item at its own moment: the copy could hold a decision without the step it opened, or a
 * dashboard counter that disagrees with the records it counts — a state that never existed.
 * (A kill -9 never leaves one of those: the Step Functions journal survives a kill because its
 * writes are ordered, and a torn read does not keep that order.) So the writers stop first, in
 * two stages:
 *
 * 1. `front`: new HTTP requests wait at the door; the ones in progress finish. Timers and jobs
 *    still run meanwhile, since a request in progress may be moving the controllable clock.
 * 2. `back`: timers (Wait states, step time limits, daily jobs) and rate jobs (the mail outbox,
 *    the sweeps) that come due wait too; those running finish; and every idle check — the Step
 *    Functions endpoint: no call in flight, every execution waiting for a time or a decision —
 *    holds several times in a row.
 *
 * Then nothing in the runtime writes until `resume`; what waited then runs, in order, late by
 * the length of the pause. (Uploads go from the browser straight to s3rver and are not held:
 * docs/backups.md says why that is safe.)
 */
import type { Clock } from './clock.js';

export class QuiesceTimeout extends Error {
  override readonly name = 'QuiesceTimeout';
}

export class Quiesce {
  private readonly front = new Gate();
  private readonly back = new Gate();
  private readonly idleChecks: (() => boolean)[] = [];

  /** An HTTP request: waits while the runtime is held, and is waited for before it is. */
  request<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.front.run(fn);
  }

  /** Work that starts by itself (a rate job): waits while the runtime is held. */
  background<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.back.run(fn);
  }

  /** `clock` whose timers, when they come due while the runtime is held, fire once it resumes. */
  holdTimers(clock: Clock): Clock {
    return {
      now: () => clock.now(),
      at: (atMs, fn) => clock.at(atMs, () => this.back.run(fn)),
    };
  }

  /** Something else that must be at rest (the Step Functions endpoint's isIdle). */
  addIdleCheck(check: () => boolean): void {
    this.idleChecks.push(check);
  }

  get held(): boolean {
    return this.front.closed;
  }

  /**
   * Resolves once nothing writes; rejects (and lets go) if that takes longer than `timeoutMs`
   * per stage — an execution retrying a failing task, say.
   */
  async hold(timeoutMs = 30_000): Promise<void> {
    if (this.front.closed) throw new Error('the runtime is already held');
    this.front.close();
    try {
      await within(this.front.drained(), timeoutMs, 'requests in progress did not finish');
      this.back.close();
      await this.settled(timeoutMs);
    } catch (error) {
      this.resume();
      throw error;
    }
  }

  resume(): void {
    this.back.open();
    this.front.open();
  }

  /** The back gate drained and every idle check true, three times in a row 10 ms apart. */
  private async settled(timeoutMs: number): Promise<void> {
    for (let quiet = 0, round = 0; quiet < 3; round++) {
      if (round * 10 > timeoutMs) throw new QuiesceTimeout(`the workflows and jobs did not come to rest within ${Math.round(timeoutMs / 1000)} s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      quiet = this.back.running === 0 && this.idleChecks.every((check) => check()) ? quiet + 1 : 0;
    }
  }
}

/** A door: `run` waits while it is closed; `drained` resolves when nothing that went through is still running. */
class Gate {
  running = 0;
  private opened: Promise<void> | null = null;
  private open_: () => void = () => undefined;
  private readonly drainWaiters: (() => void)[] = [];

  get closed(): boolean {
    return this.opened !== null;
  }

  async run<T>(fn: () => T | Promise<T>): Promise<T> {
    while (this.opened) await this.opened;
    this.running += 1;
    try {
      return await fn();
    } finally {
      this.running -= 1;
      if (this.running === 0) for (const wake of this.drainWaiters.splice(0)) wake();
    }
  }

  close(): void {
    if (!this.opened) this.opened = new Promise((resolve) => (this.open_ = resolve));
  }

  open(): void {
    this.opened = null;
    this.open_();
  }

  drained(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.drainWaiters.push(resolve));
  }
}

async function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QuiesceTimeout(`${what} within ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
