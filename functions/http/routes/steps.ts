import { z } from '@hono/zod-openapi';
import { labelledAnswers } from '../../domain/approvals/step-spec.js';
import { REQUESTER_STEP } from '../../domain/approvals/chain.js';
import { stagesOf, type ApprovalStep, type ApprovalTask } from '../../storage/approvals.js';
import { kindOf, type WorkflowDeps } from '../../workflow/kinds.js';
import { LabelledValue } from '../schemas.js';

/** An attachment as a decision or comment shows it; download it from GET /api/v1/attachments/{id}. */
export const AttachmentRefSchema = z
  .object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int() })
  .openapi('AttachmentRef');

/** One step of a request's timeline, as the approvals and the request pages show it. */
export const StepSchema = z
  .object({
    id: z.string(),
    stepKey: z.string(),
    status: z.enum(['pending', 'decided', 'cancelled']),
    attempt: z.enum(['ask', 'remind', 'escalate']),
    dueAt: z.string(),
    createdAt: z.string(),
    decision: z.enum(['approve', 'reject', 'return']).nullable(),
    returnTo: z.string().nullable(),
    decidedByName: z.string().nullable(),
    decidedAt: z.string().nullable(),
    channel: z.enum(['console', 'email', 'api', 'system']).nullable(),
    comment: z.string().nullable(),
    tasks: z
      .array(z.object({
        id: z.string(), approverId: z.string(), approverName: z.string(), status: z.string(), reason: z.string(), lastRemindedAt: z.string().nullable(),
        stage: z.number().int().nullable().openapi({ description: 'Index into `stages`; null for an escalation to a superior' }),
        onBehalfOfName: z.string().nullable(), addedByName: z.string().nullable(), decidedAt: z.string().nullable(), comment: z.string().nullable(), channel: z.string().nullable(),
        cancelledBy: z.enum(['withdraw', 'others', 'deadline']).nullable(),
        answers: z.array(LabelledValue).optional().openapi({ description: 'What this person’s decision recorded (the step’s fields), labelled' }),
        attachments: z.array(AttachmentRefSchema).optional().openapi({ description: 'Files this person’s decision carries (#12); absent when none' }),
      }))
      .optional()
      .openapi({ description: 'Everyone asked at the step, with their own decision (task ids for 催办 remind)' }),
    stages: z.array(z.object({ mode: z.enum(['any', 'all']), size: z.number().int() })).openapi({ description: '加签 / 会签: the order the step’s people decide in; `any` 或签, `all` 会签' }),
    activeStage: z.number().int(),
  })
  .openapi('ApprovalStep');

export function presentStep(s: ApprovalStep, tasks: ApprovalTask[] = [], answersOf: (t: ApprovalTask) => [string, string][] | undefined = () => undefined): z.infer<typeof StepSchema> {
  const mine = tasks.filter((t) => t.stepId === s.id && t.status !== 'cc');
  const { stages, active } = stagesOf(s);
  const stageOf = (id: string) => {
    const i = stages.findIndex((st) => st.taskIds.includes(id));
    return i < 0 ? null : i;
  };
  return {
    ...(mine.length ? { tasks: mine.map((t) => ({
      id: t.id, approverId: t.approverId, approverName: t.approverName, status: t.status, reason: t.reason, lastRemindedAt: t.lastRemindedAt ?? null,
      stage: stageOf(t.id), onBehalfOfName: t.onBehalfOfName ?? null, addedByName: t.addedByName ?? null, decidedAt: t.decidedAt, comment: t.comment, channel: t.channel,
      cancelledBy: t.cancelledBy ?? null,
      ...(answersOf(t)?.length ? { answers: answersOf(t)! } : {}),
      ...(t.attachments?.length ? { attachments: t.attachments.map(({ id, fileName, contentType, size }) => ({ id, fileName, contentType, size })) } : {}),
    })) } : {}),
    stages: stages.map((st) => ({ mode: st.mode, size: st.taskIds.length })),
    activeStage: active,
    id: s.id, stepKey: s.stepKey, status: s.status, attempt: s.attempt, dueAt: s.dueAt, createdAt: s.createdAt,
    decision: s.decision, returnTo: s.returnTo ?? null, decidedByName: s.decidedByName, decidedAt: s.decidedAt, channel: s.channel, comment: s.comment,
  };
}

/**
 * Each decision's recorded fields, labelled by its own step's spec: `presentStep`'s `answersOf`.
 * `wf` is the caller's engine call (`engineCall`), so the request is read once for all steps.
 */
export async function answersOf(wf: WorkflowDeps, kindName: string, requestId: string, tasks: ApprovalTask[], lang: 'zh-CN' | 'en'): Promise<(t: ApprovalTask) => [string, string][] | undefined> {
  const kind = kindOf(wf, kindName);
  const keys = [...new Set(tasks.filter((t) => t.fields).map((t) => t.stepKey))];
  const resubmitted = tasks.some((t) => t.stepKey === REQUESTER_STEP && t.decision === 'approve');
  const [specs, revisions] = await Promise.all([
    Promise.all(keys.map(async (k) => [k, await kind.specFor(wf, requestId, k)] as const)).then((pairs) => new Map(pairs)),
    resubmitted && kind.revisions ? kind.revisions(wf, requestId) : [],
  ]);
  const revisionAt = new Map(revisions.map((r) => [r.at, r]));
  return (t) => {
    // 重新提交: what the requester changed, as a diff ("before → after"), or that nothing changed.
    const revision = t.stepKey === REQUESTER_STEP && t.decidedAt ? revisionAt.get(t.decidedAt) : undefined;
    if (revision) {
      if (revision.changes.length === 0) return [[lang === 'zh-CN' ? '修改内容' : 'Changes', lang === 'zh-CN' ? '未修改，原样重新提交' : 'None: resubmitted as it was']];
      return revision.changes.map((c) => [c.label[lang], `${c.before[lang]} → ${c.after[lang]}`]);
    }
    return t.fields && specs.has(t.stepKey) ? labelledAnswers(specs.get(t.stepKey)!, t.fields, lang) : undefined;
  };
}
