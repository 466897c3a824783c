/**
 * Sending a recorded decision to the waiting execution. The decision is stored first (the
 * step's conditional write, with a RESUME marker), so a failure here loses nothing: the step
 * stays un-resumed and is resumed again — by the remind/escalate task that replaced the token,
 * by the sweep at local start, or by the `resumeDecided` job (every few minutes, cloud and local).
 */
import { SendTaskSuccessCommand, TaskTimedOut, InvalidToken, TaskDoesNotExist } from '@aws-sdk/client-sfn';
import { getStep, markResumed, stepsToResume, type ApprovalStep } from '../storage/approvals.js';
import type { ChainComplete, PlannedStep, WorkflowDeps } from './kinds.js';

/**
 * `plan`: what follows, planned by the decision itself (the execution uses it instead of
 * planning again). A planned step that opens records this one as resumed (PlannedStep.resumes);
 * for any other plan the marker is cleared here.
 */
export async function resumeStep(
  deps: WorkflowDeps,
  stepOrId: string | ApprovalStep,
  opts: { token?: string; plan?: PlannedStep | ChainComplete } = {},
): Promise<'resumed' | 'pending' | 'stale-token'> {
  const tokenOverride = opts.token;
  // The decision path passes the step it has just decided: no need to read it again.
  const step = typeof stepOrId === 'string' ? await getStep(deps.store, stepOrId) : stepOrId;
  if (!step || step.status !== 'decided') return 'pending';
  const token = tokenOverride ?? step.token;
  const plan = opts.plan && !opts.plan.done && opts.plan.type !== 'waitUntil' ? { ...opts.plan, resumes: step.id } : opts.plan;
  try {
    await deps.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ ...decisionOutput(step), ...(plan ? { plan } : {}) }) }));
  } catch (err) {
    // The wait this token belonged to has ended: the execution was resumed already (the marker
    // outlived it), or a reminder is replacing the token, and the task holding the new one sees
    // the decided step and resumes with it. Either way the marker has served.
    if (err instanceof TaskTimedOut || err instanceof InvalidToken || err instanceof TaskDoesNotExist) {
      if (!tokenOverride) await markResumed(deps.store, step.id, step.resumedAt ?? deps.now().toISOString());
      return 'stale-token';
    }
    throw err;
  }
  if (!(plan && !plan.done && plan.resumes)) await markResumed(deps.store, step.id, deps.now().toISOString());
  return 'resumed';
}

/**
 * After a decision is committed: resumes the execution now if Step Functions answers, else
 * leaves it to the `resumeDecided` job (the RESUME marker was written with the decision). The
 * decision stands either way; the caller is not told of a failure it could not act on.
 */
export async function resumeOrLeave(deps: WorkflowDeps, decided: ApprovalStep, plan?: PlannedStep | ChainComplete): Promise<void> {
  try {
    await resumeStep(deps, decided, plan ? { plan } : {});
  } catch (err) {
    deps.log('warn', 'decision recorded; its execution resumes with the next sweep', { stepId: decided.id, error: err instanceof Error ? err.name : String(err) });
  }
}

/** What the execution sees: ids and the decision only, no personal data (ARCHITECTURE.md). */
export function decisionOutput(step: ApprovalStep): { decision: string; stepKey: string; stepId: string } {
  return { decision: step.decision ?? 'approve', stepKey: step.stepKey, stepId: step.id };
}

/**
 * Sends every recorded-but-unsent decision to its execution: at local start (all of them), and
 * as the scheduled `resumeDecided` job (`olderThanMs`: decisions that young are being resumed
 * by their own request).
 */
export async function resumeAll(deps: WorkflowDeps, opts: { olderThanMs?: number } = {}): Promise<number> {
  let resumed = 0;
  const before = opts.olderThanMs ? new Date(deps.now().getTime() - opts.olderThanMs).toISOString() : null;
  for (const stepId of await stepsToResume(deps.store)) {
    try {
      const step = before ? await getStep(deps.store, stepId) : null;
      if (step?.decidedAt && before && step.decidedAt > before) continue;
      if ((await resumeStep(deps, step ?? stepId)) === 'resumed') resumed += 1;
    } catch (err) {
      deps.log('warn', 'resume failed', { stepId, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return resumed;
}
