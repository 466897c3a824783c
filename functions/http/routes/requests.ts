import { createRoute, z } from '@hono/zod-openapi';
import { addDays, companyDayStart } from '../../domain/people/dates.js';
import { DomainError } from '../../domain/errors.js';
import { requestsStartedBy } from '../../storage/started.js';
import { attachmentRefs, claimAttachments } from '../../storage/attachments.js';
import { listComments, type RequestComment } from '../../storage/comments.js';
import { addComment, COMMENT_MAX_CHARS, MENTIONS_MAX } from '../../workflow/comments.js';
import { readableRequest } from './request-access.js';
import { visibleEmployee } from './employee-scope.js';
import { engineCall } from '../../workflow/kinds.js';
import type { AttachmentRef } from '../../domain/attachments/types.js';
import type { Store } from '../../storage/client.js';
import { newId } from '../../storage/ids.js';
import { carbonCopy, withdraw } from '../../workflow/verbs.js';
import { ApprovalSchema, present } from './approvals.js';
import { newRouter, principalOf } from '../env.js';
import { idempotent } from '../middleware/idempotency.js';
import { peopleOnly, requires } from '../middleware/requires.js';
import { DateString, LimitCursor, json, jsonBody, problemResponses, paragraphText, IDEMPOTENCY_KEY } from '../schemas.js';

/** 撤回's optional why (辞职申请's 撤回 asks for one): kept in the request's audit record. */
const WithdrawBody = z.object({
  reason: paragraphText(500).optional().openapi({ description: 'Why it is withdrawn (optional; kept in the audit record)' }),
}).strict().openapi('WithdrawRequest');

const StartedItem = z.object({
  kind: z.string(),
  id: z.string(),
  title: z.string().openapi({ description: 'In the reader’s language' }),
  kindLabel: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  open: z.boolean().openapi({ description: 'Still running: it may be withdrawn or its approvers reminded' }),
  currentStep: z.string().nullable(),
  currentStepLabel: z.string().nullable(),
  startedAt: z.string(),
  updatedAt: z.string(),
  consolePath: z.string(),
}).openapi('StartedRequest');

const CommentSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  text: z.string(),
  mentions: z.array(z.object({ id: z.string(), name: z.string() })),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int() })).openapi({ description: 'Files the comment carries: download each with GET /attachments/{id}' }),
  channel: z.enum(['console', 'email', 'api', 'system']),
  createdAt: z.string(),
}).openapi('RequestComment');

const CommentBody = z.object({
  text: paragraphText(COMMENT_MAX_CHARS, 'format.comment.max').openapi({ description: `The comment (at most ${COMMENT_MAX_CHARS} characters)` }),
  mentions: z.array(z.string().min(1).max(64)).max(MENTIONS_MAX).default([]).openapi({ description: 'User ids @-mentioned: each is told by mail' }),
  attachments: z.array(z.string().min(1).max(64)).max(10).default([]).openapi({ description: 'Attachment ids (POST /attachments) uploaded by the author' }),
}).strict().openapi('CommentRequest');

const presentComment = (c: RequestComment, files: Map<string, AttachmentRef>) => ({
  id: c.id, authorId: c.authorId, authorName: c.authorName, text: c.text, mentions: c.mentions,
  attachments: c.attachments.flatMap((id) => files.get(id) ?? []), channel: c.channel, createdAt: c.createdAt,
});

/** The files of a page of comments, in BatchGets of 100. */
async function filesOf(deps: { store: Store; now: () => Date }, comments: readonly RequestComment[]): Promise<Map<string, AttachmentRef>> {
  const ids = [...new Set(comments.flatMap((c) => c.attachments))];
  const refs = await Promise.all(Array.from({ length: Math.ceil(ids.length / 100) }, (_, i) => attachmentRefs(deps.store, ids.slice(i * 100, i * 100 + 100), deps.now())));
  return new Map(refs.flat().map((r) => [r.id, r]));
}



/** Verbs on a whole request, whatever its kind; `kinds` are the registry's names (WorkflowDeps.kinds). */
export function requestsRoutes(kinds: readonly string[]) {
  const [first, ...rest] = kinds;
  if (first === undefined) throw new Error('requestsRoutes: no request kinds');
  const KINDS = [first, ...rest] as [string, ...string[]];
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get', path: '/', operationId: 'listMyRequests', tags: ['approvals'],
      summary: '我发起的: the requests I started, newest first, with their status and current step',
      middleware: [peopleOnly(), requires('approvals:read')] as const,
      request: {
        query: z.object({
          startedBy: z.literal('me').openapi({ description: 'Whose requests: `me`, the signed-in person' }),
          kind: z.enum(KINDS).optional(),
          state: z.enum(['open', 'closed']).optional().openapi({ description: '`open`: still running; `closed`: finished, withdrawn or failed' }),
          step: z.string().min(1).max(40).optional().openapi({ description: 'Only requests waiting at this step (its key, e.g. `cs_manager`)' }),
          q: z.string().trim().min(1).max(40).optional().openapi({ description: 'Only requests about a person whose name or number contains this' }),
          from: DateString.optional().openapi({ description: 'Started on or after this company date' }),
          to: DateString.optional().openapi({ description: 'Started on or before this company date' }),
          ...LimitCursor,
        }),
      },
      responses: { 200: json(z.object({ items: z.array(StartedItem), nextCursor: z.string().nullable() })), ...problemResponses(400, 401, 403, 422) },
    }),
    async (c) => {
      const p = principalOf(c);
      if (p.kind !== 'user') throw new DomainError('AUTH.FORBIDDEN');
      const q = c.req.valid('query');
      if (q.from && q.to && q.from > q.to) throw new DomainError('REQUEST.DATE_RANGE', 'to');
      const deps = c.get('deps');
      const lang = c.get('lang');
      const listed = [...deps.workflow.kinds.values()].filter((k) => k.started && (!q.kind || k.kind === q.kind));
      const openStatuses = [...new Set(listed.flatMap((k) => k.started!.openStatuses))];
      const page = await requestsStartedBy(deps.store, {
        userId: p.id,
        kind: q.kind,
        step: q.step,
        q: q.q,
        ...(q.state ? { statuses: openStatuses, notIn: q.state === 'closed' } : {}),
        from: q.from ? companyDayStart(q.from) : undefined,
        to: q.to ? new Date(Date.parse(companyDayStart(addDays(q.to, 1))) - 1).toISOString() : undefined,
        limit: q.limit,
        cursor: q.cursor,
      });
      const items = page.items.flatMap(({ kind, record }) => {
        const entry = deps.workflow.kinds.get(kind)?.started?.item(record);
        if (!entry) return [];
        return [{
          kind, id: String(record.id), title: entry.title[lang], kindLabel: entry.kindLabel[lang], status: entry.status, statusLabel: entry.statusLabel[lang], open: entry.open,
          currentStep: entry.currentStep, currentStepLabel: entry.currentStepLabel?.[lang] ?? null, startedAt: entry.startedAt, updatedAt: entry.updatedAt, consolePath: entry.consolePath,
        }];
      });
      return c.json({ items, nextCursor: page.nextCursor }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get', path: '/{kind}/preview', operationId: 'previewRequestChain', tags: ['approvals'],
      summary: 'The chain preview: who would be asked, in order, if I started this request about this employee now (org tree, policy, delegations)',
      middleware: [peopleOnly(), requires('approvals:read')] as const,
      request: {
        params: z.object({ kind: z.enum(KINDS) }),
        query: z.object({ subjectEmployeeId: z.string().min(1).max(64).openapi({ description: 'The employee the request would be about' }) }),
      },
      responses: {
        200: json(z.object({
          steps: z.array(z.object({
            key: z.string(), label: z.string(), mode: z.enum(['any', 'all']),
            skipped: z.enum(['requester', 'same_approver']).nullable().openapi({ description: 'Skipped by policy: the approver is the requester, or approved an earlier step already' }),
            approvers: z.array(z.object({ id: z.string(), name: z.string(), onBehalfOfName: z.string().nullable() })),
          })),
        }).openapi('ChainPreview')),
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const p = principalOf(c);
      if (p.kind !== 'user') throw new DomainError('AUTH.FORBIDDEN');
      const { kind } = c.req.valid('param');
      const { subjectEmployeeId } = c.req.valid('query');
      // Only about someone the caller may see (404 otherwise, as for the employee itself).
      await visibleEmployee(c, p, subjectEmployeeId);
      const deps = c.get('deps');
      const k = deps.workflow.kinds.get(kind);
      if (!k?.preview) throw new DomainError('REQUEST.UNKNOWN_KIND', 'kind');
      const lang = c.get('lang');
      const steps = await k.preview(engineCall(deps.workflow), { subjectEmployeeId, requesterId: p.id });
      return c.json({ steps: steps.map((s) => ({ ...s, label: s.label[lang] })) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get', path: '/{kind}/{id}/comments', operationId: 'listRequestComments', tags: ['approvals'],
      summary: '评论: a request’s comment thread, oldest first (whoever may read the request)',
      middleware: [peopleOnly(), requires('approvals:read')] as const,
      request: { params: z.object({ kind: z.enum(KINDS), id: z.string().min(1).max(64) }), query: z.object(LimitCursor) },
      responses: { 200: json(z.object({ items: z.array(CommentSchema), nextCursor: z.string().nullable() })), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const p = principalOf(c);
      if (p.kind !== 'user') throw new DomainError('AUTH.FORBIDDEN');
      const { kind, id } = c.req.valid('param');
      const q = c.req.valid('query');
      await readableRequest(c, p, kind, id);
      const deps = c.get('deps');
      const page = await listComments(deps.store, { kind, requestId: id, limit: q.limit, cursor: q.cursor });
      const files = await filesOf(deps, page.items);
      return c.json({ items: page.items.map((x) => presentComment(x, files)), nextCursor: page.nextCursor }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/{kind}/{id}/comments', operationId: 'addRequestComment', tags: ['approvals'],
      summary: '评论: comment on a request (not a decision); @-mentioned people are told by mail, and get a read-only notice when they had no part in it',
      middleware: [peopleOnly(), requires('approvals:write'), idempotent()] as const,
      parameters: [IDEMPOTENCY_KEY],
      request: { params: z.object({ kind: z.enum(KINDS), id: z.string().min(1).max(64) }), body: jsonBody(CommentBody) },
      responses: { 201: json(CommentSchema, 'Created'), ...problemResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const p = principalOf(c);
      if (p.kind !== 'user') throw new DomainError('AUTH.FORBIDDEN');
      const { kind, id } = c.req.valid('param');
      const body = c.req.valid('json');
      const seen = await readableRequest(c, p, kind, id);
      const deps = c.get('deps');
      const commentId = newId(deps.now().getTime());
      if (!body.text.trim()) throw new DomainError('COMMENT.EMPTY', 'text');
      // Files first: a refused id writes nothing; the claim lands in the comment's transaction.
      const claim = await claimAttachments(deps, body.attachments, { id: p.id }, { requestKind: kind, requestId: id, via: 'comment', targetId: commentId });
      const comment = await addComment(deps.workflow, {
        id: commentId, kind, requestId: id, actor: { id: p.id, name: p.name }, text: body.text, mentions: body.mentions, attachments: claim.refs.map((r) => r.id), channel: c.get('channel'), seen, extra: claim.items,
      });
      return c.json(presentComment(comment, new Map(claim.refs.map((r) => [r.id, r]))), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/{kind}/{id}/withdraw', operationId: 'withdrawRequest', tags: ['approvals'],
      summary: '撤回: the requester withdraws an unfinished request; pending tasks are cancelled and their links say so; the execution ends',
      middleware: [peopleOnly(), requires('approvals:write'), idempotent()] as const,
      parameters: [IDEMPOTENCY_KEY],
      request: {
        params: z.object({ kind: z.enum(KINDS), id: z.string().min(1).max(64) }),
        // Optional, so a withdrawal without a body (every client until now) still works.
        body: { ...jsonBody(WithdrawBody), required: false },
      },
      responses: { 200: json(z.object({ status: z.literal('withdrawn') })), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const p = principalOf(c);
      if (p.kind !== 'user') throw new DomainError('AUTH.FORBIDDEN');
      const { kind, id } = c.req.valid('param');
      const reason = c.req.valid('json').reason?.trim() || null;
      await withdraw(c.get('deps').workflow, { kind, requestId: id, actor: { id: p.id, name: p.name, roles: p.roles }, channel: c.get('channel'), reason });
      return c.json({ status: 'withdrawn' as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/{kind}/{id}/cc', operationId: 'ccRequest', tags: ['approvals'],
      summary: '抄送: the requester or anyone taking part in the approval sends others a read-only notice (their "CC’d to me" inbox and an email)',
      middleware: [peopleOnly(), requires('approvals:write'), idempotent()] as const,
      parameters: [IDEMPOTENCY_KEY],
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
