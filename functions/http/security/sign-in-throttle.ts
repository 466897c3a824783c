import { DomainError } from '../../domain/errors.js';
import type { Store } from '../../storage/client.js';
import { giveBack, remember, remembered, take } from '../../storage/rate-limit.js';
import { hashToken } from './tokens.js';

/**
 * How many password guesses a sign-in allows (#13 item 2). Guesses are counted in three buckets,
 * so that an attacker who is locked out has not locked out the owner:
 * - per account *and* address: the tight limit. Someone guessing from their machine stops
 *   there, and only there: the owner at their own desk is another bucket;
 * - per address, over all accounts: password spraying from one place;
 * - per account from addresses it has never signed in from: the slower, global limit, against
 *   guesses spread over many addresses. An address the account signed in from lately is
 *   exempt, so a distributed attack does not lock the owner out of their usual machine.
 * Each is taken by a conditional write *before* the password is checked, so a burst of
 * concurrent guesses cannot slip past the count; a successful sign-in gives its attempt back
 * (only failures count: a whole office behind one address signing in at 9:00 is fine).
 * Security limits, not department policy: POLICIES.md has no say in them.
 */
export const SIGN_IN_LIMITS = {
  perAccountAndAddress: { limit: 10, windowSeconds: 15 * 60 },
  perAddress: { limit: 100, windowSeconds: 15 * 60 },
  perAccountFromNewAddresses: { limit: 30, windowSeconds: 60 * 60 },
  /** How long an address the account signed in from stays its own. */
  knownAddressDays: 90,
} as const;

interface Taken {
  bucket: string;
  windowSeconds: number;
}

export interface SignInAttempt {
  /** The password was right: the attempt does not count, and the address becomes known. */
  succeeded(): Promise<void>;
}

/**
 * Takes one attempt for `email` from `address`, or throws AUTH.RATE_LIMITED (429 with
 * Retry-After) when a bucket is full. A fixed number of calls: one read and up to three writes.
 */
export async function beginSignIn(store: Store, email: string, address: string, nowSeconds: number): Promise<SignInAttempt> {
  const account = hashToken(email);
  const pair = hashToken(`${email}\n${address}`);
  const known = `login-known:${pair}`;
  const L = SIGN_IN_LIMITS;
  const buckets: Array<Taken & { limit: number }> = [
    { bucket: `login-pair:${pair}`, ...L.perAccountAndAddress },
    { bucket: `login-ip:${hashToken(address)}`, ...L.perAddress },
  ];
  if (!(await remembered(store, known, nowSeconds))) buckets.push({ bucket: `login:${account}`, ...L.perAccountFromNewAddresses });

  // One bucket after another: a guess refused by its own bucket takes nothing from the others.
  const taken: Taken[] = [];
  for (const b of buckets) {
    if (!(await take(store, b.bucket, b.limit, b.windowSeconds, nowSeconds))) {
      const retryAfter = b.windowSeconds - (nowSeconds % b.windowSeconds);
      throw new DomainError('AUTH.RATE_LIMITED', undefined, { retryAfter });
    }
    taken.push(b);
  }
  return {
    async succeeded() {
      await Promise.all([
        ...taken.map((t) => giveBack(store, t.bucket, t.windowSeconds, nowSeconds)),
        remember(store, known, nowSeconds + L.knownAddressDays * 86_400),
      ]);
    },
  };
}
