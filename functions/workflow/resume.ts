/**
 * Sending a recorded decision to the waiting execution. The decision is stored first (the
 * step's conditional write), so a failure here loses nothing: the step stays un-resumed and
 * is resumed again — by the next decision attempt, by the remind/escalate task that replaced
 * the token, or by the sweep at start.
 */
import { SendTaskSuccessCommand, TaskTimedOut, InvalidToken, TaskDoesNotExist } from '@aws-sdk/client-sfn';
import { getStep, markResumed, stepsToResume, type ApprovalStep } from '../storage/approvals.js';
import type { WorkflowDeps } from './kinds.js';

export async function resumeStep(deps: WorkflowDeps, stepId: string, tokenOverride?: string): Promise<'resumed' | 'pending' | 'stale-token'> {
  const step = await getStep(deps.store, stepId);
  if (!step || step.status !== 'decided') return 'pending';
  const token = tokenOverride ?? step.token;
  try {
    await deps.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(decisionOutput(step)) }));
  } catch (err) {
    // The wait this token belonged to has ended (a reminder replaced it): the task that holds
    // the new token sees the decided step and resumes with it.
    if (err instanceof TaskTimedOut || err instanceof InvalidToken || err instanceof TaskDoesNotExist) return 'stale-token';
    throw err;
  }
  await markResumed(deps.store, step.id, deps.now().toISOString());
  return 'resumed';
}

/** What the execution sees: ids and the decision only, no personal data (ARCHITECTURE.md). */
export function decisionOutput(step: ApprovalStep): { decision: string; stepKey: string; stepId: string } {
  return { decision: step.decision ?? 'approve', stepKey: step.stepKey, stepId: step.id };
}

/** At start (and after an outage): send every recorded-but-unsent decision to its execution. */
export async function resumeAll(deps: WorkflowDeps): Promise<number> {
  let resumed = 0;
  for (const stepId of await stepsToResume(deps.store)) {
    try {
      if ((await resumeStep(deps, stepId)) === 'resumed') resumed += 1;
    } catch (err) {
      deps.log('warn', 'resume failed', { stepId, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return resumed;
}
