import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from '../../../infra/local/mail-catcher.js';
import { dueMail } from '../../../functions/storage/outbox.js';
import { flushOutbox } from '../../../functions/workflow/notify.js';
import { testApi, type TestApi } from '../../support/api.js';
import { decisionLinks, inbox, until, waitForMail } from '../../support/mail.js';
import { buildOrg, createEmployee, type TestOrg } from '../../support/org.js';

/**
 * The mail transport down (reliability issue): the real mail catcher is stopped, so SMTP
 * connections are refused. Decisions are still recorded; the mail waits in the outbox and is
 * delivered once the transport is back — deferred, not lost, and not sent twice.
 */
let api: TestApi;
let org: TestOrg;
let revived: MailCatcher | null = null;
let revivedDir = '';

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
}, 120_000);

afterAll(async () => {
  await revived?.stop();
  if (revivedDir) await rm(revivedDir, { recursive: true, force: true });
  await api?.stop();
});

describe('mail outbox', () => {
  let lead = '';
  let sup = '';
  beforeAll(async () => {
    lead = await api.signIn(['team_lead'], org.leadA.id, 'o.lead@example.com');
    sup = await api.signIn(['supervisor'], org.supA.id, 'o.sup@example.com');
  });

  /** A process that dies in the middle of sending cannot be timed for real: this stand-in transport never answers. */
  function dyingTransport(): { tried: () => number; giveUp: () => void; restore: () => void } {
    const realMailer = api.workflow.mailer;
    let tried = 0;
    let giveUp: (error: Error) => void = () => undefined;
    api.workflow.mailer = { ...realMailer, send: () => new Promise((_, reject) => { tried += 1; giveUp = reject; }) };
    return { tried: () => tried, giveUp: () => giveUp(new Error('the process is gone')), restore: () => { api.workflow.mailer = realMailer; } };
  }

  it('a crash between opening a step and sending its request mail delays the mail, never loses it: the outbox sends it once', async () => {
    const dying = dyingTransport();
    try {
      const e = await createEmployee(api, org.hr, { name: '中途崩溃', level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
      const res = await api.request('POST', '/api/v1/probation-reviews', { token: lead, body: { employeeId: e.id, kind: 'early' } });
      expect(res.status).toBe(201);
      await until(async () => dying.tried() > 0, 'the step’s handler to reach the send');
    } finally {
      dying.restore();
    }
    // Nothing went out; the mail was written with the step, due half a minute later.
    expect(await inbox(api.mail!, 'o.sup@example.com')).toEqual([]);
    expect(await flushOutbox(api.workflow)).toEqual({ sent: 0, failed: 0 });
    api.clock.now = new Date(api.clock.now.getTime() + 60_000);
    expect(await flushOutbox(api.workflow)).toEqual({ sent: 1, failed: 0 });
    const mail = await waitForMail(api.mail!, 'o.sup@example.com', /中途崩溃/);
    expect(decisionLinks(mail).approve).toMatch(/\/a\/[\w.-]+$/);
    expect(await flushOutbox(api.workflow)).toEqual({ sent: 0, failed: 0 });
    dying.giveUp();

    // Without a crash the mail is sent at once and leaves nothing behind in the outbox.
    const f = await createEmployee(api, org.hr, { name: '正常发送', level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
    expect((await api.request('POST', '/api/v1/probation-reviews', { token: lead, body: { employeeId: f.id, kind: 'early' } })).status).toBe(201);
    await waitForMail(api.mail!, 'o.sup@example.com', /正常发送/);
    expect(await dueMail(api.store, new Date(api.clock.now.getTime() + 86_400_000).toISOString())).toEqual([]);
  }, 60_000);

  it('a crash between a transfer (转交) and its mail: the new approver still gets it, from the outbox', async () => {
    const manager = await api.signIn(['cs_manager'], org.csManager.id, 'o.mgr@example.com');
    const managerId = ((await (await api.request('GET', '/api/v1/users/me', { token: manager })).json()) as { id: string }).id;
    const pending = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: sup })).json()) as { items: Array<{ id: string; title: string }> };
    const task = pending.items.find((t) => t.title.includes('正常发送'))!;
    const dying = dyingTransport();
    let answer: Promise<Response>;
    try {
      answer = Promise.resolve(api.request('POST', `/api/v1/approvals/${task.id}/transfer`, { token: sup, body: { toUserId: managerId, comment: '请经理评估' } }));
      await until(async () => dying.tried() > 0, 'the transfer to reach the send');
    } finally {
      dying.restore();
    }
    expect(await inbox(api.mail!, 'o.mgr@example.com')).toEqual([]);
    api.clock.now = new Date(api.clock.now.getTime() + 60_000);
    expect(await flushOutbox(api.workflow)).toEqual({ sent: 1, failed: 0 });
    const mail = await waitForMail(api.mail!, 'o.mgr@example.com', /正常发送/);
    expect(mail.text).toContain('请经理评估');
    dying.giveUp();
    expect((await answer).status).toBe(200);
    expect(await flushOutbox(api.workflow)).toEqual({ sent: 0, failed: 0 });
  }, 60_000);

  it('with the mail server down the review still opens; its email goes out when the server is back, once', async () => {
    const smtpPort = api.mail!.smtpPort;
    await api.mail!.stop();

    const e = await createEmployee(api, org.hr, { name: '邮件延迟', level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
    const res = await api.request('POST', '/api/v1/probation-reviews', { token: lead, body: { employeeId: e.id, kind: 'early' } });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    // The step opened and the approver's task exists, though the mail could not be sent.
    await until(async () => {
      const r = (await (await api.request('GET', `/api/v1/probation-reviews/${id}`, { token: org.hr })).json()) as { currentStep: string | null; steps: unknown[] };
      return r.steps.length === 1 ? r : undefined;
    }, 'the supervisor step to open');
    const queued = await until(async () => {
      const due = await dueMail(api.store, new Date(api.clock.now.getTime() + 3600_000).toISOString());
      return due.length > 0 ? due : undefined;
    }, 'the mail to wait in the outbox');
    expect(queued.map((m) => m.to)).toEqual(['o.sup@example.com']);

    // Too early: nothing is due yet, nothing is tried.
    expect(await flushOutbox(api.workflow)).toEqual({ sent: 0, failed: 0 });

    // Still down when it is due: it stays queued for a later attempt.
    api.clock.now = new Date(api.clock.now.getTime() + 60_000);
    expect(await flushOutbox(api.workflow)).toEqual({ sent: 0, failed: 1 });

    revivedDir = await mkdtemp(join(tmpdir(), 'cs-mail-'));
    revived = await startMailCatcher({ mailDir: revivedDir, smtpPort, webPort: 0, host: '127.0.0.1' });
    api.clock.now = new Date(api.clock.now.getTime() + 3600_000);
    expect(await flushOutbox(api.workflow)).toEqual({ sent: 1, failed: 0 });
    const mail = await waitForMail(revived, 'o.sup@example.com', /邮件延迟/);
    expect(mail.subject).toContain('主管评估');
    expect(await flushOutbox(api.workflow)).toEqual({ sent: 0, failed: 0 });
    expect(await dueMail(api.store, new Date(api.clock.now.getTime() + 86_400_000).toISOString())).toEqual([]);
  }, 60_000);
});
