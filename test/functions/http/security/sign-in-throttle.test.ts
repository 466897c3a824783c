/**
 * Sign-in throttling (#13 item 2): the count is taken atomically before the password check, so
 * a concurrent burst cannot slip past it; the address is the socket's (X-Forwarded-For only as
 * written by a proxy TRUSTED_PROXIES names); and an attacker who is locked out has not locked
 * out the owner. Over real HTTP on the local server, as `npm start` wires it.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { behindProxies } from '../../../../functions/http/client-address.js';
import { SIGN_IN_LIMITS } from '../../../../functions/http/security/sign-in-throttle.js';
import { socketClientAddress } from '../../../../infra/local/runtime.js';
import { TEST_PASSWORD, testApi, type TestApi } from '../../../support/api.js';

interface Served {
  api: TestApi;
  server: ServerType;
  url: string;
}

async function served(trustedProxies: string[]): Promise<Served> {
  const api = await testApi({ clientAddress: socketClientAddress(trustedProxies) });
  const server = await new Promise<ServerType>((ok) => {
    const s = serve({ fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' }, () => ok(s));
  });
  return { api, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let direct: Served;
let proxied: Served;

beforeAll(async () => {
  [direct, proxied] = await Promise.all([served([]), served(['127.0.0.1'])]);
}, 120_000);

afterAll(async () => {
  for (const s of [direct, proxied]) {
    s?.server.close();
    await s?.api.stop();
  }
});

async function login(s: Served, email: string, password: string, forwardedFor?: string): Promise<number> {
  const res = await fetch(`${s.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ email, password }),
  });
  await res.arrayBuffer();
  return res.status;
}

const { perAccountAndAddress, perAccountFromNewAddresses } = SIGN_IN_LIMITS;

describe('sign-in throttling (#13 item 2)', () => {
  it(`a burst of 100 concurrent wrong passwords on one account: exactly ${perAccountAndAddress.limit} reach the password check, the rest get 429`, async () => {
    await direct.api.signIn(['agent'], null, 'burst@example.com');
    const statuses = await Promise.all(Array.from({ length: 100 }, () => login(direct, 'burst@example.com', 'wrong-password-1')));
    expect(statuses.filter((s) => s === 401)).toHaveLength(perAccountAndAddress.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - perAccountAndAddress.limit);
  }, 120_000);

  it('a new X-Forwarded-For per try is not a new address when no proxy is trusted: the guesser is still stopped', async () => {
    await direct.api.signIn(['agent'], null, 'spoof@example.com');
    const statuses: number[] = [];
    for (let i = 0; i < perAccountAndAddress.limit + 5; i++) statuses.push(await login(direct, 'spoof@example.com', 'wrong-password-1', `198.51.100.${i}`));
    expect(statuses.slice(0, perAccountAndAddress.limit).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(perAccountAndAddress.limit).every((s) => s === 429)).toBe(true);
  }, 120_000);

  it('behind a trusted proxy, the address is what the proxy appended, not the leftmost value the client wrote', async () => {
    await proxied.api.signIn(['agent'], null, 'spoof2@example.com');
    const statuses: number[] = [];
    for (let i = 0; i < perAccountAndAddress.limit + 3; i++) {
      statuses.push(await login(proxied, 'spoof2@example.com', 'wrong-password-1', `10.9.${i}.1, 203.0.113.7`));
    }
    expect(statuses.slice(perAccountAndAddress.limit).every((s) => s === 429)).toBe(true);
    // The owner, behind the same proxy from another address, is not locked out.
    expect(await login(proxied, 'spoof2@example.com', TEST_PASSWORD, '203.0.113.99')).toBe(200);
  }, 120_000);

  it('the owner is not locked out by a guesser elsewhere, nor by guesses spread over many addresses once they have signed in from their own', async () => {
    await proxied.api.signIn(['agent'], null, 'owner@example.com');
    // The owner's usual address (signed in from it before the attack).
    expect(await login(proxied, 'owner@example.com', TEST_PASSWORD, '203.0.113.10')).toBe(200);
    // One guesser stops at their own bucket…
    for (let i = 0; i < perAccountAndAddress.limit; i++) expect(await login(proxied, 'owner@example.com', 'guess-123456', '198.51.100.200')).toBe(401);
    expect(await login(proxied, 'owner@example.com', 'guess-123456', '198.51.100.200')).toBe(429);
    // …and guesses spread over many addresses stop at the slower account-wide limit…
    const spread: number[] = [];
    for (let i = 0; i < perAccountFromNewAddresses.limit + 2; i++) spread.push(await login(proxied, 'owner@example.com', 'guess-123456', `192.0.2.${i + 1}`));
    expect(spread.filter((s) => s === 401).length).toBe(perAccountFromNewAddresses.limit - perAccountAndAddress.limit);
    expect(spread.at(-1)).toBe(429);
    // …while the owner signs in from their usual address.
    expect(await login(proxied, 'owner@example.com', TEST_PASSWORD, '203.0.113.10')).toBe(200);
  }, 120_000);

  it('after the window the account signs in again (the clock, not sleep)', async () => {
    await direct.api.signIn(['agent'], null, 'later@example.com');
    for (let i = 0; i < perAccountAndAddress.limit; i++) await login(direct, 'later@example.com', 'wrong-password-1');
    expect(await login(direct, 'later@example.com', TEST_PASSWORD)).toBe(429);
    direct.api.clock.now = new Date(direct.api.clock.now.getTime() + perAccountAndAddress.windowSeconds * 1000 + 1000);
    expect(await login(direct, 'later@example.com', TEST_PASSWORD)).toBe(200);
  }, 120_000);

  it('successful sign-ins do not count: a whole office behind one address signs in', async () => {
    await direct.api.signIn(['agent'], null, 'office@example.com');
    for (let i = 0; i < perAccountAndAddress.limit + 5; i++) expect(await login(direct, 'office@example.com', TEST_PASSWORD)).toBe(200);
  }, 120_000);

  it('X-Forwarded-For is read from the right, past trusted proxies only', () => {
    expect(behindProxies('203.0.113.9', '1.1.1.1', [])).toBe('203.0.113.9');
    expect(behindProxies('::ffff:127.0.0.1', 'spoofed, 198.51.100.4', ['127.0.0.1'])).toBe('198.51.100.4');
    expect(behindProxies('10.0.0.2', 'spoofed, 198.51.100.4, 10.0.0.1', ['10.0.0.1', '10.0.0.2'])).toBe('198.51.100.4');
    expect(behindProxies('10.0.0.2', undefined, ['10.0.0.2'])).toBe('10.0.0.2');
  });
});
