import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { WorkflowDeps } from './kinds.js';

/**
 * Starts a request's approval execution. The execution name is derived from the request, so
 * a retried start is idempotent (Step Functions returns the same execution for the same name
 * and input) and the execution is findable from the request.
 */
export async function startApproval(deps: WorkflowDeps, requestKind: string, requestId: string, startAt: string): Promise<string> {
  const out = await deps.sfn.send(
    new StartExecutionCommand({
      stateMachineArn: deps.approvalStateMachineArn,
      name: `${requestKind}-${requestId}`.slice(0, 80),
      input: JSON.stringify({ requestKind, requestId, startAt }),
    }),
  );
  return out.executionArn!;
}
