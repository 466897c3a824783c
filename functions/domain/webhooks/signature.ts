/**
 * Signing deliveries the Standard Webhooks way (https://www.standardwebhooks.com/), so a
 * receiver can use any of its libraries or the few lines in docs/webhooks.md:
 *
 * - secret: `whsec_` + base64 of 32 random bytes; the HMAC key is the decoded bytes;
 * - `webhook-signature: v1,<base64 HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<body>")>`;
 * - `webhook-timestamp`: epoch seconds, so a receiver can refuse stale replays of a capture.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';

export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

function keyOf(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error('a webhook secret starts with whsec_');
  return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
}

/** The `webhook-signature` header's value for one delivery attempt. */
export function signDelivery(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/**
 * What a receiver does (and what the tests do): true when one of the space-separated
 * signatures is ours. The freshness of the timestamp is the receiver's to judge.
 */
export function verifyDelivery(secret: string, headers: { id: string; timestamp: string; signature: string }, body: string): boolean {
  const expected = Buffer.from(signDelivery(secret, headers.id, Number(headers.timestamp), body).slice(3), 'base64');
  return headers.signature.split(' ').some((part) => {
    const [version, mac] = part.split(',');
    if (version !== 'v1' || !mac) return false;
    const given = Buffer.from(mac, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
