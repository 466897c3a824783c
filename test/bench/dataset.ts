/**
 * Figures 1 and 2: DynamoDB Local in memory (infra/local's launcher), one table per data set,
 * and the real app (`createApp`, real storage) served over HTTP by @hono/node-server, signed
 * in as an HR member (whole-organisation scope, the main user of the people list).
 *
 * The one thing not real is Step Functions: a decision that completes its step calls
 * SendTaskSuccess, and here that call is answered in-process by an SDK middleware (no
 * network). Figures 1–2 compare the API with DynamoDB; the workflow is figures 4 and 6.
 */
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { serve, type ServerType } from '@hono/node-server';
import { smtpMailer } from '../../functions/email/smtp-mailer.js';
import { createApp } from '../../functions/http/app.js';
import { createObjectStore } from '../../functions/storage/objects.js';
import type { AppDeps } from '../../functions/http/deps.js';
import { hashToken, newSessionToken } from '../../functions/http/security/tokens.js';
import { openStep, type ApprovalStep, type ApprovalTask } from '../../functions/storage/approvals.js';
import { createStore, type Store } from '../../functions/storage/client.js';
import type { StoredEmployee } from '../../functions/storage/employees.js';
import { newId } from '../../functions/storage/ids.js';
import { getPolicy } from '../../functions/storage/policies.js';
import { reviewItem, type ProbationReview } from '../../functions/storage/probation-reviews.js';
import { putSession } from '../../functions/storage/sessions.js';
import { createUser } from '../../functions/storage/users.js';
import { kindRegistry } from '../../functions/workflow/registry.js';
import { seedPolicies } from '../../infra/local/bootstrap.js';
import { ensureTable, localClientConfig, startDynamoLocal } from '../../infra/local/dynamodb.js';
import { shared } from './context.js';
import { buildEmployees, buildTasks, seedEmployees, seedOrgUnits, seedTasks } from './seed.js';

export const DYNAMO = 'dynamodb-in-memory';

export function dynamoInMemory(): Promise<string> {
  return shared(DYNAMO, async () => {
    const dynamo = await startDynamoLocal({});
    return { value: dynamo.endpoint, stop: () => dynamo.stop() };
  });
}

/** A decision that can be made once: a probation review waiting at its CS-manager sign-off. */
export interface Fixture {
  reviewId: string;
  taskId: string;
}

export interface Dataset {
  label: string;
  employees: number;
  tasks: number;
  store: Store;
  /** A plain client on the same endpoint, for the floor (no document client, no app). */
  raw: DynamoDBClient;
  url: string;
  token: string;
  /** An employee with a superior and a team (the read path's subject). */
  employeeId: string;
  /** Makes sure at least `count` unused fixtures exist (outside any timing). */
  ensureFixtures(count: number): Promise<void>;
  takeFixture(): Fixture;
  /** One API request; throws unless the status is `expect`. */
  request(method: 'GET' | 'POST', path: string, body?: unknown, expect?: number): Promise<string>;
}

export interface DatasetSize {
  employees: number;
  tasks: number;
}

export function dataset(label: string, size: DatasetSize, log: (m: string) => void): Promise<Dataset> {
  return shared(`dataset:${label}:${size.employees}:${size.tasks}`, async () => {
    const endpoint = await dynamoInMemory();
    const table = `bench-${label}-${newId()}`;
    const raw = new DynamoDBClient({ ...localClientConfig(endpoint), maxAttempts: 3 });
    await ensureTable(raw, table);
    const store = createStore({ table, endpoint });
    const at = new Date().toISOString();
    const started = performance.now();
    await seedPolicies(store, at);
    const teams = await seedOrgUnits(store, 20, at);
    const employees = buildEmployees(size.employees, teams, at);
    await seedEmployees(store, employees);

    const user = { id: newId(), name: '基准人事' };
    await createUser(
      store,
      { id: user.id, email: `bench-hr-${user.id}@bench.example`, roles: ['hr'], employeeId: null, name: user.name, language: 'zh-CN', status: 'active', version: 1, createdAt: at, updatedAt: at, passwordHash: 'not-used' },
      { entityType: 'user', entityId: user.id, action: 'create', actor: null, channel: 'system', before: null, after: null, at },
    );
    // A session made directly: sign-in (scrypt, rate limits) is not a path measured here.
    const token = newSessionToken(user.id);
    await putSession(store, hashToken(token), { userId: user.id, createdAt: at, expiresAt: Math.floor(Date.now() / 1000) + 86_400 });
    await seedTasks(store, buildTasks(size.tasks, user, employees));
    log(`  ${label}: ${size.employees} employees, ${size.tasks} approval tasks seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);

    const app = createApp(appDeps(store));
    const server: ServerType = await new Promise((ok) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ok(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const policy = (await getPolicy(store, 'probation')).values;
    const subject = employees[Math.min(employees.length - 1, 25)]!;
    const fixtures: Fixture[] = [];
    const ensureFixtures = async (count: number) => {
      // Four at a time: each is a transaction that also bumps the shared dashboard counters.
      while (fixtures.length < count) {
        const batch = Math.min(4, count - fixtures.length);
        fixtures.push(...(await Promise.all(Array.from({ length: batch }, () => makeFixture(store, user, subject, policy as unknown as Record<string, unknown>)))));
      }
    };

    const request: Dataset['request'] = async (method, path, body, expect = 200) => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      if (res.status !== expect) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
      return text;
    };

    return {
      value: {
        label, employees: size.employees, tasks: size.tasks, store, raw, url, token, employeeId: employees[Math.min(employees.length - 1, 15)]!.id,
        ensureFixtures,
        takeFixture: () => {
          const f = fixtures.shift();
          if (!f) throw new Error('no decision fixture left (ensureFixtures first)');
          return f;
        },
        request,
      },
      stop: async () => {
        await new Promise<void>((ok) => server.close(() => ok()));
        raw.destroy();
        store.doc.destroy();
      },
    };
  }, [DYNAMO]);
}

function appDeps(store: Store): AppDeps {
  const now = () => new Date();
  const sfn = new SFNClient(localClientConfig('http://127.0.0.1:9'));
  // SendTaskSuccess answered in-process: see the file comment.
  sfn.middlewareStack.add(() => async () => ({ output: { $metadata: { httpStatusCode: 200 } }, response: {} }), { step: 'initialize', name: 'benchSfnStub' });
  const log = () => undefined;
  // No object storage in the benchmarks: the attachment routes are not measured here.
  const objects = createObjectStore({ bucket: 'bench-none', endpoint: 'http://127.0.0.1:9' });
  return {
    store, objects, now, publicUrl: 'http://127.0.0.1:3999', sessionHours: 12, log,
    health: { dynamodb: async () => ({ state: 'up' }) },
    workflow: {
      store, objects, sfn, approvalStateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:bench',
      mailer: smtpMailer('smtp://127.0.0.1:9', 'bench@bench.example'), publicUrl: 'http://127.0.0.1:3999',
      linkSecret: new Uint8Array(32).fill(7), now, kinds: kindRegistry(), webhooks: { allowPrivateNetworks: false, requireHttps: false }, log,
    },
  };
}

/**
 * A review at its second step (the CS manager's sign-off: no scores, the most common kind of
 * decision), with its step and the bench user's pending task, written by `openStep` like the
 * workflow would. Created long ago, so it never shows on the inbox's first page.
 */
async function makeFixture(store: Store, user: { id: string; name: string }, subject: StoredEmployee, policy: Record<string, unknown>): Promise<Fixture> {
  const reviewId = newId();
  const at = '2025-01-02T03:04:05.000Z';
  const review: ProbationReview = {
    id: reviewId, employeeId: subject.id, employeeName: subject.name, employeeNo: subject.employeeNo, employeePath: subject.path,
    kind: 'early', applicant: 'supervisor', requesterId: null, requesterName: null, status: 'in_review', startsOn: '2025-01-02', deferred: false,
    policyVersion: 1, policy, scores: { dailyPerformance: 90, professionalTest: 90, interview: 90 }, attendance: null, weighted: 90, band: null, breaches: [],
    recommendation: { outcome: 'convert' }, override: null, decidedSteps: ['supervisor'], currentStep: 'cs_manager', result: null,
    executionArn: null, createdAt: at, updatedAt: at, version: 3,
  };
  const stepId = `${reviewId}.cs_manager.1`;
  const task: ApprovalTask = {
    id: `${stepId}.0`, stepId, requestKind: 'probation', requestId: reviewId,
    title: { 'zh-CN': `转正评审：${subject.name}`, en: `Probation review: ${subject.name}` },
    stepLabel: { 'zh-CN': '客服经理评估签字', en: 'CS manager sign-off' }, subjectEmployeeId: subject.id, stepKey: 'cs_manager',
    approverId: user.id, approverName: user.name, requesterId: null, requesterName: null, status: 'pending', linkNonce: newId(), reason: 'assigned',
    createdAt: at, dueAt: '2025-01-04T03:04:05.000Z', decision: null, decidedAt: null, comment: null, channel: null, version: 1,
  };
  const step: ApprovalStep = {
    id: stepId, requestKind: 'probation', requestId: reviewId, stepKey: 'cs_manager', status: 'pending', token: `bench-token-${reviewId}`, attempt: 'ask',
    taskIds: [task.id], dueAt: task.dueAt, createdAt: at, decision: null, decidedById: null, decidedByName: null, decidedAt: null, channel: null, comment: null,
    resumedAt: null, version: 1,
  };
  await openStep(store, step, [task], [{ write: { Put: { TableName: store.table, Item: reviewItem(review) } } }]);
  return { reviewId, taskId: task.id };
}
