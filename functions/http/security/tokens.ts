import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256-bit random token, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
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
