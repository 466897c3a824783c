import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY_SCOPES } from '../../../../functions/domain/auth/roles.js';
import { testApi, type TestApi } from '../../../support/api.js';
import { buildOrg, type TestOrg } from '../../../support/org.js';

/**
 * The authorization matrix (reliability and security issue): every route of the OpenAPI
 * document × every kind of caller → allow or deny, written down here from what each role is
 * for (not derived from the code's grants), and called cell by cell. "Allow" means the
 * caller got past authorization (any answer but 401/403: a 400 for the empty body we send,
 * a 404 for a made-up id); "deny" means 401 (anonymous) or 403. A route missing from the
 * table fails the test, so a new route cannot ship unclassified. Acting on records outside
 * one's own subtree (IDOR) is checked by the cases after the matrix.
 */
type Caller = 'anonymous' | 'agent' | 'team_lead' | 'supervisor' | 'cs_manager' | 'gm' | 'hr' | 'admin' | 'key:all' | 'key:employees';
const USERS: Caller[] = ['agent', 'team_lead', 'supervisor', 'cs_manager', 'gm', 'hr', 'admin'];
const ALL_USERS = USERS;
const KEYS_READ: Caller[] = ['key:all', 'key:employees'];

/** route → callers allowed (everyone else is denied). */
const MATRIX: Record<string, Caller[]> = {
  // Public: signing in, and signing out (without a session it changes nothing).
  'POST /api/v1/auth/login': ['anonymous', ...ALL_USERS, 'key:all', 'key:employees'],
  'POST /api/v1/auth/logout': ['anonymous', ...ALL_USERS, 'key:all', 'key:employees'],
  // 忘记密码 and the reset link's page: for someone who cannot sign in (always 202; the token decides).
  'POST /api/v1/auth/password-reset': ['anonymous', ...ALL_USERS, 'key:all', 'key:employees'],
  'POST /api/v1/auth/password-reset/confirm': ['anonymous', ...ALL_USERS, 'key:all', 'key:employees'],
  // Any signed-in person or integration may see who it is.
  'GET /api/v1/users/me': [...ALL_USERS, 'key:all', 'key:employees'],
  'PATCH /api/v1/users/me': ALL_USERS,
  // 修改密码: a person's own; an integration has no password.
  'POST /api/v1/users/me/password': ALL_USERS,
  // Accounts are made by the administrator only; reading the account list is for those who manage people.
  'POST /api/v1/users': ['admin'],
  // 重置密码, 停用, 启用: the administrator's (users:write is never a key scope).
  'POST /api/v1/users/{id}/password-reset': ['admin'],
  'POST /api/v1/users/{id}/disable': ['admin'],
  'POST /api/v1/users/{id}/enable': ['admin'],
  'GET /api/v1/users': ['gm', 'hr', 'admin', 'key:all'],
  // The people picker (transfer, 加签, 抄送, delegate) is for everyone who approves.
  'GET /api/v1/users/directory': [...ALL_USERS, 'key:all'],
  // Delegation of a made-up user: every person reaches the check (then 404); keys only read.
  'GET /api/v1/users/{id}/delegation': [...ALL_USERS, 'key:all'],
  // Setting one is a person's act (for themselves, a report, or as HR), never an integration's.
  'PUT /api/v1/users/{id}/delegation': ALL_USERS,
  'DELETE /api/v1/users/{id}/delegation': ALL_USERS,
  // Everyone sees people in their scope; HR and the administrator hire and change them;
  // supervisors and CS managers get in to arrange the people below them (whom and which
  // fields the handler decides: see the IDOR cases and employees-arrange.test.ts).
  'GET /api/v1/employees': [...ALL_USERS, ...KEYS_READ],
  'GET /api/v1/employees/{id}': [...ALL_USERS, ...KEYS_READ],
  'POST /api/v1/employees': ['hr', 'admin', 'key:all'],
  'PATCH /api/v1/employees/{id}': ['supervisor', 'cs_manager', 'hr', 'admin', 'key:all'],
  'POST /api/v1/employees/batch': ['supervisor', 'cs_manager', 'hr', 'admin', 'key:all'],
  'GET /api/v1/org-units': [...ALL_USERS, 'key:all'],
  'POST /api/v1/org-units': ['hr', 'admin', 'key:all'],
  'GET /api/v1/audit': [...ALL_USERS, 'key:all'],
  // API keys are the administrator's.
  'POST /api/v1/api-keys': ['admin'],
  'GET /api/v1/api-keys': ['admin'],
  'DELETE /api/v1/api-keys/{id}': ['admin'],
  // Policies: everyone reads the rules; HR (and the administrator) change them.
  'GET /api/v1/policies/{name}': [...ALL_USERS, 'key:all'],
  'PUT /api/v1/policies/{name}': ['hr', 'admin', 'key:all'],
  // Approvals: a person's inbox and a person's acts; an integration has no inbox and decides nothing.
  'GET /api/v1/approvals': ALL_USERS,
  'GET /api/v1/approvals/counts': ALL_USERS,
  'GET /api/v1/approvals/{id}': ALL_USERS,
  'POST /api/v1/approvals/{id}/decision': ALL_USERS,
  'POST /api/v1/approvals/{id}/return': ALL_USERS,
  'POST /api/v1/approvals/{id}/transfer': ALL_USERS,
  'POST /api/v1/approvals/{id}/add-approvers': ALL_USERS,
  'POST /api/v1/approvals/batch-decision': ALL_USERS,
  'POST /api/v1/approvals/{id}/remind': ALL_USERS,
  // 我发起的: a person's own requests; an integration started none.
  'GET /api/v1/requests': ALL_USERS,
  // The chain preview, about someone the caller may see (else 404).
  'GET /api/v1/requests/{kind}/preview': ALL_USERS,
  // Attachments (#12) go with a person's decision or comment; a download is for the uploader or a reader of the request (else 404).
  'POST /api/v1/attachments': ALL_USERS,
  'GET /api/v1/attachments/{id}': ALL_USERS,
  'POST /api/v1/requests/{kind}/{id}/withdraw': ALL_USERS,
  // 评论: a person reads and writes a request's thread (which requests: the handler decides).
  'GET /api/v1/requests/{kind}/{id}/comments': ALL_USERS,
  'POST /api/v1/requests/{kind}/{id}/comments': ALL_USERS,
  'POST /api/v1/requests/{kind}/{id}/cc': ALL_USERS,
  // Probation: anyone may apply or look (scope decides which records); keys with the probation scope.
  'POST /api/v1/probation-reviews': [...ALL_USERS, 'key:all'],
  'GET /api/v1/probation-reviews': [...ALL_USERS, 'key:all'],
  'GET /api/v1/probation-reviews/{id}': [...ALL_USERS, 'key:all'],
  'GET /api/v1/probation-reviews/{id}/execution': [...ALL_USERS, 'key:all'],
  // Company-wide numbers: the roles that run the department, and integrations that read people.
  'GET /api/v1/dashboard': ['cs_manager', 'gm', 'hr', 'admin', 'key:all', 'key:employees'],
};

let api: TestApi;
let org: TestOrg;
const tokens = {} as Record<Caller, string | undefined>;
let routes: [string, string][] = [];

beforeAll(async () => {
  api = await testApi();
  org = await buildOrg(api);
  const employeeOf: Partial<Record<Caller, string>> = {
    agent: org.agentA1.id, team_lead: org.leadA.id, supervisor: org.supA.id, cs_manager: org.csManager.id, gm: org.gm.id,
  };
  for (const role of USERS) tokens[role] = await api.signIn([role as never], employeeOf[role] ?? null);
  const key = async (scopes: string[]) => {
    const res = await api.request('POST', '/api/v1/api-keys', { token: tokens.admin, body: { name: `matrix ${scopes.length}`, scopes } });
    return ((await res.json()) as { key: string }).key;
  };
  tokens['key:all'] = await key([...API_KEY_SCOPES]);
  tokens['key:employees'] = await key(['employees:read']);
  tokens.anonymous = undefined;
  const doc = (await (await api.request('GET', '/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => [m.toUpperCase(), path] as [string, string]));
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

const CALLERS: Caller[] = ['anonymous', ...USERS, 'key:all', 'key:employees'];

function concrete(path: string): string {
  return path.replace('{kind}', 'probation').replace('{name}', 'probation').replace(/\{[^}]+\}/g, 'matrix-none');
}

describe('authorization matrix', () => {
  it('classifies every route of the OpenAPI document', () => {
    const unclassified = routes.map(([m, p]) => `${m} ${p}`).filter((r) => !(r in MATRIX));
    expect(unclassified).toEqual([]);
    expect(routes.length).toBeGreaterThan(30);
  });

  it('allows and denies every cell as the table says: 0 unexpected allows, 0 unexpected denies', async () => {
    const wrong: string[] = [];
    for (const [method, path] of routes) {
      const allowed = MATRIX[`${method} ${path}`] ?? [];
      for (const caller of CALLERS) {
        // Logging out ends the session: call it last, with a throwaway session.
        if (path === '/api/v1/auth/logout' && USERS.includes(caller)) continue;
        const token = tokens[caller];
        const res = await api.request(method, concrete(path), { ...(token ? { token } : {}), ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }) });
        const denied = res.status === 401 || res.status === 403;
        if (res.status >= 500) wrong.push(`${caller} ${method} ${path}: ${res.status}`);
        else if (allowed.includes(caller) === denied) wrong.push(`${caller} ${method} ${path}: expected ${allowed.includes(caller) ? 'allow' : 'deny'}, got ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

describe('acting outside one’s own subtree (IDOR)', () => {
  it('a team lead can neither see nor change someone in another team, nor their review or delegation', async () => {
    const lead = tokens.team_lead!;
    const outsider = org.agentB1.id; // under supervisor B, not under team lead A
    expect((await api.request('GET', `/api/v1/employees/${outsider}`, { token: lead })).status).toBe(404);
    const list = (await (await api.request('GET', `/api/v1/employees?ids=${outsider}`, { token: lead })).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
    expect((await api.request('POST', '/api/v1/probation-reviews', { token: lead, body: { employeeId: outsider, kind: 'early' } })).status).toBe(404);
    const outsiderUser = await api.signIn(['agent'], outsider);
    const me = (await (await api.request('GET', '/api/v1/users/me', { token: outsiderUser })).json()) as { id: string };
    const put = await api.request('PUT', `/api/v1/users/${me.id}/delegation`, { token: lead, body: { delegateId: me.id, from: '2026-11-02', to: '2026-11-03' } });
    expect(put.status).toBe(403);
    const audit = await api.request('GET', `/api/v1/audit?entityType=employee&entityId=${outsider}`, { token: lead });
    expect([403, 404]).toContain(audit.status);
  });

  it('a supervisor who may arrange their people can change no one else: not another supervisor’s agent (404), not themselves, not a new hire (403)', async () => {
    const sup = tokens.supervisor!;
    const outsider = org.agentB1;
    expect((await api.request('PATCH', `/api/v1/employees/${outsider.id}`, { token: sup, body: { version: outsider.version, phone: '13900000000' } })).status).toBe(404);
    const self = await api.request('PATCH', `/api/v1/employees/${org.supA.id}`, { token: sup, body: { version: org.supA.version, phone: '13900000000' } });
    expect(self.status).toBe(403);
    const batch = (await (await api.request('POST', '/api/v1/employees/batch', { token: sup, body: { items: [{ id: outsider.id, version: outsider.version, phone: '13900000000' }, { employeeNo: 'M1', name: '新人' }] } })).json()) as { results: { status: number }[] };
    expect(batch.results.map((r) => r.status)).toEqual([404, 403]);
    const after = (await (await api.request('GET', `/api/v1/employees/${outsider.id}`, { token: org.hr })).json()) as { version: number };
    expect(after.version).toBe(outsider.version);
  });

  it('an agent cannot act on another person’s approval task by id', async () => {
    const res = await api.request('POST', '/api/v1/approvals/some-one-elses-task/decision', { token: tokens.agent, body: { decision: 'approve' } });
    expect(res.status).toBe(404);
  });
});
