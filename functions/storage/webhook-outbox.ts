/**
 * The webhook outbox (#13), beside the mail outbox (outbox.ts) and kept apart from it: a
 * webhook delivery has a history an administrator reads (every attempt's answer), mail does not.
 *
 * 1. A change that raises an event writes one *event* item in its own transaction
 *    (`webhookEventPut`: the body and the ids of the webhooks subscribed then), so an event is
 *    never lost and never sent for a change that did not commit, and the change's transaction
 *    grows by one item whatever the number of receivers.
 * 2. The delivery job fans it out (`fanOut`): one *delivery* per webhook (its attempts, kept 30
 *    days) and one *due* entry each, in one transaction that also removes the event.
 * 3. A due entry is claimed before its attempt (moved to a lease time, so a crash mid-attempt
 *    is retried after the lease, and two runs never send the same entry at once), then the
 *    attempt is recorded with the next due entry, if any (`recordAttempt`).
 *
 * Everything due sorts in one partition by time: one Query finds what to do.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { WebhookEventType } from '../domain/webhooks/events.js';
import type { Store } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { WEBHOOK_OUTBOX, stripKeys, webhookDeliveryKey } from './keys.js';
import { transact, type TxItem } from './transact.js';

export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  /** The exact body every delivery of it sends (signed as is). */
  body: string;
  webhookIds: string[];
  at: string;
}

export interface WebhookAttempt {
  at: string;
  /** The schedule's attempt, or an administrator's 重新发送. */
  trigger: 'scheduled' | 'replay';
  /** The receiver's HTTP status; null when there was no answer (refused, timed out, unreachable). */
  status: number | null;
  /** The first characters of the answer's body. */
  excerpt: string | null;
  error: string | null;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'cancelled';

export interface WebhookDelivery {
  /** The event's id (`webhook-id`): one delivery per event and webhook. */
  id: string;
  webhookId: string;
  eventType: WebhookEventType;
  body: string;
  state: DeliveryState;
  /** How many scheduled attempts were made (replays are not counted against the schedule). */
  attemptCount: number;
  /** Newest last; the last MAX_KEPT_ATTEMPTS. */
  attempts: WebhookAttempt[];
  nextAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DueDelivery {
  webhookId: string;
  eventId: string;
  at: string;
}

export type OutboxWork = { kind: 'event'; event: WebhookEvent } | { kind: 'due'; due: DueDelivery };

const RETENTION_SECONDS = 30 * 86400;
const MAX_KEPT_ATTEMPTS = 20;

const eventSk = (e: Pick<WebhookEvent, 'at' | 'id'>) => `${e.at}#e#${e.id}`;
const dueSk = (d: DueDelivery) => `${d.at}#d#${d.webhookId}#${d.eventId}`;
const duePut = (store: Store, d: DueDelivery) => ({ Put: { TableName: store.table, Item: { pk: WEBHOOK_OUTBOX, sk: dueSk(d), entity: 'webhookDue', ...d } } });

/** The event's outbox item, for the transaction of the change that raises it. */
export function webhookEventPut(store: Store, event: WebhookEvent): TxItem {
  return { write: { Put: { TableName: store.table, Item: { pk: WEBHOOK_OUTBOX, sk: eventSk(event), entity: 'webhookEvent', ...event } } } };
}

/** Events to fan out and deliveries due at `now`, oldest first (one Query). */
export async function dueWebhookWork(store: Store, now: string, limit: number): Promise<OutboxWork[]> {
  const out = await store.doc.send(new QueryCommand({
    TableName: store.table, KeyConditionExpression: 'pk = :pk AND sk <= :now', ExpressionAttributeValues: { ':pk': WEBHOOK_OUTBOX, ':now': `${now}#~` }, Limit: limit, ConsistentRead: true,
  }));
  return (out.Items ?? []).map(({ pk: _p, sk: _s, entity, ...rest }): OutboxWork =>
    entity === 'webhookEvent' ? { kind: 'event', event: rest as unknown as WebhookEvent } : { kind: 'due', due: rest as unknown as DueDelivery });
}

class Taken extends Error {}

async function unlessTaken(run: () => Promise<void>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (err) {
    if (err instanceof Taken || err instanceof TransactionCanceledException) return false;
    throw err;
  }
}

/** One delivery per subscribed webhook, each due `at`; false when another run did it first. */
export function fanOut(store: Store, event: WebhookEvent, at: string): Promise<boolean> {
  const expiresAt = Math.floor(Date.parse(event.at) / 1000) + RETENTION_SECONDS;
  return unlessTaken(() => transact(store, [
    {
      write: { Delete: { TableName: store.table, Key: { pk: WEBHOOK_OUTBOX, sk: eventSk(event) }, ConditionExpression: 'attribute_exists(pk)' } },
      onConditionFailed: () => new Taken(),
    },
    ...event.webhookIds.flatMap((webhookId): TxItem[] => {
      const delivery: WebhookDelivery = {
        id: event.id, webhookId, eventType: event.type, body: event.body, state: 'pending', attemptCount: 0, attempts: [], nextAt: at, createdAt: event.at, updatedAt: at,
      };
      return [
        { write: { Put: { TableName: store.table, Item: { ...webhookDeliveryKey(webhookId, event.id), entity: 'webhookDelivery', ...delivery, expiresAt } } } },
        { write: duePut(store, { webhookId, eventId: event.id, at }) },
      ];
    }),
  ]));
}

/**
 * Takes a due entry for one attempt: it moves to `leaseUntil`, when it is due again should the
 * attempt never be recorded (a crash). Null when another run took it first.
 */
export async function claimDue(store: Store, due: DueDelivery, leaseUntil: string): Promise<DueDelivery | null> {
  const leased = { ...due, at: leaseUntil };
  const ok = await unlessTaken(() => transact(store, [
    {
      write: { Delete: { TableName: store.table, Key: { pk: WEBHOOK_OUTBOX, sk: dueSk(due) }, ConditionExpression: 'attribute_exists(pk)' } },
      onConditionFailed: () => new Taken(),
    },
    { write: duePut(store, leased) },
  ]));
  return ok ? leased : null;
}

export async function getDelivery(store: Store, webhookId: string, eventId: string): Promise<WebhookDelivery | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: webhookDeliveryKey(webhookId, eventId), ConsistentRead: true }));
  return out.Item ? (stripKeys(out.Item) as unknown as WebhookDelivery) : null;
}

/**
 * Records an attempt's answer and what follows: `state`, the next due time and the due entry
 * this attempt came from (`from`, a scheduled attempt), which is replaced by one at `nextAt`.
 */
export async function recordAttempt(
  store: Store,
  r: { delivery: WebhookDelivery; attempt: WebhookAttempt; state: DeliveryState; nextAt: string | null; counted: boolean; from: DueDelivery | null },
): Promise<WebhookDelivery> {
  const next: WebhookDelivery = {
    ...r.delivery,
    state: r.state,
    nextAt: r.nextAt,
    attemptCount: r.delivery.attemptCount + (r.counted ? 1 : 0),
    attempts: [...r.delivery.attempts, r.attempt].slice(-MAX_KEPT_ATTEMPTS),
    updatedAt: r.attempt.at,
  };
  await transact(store, [
    {
      write: {
        Update: {
          TableName: store.table,
          Key: webhookDeliveryKey(next.webhookId, next.id),
          UpdateExpression: 'SET #state = :state, nextAt = :nextAt, attemptCount = :count, attempts = :attempts, updatedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':state': next.state, ':nextAt': next.nextAt, ':count': next.attemptCount, ':attempts': next.attempts, ':at': next.updatedAt },
        },
      },
    },
    ...(r.from ? [{ write: { Delete: { TableName: store.table, Key: { pk: WEBHOOK_OUTBOX, sk: dueSk(r.from) } } } }] : []),
    // Only the schedule's own attempt schedules the next one (a replay leaves the schedule as it is).
    ...(r.nextAt && r.from ? [{ write: duePut(store, { webhookId: next.webhookId, eventId: next.id, at: r.nextAt }) }] : []),
  ]);
  return next;
}

/** A due entry with nothing left to do (its webhook was deleted, or a replay delivered it). */
export async function dropDue(store: Store, due: DueDelivery, delivery: WebhookDelivery | null, state: DeliveryState): Promise<void> {
  await transact(store, [
    { write: { Delete: { TableName: store.table, Key: { pk: WEBHOOK_OUTBOX, sk: dueSk(due) } } } },
    ...(delivery && delivery.state === 'pending'
      ? [{ write: { Update: { TableName: store.table, Key: webhookDeliveryKey(delivery.webhookId, delivery.id), UpdateExpression: 'SET #state = :s, nextAt = :null', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':s': state, ':null': null } } } }]
      : []),
  ]);
}

/** A webhook's deliveries, newest first, a page at a time (expired ones are not shown: DynamoDB Local keeps them). */
export async function listDeliveries(
  store: Store,
  q: { webhookId: string; limit: number; cursor?: string | undefined; now: Date },
): Promise<{ items: WebhookDelivery[]; nextCursor: string | null }> {
  const fp = { t: 'deliveries', w: q.webhookId };
  const out = await store.doc.send(new QueryCommand({
    TableName: store.table,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :d)',
    FilterExpression: 'expiresAt > :now',
    ExpressionAttributeValues: { ':pk': webhookDeliveryKey(q.webhookId, '').pk, ':d': 'DELIVERY#', ':now': Math.floor(q.now.getTime() / 1000) },
    ScanIndexForward: false,
    Limit: q.limit,
    ExclusiveStartKey: decodeCursor(q.cursor, fp),
  }));
  return { items: (out.Items ?? []).map((i) => stripKeys(i) as unknown as WebhookDelivery), nextCursor: encodeCursor(out.LastEvaluatedKey, fp) };
}
