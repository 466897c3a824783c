import { z } from '@hono/zod-openapi';
import type { ApprovalStep } from '../../storage/approvals.js';

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
  })
  .openapi('ApprovalStep');

export function presentStep(s: ApprovalStep): z.infer<typeof StepSchema> {
  return {
    id: s.id, stepKey: s.stepKey, status: s.status, attempt: s.attempt, dueAt: s.dueAt, createdAt: s.createdAt,
    decision: s.decision, returnTo: s.returnTo ?? null, decidedByName: s.decidedByName, decidedAt: s.decidedAt, channel: s.channel, comment: s.comment,
  };
}
