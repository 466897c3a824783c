import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDueReviews } from '../../../functions/workflow/kinds/probation-start.js';
import { testApi, type TestApi } from '../../support/api.js';
import { buildOrg, createEmployee, type TestOrg } from '../../support/org.js';
import { waitForMail } from '../../support/mail.js';

/** POLICIES.md §3 (gap: 14 days): a scheduled review opens by itself before the end date. */
let api: TestApi;
let org: TestOrg;
let supervisor = '';

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  supervisor = await api.signIn(['supervisor'], org.supA.id, 's.sup@example.com');
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

async function reviewsOf(id: string): Promise<{ kind: string; applicant: string; status: string }[]> {
  return ((await (await api.request('GET', `/api/v1/probation-reviews?employeeId=${id}`, { token: org.hr })).json()) as { items: { kind: string; applicant: string; status: string }[] }).items;
}

describe('the daily job for scheduled reviews', () => {
  it('opens a review 14 days before the end date, not 15, and never twice (POLICIES.md §3, gap)', async () => {
    // The clock is 2026-11-02 in Asia/Shanghai.
    const due = await createEmployee(api, org.hr, { name: '到期甲', level: 'trainee', hireDate: '2026-08-16', probationEndDate: '2026-11-16', superiorId: org.leadA.id });
    const early = await createEmployee(api, org.hr, { name: '未到期乙', level: 'trainee', hireDate: '2026-08-17', probationEndDate: '2026-11-17', superiorId: org.leadA.id });
    const first = await openDueReviews(api.workflow);
    expect(first).toHaveLength(1);
    expect(await reviewsOf(due.id)).toEqual([expect.objectContaining({ kind: 'scheduled', applicant: 'system', status: 'in_review' })]);
    expect(await reviewsOf(early.id)).toEqual([]);
    expect(await openDueReviews(api.workflow)).toEqual([]);
    // Nobody started it: the supervisor's mail names the system as the starter, never "—" (#12 item 5).
    const mail = await waitForMail(api.mail!, 's.sup@example.com', /【待审批】转正评审：到期甲/);
    expect(mail.text).toContain('系统 发起的「转正评审：到期甲」');
    expect(mail.text).toContain('发起人：系统');
    expect(mail.text).not.toContain('— 发起的');
    expect(mail.text).not.toContain('发起人：—');
  }, 30_000);

  it('a review the system started is withdrawn by HR, nobody else; the review says who may (#12 item 11)', async () => {
    const e = await createEmployee(api, org.hr, { name: '到期丙', level: 'trainee', hireDate: '2026-08-16', probationEndDate: '2026-11-16', superiorId: org.leadA.id });
    await openDueReviews(api.workflow);
    const [review] = ((await (await api.request('GET', `/api/v1/probation-reviews?employeeId=${e.id}`, { token: org.hr })).json()) as { items: { id: string }[] }).items;
    const can = async (token: string) => ((await (await api.request('GET', `/api/v1/probation-reviews/${review!.id}`, { token })).json()) as { can: { withdraw: boolean } }).can;
    expect(await can(org.hr)).toMatchObject({ withdraw: true });
    expect(await can(supervisor)).toMatchObject({ withdraw: false });
    const refused = await api.request('POST', `/api/v1/requests/probation/${review!.id}/withdraw`, { token: supervisor });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('WORKFLOW.NOT_REQUESTER');
    const ok = await api.request('POST', `/api/v1/requests/probation/${review!.id}/withdraw`, { token: org.hr });
    expect(ok.status, await ok.clone().text()).toBe(200);
  }, 30_000);
});
