import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY_SCOPES } from '../../../../functions/domain/auth/roles.js';
import { MAX_WEBHOOKS } from '../../../../functions/domain/webhooks/events.js';
import { listAudit } from '../../../../functions/storage/audit.js';
import { testApi, type TestApi } from '../../../support/api.js';

/**
 * Registering webhooks (#13) as an administrator sees it: the secret once, the list without it,
 * the cap, and the checks on the body. This app runs without WEBHOOK_ALLOW_PRIVATE_NETWORKS,
 * as a cloud installation does; receivers are named by IP literal so no DNS is needed.
 */
let api: TestApi;
let admin = '';

beforeAll(async () => {
  api = await testApi();
  admin = await api.signIn(['admin']);
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

const register = (body: unknown, token = admin) => api.request('POST', '/api/v1/webhooks', { token, body });

describe('webhook registration (#13)', () => {
  it('answers the signing secret once: never in the list, the deliveries or the audit trail', async () => {
    const res = await register({ url: 'https://93.184.215.14/hooks', events: ['step.opened', 'step.decided', 'step.opened'] });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = (await res.json()) as { id: string; secret: string; events: string[]; url: string };
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{44}$/);
    expect(created.events).toEqual(['step.opened', 'step.decided']);
    expect(created.url).toBe('https://93.184.215.14/hooks');

    const list = await (await api.request('GET', '/api/v1/webhooks', { token: admin })).text();
    expect(list).toContain(created.id);
    expect(list).not.toContain(created.secret.slice(6, 20));
    expect(list).not.toContain('secret');
    const deliveries = await api.request('GET', `/api/v1/webhooks/${created.id}/deliveries`, { token: admin });
    expect(deliveries.status).toBe(200);
    expect(await deliveries.json()).toEqual({ items: [], nextCursor: null });
    const audit = await listAudit(api.store, { entityType: 'webhook', entityId: created.id, limit: 10 });
    expect(audit.items.map((a) => a.action)).toEqual(['create']);
    expect(JSON.stringify(audit)).not.toContain(created.secret.slice(6, 20));

    expect((await api.request('DELETE', `/api/v1/webhooks/${created.id}`, { token: admin })).status).toBe(204);
    expect((await api.request('DELETE', `/api/v1/webhooks/${created.id}`, { token: admin })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/webhooks/${created.id}/deliveries`, { token: admin })).status).toBe(404);
  });

  it('checks the body: known events only, at least one; a URL that is no http(s) URL names `url`', async () => {
    const unknown = await register({ url: 'https://93.184.215.14/', events: ['employee.created'] });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('events[0]');
    expect((await register({ url: 'https://93.184.215.14/', events: [] })).status).toBe(400);
    for (const [url, code] of [
      ['not a url', 'WEBHOOK.URL_MALFORMED'],
      ['ftp://93.184.215.14/', 'WEBHOOK.URL_SCHEME'],
      ['https://me:pw@93.184.215.14/', 'WEBHOOK.URL_CREDENTIALS'],
      ['http://127.0.0.1:9/', 'WEBHOOK.URL_PRIVATE_ADDRESS'],
      ['http://[::ffff:169.254.169.254]/', 'WEBHOOK.URL_PRIVATE_ADDRESS'],
    ] as const) {
      const res = await register({ url, events: ['request.finished'] });
      expect(res.status, url).toBe(400);
      expect(await res.json()).toMatchObject({ code, errors: [{ path: 'url', code }] });
    }
    const en = await api.request('POST', '/api/v1/webhooks', { token: admin, body: { url: 'http://10.0.0.8/', events: ['request.finished'] }, headers: { 'accept-language': 'en' } });
    expect(((await en.json()) as { detail: string }).detail).toMatch(/private network/);
  });

  it(`takes at most ${MAX_WEBHOOKS} webhooks (409), counted in the same write that registers one`, async () => {
    const ids: string[] = [];
    const results = await Promise.all(Array.from({ length: MAX_WEBHOOKS + 3 }, (_, i) => register({ url: `https://93.184.215.14/h${i}`, events: ['request.started'] })));
    for (const res of results) if (res.status === 201) ids.push(((await res.json()) as { id: string }).id);
    expect(ids).toHaveLength(MAX_WEBHOOKS);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.map((r) => r.status)).toEqual([409, 409, 409]);
    expect(await refused[0]!.json()).toMatchObject({ code: 'WEBHOOK.LIMIT' });
    await api.request('DELETE', `/api/v1/webhooks/${ids[0]}`, { token: admin });
    expect((await register({ url: 'https://93.184.215.14/again', events: ['request.started'] })).status).toBe(201);
  }, 60_000);

  it('is the administrator’s: HR and an API key with every scope are refused (403)', async () => {
    const hr = await api.signIn(['hr']);
    expect((await register({ url: 'https://93.184.215.14/', events: ['request.started'] }, hr)).status).toBe(403);
    expect((await api.request('GET', '/api/v1/webhooks', { token: hr })).status).toBe(403);
    const key = ((await (await api.request('POST', '/api/v1/api-keys', { token: admin, body: { name: 'all scopes', scopes: [...API_KEY_SCOPES] } })).json()) as { key: string }).key;
    expect((await register({ url: 'https://93.184.215.14/', events: ['request.started'] }, key)).status).toBe(403);
    const asScope = await api.request('POST', '/api/v1/api-keys', { token: admin, body: { name: 'webhooks', scopes: ['webhooks:manage'] } });
    expect(asScope.status).toBe(400);
  });
});
