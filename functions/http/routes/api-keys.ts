import { createRoute, z } from '@hono/zod-openapi';
import { API_KEY_SCOPES } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from '../../storage/api-keys.js';
import { newId } from '../../storage/ids.js';
import { actorOf, authorize, newRouter, nowIso } from '../env.js';
import { requires } from '../middleware/requires.js';
import { IdParam, json, jsonBody, problemResponses, lineText } from '../schemas.js';
import { API_KEY_PREFIX, hashToken, newToken } from '../security/tokens.js';

const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(API_KEY_SCOPES as [string, ...string[]])),
    createdBy: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('ApiKey');

export function apiKeysRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      operationId: 'createApiKey',
      tags: ['api-keys'],
      summary: 'Create an API key for an integration (admin). The key is shown once.',
      request: {
        body: jsonBody(
          z
            .object({
              name: lineText(80),
              scopes: z.array(z.enum(API_KEY_SCOPES as [string, ...string[]])).min(1).max(API_KEY_SCOPES.length),
            })
            .strict(),
        ),
      },
      responses: {
        201: json(ApiKeySchema.extend({ key: z.string().openapi({ description: 'Send as `Authorization: Bearer <key>`' }) }), 'Created'),
        ...problemResponses(400, 401, 403),
      },
      middleware: [requires('api-keys:write')] as const,
    }),
    async (c) => {
      const p = authorize(c, 'api-keys:write');
      const body = c.req.valid('json');
      const at = nowIso(c);
      const secret = newToken();
      const key = {
        id: newId(),
        name: body.name,
        scopes: [...new Set(body.scopes)] as typeof API_KEY_SCOPES,
        createdBy: p.id,
        createdAt: at,
        revokedAt: null,
        version: 1,
        secretHash: hashToken(secret),
      };
      await createApiKey(c.get('deps').store, key, {
        entityType: 'apiKey', entityId: key.id, action: 'create', actor: actorOf(p), channel: c.get('channel'), before: null, after: null, at,
      });
      const { secretHash: _s, ...visible } = key;
      return c.json({ ...visible, key: `${API_KEY_PREFIX}${key.id}_${secret}` }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'listApiKeys',
      tags: ['api-keys'],
      summary: 'List API keys (admin); secrets are never shown again',
      responses: { 200: json(z.object({ items: z.array(ApiKeySchema) })), ...problemResponses(401, 403) },
      middleware: [requires('api-keys:write')] as const,
    }),
    async (c) => {
      authorize(c, 'api-keys:write');
      return c.json({ items: await listApiKeys(c.get('deps').store) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      operationId: 'revokeApiKey',
      tags: ['api-keys'],
      summary: 'Revoke an API key (admin)',
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, ...problemResponses(400, 401, 403, 404) },
      middleware: [requires('api-keys:write')] as const,
    }),
    async (c) => {
      const p = authorize(c, 'api-keys:write');
      const { id } = c.req.valid('param');
      const { store } = c.get('deps');
      const existing = await getApiKey(store, id);
      if (!existing) throw new DomainError('API_KEY.NOT_FOUND', 'id');
      const at = nowIso(c);
      await revokeApiKey(store, id, at, {
        entityType: 'apiKey', entityId: id, action: 'revoke', actor: actorOf(p), channel: c.get('channel'), before: { revokedAt: existing.revokedAt }, after: { revokedAt: at }, at,
      });
      return c.body(null, 204);
    },
  );

  return app;
}
