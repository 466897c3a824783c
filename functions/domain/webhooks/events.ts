/**
 * The webhook events (issue #13): what other systems can subscribe to, and what each carries.
 * Payloads carry ids and what changed — never names, comments, scores or salaries: a receiver
 * that needs more fetches it with its API key, so what it may see stays decided by the key's
 * scopes (docs/webhooks.md).
 */
export const WEBHOOK_EVENT_TYPES = ['request.started', 'step.opened', 'step.decided', 'request.finished'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Who or what decided: a user id, or `system` (a deadline, a skip by policy, a timed step). */
export type DeciderId = string;

export interface WebhookEventData {
  'request.started': { requestKind: string; requestId: string; status: string; startedBy: string | null; startAt: string };
  'step.opened': { requestKind: string; requestId: string; stepKey: string; stepId: string; dueAt: string; approverIds: string[] };
  'step.decided': {
    requestKind: string; requestId: string; stepKey: string; stepId: string;
    decision: 'approve' | 'reject' | 'return'; decidedBy: DeciderId; channel: string;
    /** 退回: the step (or `requester`) the request went back to. */
    returnTo?: string;
  };
  'request.finished': {
    requestKind: string; requestId: string;
    /** How the chain ended. */
    outcome: 'approved' | 'rejected' | 'failed' | 'withdrawn';
    /** The request's own status after it (a probation review: converted, extended, ended, rejected…). */
    status: string;
  };
}

/** The body every delivery sends (the Standard Webhooks payload layout: type, timestamp, data). */
export interface WebhookEnvelope<T extends WebhookEventType = WebhookEventType> {
  /** The event's id, also sent as the `webhook-id` header (the same on every retry and replay). */
  id: string;
  type: T;
  /** When the change happened (ISO-8601, UTC). */
  timestamp: string;
  data: WebhookEventData[T];
}

export function envelope<T extends WebhookEventType>(id: string, type: T, timestamp: string, data: WebhookEventData[T]): WebhookEnvelope<T> {
  return { id, type, timestamp, data };
}

/**
 * At most this many receivers per installation. A change writes one outbox item for its event
 * whatever the number of receivers (the list of their ids), so the cap does not bound the
 * change's own transaction; it bounds the fan-out, which turns that item into one delivery and
 * one due entry per receiver in a single transaction (2 × 20 + 1 = 41 of DynamoDB's 100 items),
 * the subscriber set read with each change (one small item), and the parallel lanes of a
 * delivery run. A department needs a handful (an HR system, a chat bot, a data warehouse).
 */
export const MAX_WEBHOOKS = 20;
