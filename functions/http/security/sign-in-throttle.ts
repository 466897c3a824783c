/**
 * Failed password checks allowed per email and per client address in one window; then 429
 * until it ends. Signing in and changing one's own password count against the same buckets,
 * so the change-password form is no way around the sign-in limit (nor an oracle for it).
 */
import type { Context } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { hit, peek } from '../../storage/rate-limit.js';
import type { AppEnv } from '../env.js';
import { hashToken } from './tokens.js';

const WINDOW_SECONDS = 15 * 60;
const LIMIT_PER_EMAIL = 10;
const LIMIT_PER_ADDRESS = 100;

/** The caller's address as the edge saw it (API Gateway and CloudFront set X-Forwarded-For). */
export function clientAddress(c: Context<AppEnv>): string {
  return c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? 'local';
}

function buckets(c: Context<AppEnv>, email: string): string[] {
  return [`login:${hashToken(email.toLowerCase())}`, `login-ip:${hashToken(clientAddress(c))}`];
}

const seconds = (c: Context<AppEnv>) => Math.floor(c.get('deps').now().getTime() / 1000);

/** 429 (with Retry-After) while this email or address has used up its failures. */
export async function assertNotThrottled(c: Context<AppEnv>, email: string): Promise<void> {
  const nowSeconds = seconds(c);
  const [perEmail = 0, perAddress = 0] = await peek(c.get('deps').store, buckets(c, email), WINDOW_SECONDS, nowSeconds);
  if (perEmail >= LIMIT_PER_EMAIL || perAddress >= LIMIT_PER_ADDRESS) {
    const retryAfter = WINDOW_SECONDS - (nowSeconds % WINDOW_SECONDS);
    c.header('Retry-After', String(retryAfter));
    throw new DomainError('AUTH.RATE_LIMITED', undefined, { retryAfter });
  }
}

/** Only failures count, so a whole office signing in at 9:00 behind one address is fine. */
export async function countFailure(c: Context<AppEnv>, email: string): Promise<void> {
  const nowSeconds = seconds(c);
  await Promise.all(buckets(c, email).map((b) => hit(c.get('deps').store, b, WINDOW_SECONDS, nowSeconds)));
}
