/**
 * Test harness for the HTTP API: a fresh table on the shared DynamoDB Local, the real app
 * driven with app.request(), a controllable clock, and builders for people and sign-ins.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { DEFAULT_POLICIES } from '../../functions/domain/policy/defaults.js';
import type { Role } from '../../functions/domain/auth/roles.js';
import { createApp } from '../../functions/http/app.js';
import type { AppDeps } from '../../functions/http/deps.js';
import { hashPassword } from '../../functions/http/security/passwords.js';
import { createStore, type Store } from '../../functions/storage/client.js';
import { newId } from '../../functions/storage/ids.js';
import { createUser } from '../../functions/storage/users.js';
import { ensureTable, localClientConfig } from '../../infra/local/dynamodb.js';
import { seedPolicies } from '../../infra/local/bootstrap.js';

export const TEST_PASSWORD = 'test-pass-2026';
let sharedHash: Promise<string> | undefined;

export interface TestApi {
  store: Store;
  app: ReturnType<typeof createApp>;
  clock: { now: Date };
  request(method: string, path: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  /** Creates a user with the roles (and optional employee link) and returns a bearer token. */
  signIn(roles: Role[], employeeId?: string | null, email?: string): Promise<string>;
}

export async function testApi(): Promise<TestApi> {
  const endpoint = inject('dynamoEndpoint');
  const table = `t-${newId()}`;
  await ensureTable(new DynamoDBClient(localClientConfig(endpoint)), table);
  const store = createStore({ table, endpoint });
  const clock = { now: new Date('2026-11-02T02:00:00.000Z') };
  await seedPolicies(store, clock.now.toISOString());
  const deps: AppDeps = {
    store,
    now: () => clock.now,
    publicUrl: 'http://127.0.0.1:3000',
    sessionHours: 12,
    health: { dynamodb: async () => ({ state: 'up' }) },
    log: () => undefined,
  };
  const app = createApp(deps);
  sharedHash ??= hashPassword(TEST_PASSWORD);

  const request: TestApi['request'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
      headers['content-length'] ??= String(Buffer.byteLength(body));
    }
    return app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
  };

  const signIn: TestApi['signIn'] = async (roles, employeeId = null, email) => {
    const id = newId();
    const at = clock.now.toISOString();
    const address = email ?? `${roles.join('-')}-${id}@example.com`;
    await createUser(
      store,
      { id, email: address, roles, employeeId, name: `${roles[0]} ${id.slice(-4)}`, language: 'zh-CN', status: 'active', version: 1, createdAt: at, updatedAt: at, passwordHash: await sharedHash! },
      { entityType: 'user', entityId: id, action: 'create', actor: null, channel: 'system', before: null, after: null, at },
    );
    const res = await request('POST', '/api/v1/auth/login', { body: { email: address, password: TEST_PASSWORD } });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };

  return { store, app, clock, request, signIn };
}

export { DEFAULT_POLICIES };
