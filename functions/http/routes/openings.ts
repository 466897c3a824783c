/**
 * Openings (招聘职位, POLICIES.md §2 step 3): opened by an approved requisition, with its id and
 * the headcount to fill. HR pauses, reopens or cancels one with a reason (the requester is told);
 * it closes itself when filled. The job text is what HR copies to a job board.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { inScope, type Principal } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { LEVELS } from '../../domain/people/model.js';
import { openingChanged, type OpeningChange } from '../../email/templates/index.js';
import { enumName, formatDate, formatMoney } from '../../email/values.js';
import { auditPut } from '../../storage/audit.js';
import { getOpening, listOpenings, OPENING_STATUSES, openingPut, type Opening, type OpeningStatus } from '../../storage/openings.js';
import { getRequest, requestPut } from '../../storage/requests.js';
import { transact } from '../../storage/transact.js';
import { getUser } from '../../storage/users.js';
import { guardMail, sendGuarded } from '../../workflow/notify.js';
import { REQUISITION, requisitionTitle, type Requisition } from '../../workflow/kinds/requisition.js';
import { actorOf, newRouter, nowIso, principalOf, type AppEnv } from '../env.js';
import { requires } from '../middleware/requires.js';
import { IdParam, LimitCursor, json, jsonBody, problemResponses, reasonText } from '../schemas.js';
import { scopeOf } from './employee-scope.js';
import { tookPart } from './request-access.js';

type Lang = 'zh-CN' | 'en';

const STATUS_LABELS: Record<OpeningStatus, Record<Lang, string>> = {
  open: { 'zh-CN': '招聘中', en: 'Open' },
  paused: { 'zh-CN': '已暂停', en: 'Paused' },
  filled: { 'zh-CN': '已招满', en: 'Filled' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

export const OpeningSchema = z
  .object({
    id: z.string(), requisitionId: z.string(),
    post: z.string(), teamId: z.string(), teamName: z.string(), level: z.enum(LEVELS), salaryMin: z.number(), salaryMax: z.number(),
    headcount: z.number().int(), filled: z.number().int(), open: z.number().int().openapi({ description: 'Heads still to fill' }),
    held: z.number().int().openapi({ description: 'Heads held by offers out (sent, accepted, or waiting for the GM)' }),
    free: z.number().int().openapi({ description: 'Heads free to offer: headcount − filled − held' }),
    status: z.enum(OPENING_STATUSES), statusLabel: z.string(), statusReason: z.string().nullable(),
    requesterId: z.string().nullable(), requesterName: z.string().nullable(),
    createdAt: z.string(), updatedAt: z.string(), version: z.number().int(),
  })
  .openapi('Opening');

const present = (o: Opening, lang: Lang): z.infer<typeof OpeningSchema> => ({
  id: o.id, requisitionId: o.requisitionId, post: o.post, teamId: o.teamId, teamName: o.teamName, level: o.level, salaryMin: o.salaryMin, salaryMax: o.salaryMax,
  headcount: o.headcount, filled: o.filled, open: Math.max(0, o.headcount - o.filled), held: o.held ?? 0, free: Math.max(0, o.headcount - o.filled - (o.held ?? 0)), status: o.status, statusLabel: STATUS_LABELS[o.status][lang], statusReason: o.statusReason,
  requesterId: o.requesterId, requesterName: o.requesterName, createdAt: o.createdAt, updatedAt: o.updatedAt, version: o.version,
});

/** An opening the reader may see: as its requisition (HR, GM, admin all; others their part of the organisation, or one they decided on). */
async function visibleOpening(c: Context<AppEnv>, p: Principal, id: string): Promise<Opening> {
  const { store } = c.get('deps');
  const [opening, scope] = await Promise.all([getOpening(store, id), scopeOf(c, p)]);
  if (!opening) throw new DomainError('OPENING.NOT_FOUND', 'id');
  if (scope !== undefined && inScope(scope, opening.scopePath)) return opening;
  if (p.kind === 'user' && (await tookPart(store, REQUISITION, opening.requisitionId, p.id))) return opening;
  throw new DomainError('OPENING.NOT_FOUND', 'id');
}

/** What each verb does: from which statuses, to which, and what the requester is told. */
const VERBS = {
  pause: { from: ['open'], to: 'paused', change: 'paused' },
  reopen: { from: ['paused'], to: 'open', change: 'reopened' },
  cancel: { from: ['open', 'paused'], to: 'cancelled', change: 'cancelled' },
} as const satisfies Record<string, { from: readonly OpeningStatus[]; to: OpeningStatus; change: OpeningChange }>;
type Verb = keyof typeof VERBS;

const VERB_WORDS: Record<Verb, Record<Lang, string>> = {
  pause: { 'zh-CN': '暂停', en: 'paused' },
  reopen: { 'zh-CN': '恢复', en: 'reopened' },
  cancel: { 'zh-CN': '取消', en: 'cancelled' },
};

/** The zh-CN job advertisement for a job board (招聘启事), from the requisition. */
export function jobText(r: Pick<Requisition, 'post' | 'teamName' | 'headcount' | 'level' | 'salaryMin' | 'salaryMax' | 'requirements' | 'wantedBy'>, remaining: number): string {
  return [
    `【招聘】${enumName('post', r.post, 'zh-CN')}（${r.teamName}）`,
    `招聘人数：${remaining} 人`,
    `职级：${enumName('level', r.level, 'zh-CN')}`,
    `薪资：${formatMoney(r.salaryMin, 'zh-CN')} – ${formatMoney(r.salaryMax, 'zh-CN')} / 月`,
    `期望到岗：${formatDate(r.wantedBy, 'zh-CN')}前`,
    '',
    '任职要求：',
    r.requirements,
  ].join('\n');
}

export function openingsRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/', operationId: 'listOpenings', tags: ['recruitment'],
      summary: 'Openings newest first (all, or one status), or the opening of one requisition (`requisitionId`)',
      middleware: [requires('recruitment:read')] as const,
      request: { query: z.object({ requisitionId: z.string().min(1).max(64).optional(), status: z.enum(OPENING_STATUSES).optional(), ...LimitCursor }) },
      responses: { 200: json(z.object({ items: z.array(OpeningSchema), nextCursor: z.string().nullable() }).openapi('OpeningPage')), ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      const p = principalOf(c);
      const q = c.req.valid('query');
      const lang = c.get('lang');
      if (q.requisitionId) {
        // One requisition has at most one opening, under the same id.
        const found = await visibleOpening(c, p, q.requisitionId).catch((err: unknown) => {
          if (err instanceof DomainError && err.code === 'OPENING.NOT_FOUND') return null;
          throw err;
        });
        const items = found && (!q.status || found.status === q.status) ? [present(found, lang)] : [];
        return c.json({ items, nextCursor: null }, 200);
      }
      const scope = await scopeOf(c, p);
      if (scope === undefined) return c.json({ items: [], nextCursor: null }, 200);
      const page = await listOpenings(c.get('deps').store, { status: q.status, scopePath: scope, limit: q.limit, cursor: q.cursor });
      return c.json({ items: page.items.map((o) => present(o, lang)), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/{id}', operationId: 'getOpening', tags: ['recruitment'], summary: 'An opening: its headcount, filled and open places, status and why',
      middleware: [requires('recruitment:read')] as const,
      request: { params: IdParam },
      responses: { 200: json(OpeningSchema), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(present(await visibleOpening(c, principalOf(c), c.req.valid('param').id), c.get('lang')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/{id}/job-text', operationId: 'getOpeningJobText', tags: ['recruitment'],
      summary: 'The job advertisement (zh-CN) for a job board, from the requisition: post, places still open, level, salary range, requirements',
      middleware: [requires('recruitment:read')] as const,
      request: { params: IdParam },
      responses: { 200: json(z.object({ text: z.string() }).openapi('JobText')), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const opening = await visibleOpening(c, principalOf(c), c.req.valid('param').id);
      const requisition = await getRequest<Requisition>(c.get('deps').store, REQUISITION, opening.requisitionId);
      if (!requisition) throw new DomainError('OPENING.NOT_FOUND', 'id');
      return c.json({ text: jobText(requisition, Math.max(0, opening.headcount - opening.filled)) }, 200);
    },
  );

  for (const verb of Object.keys(VERBS) as Verb[]) {
    app.openapi(
      createRoute({
        method: 'post', path: `/{id}/${verb}`, operationId: `${verb}Opening`, tags: ['recruitment'],
        summary: `HR ${VERB_WORDS[verb].en} the opening, with a reason; its requester is told (${VERBS[verb].from.join(' or ')} → ${VERBS[verb].to})`,
        middleware: [requires('recruitment:manage')] as const,
        request: { params: IdParam, body: jsonBody(z.object({ reason: reasonText(500) }).strict().openapi('OpeningChange')) },
        responses: { 200: json(OpeningSchema), ...problemResponses(400, 401, 403, 404, 409) },
      }),
      async (c) => {
        const p = principalOf(c);
        const deps = c.get('deps');
        const { reason } = c.req.valid('json');
        const lang = c.get('lang');
        const [opening, requisition] = await Promise.all([
          getOpening(deps.store, c.req.valid('param').id),
          getRequest<Requisition>(deps.store, REQUISITION, c.req.valid('param').id),
        ]);
        if (!opening || !requisition) throw new DomainError('OPENING.NOT_FOUND', 'id');
        const rule = VERBS[verb];
        if (!(rule.from as readonly OpeningStatus[]).includes(opening.status)) {
          throw new DomainError('OPENING.TRANSITION', undefined, { status: STATUS_LABELS[opening.status][lang], action: VERB_WORDS[verb][lang] });
        }
        const at = nowIso(c);
        const next: Opening = { ...opening, status: rule.to, statusReason: reason, updatedAt: at, version: opening.version + 1 };
        const writes = [
          openingPut(deps.store, next, opening),
          { write: auditPut(deps.store, { entityType: 'opening', entityId: opening.id, action: verb, actor: actorOf(p), channel: c.get('channel'), at, before: { status: opening.status }, after: { status: next.status, reason } }) },
        ];
        // The requisition shows cancelled with its opening (paused is the opening's own state).
        const reqStatus = rule.to === 'cancelled' ? 'cancelled' : 'open';
        if (requisition.status !== reqStatus) writes.push(requestPut(deps.store, REQUISITION, { ...requisition, status: reqStatus, updatedAt: at, version: requisition.version + 1 }, requisition));
        const requester = requisition.requesterId ? await getUser(deps.store, requisition.requesterId) : null;
        const mail = requester && requester.id !== p.id
          ? guardMail(deps.workflow, {
            to: requester.email,
            content: openingChanged({
              recipientName: requester.name, title: requisitionTitle(requisition)[requester.language], change: rule.change, byName: p.name, reason,
              headcount: opening.headcount, filled: opening.filled, openUrl: `${deps.workflow.publicUrl}/#/requisitions/${requisition.id}/show`,
            }, requester.language),
            ids: { openingId: opening.id, kind: `opening.${verb}`, at },
          })
          : null;
        await transact(deps.store, [...writes, ...(mail ? [mail.tx] : [])]);
        if (mail) await sendGuarded(deps.workflow, mail);
        return c.json(present(next, lang), 200);
      },
    );
  }

  return app;
}
