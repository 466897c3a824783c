import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOpening } from '../../../../functions/storage/openings.js';
import { testApi, type TestApi } from '../../../support/api.js';
import { until } from '../../../support/mail.js';
import { buildOrg, type TestOrg } from '../../../support/org.js';

/**
 * 面试安排 (GET /api/v1/interviews, #14) on the real engines: supervisor A's requisition approved
 * along its chain (CS manager → HR → GM) opens an opening; HR schedules round 1 of four candidates,
 * out of time order, with different interviewers. Each reader sees what candidate-access.ts lets
 * them: HR every round; the requester and the requisition's approvers the opening's rounds; an
 * interviewer the rounds they interview (and their own task to answer), without the others'
 * scores; anyone else nothing. The clock is the test API's: 2026-11-02 10:00 in Shanghai.
 */
let api: TestApi;
let org: TestOrg;
type Who = 'hr' | 'supA' | 'supB' | 'manager' | 'gm' | 'lead' | 'agentA1' | 'agentA2';
const tokens = {} as Record<Who, string>;
const candidates: Record<'c1' | 'c2' | 'c3' | 'c4', { id: string; hiringId: string }> = {} as never;

interface Problem { status: number; code: string; errors?: { path: string; code: string }[] }
interface Item {
  hiringId: string; candidateId: string; candidateName: string; candidateVisible: boolean; openingId: string; post: string; postLabel: string; teamName: string;
  round: number; roundLabel: string; at: string; place: string; myTaskId: string | null; status: string; statusLabel: string; hiringStatus: string;
  interviewers: { employeeId: string | null; name: string; answered: boolean; score?: number; recommendation?: string }[];
}
interface Task { id: string; requestId: string; stepKey: string }

const list = async (who: Who | string, query = '') => {
  const res = await api.request('GET', `/api/v1/interviews${query}`, { token: who in tokens ? tokens[who as Who] : who });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { items: Item[] }).items;
};
const names = (items: Item[]) => items.map((i) => i.candidateName);
async function pending(who: Who, requestId: string): Promise<Task> {
  return until(async () => {
    const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: tokens[who] })).json()) as { items: Task[] };
    return page.items.find((t) => t.requestId === requestId && t.stepKey === 'round_1');
  }, `${who}'s round 1 task`);
}

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  tokens.hr = org.hr;
  tokens.supA = await api.signIn(['supervisor'], org.supA.id);
  tokens.supB = await api.signIn(['supervisor'], org.supB.id);
  tokens.manager = await api.signIn(['cs_manager'], org.csManager.id);
  tokens.gm = await api.signIn(['gm'], org.gm.id);
  tokens.lead = await api.signIn(['team_lead'], org.leadA.id);
  tokens.agentA1 = await api.signIn(['agent'], org.agentA1.id);
  tokens.agentA2 = await api.signIn(['agent'], org.agentA2.id);

  const raised = await api.request('POST', '/api/v1/requisitions', {
    token: tokens.supA,
    body: { post: 'agent', teamId: org.units.center, headcount: 4, reason: '旺季增员', requirements: '普通话标准', level: 'trainee', wantedBy: '2027-01-15' },
  });
  expect(raised.status, await raised.clone().text()).toBe(201);
  const openingId = ((await raised.json()) as { id: string }).id;
  for (const [who, step] of [['manager', 'cs_manager'], ['hr', 'hr'], ['gm', 'gm']] as const) {
    const task = await until(async () => {
      const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: tokens[who] })).json()) as { items: Task[] };
      return page.items.find((t) => t.requestId === openingId && t.stepKey === step);
    }, `${who}'s task`);
    expect((await api.request('POST', `/api/v1/approvals/${task.id}/decision`, { token: tokens[who], body: { decision: 'approve', comment: '同意' } })).status).toBe(200);
  }
  await until(async () => (await getOpening(api.store, openingId))?.status === 'open', 'the opening to open', 30_000);

  // Scheduled out of time order: c2 (3rd), c4 (4th), c1 (5th), and c3 on the 25th, past the default two weeks.
  const rounds: [keyof typeof candidates, string, string, string[]][] = [
    ['c1', '安一', '2026-11-05T10:00:00+08:00', [org.leadA.id, org.agentA2.id]],
    ['c2', '安二', '2026-11-03T14:00:00+08:00', [org.leadA.id]],
    ['c3', '安三', '2026-11-25T09:30:00+08:00', [org.csManager.id]],
    ['c4', '安四', '2026-11-04T09:00:00+08:00', [org.supA.id]],
  ];
  for (const [key, name, at, interviewerIds] of rounds) {
    const added = await api.request('POST', '/api/v1/candidates', { token: tokens.hr, body: { openingId, name, phone: `1390000000${Object.keys(candidates).length}`, source: 'boss' } });
    expect(added.status, await added.clone().text()).toBe(201);
    const { id } = (await added.json()) as { id: string };
    const scheduled = await api.request('POST', '/api/v1/interviews', { token: tokens.hr, body: { candidateId: id, round: 1, at, place: `${name}的会议室`, interviewerIds } });
    expect(scheduled.status, await scheduled.clone().text()).toBe(201);
    candidates[key] = { id, hiringId: ((await scheduled.json()) as { hiringId: string }).hiringId };
  }
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

describe('GET /interviews: who sees which rounds (candidate-access.ts)', () => {
  it('HR sees every round of the next two weeks from the start of today, soonest first, with the round, post and interviewers in words', async () => {
    const items = await list('hr');
    expect(names(items)).toEqual(['安二', '安四', '安一']);
    expect(items[2]).toMatchObject({
      hiringId: candidates.c1.hiringId, candidateId: candidates.c1.id, candidateVisible: true, post: 'agent', postLabel: '专员', teamName: '客户服务中心',
      round: 1, roundLabel: '初试（部门面试）', at: '2026-11-05T10:00:00+08:00', place: '安一的会议室', myTaskId: null, status: 'asking', statusLabel: '待评分', hiringStatus: 'interviewing',
      interviewers: [{ employeeId: org.leadA.id, name: '周组长', answered: false }, { employeeId: org.agentA2.id, name: '郑专员', answered: false }],
    });
    const english = await api.request('GET', '/api/v1/interviews', { token: tokens.hr, headers: { 'accept-language': 'en' } });
    expect(((await english.json()) as { items: Item[] }).items[0]).toMatchObject({ postLabel: 'Agent', statusLabel: 'Awaiting scores' });
  });

  it('an interviewer sees the rounds they interview, each with their own task to answer, and may open that candidate (POLICIES.md §8: their interviewers) — no one else’s', async () => {
    const task1 = await pending('lead', candidates.c1.hiringId);
    const task2 = await pending('lead', candidates.c2.hiringId);
    const items = await list('lead');
    expect(names(items)).toEqual(['安二', '安一']);
    expect(items.map((i) => i.myTaskId)).toEqual([task2.id, task1.id]);
    expect(items.every((i) => i.candidateVisible)).toBe(true);
    const page = await api.request('GET', `/api/v1/candidates/${candidates.c1.id}`, { token: tokens.lead });
    expect(page.status, await page.clone().text()).toBe(200);
    expect(await api.request('GET', `/api/v1/candidates/${candidates.c1.id}`, { token: tokens.agentA1 })).toHaveProperty('status', 404);
  });

  it('the requisition’s requester and its approvers see the opening’s rounds; an agent and another supervisor with no part see none', async () => {
    for (const who of ['supA', 'manager', 'gm'] as const) {
      const items = await list(who);
      expect(names(items), who).toEqual(['安二', '安四', '安一']);
      expect(items.every((i) => i.candidateVisible), who).toBe(true);
    }
    expect(await list('agentA1')).toEqual([]);
    expect(await list('supB')).toEqual([]);
  });

  it('mine=true keeps the rounds the reader interviews, whatever else they may see', async () => {
    expect(names(await list('supA', '?mine=true'))).toEqual(['安四']);
    expect(names(await list('manager', '?mine=true&to=2026-11-30'))).toEqual(['安三']);
    expect(await list('hr', '?mine=true')).toEqual([]);
  });

  it('an API key needs recruitment:manage, and then sees every round (it interviews none)', async () => {
    const key = async (scopes: string[]) => {
      const res = await api.request('POST', '/api/v1/api-keys', { token: await api.signIn(['admin']), body: { name: `schedule ${scopes.join(' ')}`, scopes } });
      return ((await res.json()) as { key: string }).key;
    };
    const manage = await key(['recruitment:manage']);
    expect(names(await list(manage))).toEqual(['安二', '安四', '安一']);
    expect(await list(manage, '?mine=true')).toEqual([]);
    expect((await api.request('GET', '/api/v1/interviews', { token: await key(['recruitment:read']) })).status).toBe(403);
  });
});

describe('GET /interviews: the range', () => {
  it('from and to take dates (whole company days) or date-times with their offset, an unencoded + too; both ends inclusive', async () => {
    expect(names(await list('hr', '?from=2026-11-04&to=2026-11-30'))).toEqual(['安四', '安一', '安三']);
    expect(names(await list('hr', '?from=2026-11-03T14:00:00+08:00&to=2026-11-04T09:00:00%2B08:00'))).toEqual(['安二', '安四']);
    expect(names(await list('hr', '?from=2026-11-03T06:00:01Z'))).toEqual(['安四', '安一']);
    // From alone: two weeks from it.
    expect(names(await list('hr', '?from=2026-11-12'))).toEqual(['安三']);
  });

  it('refuses a value that is no date, to before from, and more than 62 days, naming the field', async () => {
    const cases: [string, string, string][] = [
      ['?from=2026-13-01', 'INTERVIEW.RANGE_FORMAT', 'from'],
      ['?from=2026-11-03T10:00:00', 'INTERVIEW.RANGE_FORMAT', 'from'],
      ['?to=tomorrow', 'INTERVIEW.RANGE_FORMAT', 'to'],
      ['?from=2026-11-10&to=2026-11-09', 'INTERVIEW.RANGE_ORDER', 'to'],
      ['?to=2026-11-01', 'INTERVIEW.RANGE_ORDER', 'to'],
      ['?from=2026-11-01&to=2027-01-02', 'INTERVIEW.RANGE_TOO_LONG', 'to'],
      ['?mine=yes', 'invalid_value', 'mine'],
    ];
    for (const [query, code, field] of cases) {
      const res = await api.request('GET', `/api/v1/interviews${query}`, { token: tokens.hr });
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type'), query).toContain('application/problem+json');
      const p = (await res.json()) as Problem;
      expect(p.errors?.map((e) => e.path), query).toEqual([field]);
      expect(JSON.stringify(p), query).toContain(code);
    }
    const long = (await (await api.request('GET', '/api/v1/interviews?from=2026-11-01&to=2027-01-02', { token: tokens.hr })).json()) as { detail: string };
    expect(long.detail).toBe('面试安排一次最多查看 62 天');
    // Sixty-two whole days are fine.
    expect(names(await list('hr', '?from=2026-11-01&to=2027-01-01'))).toEqual(['安二', '安四', '安一', '安三']);
  });
});

describe('GET /interviews: answers', () => {
  it('an answer ticks its interviewer: its score for those who see the candidate and for its author, not for a fellow interviewer; the round stays listed once past', async () => {
    const task = await pending('lead', candidates.c1.hiringId);
    const decided = await api.request('POST', `/api/v1/approvals/${task.id}/decision`, { token: tokens.lead, body: { decision: 'approve', score: 78, recommendation: 'hold', notes: '表达清楚' } });
    expect(decided.status, await decided.clone().text()).toBe(200);
    // 初试 is 或签: the first answer completes the round, and the other interviewer's task goes.
    const done = await until(async () => (await list('hr')).find((i) => i.candidateName === '安一' && i.status === 'done'), 'the round done');
    expect(done.interviewers).toEqual([
      { employeeId: org.leadA.id, name: '周组长', answered: true, score: 78, recommendation: 'hold', recommendationLabel: '待定' },
      { employeeId: org.agentA2.id, name: '郑专员', answered: false },
    ]);
    const fellow = (await list('agentA2')).find((i) => i.candidateName === '安一')!;
    // A fellow interviewer may open the candidate, but sees no one else's score (here, on the page too).
    expect(fellow).toMatchObject({ myTaskId: null, status: 'done', candidateVisible: true });
    const fellowPage = (await (await api.request('GET', `/api/v1/candidates/${candidates.c1.id}`, { token: tokens.agentA2 })).json()) as { hiring: { rounds: { answers: unknown[]; average: number | null }[] } };
    expect(fellowPage.hiring.rounds[0]).toMatchObject({ answers: [], average: null });
    const hrPage = (await (await api.request('GET', `/api/v1/candidates/${candidates.c1.id}`, { token: tokens.hr })).json()) as { hiring: { rounds: { answers: unknown[]; average: number | null }[] } };
    expect(hrPage.hiring.rounds[0]).toMatchObject({ answers: [expect.objectContaining({ score: 78 })], average: 78 });
    expect(fellow.interviewers[0]).toEqual({ employeeId: org.leadA.id, name: '周组长', answered: true });
    const own = (await list('lead')).find((i) => i.candidateName === '安一')!;
    expect(own.interviewers[0]).toMatchObject({ answered: true, score: 78 });

    // A week on, the rounds that took place are still there (slots are never deleted).
    api.clock.now = new Date('2026-11-09T02:00:00.000Z');
    const hr = await api.signIn(['hr']);
    expect(names(await list(hr, '?from=2026-11-03&to=2026-11-05'))).toEqual(['安二', '安四', '安一']);
    expect(names(await list(hr, '?to=2026-11-30'))).toEqual(['安三']);
  }, 60_000);
});
