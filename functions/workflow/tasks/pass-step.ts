import { kindOf, type WorkflowDeps } from '../kinds.js';

/** A `waitUntil` step's time came: it is recorded as passed by the system, and the chain goes on. Idempotent. */
export async function passStep(deps: WorkflowDeps, p: { requestKind: string; requestId: string; stepKey: string; stepId: string }): Promise<{ passed: boolean }> {
  return { passed: await kindOf(deps, p.requestKind).passStep(deps, p.requestId, p.stepKey, p.stepId) };
}
