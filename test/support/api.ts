/**
 * Test harness for the HTTP API: a fresh table on the shared DynamoDB Local, the real app
 * driven with app.request(), a controllable clock, and builders for people and sign-ins.
 * With `{ workflows: true }` it also runs the approval workflows for real: the local Step
 * Functions endpoint (executions recorded in the same table) and a mail catcher.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import type { Role } from '../../functions/domain/auth/roles.js';
import { smtpMailer } from '../../functions/email/smtp-mailer.js';
import { createApp } from '../../functions/http/app.js';
import type { AppDeps } from '../../functions/http/deps.js';
import { hashPassword } from '../../functions/http/security/passwords.js';
import { createStore, type Store } from '../../functions/storage/client.js';
import { createObjectStore, type ObjectStore } from '../../functions/storage/objects.js';
import { ensureBucket } from '../../infra/local/objects.js';
import { newId } from '../../functions/storage/ids.js';
import { createUser } from '../../functions/storage/users.js';
import type { WorkflowDeps } from '../../functions/workflow/kinds.js';
import { kindRegistry } from '../../functions/workflow/registry.js';
import type { RequestKind } from '../../functions/workflow/kinds.js';
import { ControllableClock, parseDuration, systemClock, type Clock } from '../../infra/local/clock.js';
import { ensureTable, localClientConfig } from '../../infra/local/dynamodb.js';
import { migrateLocalTable } from '../../infra/local/migrate.js';
import { seedPolicies } from '../../infra/local/bootstrap.js';
import { startMailCatcher, type MailCatcher } from '../../infra/local/mail-catcher.js';
import { startWorkflows, type LocalWorkflows } from '../../infra/local/workflows.js';
import { SFNClient } from '@aws-sdk/client-sfn';

export const TEST_PASSWORD = 'test-pass-2026';
export const PUBLIC_URL = 'http://127.0.0.1:3999';
let sharedHash: Promise<string> | undefined;

export interface TestApi {
  store: Store;
  /** The test's own bucket on the shared s3rver (attachments, #12). */
  objects: ObjectStore;
  app: ReturnType<typeof createApp>;
  /**
   * The test's clock (frozen unless `realClock`): setting `now` jumps to that time and fires
   * the workflows' timers that fall due; `advance` moves forward stopping at each of them.
   */
  clock: { now: Date; advance(ms: number): Promise<Date> };
  workflow: WorkflowDeps;
  mail: MailCatcher | null;
  request(method: string, path: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  /** Creates a user with the roles (and optional employee link) and returns a bearer token. */
  signIn(roles: Role[], employeeId?: string | null, email?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function testApi(opts: { workflows?: boolean; realClock?: boolean; /** Serve GET/POST /api/v1/local/clock, as LOCAL_CLOCK=controllable does. */ clockRoute?: boolean; /** Request kinds beside the product's (a test-only kind). */ kinds?: RequestKind[]; /** A DynamoDB Local of the test's own (fault tests stop it). */ dynamoEndpoint?: string; /** How the app learns the caller's address (as the edge wires it). */ clientAddress?: AppDeps['clientAddress']; /** WEBHOOK_ALLOW_PRIVATE_NETWORKS=1 (a receiver on 127.0.0.1); the settings stay changeable through `workflow.webhooks`. */ webhooksToPrivateNetworks?: boolean; /** Engine checks for /api/health (default: DynamoDB up). */ health?: AppDeps['health']; /** Receives every log line (default: dropped). */ log?: (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void } = {}): Promise<TestApi> {
  const endpoint = opts.dynamoEndpoint ?? inject('dynamoEndpoint');
  const log = opts.log ?? (() => undefined);
  const table = `t-${newId()}`;
  const tableState = await ensureTable(new DynamoDBClient(localClientConfig(endpoint)), table);
  const store = createStore({ table, endpoint });
  const objects = createObjectStore({ bucket: table.toLowerCase(), endpoint: inject('s3Endpoint') });
  await ensureBucket(objects, [PUBLIC_URL]);
  const control = new ControllableClock({ flowing: false, start: new Date('2026-11-02T02:00:00.000Z') });
  const runtimeClock: Clock = opts.realClock ? systemClock() : control;
  const clock: TestApi['clock'] = {
    get now() {
      return control.now();
    },
    set now(date: Date) {
      control.set(date);
    },
    advance: (ms) => control.advance(ms),
  };
  const now = () => runtimeClock.now();
  await migrateLocalTable(store, tableState, now);
  await seedPolicies(store, now().toISOString());
  const stops: (() => Promise<void>)[] = [];
  const kinds = kindRegistry(opts.kinds);
  // One object, shared by the app and the workflows, as one process's configuration is.
  const webhooks = { allowPrivateNetworks: opts.webhooksToPrivateNetworks ?? false, requireHttps: false };

  let mail: MailCatcher | null = null;
  let workflows: LocalWorkflows | null = null;
  const linkSecret = randomBytes(32);
  let workflow: WorkflowDeps;
  if (opts.workflows) {
    const mailDir = await mkdtemp(join(tmpdir(), 'cs-mail-'));
    mail = await startMailCatcher({ mailDir, smtpPort: 0, webPort: 0, host: '127.0.0.1' });
    stops.push(async () => {
      await mail!.stop();
      await rm(mailDir, { recursive: true, force: true });
    });
    workflows = await startWorkflows({ store, objects, mailer: smtpMailer(`smtp://127.0.0.1:${mail.smtpPort}`, 'cs@test.local'), publicUrl: PUBLIC_URL, linkSecret, clock: runtimeClock, kinds, webhooks, log });
    control.addIdleCheck(() => workflows!.endpoint.isIdle());
    stops.unshift(() => workflows!.stop());
    workflow = workflows.deps;
  } else {
    // No workflow engine: routes that need one are not exercised by such a test.
    workflow = {
      store, objects, sfn: new SFNClient(localClientConfig('http://127.0.0.1:9')), approvalStateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:none',
      mailer: smtpMailer('smtp://127.0.0.1:9', 'cs@test.local'), publicUrl: PUBLIC_URL, linkSecret, now, kinds, webhooks, log,
    };
  }
  const deps: AppDeps = {
    store,
    objects,
    now,
    publicUrl: PUBLIC_URL,
    sessionHours: 12,
    ...(opts.clientAddress ? { clientAddress: opts.clientAddress } : {}),
    health: opts.health ?? { dynamodb: async () => ({ state: 'up' }) },
    workflow,
    log,
    ...(opts.clockRoute ? { localClock: { now: () => control.now(), advance: (ms: number) => control.advance(ms), parseDuration } } : {}),
  };
  const app = createApp(deps);
  sharedHash ??= hashPassword(TEST_PASSWORD);

  const request: TestApi['request'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.body !== undefined) {
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
      headers['content-length'] ??= String(Buffer.byteLength(body));
    }
    return app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
  };

  const signIn: TestApi['signIn'] = async (roles, employeeId = null, email) => {
    const id = newId();
    const at = now().toISOString();
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

  return {
    store, objects, app, clock, workflow, mail, request, signIn,
    stop: async () => {
      control.close();
      for (const stop of stops) await stop();
    },
  };
}
