import { kindOf, type WorkflowDeps } from '../kinds.js';

/** The chain ended: approved (apply the outcome), rejected, or failed (record why). */
export async function finishRequest(
  deps: WorkflowDeps,
  p: { requestKind: string; requestId: string; outcome: 'approved' | 'rejected' | 'failed'; error?: unknown },
): Promise<Record<string, unknown>> {
  return kindOf(deps, p.requestKind).finish(deps, p.requestId, p.outcome, p.error);
}
