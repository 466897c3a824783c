import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.js';
import { until } from '../../support/mail.js';
import { buildOrg, createEmployee, type TestOrg } from '../../support/org.js';

let api: TestApi;
let org: TestOrg;
let supA: string;

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  supA = await api.signIn(['supervisor'], org.supA.id, 'view.sup@example.com');
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe('the review’s workflow view', () => {
  it('draws the state machine from its ASL and says where the execution is', async () => {
    const e = await createEmployee(api, org.hr, { name: '何图示', level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
    const review = (await (await api.request('POST', '/api/v1/probation-reviews', { token: supA, body: { employeeId: e.id, kind: 'early' } })).json()) as { id: string };
    const view = await until(async () => {
      const res = await api.request('GET', `/api/v1/probation-reviews/${review.id}/execution`, { token: supA });
      const body = (await res.json()) as { diagram: { states: { name: string }[] }; execution: { status: string; currentState: string; visited: string[]; transitions: number } | null };
      if (res.status !== 200) throw new Error(JSON.stringify(body));
      return body.execution?.currentState === 'AskApprover' ? body : undefined;
    }, 'the execution to wait for the supervisor');
    expect(view.diagram.states.map((s) => s.name)).toEqual(expect.arrayContaining(['WaitForStart', 'PlanNextStep', 'AskApprover', 'RemindApprover', 'EscalateApprover', 'Approved', 'Rejected']));
    expect(view.execution).toMatchObject({ status: 'RUNNING', currentState: 'AskApprover' });
    expect(view.execution!.visited).toEqual(expect.arrayContaining(['WaitForStart', 'PlanNextStep', 'ChainDone', 'AskApprover']));
    expect(view.execution!.transitions).toBeGreaterThanOrEqual(4);
  }, 30_000);
});
