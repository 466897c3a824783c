/**
 * 人才增补单 (headcount requisitions, POLICIES.md §2): raised by a supervisor or above for a
 * team in their own part of the organisation, approved along the `recruitment` policy's chain
 * (the approval verbs, 撤回, 抄送 and 催办 are the generic request routes': kind `requisition`).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { actsForRequester } from '../../domain/approvals/requester.js';
import { seesWholeOrganisation, inScope, type Principal } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { LEVELS } from '../../domain/people/model.js';
import { companyToday } from '../../domain/people/dates.js';
import { checkRequisitionDraft, REQUISITION_POSTS, salaryRange } from '../../domain/recruitment/requisition.js';
import { getTasks, listSteps } from '../../storage/approvals.js';
import { getEmployee } from '../../storage/employees.js';
import { newId } from '../../storage/ids.js';
import { listOrgUnits } from '../../storage/org-units.js';
import { getPolicy } from '../../storage/policies.js';
import { createRequest, getRequest, listRequests } from '../../storage/requests.js';
import { engineCall } from '../../workflow/kinds.js';
import { chainFor, REQUISITION, REQUISITION_STATUSES, requisitionStatusLabel, type Requisition } from '../../workflow/kinds/requisition.js';
import { executionArnOf, startLater } from '../../workflow/start.js';
import { mayRemind } from '../../workflow/verbs.js';
import { actorOf, newRouter, principalOf, type AppEnv } from '../env.js';
import { requires } from '../middleware/requires.js';
import { DateString, IdParam, LimitCursor, json, jsonBody, paragraphText, problemResponses } from '../schemas.js';
import { scopeOf } from './employee-scope.js';
import { tookPart } from './request-access.js';
import { StepSchema, answersOf, presentStep } from './steps.js';

const TEXT_MAX = 2000;

export const RequisitionSchema = z
  .object({
    id: z.string(),
    status: z.enum(REQUISITION_STATUSES).openapi({ description: 'pending_approval while the chain runs; open once approved (its opening takes candidates), filled or cancelled after' }),
    statusLabel: z.string(),
    post: z.enum(REQUISITION_POSTS), teamId: z.string(), teamName: z.string(),
    headcount: z.number().int(), filled: z.number().int(),
    reason: z.string(), requirements: z.string(),
    level: z.enum(LEVELS), salaryMin: z.number(), salaryMax: z.number(),
    wantedBy: z.string(),
    requesterId: z.string().nullable(), requesterName: z.string().nullable(),
    policyVersion: z.number().int(),
    chain: z.array(z.object({ key: z.string(), label: z.string(), minHeadcount: z.number().int().nullable() })).openapi({ description: 'The steps this requisition is asked at (the policy’s chain, its conditions applied to the headcount)' }),
    currentStep: z.string().nullable(),
    rejection: z.object({ stepKey: z.string(), byName: z.string(), comment: z.string().nullable() }).nullable(),
    openingId: z.string().nullable().openapi({ description: 'The opening (GET /openings/{id}) once approved' }),
    steps: z.array(StepSchema).optional(),
    can: z.object({ withdraw: z.boolean(), remind: z.array(z.string()) }).optional(),
    createdAt: z.string(), updatedAt: z.string(), version: z.number().int(),
  })
  .openapi('Requisition');

const CreateRequisition = z.object({
  post: z.enum(REQUISITION_POSTS).openapi({ description: 'The post asked for (岗位)' }),
  teamId: z.string().min(1).max(64).openapi({ description: 'The team (org unit) the heads join: yours or one below it' }),
  headcount: z.number().int().openapi({ description: '1 to the recruitment policy’s maxHeadcount' }),
  reason: paragraphText(TEXT_MAX).openapi({ description: '增补原因' }),
  requirements: paragraphText(TEXT_MAX).openapi({ description: '任职要求' }),
  level: z.enum(LEVELS).openapi({ description: 'The level offered; the salary range follows from the level ladder' }),
  wantedBy: DateString.openapi({ description: '期望到岗日期 (YYYY-MM-DD), today or later' }),
}).strict().openapi('CreateRequisition');

const ListQuery = z.object({
  status: z.enum(REQUISITION_STATUSES).optional(),
  ...LimitCursor,
});

type Lang = 'zh-CN' | 'en';

function present(r: Requisition, lang: Lang): z.infer<typeof RequisitionSchema> {
  return {
    id: r.id, status: r.status, statusLabel: requisitionStatusLabel(r.status, lang),
    post: r.post, teamId: r.teamId, teamName: r.teamName, headcount: r.headcount, filled: r.filled,
    reason: r.reason, requirements: r.requirements, level: r.level, salaryMin: r.salaryMin, salaryMax: r.salaryMax, wantedBy: r.wantedBy,
    requesterId: r.requesterId, requesterName: r.requesterName, policyVersion: r.policyVersion,
    chain: r.chainSteps.map((s) => ({ key: s.key, label: lang === 'zh-CN' ? s.labelZh : s.labelEn, minHeadcount: s.minHeadcount ?? null })),
    currentStep: r.currentStep, rejection: r.rejection,
    openingId: ['open', 'filled', 'cancelled'].includes(r.status) ? r.id : null,
    createdAt: r.createdAt, updatedAt: r.updatedAt, version: r.version,
  };
}

/**
 * A requisition the reader may see: HR, the GM and administrators all of them; others those
 * raised in their part of the organisation (their own and their people's), and any they hold
 * or held a task on. Otherwise 404: not revealed to exist.
 */
export async function visibleRequisition(c: Context<AppEnv>, p: Principal, id: string): Promise<Requisition> {
  const { store } = c.get('deps');
  const [r, scope] = await Promise.all([getRequest<Requisition>(store, REQUISITION, id), scopeOf(c, p)]);
  if (!r) throw new DomainError('REQUISITION.NOT_FOUND', 'id');
  if (scope !== undefined && inScope(scope, r.requesterPath)) return r;
  if (p.kind === 'user' && (await tookPart(store, REQUISITION, r.id, p.id))) return r;
  throw new DomainError('REQUISITION.NOT_FOUND', 'id');
}

export function requisitionsRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'post', path: '/', operationId: 'createRequisition', tags: ['recruitment'],
      summary: '人才增补单: ask for heads for a team in your part of the organisation; its approval chain starts at once (POLICIES.md §2)',
      middleware: [requires('recruitment:write')] as const,
      request: { body: jsonBody(CreateRequisition) },
      responses: { 201: json(RequisitionSchema, 'Created'), ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const body = c.req.valid('json');
      // The chain is found up from the requester: a person with an employee record raises it.
      if (p.kind !== 'user' || !p.employeeId) throw new DomainError('REQUISITION.REQUESTER_NOT_EMPLOYEE');
      const [self, units, recruitment, org] = await Promise.all([
        getEmployee(deps.store, p.employeeId), listOrgUnits(deps.store), getPolicy(deps.store, 'recruitment'), getPolicy(deps.store, 'org'),
      ]);
      if (!self) throw new DomainError('REQUISITION.REQUESTER_NOT_EMPLOYEE');
      const team = units.find((u) => u.id === body.teamId && u.kind !== 'company');
      if (!team) throw new DomainError('REQUISITION.TEAM_NOT_FOUND', 'teamId');
      if (!seesWholeOrganisation(p) && !unitWithin(units, team.id, self.teamId)) throw new DomainError('REQUISITION.TEAM_OUT_OF_SCOPE', 'teamId');
      checkRequisitionDraft(body, recruitment.values, companyToday(deps.now()));

      const id = newId(deps.now().getTime());
      const at = deps.now().toISOString();
      const range = salaryRange(body.level, org.values.levelBaseSalary, recruitment.values.salaryRangePercent);
      const record: Requisition = {
        id, status: 'pending_approval', post: body.post, teamId: team.id, teamName: team.name, headcount: body.headcount, filled: 0,
        reason: body.reason, requirements: body.requirements, level: body.level, salaryMin: range.min, salaryMax: range.max, wantedBy: body.wantedBy,
        requesterId: p.id, requesterName: p.name, requesterEmployeeId: self.id, requesterPath: self.path,
        policyVersion: recruitment.version, chainSteps: chainFor(recruitment.values, body.headcount), stepDueHours: recruitment.values.stepDueHours,
        rejection: null, decidedSteps: [], currentStep: null, result: null, executionArn: executionArnOf(deps.workflow, REQUISITION, id),
        createdAt: at, updatedAt: at, version: 1,
      };
      const start = await startLater(deps.workflow, REQUISITION, id, at, { status: record.status, startedBy: p.id });
      await createRequest(deps.store, REQUISITION, record, {
        entityType: 'requisition', entityId: id, action: 'create', actor: actorOf(p), channel: c.get('channel'), at, before: null,
        after: { post: body.post, teamId: team.id, headcount: body.headcount, level: body.level, wantedBy: body.wantedBy, policyVersion: recruitment.version },
      }, start.tx);
      await start.start();
      return c.json(present(record, c.get('lang')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/', operationId: 'listRequisitions', tags: ['recruitment'],
      summary: 'Requisitions newest first: all of them for HR, the GM and administrators; those raised in your part of the organisation for others',
      middleware: [requires('recruitment:read')] as const,
      request: { query: ListQuery },
      responses: { 200: json(z.object({ items: z.array(RequisitionSchema), nextCursor: z.string().nullable() }).openapi('RequisitionPage')), ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      const p = principalOf(c);
      const q = c.req.valid('query');
      const scope = await scopeOf(c, p);
      if (scope === undefined) return c.json({ items: [], nextCursor: null }, 200);
      const page = await listRequests<Requisition>(c.get('deps').store, REQUISITION, { status: q.status, scopePath: scope, scopeAttribute: 'requesterPath', limit: q.limit, cursor: q.cursor });
      return c.json({ items: page.items.map((r) => present(r, c.get('lang'))), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/{id}', operationId: 'getRequisition', tags: ['recruitment'],
      summary: 'A requisition with its chain, its step timeline and what the reader may do',
      middleware: [requires('recruitment:read')] as const,
      request: { params: IdParam },
      responses: { 200: json(RequisitionSchema), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const r = await visibleRequisition(c, p, c.req.valid('param').id);
      const steps = await listSteps(deps.store, REQUISITION, r.id);
      const tasks = await getTasks(deps.store, steps.flatMap((s) => s.taskIds));
      const lang = c.get('lang');
      const wf = engineCall(deps.workflow);
      const answers = await answersOf(wf, REQUISITION, r.id, tasks, lang);
      let can = { withdraw: false, remind: [] as string[] };
      if (p.kind === 'user' && r.status === 'pending_approval') {
        const me = { id: p.id, name: p.name, roles: p.roles, employeeId: p.employeeId };
        const pending = tasks.filter((t) => t.status === 'pending');
        const may = await Promise.all(pending.map((t) => mayRemind(wf, me, t)));
        can = { withdraw: actsForRequester(r.requesterId, me), remind: pending.filter((_, i) => may[i]).map((t) => t.id) };
      }
      return c.json({ ...present(r, lang), steps: steps.map((s) => presentStep(s, tasks, answers)), can }, 200);
    },
  );

  return app;
}

/** Is org unit `id` the unit `own` or below it? (The org tree is tens of units, read whole.) */
function unitWithin(units: readonly { id: string; parentId: string | null }[], id: string, own: string | null): boolean {
  if (!own) return false;
  const byId = new Map(units.map((u) => [u.id, u]));
  for (let at: string | null = id, hops = 0; at && hops < 50; at = byId.get(at)?.parentId ?? null, hops++) {
    if (at === own) return true;
  }
  return false;
}
