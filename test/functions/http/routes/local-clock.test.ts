import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../../support/api.js';

/** GET/POST /api/v1/local/clock: only with LOCAL_CLOCK=controllable, only for administrators. */
let api: TestApi;
let plain: TestApi;
let admin: string;
let hr: string;

beforeAll(async () => {
  [api, plain] = await Promise.all([testApi({ clockRoute: true }), testApi()]);
  admin = await api.signIn(['admin']);
  hr = await api.signIn(['hr']);
}, 120_000);

afterAll(async () => {
  await Promise.all([api?.stop(), plain?.stop()]);
});

describe('the local clock route', () => {
  it('an administrator reads the time and moves it forward by an ISO-8601 duration', async () => {
    const before = (await (await api.request('GET', '/api/v1/local/clock', { token: admin })).json()) as { now: string };
    expect(before.now).toBe(api.clock.now.toISOString());
    const res = await api.request('POST', '/api/v1/local/clock', { token: admin, body: { advance: 'PT2H30M' } });
    expect(res.status, await res.clone().text()).toBe(200);
    const after = (await res.json()) as { now: string };
    expect(Date.parse(after.now) - Date.parse(before.now)).toBe(2.5 * 3600_000);
    expect(api.clock.now.toISOString()).toBe(after.now);
  });

  it('refuses going backwards, zero and malformed durations with a 400 naming `advance`, and changes nothing', async () => {
    const at = api.clock.now.toISOString();
    for (const advance of ['-P1D', 'P0D', 'P1M', 'ten days', '', 'P1Y']) {
      const res = await api.request('POST', '/api/v1/local/clock', { token: admin, body: { advance } });
      expect(res.status, advance).toBe(400);
      const problem = (await res.json()) as { code: string; errors?: { path: string }[] };
      expect(problem.errors?.map((e) => e.path), advance).toContain('advance');
    }
    const missing = await api.request('POST', '/api/v1/local/clock', { token: admin, body: {} });
    expect(missing.status).toBe(400);
    expect(api.clock.now.toISOString()).toBe(at);
  });

  it('is for administrators only', async () => {
    expect((await api.request('GET', '/api/v1/local/clock', { token: hr })).status).toBe(403);
    expect((await api.request('POST', '/api/v1/local/clock', { token: hr, body: { advance: 'P1D' } })).status).toBe(403);
    expect((await api.request('GET', '/api/v1/local/clock')).status).toBe(401);
  });

  it('does not exist without LOCAL_CLOCK=controllable (404), whoever asks', async () => {
    const token = await plain.signIn(['admin']);
    expect((await plain.request('GET', '/api/v1/local/clock', { token })).status).toBe(404);
    expect((await plain.request('POST', '/api/v1/local/clock', { token, body: { advance: 'P1D' } })).status).toBe(404);
  });
});
