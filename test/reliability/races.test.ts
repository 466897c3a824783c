import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSteps } from '../../functions/storage/approvals.js';
import { testApi, type TestApi } from '../support/api.js';
import { until } from '../support/mail.js';
import { buildOrg, createEmployee, type TestOrg } from '../support/org.js';

/**
 * Races (reliability issue): TASKS approval tasks, each decided by several clients at the
 * same moment (the approver signed in on three devices, plus CLIENTS concurrent clients in
 * all). Exactly one decision per task wins, every other attempt gets 409, no answer is 5xx,
 * and every workflow moves on exactly once (one next step per request, never two).
 */
const TASKS = Number(process.env.RACE_TASKS ?? 100);
const CLIENTS = 50;
const PER_TASK = 3;

let api: TestApi;
let org: TestOrg;
const sessions: string[] = [];

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  sessions.push(await api.signIn(['supervisor'], org.supA.id, 'race.sup@example.com'));
  // The next step's approver, so each workflow can move on.
  await api.signIn(['cs_manager'], org.csManager.id, 'race.manager@example.com');
  const login = async () => {
    const res = await api.request('POST', '/api/v1/auth/login', { body: { email: 'race.sup@example.com', password: 'test-pass-2026' } });
    return ((await res.json()) as { token: string }).token;
  };
  for (let i = 1; i < PER_TASK; i++) sessions.push(await login());
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

async function pool<T>(jobs: (() => Promise<T>)[], size: number): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]!();
    }
  }));
  return out;
}

describe(`${TASKS} tasks, ${PER_TASK} clients each, ${CLIENTS} at a time`, () => {
  it('decides each task exactly once; the others get 409; every workflow moves on once; no 5xx', async () => {
    const lead = await api.signIn(['team_lead'], org.leadA.id);
    const ids = await pool(Array.from({ length: TASKS }, (_, i) => async () => {
      const e = await createEmployee(api, org.hr, { name: `竞争${i}`, level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
      const res = await api.request('POST', '/api/v1/probation-reviews', { token: lead, body: { employeeId: e.id, kind: 'early' } });
      return ((await res.json()) as { id: string }).id;
    }), 8);
    const tasks = await until(async () => {
      const all: { id: string; requestId: string }[] = [];
      let cursor: string | null = null;
      do {
        const page = (await (await api.request('GET', `/api/v1/approvals?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token: sessions[0] })).json()) as { items: { id: string; requestId: string }[]; nextCursor: string | null };
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return all.length >= TASKS ? all : undefined;
    }, `${TASKS} supervisor tasks`, 120_000);

    const scores = { dailyPerformance: 85, professionalTest: 85, interview: 85 };
    const attempts = tasks.flatMap((t) => sessions.map((token) => async () => {
      const res = await api.request('POST', `/api/v1/approvals/${t.id}/decision`, { token, body: { decision: 'approve', scores } });
      return { task: t.id, status: res.status, code: res.status === 200 ? null : ((await res.json()) as { code: string }).code };
    }));
    // Shuffle so the clients of one task run at the same moment as those of others.
    for (let i = attempts.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [attempts[i], attempts[j]] = [attempts[j]!, attempts[i]!];
    }
    const results = await pool(attempts, CLIENTS);

    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    for (const t of tasks) {
      const mine = results.filter((r) => r.task === t.id);
      expect(mine.filter((r) => r.status === 200), t.id).toHaveLength(1);
      expect(mine.filter((r) => r.status === 409 && r.code === 'APPROVAL.ALREADY_DECIDED'), t.id).toHaveLength(PER_TASK - 1);
    }
    // Each workflow moves on exactly once: one CS manager step per review, never two.
    for (const id of ids) {
      const steps = await until(async () => {
        const s = await listSteps(api.store, 'probation', id);
        return s.some((x) => x.stepKey === 'cs_manager') ? s : undefined;
      }, `review ${id} to reach the CS manager`, 60_000);
      expect(steps.map((s) => s.stepKey)).toEqual(['supervisor', 'cs_manager']);
    }
  }, 300_000);
});
