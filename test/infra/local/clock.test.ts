import { describe, expect, it } from 'vitest';
import { ClockMoveError, ControllableClock, parseDuration } from '../../../infra/local/clock.js';

const T0 = Date.parse('2026-11-02T02:00:00.000Z');

describe('the controllable clock of the local runtime', () => {
  it('fires every timer that falls due within an advance, in order, each reading its own time', async () => {
    const clock = new ControllableClock({ flowing: false, start: new Date(T0) });
    const fired: [string, string][] = [];
    clock.at(T0 + 3 * 86_400_000, () => fired.push(['third', clock.now().toISOString()]));
    clock.at(T0 + 86_400_000, () => fired.push(['first', clock.now().toISOString()]));
    clock.at(T0 + 20 * 86_400_000, () => fired.push(['later', clock.now().toISOString()]));
    await clock.advance(10 * 86_400_000);
    expect(fired).toEqual([
      ['first', '2026-11-03T02:00:00.000Z'],
      ['third', '2026-11-05T02:00:00.000Z'],
    ]);
    expect(clock.now().toISOString()).toBe('2026-11-12T02:00:00.000Z');
  });

  it('fires a timer that a fired timer sets, when it falls due within the same advance', async () => {
    const clock = new ControllableClock({ flowing: false, start: new Date(T0) });
    const fired: string[] = [];
    clock.at(T0 + 1000, () => {
      fired.push('wait ended');
      clock.at(clock.now().getTime() + 2 * 86_400_000, () => fired.push('step overdue'));
    });
    await clock.advance(86_400_000);
    expect(fired).toEqual(['wait ended']);
    await clock.advance(86_400_000 + 1000);
    expect(fired).toEqual(['wait ended', 'step overdue']);
  });

  it('waits for the runtime to be quiet after each timer before the next', async () => {
    const clock = new ControllableClock({ flowing: false, start: new Date(T0) });
    let busy = false;
    clock.addIdleCheck(() => !busy);
    const order: string[] = [];
    clock.at(T0 + 1000, () => {
      busy = true;
      setTimeout(() => {
        order.push('first done');
        busy = false;
      }, 50);
    });
    clock.at(T0 + 2000, () => order.push('second'));
    await clock.advance(5000);
    expect(order).toEqual(['first done', 'second']);
  });

  it('does not fire a cancelled timer, and never moves backwards by advance', async () => {
    const clock = new ControllableClock({ flowing: false, start: new Date(T0) });
    let fired = false;
    const cancel = clock.at(T0 + 1000, () => (fired = true));
    cancel();
    await clock.advance(2000);
    expect(fired).toBe(false);
    await expect(clock.advance(-1)).rejects.toBeInstanceOf(ClockMoveError);
    await expect(clock.advance(Number.NaN)).rejects.toBeInstanceOf(ClockMoveError);
    expect(clock.now().getTime()).toBe(T0 + 2000);
  });

  it('flowing, it keeps real time plus what was advanced, and a restart resumes that lead (never a smaller one)', async () => {
    const clock = new ControllableClock({ flowing: true });
    const before = clock.now().getTime();
    await clock.advance(10 * 86_400_000);
    const after = clock.now().getTime() - Date.now();
    expect(after).toBeGreaterThanOrEqual(10 * 86_400_000 - 1000);
    expect(clock.now().getTime() - before).toBeGreaterThanOrEqual(10 * 86_400_000);
    expect(clock.lead).toBeGreaterThanOrEqual(10 * 86_400_000);
    const restarted = new ControllableClock({ flowing: true });
    restarted.resumeLead(clock.lead);
    expect(Math.abs(restarted.now().getTime() - clock.now().getTime())).toBeLessThan(1000);
    restarted.resumeLead(-86_400_000);
    expect(restarted.lead).toBe(clock.lead);
    clock.close();
    restarted.close();
  });
});

describe('ISO-8601 durations for POST /api/v1/local/clock', () => {
  it('reads weeks, days, hours, minutes and seconds', () => {
    expect(parseDuration('P10D')).toBe(10 * 86_400_000);
    expect(parseDuration('PT2H30M')).toBe(2.5 * 3600_000);
    expect(parseDuration('P1DT12H')).toBe(36 * 3600_000);
    expect(parseDuration('P2W')).toBe(14 * 86_400_000);
    expect(parseDuration('PT0.5S')).toBe(500);
  });

  it('refuses what is malformed or has no fixed length (years, months)', () => {
    for (const bad of ['', 'P', 'PT', '10D', 'P-1D', 'P1Y', 'P1M', 'P1DT', 'PT1H2D', 'P1D ', 'pt1h']) expect(parseDuration(bad), bad).toBeUndefined();
  });
});
