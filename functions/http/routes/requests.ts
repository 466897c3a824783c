import { createRoute, z } from '@hono/zod-openapi';
import { DomainError } from '../../domain/errors.js';
import { carbonCopy, withdraw } from '../../workflow/verbs.js';
import { ApprovalSchema, present } from './approvals.js';
import { newRouter, principalOf } from '../env.js';
import { idempotent } from '../middleware/idempotency.js';
import { peopleOnly, requires } from '../middleware/requires.js';
import { json, jsonBody, problemResponses } from '../schemas.js';

/** Verbs on a whole request, whatever its kind; `kinds` are the registry's names (WorkflowDeps.kinds). */
export function requestsRoutes(kinds: readonly string[]) {
  const [first, ...rest] = kinds;
  if (first === undefined) throw new Error('requestsRoutes: no request kinds');
  const KINDS = [first, ...rest] as [string, ...string[]];
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'post', path: '/{kind}/{id}/withdraw', tags: ['approvals'],
      summary: '撤回: the requester withdraws an unfinished request; pending tasks are cancelled and their links say so; the execution ends',
      middleware: [peopleOnly(), requires('approvals:write'), idempotent()] as const,
      request: { params: z.object({ kind: z.enum(KINDS), id: z.string().min(1).max(64) }) },
      responses: { 200: json(z.object({ status: z.literal('withdrawn') })), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const p = principalOf(c);
      if (p.kind !== 'user') throw new DomainError('AUTH.FORBIDDEN');
      const { kind, id } = c.req.valid('param');
      await withdraw(c.get('deps').workflow, { kind, requestId: id, actor: { id: p.id, name: p.name, roles: p.roles }, channel: c.get('channel') });
      return c.json({ status: 'withdrawn' as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/{kind}/{id}/cc', tags: ['approvals'],
      summary: '抄送: the requester or anyone taking part in the approval sends others a read-only notice (their "CC’d to me" inbox and an email)',
      middleware: [peopleOnly(), requires('approvals:write'), idempotent()] as const,
      request: {
        params: z.object({ kind: z.enum(KINDS), id: z.string().min(1).max(64) }),
        body: jsonBody(z.object({ users: z.array(z.string().min(1).max(64)).min(1).max(20), comment: z.string().max(2000).optional() }).strict().openapi('CcRequest')),
      },
      responses: { 200: json(z.object({ items: z.array(ApprovalSchema) })), ...problemResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const p = principalOf(c);
      if (p.kind !== 'user') throw new DomainError('AUTH.FORBIDDEN');
      const { kind, id } = c.req.valid('param');
      const body = c.req.valid('json');
      const deps = c.get('deps');
      const notices = await carbonCopy(deps.workflow, { kind, requestId: id, actor: { id: p.id, name: p.name }, userIds: body.users, comment: body.comment ?? null, channel: c.get('channel') });
      return c.json({ items: notices.map((n) => present(n, c.get('lang'), deps.now())) }, 200);
    },
  );
  return app;
}
