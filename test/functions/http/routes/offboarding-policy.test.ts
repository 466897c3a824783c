import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { policyCurrentKey } from '../../../../functions/storage/keys.js';
import { testApi, type TestApi } from '../../../support/api.js';
import { buildOrg, type TestOrg } from '../../../support/org.js';

/**
 * `GET/PUT /api/v1/policies/offboarding` (#15 names it; POLICIES.md §9): HR reads the defaults
 * with the gaps marked, saves a new version, and a bad value is a 422 naming it, saving nothing.
 */
let api: TestApi;
let org: TestOrg;
let agent = '';

interface Policy { version: number; values: { notice: { months: number; probationDays: number }; finalPay: { dayOfMonth: number; monthsAfter: number } } & Record<string, unknown>; gaps: string[] }

beforeAll(async () => {
  api = await testApi();
  org = await buildOrg(api);
  agent = await api.signIn(['agent'], org.agentA1.id);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

const read = async (token = org.hr) => (await (await api.request('GET', '/api/v1/policies/offboarding', { token })).json()) as Policy;

describe('the offboarding policy over HTTP (POLICIES.md §9)', () => {
  it('HR reads 1 month’s notice (3 days in probation) and pay on the 15th of the next month, with the gaps marked', async () => {
    const policy = await read();
    expect(policy.values.notice).toEqual({ months: 1, probationDays: 3 });
    expect(policy.values.finalPay).toEqual({ dayOfMonth: 15, monthsAfter: 1 });
    expect(policy.gaps).toContain('inventoryItems');
  });

  it('a pay day of 32 is a 422 naming values.finalPay.dayOfMonth, and nothing is saved; 31 is saved as a new version', async () => {
    const before = await read();
    const refused = await api.request('PUT', '/api/v1/policies/offboarding', { token: org.hr, body: { version: before.version, values: { ...before.values, finalPay: { dayOfMonth: 32, monthsAfter: 1 } } } });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(((await refused.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['values.finalPay.dayOfMonth']);
    expect(await read()).toEqual(before);

    const saved = await api.request('PUT', '/api/v1/policies/offboarding', { token: org.hr, body: { version: before.version, values: { ...before.values, finalPay: { dayOfMonth: 31, monthsAfter: 1 } } } });
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect(await read()).toMatchObject({ version: before.version + 1, values: { finalPay: { dayOfMonth: 31, monthsAfter: 1 } } });
  });

  it('an agent may not change it', async () => {
    const before = await read();
    const res = await api.request('PUT', '/api/v1/policies/offboarding', { token: agent, body: { version: before.version, values: before.values } });
    expect(res.status).toBe(403);
  });

  it('a version stored with a field since retired (tasksMoveTo: the approvals policy decides it) reads without it and saves back as read', async () => {
    const before = await read();
    await api.store.doc.send(new UpdateCommand({ TableName: api.store.table, Key: policyCurrentKey('offboarding'), UpdateExpression: 'SET #v.tasksMoveTo = :t', ExpressionAttributeNames: { '#v': 'values' }, ExpressionAttributeValues: { ':t': 'superior' } }));
    const stored = await read();
    expect(stored.values).not.toHaveProperty('tasksMoveTo');
    const saved = await api.request('PUT', '/api/v1/policies/offboarding', { token: org.hr, body: { version: stored.version, values: stored.values } });
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect((await read()).version).toBe(before.version + 1);
  });
});
