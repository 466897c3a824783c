import type { Context } from 'hono';
import type { AppEnv } from './env.js';

/**
 * Where a caller is, as the edge knows it (#13 item 2): the address sign-in throttling counts
 * by. Never a header the client writes: `X-Forwarded-For` is believed only as far as it was
 * written by proxies the configuration names. Unknown (tests calling the app directly) is one
 * address, `unknown`.
 */
export function clientAddress(c: Context<AppEnv>): string {
  return c.get('deps').clientAddress?.(c) || 'unknown';
}

/**
 * The client behind `peer` (the socket's other end): `peer` itself unless it is a trusted proxy,
 * in which case `X-Forwarded-For` is read from the right (each proxy appends the address it was
 * called from) past the trusted proxies, to the first address none of them is. The leftmost
 * values are whatever the client wrote, and are never taken.
 */
export function behindProxies(peer: string | undefined, forwardedFor: string | undefined, trustedProxies: readonly string[]): string | undefined {
  const trusted = new Set(trustedProxies.map(normalize));
  let client = peer && normalize(peer);
  if (!client || !trusted.has(client)) return client;
  const hops = (forwardedFor ?? '').split(',').map((h) => normalize(h.trim())).filter(Boolean);
  while (hops.length > 0) {
    client = hops.pop()!;
    if (!trusted.has(client)) return client;
  }
  return client;
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is `10.0.0.1`. */
function normalize(address: string): string {
  return address.toLowerCase().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
}
