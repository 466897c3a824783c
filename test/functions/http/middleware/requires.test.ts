import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../../functions/domain/auth/roles.js';
import { DomainError } from '../../../../functions/domain/errors.js';
import { principalOf, type AppEnv } from '../../../../functions/http/env.js';
import { peopleOnly, requires, signedIn } from '../../../../functions/http/middleware/requires.js';
import { statusOf } from '../../../../functions/http/problem.js';

/**
 * Why an API key cannot reach a route that forgot to say what a key needs (#13 item 7): the
 * handler's `principalOf()` refuses a key unless the route's middleware admitted it by a
 * declared scope. Driven with a stand-in principal; the full route table is
 * test/functions/http/security/authorization-matrix.test.ts.
 */
const person: Principal = { kind: 'user', id: 'u1', name: 'Person', roles: ['agent'], employeeId: null, language: 'en' };
const key = (scopes: Principal['scopes']): Principal => ({ kind: 'apiKey', id: 'k1', name: 'API key', roles: [], scopes, employeeId: null, language: 'en' });

function app(principal: Principal) {
  const a = new Hono<AppEnv>();
  a.use('*', async (c, next) => {
    c.set('principal', principal);
    c.set('apiKeyAdmitted', false);
    await next();
  });
  const handler = (c: Parameters<typeof principalOf>[0]) => c.json({ id: principalOf(c).id });
  a.get('/undeclared', handler);
  a.get('/signed-in', signedIn(), handler);
  a.get('/signed-in-org', signedIn({ apiKeys: 'org:read' }), handler);
  a.get('/signed-in-any', signedIn({ apiKeys: 'any' }), handler);
  a.get('/requires-org', requires('org:read'), handler);
  a.get('/people', peopleOnly(), handler);
  a.onError((err, c) => c.json({ code: (err as DomainError).code }, err instanceof DomainError ? statusOf(err.code) : 500));
  return a;
}

const status = async (p: Principal, path: string) => (await app(p).request(path)).status;

describe('what a route declares decides whether an API key gets in', () => {
  it('a route that declares nothing, or only signedIn(), lets people in and refuses every key (403)', async () => {
    for (const path of ['/undeclared', '/signed-in', '/people']) {
      expect(await status(person, path)).toBe(200);
      expect(await status(key(['org:read', 'employees:read', 'dashboard:read']), path)).toBe(403);
    }
  });

  it('a declared scope lets in exactly the keys that hold it', async () => {
    for (const path of ['/requires-org', '/signed-in-org']) {
      expect(await status(key(['org:read']), path)).toBe(200);
      expect(await status(key(['employees:read', 'org:write']), path)).toBe(403);
    }
    expect(await status(person, '/signed-in-org')).toBe(200);
  });

  it('signedIn({ apiKeys: "any" }) is the explicit way to open a route to every key', async () => {
    expect(await status(key([]), '/signed-in-any')).toBe(200);
  });
});
