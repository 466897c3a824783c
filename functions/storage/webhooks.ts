/**
 * Webhook receivers (#13). A webhook is registered with the set of event types it wants; each
 * event type keeps the string set of its receivers' ids in one item (`WEBHOOKS#EVENT#<type>`),
 * so the change that raises an event finds its receivers with one GetItem — which the engine
 * reads in the BatchGet it already makes (read-once `prefetch`), at no extra call. Registering
 * and deleting update the webhook, the sets and the count in one transaction; the count's
 * condition enforces MAX_WEBHOOKS even when two administrators register at once.
 *
 * The signing secret is stored as it is (it must be recoverable to sign: a hash would not do)
 * and leaves this module only through `getWebhook` for the delivery; DynamoDB encrypts it at
 * rest. It is never listed, audited or logged.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import type { WebhookEventType } from '../domain/webhooks/events.js';
import { auditPut, type AuditInput } from './audit.js';
import type { Store } from './client.js';
import { WEBHOOKS, stripKeys, webhookCountKey, webhookKey, webhookSubscribersKey } from './keys.js';
import { transact, type TxItem } from './transact.js';

export interface Webhook {
  id: string;
  url: string;
  events: WebhookEventType[];
  createdBy: string;
  createdAt: string;
  version: number;
}

export type StoredWebhook = Webhook & { secret: string };

const visible = ({ secret: _s, ...rest }: StoredWebhook): Webhook => rest;

export async function createWebhook(store: Store, hook: StoredWebhook, max: number, audit: AuditInput): Promise<void> {
  await transact(store, [
    {
      write: {
        Put: {
          TableName: store.table,
          Item: { ...webhookKey(hook.id), entity: 'webhook', ...hook, gsi1pk: WEBHOOKS, gsi1sk: `${hook.createdAt}#${hook.id}` },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
    {
      write: {
        Update: {
          TableName: store.table,
          Key: webhookCountKey(),
          UpdateExpression: 'SET #n = if_not_exists(#n, :zero) + :one',
          ConditionExpression: 'attribute_not_exists(#n) OR #n < :max',
          ExpressionAttributeNames: { '#n': 'count' },
          ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':max': max },
        },
      },
      onConditionFailed: () => new DomainError('WEBHOOK.LIMIT', undefined, { max }),
    },
    ...hook.events.map((type) => subscribersChange(store, type, 'ADD', hook.id)),
    { write: auditPut(store, { ...audit, after: visible(hook) as unknown as Record<string, unknown> }) },
  ]);
}

export async function deleteWebhook(store: Store, hook: Webhook, audit: AuditInput): Promise<void> {
  await transact(store, [
    {
      write: { Delete: { TableName: store.table, Key: webhookKey(hook.id), ConditionExpression: 'attribute_exists(pk)' } },
      onConditionFailed: () => new DomainError('WEBHOOK.NOT_FOUND', 'id'),
    },
    {
      write: {
        Update: {
          TableName: store.table,
          Key: webhookCountKey(),
          UpdateExpression: 'SET #n = #n - :one',
          ExpressionAttributeNames: { '#n': 'count' },
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
    },
    ...hook.events.map((type) => subscribersChange(store, type, 'DELETE', hook.id)),
    { write: auditPut(store, audit) },
  ]);
}

function subscribersChange(store: Store, type: WebhookEventType, op: 'ADD' | 'DELETE', id: string): TxItem {
  return {
    write: {
      Update: {
        TableName: store.table,
        Key: webhookSubscribersKey(type),
        UpdateExpression: `${op} webhookIds :id`,
        ExpressionAttributeValues: { ':id': new Set([id]) },
      },
    },
  };
}

/** With its secret: for signing a delivery only. */
export async function getWebhook(store: Store, id: string): Promise<StoredWebhook | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: webhookKey(id), ConsistentRead: true }));
  return out.Item ? (stripKeys(out.Item) as StoredWebhook) : null;
}

/** Every webhook (at most MAX_WEBHOOKS: one Query), newest first, without secrets. */
export async function listWebhooks(store: Store): Promise<Webhook[]> {
  const out = await store.doc.send(new QueryCommand({
    TableName: store.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': WEBHOOKS }, ScanIndexForward: false, Limit: 100,
  }));
  return (out.Items ?? []).map((i) => visible(stripKeys(i) as StoredWebhook));
}

/** The key `subscribersOf` reads: an engine call puts it in the BatchGet it makes anyway. */
export const subscribersKey = (type: WebhookEventType) => webhookSubscribersKey(type);

/** The ids of the webhooks subscribed to `type` (one GetItem; strongly consistent: a webhook registered a moment ago counts). */
export async function subscribersOf(store: Store, type: WebhookEventType): Promise<string[]> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: webhookSubscribersKey(type), ConsistentRead: true }));
  const ids = out.Item?.webhookIds as Set<string> | undefined;
  return ids ? [...ids].sort() : [];
}
