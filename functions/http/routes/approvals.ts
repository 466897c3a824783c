import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { COUNT_CAP, countInbox, getTasks, listInbox, listSteps, markNoticeRead, type ApprovalTask } from '../../storage/approvals.js';
import { countStartedBy } from '../../storage/started.js';
import { decide, loadOwnTask, transfer } from '../../workflow/decisions.js';
import { attachmentRefs, claimAttachments } from '../../storage/attachments.js';
import { addApprovers, batchApprove, remind } from '../../workflow/verbs.js';
import { message } from '../messages.js';
import { statusOf } from '../problem.js';
import { engineCall, kindOf } from '../../workflow/kinds.js';
import { DECISION_STEP, fieldPath, formName, type StepSpec } from '../../domain/approvals/step-spec.js';
import { newRouter, principalOf, type AppEnv } from '../env.js';
import { idempotent } from '../middleware/idempotency.js';
import { peopleOnly, requires } from '../middleware/requires.js';
import { StepSchema, answersOf, presentStep } from './steps.js';
import { IdParam, LimitCursor, json, jsonBody, problemResponses, paragraphText, IDEMPOTENCY_KEY, LabelledValue } from '../schemas.js';

const Localized = z.object({ 'zh-CN': z.string(), en: z.string() });

export const ApprovalSchema = z
  .object({
    id: z.string(),
    requestKind: z.string(),
    requestId: z.string(),
    title: z.string(),
    titles: Localized,
    stepKey: z.string(),
    stepLabel: z.string(),
    approverId: z.string(),
    approverName: z.string(),
    requesterName: z.string().nullable(),
    subjectEmployeeId: z.string().nullable(),
    status: z.enum(['pending', 'waiting', 'approved', 'rejected', 'returned', 'cancelled', 'transferred', 'cc']).openapi({ description: '`waiting`: a later stage of its step (加签); `cc`: a read-only 抄送 notice' }),
    reason: z.enum(['assigned', 'escalated', 'transferred', 'added', 'delegated', 'approver_left', 'cc']),
    onBehalfOfName: z.string().nullable().openapi({ description: '代理: the approver this task is decided on behalf of' }),
    addedByName: z.string().nullable().openapi({ description: '加签 / 抄送: who added this person' }),
    createdAt: z.string(),
    dueAt: z.string(),
    overdue: z.boolean(),
    decision: z.enum(['approve', 'reject', 'return']).nullable(),
    decidedAt: z.string().nullable(),
    comment: z.string().nullable(),
    channel: z.enum(['console', 'email', 'api', 'system']).nullable(),
    cancelledBy: z.enum(['withdraw', 'others', 'deadline']).nullable().openapi({ description: 'A cancelled task: the request was withdrawn, someone else decided the step (或签), or its deadline passed' }),
    readAt: z.string().nullable().openapi({ description: 'A 抄送 notice: when its reader first opened it (null: unread)' }),
  })
  .openapi('ApprovalTask');


/**
 * The decision and the fields the step declares (GET /approvals/{id} `fields`, each at its
 * `path`): validated against the step's own schema, the same one the emailed form uses; a
 * field the step does not declare is refused naming it. Probation: `scores`
 * {dailyPerformance, professionalTest, interview} and `attendance` at the scoring step;
 * `outcome` (convert/extend/end, with a comment) and `extensionMonths` at any step.
 */
const DecisionBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    comment: paragraphText(2000).optional(),
    attachments: z.array(z.string().min(1).max(64)).max(50).optional().openapi({
      description: 'Ids from POST /attachments, uploaded by you and attached nowhere yet (at most the policy’s attachments.perItem); they are kept with the decision and shown in the timeline. Otherwise 422 naming `attachments`, and nothing is decided.',
    }),
  })
  .catchall(z.unknown())
  .openapi('DecisionRequest');

const FieldSchema = z.object({
  name: z.string().openapi({ description: 'The emailed form’s input name (`scores_interview`)' }),
  path: z.string().openapi({ description: 'Where the value goes in the decision body (`scores.interview`), and the path of its errors' }),
  label: z.string(),
  type: z.enum(['integer', 'number', 'text', 'date', 'choice']),
  required: z.boolean().openapi({ description: 'Needed to approve' }),
  min: z.number().optional(),
  max: z.number().optional(),
  decimals: z.number().int().optional().openapi({ description: 'A `number` with at most this many decimal places' }),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
}).openapi('DecisionField');

const StepSpecSchema = z.object({
  type: z.enum(['decision', 'waitForSubject', 'waitUntil']),
  verbs: z.array(z.enum(['return', 'addApprovers', 'transfer'])),
  subjectActs: z.boolean().openapi({ description: 'The person the request is about acts at this step (signs, appeals, accepts)' }),
  signedInOnly: z.boolean().openapi({ description: 'Decided only with a signed-in session (console or API), never from an emailed link' }),
  deadlineHours: z.number().optional(),
}).openapi('StepSpec');

const READ_ONLY: StepSpec = { ...DECISION_STEP, verbs: [] };

function presentSpec(spec: StepSpec, lang: 'zh-CN' | 'en'): { step: z.infer<typeof StepSpecSchema>; fields: z.infer<typeof FieldSchema>[] } {
  return {
    step: { type: spec.type, verbs: [...spec.verbs], subjectActs: spec.subjectActs, signedInOnly: spec.signedInOnly, ...(spec.deadlineHours !== undefined ? { deadlineHours: spec.deadlineHours } : {}) },
    fields: spec.fields.map((f) => ({
      name: formName(f), path: fieldPath(f), label: f.label[lang], type: f.type, required: f.required === true,
      ...(f.min !== undefined ? { min: f.min } : {}), ...(f.max !== undefined ? { max: f.max } : {}), ...(f.decimals !== undefined ? { decimals: f.decimals } : {}),
      ...(f.options ? { options: f.options.map((o) => ({ value: o.value, label: o.label[lang] })) } : {}),
    })),
  };
}

export function present(t: ApprovalTask, lang: 'zh-CN' | 'en', now: Date): z.infer<typeof ApprovalSchema> {
  return {
    id: t.id, requestKind: t.requestKind, requestId: t.requestId, title: t.title[lang], titles: t.title, stepKey: t.stepKey,
    stepLabel: t.stepLabel[lang], approverId: t.approverId, approverName: t.approverName, requesterName: t.requesterName,
    subjectEmployeeId: t.subjectEmployeeId, status: t.status, reason: t.reason, onBehalfOfName: t.onBehalfOfName ?? null, addedByName: t.addedByName ?? null, createdAt: t.createdAt, dueAt: t.dueAt,
    overdue: t.status === 'pending' && Date.parse(t.dueAt) < now.getTime(), decision: t.decision, decidedAt: t.decidedAt,
    comment: t.comment, channel: t.channel, cancelledBy: t.cancelledBy ?? null, readAt: t.readAt ?? null,
  };
}

function actor(c: Context<AppEnv>) {
  const p = principalOf(c);
  if (p.kind !== 'user') throw new DomainError('AUTH.FORBIDDEN');
  return { id: p.id, name: p.name };
}

export function approvalsRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/', operationId: 'listApprovals', tags: ['approvals'], summary: 'My approvals inbox (待我审批), newest first',
      middleware: [peopleOnly(), requires('approvals:read')] as const,
      request: {
        query: z.object({
          ...LimitCursor,
          status: z.enum(['pending', 'waiting', 'decided']).default('pending').openapi({ description: '`waiting`: tasks in a later stage of their step (加签 after, or waiting for people added before)' }),
          cc: z.enum(['true', 'false']).default('false').openapi({ description: '`true`: the read-only notices CC’d to me (抄送我的), instead of tasks' }),
          mine: z.enum(['true']).default('true'),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(ApprovalSchema), nextCursor: z.string().nullable() }).openapi('ApprovalPage')), ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      const me = actor(c);
      const q = c.req.valid('query');
      const { store, now } = c.get('deps');
      const page = await listInbox(store, { userId: me.id, state: q.cc === 'true' ? 'cc' : q.status, limit: q.limit, cursor: q.cursor });
      return c.json({ items: page.items.map((t) => present(t, c.get('lang'), now())), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/counts', operationId: 'countApprovals', tags: ['approvals'],
      summary: 'The numbers on the inbox tabs and the menu: to decide, waiting, unread 抄送, my requests still running (each counted up to 100)',
      middleware: [peopleOnly(), requires('approvals:read')] as const,
      responses: {
        200: json(z.object({
          pending: z.number().int(), waiting: z.number().int(), ccUnread: z.number().int(), startedOpen: z.number().int(),
          cap: z.number().int().openapi({ description: 'Counts stop here; show it as 99+' }),
        }).openapi('InboxCounts')),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => {
      const me = actor(c);
      const deps = c.get('deps');
      const openStatuses = [...new Set([...deps.workflow.kinds.values()].flatMap((k) => k.started?.openStatuses ?? []))];
      const [pending, waiting, ccUnread, startedOpen] = await Promise.all([
        countInbox(deps.store, me.id, 'pending'),
        countInbox(deps.store, me.id, 'waiting'),
        countInbox(deps.store, me.id, 'cc', true),
        countStartedBy(deps.store, me.id, openStatuses, COUNT_CAP),
      ]);
      return c.json({ pending, waiting, ccUnread, startedOpen, cap: COUNT_CAP }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/{id}', operationId: 'getApproval', tags: ['approvals'], summary: 'One of my approval tasks, with the request’s timeline (opening a 抄送 notice marks it read)',
      middleware: [peopleOnly(), requires('approvals:read')] as const,
      request: { params: IdParam },
      responses: {
        200: json(ApprovalSchema.extend({
          requesterId: z.string().nullable(),
          summary: z.array(LabelledValue).openapi({ description: 'What the request is about, as the approval email shows it' }),
          requestPath: z.string().openapi({ description: 'The request’s page in the console (hash route)' }),
          chain: z.array(z.object({ key: z.string(), label: z.string() })).openapi({ description: 'The request’s steps (with `requester`, the resubmission), labelled: for the timeline and 退回 targets' }),
          timeline: z.array(StepSchema),
          fields: z.array(FieldSchema).openapi({ description: 'What deciding this step collects (empty for a CC notice)' }),
          requestAttachments: z.array(z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int() })).openapi({ description: 'Files the request was started with (GET /attachments/{id} downloads each)' }),
          prefill: z.record(z.string(), z.unknown()).optional().openapi({ description: 'The step’s last answer (its fields, as a decision body has them): a step asked again starts from it' }),
          step: StepSpecSchema,
        })),
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const me = actor(c);
      const deps = c.get('deps');
      // One engine call: the request is read once for the spec, the summary and the answers.
      const wf = engineCall(deps.workflow);
      const task = await loadOwnTask(wf, c.req.valid('param').id, me.id);
      const steps = await listSteps(deps.store, task.requestKind, task.requestId);
      const lang = c.get('lang');
      const kind = kindOf(wf, task.requestKind);
      // A CC notice is read-only: no step to decide (it may predate every step of its request).
      const [spec, described, tasks] = await Promise.all([
        task.status === 'cc' ? READ_ONLY : kind.specFor(wf, task.requestId, task.stepKey),
        kind.describe(wf, task.requestId),
        getTasks(deps.store, steps.flatMap((s) => s.taskIds)),
      ]);
      const { step, fields } = presentSpec(spec, lang);
      const answers = await answersOf(wf, task.requestKind, task.requestId, tasks, lang);
      // A step asked again (after 退回, a resubmission, or another's 加签 decision) starts from its last answer.
      if (task.status === 'cc' && !task.readAt) {
        task.readAt = deps.now().toISOString();
        await markNoticeRead(deps.store, task.id, task.readAt);
      }
      const last = task.status === 'pending' || task.status === 'waiting'
        ? tasks.filter((t) => t.stepKey === task.stepKey && t.id !== task.id && t.fields && t.decidedAt).sort((a, b) => a.decidedAt!.localeCompare(b.decidedAt!)).at(-1)
        : undefined;
      // No earlier answer: a resubmission starts from what the request holds now.
      const start = !last?.fields && task.status === 'pending' && kind.currentValues ? await kind.currentValues(wf, task.requestId, task.stepKey) : undefined;
      return c.json({
        ...present(task, lang, deps.now()),
        requesterId: task.requesterId,
        summary: described.summary[lang],
        requestAttachments: described.attachments?.length ? await attachmentRefs(deps.store, described.attachments, deps.now()) : [],
        requestPath: described.consolePath,
        chain: (described.steps ?? []).map((s) => ({ key: s.key, label: s.label[lang] })),
        fields: task.status === 'cc' ? [] : fields,
        step,
        timeline: steps.map((s) => presentStep(s, tasks, answers)),
        ...(last?.fields ? { prefill: last.fields } : start ? { prefill: start } : {}),
      }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/decision', operationId: 'decideApproval', tags: ['approvals'],
      summary: 'Approve or reject (a reject needs a comment). Exactly one decision per step wins; a late one gets 409 naming who decided.',
      middleware: [peopleOnly(), requires('approvals:write'), idempotent()] as const,
      parameters: [IDEMPOTENCY_KEY],
      request: { params: IdParam, body: jsonBody(DecisionBody) },
      responses: { 200: json(ApprovalSchema), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const me = actor(c);
      const deps = c.get('deps');
      const { decision, comment, attachments, ...fields } = c.req.valid('json');
      const taskId = c.req.valid('param').id;
      // Files first (#12): only the task's own approver gets this far, and a refused id decides
      // nothing. A task no longer pending (a retried decision) gets decide's own 409, not a
      // refusal of files it already carries.
      const own = attachments?.length ? await loadOwnTask(deps.workflow, taskId, me.id) : null;
      const claim = own && attachments && own.status === 'pending'
        ? await claimAttachments(deps, attachments, me, { requestKind: own.requestKind, requestId: own.requestId, via: 'decision', targetId: own.id })
        : undefined;
      const task = await decide(deps.workflow, { taskId, actor: me, decision, comment: comment ?? null, channel: c.get('channel'), fields, ...(claim ? { attachments: claim } : {}) });
      return c.json(present(task, c.get('lang'), deps.now()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/return', operationId: 'returnApproval', tags: ['approvals'],
      summary: '退回: send the request back to an earlier step (mandatory comment); that step is asked again and the chain continues from there',
      middleware: [peopleOnly(), requires('approvals:write'), idempotent()] as const,
      parameters: [IDEMPOTENCY_KEY],
      request: { params: IdParam, body: jsonBody(z.object({ toStep: z.string().min(1).max(40), comment: paragraphText(2000) }).strict().openapi('ReturnRequest')) },
      responses: { 200: json(ApprovalSchema), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const me = actor(c);
      const deps = c.get('deps');
      const body = c.req.valid('json');
      const task = await decide(deps.workflow, { taskId: c.req.valid('param').id, actor: me, decision: 'return', comment: body.comment, channel: c.get('channel'), returnTo: body.toStep });
      return c.json(present(task, c.get('lang'), deps.now()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/transfer', operationId: 'transferApproval', tags: ['approvals'], summary: 'Transfer (转交) my task to another person; my links stop working and they are emailed',
      middleware: [peopleOnly(), requires('approvals:write'), idempotent()] as const,
      parameters: [IDEMPOTENCY_KEY],
      request: { params: IdParam, body: jsonBody(z.object({ toUserId: z.string().min(1).max(64), comment: paragraphText(2000).optional() }).strict()) },
      responses: { 200: json(ApprovalSchema), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const me = actor(c);
      const deps = c.get('deps');
      const body = c.req.valid('json');
      const moved = await transfer(deps.workflow, { taskId: c.req.valid('param').id, actor: me, toUserId: body.toUserId, comment: body.comment ?? null, channel: c.get('channel') });
      return c.json(present(moved, c.get('lang'), deps.now()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/add-approvers', operationId: 'addApprovers', tags: ['approvals'],
      summary: '加签: add people before me, after me or in parallel with me; the added group decides as any one (或签) or all (会签)',
      description: '`before`: they are asked now and the step comes back to me after them; `after`: they are asked once I approve; `parallel`: they join my stage and `mode` applies to all of us. A reject or return by anyone decides the whole step.',
      middleware: [peopleOnly(), requires('approvals:write'), idempotent()] as const,
      parameters: [IDEMPOTENCY_KEY],
      request: {
        params: IdParam,
        body: jsonBody(z.object({
          users: z.array(z.string().min(1).max(64)).min(1).max(10),
          position: z.enum(['before', 'after', 'parallel']),
          mode: z.enum(['any', 'all']).default('any'),
          comment: paragraphText(2000).optional(),
        }).strict().openapi('AddApproversRequest')),
      },
      responses: { 200: json(z.object({ items: z.array(ApprovalSchema) })), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const me = actor(c);
      const deps = c.get('deps');
      const body = c.req.valid('json');
      const added = await addApprovers(deps.workflow, { taskId: c.req.valid('param').id, actor: me, userIds: body.users, position: body.position, mode: body.mode, comment: body.comment ?? null, channel: c.get('channel') });
      return c.json({ items: added.map((t) => present(t, c.get('lang'), deps.now())) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/batch-decision', operationId: 'batchDecideApprovals', tags: ['approvals'],
      summary: 'Approve several of my tasks with one comment; each is decided and audited on its own, and one failure undoes none of the others',
      middleware: [peopleOnly(), requires('approvals:write'), idempotent()] as const,
      parameters: [IDEMPOTENCY_KEY],
      request: { body: jsonBody(z.object({ ids: z.array(z.string().min(1).max(128)).min(1).max(50), decision: z.literal('approve'), comment: paragraphText(2000).optional() }).strict().openapi('BatchDecisionRequest')) },
      responses: {
        200: json(z.object({ results: z.array(z.object({ id: z.string(), status: z.number().int(), code: z.string().optional(), detail: z.string().optional() })) }).openapi('BatchDecisionResult')),
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const me = actor(c);
      const body = c.req.valid('json');
      const lang = c.get('lang');
      const results = await batchApprove(c.get('deps').workflow, { ids: body.ids, actor: me, comment: body.comment ?? null, channel: c.get('channel') }, (err) => ({
        status: statusOf(err.code), detail: message(lang, err.code, err.params),
      }));
      return c.json({ results }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/remind', operationId: 'remindApprover', tags: ['approvals'],
      summary: '催办: the requester or someone above the approver nudges them (at most once per policy interval); the approver is emailed',
      middleware: [peopleOnly(), requires('approvals:write'), idempotent()] as const,
      parameters: [IDEMPOTENCY_KEY],
      request: { params: IdParam },
      responses: { 200: json(ApprovalSchema), ...problemResponses(400, 401, 403, 404, 409, 429) },
    }),
    async (c) => {
      const p = principalOf(c);
      if (p.kind !== 'user') throw new DomainError('AUTH.FORBIDDEN');
      const deps = c.get('deps');
      const task = await remind(deps.workflow, { taskId: c.req.valid('param').id, actor: { id: p.id, name: p.name, roles: p.roles, employeeId: p.employeeId }, channel: c.get('channel') });
      return c.json(present(task, c.get('lang'), deps.now()), 200);
    },
  );

  return app;
}

