import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from '../../../functions/domain/webhooks/retry.js';
import { claimDue, dueWebhookWork, listDeliveries } from '../../../functions/storage/webhook-outbox.js';
import { transact } from '../../../functions/storage/transact.js';
import { deliverWebhooks } from '../../../functions/workflow/webhook-delivery.js';
import { webhookEvents } from '../../../functions/workflow/webhooks.js';
import { testApi, type TestApi } from '../../support/api.js';
import { startReceiver, type Receiver } from '../../support/receiver.js';

/**
 * The delivery job's long paths (#13), on DynamoDB Local with a real receiver, without the
 * approval engine (so moving the clock a day fires nothing else): an event raised the way the
 * engine raises one, in a transaction of its own.
 */
let api: TestApi;
let receiver: Receiver;
let webhookId = '';

beforeAll(async () => {
  api = await testApi({ webhooksToPrivateNetworks: true });
  receiver = await startReceiver();
  const admin = await api.signIn(['admin']);
  const res = await api.request('POST', '/api/v1/webhooks', { token: admin, body: { url: receiver.url, events: ['request.finished'] } });
  webhookId = ((await res.json()) as { id: string }).id;
}, 60_000);

afterAll(async () => {
  await receiver?.stop();
  await api?.stop();
});

async function raise(requestId: string): Promise<void> {
  const finished = await webhookEvents(api.workflow, 'request.finished');
  await transact(api.store, finished({ requestKind: 'probation', requestId, outcome: 'approved', status: 'converted' }));
}

const deliveryOf = async (requestId: string) =>
  (await listDeliveries(api.store, { webhookId, limit: 100, now: api.clock.now })).items.find((d) => d.body.includes(requestId))!;

describe('the webhook delivery job', () => {
  it(`gives a delivery up after ${MAX_DELIVERY_ATTEMPTS} failed attempts over about a day; a replay can still deliver it`, async () => {
    receiver.answer.status = 503;
    try {
      await raise('r-given-up');
      for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
        expect(await deliverWebhooks(api.workflow)).toMatchObject({ delivered: 0, failed: 1 });
        const delay = retryDelayMs(attempt);
        if (delay !== null) api.clock.now = new Date(api.clock.now.getTime() + delay);
      }
      const given = await deliveryOf('r-given-up');
      expect(given).toMatchObject({ state: 'failed', attemptCount: MAX_DELIVERY_ATTEMPTS, nextAt: null });
      expect(given.attempts.every((a) => a.status === 503)).toBe(true);
      expect(Date.parse(given.attempts.at(-1)!.at) - Date.parse(given.attempts[0]!.at)).toBeGreaterThan(18 * 3600_000);
      // Nothing is left to try, however long one waits.
      api.clock.now = new Date(api.clock.now.getTime() + 7 * 86_400_000);
      expect(await deliverWebhooks(api.workflow)).toEqual({ events: 0, delivered: 0, failed: 0 });
    } finally {
      receiver.answer.status = 204;
    }
    const res = await api.request('POST', `/api/v1/webhooks/${webhookId}/deliveries/${(await deliveryOf('r-given-up')).id}/replay`, { token: await api.signIn(['admin']) });
    expect(((await res.json()) as { state: string }).state).toBe('delivered');
  }, 60_000);

  it('an attempt that never got recorded (the process died mid-send) is taken up again after its lease, and sent once', async () => {
    const before = receiver.received.length;
    await raise('r-crash');
    // Fan out through a run with the receiver down, so the due entry stays; then claim it and "crash".
    await receiver.down();
    await deliverWebhooks(api.workflow);
    await receiver.up();
    api.clock.now = new Date(api.clock.now.getTime() + 31_000);
    const [due] = (await dueWebhookWork(api.store, api.clock.now.toISOString(), 10)).filter((w) => w.kind === 'due');
    expect(due?.kind).toBe('due');
    if (due?.kind !== 'due') return;
    expect(await claimDue(api.store, due.due, new Date(api.clock.now.getTime() + 5 * 60_000).toISOString())).not.toBeNull();
    // Claimed by the dead run: not due for the next runs until the lease ends.
    expect(await deliverWebhooks(api.workflow)).toEqual({ events: 0, delivered: 0, failed: 0 });
    api.clock.now = new Date(api.clock.now.getTime() + 5 * 60_000);
    expect(await deliverWebhooks(api.workflow)).toEqual({ events: 0, delivered: 1, failed: 0 });
    expect(receiver.received.slice(before).filter((r) => r.body.includes('r-crash'))).toHaveLength(1);
    expect((await deliveryOf('r-crash')).state).toBe('delivered');
  }, 60_000);
});
