import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY_SCOPES, type Permission } from '../../../../functions/domain/auth/roles.js';
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
const RECRUITERS: Caller[] = ['supervisor', 'cs_manager', 'gm', 'hr', 'admin'];
const LEADS: Caller[] = ['team_lead', ...RECRUITERS];

/** route → callers allowed (everyone else is denied). */
const MATRIX: Record<string, Caller[]> = {
  // Public: signing in, and signing out (without a session it changes nothing).
  'POST /api/v1/auth/login': ['anonymous', ...ALL_USERS, 'key:all', 'key:employees'],
  'POST /api/v1/auth/logout': ['anonymous', ...ALL_USERS, 'key:all', 'key:employees'],
  // Health: anyone gets the status; only an administrator the engines (test/functions/http/routes/health.test.ts).
  'GET /api/health': ['anonymous', ...ALL_USERS, 'key:all', 'key:employees'],
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
  // Webhooks (#13) point the department's events and their signing secrets at another system:
  // the administrator's, signed in (no API key scope carries webhooks:manage).
  'POST /api/v1/webhooks': ['admin'],
  'GET /api/v1/webhooks': ['admin'],
  'DELETE /api/v1/webhooks/{id}': ['admin'],
  'GET /api/v1/webhooks/{id}/deliveries': ['admin'],
  'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay': ['admin'],
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
  // Recruitment (POLICIES.md §2): a supervisor or above asks for heads; HR runs the openings.
  'POST /api/v1/requisitions': [...RECRUITERS, 'key:all'],
  'GET /api/v1/requisitions': [...RECRUITERS, 'key:all'],
  'GET /api/v1/requisitions/{id}': [...RECRUITERS, 'key:all'],
  'GET /api/v1/openings': [...RECRUITERS, 'key:all'],
  'GET /api/v1/openings/{id}': [...RECRUITERS, 'key:all'],
  'GET /api/v1/openings/{id}/job-text': [...RECRUITERS, 'key:all'],
  'POST /api/v1/openings/{id}/pause': ['hr', 'admin', 'key:all'],
  'POST /api/v1/interviews': ['hr', 'admin', 'key:all'],
  // 面试安排: anyone may interview (the handler lists what each sees); a key with recruitment:manage sees every round.
  'GET /api/v1/interviews': [...ALL_USERS, 'key:all'],
  'POST /api/v1/openings/{id}/reopen': ['hr', 'admin', 'key:all'],
  'POST /api/v1/openings/{id}/cancel': ['hr', 'admin', 'key:all'],
  // Offers (#14): HR makes, withdraws and reports them and lists them all; one offer is read by
  // whoever sees its candidate (the handler decides) and by the GM asked about its salary.
  'POST /api/v1/offers': ['hr', 'admin', 'key:all'],
  'GET /api/v1/offers': ['hr', 'admin', 'key:all'],
  'GET /api/v1/offers/{id}': [...RECRUITERS, 'key:all'],
  'POST /api/v1/offers/{id}/response': ['hr', 'admin', 'key:all'],
  'POST /api/v1/offers/{id}/withdraw': ['hr', 'admin', 'key:all'],
  'POST /api/v1/offers/{id}/report': ['hr', 'admin', 'key:all'],
  // Candidates (#14): HR adds them; reading is for recruiters, and of those (the handler decides)
  // HR, the administrator, and an opening's requester and approvers; a CV only by a person.
  'POST /api/v1/candidates': ['hr', 'admin', 'key:all'],
  'GET /api/v1/candidates': [...RECRUITERS, 'key:all'],
  // Any signed-in person may ask: a candidate's interviewers read them too (candidate-access.ts); others get 404.
  'GET /api/v1/candidates/{id}': [...ALL_USERS, 'key:all'],
  'GET /api/v1/candidates/{id}/cv': ALL_USERS,
  'POST /api/v1/candidates/{id}/stage': ['hr', 'admin', 'key:all'],
  // Onboarding checklists (#14): read on the employee's file with `?employeeId=` by whoever reads
  // people (scope, or an item's owner: the handler decides; onboarding-checklists.test.ts); called
  // as here, without it, HR's list, for recruiters (a manager's rows in their scope); ticked by an
  // item's owner — anyone, a mentor or the new hire — HR, or a manager over the hire (the handler
  // decides); a key only with HR's recruitment:manage.
  'GET /api/v1/onboarding-checklists': [...RECRUITERS, 'key:all'],
  'POST /api/v1/onboarding-checklists/{id}/items/{key}': [...ALL_USERS, 'key:all'],
  // HR, or a manager over the new hire (the handler decides: 403 MANAGERS_ONLY, 404 out of scope).
  'PUT /api/v1/onboarding-checklists/{id}/mentor': [...ALL_USERS, 'key:all'],
  // Leaving (#15): anyone hands in their own resignation (HR anyone's: the handler decides) and
  // reads those in their scope; an offboarding is read and signed by the leaver's line, HR and
  // whoever an item is addressed to (the handler decides: 404 / 403 NOT_YOUR_ITEM); the exit
  // form, closing and cancelling are HR's.
  'POST /api/v1/resignations': [...ALL_USERS, 'key:all'],
  'GET /api/v1/resignations': [...ALL_USERS, 'key:all'],
  'GET /api/v1/resignations/{id}': [...ALL_USERS, 'key:all'],
  'GET /api/v1/offboardings': [...ALL_USERS, 'key:all'],
  'GET /api/v1/offboardings/{id}': [...ALL_USERS, 'key:all'],
  'POST /api/v1/offboardings/{id}/handover': [...ALL_USERS, 'key:all'],
  'PUT /api/v1/offboardings/{id}/handover/{itemId}': [...ALL_USERS, 'key:all'],
  'POST /api/v1/offboardings/{id}/handover/{itemId}/receive': [...ALL_USERS, 'key:all'],
  'POST /api/v1/offboardings/{id}/inventory/{itemId}': [...ALL_USERS, 'key:all'],
  'PUT /api/v1/offboardings/{id}/exit-form': ['hr', 'admin', 'key:all'],
  'POST /api/v1/offboardings/{id}/close': ['hr', 'admin', 'key:all'],
  'POST /api/v1/offboardings/{id}/cancel': ['hr', 'admin', 'key:all'],
  // Discipline (#16): a team lead or above records (for people under them); everyone reads their
  // own and their scope's, and signs, refuses, witnesses or appeals as the handler checks (a key is
  // refused there: these are a person's acts); HR reads the month's fines.
  'POST /api/v1/disciplinary-actions': [...LEADS, 'key:all'],
  'POST /api/v1/disciplinary-actions/preview': [...LEADS, 'key:all'],
  'GET /api/v1/disciplinary-actions': [...ALL_USERS, 'key:all'],
  'GET /api/v1/disciplinary-actions/fines': ['hr', 'admin', 'key:all'],
  'GET /api/v1/disciplinary-actions/{id}': [...ALL_USERS, 'key:all'],
  'POST /api/v1/disciplinary-actions/{id}/acknowledge': [...ALL_USERS, 'key:all'],
  'POST /api/v1/disciplinary-actions/{id}/refuse': [...ALL_USERS, 'key:all'],
  'POST /api/v1/disciplinary-actions/{id}/witnesses': [...LEADS, 'key:all'],
  'POST /api/v1/disciplinary-actions/{id}/witness': [...ALL_USERS, 'key:all'],
  'POST /api/v1/disciplinary-actions/{id}/appeal': [...ALL_USERS, 'key:all'],
  // Company-wide numbers: the roles that run the department, and integrations given `dashboard:read`
  // (reading people is not enough: #13 item 7).
  'GET /api/v1/dashboard': ['cs_manager', 'gm', 'hr', 'admin', 'key:all'],
};

/**
 * What an API key needs for each route (#13 item 7): the scope(s) the route declares (any one
 * of them), `people` for routes no key may use, `any` for the one route that tells a key only
 * about itself, `anonymous` for routes that need no sign-in at all. A key holding every scope
 * but the declared ones gets 403 on every route that is not anonymous or `any`.
 */
const KEY_NEEDS: Record<string, Permission[] | 'people' | 'any' | 'anonymous'> = {
  'POST /api/v1/auth/login': 'anonymous',
  'POST /api/v1/auth/logout': 'anonymous',
  'GET /api/health': 'anonymous',
  'GET /api/v1/users/me': 'any',
  'PATCH /api/v1/users/me': 'people',
  'POST /api/v1/users': ['users:write'],
  'GET /api/v1/users': ['users:read'],
  'GET /api/v1/users/directory': ['approvals:write'],
  'GET /api/v1/users/{id}/delegation': ['users:read'],
  'PUT /api/v1/users/{id}/delegation': 'people',
  'DELETE /api/v1/users/{id}/delegation': 'people',
  'GET /api/v1/employees': ['employees:read'],
  'GET /api/v1/employees/{id}': ['employees:read'],
  'POST /api/v1/employees': ['employees:write'],
  'PATCH /api/v1/employees/{id}': ['employees:write', 'employees:arrange'],
  'POST /api/v1/employees/batch': ['employees:write', 'employees:arrange'],
  'GET /api/v1/org-units': ['org:read'],
  'POST /api/v1/org-units': ['org:write'],
  'GET /api/v1/audit': ['audit:read'],
  'POST /api/v1/api-keys': ['api-keys:write'],
  'GET /api/v1/api-keys': ['api-keys:write'],
  'DELETE /api/v1/api-keys/{id}': ['api-keys:write'],
  'GET /api/v1/policies/{name}': ['policies:read'],
  'PUT /api/v1/policies/{name}': ['policies:write'],
  'GET /api/v1/approvals': 'people',
  'GET /api/v1/approvals/counts': 'people',
  'GET /api/v1/approvals/{id}': 'people',
  'POST /api/v1/approvals/{id}/decision': 'people',
  'POST /api/v1/approvals/{id}/return': 'people',
  'POST /api/v1/approvals/{id}/transfer': 'people',
  'POST /api/v1/approvals/{id}/add-approvers': 'people',
  'POST /api/v1/approvals/batch-decision': 'people',
  'POST /api/v1/approvals/{id}/remind': 'people',
  'GET /api/v1/requests': 'people',
  'GET /api/v1/requests/{kind}/preview': 'people',
  'POST /api/v1/attachments': 'people',
  'GET /api/v1/attachments/{id}': 'people',
  'POST /api/v1/requests/{kind}/{id}/withdraw': 'people',
  'GET /api/v1/requests/{kind}/{id}/comments': 'people',
  'POST /api/v1/requests/{kind}/{id}/comments': 'people',
  'POST /api/v1/requests/{kind}/{id}/cc': 'people',
  'POST /api/v1/probation-reviews': ['probation:write'],
  'GET /api/v1/probation-reviews': ['probation:read'],
  'GET /api/v1/probation-reviews/{id}': ['probation:read'],
  'GET /api/v1/probation-reviews/{id}/execution': ['probation:read'],
  'POST /api/v1/requisitions': ['recruitment:write'],
  'GET /api/v1/requisitions': ['recruitment:read'],
  'GET /api/v1/requisitions/{id}': ['recruitment:read'],
  'GET /api/v1/openings': ['recruitment:read'],
  'GET /api/v1/openings/{id}': ['recruitment:read'],
  'GET /api/v1/openings/{id}/job-text': ['recruitment:read'],
  'POST /api/v1/openings/{id}/pause': ['recruitment:manage'],
  'POST /api/v1/interviews': ['recruitment:manage'],
  'GET /api/v1/interviews': ['recruitment:manage'],
  'POST /api/v1/openings/{id}/reopen': ['recruitment:manage'],
  'POST /api/v1/openings/{id}/cancel': ['recruitment:manage'],
  'POST /api/v1/candidates': ['recruitment:manage'],
  'POST /api/v1/offers': ['recruitment:manage'],
  'GET /api/v1/offers': ['recruitment:manage'],
  'GET /api/v1/offers/{id}': ['recruitment:read'],
  'POST /api/v1/offers/{id}/response': ['recruitment:manage'],
  'POST /api/v1/offers/{id}/withdraw': ['recruitment:manage'],
  'POST /api/v1/offers/{id}/report': ['recruitment:manage'],
  'GET /api/v1/candidates': ['recruitment:read'],
  'GET /api/v1/candidates/{id}': ['recruitment:read'],
  'GET /api/v1/candidates/{id}/cv': 'people',
  'POST /api/v1/candidates/{id}/stage': ['recruitment:manage'],
  // The list (no `employeeId`); with one, `employees:read`.
  'GET /api/v1/onboarding-checklists': ['recruitment:manage', 'recruitment:write'],
  'POST /api/v1/onboarding-checklists/{id}/items/{key}': ['recruitment:manage'],
  'PUT /api/v1/onboarding-checklists/{id}/mentor': ['recruitment:manage'],
  'GET /api/v1/dashboard': ['dashboard:read'],
  'POST /api/v1/resignations': ['offboarding:write'],
  'GET /api/v1/resignations': ['offboarding:read'],
  'GET /api/v1/resignations/{id}': ['offboarding:read'],
  'GET /api/v1/offboardings': ['offboarding:read'],
  'GET /api/v1/offboardings/{id}': ['offboarding:read'],
  'POST /api/v1/offboardings/{id}/handover': ['offboarding:write'],
  'PUT /api/v1/offboardings/{id}/handover/{itemId}': ['offboarding:write'],
  'POST /api/v1/offboardings/{id}/handover/{itemId}/receive': ['offboarding:write'],
  'POST /api/v1/offboardings/{id}/inventory/{itemId}': ['offboarding:write'],
  'PUT /api/v1/offboardings/{id}/exit-form': ['offboarding:manage'],
  'POST /api/v1/offboardings/{id}/close': ['offboarding:manage'],
  'POST /api/v1/offboardings/{id}/cancel': ['offboarding:manage'],
  'POST /api/v1/disciplinary-actions': ['discipline:write'],
  'POST /api/v1/disciplinary-actions/preview': ['discipline:write'],
  'GET /api/v1/disciplinary-actions': ['discipline:read'],
  'GET /api/v1/disciplinary-actions/fines': ['discipline:manage'],
  'GET /api/v1/disciplinary-actions/{id}': ['discipline:read'],
  'POST /api/v1/disciplinary-actions/{id}/acknowledge': ['discipline:read'],
  'POST /api/v1/disciplinary-actions/{id}/refuse': ['discipline:read'],
  'POST /api/v1/disciplinary-actions/{id}/witnesses': ['discipline:write'],
  'POST /api/v1/disciplinary-actions/{id}/witness': ['discipline:read'],
  'POST /api/v1/disciplinary-actions/{id}/appeal': ['discipline:read'],
  // Accounts (#13 item 4): 忘记密码 and its link are for someone who cannot sign in; one's own
  // password is a person's; the administrator's verbs need users:write, which no key holds.
  'POST /api/v1/auth/password-reset': 'anonymous',
  'POST /api/v1/auth/password-reset/confirm': 'anonymous',
  'POST /api/v1/users/me/password': 'people',
  'POST /api/v1/users/{id}/password-reset': ['users:write'],
  'POST /api/v1/users/{id}/disable': ['users:write'],
  'POST /api/v1/users/{id}/enable': ['users:write'],
  // Webhooks: an administrator's, signed in (no key scope carries webhooks:manage).
  'POST /api/v1/webhooks': ['webhooks:manage'],
  'GET /api/v1/webhooks': ['webhooks:manage'],
  'DELETE /api/v1/webhooks/{id}': ['webhooks:manage'],
  'GET /api/v1/webhooks/{id}/deliveries': ['webhooks:manage'],
  'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay': ['webhooks:manage'],
};

let api: TestApi;
let org: TestOrg;
const tokens = {} as Record<Caller, string | undefined>;
let routes: [string, string][] = [];
const keys = new Map<string, string>();
const KEY_SCOPES: readonly Permission[] = API_KEY_SCOPES;
let keyWith: (scopes: readonly Permission[]) => Promise<string>;

beforeAll(async () => {
  api = await testApi();
  org = await buildOrg(api);
  const employeeOf: Partial<Record<Caller, string>> = {
    agent: org.agentA1.id, team_lead: org.leadA.id, supervisor: org.supA.id, cs_manager: org.csManager.id, gm: org.gm.id,
  };
  for (const role of USERS) tokens[role] = await api.signIn([role as never], employeeOf[role] ?? null);
  const key = async (scopes: string[]) => {
    const res = await api.request('POST', '/api/v1/api-keys', { token: tokens.admin, body: { name: `matrix ${scopes.length}`, scopes } });
    if (res.status !== 201) throw new Error(`key ${scopes.join(' ')}: ${res.status}`);
    return ((await res.json()) as { key: string }).key;
  };
  keyWith = async (scopes) => {
    const id = [...scopes].sort().join(' ');
    keys.set(id, keys.get(id) ?? (await key([...scopes])));
    return keys.get(id)!;
  };
  tokens['key:all'] = await keyWith([...API_KEY_SCOPES]);
  tokens['key:employees'] = await keyWith(['employees:read']);
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

describe('API keys reach only routes that declare their scope (#13 item 7)', () => {
  it('classifies what every route of the OpenAPI document needs from a key, in step with the matrix', () => {
    expect(routes.map(([m, p]) => `${m} ${p}`).filter((r) => !(r in KEY_NEEDS))).toEqual([]);
    const keyAll = (r: string) => MATRIX[r]?.includes('key:all');
    const needs = Object.entries(KEY_NEEDS);
    // Routes no key may use are exactly those the matrix denies the key with every scope.
    expect(needs.filter(([r, n]) => (n === 'people' || (Array.isArray(n) && n.every((s) => !KEY_SCOPES.includes(s)))) === keyAll(r)).map(([r]) => r)).toEqual([]);
  });

  it('a key with every scope but the one a route declares gets 403 there, and a key with just that scope gets past', async () => {
    const wrong: string[] = [];
    for (const [method, path] of routes) {
      const route = `${method} ${path}`;
      const needs = KEY_NEEDS[route]!;
      if (needs === 'anonymous') continue;
      const call = async (token: string) => (await api.request(method, concrete(path), { token, ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }) })).status;
      if (needs === 'any') {
        const status = await call(await keyWith(['org:read']));
        if (status === 401 || status === 403) wrong.push(`${route}: any key expected, got ${status}`);
        continue;
      }
      const declared = needs === 'people' ? [] : needs;
      const others = KEY_SCOPES.filter((s) => !declared.includes(s));
      const denied = await call(await keyWith(others));
      if (denied !== 403) wrong.push(`${route}: a key without ${declared.join(' | ') || 'a person'} got ${denied}`);
      for (const scope of declared.filter((s) => KEY_SCOPES.includes(s))) {
        const status = await call(await keyWith([scope]));
        if (status === 401 || status === 403) wrong.push(`${route}: a key with just ${scope} got ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('the dashboard: a key that reads people does not read the company’s numbers; one with dashboard:read does', async () => {
    const employeesOnly = await api.request('GET', '/api/v1/dashboard', { token: tokens['key:employees'] });
    expect(employeesOnly.status).toBe(403);
    const dashboard = await api.request('GET', '/api/v1/dashboard', { token: await keyWith(['dashboard:read']) });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.json()).toHaveProperty('headcount');
    // The roles are unchanged: a team lead still gets 403, the CS manager the numbers.
    expect((await api.request('GET', '/api/v1/dashboard', { token: tokens.team_lead })).status).toBe(403);
    expect((await api.request('GET', '/api/v1/dashboard', { token: tokens.cs_manager })).status).toBe(200);
  });
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
