import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../../../functions/domain/policy/defaults.js';
import { createCandidate } from '../../../functions/storage/candidates.js';
import { getRequest, requestPut } from '../../../functions/storage/requests.js';
import { transact } from '../../../functions/storage/transact.js';
import { jobNamed } from '../../../functions/workflow/jobs.js';
import { HIRING, startHiring, type HiringRequest } from '../../../functions/workflow/kinds/hiring.js';
import { testApi, type TestApi } from '../../support/api.js';
import { attachmentText, inbox, waitForMail } from '../../support/mail.js';
import { buildOrg, type TestOrg } from '../../support/org.js';

/**
 * Reminders before an interview (#14; POLICIES.md §2 step 4; recruitment policy
 * `interviewReminderHours`, gap: 24): the hourly job on the test's clock reminds the round's
 * interviewers and the candidate once, when the round is within the window — not before, not twice,
 * and not for a process that ended.
 */
let api: TestApi;
let org: TestOrg;
let supUser = '';
const run = async () => (await jobNamed('remindInterviews')!.run(api.workflow)) as { reminded: number };
const HOUR = 3600_000;

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  await api.signIn(['supervisor'], org.supA.id, 'remind.supa@example.com');
  supUser = ((await (await api.request('GET', '/api/v1/users?limit=100', { token: await api.signIn(['admin']) })).json()) as { items: { id: string; email: string }[] }).items.find((u) => u.email === 'remind.supa@example.com')!.id;
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

async function start(name: string, email: string, inHours: number) {
  // The candidate as HR added them (their email is read from their record when reminded).
  const at = api.clock.now.toISOString();
  const candidate = await createCandidate(api.store, { phone: null, email }, () => ({
    candidate: { id: `cand-${name}`, openingId: 'opening-r', name, phone: null, email, source: 'boss', notes: null, cv: null, stage: 'interview', duplicateOf: [], createdById: 'hr-user', createdByName: '人事', createdAt: at, updatedAt: at, version: 1 },
    audit: { entityType: 'candidate', entityId: `cand-${name}`, action: 'create', actor: null, channel: 'system', before: null, after: null, at },
    extra: [],
  }));
  return startHiring(api.workflow, {
    candidate: { id: candidate.id, name, email },
    opening: { id: 'opening-r', post: 'agent', teamName: '客户服务中心', scopePath: org.supA.path as string },
    policy: { version: 0, values: DEFAULT_POLICIES.recruitment },
    by: { id: 'hr-user', name: '人事' },
    interview: { at: new Date(api.clock.now.getTime() + inHours * HOUR).toISOString(), place: '3楼会议室', interviewers: [{ userId: supUser, employeeId: org.supA.id, name: '孙主管' }] },
  });
}

describe('reminders before an interview (recruitment policy interviewReminderHours: 24)', () => {
  it('25 hours before: nothing; 24 hours before: the interviewer and the candidate are reminded, once', async () => {
    expect(jobNamed('remindInterviews')?.schedule).toEqual({ everyMinutes: 60 });
    const r = await start('窦候选', 'dou.candidate@example.net', 25);
    await run();
    expect((await inbox(api.mail!, 'dou.candidate@example.net')).filter((m) => /面试提醒/.test(m.subject))).toHaveLength(0);

    await api.clock.advance(HOUR);
    expect((await run()).reminded).toBe(1);
    const toCandidate = await waitForMail(api.mail!, 'dou.candidate@example.net', /面试提醒/);
    expect(toCandidate.text).toContain('3楼会议室');
    expect(await attachmentText(api.mail!, toCandidate, 'interview.ics')).toContain(`UID:${r.id}-round-1@`);
    const toInterviewer = await waitForMail(api.mail!, 'remind.supa@example.com', /面试提醒/);
    expect(toInterviewer.text).toContain('窦候选');

    // Once: the next runs send nothing more.
    await api.clock.advance(HOUR);
    expect((await run()).reminded).toBe(0);
    expect((await inbox(api.mail!, 'dou.candidate@example.net')).filter((m) => /面试提醒/.test(m.subject))).toHaveLength(1);
  }, 60_000);

  it('a process that ended reminds no one', async () => {
    const r = await start('樊候选', 'fan.candidate@example.net', 30);
    const record = (await getRequest<HiringRequest>(api.store, HIRING, r.id))!;
    // The process ended before the day (not hired).
    expect(record.status).toBe('interviewing');
    await transact(api.store, [requestPut(api.store, HIRING, { ...record, status: 'not_hired', version: record.version + 1 }, record)]);
    await api.clock.advance(8 * HOUR);
    await run();
    expect((await inbox(api.mail!, 'fan.candidate@example.net')).filter((m) => /面试提醒/.test(m.subject))).toHaveLength(0);
  }, 60_000);
});
