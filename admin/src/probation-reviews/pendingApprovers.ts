import type { ApprovalStep, StepTask } from '../approvals/types.js';

export interface PendingApproverRow extends StepTask {
  stepKey: string;
  stepLabel: string;
}

/** A request as far as 催办 needs it: a probation review, a requisition. */
export interface RemindableRequest {
  status: string;
  chain: ReadonlyArray<{ key: string; label: string }>;
  steps?: ApprovalStep[];
}

/** The statuses in which a probation review's chain runs. */
const REVIEW_RUNNING = ['scheduled', 'in_review'];

/**
 * Who the request is waiting for (催办): the still-pending tasks of the pending step records,
 * each once, labelled with the step's name from the request's chain.
 */
export function pendingApprovers(
  review: RemindableRequest,
  /** Names of steps outside the chain (退回给发起人's `requester`). */
  otherLabel: (stepKey: string) => string | undefined = () => undefined,
  /** The request's statuses in which its chain runs (a requisition: `pending_approval`). */
  running: readonly string[] = REVIEW_RUNNING,
): PendingApproverRow[] {
  if (!running.includes(review.status)) return [];
  const labels = new Map(review.chain.map((s) => [s.key, s.label]));
  const seen = new Set<string>();
  const rows: PendingApproverRow[] = [];
  for (const step of review.steps ?? []) {
    if (step.status !== 'pending') continue;
    for (const task of step.tasks ?? []) {
      if (task.status !== 'pending' || seen.has(task.id)) continue;
      seen.add(task.id);
      rows.push({ ...task, stepKey: step.stepKey, stepLabel: labels.get(step.stepKey) ?? otherLabel(step.stepKey) ?? step.stepKey });
    }
  }
  return rows;
}
