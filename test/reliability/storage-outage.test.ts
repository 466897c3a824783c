import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoLocal, type DynamoLocal } from '../../infra/local/dynamodb.js';
import { testApi, type TestApi } from '../support/api.js';
import { buildOrg, type TestOrg } from '../support/org.js';

/**
 * A storage outage (reliability issue): the test runs its own DynamoDB Local on a data
 * directory, stops the process mid-run and starts it again. While it is down every request
 * gets 503 problem+json with Retry-After (never a stack trace, never a half-written record);
 * afterwards the API answers again by itself, every record written before is there, and a
 * change refused during the outage is applied exactly once when retried.
 */
const OUTAGE_MS = Number(process.env.OUTAGE_SECONDS ?? 3) * 1000;
let dynamo: DynamoLocal;
let dataDir: string;
let api: TestApi;
let org: TestOrg;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cs-outage-'));
  dynamo = await startDynamoLocal({ dataDir });
  api = await testApi({ dynamoEndpoint: dynamo.endpoint });
  org = await buildOrg(api);
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await dynamo?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('DynamoDB down for a while', () => {
  it('answers 503 with Retry-After while down, recovers by itself, and loses or doubles nothing', async () => {
    const before = (await (await api.request('GET', '/api/v1/employees?limit=100', { token: org.hr })).json()) as { items: { id: string }[] };
    const target = (await (await api.request('GET', `/api/v1/employees/${org.agentA1.id}`, { token: org.hr })).json()) as { version: number; name: string };

    await dynamo.stop();
    const read = await api.request('GET', '/api/v1/employees?limit=100', { token: org.hr });
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(read.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await read.json()).toMatchObject({ code: 'SERVER.UNAVAILABLE' });
    const change = { version: target.version, name: '断线改名' };
    const write = await api.request('PATCH', `/api/v1/employees/${org.agentA1.id}`, { token: org.hr, body: change });
    expect(write.status).toBe(503);
    const text = await write.text();
    expect(text).not.toMatch(/at .*\.ts:\d+|ECONNREFUSED/);
    await new Promise((r) => setTimeout(r, OUTAGE_MS));

    dynamo = await startDynamoLocal({ dataDir, port: dynamo.port });
    const after = (await (await api.request('GET', '/api/v1/employees?limit=100', { token: org.hr })).json()) as { items: { id: string }[] };
    expect(after.items.map((e) => e.id).sort()).toEqual(before.items.map((e) => e.id).sort());
    const retried = await api.request('PATCH', `/api/v1/employees/${org.agentA1.id}`, { token: org.hr, body: change });
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ name: '断线改名', version: target.version + 1 });
    // The change refused during the outage was not half-applied: one audit record, one version step.
    const audit = (await (await api.request('GET', `/api/v1/audit?entityType=employee&entityId=${org.agentA1.id}`, { token: org.hr })).json()) as { items: { action: string }[] };
    expect(audit.items.filter((a) => a.action === 'update')).toHaveLength(1);
    const again = await api.request('PATCH', `/api/v1/employees/${org.agentA1.id}`, { token: org.hr, body: change });
    expect(again.status).toBe(409);
  }, 90_000);
});
