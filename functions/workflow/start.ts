import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { WorkflowDeps } from './kinds.js';

/** The execution's name is derived from the request: a retried start is idempotent. */
export function executionName(requestKind: string, requestId: string): string {
  return `${requestKind}-${requestId}`.slice(0, 80);
}

/** Known before the start, so the request can record it in the same write that creates it. */
export function executionArnOf(deps: WorkflowDeps, requestKind: string, requestId: string): string {
  return `${deps.approvalStateMachineArn.replace(':stateMachine:', ':execution:')}:${executionName(requestKind, requestId)}`;
}

/**
 * Starts a request's approval execution. Step Functions returns the same execution for the
 * same name and input, so a retried start does not run the chain twice.
 */
export async function startApproval(deps: WorkflowDeps, requestKind: string, requestId: string, startAt: string): Promise<string> {
  const out = await deps.sfn.send(
    new StartExecutionCommand({
      stateMachineArn: deps.approvalStateMachineArn,
      name: executionName(requestKind, requestId),
      input: JSON.stringify({ requestKind, requestId, startAt }),
    }),
  );
  return out.executionArn!;
}
