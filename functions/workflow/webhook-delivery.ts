/**
 * Sending webhook deliveries (#13): signed (Standard Webhooks), to public addresses only (the
 * receiver's name is resolved again before every attempt: a name re-pointed at a private
 * address after registration is refused then too), retried with backoff on the injected clock,
 * each attempt's answer recorded for the console. A job (`deliverWebhooks`, jobs.ts) drains the
 * outbox every minute; `replayDelivery` sends one again at an administrator's request.
 */
import { lookup } from 'node:dns/promises';
import { DomainError } from '../domain/errors.js';
import { ipLiteral, isNonPublicAddress } from '../domain/webhooks/addresses.js';
import { parseReceiverUrl, type ReceiverRules, type UrlRefusal } from '../domain/webhooks/receiver-url.js';
import { nextAttemptAt } from '../domain/webhooks/retry.js';
import { signDelivery } from '../domain/webhooks/signature.js';
import {
  claimDue, dropDue, dueWebhookWork, fanOut, getDelivery, recordAttempt,
  type DueDelivery, type WebhookAttempt, type WebhookDelivery,
} from '../storage/webhook-outbox.js';
import { getWebhook, type StoredWebhook } from '../storage/webhooks.js';
import type { WorkflowDeps } from './kinds.js';

/** A receiver has this long to answer. */
const TIMEOUT_MS = 8_000;
/** A claimed attempt that was never recorded (a crash) is due again after this. */
const LEASE_MS = 5 * 60_000;
/** Per run and webhook (one lane each, in parallel): at most this many attempts, stopping at the first failure. */
const PER_WEBHOOK = 25;
/**
 * No attempt starts this long after the run began (on the injected clock), so a run of slow
 * receivers ends within the workflow function's 60 s (the next run, a minute later, goes on).
 */
const RUN_BUDGET_MS = 40_000;
const EXCERPT_CHARS = 200;

export type ReceiverCheck = { ok: true; url: URL } | { ok: false; reason: UrlRefusal };

/**
 * Is `raw` a URL deliveries may go to? The rules that need no network, then — unless private
 * networks are allowed — every address its host resolves to must be public.
 */
export async function checkReceiverUrl(rules: ReceiverRules, raw: string): Promise<ReceiverCheck> {
  const parsed = parseReceiverUrl(raw, rules);
  if (!parsed.ok || rules.allowPrivateNetworks) return parsed;
  const host = parsed.url.hostname;
  const literal = ipLiteral(host);
  let addresses: string[];
  if (literal) addresses = [literal];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      return { ok: false, reason: 'unresolvable' };
    }
  }
  if (addresses.length === 0) return { ok: false, reason: 'unresolvable' };
  return addresses.some(isNonPublicAddress) ? { ok: false, reason: 'private_address' } : parsed;
}

/** One POST of a delivery; never throws (the answer, or why there was none, is the result). */
export async function attemptDelivery(deps: WorkflowDeps, hook: StoredWebhook, delivery: WebhookDelivery, trigger: WebhookAttempt['trigger']): Promise<WebhookAttempt> {
  const now = deps.now();
  const base = { at: now.toISOString(), trigger };
  const check = await checkReceiverUrl(deps.webhooks, hook.url);
  if (!check.ok) return { ...base, status: null, excerpt: null, error: `refused: ${check.reason === 'private_address' ? 'the address is not public (SSRF rule)' : check.reason}` };
  const timestamp = Math.floor(now.getTime() / 1000);
  try {
    const res = await fetch(check.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'cs-department-webhooks/1',
        'webhook-id': delivery.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signDelivery(hook.secret, delivery.id, timestamp, delivery.body),
      },
      body: delivery.body,
      // A redirect could lead anywhere, past the address check: it counts as a failure.
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const excerpt = await readExcerpt(res);
    const redirected = res.status >= 300 && res.status < 400;
    return { ...base, status: res.status, excerpt, error: redirected ? 'redirects are not followed' : null };
  } catch (err) {
    return { ...base, status: null, excerpt: null, error: describeFailure(err) };
  }
}

const succeeded = (a: WebhookAttempt) => a.status !== null && a.status >= 200 && a.status < 300;

async function readExcerpt(res: Response): Promise<string | null> {
  if (!res.body) return null;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < EXCERPT_CHARS * 4) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // The answer's status is what counts; a body cut short is shown as far as it came.
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  const text = Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_CHARS).trim();
  return text || null;
}

function describeFailure(err: unknown): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return `could not connect (${cause.code})`;
  return err instanceof Error ? err.message.slice(0, EXCERPT_CHARS) : 'failed';
}

/** The scheduled job: fans out new events, then sends what is due. Idempotent; bounded per run. */
export async function deliverWebhooks(deps: WorkflowDeps): Promise<{ events: number; delivered: number; failed: number }> {
  const started = deps.now();
  const at = started.toISOString();
  const stopAt = started.getTime() + RUN_BUDGET_MS;
  let work = await dueWebhookWork(deps.store, at, 50);
  let events = 0;
  for (const item of work) if (item.kind === 'event' && (await fanOut(deps.store, item.event, at))) events += 1;
  if (events > 0) work = await dueWebhookWork(deps.store, at, 50);
  const lanes = new Map<string, DueDelivery[]>();
  for (const item of work) if (item.kind === 'due') lanes.set(item.due.webhookId, [...(lanes.get(item.due.webhookId) ?? []), item.due]);
  const results = await Promise.all([...lanes.entries()].map(([webhookId, dues]) => runLane(deps, webhookId, dues.slice(0, PER_WEBHOOK), stopAt)));
  const delivered = results.reduce((n, r) => n + r.delivered, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  if (events + delivered + failed > 0) deps.log('info', 'webhooks delivered', { events, delivered, failed });
  return { events, delivered, failed };
}

/** One webhook's due deliveries in order; a failure ends the lane (the rest would likely fail the same way). */
async function runLane(deps: WorkflowDeps, webhookId: string, dues: DueDelivery[], stopAt: number): Promise<{ delivered: number; failed: number }> {
  let delivered = 0;
  let failed = 0;
  const hook = await getWebhook(deps.store, webhookId);
  for (const due of dues) {
    const now = deps.now();
    if (now.getTime() >= stopAt) break;
    try {
      const claimed = await claimDue(deps.store, due, new Date(now.getTime() + LEASE_MS).toISOString());
      if (!claimed) continue;
      const delivery = await getDelivery(deps.store, due.webhookId, due.eventId);
      // Deleted webhook, or delivered meanwhile by a replay: nothing left to send.
      if (!hook || !delivery || delivery.state !== 'pending') {
        await dropDue(deps.store, claimed, delivery, 'cancelled');
        continue;
      }
      const attempt = await attemptDelivery(deps, hook, delivery, 'scheduled');
      const ok = succeeded(attempt);
      const nextAt = ok ? null : nextAttemptAt(delivery.attemptCount + 1, deps.now());
      await recordAttempt(deps.store, { delivery, attempt, state: ok ? 'delivered' : nextAt ? 'pending' : 'failed', nextAt, counted: true, from: claimed });
      if (ok) {
        delivered += 1;
        continue;
      }
      failed += 1;
      deps.log(nextAt ? 'warn' : 'error', nextAt ? 'webhook delivery failed; retried later' : 'webhook delivery given up after retries', {
        webhookId, eventId: delivery.id, status: attempt.status, attempts: delivery.attemptCount + 1,
      });
      break;
    } catch (err) {
      deps.log('warn', 'webhook delivery not recorded; retried after its lease', { webhookId, eventId: due.eventId, error: err instanceof Error ? err.name : String(err) });
      break;
    }
  }
  return { delivered, failed };
}

/**
 * 重新发送: sends a delivery again now, whatever its state, and records the answer. A success
 * marks it delivered (a scheduled retry still due then finds nothing to do); a failure changes
 * neither its state nor its schedule.
 */
export async function replayDelivery(deps: WorkflowDeps, webhookId: string, eventId: string): Promise<WebhookDelivery> {
  const [hook, delivery] = await Promise.all([getWebhook(deps.store, webhookId), getDelivery(deps.store, webhookId, eventId)]);
  if (!hook) throw new DomainError('WEBHOOK.NOT_FOUND', 'id');
  if (!delivery) throw new DomainError('WEBHOOK.DELIVERY_NOT_FOUND', 'deliveryId');
  const attempt = await attemptDelivery(deps, hook, delivery, 'replay');
  const ok = succeeded(attempt);
  return recordAttempt(deps.store, {
    delivery, attempt, state: ok ? 'delivered' : delivery.state, nextAt: ok ? null : delivery.nextAt, counted: false, from: null,
  });
}
