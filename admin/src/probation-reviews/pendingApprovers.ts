import type { StepTask } from '../approvals/types.js';
import type { ProbationReview } from './types.js';

export interface PendingApproverRow extends StepTask {
  stepKey: string;
  stepLabel: string;
}

/**
 * Who the review is waiting for (催办): the still-pending tasks of the pending step records,
 * each once, labelled with the step's name from the review's chain.
 */
export function pendingApprovers(
  review: Pick<ProbationReview, 'steps' | 'chain' | 'status'>,
  /** Names of steps outside the chain (退回给发起人's `requester`). */
  otherLabel: (stepKey: string) => string | undefined = () => undefined,
): PendingApproverRow[] {
  if (!['scheduled', 'in_review'].includes(review.status)) return [];
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
