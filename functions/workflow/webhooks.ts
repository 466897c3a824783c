/**
 * Raising webhook events (#13) from the engine's changes. The event goes into the change's own
 * transaction (storage/webhook-outbox.ts), so a receiver hears of exactly the changes that
 * committed, and none is lost if the process dies after the commit. Finding the receivers is
 * one GetItem of the event type's subscriber set; the engine calls that read it within a
 * BatchGet they make anyway (`webhookPrefetch`), so it costs them no call.
 */
import { envelope, type WebhookEventData, type WebhookEventType } from '../domain/webhooks/events.js';
import { newId } from '../storage/ids.js';
import { webhookEventPut } from '../storage/webhook-outbox.js';
import { subscribersKey, subscribersOf } from '../storage/webhooks.js';
import type { TxItem } from '../storage/transact.js';
import type { WorkflowDeps } from './kinds.js';

/** Builds the event's transaction items (none when nobody subscribes). */
export type RaiseEvent<T extends WebhookEventType> = (data: WebhookEventData[T]) => TxItem[];

/** Looks up who subscribes to `type` now; the returned function makes the items for the change's transaction. */
export async function webhookEvents<T extends WebhookEventType>(deps: WorkflowDeps, type: T): Promise<RaiseEvent<T>> {
  const webhookIds = await subscribersOf(deps.store, type);
  if (webhookIds.length === 0) return () => [];
  return (data) => {
    const now = deps.now();
    const at = now.toISOString();
    const id = newId(now.getTime());
    return [webhookEventPut(deps.store, { id, type, at, webhookIds, body: JSON.stringify(envelope(id, type, at, data)) })];
  };
}

/** The read `webhookEvents` makes, for an engine call's `prefetch`. */
export const webhookPrefetch = (type: WebhookEventType) => ({ key: subscribersKey(type), strong: true });
