import { describe, expect, it } from 'vitest';
import { ControllableClock } from '../../../infra/local/clock.js';
import { Quiesce, QuiesceTimeout } from '../../../infra/local/quiesce.js';

/** A promise and the function that settles it. */
function later<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('holding the local runtime still for a backup (quiesce.ts)', () => {
  it('waits for a request in progress, holds new ones until it lets go, then runs them in order', async () => {
    const q = new Quiesce();
    const inProgress = later();
    const done: string[] = [];
    const first = q.request(async () => {
      await inProgress.promise;
      done.push('first');
    });
    let held = false;
    const holding = q.hold().then(() => (held = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(held).toBe(false);
    inProgress.resolve();
    await holding;
    expect(done).toEqual(['first']);

    const second = q.request(() => done.push('second'));
    const third = q.request(() => done.push('third'));
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toEqual(['first']);
    q.resume();
    await Promise.all([first, second, third]);
    expect(done).toEqual(['first', 'second', 'third']);
  });

  it('fires a timer that came due while held only once it lets go', async () => {
    const q = new Quiesce();
    const clock = new ControllableClock({ flowing: false, start: new Date('2026-11-02T02:00:00Z') });
    const held = q.holdTimers(clock);
    let fired = 0;
    held.at(Date.parse('2026-11-02T03:00:00Z'), () => (fired += 1));
    await q.hold();
    clock.set(new Date('2026-11-02T04:00:00Z'));
    await new Promise((r) => setTimeout(r, 30));
    expect(fired).toBe(0);
    q.resume();
    await new Promise((r) => setTimeout(r, 10));
    expect(fired).toBe(1);
  });

  it('is held only once the workflows are at rest, and gives up (letting go) when they never are', async () => {
    const q = new Quiesce();
    let busy = true;
    q.addIdleCheck(() => !busy);
    const holding = q.hold(200);
    setTimeout(() => (busy = false), 50);
    await holding;
    expect(q.held).toBe(true);
    q.resume();

    busy = true;
    await expect(q.hold(100)).rejects.toBeInstanceOf(QuiesceTimeout);
    expect(q.held).toBe(false);
    expect(await q.request(() => 'served')).toBe('served');
  });
});
