import { kindOf, type PlannedStep, type WorkflowDeps } from '../kinds.js';

/** Which human step comes next, from the request's state and its policy chain (data, not ASL). */
export async function planNextStep(deps: WorkflowDeps, p: { requestKind: string; requestId: string }): Promise<PlannedStep | { done: true }> {
  return kindOf(deps, p.requestKind).nextStep(deps, p.requestId);
}
