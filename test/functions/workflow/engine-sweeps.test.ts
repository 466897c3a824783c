import { SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTask } from '../../../functions/storage/approvals.js';
import { jobNamed } from '../../../functions/workflow/jobs.js';
import { localClientConfig } from '../../../infra/local/dynamodb.js';
import { testApi, type TestApi } from '../../support/api.js';
import { until } from '../../support/mail.js';
import { buildOrg, createEmployee, type TestOrg } from '../../support/org.js';

/**
 * Nothing is lost between a commit and its side effect on Step Functions: a request and its
 * "start me" marker are one write, a decision and its RESUME marker are one write, and the
 * scheduled sweeps (the same jobs EventBridge Scheduler runs in the cloud) finish what a crash
 * or an outage interrupted. The fault is real: Step Functions is unreachable (a closed port)
 * while the change is made.
 */
let api: TestApi;
let org: TestOrg;
let lead = '';
let sup = '';
let manager = '';

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  lead = await api.signIn(['team_lead'], org.leadA.id, 'sweep.lead@example.com');
  sup = await api.signIn(['supervisor'], org.supA.id, 'sweep.sup@example.com');
  manager = await api.signIn(['cs_manager'], org.csManager.id, 'sweep.manager@example.com');
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

interface Task { id: string; requestId: string; stepKey: string; status: string }

async function pending(token: string, requestId: string, stepKey: string): Promise<Task | undefined> {
  const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token })).json()) as { items: Task[] };
  return page.items.find((t) => t.requestId === requestId && t.stepKey === stepKey);
}

/** Step Functions unreachable while `fn` runs: a closed port refuses the connection. */
async function withoutStepFunctions<T>(fn: () => Promise<T>): Promise<T> {
  const real = api.workflow.sfn;
  api.workflow.sfn = new SFNClient({ ...localClientConfig('http://127.0.0.1:9'), maxAttempts: 1 });
  try {
    return await fn();
  } finally {
    api.workflow.sfn = real;
  }
}

const run = async (job: string) => (await jobNamed(job)!.run(api.workflow)) as Record<string, number>;

describe('sweeps that finish what a crash interrupted', () => {
  it('a request whose execution did not start is created all the same, and the startPending job starts it once', async () => {
    const e = await createEmployee(api, org.hr, { name: '启动中断', level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
    const res = await withoutStepFunctions(() => api.request('POST', '/api/v1/probation-reviews', { token: lead, body: { employeeId: e.id, kind: 'early' } }));
    expect(res.status, await res.clone().text()).toBe(201);
    const review = (await res.json()) as { id: string };
    expect(await pending(sup, review.id, 'supervisor')).toBeUndefined();
    // A marker younger than a minute is left alone: its own request may still be starting it.
    expect(await run('startPending')).toEqual({ started: 0 });
    await api.clock.advance(61_000);
    expect(await run('startPending')).toEqual({ started: 1 });
    await until(() => pending(sup, review.id, 'supervisor'), 'the supervisor to be asked');
    expect(await run('startPending')).toEqual({ started: 0 });
  }, 60_000);

  it('a decision recorded while Step Functions was unreachable stands (200), and the resumeDecided job moves the chain on', async () => {
    const e = await createEmployee(api, org.hr, { name: '续传决定', level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
    const review = (await (await api.request('POST', '/api/v1/probation-reviews', { token: lead, body: { employeeId: e.id, kind: 'early' } })).json()) as { id: string };
    const task = await until(() => pending(sup, review.id, 'supervisor'), 'the supervisor’s task');
    const body = { decision: 'approve', scores: { dailyPerformance: 85, professionalTest: 85, interview: 85 } };
    const res = await withoutStepFunctions(() => api.request('POST', `/api/v1/approvals/${task.id}/decision`, { token: sup, body }));
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await getTask(api.store, task.id))?.status).toBe('approved');
    expect(await pending(manager, review.id, 'cs_manager')).toBeUndefined();
    expect(await run('resumeDecided')).toEqual({ resumed: 0 });
    await api.clock.advance(61_000);
    expect(await run('resumeDecided')).toEqual({ resumed: 1 });
    await until(() => pending(manager, review.id, 'cs_manager'), 'the CS manager to be asked');
    expect(await run('resumeDecided')).toEqual({ resumed: 0 });
  }, 60_000);
});
