import { describe, expect, it } from 'vitest';
import { createDataProvider } from '../../../admin/src/providers/dataProvider.js';
import type { Http, RequestOptions } from '../../../admin/src/providers/http.js';

function fakeHttp(handler: (path: string, options: RequestOptions) => unknown) {
  const calls: Array<{ path: string; options: RequestOptions }> = [];
  const http = (async (path: string, options: RequestOptions = {}) => {
    calls.push({ path, options });
    return { status: 200, headers: new Headers(), json: handler(path, options) };
  }) as Http;
  return { calls, http };
}

describe('the data provider’s own verbs', () => {
  it('approve and reject post one decision to the task, with what the form collected', async () => {
    const { calls, http } = fakeHttp(() => ({ id: 'r1.supervisor.1.0', status: 'approved' }));
    const provider = createDataProvider(http);
    await provider.approve('r1.supervisor.1.0', { comment: '好', scores: { interview: 90 } });
    await provider.reject('t/2', { comment: '不行' });
    expect(calls.map((c) => [c.path, c.options.method, c.options.body])).toEqual([
      ['/approvals/r1.supervisor.1.0/decision', 'POST', { decision: 'approve', comment: '好', scores: { interview: 90 } }],
      ['/approvals/t%2F2/decision', 'POST', { decision: 'reject', comment: '不行' }],
    ]);
  });

  it('starting a review returns the review and, apart, the message about next month’s round', async () => {
    const { calls, http } = fakeHttp(() => ({ id: 'r9', status: 'scheduled', message: '已纳入下月评审' }));
    const { data, message } = await createDataProvider(http).startProbationReview({ employeeId: 'e1', kind: 'early' });
    expect(data).toEqual({ id: 'r9', status: 'scheduled' });
    expect(message).toBe('已纳入下月评审');
    expect(calls[0]?.options.headers?.['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('transfers, reads the workflow and the policy, and saves the policy with the version read', async () => {
    const { calls, http } = fakeHttp(() => ({}));
    const provider = createDataProvider(http);
    await provider.transfer('t1', { toUserId: 'u2', comment: '出差' });
    await provider.getExecution('r1');
    await provider.getPolicy('probation');
    await provider.savePolicy('probation', { values: { stepDueHours: 24 }, version: 3 });
    expect(calls.map((c) => [c.options.method ?? 'GET', c.path, c.options.body])).toEqual([
      ['POST', '/approvals/t1/transfer', { toUserId: 'u2', comment: '出差' }],
      ['GET', '/probation-reviews/r1/execution', undefined],
      ['GET', '/policies/probation', undefined],
      ['PUT', '/policies/probation', { values: { stepDueHours: 24 }, version: 3 }],
    ]);
  });

  it('returns, reminds, withdraws and approves in a batch on their own endpoints', async () => {
    const { calls, http } = fakeHttp((path) =>
      path === '/approvals/batch-decision' ? { results: [{ id: 'a', status: 200 }, { id: 'b', status: 409, code: 'X', detail: 'no' }] } : {},
    );
    const provider = createDataProvider(http);
    await provider.returnTask('t/1', { toStep: 'team_lead', comment: '补充材料' });
    await provider.remind('t2');
    await provider.withdrawProbationReview('r1');
    const { data } = await provider.batchApprove(['a', 'b'], '  同意 ');
    await provider.batchApprove(['c'], '   ');
    expect(data).toEqual([{ id: 'a', status: 200 }, { id: 'b', status: 409, code: 'X', detail: 'no' }]);
    expect(calls.map((c) => [c.options.method ?? 'GET', c.path, c.options.body])).toEqual([
      ['POST', '/approvals/t%2F1/return', { toStep: 'team_lead', comment: '补充材料' }],
      ['POST', '/approvals/t2/remind', undefined],
      ['POST', '/requests/probation/r1/withdraw', undefined],
      ['POST', '/approvals/batch-decision', { ids: ['a', 'b'], decision: 'approve', comment: '同意' }],
      ['POST', '/approvals/batch-decision', { ids: ['c'], decision: 'approve' }],
    ]);
  });

  it('after a decision the inbox is read again from its first page', async () => {
    let round = 0;
    const { calls, http } = fakeHttp((path, { query }) => {
      if (path.endsWith('/decision')) return {};
      round += 1;
      return query?.cursor ? { items: [{ id: `b${round}` }], nextCursor: null } : { items: [{ id: `a${round}` }], nextCursor: 'c' };
    });
    const provider = createDataProvider(http);
    const params = { pagination: { page: 2, perPage: 1 }, sort: { field: 'id', order: 'ASC' as const }, filter: { status: 'pending' } };
    await provider.getList('approvals', { ...params, pagination: { page: 1, perPage: 1 } });
    await provider.getList('approvals', params);
    await provider.approve('a1');
    await provider.getList('approvals', params);
    // Page 2 after the decision is walked to from page 1 again: the remembered cursor may be stale.
    const listCalls = calls.filter((c) => c.path === '/approvals');
    expect(listCalls.map((c) => c.options.query?.cursor ?? null)).toEqual([null, 'c', null, 'c']);
    expect(listCalls[0]?.options.query).toMatchObject({ status: 'pending', limit: 1 });
  });

  it('the transfer picker reads the whole directory in one request', async () => {
    const { calls, http } = fakeHttp(() => ({ items: [{ id: 'u2', name: '李娜' }, { id: 'u1', name: '王芳' }], nextCursor: null }));
    const { data } = await createDataProvider(http).getList('user-directory', {
      pagination: { page: 1, perPage: 200 },
      sort: { field: 'name', order: 'ASC' },
      filter: { q: '王' },
    });
    expect(calls[0]).toMatchObject({ path: '/users/directory', options: { query: { limit: 200 } } });
    expect(data.map((u) => u.id)).toEqual(['u1']);
  });

  it('adds approvers, CCs a request and sets, reads and clears a delegation on their own endpoints', async () => {
    const { calls, http } = fakeHttp((path, { method }) => {
      if (path.endsWith('/add-approvers') || path.endsWith('/cc')) return { items: [{ id: 'n1' }] };
      if (path.endsWith('/delegation') && method === 'PUT') return { delegation: { delegateId: 'u2' }, moved: ['t1'], failed: [] };
      if (path.endsWith('/delegation') && !method) return { delegation: null };
      return null;
    });
    const provider = createDataProvider(http);
    const added = await provider.addApprovers('t/1', { users: ['u2', 'u3'], position: 'before', mode: 'all', comment: '请先看' });
    const cc = await provider.carbonCopy('probation', 'r1', { users: ['u4'] });
    const none = await provider.getDelegation('me');
    const set = await provider.setDelegation('me', { delegateId: 'u2', from: '2026-01-05', to: '2026-01-09', movePending: true });
    await provider.clearDelegation('me');
    expect(added.data).toEqual([{ id: 'n1' }]);
    expect(cc.data).toEqual([{ id: 'n1' }]);
    expect(none.data).toBeNull();
    expect(set.data.moved).toEqual(['t1']);
    expect(calls.map((c) => [c.options.method ?? 'GET', c.path, c.options.body])).toEqual([
      ['POST', '/approvals/t%2F1/add-approvers', { users: ['u2', 'u3'], position: 'before', mode: 'all', comment: '请先看' }],
      ['POST', '/requests/probation/r1/cc', { users: ['u4'] }],
      ['GET', '/users/me/delegation', undefined],
      ['PUT', '/users/me/delegation', { delegateId: 'u2', from: '2026-01-05', to: '2026-01-09', movePending: true }],
      ['DELETE', '/users/me/delegation', undefined],
    ]);
  });

  it('each inbox tab asks the API for its own tasks: 抄送我的 as cc=true, the others by status', async () => {
    const { calls, http } = fakeHttp(() => ({ items: [], nextCursor: null }));
    const provider = createDataProvider(http);
    for (const status of ['pending', 'waiting', 'cc', 'decided']) {
      await provider.getList('approvals', { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: { status } });
    }
    expect(calls.map((c) => [c.options.query?.status ?? null, c.options.query?.cc ?? null])).toEqual([
      ['pending', null],
      ['waiting', null],
      [null, 'true'],
      ['decided', null],
    ]);
  });

  it('an import checks and writes people through the batch endpoint, and reads the dashboard', async () => {
    const { calls, http } = fakeHttp((path) => (path === '/dashboard' ? { pendingApprovals: [] } : { results: [], created: 0, updated: 0, failed: 0 }));
    const provider = createDataProvider(http);
    await provider.batchEmployees([{ employeeNo: 'N1' }], true);
    await provider.batchEmployees([{ id: 'e1', version: 2, phone: '13800000000' }], false);
    const { data } = await provider.getDashboard();
    expect(calls.map((c) => [c.path, c.options.method ?? 'GET', c.options.body])).toEqual([
      ['/employees/batch', 'POST', { items: [{ employeeNo: 'N1' }], dryRun: true }],
      ['/employees/batch', 'POST', { items: [{ id: 'e1', version: 2, phone: '13800000000' }], dryRun: false }],
      ['/dashboard', 'GET', undefined],
    ]);
    expect(data).toEqual({ pendingApprovals: [] });
  });
});
