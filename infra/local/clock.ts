/**
 * The local runtime's clock. Every part of the runtime that reads the time or waits for it —
 * the Step Functions endpoint's waits and task time limits, the scheduled jobs, the mail
 * outbox — goes through one `Clock`, so a test or a demo decides what time it is.
 *
 * - `systemClock()`: the real time (the default of `npm start`).
 * - `ControllableClock`, flowing: real time plus an offset an administrator moves forward
 *   (`LOCAL_CLOCK=controllable`, `POST /api/v1/local/clock {advance}`), as Temporal's
 *   time-skipping test server does. `advance` fires every timer that falls due on the way, in
 *   order, each at its own time, and lets the runtime settle after each (a fired wait opens the
 *   next step, whose time limit is a new timer that may fall due within the same advance).
 * - `ControllableClock`, frozen: time moves only when a test sets it (the test harness).
 *
 * Node fires a setTimeout above 2^31-1 ms (≈ 24.8 days) at once, so far deadlines are reached
 * in steps, re-reading the clock after each.
 */
export const MAX_TIMER_MS = 2_147_483_647;

export interface Clock {
  now(): Date;
  /** Calls `fn` once `now()` reaches `atMs` (soon, if it has already); returns a cancel function. */
  at(atMs: number, fn: () => unknown): () => void;
}

/** Real time, or any `now` that moves by itself: timers re-read it when their real delay ends. */
export function pollingClock(now: () => Date = () => new Date()): Clock {
  return {
    now,
    at(atMs, fn) {
      let handle: NodeJS.Timeout | undefined;
      let cancelled = false;
      const step = () => {
        if (cancelled) return;
        const remaining = atMs - now().getTime();
        if (remaining <= 0) return void fn();
        handle = setTimeout(step, Math.min(remaining, MAX_TIMER_MS));
      };
      handle = setTimeout(step, 0);
      return () => {
        cancelled = true;
        clearTimeout(handle);
      };
    },
  };
}

export const systemClock = (): Clock => pollingClock();

interface Pending {
  atMs: number;
  seq: number;
  fn: () => unknown;
}

/** Why the clock refuses a move: the HTTP route answers 400 with it. */
export class ClockMoveError extends Error {
  override readonly name = 'ClockMoveError';
}

export class ControllableClock implements Clock {
  /** flowing: ms added to the real time; frozen: the time itself. */
  private offsetOrTime: number;
  private readonly pending: Pending[] = [];
  private seq = 0;
  private armed: NodeJS.Timeout | undefined;
  private readonly idleChecks: (() => boolean)[] = [];
  private moving: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: { flowing: boolean; start?: Date }) {
    const start = opts.start?.getTime();
    this.offsetOrTime = opts.flowing ? (start === undefined ? 0 : start - Date.now()) : (start ?? Date.now());
  }

  get flowing(): boolean {
    return this.opts.flowing;
  }

  /** Flowing: how far it is ahead of the real time, in ms (kept with the data across restarts). */
  get lead(): number {
    return this.opts.flowing ? this.offsetOrTime : 0;
  }

  /** Flowing: resumes a lead kept from an earlier run (never backwards). */
  resumeLead(ms: number): void {
    if (this.opts.flowing && ms > this.offsetOrTime) {
      this.offsetOrTime = ms;
      this.arm();
    }
  }

  now(): Date {
    return new Date(this.opts.flowing ? Date.now() + this.offsetOrTime : this.offsetOrTime);
  }

  at(atMs: number, fn: () => unknown): () => void {
    const entry: Pending = { atMs, seq: this.seq++, fn };
    const index = this.pending.findIndex((p) => p.atMs > atMs);
    this.pending.splice(index < 0 ? this.pending.length : index, 0, entry);
    this.arm();
    return () => {
      const i = this.pending.indexOf(entry);
      if (i >= 0) this.pending.splice(i, 1);
      this.arm();
    };
  }

  /**
   * The runtime is quiet when every check says so (e.g. the Step Functions endpoint: every
   * execution waits for a person or a time). `advance` waits for it after each timer it fires.
   */
  addIdleCheck(check: () => boolean): void {
    this.idleChecks.push(check);
  }

  /** Tests: jump to any time (also backwards); timers now due fire in order. */
  set(date: Date): void {
    this.setTime(date.getTime());
    this.fireDue();
  }

  /**
   * Moves time forward by `ms`, stopping at each timer on the way: the clock reads that timer's
   * time while it fires, and the runtime settles before the next. Advances run one at a time.
   */
  advance(ms: number): Promise<Date> {
    if (!Number.isFinite(ms) || ms < 0) return Promise.reject(new ClockMoveError('the clock only moves forward'));
    const run = this.moving.then(async () => {
      const lead = this.offsetOrTime;
      const target = this.now().getTime() + ms;
      for (let guard = 0; guard < 100_000; guard++) {
        const next = this.pending[0];
        if (!next || next.atMs > target) break;
        if (next.atMs > this.now().getTime()) this.setTime(next.atMs);
        await this.fireDue();
        await this.settle();
      }
      if (target > this.now().getTime()) this.setTime(target);
      // Flowing, the lead grows by `ms` at least: the real milliseconds that passed while moving
      // are not taken from it (a restart resumes the lead, so it must say "ms ahead").
      if (this.opts.flowing && this.offsetOrTime < lead + ms) {
        this.offsetOrTime = lead + ms;
        this.arm();
      }
      await this.fireDue();
      await this.settle();
      return this.now();
    });
    this.moving = run.catch(() => undefined);
    return run;
  }

  /** Waits until the runtime is quiet: every idle check true several times in a row. */
  async settle(): Promise<void> {
    for (let quiet = 0, round = 0; quiet < 3 && round < 3000; round++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      quiet = this.pending[0] && this.pending[0].atMs <= this.now().getTime() ? 0 : this.idleChecks.every((check) => check()) ? quiet + 1 : 0;
    }
  }

  /** Stops the real timer (the runtime is stopping). */
  close(): void {
    clearTimeout(this.armed);
    this.armed = undefined;
    this.pending.length = 0;
  }

  private setTime(ms: number): void {
    this.offsetOrTime = this.opts.flowing ? ms - Date.now() : ms;
    this.arm();
  }

  /** Fires every timer due now, oldest deadline first; waits for what they return. */
  private async fireDue(): Promise<void> {
    const due: Pending[] = [];
    while (this.pending[0] && this.pending[0].atMs <= this.now().getTime()) due.push(this.pending.shift()!);
    this.arm();
    for (const entry of due) {
      try {
        await entry.fn();
      } catch {
        // A timer's own work reports its errors; one failing never stops the others.
      }
    }
  }

  /** A real timer for the earliest deadline: at once when it is due; frozen time never reaches a later one by itself. */
  private arm(): void {
    clearTimeout(this.armed);
    this.armed = undefined;
    const first = this.pending[0];
    if (!first) return;
    const wait = Math.min(Math.max(first.atMs - this.now().getTime(), 0), MAX_TIMER_MS);
    if (!this.opts.flowing && wait > 0) return;
    this.armed = setTimeout(() => void this.fireDue(), wait);
    this.armed.unref?.();
  }
}

/**
 * An ISO-8601 duration (`P10D`, `PT2H30M`, `P1DT12H`, `P2W`) in milliseconds. Years and months
 * are refused: their length depends on the date. Returns undefined when malformed.
 */
export function parseDuration(text: string): number | undefined {
  const m = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [, w, d, h, min, s] = m.map((v) => (v === undefined ? 0 : Number(v)));
  const ms = (((w! * 7 + d!) * 24 + h!) * 60 + min!) * 60_000 + s! * 1000;
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}
