import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

let lastTime = -1;
let lastRandom = 0n;
const RANDOM_SPACE = 32n ** 6n;

/**
 * A 16-character, lower-case, time-ordered id (10 characters of millisecond time, 6 of
 * randomness, Crockford base32). Fixed length matters: reporting paths are compared by prefix.
 * Monotonic within a process: two ids made in the same millisecond still sort in creation
 * order (the random part is incremented), which keeps audit trails in order.
 */
export function newId(nowMs: number = Date.now()): string {
  let random: bigint;
  let time = nowMs;
  if (time <= lastTime) {
    time = lastTime;
    random = (lastRandom + 1n) % RANDOM_SPACE;
  } else {
    random = BigInt('0x' + randomBytes(4).toString('hex')) % (RANDOM_SPACE / 2n);
  }
  lastTime = time;
  lastRandom = random;
  return encode(BigInt(time), 10) + encode(random, 6);
}

function encode(value: bigint, length: number): string {
  let out = '';
  let v = value;
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(v % 32n)] + out;
    v /= 32n;
  }
  return out;
}

export const ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{16}$/;
