import type { ApprovalStep } from './types.js';

export interface ReturnChoice {
  id: string;
  name: string;
}

/**
 * 退回 to which step: the earlier steps of the request that were approved (a timeline record
 * with decision `approve`), each once, oldest first, named by the review's chain when known.
 * The task's own step is not among them; the API has the last word (422 APPROVAL.INVALID_RETURN).
 */
export function returnableSteps(
  timeline: readonly ApprovalStep[],
  currentStepKey: string,
  labelOf: (stepKey: string) => string = (key) => key,
): ReturnChoice[] {
  const seen = new Set<string>();
  const choices: ReturnChoice[] = [];
  for (const step of timeline) {
    if (step.decision !== 'approve' || step.stepKey === currentStepKey || seen.has(step.stepKey)) continue;
    seen.add(step.stepKey);
    choices.push({ id: step.stepKey, name: labelOf(step.stepKey) || step.stepKey });
  }
  return choices;
}
