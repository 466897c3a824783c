import { z } from '@hono/zod-openapi';
import type { ApprovalStep, ApprovalTask } from '../../storage/approvals.js';

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
      .array(z.object({ id: z.string(), approverId: z.string(), approverName: z.string(), status: z.string(), reason: z.string(), lastRemindedAt: z.string().nullable() }))
      .optional()
      .openapi({ description: 'Who is asked at a pending step (task ids for 催办 remind)' }),
  })
  .openapi('ApprovalStep');

export function presentStep(s: ApprovalStep, tasks: ApprovalTask[] = []): z.infer<typeof StepSchema> {
  const mine = tasks.filter((t) => t.stepId === s.id);
  return {
    ...(mine.length ? { tasks: mine.map((t) => ({ id: t.id, approverId: t.approverId, approverName: t.approverName, status: t.status, reason: t.reason, lastRemindedAt: t.lastRemindedAt ?? null })) } : {}),
    id: s.id, stepKey: s.stepKey, status: s.status, attempt: s.attempt, dueAt: s.dueAt, createdAt: s.createdAt,
    decision: s.decision, returnTo: s.returnTo ?? null, decidedByName: s.decidedByName, decidedAt: s.decidedAt, channel: s.channel, comment: s.comment,
  };
}
