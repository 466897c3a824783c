import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineState } from '../../../../functions/http/deps.js';
import { HEALTH_CACHE_MS } from '../../../../functions/http/routes/health.js';
import { testApi, type TestApi } from '../../../support/api.js';

/**
 * /api/health (#13 item 6): a load balancer gets `{status}` and nothing else, from a short
 * cache; a signed-in administrator gets each engine's state; a failure is told by its kind,
 * never by its message (on AWS that text names ARNs and account ids).
 */
const ARN = 'arn:aws:dynamodb:eu-west-1:123456789012:table/cs-main';
let api: TestApi;
let calls = 0;
let failing = false;

/** An engine whose failure message is the kind AWS writes: it names the resource. */
async function dynamodb(): Promise<EngineState> {
  calls++;
  if (failing) throw Object.assign(new Error(`User: arn:aws:sts::123456789012:assumed-role/api is not authorized to perform: dynamodb:DescribeTable on resource: ${ARN}`), { name: 'AccessDeniedException' });
  return { state: 'up', detail: 'table reused at http://127.0.0.1:8000' };
}

beforeAll(async () => {
  api = await testApi({
    health: {
      dynamodb,
      mail: async () => ({ state: 'up', detail: 'catcher http://127.0.0.1:1080' }),
      sockets: async () => {
        if (failing) throw Object.assign(new Error(`connect ECONNREFUSED 10.0.0.7:443 (${ARN})`), { code: 'ECONNREFUSED' });
        return { state: 'up' };
      },
    },
  });
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

async function health(token?: string) {
  const res = await api.request('GET', '/api/health', token ? { token } : {});
  return { status: res.status, text: await res.text() };
}

/** Past the cache window, so the next anonymous call checks again. */
async function later() {
  api.clock.now = new Date(api.clock.now.getTime() + HEALTH_CACHE_MS + 1000);
}

describe('/api/health', () => {
  it('an anonymous caller gets only the status: no engine names, no addresses', async () => {
    failing = false;
    await later();
    const { status, text } = await health();
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ status: 'ok' });
    expect(text).not.toMatch(/dynamodb|mail|127\.0\.0\.1|http/);
  });

  it('a signed-in administrator sees every engine with its detail', async () => {
    failing = false;
    const admin = await api.signIn(['admin']);
    const { status, text } = await health(admin);
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({
      status: 'ok',
      engines: { dynamodb: { state: 'up', detail: 'table reused at http://127.0.0.1:8000' }, mail: { state: 'up', detail: 'catcher http://127.0.0.1:1080' }, sockets: { state: 'up' } },
    });
  });

  it('a signed-in employee who is not an administrator, and an API key, get only the status', async () => {
    failing = false;
    const admin = await api.signIn(['admin']);
    const key = ((await (await api.request('POST', '/api/v1/api-keys', { token: admin, body: { name: 'monitor', scopes: ['employees:read', 'dashboard:read'] } })).json()) as { key: string }).key;
    for (const token of [await api.signIn(['hr']), await api.signIn(['cs_manager']), key]) {
      const { status, text } = await health(token);
      expect(status).toBe(200);
      expect(JSON.parse(text)).toEqual({ status: 'ok' });
    }
  });

  it('a failing engine makes it 503 degraded, and its raw message appears to no one — an administrator sees only its kind', async () => {
    failing = true;
    await later();
    const anonymous = await health();
    expect(anonymous.status).toBe(503);
    expect(JSON.parse(anonymous.text)).toEqual({ status: 'degraded' });
    const admin = await health(await api.signIn(['admin']));
    expect(admin.status).toBe(503);
    const body = JSON.parse(admin.text) as { engines: Record<string, EngineState> };
    expect(body.engines.dynamodb).toEqual({ state: 'down', detail: 'AccessDeniedException' });
    expect(body.engines.sockets).toEqual({ state: 'down', detail: 'ECONNREFUSED' });
    for (const text of [anonymous.text, admin.text]) expect(text).not.toMatch(/arn:|123456789012|10\.0\.0\.7|not authorized/);
    failing = false;
  });

  it('anonymous calls within the cache window cost no engine calls; after it, one check', async () => {
    failing = false;
    await later();
    const before = calls;
    for (let i = 0; i < 5; i++) expect((await health()).status).toBe(200);
    expect(calls - before).toBe(1);
    api.clock.now = new Date(api.clock.now.getTime() + HEALTH_CACHE_MS - 1000);
    await health();
    expect(calls - before).toBe(1);
    await later();
    await health();
    expect(calls - before).toBe(2);
  });
});
