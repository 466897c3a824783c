import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A 16-character, lower-case, time-ordered id (48-bit millisecond time + 32 random bits,
 * Crockford base32). Fixed length matters: reporting paths are compared by prefix.
 */
export function newId(nowMs: number = Date.now()): string {
  let time = '';
  let t = nowMs;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(5);
  let rand = '';
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  for (let i = 0; i < 6; i++) {
    rand = ALPHABET[Number(bits % 32n)] + rand;
    bits /= 32n;
  }
  return time + rand;
}

export const ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{16}$/;
