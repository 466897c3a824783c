import { REQUESTER_STEP, type ApprovalStep } from './types.js';

export interface ReturnChoice {
  id: string;
  name: string;
}

/**
 * The steps the request has approved so far, oldest first, as the API counts them: a return
 * (退回) to a step undoes it and every step after it, a return to the requester — and the
 * requester's resubmission — undoes them all.
 */
export function approvedSteps(timeline: readonly ApprovalStep[]): string[] {
  let decided: string[] = [];
  for (const step of timeline) {
    if (step.stepKey === REQUESTER_STEP) {
      if (step.decision === 'approve') decided = [];
    } else if (step.decision === 'approve') {
      if (!decided.includes(step.stepKey)) decided.push(step.stepKey);
    } else if (step.decision === 'return' && step.returnTo) {
      const at = step.returnTo === REQUESTER_STEP ? 0 : decided.indexOf(step.returnTo);
      if (at >= 0) decided = decided.slice(0, at);
    }
  }
  return decided;
}

/**
 * 退回 to where: 发起人 first when the request has a requester (`requesterLabel`), then the
 * earlier approved steps, named by the review's chain when known. The task's own step is not
 * among them; the API has the last word (422 APPROVAL.INVALID_RETURN).
 */
export function returnableSteps(
  timeline: readonly ApprovalStep[],
  currentStepKey: string,
  labelOf: (stepKey: string) => string = (key) => key,
  requesterLabel?: string,
): ReturnChoice[] {
  if (currentStepKey === REQUESTER_STEP) return [];
  const steps = approvedSteps(timeline)
    .filter((key) => key !== currentStepKey)
    .map((key) => ({ id: key, name: labelOf(key) || key }));
  return requesterLabel ? [{ id: REQUESTER_STEP, name: requesterLabel }, ...steps] : steps;
}
