/**
 * #12 item 6: an email belongs to one person — across employees and accounts, enforced by the
 * write itself (concurrent writers included) — and an employee's account signs in with the
 * address their record holds, so mail never reaches the wrong person.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, testApi, type TestApi } from '../../../support/api.js';
import { buildOrg, createEmployee, employeeBody, type TestOrg } from '../../../support/org.js';

let api: TestApi;
let org: TestOrg;

beforeAll(async () => {
  api = await testApi();
  org = await buildOrg(api);
});

async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

const login = (email: string) => api.request('POST', '/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } });

async function namesWith(email: string): Promise<string[]> {
  const list = await json<{ items: { name: string; email: string }[] }>(await api.request('GET', '/api/v1/employees?limit=200', { token: org.hr }));
  return list.items.filter((e) => e.email.toLowerCase() === email.toLowerCase()).map((e) => e.name);
}

describe('an email address belongs to one person (#12 item 6)', () => {
  it('a second employee with an address already used (in any letter case) is 409 EMPLOYEE.EMAIL_TAKEN naming the field, and nothing is written', async () => {
    await createEmployee(api, org.hr, { name: '甲', email: 'same.person@example.com', superiorId: org.leadA.id });
    const res = await api.request('POST', '/api/v1/employees', { token: org.hr, body: employeeBody({ name: '乙', email: 'Same.Person@Example.com', superiorId: org.leadA.id }) });
    expect(res.status).toBe(409);
    const problem = await json<{ code: string; detail: string; errors: { path: string; message: string }[] }>(res);
    expect(problem.code).toBe('EMPLOYEE.EMAIL_TAKEN');
    expect(problem.errors[0]).toMatchObject({ path: 'email' });
    expect(problem.detail).toContain('已被其他员工或账号使用');
    expect(await namesWith('same.person@example.com')).toEqual(['甲']);
  });

  it('an address an account signs in with (one not linked to this person) is taken for a new employee too', async () => {
    await api.signIn(['hr'], null, 'hr.only@example.com');
    const res = await api.request('POST', '/api/v1/employees', { token: org.hr, body: employeeBody({ email: 'hr.only@example.com', superiorId: org.leadA.id }) });
    expect(res.status).toBe(409);
    expect((await json<{ code: string }>(res)).code).toBe('EMPLOYEE.EMAIL_TAKEN');
  });

  it('ten concurrent hires with one address: exactly one is created, the others are 409', async () => {
    const tries = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      api.request('POST', '/api/v1/employees', { token: org.hr, body: employeeBody({ name: `并发${i}`, email: 'race@example.com', superiorId: org.leadA.id }) })));
    const statuses = tries.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    expect(await namesWith('race@example.com')).toHaveLength(1);
  });

  it('an account cannot take an address another employee holds; the employee’s own account may share it', async () => {
    const e = await createEmployee(api, org.hr, { name: '丙', email: 'bing@example.com', superiorId: org.leadA.id });
    const admin = await api.signIn(['admin']);
    const other = await api.request('POST', '/api/v1/users', { token: admin, body: { email: 'bing@example.com', password: 'Another-pass-2026', roles: ['agent'], language: 'zh-CN' } });
    expect(other.status).toBe(409);
    expect((await json<{ code: string }>(other)).code).toBe('USER.EMAIL_TAKEN');
    const own = await api.request('POST', '/api/v1/users', { token: admin, body: { email: 'bing@example.com', password: 'Another-pass-2026', roles: ['agent'], employeeId: e.id, language: 'zh-CN' } });
    expect(own.status).toBe(201);
  });

  it('changing an employee’s address moves their sign-in with it (old address refused, audited on the account) and frees the old one', async () => {
    const e = await createEmployee(api, org.hr, { name: '丁', email: 'ding.old@example.com', superiorId: org.leadA.id });
    const admin = await api.signIn(['admin']);
    const created = await api.request('POST', '/api/v1/users', { token: admin, body: { email: 'ding.old@example.com', password: TEST_PASSWORD, roles: ['agent'], employeeId: e.id, language: 'zh-CN' } });
    const account = await json<{ id: string }>(created);
    expect((await login('ding.old@example.com')).status).toBe(200);

    const res = await api.request('PATCH', `/api/v1/employees/${e.id}`, { token: org.hr, body: { version: e.version, email: 'ding.new@example.com' } });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ email: 'ding.new@example.com' });
    expect((await login('ding.old@example.com')).status).toBe(401);
    const signedIn = await login('ding.new@example.com');
    expect(signedIn.status).toBe(200);
    expect(await json(signedIn)).toMatchObject({ user: { id: account.id, email: 'ding.new@example.com' } });

    const audit = await json<{ items: { action: string; before: unknown; after: unknown }[] }>(
      await api.request('GET', `/api/v1/audit?entityType=user&entityId=${account.id}`, { token: admin }));
    expect(audit.items).toEqual(expect.arrayContaining([expect.objectContaining({ before: { email: 'ding.old@example.com' }, after: { email: 'ding.new@example.com' } })]));

    // The old address is free again, for anyone.
    expect((await api.request('POST', '/api/v1/employees', { token: org.hr, body: employeeBody({ email: 'ding.old@example.com', superiorId: org.leadA.id }) })).status).toBe(201);
  });

  it('changing to an address someone else holds is 409 and changes nothing, the account included', async () => {
    await createEmployee(api, org.hr, { name: '戊', email: 'wu@example.com', superiorId: org.leadA.id });
    const e = await createEmployee(api, org.hr, { name: '己', email: 'ji@example.com', superiorId: org.leadA.id });
    const admin = await api.signIn(['admin']);
    await api.request('POST', '/api/v1/users', { token: admin, body: { email: 'ji@example.com', password: TEST_PASSWORD, roles: ['agent'], employeeId: e.id, language: 'zh-CN' } });
    const res = await api.request('PATCH', `/api/v1/employees/${e.id}`, { token: org.hr, body: { version: e.version, email: 'WU@example.com' } });
    expect(res.status).toBe(409);
    expect((await json<{ code: string; errors: { path: string }[] }>(res))).toMatchObject({ code: 'EMPLOYEE.EMAIL_TAKEN', errors: [{ path: 'email' }] });
    const after = await json<{ email: string; version: number }>(await api.request('GET', `/api/v1/employees/${e.id}`, { token: org.hr }));
    expect(after).toMatchObject({ email: 'ji@example.com', version: e.version });
    expect((await login('ji@example.com')).status).toBe(200);
  });

  it('an import whose rows give two people one address: the dry run fails the second row, naming the field', async () => {
    const res = await api.request('POST', '/api/v1/employees/batch', {
      token: org.hr,
      body: {
        dryRun: true,
        items: [
          employeeBody({ name: '庚', email: 'twice@example.com', superiorId: org.leadA.id }),
          employeeBody({ name: '辛', email: 'twice@example.com', superiorId: org.leadA.id }),
        ],
      },
    });
    expect(res.status).toBe(200);
    const { results } = await json<{ results: { status: number; code?: string; errors?: { path: string }[] }[] }>(res);
    expect(results[0]!.status).toBe(201);
    expect(results[1]).toMatchObject({ status: 409, code: 'EMPLOYEE.EMAIL_TAKEN', errors: [{ path: 'email' }] });
  });
});
