import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTask } from '../../../functions/storage/approvals.js';
import { decisionLinks as signLinks } from '../../../functions/workflow/notify.js';
import { TEST_PASSWORD, testApi, type TestApi } from '../../support/api.js';
import { until, waitForMail } from '../../support/mail.js';
import { buildOrg, type TestOrg } from '../../support/org.js';

/**
 * Discipline (POLICIES.md §4; seed 004 第五条; #16) on the real engines and the test's clock: the
 * ladder as the API computes it (3 verbal = 1 written), the 处罚单 signed by hand or refused and
 * witnessed by two, the appeal window closing by itself at the end of day 3 (a workflow timer),
 * the appeal answered by the issuer's superior (reminded when overdue on day 8) and upheld —
 * voiding the action and undoing its roll-up — and a dismissal approved by signed-in approvers
 * opening the offboarding, or rejected and standing as a final warning.
 */
let api: TestApi;
let org: TestOrg;
const emails = {
  lead: 'disc.lead@example.com', supA: 'disc.supa@example.com', supB: 'disc.supb@example.com', manager: 'disc.mgr@example.com',
  hr: 'disc.hr@example.com', gm: 'disc.gm@example.com', agent: 'disc.agent@example.com', agent2: 'disc.agent2@example.com', agentB: 'disc.agentb@example.com',
};
type Who = keyof typeof emails;
const tokens = {} as Record<Who, string>;
const userIds = {} as Record<Who, string>;
/** A 1×1 PNG: a real image as a signature pad sends it. */
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

interface Action {
  id: string; status: string; level: string; rule: { code: string; text: string }; counted: string[]; rolledUpInto: string | null; restored: { fromActionId: string } | null;
  fine: number; servedBy: string | null; appealLastDay: string | null; noticeHash: string; notice: { rows: [string, string][]; text: string };
  signature: { noticeHash: string; imageUrl: string | null; channel: string } | null; witnesses: { name: string; imageUrl: string | null }[];
  appeal: { reviewerNames: string[] } | null; voided: { reason: string; restored: string[] } | null; dismissal: { status: string; offboardingId: string | null } | null;
  can?: { acknowledge: boolean; refuse: boolean; witness: boolean; nameWitnesses: boolean; appeal: boolean };
}
interface Task { id: string; requestId: string; stepKey: string; requestKind: string }

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  const people: [Who, string[], string | null][] = [
    ['lead', ['team_lead'], org.leadA.id], ['supA', ['supervisor'], org.supA.id], ['supB', ['supervisor'], org.supB.id], ['manager', ['cs_manager'], org.csManager.id],
    ['hr', ['hr'], null], ['gm', ['gm'], org.gm.id], ['agent', ['agent'], org.agentA1.id], ['agent2', ['agent'], org.agentA2.id], ['agentB', ['agent'], org.agentB1.id],
  ];
  for (const [who, roles, employeeId] of people) {
    tokens[who] = await api.signIn(roles as never, employeeId, emails[who]);
    userIds[who] = ((await (await api.request('GET', '/api/v1/users/me', { token: tokens[who] })).json()) as { id: string }).id;
  }
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

async function signInAll(): Promise<void> {
  for (const who of Object.keys(emails) as Who[]) {
    const res = await api.request('POST', '/api/v1/auth/login', { body: { email: emails[who], password: TEST_PASSWORD } });
    if (res.status !== 200) throw new Error(`sign-in of ${who}: ${res.status}`);
    tokens[who] = ((await res.json()) as { token: string }).token;
  }
}

const record = (who: Who, body: Record<string, unknown>) => api.request('POST', '/api/v1/disciplinary-actions', { token: tokens[who], body });
async function recorded(who: Who, body: Record<string, unknown>): Promise<Action> {
  const res = await record(who, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Action;
}
const read = async (id: string, who: Who = 'hr') => (await (await api.request('GET', `/api/v1/disciplinary-actions/${id}`, { token: tokens[who] })).json()) as Action;
const post = (who: Who, id: string, verb: string, body: Record<string, unknown>) => api.request('POST', `/api/v1/disciplinary-actions/${id}/${verb}`, { token: tokens[who], body });
const waitFor = (id: string, test: (a: Action) => boolean, what: string, who: Who = 'hr') => until(async () => {
  const a = await read(id, who);
  return test(a) ? a : undefined;
}, what);
async function sign(id: string, who: Who = 'agent'): Promise<Action> {
  await waitFor(id, (a) => !!a.can?.acknowledge, 'the notice to sign', who);
  const res = await post(who, id, 'acknowledge', { signature: SIGNATURE });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Action;
}
async function pending(who: Who, requestId: string, stepKey: string): Promise<Task> {
  return until(async () => {
    const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: tokens[who] })).json()) as { items: Task[] };
    return page.items.find((t) => t.requestId === requestId && t.stepKey === stepKey);
  }, `${who}'s task at ${stepKey}`);
}
const decide = (who: Who, taskId: string, decision: 'approve' | 'reject', comment = decision === 'approve' ? '同意' : '不同意') =>
  api.request('POST', `/api/v1/approvals/${taskId}/decision`, { token: tokens[who], body: { decision, comment } });
const at = (local: string) => `${local}+08:00`;
const verbal = (employeeId: string, occurredAt: string, facts = '上班迟到 20 分钟') => ({ employeeId, violationCode: 'V02', facts, occurredAt: at(occurredAt) });

describe('recording an action: who, for whom, and bad input (#16)', () => {
  it('refuses each with a 4xx naming the field, and writes nothing', async () => {
    const cases: [string, Who, Record<string, unknown>, number, string][] = [
      ['for oneself', 'lead', verbal(org.leadA.id, '2026-11-01T09:00:00'), 422, 'employeeId'],
      ['for someone outside one’s subtree', 'supB', verbal(org.agentA1.id, '2026-11-01T09:00:00'), 422, 'employeeId'],
      ['a time in the future', 'lead', verbal(org.agentA1.id, '2026-11-03T09:00:00'), 422, 'occurredAt'],
      ['a time outside the 12-month window', 'lead', verbal(org.agentA1.id, '2025-11-02T09:00:00'), 422, 'occurredAt'],
      ['a code not in the catalogue', 'lead', { ...verbal(org.agentA1.id, '2026-11-01T09:00:00'), violationCode: 'X99' }, 422, 'violationCode'],
      ['no facts', 'lead', { ...verbal(org.agentA1.id, '2026-11-01T09:00:00'), facts: ' ' }, 400, 'facts'],
      ['a witness who is the employee', 'lead', { ...verbal(org.agentA1.id, '2026-11-01T09:00:00'), witnessIds: ['x', 'y'] }, 422, 'witnessIds[0]'],
    ];
    for (const [what, who, body, status, field] of cases) {
      const res = await record(who, body);
      expect(res.status, what).toBe(status);
      expect(res.headers.get('content-type'), what).toContain('application/problem+json');
      const problem = (await res.json()) as { errors?: { path: string }[] };
      expect((problem.errors ?? []).map((e) => e.path), what).toContain(field);
    }
    // An agent may not record at all.
    expect((await record('agent', verbal(org.agentA2.id, '2026-11-01T09:00:00'))).status).toBe(403);
    const list = (await (await api.request('GET', `/api/v1/disciplinary-actions?employeeId=${org.agentA1.id}`, { token: tokens.hr })).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
  });
});

describe('the ladder, the notice, witnesses, the appeal window and the appeal (POLICIES.md §4; 004 第五条(一)(六))', () => {
  let a1: Action;
  let a2: Action;

  it('a verbal warning: the employee signs by hand; the signature keeps the notice’s hash, the time and the channel', async () => {
    a1 = await recorded('lead', verbal(org.agentA1.id, '2026-11-01T09:00:00'));
    expect(a1).toMatchObject({ status: 'pending_signature', level: 'verbal', counted: [], fine: 10, rule: { code: 'as_catalogued' } });
    expect(a1.notice.rows.map((r) => r[0])).toEqual(expect.arrayContaining(['违纪条款', '处理意见', '申诉', '签收说明']));
    expect(a1.notice.text).toContain('签字仅表示已收到本处罚单，不代表同意处罚内容');
    // The notice reaches the employee as their own step, with its rows, and no decision links.
    const mail = await waitForMail(api.mail!, emails.agent, /待您办理/);
    expect(mail.text).toContain('签收处罚单');
    expect(mail.text).toContain('上班迟到 20 分钟');
    expect(mail.text).not.toMatch(/\/a\/[A-Za-z0-9_.-]+/);
    // Nobody else signs it; the issuer cannot either.
    await waitFor(a1.id, (a) => !!a.can?.acknowledge, 'the notice step', 'agent');
    expect((await post('lead', a1.id, 'acknowledge', { signature: SIGNATURE })).status).toBe(403);
    // Not an image.
    const bad = await post('agent', a1.id, 'acknowledge', { signature: 'data:image/png;base64,aGVsbG8gd29ybGQ=' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'DISCIPLINE.SIGNATURE_INVALID', errors: [{ path: 'signature' }] });
    const signed = await sign(a1.id);
    expect(signed.status).toBe('appeal_window');
    expect(signed.servedBy).toBe('signature');
    expect(signed.appealLastDay).toBe('2026-11-05');
    expect(signed.signature).toMatchObject({ noticeHash: a1.noticeHash, channel: 'api' });
    expect((await read(a1.id)).signature?.imageUrl).toMatch(/^http/);
    // A second signature by the same person.
    const again = await post('agent', a1.id, 'acknowledge', { signature: SIGNATURE });
    expect(again.status).toBe(409);
  });

  it('a refusal takes effect only when both named witnesses sign (004 (六)3); a witness who is the issuer, or a second signature, is refused', async () => {
    a2 = await recorded('lead', verbal(org.agentA1.id, '2026-11-02T09:00:00', '上班时间串岗'));
    expect(a2.level).toBe('verbal');
    await waitFor(a2.id, (a) => !!a.can?.refuse, 'the notice step', 'agent');
    expect((await post('agent', a2.id, 'refuse', { reason: '我不认可' })).status).toBe(200);
    await waitForMail(api.mail!, emails.lead, /拒绝签收/);
    // Witnesses: the policy's two, never the employee or the issuer.
    const asIssuer = await post('lead', a2.id, 'witnesses', { userIds: [userIds.lead, userIds.supB] });
    expect(asIssuer.status).toBe(422);
    expect(await asIssuer.json()).toMatchObject({ code: 'DISCIPLINE.WITNESS_INVALID', errors: [{ path: 'userIds[0]' }] });
    expect((await post('lead', a2.id, 'witnesses', { userIds: [userIds.supB] })).status).toBe(422);
    expect((await post('lead', a2.id, 'witnesses', { userIds: [userIds.supB, userIds.agent2] })).status).toBe(200);
    await waitForMail(api.mail!, emails.supB, /见证/);
    // Someone not named cannot witness.
    const notNamed = await post('manager', a2.id, 'witness', { signature: SIGNATURE });
    expect(notNamed.status).toBe(403);
    expect(await notNamed.json()).toMatchObject({ code: 'DISCIPLINE.NOT_A_WITNESS' });
    const first = await post('supB', a2.id, 'witness', { signature: SIGNATURE });
    expect(first.status, await first.clone().text()).toBe(200);
    expect(((await first.json()) as Action).status).toBe('pending_signature');
    expect((await post('supB', a2.id, 'witness', { signature: SIGNATURE })).status).toBe(409);
    const second = await post('agent2', a2.id, 'witness', { signature: SIGNATURE });
    expect(second.status, await second.clone().text()).toBe(200);
    const served = await waitFor(a2.id, (a) => a.status === 'appeal_window', 'the appeal window');
    expect(served.servedBy).toBe('witnesses');
    expect(served.witnesses.map((w) => w.name)).toHaveLength(2);
    expect(served.witnesses.every((w) => /^http/.test(w.imageUrl ?? ''))).toBe(true);
  });

  it('the appeal window: an appeal on day 3 is taken (to the issuer’s superior, never the issuer); with none, the action takes effect by itself at the end of day 3 and a day-4 appeal is refused', async () => {
    api.clock.now = new Date(at('2026-11-05T23:00:00'));
    await signInAll();
    expect((await post('lead', a2.id, 'appeal', { reason: '代人申诉' })).status).toBe(403);
    const appealed = await post('agent', a2.id, 'appeal', { reason: '当天有同事作证我在岗位上' });
    expect(appealed.status, await appealed.clone().text()).toBe(200);
    const a = await waitFor(a2.id, (x) => x.status === 'under_appeal', 'under appeal');
    expect(a.appeal?.reviewerNames).toHaveLength(1);
    await pending('supA', a2.id, 'appeal_review');
    const leadTasks = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: tokens.lead })).json()) as { items: Task[] };
    expect(leadTasks.items.some((t) => t.requestId === a2.id)).toBe(false);
    // a1 (served on 11-02) is still open on day 3 …
    expect((await read(a1.id)).status).toBe('appeal_window');
    // … and on day 4 it has taken effect by the workflow's own timer.
    api.clock.now = new Date(at('2026-11-06T00:00:30'));
    await signInAll();
    await waitFor(a1.id, (x) => x.status === 'effective', 'a1 in effect');
    const late = await post('agent', a1.id, 'appeal', { reason: '太晚了' });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: 'DISCIPLINE.APPEAL_WINDOW_CLOSED' });
    await waitForMail(api.mail!, emails.agent, /已生效/);
  });

  it('the answer is due in 7 days: on day 8 the issuer’s superior is reminded; upheld, the action is voided and no longer counts', async () => {
    api.clock.now = new Date(at('2026-11-13T00:00:00'));
    await signInAll();
    await waitForMail(api.mail!, emails.supA, /催办|提醒|逾期|Reminder/i);
    const task = await pending('supA', a2.id, 'appeal_review');
    const res = await decide('supA', task.id, 'approve', '申诉成立，撤销处罚');
    expect(res.status, await res.clone().text()).toBe(200);
    const voided = await waitFor(a2.id, (x) => x.status === 'voided', 'voided');
    expect(voided.voided?.reason).toBe('appeal_upheld');
    // Every step is on the action's audit trail (the decisions on their tasks' trails).
    const trail = (await (await api.request('GET', `/api/v1/audit?entityType=disciplinaryAction&entityId=${a2.id}&limit=50`, { token: tokens.lead })).json()) as { items: { action: string }[] };
    expect(trail.items.map((i) => i.action).reverse()).toEqual(['create', 'refuse', 'name_witnesses', 'witness', 'witness', 'void']);
  });

  it('3 verbal = 1 written, citing the two counted; voiding that written warning undoes its roll-up', async () => {
    // a1 (effective) counts; a2 (voided) does not: the next verbal is the 2nd.
    const a3 = await recorded('lead', verbal(org.agentA1.id, '2026-11-12T10:00:00', '上班时间私自外出'));
    expect(a3.level).toBe('verbal');
    const a4 = await recorded('lead', verbal(org.agentA1.id, '2026-11-12T15:00:00', '工作时间聚堆聊天'));
    expect(a4).toMatchObject({ level: 'written', rule: { code: 'verbal_rollup' }, counted: [a1.id, a3.id] });
    expect(a4.rule.text).toContain('受3次口头警告等同一次书面警告');
    expect((await read(a1.id)).rolledUpInto).toBe(a4.id);
    // The written warning is signed and appealed; upheld, a1 and a3 count again.
    await sign(a4.id);
    await waitFor(a4.id, (x) => !!x.can?.appeal, 'the appeal step', 'agent');
    expect((await post('agent', a4.id, 'appeal', { reason: '第二次迟到是因为系统故障' })).status).toBe(200);
    const task = await pending('supA', a4.id, 'appeal_review');
    expect((await decide('supA', task.id, 'approve', '情况属实')).status).toBe(200);
    const voided = await waitFor(a4.id, (x) => x.status === 'voided', 'a4 voided');
    expect(voided.voided?.restored.sort()).toEqual([a1.id, a3.id].sort());
    const restored = await read(a1.id);
    expect(restored.rolledUpInto).toBeNull();
    expect(restored.restored?.fromActionId).toBe(a4.id);
    // So the next verbal warning is the 3rd again.
    const preview = await api.request('POST', '/api/v1/disciplinary-actions/preview', { token: tokens.lead, body: { employeeId: org.agentA1.id, violationCode: 'V01', occurredAt: at('2026-11-12T18:00:00') } });
    expect(await preview.json()).toMatchObject({ level: 'written', counted: [a1.id, a3.id] });
  });
});

/** Runs alone or after the rest: the clock at least at `local`. */
async function atLeast(local: string): Promise<void> {
  const t = new Date(at(local));
  if (api.clock.now < t) {
    api.clock.now = t;
    await signInAll();
  }
}

describe('two actions for one employee at the same moment (#16: the record stays right under concurrency)', () => {
  beforeAll(() => atLeast('2026-11-13T00:00:00'));

  it('never count the same earlier warnings: one becomes written, the other stays verbal', async () => {
    await recorded('lead', verbal(org.agentA2.id, '2026-11-10T09:00:00'));
    await recorded('lead', verbal(org.agentA2.id, '2026-11-11T09:00:00'));
    const both = await Promise.all([1, 2].map((i) => record('lead', verbal(org.agentA2.id, `2026-11-12T0${i}:00:00`))));
    const made = (await Promise.all(both.map(async (r) => {
      expect(r.status).toBe(201);
      return (await r.json()) as Action;
    })));
    expect(made.map((a) => a.level).sort()).toEqual(['verbal', 'written']);
    const written = made.find((a) => a.level === 'written')!;
    const other = made.find((a) => a.level === 'verbal')!;
    expect(written.counted).toHaveLength(2);
    expect(other.counted).toEqual([]);
  });
});

describe('dismissal (辞退, 004 第五条(四)): signed-in approvers supervisor → CS manager → HR → GM', () => {
  beforeAll(() => atLeast('2026-11-13T00:00:00'));

  it('a dismissal offence is proposed; each step is signed in (its mail has no decision links); approved, the offboarding opens with reason dismissal', async () => {
    const d = await recorded('supB', { employeeId: org.agentB1.id, violationCode: 'D04', facts: '辱骂住户', occurredAt: at('2026-11-12T20:00:00') });
    expect(d).toMatchObject({ level: 'dismissal', status: 'dismissal_pending', rule: { code: 'dismissal_offence' }, fine: 0 });
    const proposal = `${d.id}d`;
    const first = await pending('supB', proposal, 'supervisor');
    const mail = await waitForMail(api.mail!, emails.supB, /辞退/);
    expect(mail.text).not.toMatch(/\/a\/[A-Za-z0-9_.-]+/);
    // A link signed for the task (a leaked or older mail) is refused, naming the console; the task stays pending.
    const link = new URL(signLinks(api.workflow, (await getTask(api.store, first.id))!).approveUrl);
    const byLink = await api.app.request(link.pathname, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: link.pathname.slice(3), decision: 'approve' }).toString() });
    expect(byLink.status).toBe(403);
    expect((await getTask(api.store, first.id))?.status).toBe('pending');
    expect((await decide('supB', first.id, 'approve')).status).toBe(200);
    expect((await decide('manager', (await pending('manager', proposal, 'cs_manager')).id, 'approve')).status).toBe(200);
    expect((await decide('hr', (await pending('hr', proposal, 'hr')).id, 'approve')).status).toBe(200);
    expect((await decide('gm', (await pending('gm', proposal, 'gm')).id, 'approve')).status).toBe(200);
    const done = await waitFor(d.id, (x) => x.status === 'dismissed', 'dismissed');
    expect(done.dismissal?.offboardingId).toBeTruthy();
    const off = (await (await api.request('GET', `/api/v1/offboardings/${done.dismissal!.offboardingId}`, { token: tokens.hr })).json()) as { reason: string; employeeId: string };
    expect(off).toMatchObject({ reason: 'dismissal', employeeId: org.agentB1.id });
  });

  it('a violation under an active final warning is proposed for dismissal; rejected, it stands as a final warning the employee signs', async () => {
    const f1 = await recorded('lead', { employeeId: org.agentA2.id, violationCode: 'F04', facts: '消极怠工', occurredAt: at('2026-11-12T11:00:00') });
    expect(f1.level).toBe('final');
    const d = await recorded('lead', verbal(org.agentA2.id, '2026-11-12T12:00:00'));
    expect(d).toMatchObject({ level: 'dismissal', rule: { code: 'after_final' }, counted: [f1.id] });
    const task = await pending('supA', `${d.id}d`, 'supervisor');
    expect((await decide('supA', task.id, 'reject', '给予最后一次机会')).status).toBe(200);
    const final = await waitFor(d.id, (x) => x.dismissal?.status === 'rejected' && x.level === 'final', 'a final warning');
    expect(final.status).toBe('pending_signature');
    expect(final.rule.text).toContain('辞退未获批准');
    const signed = await sign(d.id, 'agent2');
    expect(signed.status).toBe('appeal_window');
  });

  it('the dashboard counts actions by level and team (voided ones out; a rejected dismissal as final)', async () => {
    const dash = (await (await api.request('GET', '/api/v1/dashboard', { token: tokens.hr })).json()) as { discipline: { month: string; level: string; teamName: string | null; count: number }[] };
    const count = (level: string, team: string) => dash.discipline.filter((d) => d.month === '2026-11' && d.level === level && d.teamName === team).reduce((s, d) => s + d.count, 0);
    // 客户服务中心: a1, a3, and agentA2's three verbal (a2 and a4 voided); agentA2's written, f1 and the rejected dismissal as final.
    expect(count('verbal', '客户服务中心')).toBe(5);
    expect(count('written', '客户服务中心')).toBe(1);
    expect(count('final', '客户服务中心')).toBe(2);
    expect(count('dismissal', '景区客服')).toBe(1);
  });
});
