/**
 * 撤回 with a reason (#15, the resignation's page asks for an optional one): POST
 * /api/v1/requests/{kind}/{id}/withdraw takes an optional `{reason}` kept in the request's audit
 * record; without a body, or with an empty one, it withdraws as before; a reason over 500
 * characters is refused naming `reason`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../../functions/storage/audit.js';
import { testApi, type TestApi } from '../../../support/api.js';
import { until } from '../../../support/mail.js';
import { buildOrg, type TestOrg } from '../../../support/org.js';

let api: TestApi;
let org: TestOrg;
let agent = '';
let supervisor = '';

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  agent = await api.signIn(['agent'], org.agentA1.id, 'wr.agent@example.com');
  // The chain's people have accounts (a step nobody can sign fails the request).
  supervisor = await api.signIn(['supervisor'], org.supA.id, 'wr.sup@example.com');
  await api.signIn(['cs_manager'], org.csManager.id, 'wr.mgr@example.com');
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(api.clock.now);

async function resign(): Promise<string> {
  const res = await api.request('POST', '/api/v1/resignations', { token: agent, body: { employeeId: org.agentA1.id, reason: '个人发展', lastDay: today() } });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  // Withdrawn while its chain runs: once the supervisor has been asked.
  await until(async () => {
    const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: supervisor })).json()) as { items: { requestId: string }[] };
    return page.items.some((t) => t.requestId === id) || undefined;
  }, 'the supervisor’s task');
  return id;
}

const withdraw = (id: string, body?: unknown) => api.request('POST', `/api/v1/requests/resignation/${id}/withdraw`, { token: agent, ...(body === undefined ? {} : { body }) });
const withdrawal = async (id: string) => (await listAudit(api.store, { entityType: 'resignation', entityId: id, limit: 20 })).items.find((a) => a.action === 'withdraw');

describe('撤回 with a reason', () => {
  it('the reason given is kept in the audit record of the withdrawal', async () => {
    const id = await resign();
    const res = await withdraw(id, { reason: '  家里情况有变，决定留下  ' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await withdrawal(id))?.after).toMatchObject({ status: 'withdrawn', reason: '家里情况有变，决定留下' });
  });

  it('without a body, or with an empty one, a request is withdrawn as before (no reason recorded)', async () => {
    for (const body of [undefined, {}]) {
      const id = await resign();
      const res = await withdraw(id, body);
      expect(res.status, await res.clone().text()).toBe(200);
      const after = (await withdrawal(id))?.after;
      expect(after).toMatchObject({ status: 'withdrawn' });
      expect(after).not.toHaveProperty('reason');
    }
  });

  it('a reason over 500 characters is refused naming `reason`, and nothing is withdrawn', async () => {
    const id = await resign();
    const res = await withdraw(id, { reason: '长'.repeat(501) });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors?: { path: string }[] };
    expect(problem.errors?.map((e) => e.path)).toContain('reason');
    expect((await (await api.request('GET', `/api/v1/resignations/${id}`, { token: agent })).json()) as { status: string }).toMatchObject({ status: 'pending_approval' });
    expect((await withdraw(id)).status).toBe(200);
  });
});
