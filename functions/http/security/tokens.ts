import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256-bit random token, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A session token names its user (`s1.<userId>.<secret>`), so the session and the user are read
 * together in one call; the secret alone proves it (the stored session is found by the hash
 * of the whole token and must belong to that user). Tokens issued before carry no user.
 */
export function newSessionToken(userId: string): string {
  return `s1.${userId}.${newToken()}`;
}

export function sessionTokenUser(token: string): string | null {
  return /^s1\.([0-9a-z]{16})\.[A-Za-z0-9_-]{43}$/.exec(token)?.[1] ?? null;
}

/** Tokens and API key secrets are high-entropy, so a plain SHA-256 is the right stored form. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** API keys look like `csk_<keyId>_<secret>`; the id finds the record, the secret proves it. */
export const API_KEY_PREFIX = 'csk_';

export function parseApiKey(value: string): { id: string; secret: string } | null {
  if (!value.startsWith(API_KEY_PREFIX)) return null;
  const rest = value.slice(API_KEY_PREFIX.length);
  const sep = rest.indexOf('_');
  if (sep <= 0) return null;
  return { id: rest.slice(0, sep), secret: rest.slice(sep + 1) };
}
