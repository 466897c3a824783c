/**
 * The pages behind emailed approval links (`/a/<signed link>`). Mail scanners prefetch links:
 * GET only shows a confirmation page and changes nothing; the page's POST decides, through the
 * same `decide` as the console and the API (channel "email"). A tampered, expired, used or
 * superseded link shows why it no longer works and, where known, who decided and when.
 */
import { Hono, type Context } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { verifyLink, type LinkClaims } from '../../email/links.js';
import { getStep, getTask, type ApprovalTask } from '../../storage/approvals.js';
import { getUser, type User } from '../../storage/users.js';
import { decide } from '../../workflow/decisions.js';
import { DecisionFieldsInvalid, fieldPath, fieldsFromForm, formName } from '../../domain/approvals/step-spec.js';
import { kindOf } from '../../workflow/kinds.js';
import { fieldErrors } from '../problem.js';
import type { AppEnv } from '../env.js';
import { message } from '../messages.js';
import {
  COMMENT_MAX_LENGTH, LINK_PAGE_HEADERS, linkProblemStatus, renderDecisionForm, renderDecisionResult, renderLinkProblem,
  type LinkProblemReason,
} from '../pages/decision-page.js';

type Loaded = { ok: true; claims: LinkClaims; task: ApprovalTask; approver: User } | { ok: false; page: Response };

export function linkRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/:token', async (c) => {
    const loaded = await load(c);
    if (!loaded.ok) return loaded.page;
    return c.body(await form(c, loaded), 200, LINK_PAGE_HEADERS);
  });

  app.post('/:token', async (c) => {
    const loaded = await load(c);
    if (!loaded.ok) return loaded.page;
    const body = await c.req.parseBody();
    const values = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    const { task, claims, approver } = loaded;
    const comment = (values.comment ?? '').slice(0, COMMENT_MAX_LENGTH);
    const spec = await kindOf(c.get('deps').workflow, task.requestKind).specFor(c.get('deps').workflow, task.requestId, task.stepKey);
    try {
      await decide(c.get('deps').workflow, {
        taskId: task.id, actor: { id: approver.id, name: approver.name }, decision: claims.action, comment, channel: 'email', fields: fieldsFromForm(spec.fields, values),
      });
    } catch (err) {
      // The same schema as the API's: the first problem, named by its field's label.
      if (err instanceof DecisionFieldsInvalid) {
        const [first] = fieldErrors(approver.language, err.issues);
        const field = spec.fields.find((f) => fieldPath(f) === first?.path);
        const error = `${field ? `${field.label[approver.language]}：` : ''}${first?.message ?? ''}`;
        return c.body(await form(c, loaded, error, values), 400, LINK_PAGE_HEADERS);
      }
      if (err instanceof DomainError && err.code === 'APPROVAL.SIGNED_IN_ONLY') return problemPage(c, approver.language, { reason: 'signed_in_only' }, task);
      if (err instanceof DomainError && !['APPROVAL.ALREADY_DECIDED', 'APPROVAL.TRANSFERRED', 'APPROVAL.WAITING', 'WORKFLOW.REQUEST_CLOSED'].includes(err.code)) {
        const error = message(approver.language, err.code, err.params);
        return c.body(await form(c, loaded, error, values), 422, LINK_PAGE_HEADERS);
      }
      if (err instanceof DomainError) return problemPage(c, approver.language, await whyNot(c, task), task);
      throw err;
    }
    return c.body(
      renderDecisionResult({ lang: approver.language, outcome: claims.action === 'approve' ? 'approved' : 'rejected', requestTitle: task.title[approver.language], stepLabel: task.stepLabel[approver.language], openUrl: openUrl(c, task) }),
      200,
      LINK_PAGE_HEADERS,
    );
  });

  return app;
}

async function load(c: Context<AppEnv>): Promise<Loaded> {
  const deps = c.get('deps');
  const lang = c.get('lang');
  const check = verifyLink(c.req.param('token') ?? '', deps.workflow.linkSecret, Math.floor(deps.now().getTime() / 1000));
  if (!check.ok) return { ok: false, page: problemPage(c, lang, { reason: check.reason }) };
  const task = await getTask(deps.store, check.claims.taskId);
  const approver = task ? await getUser(deps.store, task.approverId) : null;
  if (!task || !approver || task.approverId !== check.claims.approverId) return { ok: false, page: problemPage(c, lang, { reason: 'not_found' }) };
  const language = approver.language;
  if (task.linkNonce !== check.claims.nonce || task.status === 'transferred') {
    return { ok: false, page: problemPage(c, language, { reason: 'superseded' }, task) };
  }
  if (task.status !== 'pending') return { ok: false, page: problemPage(c, language, await whyNot(c, task), task) };
  // An irreversible step is decided signed in, never from the link alone: the page says where.
  const spec = await kindOf(deps.workflow, task.requestKind).specFor(deps.workflow, task.requestId, task.stepKey);
  if (spec.signedInOnly) return { ok: false, page: problemPage(c, language, { reason: 'signed_in_only' }, task) };
  return { ok: true, claims: check.claims, task, approver };
}

async function whyNot(c: Context<AppEnv>, task: ApprovalTask): Promise<{ reason: LinkProblemReason; decidedBy?: string; decidedAt?: string; decision?: 'approve' | 'reject' }> {
  const fresh = (await getTask(c.get('deps').store, task.id)) ?? task;
  if (fresh.status === 'transferred') return { reason: 'superseded' };
  const step = await getStep(c.get('deps').store, task.stepId);
  if (step?.status === 'cancelled') return { reason: 'withdrawn' };
  if (fresh.status === 'waiting' && step?.status === 'pending') return { reason: 'waiting' };
  if (step?.decision === 'return') return { reason: 'returned', ...(step.decidedByName ? { decidedBy: step.decidedByName } : {}), ...(step.decidedAt ? { decidedAt: step.decidedAt } : {}) };
  return {
    reason: 'used',
    ...(step?.decidedByName ? { decidedBy: step.decidedByName } : {}),
    ...(step?.decidedAt ? { decidedAt: step.decidedAt } : {}),
    ...(step?.decision ? { decision: step.decision } : {}),
  };
}

function problemPage(c: Context<AppEnv>, lang: 'zh-CN' | 'en', p: { reason: LinkProblemReason; decidedBy?: string; decidedAt?: string; decision?: 'approve' | 'reject' }, task?: ApprovalTask): Response {
  return c.body(renderLinkProblem({ lang, ...p, ...(task ? { openUrl: openUrl(c, task) } : {}) }), linkProblemStatus(p.reason), LINK_PAGE_HEADERS);
}

async function form(c: Context<AppEnv>, l: Extract<Loaded, { ok: true }>, error?: string, values?: Record<string, string>): Promise<string> {
  const lang = l.approver.language;
  const kind = kindOf(c.get('deps').workflow, l.task.requestKind);
  const summary = await kind.describe(c.get('deps').workflow, l.task.requestId);
  const spec = await kind.specFor(c.get('deps').workflow, l.task.requestId, l.task.stepKey);
  const extraFields = l.claims.action === 'approve'
    ? spec.fields.map((f) => ({
      name: formName(f), label: f.label[lang], type: f.type, required: f.required === true,
      ...(f.min !== undefined ? { min: f.min } : {}), ...(f.max !== undefined ? { max: f.max } : {}),
      ...(f.options ? { options: f.options.map((o) => ({ value: o.value, label: o.label[lang] })) } : {}),
    }))
    : [];
  return renderDecisionForm({
    lang, token: c.req.param('token') ?? '', action: l.claims.action, requestTitle: l.task.title[lang], stepLabel: l.task.stepLabel[lang],
    summary: summary.summary[lang], approverName: l.approver.name, commentRequired: l.claims.action === 'reject', extraFields,
    openUrl: openUrl(c, l.task), ...(error ? { error } : {}), ...(values ? { values } : {}),
  });
}

function openUrl(c: Context<AppEnv>, task: ApprovalTask): string {
  return `${c.get('deps').publicUrl}/#/approvals/${task.id}/show`;
}
