/**
 * When a delivery is tried again. Exponential backoff from half a minute, ×3 each time, at
 * most six hours apart, ten attempts in all: the last one about 21 hours after the first, so
 * a receiver that is down for most of a day still gets every event (docs/webhooks.md).
 */
export const MAX_DELIVERY_ATTEMPTS = 10;
const FIRST_RETRY_MS = 30_000;
const FACTOR = 3;
const MAX_DELAY_MS = 6 * 3600_000;

/** The wait after the `attempts`-th failed attempt (1-based), or null when there is none left. */
export function retryDelayMs(attempts: number): number | null {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  return Math.min(MAX_DELAY_MS, FIRST_RETRY_MS * FACTOR ** (attempts - 1));
}

/** The time of the next attempt after `attempts` failures, from the injected clock's `now`. */
export function nextAttemptAt(attempts: number, now: Date): string | null {
  const delay = retryDelayMs(attempts);
  return delay === null ? null : new Date(now.getTime() + delay).toISOString();
}
