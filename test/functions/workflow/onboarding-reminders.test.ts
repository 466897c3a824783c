import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChecklist } from '../../../functions/domain/recruitment/onboarding.js';
import { checklistWrites, getChecklist } from '../../../functions/storage/onboarding.js';
import { outboxSize } from '../../../functions/storage/outbox.js';
import { getPolicy } from '../../../functions/storage/policies.js';
import { transact } from '../../../functions/storage/transact.js';
import { findUserByEmployee, setUserLanguage } from '../../../functions/storage/users.js';
import { jobNamed } from '../../../functions/workflow/jobs.js';
import { TEST_PASSWORD, testApi, type TestApi } from '../../support/api.js';
import { inbox, waitForMail } from '../../support/mail.js';
import { buildOrg, createEmployee, type Employee, type TestOrg } from '../../support/org.js';

/**
 * POLICIES.md §2 step 6 ("overdue items remind their owner"): the daily job `remindOnboarding`
 * on the test's clock and the real mail catcher. An item is overdue the day after its due date;
 * its owner gets one mail a day listing their overdue items (HR for HR's items and for an owner
 * without an account), in their language, through the outbox.
 */
let api: TestApi;
let org: TestOrg;
let hire: Employee;
const HR = 'o.hr@example.com';
const SUP = 'o.sup@example.com';
const MENTOR = 'o.mentor@example.com';

const run = async () => (await jobNamed('remindOnboarding')!.run(api.workflow)) as { reminded: string[] };
const subjects = async (to: string) => (await inbox(api.mail!, to)).map((m) => m.subject).sort();

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  await api.signIn(['hr'], null, HR);
  await api.signIn(['supervisor'], org.supA.id, SUP);
  await api.signIn(['agent'], org.agentA1.id, MENTOR);
  const mentor = await findUserByEmployee(api.store, org.agentA1.id);
  await setUserLanguage(api.store, mentor!.id, 'en', api.clock.now.toISOString());
  // The new hire has no account yet (its sign-in invitation is not accepted): their item goes to HR.
  hire = await createEmployee(api, org.hr, { name: '新同事丁', level: 'trainee', superiorId: org.supA.id, teamId: org.units.center, hireDate: '2026-11-02' });
  const policy = await getPolicy(api.store, 'recruitment');
  const checklist = buildChecklist({
    employee: { id: hire.id, name: hire.name, superiorId: org.supA.id }, superiorName: org.supA.name, mentor: { id: org.agentA1.id, name: org.agentA1.name },
    reportDate: '2026-11-02', offerId: null, policy, at: api.clock.now.toISOString(),
  });
  await transact(api.store, checklistWrites(api.store, checklist, { actor: null, channel: 'system' }));
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe('the daily onboarding reminder (POLICIES.md §2 step 6)', () => {
  it('is a daily job in the registry, at 09:00 company time', () => {
    expect(jobNamed('remindOnboarding')?.schedule).toEqual({ dailyAt: { hour: 9, minute: 0 } });
  });

  it('on the report day nothing is overdue yet: items due that day are not reminded', async () => {
    // The test clock starts at 2026-11-02 10:00 in Asia/Shanghai: the report day.
    expect(await run()).toEqual({ reminded: [] });
    expect(await subjects(SUP)).toEqual([]);
  });

  it('the day after, each owner of a day-0 item gets one mail listing theirs; HR also gets the new hire’s (no account)', async () => {
    api.clock.now = new Date('2026-11-03T01:00:00.000Z'); // 09:00 company time
    expect(await run()).toEqual({ reminded: [hire.id] });
    const sup = await waitForMail(api.mail!, SUP, /【入职清单】新同事丁 — 2 项已逾期/);
    expect(sup.text).toContain('安排工作台');
    expect(sup.text).toContain('熟悉部门环境');
    expect(sup.text).toContain(`/#/employees/${hire.id}/show`);
    const hr = await waitForMail(api.mail!, HR, /【入职清单】新同事丁 — 2 项已逾期/);
    expect(hr.text).toContain('收取证件');
    expect(hr.text).toContain('持录用通知书到部门报到');
    // The mentor's item is due on day 1: not yet.
    expect(await subjects(MENTOR)).toEqual([]);
    expect(await outboxSize(api.store)).toBe(0);
    const stored = await getChecklist(api.store, hire.id);
    expect(stored!.items.filter((i) => i.remindedOn === '2026-11-03').map((i) => i.key)).toEqual(['report_with_offer', 'documents', 'workstation', 'tour_introductions']);
  });

  it('once a day: a second run the same day sends nothing', async () => {
    api.clock.now = new Date('2026-11-03T08:00:00.000Z');
    expect(await run()).toEqual({ reminded: [] });
    await new Promise((r) => setTimeout(r, 300));
    expect(await subjects(SUP)).toHaveLength(1);
    expect(await subjects(HR)).toHaveLength(1);
  });

  it('the next day: what is still undone is reminded again, a ticked item no longer, the mentor in English', async () => {
    // The supervisor signs in again (sessions age with the clock) with their one account: a second
    // account for the same employee would take their mail.
    const login = await api.request('POST', '/api/v1/auth/login', { body: { email: SUP, password: TEST_PASSWORD } });
    const sup = ((await login.json()) as { token: string }).token;
    const res = await api.request('POST', `/api/v1/onboarding-checklists/${hire.id}/items/workstation`, { token: sup, body: { done: true } });
    expect(res.status, await res.clone().text()).toBe(200);
    api.clock.now = new Date('2026-11-04T01:00:00.000Z');
    expect(await run()).toEqual({ reminded: [hire.id] });
    const second = await waitForMail(api.mail!, SUP, /【入职清单】新同事丁 — 1 项已逾期/);
    expect(second.text).toContain('熟悉部门环境');
    expect(second.text).not.toContain('安排工作台');
    await waitForMail(api.mail!, HR, /【入职清单】新同事丁 — 3 项已逾期/);
    const mentor = await waitForMail(api.mail!, MENTOR, /\[Onboarding\] 新同事丁 — 1 overdue item$/);
    expect(mentor.text).toContain('Mentor (a senior colleague) introduced for guidance');
  });

  it('a checklist all done is reminded no more', async () => {
    // Sessions age with the clock: sign in again after the days moved.
    const hr = await api.signIn(['hr']);
    for (const key of ['report_with_offer', 'documents', 'tour_introductions', 'company_overview', 'mentor_guidance']) {
      const res = await api.request('POST', `/api/v1/onboarding-checklists/${hire.id}/items/${key}`, { token: hr, body: { done: true } });
      expect(res.status).toBe(200);
    }
    expect((await getChecklist(api.store, hire.id))!.status).toBe('done');
    api.clock.now = new Date('2026-11-05T01:00:00.000Z');
    expect(await run()).toEqual({ reminded: [] });
  });
});
