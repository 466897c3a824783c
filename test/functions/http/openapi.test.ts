import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiApp } from '../../../infra/scripts/openapi-document.js';
import { testApi, type TestApi } from '../../support/api.js';
import { employeeBody } from '../../support/org.js';

/**
 * The OpenAPI document is the integration contract (#13 item 9): what generated clients name
 * their methods by, which operations need no sign-in, and every answer an operation can give.
 * Built with no engine (infra/scripts/openapi-document.ts); `npm run lint` lints the same
 * document with Redocly and Spectral.
 */
type Ref = { $ref: string };
interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: (Ref | { name: string; in: string })[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}
interface Doc {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, { maxItems?: number }> }>; parameters: Record<string, { name: string }> };
}

const app = openApiApp();
let doc: Doc;
let operations: { method: string; path: string; op: Operation }[] = [];

beforeAll(async () => {
  doc = (await (await app.request('/api/v1/openapi.json')).json()) as Doc;
  operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));
});

const concrete = (path: string) => path.replace('{kind}', 'probation').replace('{name}', 'probation').replace(/\{[^}]+\}/g, 'openapi-none');
const name = (o: { method: string; path: string }) => `${o.method} ${o.path}`;
const hasBody = (method: string) => method === 'POST' || method === 'PUT' || method === 'PATCH';
const admitsAnonymous = (op: Operation) => op.security !== undefined && (op.security.length === 0 || op.security.some((s) => Object.keys(s).length === 0));

describe('the OpenAPI document', () => {
  it('names every operation with a unique camelCase operationId', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.filter((o) => !/^[a-z][a-zA-Z0-9]+$/.test(o.op.operationId ?? '')).map(name)).toEqual([]);
    const ids = operations.map((o) => o.op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('says which operations need no sign-in: exactly those an anonymous caller gets past authentication on (the others document 401)', async () => {
    const wrong: string[] = [];
    for (const o of operations) {
      const res = await app.request(concrete(o.path), { method: o.method, ...(hasBody(o.method) ? { body: '{}', headers: { 'content-type': 'application/json' } } : {}) });
      const anonymous = res.status !== 401;
      if (anonymous !== admitsAnonymous(o.op)) wrong.push(`${name(o)}: anonymous ${res.status}, security ${JSON.stringify(o.op.security)}`);
      if (!anonymous && !o.op.responses['401']) wrong.push(`${name(o)}: answers 401, undocumented`);
    }
    expect(wrong).toEqual([]);
    expect(doc.paths['/api/v1/auth/login']!.post!.security).toEqual([]);
  });

  it('documents 413 and 415 on every operation that takes a body, and they are what it answers', async () => {
    const wrong: string[] = [];
    for (const o of operations.filter((x) => x.op.requestBody)) {
      if (!o.op.responses['413'] || !o.op.responses['415']) wrong.push(`${name(o)}: undocumented`);
      const huge = JSON.stringify({ x: 'x'.repeat(300 * 1024) });
      const big = await app.request(concrete(o.path), { method: o.method, body: huge, headers: { 'content-type': 'application/json', 'content-length': String(huge.length) } });
      const form = await app.request(concrete(o.path), { method: o.method, body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '3' } });
      if (big.status !== 413 || form.status !== 415) wrong.push(`${name(o)}: answered ${big.status} / ${form.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('documents 400 on every operation that validates a parameter or a body', () => {
    const inputs = operations.filter((o) => o.op.parameters?.length || o.op.requestBody);
    expect(inputs.filter((o) => !o.op.responses['400']).map(name)).toEqual([]);
  });

  it('has servers, and bounds the API key scopes array', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    const create = doc.paths['/api/v1/api-keys']!.post!.requestBody as { content: { 'application/json': { schema: { properties: { scopes: { maxItems?: number } } } } } };
    expect(create.content['application/json'].schema.properties.scopes.maxItems).toBeGreaterThan(0);
  });
});

describe('what the document promises, against the running API', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await testApi();
    admin = await api.signIn(['admin']);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('an over-long id answers the documented 400', async () => {
    const res = await api.request('GET', `/api/v1/employees/${'x'.repeat(65)}`, { token: admin });
    expect(res.status).toBe(400);
    expect(doc.paths['/api/v1/employees/{id}']!.get!.responses['400']).toBeDefined();
  });

  it('documents Idempotency-Key (one shared parameter) on exactly the operations that honour it', async () => {
    const ref = '#/components/parameters/IdempotencyKey';
    expect(doc.components.parameters.IdempotencyKey!.name).toBe('Idempotency-Key');
    const documented = operations.filter((o) => o.op.parameters?.some((p) => '$ref' in p && p.$ref === ref)).map((o) => o.op.operationId).sort();
    // An operation honours the key when a malformed one is refused (before anything is done).
    const honoured: string[] = [];
    for (const o of operations.filter((x) => x.method !== 'GET' && x.op.operationId !== 'signOut' && !x.path.includes('/local/'))) {
      // POST /employees checks the key in its handler, after the body (it keeps the key in the create's own transaction).
      const body = o.op.operationId === 'createEmployee' ? employeeBody() : {};
      const res = await api.request(o.method, concrete(o.path), { token: admin, body, headers: { 'idempotency-key': 'short' } });
      if (((await res.json()) as { code?: string }).code === 'IDEMPOTENCY.KEY_FORMAT') honoured.push(o.op.operationId!);
    }
    expect(documented.filter((id) => !id?.includes('LocalClock'))).toEqual(honoured.sort());
    expect(documented.length).toBeGreaterThanOrEqual(11);
    // No operation describes the header on its own.
    expect(operations.filter((o) => o.op.parameters?.some((p) => 'name' in p && p.name.toLowerCase() === 'idempotency-key')).map(name)).toEqual([]);
  });
});
