/**
 * Disciplinary actions 处罚 (POLICIES.md §4, #16). A team lead or above records one for someone
 * under them; the level comes from the employee's record and the discipline policy (the rule
 * that produced it is in the answer). The employee signs the 处罚单 or refuses it (then named
 * witnesses sign), may appeal within the window, and the action takes effect by itself when the
 * window closes. A dismissal proposal is approved along its own chain (kind `dismissal`, signed
 * in only) through the approval routes. Signing, refusing, witnessing and appealing are a
 * person's own acts: API keys may read, never sign.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { can, inScope, type Principal } from '../../domain/auth/roles.js';
import { DISCIPLINE_LEVELS } from '../../domain/discipline/catalogue.js';
import { DISCIPLINE_STATUSES, noticeText } from '../../domain/discipline/action.js';
import { levelLabel } from '../../domain/discipline/ladder.js';
import { DomainError } from '../../domain/errors.js';
import { companyToday } from '../../domain/people/dates.js';
import { getTasks, listSteps } from '../../storage/approvals.js';
import { listActionsOfEmployee, listFinesOfMonth, listOpenActions } from '../../storage/discipline.js';
import { presignDownload } from '../../storage/objects.js';
import { getRequest, listRequests } from '../../storage/requests.js';
import { engineCall } from '../../workflow/kinds.js';
import {
  acknowledge, appeal, nameWitnesses, previewAction, recordAction, refuse, witnessSign,
} from '../../workflow/discipline.js';
import {
  actionRows, actionTitle, APPEAL_REASON_MAX, APPEAL_STEP, DISCIPLINE, NOTICE_STEP, presentedStatus, type DisciplinaryAction,
} from '../../workflow/kinds/discipline.js';
import { statusLabel } from '../../domain/discipline/action.js';
import { actorOf, newRouter, principalOf, type AppEnv } from '../env.js';
import { requires } from '../middleware/requires.js';
import { IdParam, LabelledValue, LimitCursor, json, jsonBody, problemResponses, reasonText } from '../schemas.js';
import { scopeOf, visibleEmployee } from './employee-scope.js';
import { tookPart } from './request-access.js';
import { AttachmentRefSchema, StepSchema, answersOf, presentStep } from './steps.js';

type Lang = 'zh-CN' | 'en';
const FACTS_MAX = 2000;
const REFUSAL_MAX = 500;
/** A data: URL of a PNG or JPEG of at most 200 KB, base64 (about 4/3 of that). */
const SIGNATURE_CHARS = 300_000;

const Words = z.object({ 'zh-CN': z.string(), en: z.string() });
const SignatureSchema = z.object({
  userId: z.string(), name: z.string(), role: z.enum(['employee', 'witness']), at: z.string(), channel: z.string(),
  imageSha256: z.string().openapi({ description: 'SHA-256 of the signature image' }),
  noticeHash: z.string().openapi({ description: 'SHA-256 of the notice text signed (`noticeHash` of the action when signed)' }),
  imageUrl: z.string().nullable().openapi({ description: 'A short-lived link to the image (GET /disciplinary-actions/{id} only)' }),
});

export const DisciplinaryActionSchema = z
  .object({
    id: z.string(),
    status: z.enum(DISCIPLINE_STATUSES).openapi({ description: 'pending_signature → appeal_window → (under_appeal →) effective, or voided; effective past its counting window reads as expired; a dismissal proposal is dismissal_pending, then dismissed (or a final warning, pending_signature, if not approved)' }),
    statusLabel: z.string(),
    level: z.enum(DISCIPLINE_LEVELS as [string, ...string[]]).openapi({ description: 'The level issued, from the ladder (`rule` says why)' }),
    levelLabel: z.string(),
    catalogueLevel: z.enum(DISCIPLINE_LEVELS as [string, ...string[]]).openapi({ description: 'The level the catalogue gives the violation' }),
    violationCode: z.string(),
    violation: z.object({ code: z.string(), level: z.string(), fine: z.number(), label: z.string(), labels: Words }),
    fine: z.number().openapi({ description: '乐捐 in yuan (0 when the policy turns fines off, and for a dismissal)' }),
    employeeId: z.string(), employeeName: z.string(), employeeNo: z.string(),
    facts: z.string(), occurredAt: z.string(), occurredOn: z.string().openapi({ format: 'date' }),
    evidence: z.array(AttachmentRefSchema),
    counted: z.array(z.string()).openapi({ description: 'The earlier actions this level rests on (rolled up into it, or the active final warning)' }),
    countedSummary: z.array(z.object({ id: z.string(), level: z.string(), levelLabel: z.string(), occurredOn: z.string(), violationCode: z.string(), label: z.string() })),
    rule: z.object({ code: z.string(), rules: z.array(z.string()), text: z.string() }).openapi({ description: 'Why the level: as_catalogued | verbal_rollup | written_rollup | after_final | dismissal_offence, in words' }),
    rolledUpInto: z.string().nullable().openapi({ description: 'Rolled up into this later action: it no longer counts on its own' }),
    restored: z.object({ fromActionId: z.string(), at: z.string() }).nullable().openapi({ description: 'Counts again because the action it was rolled up into was voided' }),
    countsUntil: z.string().openapi({ format: 'date', description: 'The last day it counts towards the ladder' }),
    terms: z.object({ countingMonths: z.number(), signDays: z.number(), appealDays: z.number(), appealAnswerDays: z.number(), witnesses: z.number() }),
    noticeHash: z.string(),
    notice: z.object({ title: z.string(), rows: z.array(LabelledValue), text: z.string().openapi({ description: 'The zh-CN text the hash covers' }) }),
    signature: SignatureSchema.nullable(),
    refusal: z.object({ reason: z.string(), at: z.string(), channel: z.string() }).nullable(),
    witnessIds: z.array(z.string()), witnessNames: z.array(z.string()),
    witnesses: z.array(SignatureSchema),
    servedAt: z.string().nullable(), servedBy: z.enum(['signature', 'witnesses']).nullable(),
    appealLastDay: z.string().nullable().openapi({ description: 'The last company day an appeal is accepted' }),
    appealUntil: z.string().nullable(),
    appeal: z.object({ reason: z.string(), at: z.string(), reviewerNames: z.array(z.string()) }).nullable(),
    ruling: z.object({ outcome: z.enum(['upheld', 'rejected']), byName: z.string(), at: z.string(), comment: z.string().nullable() }).nullable(),
    effectiveAt: z.string().nullable(),
    voided: z.object({ reason: z.enum(['appeal_upheld', 'not_served']), at: z.string(), restored: z.array(z.string()) }).nullable(),
    dismissal: z.object({ requestId: z.string(), status: z.enum(['pending', 'approved', 'rejected']), decidedAt: z.string().nullable(), offboardingId: z.string().nullable(), rejectedBy: z.string().nullable(), comment: z.string().nullable() }).nullable(),
    requesterId: z.string().nullable(), requesterName: z.string().nullable().openapi({ description: 'The issuer' }),
    policyVersion: z.number().int(),
    steps: z.array(StepSchema).optional(),
    can: z.object({ acknowledge: z.boolean(), refuse: z.boolean(), witness: z.boolean(), nameWitnesses: z.boolean(), appeal: z.boolean() }).optional(),
    createdAt: z.string(), updatedAt: z.string(), version: z.number().int(),
  })
  .openapi('DisciplinaryAction');

const CreateAction = z.object({
  employeeId: z.string().min(1).max(64),
  violationCode: z.string().min(1).max(24).openapi({ description: 'A code of the discipline policy’s `violations`' }),
  facts: reasonText(FACTS_MAX).openapi({ description: '违纪事实 (required)' }),
  occurredAt: z.string().datetime({ offset: true }).openapi({ description: 'When it happened (ISO-8601): not in the future, and within the counting window' }),
  evidence: z.array(z.string().min(1).max(64)).max(10).default([]).openapi({ description: 'Attachment ids (POST /attachments) uploaded by the issuer' }),
  witnessIds: z.array(z.string().min(1).max(64)).max(5).default([]).openapi({ description: 'Witnesses named ahead, for a refusal (user ids; the policy’s number, neither the employee nor you)' }),
}).strict().openapi('CreateDisciplinaryAction');

const PreviewBody = z.object({ employeeId: z.string().min(1).max(64), violationCode: z.string().min(1).max(24), occurredAt: z.string().datetime({ offset: true }) }).strict();
const SignatureBody = z.object({ signature: z.string().min(1).max(SIGNATURE_CHARS).openapi({ description: 'The handwritten signature: a data: URL of a PNG or JPEG image (at most 200 KB)' }) }).strict();

const ListQuery = z.object({
  employeeId: z.string().min(1).max(64).optional().openapi({ description: 'One employee’s history, newest first (by when it happened)' }),
  status: z.enum(DISCIPLINE_STATUSES).optional(),
  open: z.enum(['true']).optional().openapi({ description: 'Only actions still waiting for something, soonest deadline first' }),
  ...LimitCursor,
});

function present(r: DisciplinaryAction, lang: Lang, now: Date): z.infer<typeof DisciplinaryActionSchema> {
  const status = presentedStatus(r, now);
  const sig = (s: DisciplinaryAction['witnesses'][number]) => ({ userId: s.userId, name: s.name, role: s.role, at: s.at, channel: s.channel, imageSha256: s.imageSha256, noticeHash: s.noticeHash, imageUrl: null as string | null });
  return {
    id: r.id, status, statusLabel: statusLabel(status, lang), level: r.level, levelLabel: levelLabel(r.level, lang), catalogueLevel: r.catalogueLevel,
    violationCode: r.violation.code, violation: { code: r.violation.code, level: r.violation.level, fine: r.violation.fine, label: r.violation.label[lang], labels: r.violation.label },
    fine: r.fine, employeeId: r.employeeId, employeeName: r.employeeName, employeeNo: r.employeeNo,
    facts: r.facts, occurredAt: r.occurredAt, occurredOn: r.occurredOn, evidence: r.evidence,
    counted: r.counted, countedSummary: r.countedSummary.map((c) => ({ id: c.id, level: c.level, levelLabel: levelLabel(c.level, lang), occurredOn: c.occurredOn, violationCode: c.violationCode, label: c.label[lang] })),
    rule: { code: r.rule.code, rules: r.rule.rules, text: r.rule.text[lang] }, rolledUpInto: r.rolledUpInto, restored: r.restored, countsUntil: r.countsUntil, terms: r.terms,
    noticeHash: r.noticeHash, notice: { title: actionTitle(r)[lang], rows: actionRows(r, lang), text: noticeText(r.id, actionRows(r, 'zh-CN')) },
    signature: r.signature ? sig(r.signature) : null, refusal: r.refusal, witnessIds: r.witnessIds, witnessNames: r.witnessNames, witnesses: r.witnesses.map(sig),
    servedAt: r.servedAt, servedBy: r.servedBy, appealLastDay: r.appealLastDay, appealUntil: r.appealUntil,
    appeal: r.appeal ? { reason: r.appeal.reason, at: r.appeal.at, reviewerNames: r.appeal.reviewerNames } : null,
    ruling: r.ruling ? { outcome: r.ruling.outcome, byName: r.ruling.byName, at: r.ruling.at, comment: r.ruling.comment } : null,
    effectiveAt: r.effectiveAt, voided: r.voided, dismissal: r.dismissal, requesterId: r.requesterId, requesterName: r.requesterName, policyVersion: r.policyVersion,
    createdAt: r.createdAt, updatedAt: r.updatedAt, version: r.version,
  };
}

/** An action the reader may see: the employee, whoever's scope holds them, the issuer, the named witnesses and whoever holds or held a task on it; else 404. */
async function visibleAction(c: Context<AppEnv>, p: Principal, id: string): Promise<DisciplinaryAction> {
  const deps = c.get('deps');
  const [r, scope] = await Promise.all([getRequest<DisciplinaryAction>(deps.store, DISCIPLINE, id), scopeOf(c, p)]);
  if (!r) throw new DomainError('DISCIPLINE.NOT_FOUND', 'id');
  if (scope !== undefined && inScope(scope, r.employeePath)) return r;
  if (p.kind === 'user' && (r.employeeUserId === p.id || r.requesterId === p.id || r.witnessIds.includes(p.id) || (await tookPart(deps.store, DISCIPLINE, r.id, p.id)))) return r;
  throw new DomainError('DISCIPLINE.NOT_FOUND', 'id');
}

/**
 * The employee an action (or its preview) is about: never oneself, and someone in the caller's
 * part of the organisation (422 naming `employeeId`; any other failure is not hidden as one).
 */
async function subjectOf(c: Context<AppEnv>, p: Principal, employeeId: string) {
  if (p.kind === 'user' && p.employeeId === employeeId) throw new DomainError('DISCIPLINE.SELF', 'employeeId');
  try {
    return await visibleEmployee(c, p, employeeId);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'EMPLOYEE.NOT_FOUND') throw new DomainError('DISCIPLINE.EMPLOYEE_NOT_FOUND', 'employeeId');
    throw err;
  }
}

/** A person's own act (sign, refuse, witness, appeal): never an API key. */
function person(c: Context<AppEnv>): { id: string; name: string; employeeId: string | null } {
  const p = principalOf(c);
  if (p.kind !== 'user') throw new DomainError('AUTH.FORBIDDEN');
  return { id: p.id, name: p.name, employeeId: p.employeeId ?? null };
}

/** Whether the reader is over the employee (the issuer aside): a manager whose scope holds them, or HR. */
async function overEmployee(c: Context<AppEnv>, p: Principal, r: DisciplinaryAction): Promise<boolean> {
  if (can(p, 'discipline:manage')) return true;
  const scope = await scopeOf(c, p);
  return scope !== undefined && scope !== null && can(p, 'discipline:write') && inScope(scope, r.employeePath) && p.employeeId !== r.employeeId;
}

export function disciplinaryActionsRoutes() {
  const app = newRouter();
  const single = (r: DisciplinaryAction, c: Context<AppEnv>) => present(r, c.get('lang'), c.get('deps').now());

  app.openapi(
    createRoute({
      method: 'post', path: '/', operationId: 'createDisciplinaryAction', tags: ['discipline'],
      summary: '记录违纪: record a violation for someone under you (a team lead or above); the level comes from the ladder (3 verbal = 1 written, 3 written = 1 final, after a final warning → dismissal)',
      description: 'The answer names the level, the rule that produced it and the earlier actions it counted (`counted`). A warning waits for the employee’s signature (`pending_signature`); a dismissal proposal (`dismissal_pending`) starts its approval chain (supervisor → CS manager → HR → GM, each signed in). Two actions for one employee at the same moment are computed one after the other: they never count the same earlier warnings.',
      middleware: [requires('discipline:write')] as const,
      request: { body: jsonBody(CreateAction) },
      responses: { 201: json(DisciplinaryActionSchema, 'Created'), ...problemResponses(400, 401, 403, 409, 422) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const body = c.req.valid('json');
      const employee = await subjectOf(c, p, body.employeeId);
      if (employee.status === 'terminated') throw new DomainError('DISCIPLINE.EMPLOYEE_LEFT', 'employeeId');
      const actor = actorOf(p);
      const r = await recordAction(deps.workflow, {
        actor: { ...actor, employeeId: p.kind === 'user' ? (p.employeeId ?? null) : null }, employee,
        violationCode: body.violationCode, facts: body.facts, occurredAt: body.occurredAt, evidence: body.evidence, witnessIds: body.witnessIds, channel: c.get('channel'),
      });
      return c.json(single(r, c), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/preview', operationId: 'previewDisciplinaryAction', tags: ['discipline'],
      summary: 'The level a violation would be issued at now, and why (nothing is written): the console shows it before saving',
      middleware: [requires('discipline:write')] as const,
      request: { body: jsonBody(PreviewBody) },
      responses: {
        200: json(z.object({ level: z.string(), levelLabel: z.string(), rule: z.object({ code: z.string(), rules: z.array(z.string()), text: z.string() }), counted: z.array(z.string()), fine: z.number(), policyVersion: z.number().int() }).openapi('DisciplinePreview')),
        ...problemResponses(400, 401, 403, 422),
      },
    }),
    async (c) => {
      const p = principalOf(c);
      const body = c.req.valid('json');
      const lang = c.get('lang');
      await subjectOf(c, p, body.employeeId);
      const out = await previewAction(c.get('deps').workflow, body);
      return c.json({ level: out.outcome.level, levelLabel: levelLabel(out.outcome.level, lang), rule: { code: out.rule.code, rules: out.rule.rules, text: out.rule.text[lang] }, counted: out.outcome.counted, fine: out.fine, policyVersion: out.policyVersion }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/', operationId: 'listDisciplinaryActions', tags: ['discipline'],
      summary: 'Disciplinary actions: one employee’s history (`employeeId`), those in a status, or the open ones by deadline (`open=true`); in your part of the organisation (your own too)',
      middleware: [requires('discipline:read')] as const,
      request: { query: ListQuery },
      responses: { 200: json(z.object({ items: z.array(DisciplinaryActionSchema), nextCursor: z.string().nullable() }).openapi('DisciplinaryActionPage')), ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      const p = principalOf(c);
      const q = c.req.valid('query');
      const deps = c.get('deps');
      const lang = c.get('lang');
      const now = deps.now();
      if (q.employeeId) {
        // One employee's file: theirs, or someone in the reader's scope.
        const own = p.kind === 'user' && p.employeeId === q.employeeId;
        if (!own) await visibleEmployee(c, p, q.employeeId);
        const page = await listActionsOfEmployee<DisciplinaryAction>(deps.store, q.employeeId, { limit: q.limit, cursor: q.cursor });
        const items = page.items.map((r) => present(r, lang, now)).filter((r) => !q.status || r.status === q.status);
        return c.json({ items, nextCursor: page.nextCursor }, 200);
      }
      const scope = await scopeOf(c, p);
      if (scope === undefined) return c.json({ items: [], nextCursor: null }, 200);
      if (q.open) {
        const page = await listOpenActions<DisciplinaryAction>(deps.store, { scopePath: scope, limit: q.limit, cursor: q.cursor });
        return c.json({ items: page.items.map((r) => present(r, lang, now)), nextCursor: page.nextCursor }, 200);
      }
      // `expired` is stored as effective: read those and keep the ones the reader asked for.
      const stored = q.status === 'expired' ? 'effective' : q.status;
      const page = await listRequests<DisciplinaryAction>(deps.store, DISCIPLINE, { status: stored, scopePath: scope, scopeAttribute: 'employeePath', limit: q.limit, cursor: q.cursor });
      const items = page.items.map((r) => present(r, lang, now)).filter((r) => !q.status || r.status === q.status);
      return c.json({ items, nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/fines', operationId: 'listDisciplineFines', tags: ['discipline'],
      summary: '乐捐 for payroll: the fines of actions that took effect in a month (HR)',
      middleware: [requires('discipline:manage')] as const,
      request: { query: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).openapi({ description: 'YYYY-MM (company time)' }) }) },
      responses: {
        200: json(z.object({
          month: z.string(), total: z.number(),
          items: z.array(z.object({ actionId: z.string(), employeeId: z.string(), employeeNo: z.string(), employeeName: z.string(), violationCode: z.string(), violation: z.string(), level: z.string(), levelLabel: z.string(), fine: z.number(), effectiveOn: z.string() })),
        }).openapi('DisciplineFines')),
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const { month } = c.req.valid('query');
      const lang = c.get('lang');
      const found = await listFinesOfMonth<DisciplinaryAction>(c.get('deps').store, month);
      const items = found.filter((r) => r.status === 'effective' && r.fine > 0).map((r) => ({
        actionId: r.id, employeeId: r.employeeId, employeeNo: r.employeeNo, employeeName: r.employeeName, violationCode: r.violation.code, violation: r.violation.label[lang],
        level: r.level, levelLabel: levelLabel(r.level, lang), fine: r.fine, effectiveOn: companyToday(new Date(r.effectiveAt!)),
      }));
      return c.json({ month, total: items.reduce((s, i) => s + i.fine, 0), items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/{id}', operationId: 'getDisciplinaryAction', tags: ['discipline'],
      summary: 'An action with its 处罚单, signatures (short-lived image links), appeal, timeline and what the reader may do',
      middleware: [requires('discipline:read')] as const,
      request: { params: IdParam },
      responses: { 200: json(DisciplinaryActionSchema), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const r = await visibleAction(c, p, c.req.valid('param').id);
      const lang = c.get('lang');
      const shown = single(r, c);
      const steps = await listSteps(deps.store, DISCIPLINE, r.id);
      const tasks = await getTasks(deps.store, steps.flatMap((s) => s.taskIds));
      const answers = await answersOf(engineCall(deps.workflow), DISCIPLINE, r.id, tasks, lang);
      const link = async (s: { imageKey: string }) => presignDownload(deps.objects, { key: s.imageKey, fileName: 'signature.png', contentType: s.imageKey.endsWith('jpg') ? 'image/jpeg' : 'image/png', expiresInSeconds: 600, signingDate: deps.now() });
      if (r.signature && shown.signature) shown.signature.imageUrl = await link(r.signature);
      await Promise.all(r.witnesses.map(async (w, i) => { shown.witnesses[i]!.imageUrl = await link(w); }));
      const pendingOf = (key: string) => steps.some((s) => s.stepKey === key && s.status === 'pending');
      const me = p.kind === 'user' ? p.id : null;
      const mine = me !== null && r.employeeUserId === me;
      const can = {
        acknowledge: mine && r.status === 'pending_signature' && !r.signature && pendingOf(NOTICE_STEP),
        refuse: mine && r.status === 'pending_signature' && !r.refusal && pendingOf(NOTICE_STEP),
        witness: me !== null && r.status === 'pending_signature' && !!r.refusal && r.witnessIds.includes(me) && !r.witnesses.some((w) => w.userId === me),
        nameWitnesses: me !== null && r.status === 'pending_signature' && (r.requesterId === me || (await overEmployee(c, p, r))),
        appeal: mine && r.status === 'appeal_window' && !!r.appealUntil && deps.now().toISOString() < r.appealUntil && pendingOf(APPEAL_STEP),
      };
      return c.json({ ...shown, steps: steps.map((s) => presentStep(s, tasks, answers)), can }, 200);
    },
  );

  /** 签收 and 见证签字: a person signs the notice by hand, after the same checks and with the same answer. */
  const signatureRoute = (verb: 'acknowledge' | 'witness', operationId: string, summary: string, sign: typeof acknowledge) => app.openapi(
    createRoute({
      method: 'post', path: `/{id}/${verb}`, operationId, tags: ['discipline'], summary,
      description: 'The image, the time, the channel and the hash of the notice text are kept with the action and shown on the printed notice.',
      middleware: [requires('discipline:read')] as const,
      request: { params: IdParam, body: jsonBody(SignatureBody) },
      responses: { 200: json(DisciplinaryActionSchema), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const actor = person(c);
      const { id } = c.req.valid('param');
      await visibleAction(c, principalOf(c), id);
      const r = await sign(c.get('deps').workflow, { actor, id, signature: c.req.valid('json').signature, channel: c.get('channel') });
      return c.json(single(r, c), 200);
    },
  );

  signatureRoute('acknowledge', 'acknowledgeDisciplinaryAction', '签收: the employee signs the 处罚单 by hand (signing is receipt, not agreement); the appeal window opens', acknowledge);

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/refuse', operationId: 'refuseDisciplinaryAction', tags: ['discipline'],
      summary: '拒签: the employee refuses to sign; the notice takes effect once the named witnesses sign (004 (六)3)',
      middleware: [requires('discipline:read')] as const,
      request: { params: IdParam, body: jsonBody(z.object({ reason: reasonText(REFUSAL_MAX).openapi({ description: 'Why (required)' }) }).strict()) },
      responses: { 200: json(DisciplinaryActionSchema), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const actor = person(c);
      const { id } = c.req.valid('param');
      await visibleAction(c, principalOf(c), id);
      const r = await refuse(c.get('deps').workflow, { actor, id, reason: c.req.valid('json').reason, channel: c.get('channel') });
      return c.json(single(r, c), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/witnesses', operationId: 'nameDisciplineWitnesses', tags: ['discipline'],
      summary: '指定见证人: the issuer (or a manager over the employee, or HR) names the witnesses for a refusal: the policy’s number, neither the employee nor the issuer',
      middleware: [requires('discipline:write')] as const,
      request: { params: IdParam, body: jsonBody(z.object({ userIds: z.array(z.string().min(1).max(64)).min(1).max(5) }).strict()) },
      responses: { 200: json(DisciplinaryActionSchema), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const actor = person(c);
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      const r = await visibleAction(c, p, id);
      if (r.requesterId !== actor.id && !(await overEmployee(c, p, r))) throw new DomainError('DISCIPLINE.ISSUER_ONLY');
      const body = c.req.valid('json');
      const next = await nameWitnesses(c.get('deps').workflow, { actor, id, userIds: body.userIds, channel: c.get('channel') }).catch((err: unknown) => {
        // The body names them `userIds`.
        if (err instanceof DomainError && err.field?.startsWith('witnessIds')) throw new DomainError(err.code, err.field.replace('witnessIds', 'userIds'), err.params);
        throw err;
      });
      return c.json(single(next, c), 200);
    },
  );

  signatureRoute('witness', 'witnessDisciplinaryAction', '见证签字: a named witness signs for the employee’s refusal; with the last one the notice is served and the appeal window opens', witnessSign);

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/appeal', operationId: 'appealDisciplinaryAction', tags: ['discipline'],
      summary: '申诉: the employee appeals in writing within the window (policy: 3 days); the issuer’s superior answers (policy: within 7 days) in 待我审批 — approving upholds the appeal and voids the action',
      middleware: [requires('discipline:read')] as const,
      request: {
        params: IdParam,
        body: jsonBody(z.object({
          reason: reasonText(APPEAL_REASON_MAX).openapi({ description: '申诉理由 (required)' }),
          attachments: z.array(z.string().min(1).max(64)).max(10).default([]).openapi({ description: 'Attachment ids (POST /attachments) you uploaded' }),
        }).strict()),
      },
      responses: { 200: json(DisciplinaryActionSchema), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const actor = person(c);
      const { id } = c.req.valid('param');
      await visibleAction(c, principalOf(c), id);
      const body = c.req.valid('json');
      const r = await appeal(c.get('deps').workflow, { actor, id, reason: body.reason, attachments: body.attachments, channel: c.get('channel') });
      return c.json(single(r, c), 200);
    },
  );

  return app;
}
