import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverWebhooks } from '../../../functions/workflow/webhook-delivery.js';
import { testApi, type TestApi } from '../../support/api.js';
import { until } from '../../support/mail.js';
import { buildOrg, createEmployee, type TestOrg } from '../../support/org.js';
import { startReceiver, type Received, type Receiver } from '../../support/receiver.js';

/**
 * Webhooks (#13) on the real engines: a receiver on 127.0.0.1 (so this app runs with
 * WEBHOOK_ALLOW_PRIVATE_NETWORKS on), the probation chain on the local Step Functions
 * endpoint, the delivery job driven on the test's clock as the scheduler would run it.
 */
let api: TestApi;
let org: TestOrg;
let receiver: Receiver;
let admin = '';
let hook: { id: string; secret: string };
const tokens: Record<string, string> = {};

beforeAll(async () => {
  api = await testApi({ workflows: true, webhooksToPrivateNetworks: true });
  org = await buildOrg(api);
  receiver = await startReceiver();
  admin = await api.signIn(['admin']);
  tokens.sup = await api.signIn(['supervisor'], org.supA.id, 'w.sup@example.com');
  tokens.manager = await api.signIn(['cs_manager'], org.csManager.id, 'w.manager@example.com');
  tokens.gm = await api.signIn(['gm'], org.gm.id, 'w.gm@example.com');
  tokens.hr = await api.signIn(['hr'], null, 'w.hr@example.com');
  const res = await api.request('POST', '/api/v1/webhooks', {
    token: admin, body: { url: receiver.url, events: ['request.started', 'step.opened', 'step.decided', 'request.finished'] },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  hook = (await res.json()) as { id: string; secret: string };
}, 120_000);

afterAll(async () => {
  await receiver?.stop();
  await api?.stop();
});

/** What a receiver does with the Standard Webhooks headers (docs/webhooks.md), written out here rather than borrowed from the sender. */
function verified(r: Received, secret = hook.secret): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${r.headers['webhook-id']}.${r.headers['webhook-timestamp']}.${r.body}`).digest();
  return (r.headers['webhook-signature'] ?? '').split(' ').some((sig) => {
    const [version, mac] = sig.split(',');
    const given = Buffer.from(mac ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

interface Event { id: string; type: string; timestamp: string; data: Record<string, unknown> }
const parse = (r: Received) => JSON.parse(r.body) as Event;
const about = (requestId: string) => receiver.received.map(parse).filter((e) => e.data.requestId === requestId);

interface Delivery { id: string; body: string; eventType: string; state: string; attemptCount: number; nextAt: string | null; attempts: { trigger: string; status: number | null; error: string | null; excerpt: string | null }[] }
async function deliveries(): Promise<Delivery[]> {
  const res = await api.request('GET', `/api/v1/webhooks/${hook.id}/deliveries?limit=200`, { token: admin });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Delivery[] }).items;
}

async function trainee(name: string) {
  return createEmployee(api, org.hr, { name, level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
}

async function startReview(name: string): Promise<string> {
  const e = await trainee(name);
  const res = await api.request('POST', '/api/v1/probation-reviews', { token: tokens.sup, body: { employeeId: e.id, kind: 'early' } });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function taskOf(who: string, requestId: string): Promise<{ id: string; stepKey: string }> {
  return until(async () => {
    const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: tokens[who] })).json()) as { items: { id: string; requestId: string; stepKey: string }[] };
    return page.items.find((t) => t.requestId === requestId);
  }, `${who}'s task on ${requestId}`);
}

/**
 * The delivery job run until it has nothing left to try now, as the minutely schedule would over
 * a few minutes at this same moment (a failure ends a webhook's run: the next run goes on).
 */
async function drain(): Promise<{ events: number; delivered: number; failed: number }> {
  const sum = { events: 0, delivered: 0, failed: 0 };
  for (let run = 0; run < 20; run++) {
    const r = await deliverWebhooks(api.workflow);
    sum.events += r.events;
    sum.delivered += r.delivered;
    sum.failed += r.failed;
    if (r.events + r.delivered + r.failed === 0) return sum;
  }
  throw new Error('the delivery job does not settle');
}

const SCORES = { dailyPerformance: 95, professionalTest: 92, interview: 90 };

describe('webhooks for integrations (#13)', () => {
  it('a probation review from start to finish reaches the receiver as signed events, in order, carrying ids and outcomes only', async () => {
    const id = await startReview('钩子新人');
    for (const [who, body] of [['sup', { decision: 'approve', scores: SCORES }], ['manager', { decision: 'approve' }], ['gm', { decision: 'approve' }], ['hr', { decision: 'approve' }]] as const) {
      const task = await taskOf(who, id);
      const res = await api.request('POST', `/api/v1/approvals/${task.id}/decision`, { token: tokens[who], body });
      expect(res.status, await res.clone().text()).toBe(200);
    }
    await until(async () => {
      const r = (await (await api.request('GET', `/api/v1/probation-reviews/${id}`, { token: org.hr })).json()) as { status: string };
      return r.status === 'converted';
    }, 'the conversion');

    expect(await drain()).toEqual({ events: 10, delivered: 10, failed: 0 });
    const events = about(id);
    expect(events.map((e) => [e.type, e.data.stepKey ?? e.data.status])).toEqual([
      ['request.started', 'in_review'],
      ['step.opened', 'supervisor'], ['step.decided', 'supervisor'],
      ['step.opened', 'cs_manager'], ['step.decided', 'cs_manager'],
      ['step.opened', 'gm'], ['step.decided', 'gm'],
      ['step.opened', 'hr'], ['step.decided', 'hr'],
      ['request.finished', 'converted'],
    ]);
    expect(events.at(-1)!.data).toEqual({ requestKind: 'probation', requestId: id, outcome: 'approved', status: 'converted' });
    expect(events[2]!.data).toMatchObject({ decision: 'approve', channel: 'api', requestKind: 'probation' });
    for (const r of receiver.received.filter((x) => parse(x).data.requestId === id)) {
      expect(verified(r)).toBe(true);
      expect(r.headers['webhook-id']).toBe(parse(r).id);
      expect(Number(r.headers['webhook-timestamp'])).toBe(Math.floor(api.clock.now.getTime() / 1000));
      // Ids and what changed: no names, scores or comments. (The score as a JSON number: an id
      // may hold the digits 95 by chance.)
      expect(r.body).not.toMatch(/钩子新人|同意|[:[,]95(\.\d+)?[,\]}]/);
    }
    // A tampered body does not verify.
    const first = receiver.received.find((x) => parse(x).data.requestId === id)!;
    expect(verified({ ...first, body: first.body.replace('in_review', 'converted') })).toBe(false);
    // Each delivery is listed with its answer; nothing is left to send.
    const listed = (await deliveries()).filter((d) => events.some((e) => e.id === d.id));
    expect(listed).toHaveLength(10);
    expect(listed.every((d) => d.state === 'delivered' && d.attempts.length === 1 && d.attempts[0]!.status === 204)).toBe(true);
    expect(await drain()).toEqual({ events: 0, delivered: 0, failed: 0 });
  }, 120_000);

  it('a decision that lost (409) raises nothing: only the change that committed is announced', async () => {
    const id = await startReview('并发决定');
    const task = await taskOf('sup', id);
    const [a, b] = await Promise.all([
      api.request('POST', `/api/v1/approvals/${task.id}/decision`, { token: tokens.sup, body: { decision: 'reject', comment: '需要更多观察' } }),
      api.request('POST', `/api/v1/approvals/${task.id}/decision`, { token: tokens.sup, body: { decision: 'reject', comment: '重复点击' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    await until(async () => ((await (await api.request('GET', `/api/v1/probation-reviews/${id}`, { token: org.hr })).json()) as { status: string }).status === 'rejected', 'the rejection');
    await drain();
    expect(about(id).map((e) => e.type)).toEqual(['request.started', 'step.opened', 'step.decided', 'request.finished']);
    expect(about(id).at(-1)!.data).toMatchObject({ outcome: 'rejected', status: 'rejected' });
  }, 60_000);

  it('with the receiver down the attempts fail and are recorded; after the clock moves, the retry delivers each event once', async () => {
    await receiver.down();
    const id = await startReview('接收方宕机');
    await taskOf('sup', id);
    expect(await drain()).toEqual({ events: 2, delivered: 0, failed: 2 });
    const mine = async () => (await deliveries()).filter((d) => JSON.parse(d.body).data.requestId === id);
    for (const d of await mine()) {
      expect(d).toMatchObject({ state: 'pending', attemptCount: 1, nextAt: new Date(api.clock.now.getTime() + 30_000).toISOString() });
      expect(d.attempts).toEqual([expect.objectContaining({ trigger: 'scheduled', status: null, error: expect.stringMatching(/ECONNREFUSED/) })]);
    }

    // Still down at the first retry: the next one waits three times as long (exponential backoff).
    api.clock.now = new Date(api.clock.now.getTime() + 31_000);
    expect(await drain()).toEqual({ events: 0, delivered: 0, failed: 2 });
    for (const d of await mine()) expect(d).toMatchObject({ attemptCount: 2, nextAt: new Date(api.clock.now.getTime() + 90_000).toISOString() });

    await receiver.up();
    api.clock.now = new Date(api.clock.now.getTime() + 91_000);
    expect(await drain()).toEqual({ events: 0, delivered: 2, failed: 0 });
    expect(about(id).map((e) => e.type)).toEqual(['request.started', 'step.opened']);
    for (const d of await mine()) {
      expect(d.state).toBe('delivered');
      expect(d.attempts.map((t) => t.status)).toEqual([null, null, 204]);
    }
  }, 60_000);

  it('a receiver that answers an error is retried; its answer is kept for the console', async () => {
    receiver.answer.status = 500;
    receiver.answer.body = 'database is locked';
    let id: string;
    try {
      id = await startReview('接收方报错');
      await taskOf('sup', id);
      expect(await drain()).toMatchObject({ delivered: 0, failed: 2 });
      const failed = (await deliveries()).filter((d) => d.state === 'pending');
      expect(failed).toHaveLength(2);
      expect(failed[0]!.attempts).toEqual([expect.objectContaining({ status: 500, excerpt: 'database is locked', error: null })]);
    } finally {
      receiver.answer.status = 204;
      receiver.answer.body = '';
    }
    api.clock.now = new Date(api.clock.now.getTime() + 31_000);
    expect(await drain()).toEqual({ events: 0, delivered: 2, failed: 0 });
    // The receiver saw each event twice (answered 500, then 204), with the same webhook-id: it can tell a retry from a new event.
    const seen = about(id);
    expect(seen.map((e) => e.type)).toEqual(['request.started', 'step.opened', 'request.started', 'step.opened']);
    expect(seen[2]!.id).toBe(seen[0]!.id);
  }, 60_000);

  it('重新发送 sends a delivery again now: the same body and webhook-id, a fresh signature, the attempt recorded', async () => {
    const [latest] = await deliveries();
    const before = receiver.received.length;
    api.clock.now = new Date(api.clock.now.getTime() + 5_000);
    const res = await api.request('POST', `/api/v1/webhooks/${hook.id}/deliveries/${latest!.id}/replay`, { token: admin });
    expect(res.status, await res.clone().text()).toBe(200);
    const replayed = (await res.json()) as Delivery;
    expect(replayed.state).toBe('delivered');
    expect(replayed.attempts.at(-1)).toMatchObject({ trigger: 'replay', status: 204 });
    expect(replayed.attemptCount).toBe(latest!.attemptCount);
    const got = receiver.received.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]!.headers['webhook-id']).toBe(latest!.id);
    expect(Number(got[0]!.headers['webhook-timestamp'])).toBe(Math.floor(api.clock.now.getTime() / 1000));
    expect(verified(got[0]!)).toBe(true);
    expect((await api.request('POST', `/api/v1/webhooks/${hook.id}/deliveries/nope/replay`, { token: admin })).status).toBe(404);
  }, 30_000);

  it('without WEBHOOK_ALLOW_PRIVATE_NETWORKS a private address is refused at registration (400 naming url) and at delivery (recorded, nothing sent)', async () => {
    api.workflow.webhooks.allowPrivateNetworks = false;
    try {
      for (const url of [receiver.url, 'http://localhost:8080/x', 'http://169.254.169.254/latest/meta-data/', 'http://10.1.2.3/', 'http://[::1]:9/', 'http://[fd00::1]/', 'http://[::ffff:192.168.1.1]/']) {
        const res = await api.request('POST', '/api/v1/webhooks', { token: admin, body: { url, events: ['step.opened'] } });
        expect(res.status, url).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(await res.json()).toMatchObject({ code: 'WEBHOOK.URL_PRIVATE_ADDRESS', errors: [{ path: 'url' }] });
      }
      const ftp = await api.request('POST', '/api/v1/webhooks', { token: admin, body: { url: 'ftp://example.com/x', events: ['step.opened'] } });
      expect(await ftp.json()).toMatchObject({ code: 'WEBHOOK.URL_SCHEME', errors: [{ path: 'url' }] });

      // Registered while allowed (or a public name re-pointed at 127.0.0.1 since): refused at delivery time.
      const before = receiver.received.length;
      const id = await startReview('内网拒绝');
      await taskOf('sup', id);
      expect(await drain()).toEqual({ events: 2, delivered: 0, failed: 2 });
      expect(receiver.received.length).toBe(before);
      const refused = (await deliveries()).filter((d) => d.state === 'pending');
      expect(refused).toHaveLength(2);
      for (const d of refused) expect(d.attempts).toEqual([expect.objectContaining({ status: null, error: expect.stringMatching(/not public/) })]);
    } finally {
      api.workflow.webhooks.allowPrivateNetworks = true;
    }
    api.clock.now = new Date(api.clock.now.getTime() + 31_000);
    expect(await drain()).toEqual({ events: 0, delivered: 2, failed: 0 });
  }, 60_000);

  it('with the mail transport down the events are still delivered; the mail waits in its own outbox', async () => {
    await api.mail!.stop();
    const id = await startReview('邮件宕机');
    await taskOf('sup', id);
    expect(await drain()).toEqual({ events: 2, delivered: 2, failed: 0 });
    expect(about(id).map((e) => e.type)).toEqual(['request.started', 'step.opened']);
  }, 60_000);

  it('a deleted webhook gets nothing more; what was still due is dropped', async () => {
    const id = await startReview('删除之后');
    await taskOf('sup', id);
    expect((await api.request('DELETE', `/api/v1/webhooks/${hook.id}`, { token: admin })).status).toBe(204);
    const before = receiver.received.length;
    expect(await drain()).toEqual({ events: 2, delivered: 0, failed: 0 });
    expect(receiver.received.length).toBe(before);
    expect(await deliverWebhooks(api.workflow)).toEqual({ events: 0, delivered: 0, failed: 0 });
  }, 60_000);
});
