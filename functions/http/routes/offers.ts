/**
 * Offers (录用通知, POLICIES.md §2 steps 5–6; seeds 000 第三章, 001 第二篇): HR offers the post to
 * a candidate the GM approved; the letter is mailed with a signed link the candidate accepts or
 * declines without an account (routes/offer-letters.ts); HR records the report (报到), which
 * makes them an employee on probation with a sign-in invitation and an onboarding checklist.
 * The offer's request (workflow/kinds/offer.ts) asks the GM for a salary outside the ladder and
 * holds the report window: not reported by its last day, the offer lapses by itself.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { can, type Principal } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { addMonths, companyToday } from '../../domain/people/dates.js';
import { newEmployee } from '../../domain/people/employee-rules.js';
import { LEVELS, type Post } from '../../domain/people/model.js';
import { buildChecklist } from '../../domain/recruitment/onboarding.js';
import { auditPut, type Channel } from '../../storage/audit.js';
import { candidatePut, getCandidate, type Candidate } from '../../storage/candidates.js';
import { funnelCount } from '../../storage/counters.js';
import { assertEmployeeEmailFree } from '../../storage/emails.js';
import { employeeCreateWrites, getEmployee, type StoredEmployee } from '../../storage/employees.js';
import { newId } from '../../storage/ids.js';
import { checklistWrites } from '../../storage/onboarding.js';
import { getOpening, openingPut, type Opening } from '../../storage/openings.js';
import { getOrgUnit } from '../../storage/org-units.js';
import { getPolicy } from '../../storage/policies.js';
import { createRequest, getRequest, listRequests, requestPut } from '../../storage/requests.js';
import { transact, type TxItem } from '../../storage/transact.js';
import { getUser, getUserByEmail, userCreateWrites, type StoredUser } from '../../storage/users.js';
import { HIRING, type HiringRequest } from '../../workflow/kinds/hiring.js';
import {
  endWithoutHire, freeHeads, ladderRange, letterMail, OFFER, OFFER_OPEN, OFFER_STATUSES, offerStatusLabel, REPORT_DOCUMENTS, reportWindow, staffNotices,
  type Offer, type OfferStatus,
} from '../../workflow/kinds/offer.js';
import { REQUISITION, type Requisition } from '../../workflow/kinds/requisition.js';
import type { WorkflowDeps } from '../../workflow/kinds.js';
import { newNonce, sendGuarded, type GuardedMail } from '../../workflow/notify.js';
import { executionArnOf, startLater } from '../../workflow/start.js';
import { withdraw } from '../../workflow/verbs.js';
import { actorOf, newRouter, principalOf, type AppEnv } from '../env.js';
import { requires } from '../middleware/requires.js';
import { hashPassword } from '../security/passwords.js';
import { invitationWrites } from '../security/password-reset.js';
import { newToken } from '../security/tokens.js';
import { DateString, IdParam, LimitCursor, json, jsonBody, paragraphText, problemResponses, reasonText } from '../schemas.js';
import { openingWithVisibleCandidates } from './candidate-access.js';
import { tookPart } from './request-access.js';

type Lang = 'zh-CN' | 'en';

export const OfferSchema = z.object({
  id: z.string(),
  status: z.enum(OFFER_STATUSES).openapi({
    description: 'pending_approval (the GM is to approve a salary outside the ladder; no letter yet) → sent → accepted | declined; lapsed (not reported by reportBy); reported; withdrawn; rejected (the GM refused the salary)',
  }),
  statusLabel: z.string(),
  candidateId: z.string(), candidateName: z.string(),
  openingId: z.string(), requisitionId: z.string(),
  post: z.string(), teamId: z.string(), teamName: z.string(),
  startDate: z.string(), level: z.enum(LEVELS), baseSalary: z.number(), salaryMin: z.number(), salaryMax: z.number(),
  outsideLadder: z.boolean().openapi({ description: 'The salary is outside the level’s range: the GM approved (or is to approve) it' }),
  probationMonths: z.number().int(),
  reportBy: z.string().openapi({ description: 'The last day to report (start date + the policy’s reportWithinDays); the offer lapses after it' }),
  lapseAt: z.string(),
  sentAt: z.string().nullable(),
  response: z.object({ answer: z.enum(['accept', 'decline']), at: z.string(), reason: z.string().nullable(), byName: z.string().nullable() }).nullable(),
  report: z.object({ on: z.string(), documentsSeen: z.array(z.enum(REPORT_DOCUMENTS)), employeeId: z.string(), mentorId: z.string().nullable(), byName: z.string(), at: z.string() }).nullable(),
  withdrawal: z.object({ reason: z.string().nullable(), byName: z.string(), at: z.string() }).nullable(),
  currentStep: z.string().nullable(),
  requesterId: z.string().nullable(), requesterName: z.string().nullable(),
  createdAt: z.string(), updatedAt: z.string(), version: z.number().int(),
}).openapi('Offer');

function present(r: Offer, lang: Lang): z.infer<typeof OfferSchema> {
  return {
    id: r.id, status: r.status, statusLabel: offerStatusLabel(r.status, lang), candidateId: r.candidateId, candidateName: r.candidateName,
    openingId: r.openingId, requisitionId: r.requisitionId, post: r.post, teamId: r.teamId, teamName: r.teamName,
    startDate: r.startDate, level: r.level, baseSalary: r.baseSalary, salaryMin: r.salaryMin, salaryMax: r.salaryMax, outsideLadder: r.outsideLadder,
    probationMonths: r.probationMonths, reportBy: r.reportBy, lapseAt: r.lapseAt, sentAt: r.sentAt, response: r.response,
    report: r.report ? { on: r.report.on, documentsSeen: r.report.documentsSeen, employeeId: r.report.employeeId, mentorId: r.report.mentorId, byName: r.report.byName, at: r.report.at } : null,
    withdrawal: r.withdrawal, currentStep: r.currentStep ?? null, requesterId: r.requesterId, requesterName: r.requesterName,
    createdAt: r.createdAt, updatedAt: r.updatedAt, version: r.version,
  };
}

const CreateOffer = z.object({
  candidateId: z.string().min(1).max(64),
  startDate: DateString.openapi({ description: 'The first working day (company date); not before today' }),
  level: z.enum(LEVELS),
  baseSalary: z.number().int().min(1).max(1_000_000).openapi({ description: 'Yuan a month. Outside the level’s range on the ladder, the GM approves it before the letter goes' }),
  probationMonths: z.number().int().optional().openapi({ description: 'Default: the probation policy’s defaultMonths (3); within its minMonths–maxMonths (1–6)' }),
}).strict().openapi('CreateOffer');

const Respond = z.object({
  answer: z.enum(['accept', 'decline']),
  reason: paragraphText(500).optional().openapi({ description: 'Why they declined (optional)' }),
}).strict().openapi('OfferResponse');

const Withdraw = z.object({ reason: reasonText(500) }).strict().openapi('WithdrawOffer');

const Report = z.object({
  reportedOn: DateString.optional().openapi({ description: 'The day they reported (default today); not after reportBy, not in the future' }),
  documentsSeen: z.array(z.enum(REPORT_DOCUMENTS)).max(REPORT_DOCUMENTS.length).default([...REPORT_DOCUMENTS])
    .openapi({ description: 'The documents HR saw (001: ID card, diploma, health check); all three are needed. Default: all three' }),
  mentorId: z.string().min(1).max(64).optional().openapi({ description: 'The mentor (带教师傅, 000: a senior colleague): an employee id' }),
  superiorId: z.string().min(1).max(64).optional().openapi({ description: 'The direct superior; default the requisition’s requester' }),
  employeeNo: z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/, { message: 'format.employeeNo' }).optional().openapi({ description: '工号; default one made of the report date and the offer' }),
}).strict().openapi('ReportOffer');

const Reported = z.object({ employeeId: z.string(), offer: OfferSchema, accountId: z.string().nullable(), checklistId: z.string() }).openapi('OfferReported');

/** Offers are candidates' personal data: visible to whoever sees the opening's candidates, and to the people asked on the offer (the GM). */
async function visibleOffer(c: Context<AppEnv>, p: Principal, id: string): Promise<Offer> {
  const { store } = c.get('deps');
  const offer = await getRequest<Offer>(store, OFFER, id);
  if (!offer) throw new DomainError('OFFER.NOT_FOUND', 'id');
  if (can(p, 'recruitment:manage')) return offer;
  if (p.kind === 'user' && (await tookPart(store, OFFER, id, p.id))) return offer;
  try {
    await openingWithVisibleCandidates(c, p, offer.openingId);
    return offer;
  } catch (err) {
    if (err instanceof DomainError) throw new DomainError('OFFER.NOT_FOUND', 'id');
    throw err;
  }
}

/** Tries a change that reads and writes the opening (and other versioned records) again when someone changed one meanwhile. */
async function retryingConflicts<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'RECORD.VERSION_CONFLICT') || attempt >= 6) throw err;
      await new Promise((res) => setTimeout(res, 10 + Math.random() * 40));
    }
  }
}

/** A made-up employee number when HR gives none: the report date and the offer's last characters. */
const employeeNoFor = (offer: Offer, on: string) => `${on.replaceAll('-', '')}${offer.id.slice(-4).toUpperCase()}`;

export function offersRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'post', path: '/', operationId: 'createOffer', tags: ['recruitment'],
      summary: 'HR makes an offer to a candidate whose hire the GM approved; the letter goes by mail (after the GM, for a salary outside the ladder)',
      description:
        'The offer holds one head of the opening until it is declined, lapses, is withdrawn or refused (the head is free again) or the hire reports (the head is filled): ' +
        'an opening is never offered beyond its headcount (409 OFFER.NO_HEADS). One offer per candidate at a time (409 OFFER.EXISTS). ' +
        '`reportBy` is the start date + the recruitment policy’s `reportWithinDays` (10): not reported by the end of that day, the offer lapses by itself.',
      middleware: [requires('recruitment:manage')] as const,
      request: { body: jsonBody(CreateOffer) },
      responses: { 201: json(OfferSchema, 'Made'), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const lang = c.get('lang');
      const body = c.req.valid('json');
      const by = actorOf(p);
      const today = companyToday(deps.now());
      if (body.startDate < today) throw new DomainError('OFFER.START_DATE_PAST', 'startDate', { today });
      const [recruitment, org, probation] = await Promise.all([getPolicy(deps.store, 'recruitment'), getPolicy(deps.store, 'org'), getPolicy(deps.store, 'probation')]);
      const months = body.probationMonths ?? probation.values.defaultMonths;
      if (months < probation.values.minMonths || months > probation.values.maxMonths) {
        throw new DomainError('OFFER.PROBATION_RANGE', 'probationMonths', { min: probation.values.minMonths, max: probation.values.maxMonths });
      }
      const range = ladderRange(org.values.levelBaseSalary[body.level], recruitment.values.salaryRangePercent);
      const outsideLadder = body.baseSalary < range.min || body.baseSalary > range.max;
      const { reportBy, lapseAt } = reportWindow(body.startDate, recruitment.values.reportWithinDays);

      const offer = await retryingConflicts(async () => {
        const candidate = await getCandidate(deps.store, body.candidateId);
        if (!candidate) throw new DomainError('CANDIDATE.NOT_FOUND', 'candidateId');
        if (candidate.offerId) {
          const earlier = await getRequest<Offer>(deps.store, OFFER, candidate.offerId);
          throw new DomainError('OFFER.EXISTS', 'candidateId', { status: earlier ? offerStatusLabel(earlier.status, lang) : '—' });
        }
        // The GM's hire decision moved the candidate to `offer` (workflow/kinds/hiring.ts).
        if (candidate.stage !== 'offer') throw new DomainError('OFFER.NOT_APPROVED', 'candidateId');
        if (!candidate.email) throw new DomainError('OFFER.NO_EMAIL', 'candidateId');
        const opening = await getOpening(deps.store, candidate.openingId);
        if (!opening) throw new DomainError('OPENING.NOT_FOUND', 'candidateId');
        if (opening.status !== 'open') throw new DomainError('OFFER.OPENING_CLOSED', 'candidateId', { status: openingStatusWord(opening, lang) });
        if (freeHeads(opening) <= 0) throw new DomainError('OFFER.NO_HEADS', 'candidateId', { headcount: opening.headcount, filled: opening.filled, held: opening.held ?? 0 });
        const hiring = candidate.hiringId ? await getRequest<HiringRequest>(deps.store, HIRING, candidate.hiringId) : null;
        if (hiring && hiring.status !== 'hire_approved') throw new DomainError('OFFER.NOT_APPROVED', 'candidateId');

        const at = deps.now().toISOString();
        const id = newId(deps.now().getTime());
        const record: Offer = {
          id, status: outsideLadder ? 'pending_approval' : 'sent', requesterId: by.id, requesterName: by.name,
          candidateId: candidate.id, candidateName: candidate.name, candidateEmail: candidate.email, candidatePhone: candidate.phone,
          openingId: opening.id, requisitionId: opening.requisitionId, hiringId: candidate.hiringId ?? null,
          post: opening.post, teamId: opening.teamId, teamName: opening.teamName, scopePath: opening.scopePath,
          startDate: body.startDate, level: body.level, baseSalary: body.baseSalary, salaryMin: range.min, salaryMax: range.max, outsideLadder,
          probationMonths: months, reportWithinDays: recruitment.values.reportWithinDays, reportBy, lapseAt, linkNonce: newNonce(),
          sentAt: outsideLadder ? null : at, response: null, report: null, withdrawal: null,
          policyVersion: recruitment.version, stepDueHours: recruitment.values.stepDueHours,
          decidedSteps: [], currentStep: null, result: null, executionArn: executionArnOf(deps.workflow, OFFER, id), createdAt: at, updatedAt: at, version: 1,
        };
        const mails: GuardedMail[] = outsideLadder ? [] : [letterMail(deps.workflow, record)];
        const start = await startLater(deps.workflow, OFFER, id, at, { status: record.status, startedBy: by.id });
        await createRequest(deps.store, OFFER, record, {
          entityType: 'offer', entityId: id, action: 'create', actor: by, channel: c.get('channel'), at, before: null,
          after: { candidateId: candidate.id, openingId: opening.id, startDate: body.startDate, level: body.level, baseSalary: body.baseSalary, probationMonths: months, outsideLadder, reportBy },
        }, [
          ...start.tx,
          candidatePut(deps.store, { ...candidate, offerId: id, updatedAt: at, version: candidate.version + 1 }, candidate),
          { ...openingPut(deps.store, { ...opening, held: (opening.held ?? 0) + 1, updatedAt: at, version: opening.version + 1 }, opening), counts: funnelCount('offered', at) },
          ...mails.map((m) => m.tx),
        ]);
        await start.start();
        await Promise.all(mails.map((m) => sendGuarded(deps.workflow, m)));
        return record;
      });
      c.header('Location', `/api/v1/offers/${offer.id}`);
      return c.json(present(offer, lang), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/', operationId: 'listOffers', tags: ['recruitment'],
      summary: 'Offers, newest first (HR): all, in one status, or of one opening',
      description: 'With `openingId`, the page is read from all offers and filtered by the opening, so a page may hold fewer than `limit`; follow `nextCursor`.',
      middleware: [requires('recruitment:manage')] as const,
      request: { query: z.object({ status: z.enum(OFFER_STATUSES).optional(), openingId: z.string().min(1).max(64).optional(), ...LimitCursor }) },
      responses: { 200: json(z.object({ items: z.array(OfferSchema), nextCursor: z.string().nullable() })), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const lang = c.get('lang');
      const page = await listRequests<Offer>(c.get('deps').store, OFFER, {
        status: q.status, scopePath: null, scopeAttribute: 'scopePath', limit: q.limit, cursor: q.cursor,
        ...(q.openingId ? { where: { openingId: q.openingId } } : {}),
      });
      return c.json({ items: page.items.map((o) => present(o, lang)), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/{id}', operationId: 'getOffer', tags: ['recruitment'],
      summary: 'One offer',
      middleware: [requires('recruitment:read')] as const,
      request: { params: IdParam },
      responses: { 200: json(OfferSchema), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(present(await visibleOffer(c, principalOf(c), c.req.valid('param').id), c.get('lang')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/response', operationId: 'recordOfferResponse', tags: ['recruitment'],
      summary: 'HR records the candidate’s answer given another way (a phone call); the candidate answers from their letter’s link themselves',
      middleware: [requires('recruitment:manage')] as const,
      request: { params: IdParam, body: jsonBody(Respond) },
      responses: { 200: json(OfferSchema), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const p = principalOf(c);
      const body = c.req.valid('json');
      const offer = await visibleOffer(c, p, c.req.valid('param').id);
      const next = await respondToOffer(c.get('deps').workflow, offer.id, { answer: body.answer, reason: body.reason ?? null, by: actorOf(p), channel: c.get('channel') }, c.get('lang'));
      return c.json(present(next, c.get('lang')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/withdraw', operationId: 'withdrawOffer', tags: ['recruitment'],
      summary: 'HR takes an offer back (before the hire reports), with a reason: its head is free again, the candidate is told',
      middleware: [requires('recruitment:manage')] as const,
      request: { params: IdParam, body: jsonBody(Withdraw) },
      responses: { 200: json(OfferSchema), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const lang = c.get('lang');
      const offer = await visibleOffer(c, p, c.req.valid('param').id);
      if (!OFFER_OPEN.includes(offer.status)) throw new DomainError('OFFER.CLOSED', 'id', { status: offerStatusLabel(offer.status, lang), action: lang === 'zh-CN' ? '撤回' : 'withdrawn' });
      await withdraw(deps.workflow, { kind: OFFER, requestId: offer.id, actor: { ...actorOf(p), roles: p.roles }, channel: c.get('channel'), reason: c.req.valid('json').reason });
      const after = await getRequest<Offer>(deps.store, OFFER, offer.id);
      return c.json(present(after!, lang), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/report', operationId: 'reportOffer', tags: ['recruitment'],
      summary: '报到: HR records that the hire reported — they become an employee on probation, with a sign-in invitation and an onboarding checklist',
      description:
        'In one transaction: the employee (on probation; the probation end from the offer), their account and its single-use set-password invitation, the onboarding checklist from the recruitment policy, ' +
        'the offer `reported`, the candidate `hired`, the opening’s head filled (the opening and the requisition close when the last head is filled). ' +
        'Refused after the offer lapsed (409 OFFER.LAPSED), and for an offer not sent or accepted.',
      middleware: [requires('recruitment:manage')] as const,
      request: { params: IdParam, body: { ...jsonBody(Report), required: false } },
      responses: { 201: json(Reported, 'Reported'), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const lang = c.get('lang');
      const body = Report.parse(c.req.valid('json') ?? {});
      const by = actorOf(p);
      const id = c.req.valid('param').id;
      await visibleOffer(c, p, id);
      const done = await retryingConflicts(async () => {
        const offer = await getRequest<Offer>(deps.store, OFFER, id);
        if (!offer) throw new DomainError('OFFER.NOT_FOUND', 'id');
        const today = companyToday(deps.now());
        if (offer.status === 'lapsed' || (OFFER_OPEN.includes(offer.status) && deps.now().toISOString() >= offer.lapseAt)) {
          throw new DomainError('OFFER.LAPSED', 'id', { reportBy: offer.reportBy });
        }
        if (offer.status !== 'sent' && offer.status !== 'accepted') {
          throw new DomainError('OFFER.CLOSED', 'id', { status: offerStatusLabel(offer.status, lang), action: lang === 'zh-CN' ? '办理报到' : 'reported' });
        }
        const on = body.reportedOn ?? today;
        if (on > today || on > offer.reportBy) throw new DomainError('OFFER.REPORTED_ON_RANGE', 'reportedOn', { reportBy: offer.reportBy });
        const missing = REPORT_DOCUMENTS.filter((d) => !body.documentsSeen.includes(d));
        if (missing.length) throw new DomainError('OFFER.DOCUMENTS_MISSING', 'documentsSeen', { missing: missing.map((d) => DOCUMENT_WORDS[d][lang]).join('、') });

        const [opening, candidate, requisition, recruitment, org, probation] = await Promise.all([
          getOpening(deps.store, offer.openingId), getCandidate(deps.store, offer.candidateId), getRequest<Requisition>(deps.store, REQUISITION, offer.requisitionId),
          getPolicy(deps.store, 'recruitment'), getPolicy(deps.store, 'org'), getPolicy(deps.store, 'probation'),
        ]);
        if (!opening || !candidate) throw new DomainError('OFFER.NOT_FOUND', 'id');
        const requester = opening.requesterId ? await getUser(deps.store, opening.requesterId) : null;
        const superiorId = body.superiorId ?? requester?.employeeId ?? null;
        const [superior, mentor, team, existingAccount] = await Promise.all([
          superiorId ? getEmployee(deps.store, superiorId) : null,
          body.mentorId ? getEmployee(deps.store, body.mentorId) : null,
          getOrgUnit(deps.store, offer.teamId),
          getUserByEmail(deps.store, offer.candidateEmail),
        ]);
        const current = (e: StoredEmployee | null) => !!e && (e.status === 'regular' || e.status === 'probation');
        if (superiorId && !current(superior)) throw new DomainError('OFFER.SUPERIOR_UNKNOWN', 'superiorId');
        if (body.mentorId && !current(mentor)) throw new DomainError('OFFER.MENTOR_UNKNOWN', 'mentorId');

        const at = deps.now().toISOString();
        const employeeId = newId(deps.now().getTime());
        const built = newEmployee(employeeId, {
          employeeNo: body.employeeNo ?? employeeNoFor(offer, on), name: offer.candidateName, email: offer.candidateEmail, phone: offer.candidatePhone ?? '',
          post: offer.post as Post, level: offer.level, superiorId: superior?.id ?? null, teamId: offer.teamId, hireDate: on,
          status: 'probation', probationEndDate: addMonths(on, offer.probationMonths),
        }, { superior, team, org: org.values, probation: probation.values, now: at });
        const employee: StoredEmployee = { ...built, baseSalary: offer.baseSalary };
        await assertEmployeeEmailFree(deps.store, employee.email, employee.id);

        // Their account, unless one has the address already (then it is linked by HR, not here).
        const account: StoredUser | null = existingAccount ? null : {
          id: newId(deps.now().getTime()), email: offer.candidateEmail, roles: [offer.post as Post], employeeId, name: offer.candidateName,
          language: 'zh-CN', status: 'active', mustChangePassword: false, version: 1, createdAt: at, updatedAt: at,
          // Nobody knows this password: the invitation sets theirs.
          passwordHash: await hashPassword(newToken()),
        };
        const invitation = account ? invitationWrites(deps.workflow, account) : null;

        const checklist = buildChecklist({
          employee: { id: employee.id, name: employee.name, superiorId: employee.superiorId }, superiorName: superior?.name ?? null,
          mentor: mentor ? { id: mentor.id, name: mentor.name } : null, reportDate: on, offerId: offer.id,
          policy: { version: recruitment.version, values: recruitment.values }, at,
        });

        const filled = opening.filled + 1;
        const openingNext: Opening = {
          ...opening, filled, held: Math.max(0, (opening.held ?? 0) - 1),
          status: filled >= opening.headcount ? 'filled' : opening.status, updatedAt: at, version: opening.version + 1,
        };
        const next: Offer = {
          ...offer, status: 'reported',
          report: { on, documentsSeen: body.documentsSeen, employeeId, mentorId: mentor?.id ?? null, byId: by.id, byName: by.name, at },
          updatedAt: at, version: offer.version + 1,
        };
        const writes: TxItem[] = [
          requestPut(deps.store, OFFER, next, offer),
          // The funnel: one hire, and the days from the opening to the report (time to hire).
          { ...openingPut(deps.store, openingNext, opening), counts: [...funnelCount('hired', at), ...funnelCount('hireDays', at, Math.max(0, Math.round((Date.parse(on) - Date.parse(opening.createdAt.slice(0, 10))) / 86_400_000)))] },
          candidatePut(deps.store, { ...candidate, stage: 'hired', updatedAt: at, version: candidate.version + 1 } as Candidate, candidate),
          ...(requisition ? [requestPut(deps.store, REQUISITION, {
            ...requisition, filled: openingNext.filled, status: openingNext.status === 'filled' ? 'filled' : requisition.status, updatedAt: at, version: requisition.version + 1,
          }, requisition)] : []),
          ...employeeCreateWrites(deps.store, employee, {
            entityType: 'employee', entityId: employee.id, action: 'create', actor: by, channel: c.get('channel'), before: null,
            after: { ...employee, offerId: offer.id } as unknown as Record<string, unknown>, at,
          }),
          ...(account ? userCreateWrites(deps.store, account, { entityType: 'user', entityId: account.id, action: 'create', actor: by, channel: c.get('channel'), before: null, after: null, at }) : []),
          ...(invitation?.writes ?? []),
          ...checklistWrites(deps.store, checklist, { actor: by, channel: c.get('channel') }),
          { write: auditPut(deps.store, { entityType: 'offer', entityId: offer.id, action: 'report', actor: by, channel: c.get('channel'), at, before: { status: offer.status }, after: { status: 'reported', employeeId, reportedOn: on, documentsSeen: body.documentsSeen } }) },
        ];
        const notices = await staffNotices(deps.workflow, next, 'reported', { byId: by.id });
        await transact(deps.store, [...withoutChecksOnPutItems(writes), ...notices.map((m) => m.tx)]);
        await Promise.all([...(invitation ? [invitation.mail] : []), ...notices].map((m) => sendGuarded(deps.workflow, m)));
        return { employeeId, offer: next, accountId: account?.id ?? null, checklistId: checklist.id };
      });
      c.header('Location', `/api/v1/employees/${done.employeeId}`);
      return c.json({ ...done, offer: present(done.offer, lang) }, 201);
    },
  );

  return app;
}

/**
 * The employee and their account are made together: each one's writes check the other's email
 * guard, which the same transaction puts (DynamoDB refuses two operations on one item). The puts
 * are conditional on the guard not existing, which is stricter than either check: the checks go.
 */
function withoutChecksOnPutItems(items: TxItem[]): TxItem[] {
  const keyOf = (k: Record<string, unknown> | undefined) => (k ? `${String(k.pk)}|${String(k.sk)}` : '');
  const put = new Set(items.map((i) => i.write.Put?.Item).filter((x): x is Record<string, unknown> => !!x).map(keyOf));
  return items.filter((i) => !(i.write.ConditionCheck && put.has(keyOf(i.write.ConditionCheck.Key as Record<string, unknown>))));
}

const DOCUMENT_WORDS: Record<(typeof REPORT_DOCUMENTS)[number], Record<Lang, string>> = {
  id_card: { 'zh-CN': '身份证', en: 'ID card' },
  diploma: { 'zh-CN': '学历证书', en: 'diploma' },
  health_check: { 'zh-CN': '体检报告', en: 'health check' },
};

const openingStatusWord = (o: Opening, lang: Lang) =>
  ({ open: { 'zh-CN': '开放', en: 'open' }, paused: { 'zh-CN': '暂停', en: 'paused' }, filled: { 'zh-CN': '招满', en: 'filled' }, cancelled: { 'zh-CN': '取消', en: 'cancelled' } })[o.status][lang];

/**
 * The candidate's answer (from their letter's link, or recorded by HR): `sent` → `accepted` or
 * `declined`, once. A decline frees the offer's head and tells HR and the requester; so does an
 * acceptance (without freeing anything). An offer no longer waiting for an answer is 409.
 */
export async function respondToOffer(
  deps: WorkflowDeps, id: string,
  r: { answer: 'accept' | 'decline'; reason: string | null; by: { id: string; name: string } | null; channel: Channel },
  lang: Lang,
): Promise<Offer> {
  return retryingConflicts(async () => {
    const offer = await getRequest<Offer>(deps.store, OFFER, id);
    if (!offer) throw new DomainError('OFFER.NOT_FOUND', 'id');
    const at = deps.now().toISOString();
    if (offer.status !== 'sent' || at >= offer.lapseAt) {
      throw new DomainError('OFFER.CLOSED', 'answer', { status: offerStatusLabel(at >= offer.lapseAt && OFFER_OPEN.includes(offer.status) ? 'lapsed' : offer.status, lang), action: lang === 'zh-CN' ? '答复' : 'answered' });
    }
    const status: OfferStatus = r.answer === 'accept' ? 'accepted' : 'declined';
    const next: Offer = { ...offer, status, response: { answer: r.answer, at, reason: r.reason, byName: r.by?.name ?? null }, updatedAt: at, version: offer.version + 1 };
    const ended = status === 'declined'
      ? await endWithoutHire(deps, offer, next, 'declined', r.by, r.reason)
      : { writes: [], mails: await staffNotices(deps, next, 'accepted', { byId: r.by?.id ?? null }) };
    await transact(deps.store, [
      { ...requestPut(deps.store, OFFER, next, offer), counts: funnelCount(status, at) }, ...ended.writes, ...ended.mails.map((m) => m.tx),
      { write: auditPut(deps.store, { entityType: 'offer', entityId: offer.id, action: r.answer, actor: r.by, channel: r.channel, at, before: { status: offer.status }, after: { status, ...(r.reason ? { reason: r.reason } : {}) } }) },
    ]);
    await Promise.all(ended.mails.map((m) => sendGuarded(deps, m)));
    return next;
  });
}

