/**
 * Webhooks for integrations (#13), the administrator's: register a receiver for some events
 * (its signing secret is answered once, at registration), list, delete, read each delivery's
 * attempts and send one again. Deliveries themselves leave through the webhook outbox
 * (workflow/webhook-delivery.ts); docs/webhooks.md says what a receiver gets.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { DomainError } from '../../domain/errors.js';
import { URL_REFUSAL_CODE } from '../../domain/webhooks/errors.js';
import { MAX_WEBHOOKS, WEBHOOK_EVENT_TYPES } from '../../domain/webhooks/events.js';
import { MAX_URL_LENGTH } from '../../domain/webhooks/receiver-url.js';
import { newWebhookSecret } from '../../domain/webhooks/signature.js';
import { newId } from '../../storage/ids.js';
import { listDeliveries } from '../../storage/webhook-outbox.js';
import { createWebhook, deleteWebhook, getWebhook, listWebhooks } from '../../storage/webhooks.js';
import { checkReceiverUrl, replayDelivery } from '../../workflow/webhook-delivery.js';
import { actorOf, authorize, newRouter, nowIso } from '../env.js';
import { requires } from '../middleware/requires.js';
import { IdParam, LimitCursor, json, jsonBody, problemResponses } from '../schemas.js';

const EventType = z.enum(WEBHOOK_EVENT_TYPES);

const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(EventType),
    createdBy: z.string(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Webhook');

const AttemptSchema = z
  .object({
    at: z.string(),
    trigger: z.enum(['scheduled', 'replay']),
    status: z.number().int().nullable().openapi({ description: 'The receiver’s HTTP status; null when it did not answer' }),
    excerpt: z.string().nullable().openapi({ description: 'The first 200 characters of the answer' }),
    error: z.string().nullable(),
  })
  .openapi('WebhookAttempt');

const DeliverySchema = z
  .object({
    id: z.string().openapi({ description: 'The event’s id, sent as `webhook-id` (the same on retries and replays)' }),
    webhookId: z.string(),
    eventType: EventType,
    body: z.string().openapi({ description: 'The JSON body sent (and signed) on every attempt' }),
    state: z.enum(['pending', 'delivered', 'failed', 'cancelled']),
    attemptCount: z.number().int().openapi({ description: 'Scheduled attempts so far (of at most 10)' }),
    attempts: z.array(AttemptSchema),
    nextAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('WebhookDelivery');

const DeliveryParams = IdParam.extend({
  deliveryId: z.string().min(1).max(64).openapi({ param: { name: 'deliveryId', in: 'path' } }),
});

export function webhooksRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['webhooks'],
      operationId: 'createWebhook',
      summary: 'Register a webhook receiver (admin). Its signing secret is in this answer only.',
      description:
        `The URL must be http(s) (https in the cloud) and resolve to public addresses only, unless the installation sets WEBHOOK_ALLOW_PRIVATE_NETWORKS=1 (400 naming \`url\` otherwise). At most ${MAX_WEBHOOKS} webhooks (409). Not idempotent on purpose: a replayed answer would have to keep the secret.`,
      request: {
        body: jsonBody(
          z
            .object({
              url: z.string().trim().min(1).max(MAX_URL_LENGTH),
              events: z.array(EventType).min(1).max(WEBHOOK_EVENT_TYPES.length),
            })
            .strict(),
        ),
      },
      responses: {
        201: json(WebhookSchema.extend({ secret: z.string().openapi({ description: '`whsec_…`: the HMAC key is the base64 after the prefix (Standard Webhooks); shown once' }) }), 'Created'),
        ...problemResponses(400, 401, 403, 409),
      },
      middleware: [requires('webhooks:manage')] as const,
    }),
    async (c) => {
      const p = authorize(c, 'webhooks:manage');
      const body = c.req.valid('json');
      const deps = c.get('deps');
      const check = await checkReceiverUrl(deps.workflow.webhooks, body.url);
      if (!check.ok) throw new DomainError(URL_REFUSAL_CODE[check.reason], 'url');
      const at = nowIso(c);
      const hook = {
        id: newId(deps.now().getTime()), url: check.url.href, events: [...new Set(body.events)], createdBy: p.id, createdAt: at, version: 1, secret: newWebhookSecret(),
      };
      await createWebhook(deps.store, hook, MAX_WEBHOOKS, {
        entityType: 'webhook', entityId: hook.id, action: 'create', actor: actorOf(p), channel: c.get('channel'), before: null, after: null, at,
      });
      return c.json(hook, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['webhooks'],
      operationId: 'listWebhooks',
      summary: 'List webhooks (admin); secrets are never shown again',
      responses: { 200: json(z.object({ items: z.array(WebhookSchema) })), ...problemResponses(401, 403) },
      middleware: [requires('webhooks:manage')] as const,
    }),
    async (c) => {
      authorize(c, 'webhooks:manage');
      return c.json({ items: await listWebhooks(c.get('deps').store) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['webhooks'],
      operationId: 'deleteWebhook',
      summary: 'Delete a webhook (admin): nothing more is sent to it, deliveries still due are dropped',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 403, 404) },
      middleware: [requires('webhooks:manage')] as const,
    }),
    async (c) => {
      const p = authorize(c, 'webhooks:manage');
      const { id } = c.req.valid('param');
      const { store } = c.get('deps');
      const hook = await getWebhook(store, id);
      if (!hook) throw new DomainError('WEBHOOK.NOT_FOUND', 'id');
      const { secret: _s, ...visible } = hook;
      await deleteWebhook(store, hook, {
        entityType: 'webhook', entityId: id, action: 'delete', actor: actorOf(p), channel: c.get('channel'), before: visible as unknown as Record<string, unknown>, after: null, at: nowIso(c),
      });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/deliveries',
      tags: ['webhooks'],
      operationId: 'listWebhookDeliveries',
      summary: 'A webhook’s deliveries, newest first, with each attempt’s answer (kept 30 days)',
      request: { params: IdParam, query: z.object(LimitCursor) },
      responses: {
        200: json(z.object({ items: z.array(DeliverySchema), nextCursor: z.string().nullable() })),
        ...problemResponses(400, 401, 403, 404),
      },
      middleware: [requires('webhooks:manage')] as const,
    }),
    async (c) => {
      authorize(c, 'webhooks:manage');
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const deps = c.get('deps');
      if (!(await getWebhook(deps.store, id))) throw new DomainError('WEBHOOK.NOT_FOUND', 'id');
      return c.json(await listDeliveries(deps.store, { webhookId: id, limit: q.limit, cursor: q.cursor, now: deps.now() }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/deliveries/{deliveryId}/replay',
      tags: ['webhooks'],
      operationId: 'replayWebhookDelivery',
      summary: '重新发送: send a delivery again now (same body and webhook-id, a new timestamp and signature); answers the delivery with this attempt recorded',
      request: { params: DeliveryParams },
      responses: { 200: json(DeliverySchema), ...problemResponses(400, 401, 403, 404) },
      middleware: [requires('webhooks:manage')] as const,
    }),
    async (c) => {
      authorize(c, 'webhooks:manage');
      const { id, deliveryId } = c.req.valid('param');
      return c.json(await replayDelivery(c.get('deps').workflow, id, deliveryId), 200);
    },
  );

  return app;
}
