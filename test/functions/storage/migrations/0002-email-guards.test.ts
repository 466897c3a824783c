import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailGuards } from '../../../../functions/storage/migrations/0002-email-guards.js';
import { runMigrations } from '../../../../functions/storage/migrations/run.js';
import { employeeEmailKey, employeeKey, userEmailKey } from '../../../../functions/storage/keys.js';
import { TEST_PASSWORD, testApi, type TestApi } from '../../../support/api.js';
import { buildOrg, createEmployee, employeeBody, type TestOrg } from '../../../support/org.js';

/**
 * Migration 0002: data written before the address guards existed (#12 item 6) gets them, so
 * the uniqueness rule holds for old records too, and an account's sign-in follows its
 * employee's address after the upgrade.
 */
let api: TestApi;
let org: TestOrg;
const warnings: string[] = [];
const log = (level: string, msg: string) => { if (level === 'warn') warnings.push(msg); };

beforeAll(async () => {
  api = await testApi();
  org = await buildOrg(api);
});

afterAll(async () => {
  await api?.stop();
});

/** Makes a record look as a release before the guards wrote it. */
async function forgetGuards(email: string, employeeId: string | null) {
  await api.store.doc.send(new DeleteCommand({ TableName: api.store.table, Key: employeeEmailKey(email) }));
  if (employeeId) {
    await api.store.doc.send(new UpdateCommand({ TableName: api.store.table, Key: userEmailKey(email), UpdateExpression: 'REMOVE employeeId', ConditionExpression: 'attribute_exists(pk)' }));
  }
}

const migrate = (id: string) => runMigrations(api.store, { migrations: [emailGuards(id, 2)], now: () => api.clock.now, log, runner: 'test' });

describe('0002-email-guards', () => {
  it('gives old employees their guard and old accounts their employee link: a duplicate is then refused and the sign-in follows a changed address', async () => {
    const e = await createEmployee(api, org.hr, { name: '老员工', email: 'old.guard@example.com', superiorId: org.leadA.id });
    const admin = await api.signIn(['admin']);
    const created = await api.request('POST', '/api/v1/users', { token: admin, body: { email: 'old.guard@example.com', password: TEST_PASSWORD, roles: ['agent'], employeeId: e.id, language: 'zh-CN' } });
    expect(created.status).toBe(201);
    await forgetGuards('old.guard@example.com', e.id);
    // (The harness records its tables as migrated under the real id; the test runs its own.)
    await migrate('0002-email-guards-first');

    const guard = await api.store.doc.send(new GetCommand({ TableName: api.store.table, Key: employeeEmailKey('old.guard@example.com') }));
    expect(guard.Item).toMatchObject({ employeeId: e.id });
    const dup = await api.request('POST', '/api/v1/employees', { token: org.hr, body: employeeBody({ email: 'old.guard@example.com', superiorId: org.leadA.id }) });
    expect(dup.status).toBe(409);

    const changed = await api.request('PATCH', `/api/v1/employees/${e.id}`, { token: org.hr, body: { version: e.version, email: 'new.guard@example.com' } });
    expect(changed.status).toBe(200);
    const login = await api.request('POST', '/api/v1/auth/login', { body: { email: 'new.guard@example.com', password: TEST_PASSWORD } });
    expect(login.status).toBe(200);
  });

  it('two old employees sharing an address: the first keeps the guard, the other is logged, and running it again changes nothing', async () => {
    const first = await createEmployee(api, org.hr, { name: '先', email: 'shared.old@example.com', superiorId: org.leadA.id });
    const second = await createEmployee(api, org.hr, { name: '后', email: 'shared.tmp@example.com', superiorId: org.leadA.id });
    // As an old release could write it: the second record holds the same address, no guards.
    await forgetGuards('shared.old@example.com', null);
    await forgetGuards('shared.tmp@example.com', null);
    const stored = (await api.store.doc.send(new GetCommand({ TableName: api.store.table, Key: employeeKey(second.id) }))).Item!;
    await api.store.doc.send(new PutCommand({ TableName: api.store.table, Item: { ...stored, email: 'shared.old@example.com' } }));

    warnings.length = 0;
    await migrate('0002-email-guards-again');
    const guard = await api.store.doc.send(new GetCommand({ TableName: api.store.table, Key: employeeEmailKey('shared.old@example.com') }));
    expect([first.id, second.id]).toContain(guard.Item?.employeeId);
    expect(warnings).toContain('employees sharing an address remain');
    // Logged by id, never by address.
    expect(warnings.join(' ')).not.toContain('@');

    await migrate('0002-email-guards-third');
    const again = await api.store.doc.send(new GetCommand({ TableName: api.store.table, Key: employeeEmailKey('shared.old@example.com') }));
    expect(again.Item?.employeeId).toBe(guard.Item?.employeeId);
  });
});
