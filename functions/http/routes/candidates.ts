/**
 * Candidates (候选人, POLICIES.md §2 step 3, #14): HR adds who applied for an open opening; a
 * candidate with the mobile or email of an earlier one (any opening) is flagged with their ids
 * (`duplicateOf`), never merged. Personal data is for HR, administrators, the requisition's
 * requester and its approvers only (candidate-access.ts); every create and every look at a CV
 * is audited (`GET /audit?entityType=candidate&entityId=`).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { CANDIDATE_CV_KIND } from '../../domain/attachments/types.js';
import { DomainError } from '../../domain/errors.js';
import {
  CANDIDATE_STAGES, candidateContact, candidateSourceLabel, candidateStageLabel, checkCandidateSource, checkOpeningTakesCandidates,
} from '../../domain/recruitment/candidate.js';
import type { RecruitmentPolicy } from '../../domain/policy/defaults.js';
import { enumName } from '../../email/values.js';
import { claimAttachments, getAttachment } from '../../storage/attachments.js';
import { auditPut } from '../../storage/audit.js';
import { candidatePut, createCandidate, getCandidates, listCandidates, recordCvView, type Candidate } from '../../storage/candidates.js';
import { transact } from '../../storage/transact.js';
import { newId } from '../../storage/ids.js';
import { getOpening } from '../../storage/openings.js';
import { getPolicy } from '../../storage/policies.js';
import { actorOf, newRouter, nowIso, principalOf } from '../env.js';
import { idempotent } from '../middleware/idempotency.js';
import { peopleOnly, requires, signedIn } from '../middleware/requires.js';
import { IDEMPOTENCY_KEY, IdParam, LimitCursor, json, jsonBody, lineText, paragraphText, problemResponses, reasonText } from '../schemas.js';
import { DownloadSchema, downloadAnswer } from './attachments.js';
import { openingWithVisibleCandidates, visibleCandidate } from './candidate-access.js';
import { AttachmentRefSchema } from './steps.js';
import { CandidateHiringSchema, presentHiring } from './candidate-hiring.js';
import { getRequest } from '../../storage/requests.js';
import { HIRING, type HiringRequest } from '../../workflow/kinds/hiring.js';

import { ERASED_NAME } from '../../domain/recruitment/retention.js';

type Lang = 'zh-CN' | 'en';

const EarlierSchema = z.object({
  id: z.string(),
  openingId: z.string(),
  openingTitle: z.string().nullable().openapi({ description: 'The opening’s post and team, in the reader’s language (null if it is gone)' }),
  stage: z.enum(CANDIDATE_STAGES).openapi({ description: 'How far that application got (its outcome, once ended)' }),
  stageLabel: z.string(),
  createdAt: z.string(),
}).openapi('CandidateEarlier');

export const CandidateSchema = z
  .object({
    id: z.string(),
    openingId: z.string(),
    name: z.string().openapi({ description: 'As entered; once erased, a placeholder in the reader’s language (（已删除的候选人）)' }),
    phone: z.string().nullable().openapi({ description: 'Mainland mobile, normalised (11 digits, no +86)' }),
    email: z.string().nullable().openapi({ description: 'Lower-case' }),
    source: z.string().openapi({ description: 'A key of the recruitment policy’s candidateSources' }),
    sourceLabel: z.string(),
    notes: z.string().nullable(),
    cv: AttachmentRefSchema.nullable().openapi({ description: 'Read it through GET /candidates/{id}/cv (audited)' }),
    stage: z.enum(CANDIDATE_STAGES).openapi({ description: 'new when added; screening → interview → offer → hired, or rejected / withdrawn, come with interviews and offers' }),
    stageLabel: z.string(),
    duplicateOf: z.array(z.string()).openapi({ description: 'Earlier candidates (any opening) with the same mobile or email, oldest first; empty if none' }),
    duplicates: z.array(EarlierSchema).optional().openapi({ description: 'GET /candidates/{id} only: each of `duplicateOf` with its opening and stage' }),
    offerId: z.string().nullable().openapi({ description: 'Their offer (GET /offers/{id}) once HR made one; null before' }),
    hiringId: z.string().nullable().openapi({ description: 'The candidate’s hiring request (interviews, the hire decision), once round 1 is scheduled' }),
    hiring: CandidateHiringSchema.nullable().optional().openapi({ description: 'GET /candidates/{id} only: the rounds (schedule, answers, average) and the current step' }),
    erasedAt: z.string().nullable().openapi({ description: 'When the personal data (name, mobile, email, notes, CV) was erased, the recruitment policy’s candidateRetentionDays after a candidate not hired last changed; null while kept' }),
    createdById: z.string(), createdByName: z.string(),
    createdAt: z.string(), updatedAt: z.string(), version: z.number().int(),
  })
  .openapi('Candidate');

const NewCandidate = z.object({
  openingId: z.string().min(1).max(64).openapi({ description: 'An open opening (its requisition’s id)' }),
  name: lineText(100).openapi({ description: '姓名' }),
  phone: z.string().max(40).nullable().optional().openapi({ description: 'Mainland mobile; +86, spaces and dashes are dropped. Phone or email (or both) is required' }),
  email: z.string().max(254).nullable().optional().openapi({ description: 'Stored lower-case. Phone or email (or both) is required' }),
  source: z.string().min(1).max(64).openapi({ description: 'A key of the recruitment policy’s candidateSources (boss, zhaopin, 51job, referral, walk_in, other by default)' }),
  notes: paragraphText(2000).optional(),
  cv: z.string().min(1).max(64).optional().openapi({ description: 'An attachment id from POST /attachments (your upload, not yet attached): the CV' }),
}).strict().openapi('NewCandidate');

/** The moves HR makes by hand (before round 1); the processes make the others. */
const MANUAL_MOVES: Partial<Record<(typeof CANDIDATE_STAGES)[number], readonly (typeof CANDIDATE_STAGES)[number][]>> = {
  new: ['screening', 'rejected', 'withdrawn'],
  screening: ['new', 'rejected', 'withdrawn'],
};

const MoveCandidate = z.object({
  stage: z.enum(['new', 'screening', 'rejected', 'withdrawn']),
  reason: reasonText(500).optional().openapi({ description: 'Why they leave (needed for rejected and withdrawn)' }),
  version: z.number().int().min(1),
}).strict().openapi('MoveCandidate');

const ListQuery = z.object({
  openingId: z.string().min(1).max(64).openapi({ description: 'The opening whose candidates to list' }),
  ...LimitCursor,
});

function present(c: Candidate, policy: RecruitmentPolicy, lang: Lang): z.infer<typeof CandidateSchema> {
  return {
    id: c.id, openingId: c.openingId, name: c.erasedAt ? ERASED_NAME[lang] : c.name, phone: c.phone, email: c.email, erasedAt: c.erasedAt ?? null,
    source: c.source, sourceLabel: candidateSourceLabel(policy, c.source, lang), notes: c.notes, cv: c.cv,
    stage: c.stage, stageLabel: candidateStageLabel(c.stage, lang), duplicateOf: c.duplicateOf, hiringId: c.hiringId ?? null, offerId: c.offerId ?? null,
    createdById: c.createdById, createdByName: c.createdByName, createdAt: c.createdAt, updatedAt: c.updatedAt, version: c.version,
  };
}

export function candidatesRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'post', path: '/', operationId: 'createCandidate', tags: ['recruitment'],
      summary: 'Add a candidate to an open opening (HR); one with the mobile or email of an earlier candidate is flagged (`duplicateOf`), not merged',
      description: 'Phone or email is required (400 `CANDIDATE.CONTACT_REQUIRED` naming both); `source` must be a key of the recruitment policy’s candidateSources (400 `CANDIDATE.SOURCE_UNKNOWN`); the opening must exist (404 `OPENING.NOT_FOUND`) and be open (409 `OPENING.CLOSED`). Audited.',
      middleware: [requires('recruitment:manage'), idempotent()] as const,
      parameters: [IDEMPOTENCY_KEY],
      request: { body: jsonBody(NewCandidate) },
      responses: { 201: json(CandidateSchema, 'Created'), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const lang = c.get('lang');
      const body = c.req.valid('json');
      const contact = candidateContact(body);
      const recruitment = (await getPolicy(deps.store, 'recruitment')).values;
      checkCandidateSource(recruitment, body.source);
      const opening = await getOpening(deps.store, body.openingId);
      if (!opening) throw new DomainError('OPENING.NOT_FOUND', 'openingId');
      checkOpeningTakesCandidates(opening.status, lang);

      const now = deps.now();
      const at = now.toISOString();
      const id = newId(now.getTime());
      const claim = await claimAttachments(deps, body.cv ? [body.cv] : [], { id: p.id }, { requestKind: CANDIDATE_CV_KIND, requestId: id, via: 'cv', targetId: id })
        .catch((err: unknown) => {
          // The claim names its list (`attachments`); here it is the one field `cv`.
          throw err instanceof DomainError && err.code.startsWith('ATTACHMENT.') ? new DomainError(err.code, 'cv', err.params) : err;
        });
      const actor = actorOf(p);
      const saved = await createCandidate(deps.store, contact, (duplicateOf) => ({
        candidate: {
          id, openingId: opening.id, name: body.name, phone: contact.phone, email: contact.email, source: body.source, notes: body.notes?.trim() || null,
          cv: claim.refs[0] ?? null, stage: 'new', duplicateOf, createdById: actor.id, createdByName: actor.name, createdAt: at, updatedAt: at, version: 1,
        },
        // Ids only: the trail holds no personal data.
        audit: {
          entityType: 'candidate', entityId: id, action: 'create', actor, channel: c.get('channel'), at, before: null,
          after: { openingId: opening.id, source: body.source, cv: body.cv ?? null, duplicateOf },
        },
        extra: claim.items,
      }));
      return c.json(present(saved, recruitment, lang), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/', operationId: 'listCandidates', tags: ['recruitment'],
      summary: 'An opening’s candidates, newest first: for HR, administrators, and the requisition’s requester and approvers (else 404)',
      middleware: [requires('recruitment:read')] as const,
      request: { query: ListQuery },
      responses: { 200: json(z.object({ items: z.array(CandidateSchema), nextCursor: z.string().nullable() }).openapi('CandidatePage')), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const p = principalOf(c);
      const q = c.req.valid('query');
      const { store } = c.get('deps');
      const opening = await openingWithVisibleCandidates(c, p, q.openingId);
      const [page, recruitment] = await Promise.all([listCandidates(store, { openingId: opening.id, limit: q.limit, cursor: q.cursor }), getPolicy(store, 'recruitment')]);
      return c.json({ items: page.items.map((x) => present(x, recruitment.values, c.get('lang'))), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/{id}', operationId: 'getCandidate', tags: ['recruitment'],
      summary: 'A candidate, with each earlier candidate of the same mobile or email: their opening and how far they got. For HR, the requisition’s requester and chain, and the candidate’s interviewers (their own answers only); else 404',
      middleware: [signedIn({ apiKeys: 'recruitment:read' })] as const,
      request: { params: IdParam },
      responses: { 200: json(CandidateSchema), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const p = principalOf(c);
      const { store } = c.get('deps');
      const lang = c.get('lang');
      const { candidate, as } = await visibleCandidate(c, p, c.req.valid('param').id);
      const [recruitment, earlier, hiring] = await Promise.all([
        getPolicy(store, 'recruitment'), getCandidates(store, candidate.duplicateOf),
        candidate.hiringId ? getRequest<HiringRequest>(store, HIRING, candidate.hiringId) : null,
      ]);
      const openings = new Map(await Promise.all([...new Set(earlier.map((e) => e.openingId))].map(async (oid) => [oid, await getOpening(store, oid)] as const)));
      const duplicates = earlier.map((e) => {
        const o = openings.get(e.openingId);
        return {
          id: e.id, openingId: e.openingId, openingTitle: o ? openingTitle(o, lang) : null,
          stage: e.stage, stageLabel: candidateStageLabel(e.stage, lang), createdAt: e.createdAt,
        };
      });
      return c.json({ ...present(candidate, recruitment.values, lang), duplicates, hiring: hiring ? presentHiring(hiring, lang, as === 'interviewer' ? p.id : undefined) : null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/stage', operationId: 'moveCandidate', tags: ['recruitment'],
      summary: 'HR moves a candidate before their interviews: new ↔ screening, or out (rejected: not suitable; withdrawn: they dropped out), with a reason for leaving',
      description:
        'The interviews, the hire decision and the offer move the candidate by themselves (interview, offer, hired, and out when one ends); here only the moves before round 1: ' +
        '`new` ↔ `screening`, and `new`/`screening` → `rejected` | `withdrawn` (a `reason` needed). Anything else is 409 CANDIDATE.STAGE_MOVE naming `stage`. `version` must be the one you read.',
      middleware: [requires('recruitment:manage')] as const,
      request: { params: IdParam, body: jsonBody(MoveCandidate) },
      responses: { 200: json(CandidateSchema), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const p = principalOf(c);
      const { store } = c.get('deps');
      const lang = c.get('lang');
      const body = c.req.valid('json');
      const { candidate } = await visibleCandidate(c, p, c.req.valid('param').id);
      if (candidate.version !== body.version) throw new DomainError('RECORD.VERSION_CONFLICT', 'version', { version: body.version });
      const allowed = MANUAL_MOVES[candidate.stage] ?? [];
      if (!allowed.includes(body.stage) || candidate.hiringId) {
        throw new DomainError('CANDIDATE.STAGE_MOVE', 'stage', { from: candidateStageLabel(candidate.stage, lang), to: candidateStageLabel(body.stage, lang) });
      }
      const leaving = body.stage === 'rejected' || body.stage === 'withdrawn';
      if (leaving && !body.reason) throw new DomainError('CANDIDATE.REASON_REQUIRED', 'reason');
      const at = nowIso(c);
      const next: Candidate = { ...candidate, stage: body.stage, updatedAt: at, version: candidate.version + 1 };
      await transact(store, [
        candidatePut(store, next, candidate),
        { write: auditPut(store, { entityType: 'candidate', entityId: candidate.id, action: 'stage', actor: actorOf(p), channel: c.get('channel'), at, before: { stage: candidate.stage }, after: { stage: body.stage, ...(body.reason ? { reason: body.reason } : {}) } }) },
      ]);
      const recruitment = await getPolicy(store, 'recruitment');
      return c.json(present(next, recruitment.values, lang), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/{id}/cv', operationId: 'downloadCandidateCv', tags: ['recruitment'],
      summary: 'The candidate’s CV: a short-lived link; every look is audited (who, when) on the candidate and the file',
      description: 'For whoever may read the candidate (else 404). Answers 302 to the presigned GET, or `{url, expiresAt, fileName}` with `Accept: application/json`. No CV: 404 `CANDIDATE.NO_CV`.',
      middleware: [peopleOnly(), signedIn()] as const,
      request: { params: IdParam },
      responses: {
        200: json(DownloadSchema),
        302: { description: 'To the presigned GET (valid for a few minutes)', headers: z.object({ Location: z.string() }) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const { candidate } = await visibleCandidate(c, p, c.req.valid('param').id);
      const now = deps.now();
      const cv = candidate.cv ? await getAttachment(deps.store, candidate.cv.id, now) : null;
      if (!cv) throw new DomainError('CANDIDATE.NO_CV', 'id');
      await recordCvView(deps.store, candidate.id, cv, actorOf(p), c.get('channel'), now.toISOString());
      return downloadAnswer(c, cv, now);
    },
  );

  return app;
}

function openingTitle(o: { post: string; teamName: string }, lang: Lang): string {
  const post = enumName('post', o.post, lang);
  return lang === 'zh-CN' ? `${post}（${o.teamName}）` : `${post} (${o.teamName})`;
}
