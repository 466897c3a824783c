/**
 * 辞职申请 (resignation, POLICIES.md §9; #15): handed in by the employee, or by HR on their
 * behalf, approved along the `offboarding` policy's chain (the approval verbs, 撤回, 抄送 and 催办
 * are the generic request routes': kind `resignation`). Approved, it opens the offboarding.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { can, inScope, type Principal } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { noticeTerms, isShortenedNotice } from '../../domain/offboarding/dates.js';
import { addDays, companyToday } from '../../domain/people/dates.js';
import { getTasks, listSteps } from '../../storage/approvals.js';
import { getEmployee } from '../../storage/employees.js';
import { newId } from '../../storage/ids.js';
import { leavingGuardCreate } from '../../storage/offboardings.js';
import { getPolicy } from '../../storage/policies.js';
import { createRequest, getRequest, listRequests } from '../../storage/requests.js';
import { findUserByEmployee } from '../../storage/users.js';
import { engineCall } from '../../workflow/kinds.js';
import { RESIGNATION, RESIGNATION_STATUSES, resignationStatusLabel, type Resignation } from '../../workflow/kinds/resignation.js';
import { executionArnOf, startLater } from '../../workflow/start.js';
import { mayRemind } from '../../workflow/verbs.js';
import { actorOf, newRouter, principalOf, type AppEnv } from '../env.js';
import { requires } from '../middleware/requires.js';
import { DateString, IdParam, LimitCursor, json, jsonBody, problemResponses, reasonText } from '../schemas.js';
import { scopeOf } from './employee-scope.js';
import { tookPart } from './request-access.js';
import { StepSchema, answersOf, presentStep } from './steps.js';

const REASON_MAX = 2000;
/** A last day further ahead than this is not a resignation yet. */
const MAX_AHEAD_DAYS = 366;

export const ResignationSchema = z
  .object({
    id: z.string(),
    status: z.enum(RESIGNATION_STATUSES).openapi({ description: 'pending_approval while the chain runs; approved (the offboarding is open), rejected or withdrawn after; failed only if the workflow itself failed' }),
    statusLabel: z.string(),
    employeeId: z.string(), employeeName: z.string(), employeeNo: z.string(),
    reason: z.string(),
    lastDay: z.string().openapi({ format: 'date', description: 'The last working day (company date). Approved after the day asked for had passed, it is the day of approval (`lastDayMovedFrom` keeps the one asked for)' }),
    lastDayMovedFrom: z.string().nullable(),
    submittedOn: z.string().openapi({ format: 'date' }),
    onProbation: z.boolean(),
    noticeDays: z.number().int().openapi({ description: 'The notice the policy asks for, in days from the day it was handed in (one month; the policy’s days in probation)' }),
    earliestLastDay: z.string().openapi({ format: 'date', description: 'The earliest last day the notice allows' }),
    shortenedNotice: z.boolean().openapi({ description: 'The last day is before `earliestLastDay`: each approver accepts the shorter notice by approving' }),
    onBehalf: z.object({ byId: z.string(), byName: z.string() }).nullable().openapi({ description: 'HR handed it in for the employee' }),
    requesterId: z.string().nullable(), requesterName: z.string().nullable(),
    policyVersion: z.number().int(),
    chain: z.array(z.object({ key: z.string(), label: z.string() })),
    currentStep: z.string().nullable(),
    rejection: z.object({ stepKey: z.string(), byName: z.string(), comment: z.string().nullable() }).nullable(),
    offboardingId: z.string().nullable().openapi({ description: 'The offboarding (GET /offboardings/{id}) once approved' }),
    steps: z.array(StepSchema).optional(),
    can: z.object({ withdraw: z.boolean(), remind: z.array(z.string()) }).optional(),
    createdAt: z.string(), updatedAt: z.string(), version: z.number().int(),
  })
  .openapi('Resignation');

const CreateResignation = z.object({
  employeeId: z.string().min(1).max(64).openapi({ description: 'Who resigns: yourself; HR (offboarding:manage) may hand one in for anyone' }),
  reason: reasonText(REASON_MAX).openapi({ description: '辞职原因 (required)' }),
  lastDay: DateString.openapi({ description: 'The last working day wished for (YYYY-MM-DD, company time): today or later. Before `earliestLastDay` it is a shortened notice the chain must accept' }),
}).strict().openapi('CreateResignation');

const ListQuery = z.object({
  employeeId: z.string().min(1).max(64).optional().openapi({ description: 'Only this employee’s' }),
  status: z.enum(RESIGNATION_STATUSES).optional(),
  ...LimitCursor,
});

type Lang = 'zh-CN' | 'en';

function present(r: Resignation, lang: Lang): z.infer<typeof ResignationSchema> {
  return {
    id: r.id, status: r.status, statusLabel: resignationStatusLabel(r.status, lang),
    employeeId: r.employeeId, employeeName: r.employeeName, employeeNo: r.employeeNo, reason: r.reason,
    lastDay: r.lastDay, lastDayMovedFrom: r.lastDayMovedFrom, submittedOn: r.submittedOn, onProbation: r.onProbation,
    noticeDays: r.noticeDays, earliestLastDay: r.earliestLastDay, shortenedNotice: r.shortenedNotice, onBehalf: r.onBehalf,
    requesterId: r.requesterId, requesterName: r.requesterName, policyVersion: r.policyVersion,
    chain: r.chainSteps.map((s) => ({ key: s.key, label: lang === 'zh-CN' ? s.labelZh : s.labelEn })),
    currentStep: r.currentStep, rejection: r.rejection, offboardingId: r.offboardingId,
    createdAt: r.createdAt, updatedAt: r.updatedAt, version: r.version,
  };
}

/** A resignation the reader may see: the leaver and those whose scope holds them, its requester, and anyone who holds or held a task on it; else 404. */
async function visibleResignation(c: Context<AppEnv>, p: Principal, id: string): Promise<Resignation> {
  const { store } = c.get('deps');
  const [r, scope] = await Promise.all([getRequest<Resignation>(store, RESIGNATION, id), scopeOf(c, p)]);
  if (!r) throw new DomainError('RESIGNATION.NOT_FOUND', 'id');
  if (scope !== undefined && inScope(scope, r.employeePath)) return r;
  if (p.kind === 'user' && (r.requesterId === p.id || (await tookPart(store, RESIGNATION, r.id, p.id)))) return r;
  throw new DomainError('RESIGNATION.NOT_FOUND', 'id');
}

export function resignationsRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'post', path: '/', operationId: 'createResignation', tags: ['offboarding'],
      summary: '辞职申请: hand in a resignation (your own; HR for anyone, recorded as on their behalf); its approval chain starts at once (POLICIES.md §9)',
      description: 'The notice follows the `offboarding` policy: one month, or `notice.probationDays` days while on probation, from today. A last day before the earliest the notice allows is accepted as a shortened notice each approver accepts by approving. One open resignation or offboarding per employee (409 RESIGNATION.ALREADY_OPEN).',
      middleware: [requires('offboarding:write')] as const,
      request: { body: jsonBody(CreateResignation) },
      responses: { 201: json(ResignationSchema, 'Created'), ...problemResponses(400, 401, 403, 409) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const body = c.req.valid('json');
      const own = p.kind === 'user' && p.employeeId === body.employeeId;
      if (!own && !can(p, 'offboarding:manage')) throw new DomainError('RESIGNATION.FOR_OTHERS_HR_ONLY', 'employeeId');
      const [employee, account, policy] = await Promise.all([
        getEmployee(deps.store, body.employeeId), findUserByEmployee(deps.store, body.employeeId), getPolicy(deps.store, 'offboarding'),
      ]);
      if (!employee) throw new DomainError('RESIGNATION.EMPLOYEE_NOT_FOUND', 'employeeId');
      if (employee.status === 'terminated') throw new DomainError('RESIGNATION.EMPLOYEE_LEFT', 'employeeId');
      const today = companyToday(deps.now());
      if (body.lastDay < today) throw new DomainError('RESIGNATION.LAST_DAY_PAST', 'lastDay', { today });
      const max = addDays(today, MAX_AHEAD_DAYS);
      if (body.lastDay > max) throw new DomainError('RESIGNATION.LAST_DAY_TOO_FAR', 'lastDay', { max });
      const onProbation = employee.status === 'probation';
      const notice = noticeTerms(policy.values.notice, today, onProbation);

      const id = newId(deps.now().getTime());
      const at = deps.now().toISOString();
      const record: Resignation = {
        id, status: 'pending_approval', employeeId: employee.id, employeeName: employee.name, employeeNo: employee.employeeNo, employeePath: employee.path,
        employeeUserId: account?.id ?? null, onBehalf: own ? null : { byId: p.id, byName: p.name },
        reason: body.reason, lastDay: body.lastDay, lastDayMovedFrom: null, submittedOn: today, onProbation,
        noticeDays: notice.noticeDays, earliestLastDay: notice.earliestLastDay, shortenedNotice: isShortenedNotice(body.lastDay, notice.earliestLastDay),
        policyVersion: policy.version, chainSteps: policy.values.chain, stepDueHours: policy.values.stepDueHours,
        requesterId: p.kind === 'user' ? p.id : null, requesterName: p.kind === 'user' ? p.name : null,
        rejection: null, offboardingId: null, decidedSteps: [], currentStep: null, result: null,
        executionArn: executionArnOf(deps.workflow, RESIGNATION, id), createdAt: at, updatedAt: at, version: 1,
      };
      const start = await startLater(deps.workflow, RESIGNATION, id, at, { status: record.status, startedBy: p.id });
      await createRequest(deps.store, RESIGNATION, record, {
        entityType: 'resignation', entityId: id, action: 'create', actor: actorOf(p), channel: c.get('channel'), at, before: null,
        after: { employeeId: employee.id, lastDay: body.lastDay, earliestLastDay: notice.earliestLastDay, shortenedNotice: record.shortenedNotice, onBehalf: !own, policyVersion: policy.version },
      }, [leavingGuardCreate(deps.store, { employeeId: employee.id, resignationId: id, offboardingId: null }), ...start.tx]);
      await start.start();
      return c.json(present(record, c.get('lang')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/', operationId: 'listResignations', tags: ['offboarding'],
      summary: 'Resignations newest first: all of them for HR, the GM and administrators; those of people in your part of the organisation (and your own) for others',
      middleware: [requires('offboarding:read')] as const,
      request: { query: ListQuery },
      responses: { 200: json(z.object({ items: z.array(ResignationSchema), nextCursor: z.string().nullable() }).openapi('ResignationPage')), ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      const p = principalOf(c);
      const q = c.req.valid('query');
      const scope = await scopeOf(c, p);
      if (scope === undefined) return c.json({ items: [], nextCursor: null }, 200);
      const page = await listRequests<Resignation>(c.get('deps').store, RESIGNATION, {
        status: q.status, scopePath: scope, scopeAttribute: 'employeePath', limit: q.limit, cursor: q.cursor, ...(q.employeeId ? { where: { employeeId: q.employeeId } } : {}),
      });
      return c.json({ items: page.items.map((r) => present(r, c.get('lang'))), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/{id}', operationId: 'getResignation', tags: ['offboarding'],
      summary: 'A resignation with its notice, its chain, its step timeline and what the reader may do',
      middleware: [requires('offboarding:read')] as const,
      request: { params: IdParam },
      responses: { 200: json(ResignationSchema), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const r = await visibleResignation(c, p, c.req.valid('param').id);
      const steps = await listSteps(deps.store, RESIGNATION, r.id);
      const tasks = await getTasks(deps.store, steps.flatMap((s) => s.taskIds));
      const lang = c.get('lang');
      const wf = engineCall(deps.workflow);
      const answers = await answersOf(wf, RESIGNATION, r.id, tasks, lang);
      let can = { withdraw: false, remind: [] as string[] };
      if (p.kind === 'user' && r.status === 'pending_approval') {
        const me = { id: p.id, name: p.name, roles: p.roles, employeeId: p.employeeId };
        const pending = tasks.filter((t) => t.status === 'pending');
        const may = await Promise.all(pending.map((t) => mayRemind(wf, me, t)));
        can = { withdraw: p.id === r.employeeUserId || p.id === r.requesterId, remind: pending.filter((_, i) => may[i]).map((t) => t.id) };
      }
      return c.json({ ...present(r, lang), steps: steps.map((s) => presentStep(s, tasks, answers)), can }, 200);
    },
  );

  return app;
}
