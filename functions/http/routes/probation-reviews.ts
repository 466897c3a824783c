import { createRoute, z } from '@hono/zod-openapi';
import { seesWholeOrganisation, type Principal } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { actsForRequester } from '../../domain/approvals/requester.js';
import { getTasks, listSteps, type ApprovalTask } from '../../storage/approvals.js';
import { engineCall, type WorkflowDeps } from '../../workflow/kinds.js';
import { mayRemind } from '../../workflow/verbs.js';
import { reviewsByStatus, reviewsOfEmployee, type ProbationReview } from '../../storage/probation-reviews.js';
import { openReview } from '../../workflow/kinds/probation-start.js';
import { PROBATION_STATEMENT_MAX } from '../../workflow/kinds/probation.js';
import { actorOf, newRouter, principalOf } from '../env.js';
import { requires } from '../middleware/requires.js';
import { StepSchema, answersOf, presentStep } from './steps.js';
import { IdParam, LimitCursor, json, jsonBody, problemResponses, paragraphText } from '../schemas.js';
import { scopeOf, visibleEmployee } from './employee-scope.js';
import { visibleReview } from './request-access.js';
import { attachmentRefs, claimAttachments } from '../../storage/attachments.js';
import { newId } from '../../storage/ids.js';

const STATUSES = ['scheduled', 'in_review', 'converted', 'extended', 'ended', 'rejected', 'failed', 'withdrawn'] as const;
/** Roles that may start a review for someone in their scope ("the employee or their supervisor", §3). */
const STARTERS = ['team_lead', 'supervisor', 'cs_manager', 'hr', 'admin'];
/** 申请说明's longest text (the same field's maxLength on resubmission: workflow/kinds/probation.ts). */
const STATEMENT_MAX = PROBATION_STATEMENT_MAX;


export const ReviewSchema = z
  .object({
    id: z.string(), employeeId: z.string(), employeeName: z.string(), employeeNo: z.string(),
    kind: z.enum(['early', 'scheduled']), applicant: z.enum(['employee', 'supervisor', 'system']),
    requesterId: z.string().nullable(), requesterName: z.string().nullable(),
    statement: z.string().nullable().openapi({ description: '申请说明, as the requester last wrote it' }),
    status: z.enum(STATUSES), startsOn: z.string(), deferred: z.boolean(),
    policyVersion: z.number().int(),
    scores: z.record(z.string(), z.number()).nullable(), attendance: z.record(z.string(), z.number()).nullable(),
    weighted: z.number().nullable(), band: z.record(z.string(), z.unknown()).nullable(),
    breaches: z.array(z.record(z.string(), z.unknown())),
    recommendation: z.record(z.string(), z.unknown()).nullable(),
    override: z.record(z.string(), z.unknown()).nullable(),
    finalOutcome: z.record(z.string(), z.unknown()).nullable(),
    chain: z.array(z.object({ key: z.string(), label: z.string(), records: z.string().nullable() })),
    currentStep: z.string().nullable(),
    attachments: z.array(z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int() })).optional()
      .openapi({ description: 'Files the review was started with (on one review, not in lists): download each with GET /attachments/{id}' }),
    steps: z.array(StepSchema).optional(),
    can: z.object({
      withdraw: z.boolean().openapi({ description: '撤回: the reader may withdraw it (the requester; HR for a review the system started)' }),
      remind: z.array(z.string()).openapi({ description: '催办: the pending tasks the reader may remind' }),
    }).optional().openapi({ description: 'What the reader may do with the review now (the console shows only these buttons)' }),
    createdAt: z.string(), updatedAt: z.string(), version: z.number().int(),
    message: z.string().optional().openapi({ description: 'Set when the application joins next month’s round' }),
  })
  .openapi('ProbationReview');

function present(r: ProbationReview, lang: 'zh-CN' | 'en'): z.infer<typeof ReviewSchema> {
  const chain = ((r.policy as { chain?: { key: string; labelZh: string; labelEn: string; records: string | null }[] }).chain ?? []).map((s) => ({
    key: s.key, label: lang === 'zh-CN' ? s.labelZh : s.labelEn, records: s.records,
  }));
  return {
    id: r.id, employeeId: r.employeeId, employeeName: r.employeeName, employeeNo: r.employeeNo, kind: r.kind, applicant: r.applicant,
    requesterId: r.requesterId, requesterName: r.requesterName, statement: r.statement ?? null, status: r.status, startsOn: r.startsOn, deferred: r.deferred, policyVersion: r.policyVersion,
    scores: r.scores, attendance: r.attendance, weighted: r.weighted, band: r.band, breaches: r.breaches, recommendation: r.recommendation,
    override: r.override, finalOutcome: r.result, chain, currentStep: r.currentStep, createdAt: r.createdAt, updatedAt: r.updatedAt, version: r.version,
  };
}

/** What the reader may do now: 撤回 and 催办 per pending task, by the same rules the verbs enforce. */
async function allowed(deps: WorkflowDeps, p: Principal, review: ProbationReview, tasks: ApprovalTask[]): Promise<{ withdraw: boolean; remind: string[] }> {
  if (p.kind !== 'user' || !['scheduled', 'in_review'].includes(review.status)) return { withdraw: false, remind: [] };
  const me = { id: p.id, name: p.name, roles: p.roles, employeeId: p.employeeId };
  const pending = tasks.filter((t) => t.status === 'pending');
  const may = await Promise.all(pending.map((t) => mayRemind(deps, me, t)));
  return { withdraw: actsForRequester(review.requesterId, me), remind: pending.filter((_, i) => may[i]).map((t) => t.id) };
}

export function probationReviewsRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'post', path: '/', operationId: 'startProbationReview', tags: ['probation'],
      summary: 'Start a probation review (转正): early application by the employee or their supervisor, or a scheduled one in its window (POLICIES.md §3)',
      middleware: [requires('probation:write')] as const,
      request: {
        body: jsonBody(z.object({
          employeeId: z.string().min(1).max(64),
          kind: z.enum(['early', 'scheduled']),
          attachments: z.array(z.string().min(1).max(64)).max(10).optional().openapi({ description: 'Attachment ids (POST /attachments) uploaded by the requester: files the review starts with' }),
          statement: paragraphText(STATEMENT_MAX).optional().openapi({ description: `申请说明: why (at most ${STATEMENT_MAX} characters); the requester may change it when the review is returned to them` }),
        }).strict().openapi('StartProbationReview')),
      },
      responses: { 201: json(ReviewSchema, 'Created'), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const body = c.req.valid('json');
      const employee = await visibleEmployee(c, p, body.employeeId);
      const self = p.employeeId === employee.id;
      if (!self && (p.kind !== 'user' || !p.roles.some((r) => STARTERS.includes(r)))) throw new DomainError('AUTH.FORBIDDEN');
      // Files first: a refused id starts nothing; the claim lands in the review's own transaction.
      const id = newId(deps.now().getTime());
      const claim = await claimAttachments(deps, body.attachments ?? [], { id: p.id }, { requestKind: 'probation', requestId: id, via: 'request', targetId: id });
      const { review: saved, plan, cutoffDay } = await openReview(deps.workflow, {
        employee, kind: body.kind, applicant: self ? 'employee' : 'supervisor', requester: actorOf(p), channel: c.get('channel'), statement: body.statement ?? null,
        id, attachments: { ids: claim.refs.map((r) => r.id), writes: claim.items },
      });
      const lang = c.get('lang');
      const message = plan.deferred
        ? lang === 'zh-CN'
          ? `申请晚于本月 ${cutoffDay} 日，已纳入下月评审，将于 ${plan.startsOn} 开始（制度 §3）`
          : `Applied after the ${cutoffDay}th: joins next month’s round, starting ${plan.startsOn} (policy §3)`
        : undefined;
      return c.json({ ...present(saved, lang), attachments: claim.refs, ...(message ? { message } : {}) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/{id}', operationId: 'getProbationReview', tags: ['probation'], summary: 'A probation review with its scores, band, outcomes and step timeline',
      middleware: [requires('probation:read')] as const,
      request: { params: IdParam },
      responses: { 200: json(ReviewSchema), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const review = await visibleReview(c, p, c.req.valid('param').id);
      const steps = await listSteps(deps.store, 'probation', review.id);
      // The pending step's tasks (a handful), so the requester can see who is asked and remind them.
      const tasks = await getTasks(deps.store, steps.flatMap((s) => s.taskIds));
      const lang = c.get('lang');
      // One engine call for the answers and what the reader may do (each item read once).
      const wf = engineCall(deps.workflow);
      const answers = await answersOf(wf, 'probation', review.id, tasks, lang);
      return c.json({
        ...present(review, lang),
        attachments: await attachmentRefs(deps.store, review.attachments ?? [], deps.now()),
        steps: steps.map((s) => presentStep(s, tasks, answers)),
        can: await allowed(wf, p, review, tasks),
      }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/{id}/execution', operationId: 'getProbationReviewExecution', tags: ['probation'],
      summary: 'The review’s workflow: the state machine’s states (from its ASL) and where this execution is',
      middleware: [requires('probation:read')] as const,
      request: { params: IdParam },
      responses: {
        200: json(z.object({
          diagram: z.object({ startAt: z.string(), states: z.array(z.object({ name: z.string(), type: z.string(), comment: z.string().nullable(), next: z.array(z.string()) })) }),
          execution: z.object({ status: z.string(), currentState: z.string().nullable(), visited: z.array(z.string()), transitions: z.number().int() }).nullable(),
        }).openapi('WorkflowView')),
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const review = await visibleReview(c, p, c.req.valid('param').id);
      // Loaded here, not at the top: the state machine's definition is only drawn on this page.
      const { approvalDiagram, executionView } = await import('../../workflow/execution-view.js');
      const execution = review.executionArn ? await executionView(deps.workflow, review.executionArn) : null;
      return c.json({ diagram: approvalDiagram(), execution }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/', operationId: 'listProbationReviews', tags: ['probation'], summary: 'Probation reviews by status (default in_review) or of one employee',
      middleware: [requires('probation:read')] as const,
      request: { query: z.object({ ...LimitCursor, status: z.enum(STATUSES).optional(), employeeId: z.string().max(64).optional() }) },
      responses: { 200: json(z.object({ items: z.array(ReviewSchema), nextCursor: z.string().nullable() })), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const q = c.req.valid('query');
      const lang = c.get('lang');
      if (q.employeeId) {
        await visibleEmployee(c, p, q.employeeId);
        const items = (await reviewsOfEmployee(deps.store, q.employeeId)).filter((r) => !q.status || r.status === q.status);
        return c.json({ items: items.map((r) => present(r, lang)), nextCursor: null }, 200);
      }
      const scope = seesWholeOrganisation(p) ? null : await scopeOf(c, p);
      if (scope === undefined) return c.json({ items: [], nextCursor: null }, 200);
      const page = await reviewsByStatus(deps.store, { status: q.status ?? 'in_review', scopePath: scope, limit: q.limit, cursor: q.cursor });
      return c.json({ items: page.items.map((r) => present(r, lang)), nextCursor: page.nextCursor }, 200);
    },
  );

  return app;
}
